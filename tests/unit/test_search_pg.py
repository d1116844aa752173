"""Search on both databases beyond tests/unit/test_search.py: words inside addresses and
numbers are found alike, and on PostgreSQL the index is really used and any typed text is a
valid tsquery."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orat_tui.store.search import search
from orat_tui.store.search_pg import make_snippet, to_tsquery_text
from tests.unit.test_search import HOSTILE, a_meeting, texts

FRIDAY = datetime(2026, 11, 27, 9, 0)
ADDRESSES = "Mejla a@b.se eller se polisen.se/tips, 12.5 km bort, -5 grader, e-post kl 09:00."


def test_words_in_addresses_and_numbers_are_words_on_both(store, malmo):
    m = a_meeting(store, malmo, FRIDAY, {"past_week": ADDRESSES})
    for query in ("polisen", "tips", "b", "5", "12", "km", "e-post", "post", "09", "Mejla",
                  "polisen.se", '"se polisen"', "grader"):
        assert [h.meeting_id for h in search(store, query)] == [m.id], query
    # a long note: the snippet is the 16 words around the match, on both databases alike
    assert texts(search(store, "polisen")) == [
        "Mejla a@b.se eller se polisen.se/tips, 12.5 km bort, -5 grader, e…"]
    for query in ("polis", "125", "epost", "mejl"):
        assert search(store, query) == [], query


def test_the_swedish_words_a_stemmer_would_drop_are_found(store, malmo):
    """The `swedish` configuration drops "för", "och", "i" and stems "mötet"; `simple`
    keeps every word as it is."""
    a_meeting(store, malmo, FRIDAY, {"past_week": "Och så var det för mycket i mötet."})
    a_meeting(store, malmo, FRIDAY - timedelta(days=7), {"past_week": "Ett möt."})
    for query in ("och", "för", "i", "det", "mötet"):
        assert texts(search(store, query)) == ["Och så var det för mycket i mötet."], query
    assert texts(search(store, "möt")) == ["Ett möt."]


def test_any_text_is_a_query_on_both(store, malmo):
    a_meeting(store, malmo, FRIDAY, {"past_week": "a b inbrott 'quoted' x!y"})
    for query in HOSTILE + ["a <-> b", "a & !b", "a | b", "'a':*", "a:*B", "x!y"]:
        assert isinstance(search(store, query), list), query
    assert len(search(store, "x!y")) == 1 and len(search(store, "'quoted'")) == 1


def _pg(store):
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's own index")


def test_postgresql_index_is_used(store, malmo):
    _pg(store)
    a_meeting(store, malmo, FRIDAY, {"past_week": "Inbrott i Limhamn."})
    with store.engine.connect() as c:
        c.exec_driver_sql("SET enable_seqscan = off")
        plan = "\n".join(r[0] for r in c.exec_driver_sql(
            "EXPLAIN SELECT id FROM note WHERE orat_search_words(text) @@ "
            "to_tsquery('simple', '''limhamn''')"))
    assert "ix_note_search" in plan, plan


def test_postgresql_index_follows_every_change(store, malmo):
    _pg(store)
    m = a_meeting(store, malmo, FRIDAY, {"past_week": "Klotter vid Möllevångstorget."})
    slot = next(iter(m.notes))
    store.save_notes(m.id, {slot: "Skadegörelse vid Värnhemstorget."}, now=FRIDAY)
    assert search(store, "Möllevångstorget") == []
    assert [h.slot for h in search(store, "VÄRNHEMSTORGET")] == [slot]


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(typed=st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\"*-^():+&|!<>'\\ ")))
def test_whatever_is_typed_postgresql_accepts_the_tsquery(store, typed):
    _pg(store)
    tsquery, _terms = to_tsquery_text(typed)
    if tsquery is not None:
        with store.engine.connect() as c:
            c.exec_driver_sql("SELECT to_tsquery('simple', %(q)s)", {"q": tsquery}).scalar()


def test_a_snippet_of_a_long_note_is_the_window_with_the_matches():
    text = " ".join(f"ord{i}" for i in range(40)) + " inbrott och stöld " + "slut " * 10
    _q, terms = to_tsquery_text("inbrott stöld")
    snippet = make_snippet(text, terms, 16)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert "\ue000inbrott\ue001" in snippet and "\ue000stöld\ue001" in snippet
    assert len(snippet.split()) <= 17
