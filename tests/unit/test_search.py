"""Full-text search (schema 0003 on SQLite, 0007 on PostgreSQL; orat_tui.store.search) and
`orat search` / `orat meetings`, on real SQLite files and (a second run) real PostgreSQL
databases, which must answer alike: Swedish letters stay themselves, any text is a valid query, newest
meeting first, the index follows every change of a note, a removed personal number does not
linger in the index."""

from __future__ import annotations

import argparse
import json
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import Session

from orat_tui.domain.meeting import ENDED, new_meeting, note_slot
from orat_tui.store.db import _alembic_config, head_revision, migrate
from orat_tui.store.demo import generate_demo
from orat_tui.store.meetings import Store
from orat_tui.store.models import MeetingRow
from tests.conftest import BACKENDS
from orat_tui.store.search import (
    SEARCH_TABLES,
    SearchUnavailable,
    include_name,
    index_in_step,
    list_meetings,
    query_terms,
    rebuild_index,
    search,
    split_snippet,
    to_fts_query,
)

FRIDAY = datetime(2026, 11, 27, 9, 0)
TODAY = date(2026, 11, 28)
TRIGGERS = {"note_fts_insert", "note_fts_update", "note_fts_delete"}
HOSTILE = ['"', "-", "NOT", "a:b", "(", "*", '""', '"unbalanced', "NEAR(", "^", "", " ",
           "AND", "OR", "NOT inbrott", "inbrott NOT", '"a" OR "b"', "NEAR(a b, 2)", "a + b",
           "text:inbrott", "{text}: x", "-inbrott", "*inbrott", "inbrott**", "möte *", ")",
           "'", "\\", "%", "_", ":query", "?", "\x00", "a\x00b", "\udcff", "\ud800x", "🙂",
           "\u0301", '"inbrott', 'inbrott"', '"""', '"a" "b', "^inbrott", "in^brott",
           "col:", ":", "a:", "\t\n", "(inbrott OR stöld)", " ".join(["ord"] * 1000)]


def a_meeting(store, template, when, notes: dict[str, str], ended: bool = True):
    """A meeting of `template` at `when` with notes: {field of the first turn: text}."""
    sid = store.series_for_template(template, when)
    m = new_meeting(sid, template, when)
    turn = next(s for s in m.steps if s.kind == "turn")
    m.notes = {note_slot(turn, field): text for field, text in notes.items()}
    if ended:
        m.state, m.ended_at = ENDED, when + timedelta(hours=1)
    store.save(m, now=when)
    return m


def texts(hits) -> list[str]:
    return ["".join(t for t, _ in h.spans) for h in hits]


# --------------------------------------------------------------------------- Swedish words


@pytest.fixture
def swedish(store, malmo):
    a_meeting(store, malmo, FRIDAY - timedelta(days=14),
              {"past_week": "Oro för bränder i Rosengård.", "coming_week": "Inget for oss."})
    a_meeting(store, malmo, FRIDAY - timedelta(days=7),
              {"past_week": "Åsa från fältgruppen var med på mötet.",
               "coming_week": "Nytt mote med skolan; ett möte till i december."})
    return store


def test_a_ring_and_dots_are_letters_of_their_own(swedish):
    assert texts(search(swedish, "för")) == ["Oro för bränder i Rosengård."]
    assert texts(search(swedish, "for")) == ["Inget for oss."]
    assert texts(search(swedish, "möte")) == ["Nytt mote med skolan; ett möte till i december."]
    assert [h.spans for h in search(swedish, "mote")] == [
        (("Nytt ", False), ("mote", True), (" med skolan; ett möte till i december.", False))]
    assert search(swedish, "mötet")[0].spans[-2:] == (("mötet", True), (".", False))


def test_case_is_folded_for_swedish_capitals_too(swedish):
    for query in ("ÅSA", "åsa", "Åsa", "FÄLTGRUPPEN"):
        assert texts(search(swedish, query)) == ["Åsa från fältgruppen var med på mötet."], query
    assert search(swedish, "asa") == []
    assert texts(search(swedish, "ROSENGÅRD")) == ["Oro för bränder i Rosengård."]


