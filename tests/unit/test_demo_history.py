"""`orat demo --years N` (store/demo_history.py): a large city's forums over years, written in
bulk to a real SQLite file, deterministic for a seed."""

from __future__ import annotations

import sqlite3
from collections import Counter
from contextlib import nullcontext
from datetime import date

import pytest

from orat_tui.cli import main
from orat_tui.store.demo_history import DISTRICTS, forum_days, forums

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def one_year(tmp_path_factory):
    path = tmp_path_factory.mktemp("history") / "year.db"
    assert main(["demo", "--years", "1", "--db", str(path), "--today", TODAY.isoformat()]) == 0
    con = sqlite3.connect(path)
    yield path, con
    con.close()


def test_one_year_has_every_forum_with_its_cadence(one_year):
    _path, con = one_year
    per_series = dict(con.execute(
        "SELECT series.name, count(*) FROM meeting JOIN series ON series.id = meeting.series_id "
        "GROUP BY series.name").fetchall())
    assert len(per_series) == len(DISTRICTS) + 3
    weekly = {n: c for n, c in per_series.items() if not n.startswith(("Styrgrupp", "Arbetsgrupp", "KKL"))}
    assert len(weekly) == 5 and all(49 <= c <= 52 for c in weekly.values()), weekly
    assert {d for _k, d, *_ in DISTRICTS} == {n.split(" · ")[1] for n in weekly}
    assert per_series["Styrgrupp Fem Fokus · Malmö"] == 6
    assert per_series["Arbetsgrupp Fem Fokus · Malmö"] == 8
    assert per_series["KKL-möte · Malmö"] == 2
    (state,) = {r[0] for r in con.execute("SELECT state FROM meeting")}
    assert state == "ended"
    assert con.execute("SELECT max(started_at) FROM meeting").fetchone()[0] < TODAY.isoformat()


def test_notes_absences_and_the_search_index(one_year):
    _path, con = one_year
    meetings = con.execute("SELECT count(*) FROM meeting").fetchone()[0]
    notes, avg = con.execute("SELECT count(*), avg(length(text)) FROM note").fetchone()
    assert notes >= 10 * meetings and 120 <= avg <= 400
    assert con.execute("SELECT count(*) FROM attendee WHERE present = 0").fetchone()[0] > 50
    assert con.execute("SELECT count(*) FROM step WHERE status = 'absent'").fetchone()[0] > 50
    # every note is in the full-text index, and the index is consistent
    con.execute("INSERT INTO note_fts(note_fts, rank) VALUES ('integrity-check', 1)")
    hits = con.execute("SELECT count(*) FROM note_fts WHERE note_fts MATCH 'polisen'").fetchone()[0]
    assert hits > 100
    # the district forums speak of Malmö, not of the towns the templates come from
    assert con.execute("SELECT count(*) FROM note WHERE text LIKE '%Örebro%' OR text LIKE "
                       "'%ÖBO%' OR text LIKE '%Bromölla%'").fetchone()[0] == 0


def test_the_app_reads_it(one_year):
    from orat_tui.store.meetings import Store

    path, _con = one_year
    store = Store.open(f"sqlite:///{path}")
    try:
        newest = store.recent_meetings(limit=5)
        assert len(newest) == 5
        m = store.load(newest[0].id)
        assert m.notes and m.attendees and m.steps
    finally:
        store.close()