def test_a_trailing_star_searches_by_the_beginning_of_words(swedish):
    hits = search(swedish, "möte*")
    assert len(hits) == 2
    assert [t for h in hits for t, match in h.spans if match] == ["mötet", "möte"]
    assert search(swedish, "möte") != hits  # without the star: the word itself only
    assert texts(search(swedish, "rosen*")) == ["Oro för bränder i Rosengård."]


def test_every_word_must_occur_a_quoted_phrase_in_its_order(swedish):
    assert texts(search(swedish, "möte december")) == [
        "Nytt mote med skolan; ett möte till i december."]
    assert search(swedish, "möte bränder") == []
    assert len(search(swedish, '"ett möte"')) == 1
    assert search(swedish, '"möte ett"') == []


@pytest.mark.parametrize("query", HOSTILE)
def test_any_text_is_a_query_never_an_error(swedish, query):
    hits = search(swedish, query)
    assert isinstance(hits, list)


def test_operators_are_words_not_syntax(swedish):
    assert to_fts_query('NOT "a" OR NEAR(b') == '"NOT" AND "a" AND "OR" AND "NEAR(b"'
    assert to_fts_query("möte*") == '"möte"*'
    assert to_fts_query('say "hi there"* x') == '"say" AND "hi there"* AND "x"'
    assert to_fts_query('"unbalanced') == '"""unbalanced"'
    for nothing in ('"', "-", "(", "*", '""', "^", "", "  ", "\x00", "—"):
        assert to_fts_query(nothing) is None, repr(nothing)
    assert query_terms("a:b  möte*") == [("a:b", False), ("möte", True)]


_PROBE = None


def _probe() -> sqlite3.Connection:
    """An FTS5 table like orat's, in memory, with a few rows."""
    global _PROBE
    if _PROBE is None:
        _PROBE = sqlite3.connect(":memory:")
        _PROBE.execute("CREATE VIRTUAL TABLE t USING fts5(text, "
                       "tokenize='unicode61 remove_diacritics 0')")
        _PROBE.executemany("INSERT INTO t(text) VALUES (?)",
                           [("Oro för bränder",), ("möte NOT near",), ("a b c",)])
    return _PROBE


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from('"*-^():+ ')))
def test_whatever_is_typed_fts5_accepts_the_query(typed):
    fts = to_fts_query(typed)
    if fts is not None:
        _probe().execute("SELECT count(*) FROM t WHERE t MATCH ?", (fts,)).fetchone()


def test_a_snippet_marks_the_matched_words_on_one_line():
    spans = split_snippet("…one\ue000two\ue001 three\n\x1b[31m\ue000four\ue001")
    assert spans == (("…one", False), ("two", True), (" three \\x1b[31m", False), ("four", True))


# --------------------------------------------------------------------------- order and limit


@pytest.fixture(scope="module", params=BACKENDS)
def demo_store(request, tmp_path_factory):
    """Eight weeks of demo meetings, made once per module and database kind."""
    from contextlib import ExitStack

    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'orat.db'}"
        else:
            from tests.pg import fresh_database, need_server

            need_server()
            url = stack.enter_context(fresh_database())
        s = Store.open(url)
        generate_demo(s, weeks=8, today=TODAY)
        yield s
        s.close()


def test_newest_meeting_first(demo_store):
    hits = search(demo_store, "och", limit=500)
    assert len(hits) > 40
    starts = [h.started_at for h in hits]
    assert starts == sorted(starts, reverse=True)
    assert len({h.meeting_id for h in hits}) > 10


def test_the_limit_keeps_the_newest(demo_store):
    every = search(demo_store, "och", limit=10_000)
    assert [h.slot for h in search(demo_store, "och", limit=7)] == [h.slot for h in every[:7]]
    assert len(search(demo_store, "och")) == 50
    assert search(demo_store, "och", limit=0) == []


def test_one_series_only(demo_store):
    series = {s.template_id: s for s in demo_store.list_series()}
    malmo = series["malmo-orat"]
    hits = search(demo_store, "och", limit=500, series_id=malmo.id)
    assert hits and {h.series_name for h in hits} == {malmo.name}
    assert search(demo_store, "och", series_id="no-such-series") == []