def test_same_seed_same_history_again_refills(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    args = ["--years", "1", "--today", "2020-03-01"]
    assert main(["demo", "--db", str(a), *args]) == 0
    assert main(["demo", "--db", str(b), *args]) == 0
    assert main(["demo", "--db", str(b), *args]) == 2  # not over a database with meetings
    assert main(["demo", "--db", str(b), "--again", *args]) == 0  # the same meetings again
    q = "SELECT m.id, m.started_at, n.slot, n.text FROM note n JOIN meeting m ON m.id = n.meeting_id ORDER BY 1, 3"
    rows_a = sqlite3.connect(a).execute(q).fetchall()
    assert rows_a == sqlite3.connect(b).execute(q).fetchall()


def test_ten_years_hold_at_least_2500_meetings():
    first = date(2016, 11, 20)
    counts = Counter({f.key: len(forum_days(f, first, TODAY)) for f in forums()})
    assert sum(counts.values()) >= 2500
    assert counts["styrgrupp"] == 60 and counts["arbetsgrupp"] == 80 and counts["kkl"] == 20


@pytest.mark.parametrize("bad", [["--years", "0"], ["--years", "51"], ["--weeks", "0"],
                                 ["--years", "1", "--weeks", "2"]])
def test_bad_spans_refused_in_one_line(tmp_path, capsys, bad):
    with pytest.raises(SystemExit) if "--weeks" in bad and "--years" in bad else nullcontext():
        code = main(["demo", "--db", str(tmp_path / "x.db"), *bad])
        assert code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.strip()



def test_the_picture_of_the_district_forums(one_year):
    _path, con = one_year
    district_meetings = con.execute(
        "SELECT count(*) FROM meeting WHERE series_id IN (SELECT DISTINCT series_id FROM area)"
    ).fetchone()[0]
    areas = con.execute("SELECT count(*), count(DISTINCT series_id) FROM area").fetchone()
    assert areas == (sum(len(d[5]) for d in DISTRICTS), len(DISTRICTS))
    # the chair confirms a combined level at every district meeting, none elsewhere
    assert con.execute("SELECT count(*) FROM combined_level").fetchone()[0] == district_meetings
    levels = {r[0] for r in con.execute("SELECT level FROM area_level")}
    assert {"gront", "gult"} <= levels <= {"gront", "gult", "orange", "rott"}
    # signals are rated 1-4 (0: vet ej) for all 20 questions, while a hotspot is not green
    q, lo, hi = con.execute("SELECT count(DISTINCT question), min(value), max(value) "
                            "FROM signal_rating").fetchone()
    assert (q, lo) == (20, 0) and hi <= 4
    # an event opens when a hotspot leaves green and closes when it is back: at most one
    # open per series, and a closed one closes in a meeting at or after its raising
    open_per_series = con.execute("SELECT max(n) FROM (SELECT count(*) AS n FROM event WHERE "
                                  "closed_at IS NULL GROUP BY series_id)").fetchone()[0]
    assert open_per_series in (None, 1)
    assert con.execute("SELECT count(*) FROM event").fetchone()[0] > 5
    assert con.execute("SELECT count(*) FROM event WHERE closed_at < raised_at").fetchone()[0] == 0


def test_the_store_reads_the_picture(one_year):
    from orat_tui.store.meetings import Store

    path, con = one_year
    (series_id,) = con.execute("SELECT series_id FROM area LIMIT 1").fetchone()
    store = Store.open(f"sqlite:///{path}")
    try:
        picture = store.picture(series_id)
        assert picture.areas and store.events(series_id, open_only=False)
    finally:
        store.close()


def test_actions_followed_up_with_their_trail(one_year):
    _path, con = one_year
    statuses = dict(con.execute("SELECT status, count(*) FROM action GROUP BY status").fetchall())
    assert statuses.get("done", 0) > 20 and set(statuses) <= {"planned", "ongoing", "done",
                                                              "dropped"}
    # every action has its creation in its trail, made in a meeting of its own series
    assert con.execute("SELECT count(*) FROM action WHERE id NOT IN (SELECT action_id FROM "
                       "action_change WHERE field = 'created')").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM action JOIN meeting ON meeting.id = "
                       "action.meeting_id WHERE meeting.series_id != action.series_id"
                       ).fetchone()[0] == 0
    # closed ones are closed, open ones are not, and every action names an area of its series
    assert con.execute("SELECT count(*) FROM action WHERE (status IN ('done', 'dropped')) != "
                       "(closed_on IS NOT NULL)").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM action JOIN area ON area.id = action.area_id "
                       "WHERE area.series_id != action.series_id").fetchone()[0] == 0
    # decisions beside the wrap-up, focus areas on some notes
    assert con.execute("SELECT count(*) FROM note WHERE slot LIKE '%:decision'").fetchone()[0]
    assert con.execute("SELECT count(*) FROM note_focus").fetchone()[0] > 20


def test_the_store_reads_the_actions(one_year):
    from orat_tui.store.meetings import Store

    path, con = one_year
    (series_id,) = con.execute("SELECT series_id FROM action LIMIT 1").fetchone()
    store = Store.open(f"sqlite:///{path}")
    try:
        from orat_tui.store.actions import action_history, series_actions

        found = series_actions(store, series_id)
        assert found and action_history(store, found[0].id)[0].field == "created"
    finally:
        store.close()