def test_a_hit_says_where_the_note_sits(demo_store, malmo):
    # "ordföranden": what is passed on to an absent member goes through the chair
    hits = search(demo_store, "och", limit=10_000) + search(demo_store, "ordföranden", limit=10_000)
    labels = {h.where for h in hits}
    police = next(m.short for m in malmo.members if m.key.startswith("pol"))
    assert any(label.startswith(f"{police} · ") for label in labels)
    from orat_tui.labels import field_label

    pass_on = field_label("pass_on").split("{name}")[0]  # "To pass on to {name}"
    assert any(label.startswith(pass_on) for label in labels)
    assert all(" · " in label or label.startswith(pass_on) for label in labels), labels
    assert all(h.where != h.slot for h in hits)


def test_list_meetings_newest_first_with_series_and_state(demo_store):
    rows = list_meetings(demo_store)
    assert len(rows) == 24  # three series, eight weeks
    assert [r.started_at for r in rows] == sorted((r.started_at for r in rows), reverse=True)
    assert {r.state for r in rows} == {ENDED}
    assert {r.template_id for r in rows} == {"malmo-orat", "orebro-samordning",
                                             "bromolla-lagesbild"}
    malmo = list_meetings(demo_store, template_id="malmo-orat", limit=3)
    assert len(malmo) == 3 and {r.series_name for r in malmo} == {"Örat mot marken · Malmö"}
    assert list_meetings(demo_store, series_id=malmo[0].series_id) == [
        r for r in rows if r.template_id == "malmo-orat"]


# --------------------------------------------------------------------------- the index in step


def test_at_head_the_triggers_are_there_and_the_index_agrees(demo_store):
    if demo_store.engine.dialect.name != "sqlite":
        pytest.skip("SQLite's FTS5 triggers (PostgreSQL's index: test_postgresql_index_*)")
    with demo_store.engine.connect() as c:
        names = {r[0] for r in c.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'note'")}
        tables = {r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert names == TRIGGERS
    assert SEARCH_TABLES <= tables
    assert head_revision() >= "0003"  # later migrations keep the index
    assert index_in_step(demo_store)


def test_the_index_follows_an_update(store, malmo):
    m = a_meeting(store, malmo, FRIDAY, {"past_week": "Klotter vid Möllevångstorget."})
    slot = next(iter(m.notes))
    store.save_notes(m.id, {slot: "Skadegörelse vid Värnhemstorget."}, now=FRIDAY)
    assert search(store, "Möllevångstorget") == []
    assert [h.slot for h in search(store, "värnhemstorget")] == [slot]
    assert index_in_step(store)


def test_a_deleted_meeting_leaves_the_search_with_its_notes(store, malmo):
    keep = a_meeting(store, malmo, FRIDAY, {"past_week": "Brand i en soptunna i Lindängen."})
    gone = a_meeting(store, malmo, FRIDAY - timedelta(days=7),
                     {"past_week": "Brand i ett förråd i Lindängen.",
                      "coming_week": "Trygghetsvandring i Kroksbäck."})
    assert len(search(store, "lindängen")) == 2
    with Session(store.engine) as s:
        if store.engine.dialect.name == "sqlite":
            assert s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        s.delete(s.get(MeetingRow, gone.id))
        s.commit()
    assert [h.meeting_id for h in search(store, "lindängen")] == [keep.id]
    assert search(store, "kroksbäck") == []
    assert index_in_step(store)  # the cascade's deletes reached the index: nothing stale


@pytest.mark.sqlite_only
def test_a_note_written_with_the_index_out_of_step_is_found_after_a_rebuild(store, malmo):
    m = a_meeting(store, malmo, FRIDAY, {"past_week": "Ordinarie."})
    with store.engine.begin() as c:
        c.exec_driver_sql("DROP TRIGGER note_fts_update")
        c.exec_driver_sql("UPDATE note SET text = 'Eldning vid Pildammsparken' "
                          "WHERE meeting_id = ?", (m.id,))
    assert not index_in_step(store)
    rebuild_index(store)
    assert index_in_step(store)
    assert len(search(store, "pildammsparken")) == 1


def test_downgrade_drops_the_index_and_upgrade_indexes_the_notes_there(tmp_path, malmo):
    from alembic import command

    store = Store.open(f"sqlite:///{tmp_path / 'orat.db'}")
    with store.engine.begin() as conn:
        command.downgrade(_alembic_config(conn), "0002")
    with store.engine.connect() as c:
        left = {r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert not left & (SEARCH_TABLES | TRIGGERS)
    a_meeting(store, malmo, FRIDAY, {"past_week": "Oro kring Ribersborg inför helgen."})
    migrate(store.engine)  # back to head: the notes written at 0002 are indexed
    assert len(search(store, "ribersborg")) == 1
    assert index_in_step(store)
    store.close()


def test_autogenerate_leaves_the_index_alone(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    store = Store.open(db_url)
    with store.engine.connect() as c:
        context = MigrationContext.configure(c, opts={"include_name": include_name})
        assert compare_metadata(context, SQLModel.metadata) == []
    store.close()


def test_search_on_another_database_says_so_clearly():
    other = Store(SimpleNamespace(dialect=SimpleNamespace(name="mysql")))
    with pytest.raises(NotImplementedError, match="SQLite and PostgreSQL"):
        search(other, "inbrott")
    with pytest.raises(SearchUnavailable):
        search(other, "")


# --------------------------------------------------------------------------- forgetting

PNR = "19811218-9876"  # the shape of a personal identity number (the check digit is not checked)


def _history(store, malmo, *versions: str, delete: bool = False) -> None:
    """A note saved as each of `versions` in turn (autosave while typing), among other
    meetings' notes; then, with `delete`, its meeting deleted. The store is closed at the end:
    the last connection checkpoints the write-ahead log into the file."""
    for week in range(1, 4):  # more notes, so the index has segments to keep words in
        a_meeting(store, malmo, FRIDAY - timedelta(days=7 * week),
                  {"past_week": f"Vecka {week}: lugnt i Hyllie, inbrott i Limhamn."})
    m = a_meeting(store, malmo, FRIDAY, {"past_week": versions[0]})
    for text in versions[1:]:
        store.save_notes(m.id, {next(iter(m.notes)): text}, now=FRIDAY)
    if delete:
        with Session(store.engine) as s:
            s.delete(s.get(MeetingRow, m.id))
            s.commit()
    store.close()


def _files_hold(folder: Path, needle: bytes) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file() and needle in p.read_bytes())


def _index_holds(folder: Path, needle: bytes) -> bool:
    """Whether the index's own blocks hold `needle` (short digit strings turn up by chance in
    the random ids elsewhere in the file, so those are looked for here)."""
    con = sqlite3.connect(folder / "orat.db")
    try:
        return any(needle in bytes(b) for (b,) in con.execute("SELECT block FROM note_fts_data"))
    finally:
        con.close()


def _store(tmp_path) -> Store:
    return Store.open(f"sqlite:///{tmp_path / 'orat.db'}")


def test_a_removed_personal_number_does_not_linger_in_the_index(tmp_path, malmo):
    _history(_store(tmp_path), malmo, f"Ärende gällande {PNR}, tas utanför mötet.",
             "Ärende på individnivå, tas utanför mötet.")
    assert _files_hold(tmp_path, b"19811218") == []
    assert not _index_holds(tmp_path, b"9876")


def test_nor_do_the_half_typed_versions_autosave_wrote(tmp_path, malmo):
    typed = [f"Ärende {PNR[:n]}" for n in (4, 6, 8, 10, 11, 13)]  # ... 19811218-9876
    _history(_store(tmp_path), malmo, *typed, "Ärende på individnivå.")
    assert _files_hold(tmp_path, b"19811218") == []
    for part in (b"1981", b"198112", b"987"):
        assert not _index_holds(tmp_path, part), part


def test_nor_in_a_deleted_meeting(tmp_path, malmo):
    _history(_store(tmp_path), malmo, f"Ärende gällande {PNR}.", delete=True)
    assert _files_hold(tmp_path, b"19811218") == []


def test_without_the_shape_of_one_the_index_keeps_removed_words(tmp_path, malmo):
    """The control: FTS5 does keep the words of changed text until its segments merge, so
    the tests above can fail."""
    _history(_store(tmp_path), malmo, "Ärende 19811218 gällande zqxjvk, tas utanför mötet.",
             "Ärende på individnivå, tas utanför mötet.")
    assert _files_hold(tmp_path, b"zqxjvk") == ["orat.db"]
    assert _files_hold(tmp_path, b"19811218") == ["orat.db"]
    assert _index_holds(tmp_path, b"zqxjvk")


# --------------------------------------------------------------------------- the commands


def run(*argv: str) -> int:
    """`orat <argv>` through the commands' register(), the way cli.py wires them."""
    from orat_tui.commands import search as module

    parser = argparse.ArgumentParser(prog="orat")
    parser.add_argument("--db", default=None)
    parser.add_argument("--lang", default=None)
    sub = parser.add_subparsers(dest="command")

    def add_command(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help)
        p.add_argument("--db", default=argparse.SUPPRESS)
        p.add_argument("--lang", default=argparse.SUPPRESS)
        return p

    module.register(add_command)
    args = parser.parse_args(list(argv))
    return args.run(args)


@pytest.fixture
def demo_db(demo_store, isolated):
    """What a person gives --db: the file, or the server's URL."""
    if demo_store.engine.dialect.name == "sqlite":
        return demo_store.engine.url.database
    return demo_store.engine.url.render_as_string(hide_password=False)


def test_orat_search_prints_one_line_per_hit(demo_db, capsys):
    assert run("search", "och", "--limit", "3", "--db", demo_db, "--lang", "sv") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    for line in lines:
        day, clock, rest = line.split(" ", 2)
        datetime.strptime(f"{day} {clock}", "%Y-%m-%d %H:%M")
        assert "[och]" in rest.lower() and " · " in rest


def test_orat_search_json_for_scripts(demo_db, capsys):
    assert run("--db", demo_db, "search", "möte*", "--json", "--limit", "5") == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 5
    assert set(hits[0]) == {"meeting_id", "title", "started_at", "state", "series", "slot",
                            "where", "internal", "snippet", "spans"}
    assert all(any(s["match"] and s["text"].lower().startswith("möte") for s in h["spans"])
               for h in hits)
    assert [h["started_at"] for h in hits] == sorted((h["started_at"] for h in hits),
                                                      reverse=True)


def test_orat_search_finds_nothing_exit_1_error_exit_2(demo_db, tmp_path, capsys):
    assert run("search", '"NEAR(', "--db", demo_db) == 1
    assert run("search", "och", "--db", demo_db, "--json", "--series", "malmo-orat") == 0
    capsys.readouterr()
    assert run("search", "och", "--db", demo_db, "--limit", "0") == 2
    assert run("search", "och", "--db", str(tmp_path / "missing.db")) == 2
    assert not (tmp_path / "missing.db").exists()
    assert run("search", "och", "--db", demo_db, "--series", "no-such-template") == 2
    err = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] for line in err] == ["orat"] * 3
    assert "no-such-template" in err[-1]


def test_orat_meetings_lists_date_series_state_id(demo_db, capsys):
    assert run("meetings", "--db", demo_db, "--lang", "en", "--series", "orebro-samordning") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 8
    assert lines[0].split("  ")[1] == "Samordning mot social oro · Örebro"
    assert lines[0].split()[-2:][0] == "ended"
    assert run("meetings", "--db", demo_db, "--json", "--limit", "2") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["started_at"] for r in rows] == sorted((r["started_at"] for r in rows),
                                                      reverse=True)
    assert set(rows[0]) == {"id", "title", "started_at", "ended_at", "state", "series",
                            "template_id"}


def test_a_sqlite_without_fts5_still_upgrades_without_the_index(monkeypatch):
    """The migration leaves the index out rather than leave the database unopenable."""
    import importlib.util

    from sqlalchemy.exc import OperationalError

    from orat_tui.store.db import MIGRATIONS

    spec = importlib.util.spec_from_file_location(
        "orat_0003", MIGRATIONS / "versions" / "0003_search.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ran: list[str] = []

    def execute(sql: str):
        if "fts5" in sql:
            raise OperationalError(sql, (), Exception("no such module: fts5"))
        ran.append(sql)

    bind = SimpleNamespace(dialect=SimpleNamespace(name="sqlite"), exec_driver_sql=execute)
    monkeypatch.setattr(module, "op", SimpleNamespace(get_bind=lambda: bind))
    assert not module.fts5_available(bind)
    module.upgrade()
    assert ran == []
