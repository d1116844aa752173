"""Citizen promises (issue 5): progress against the share of the period or year gone, the
states of commitments, what a person types, and the store round trip."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orat_tui.domain.promises import (
    BEHIND,
    DONE,
    MET,
    MISSED,
    NOT_STARTED,
    ON_TRACK,
    OPEN,
    Commitment,
    Entry,
    Promise,
    PromiseError,
    current,
    parse_amount,
    parse_areas,
    parse_day,
    parse_period,
    parse_target,
    progress,
    share_gone,
    state_of,
    years_of,
)
from tests.unit.report_data import fill_promise, vaster_promise


def promise(*commitments, starts=date(2019, 1, 1), ends=date(2020, 12, 31)):
    return Promise("p", "Löfte", starts, ends, commitments=list(commitments))


def counted(target, *entries, per_year=False):
    return Commitment("c", "x", target=target, per_year=per_year,
                      entries=[Entry(str(i), d, n) for i, (d, n) in enumerate(entries)])


# -- share of the period gone ------------------------------------------------------------------
def test_share_gone_at_the_edges():
    start, end = date(2019, 1, 1), date(2020, 12, 31)
    assert share_gone(start, end, date(2018, 12, 31)) == 0
    assert share_gone(start, end, start) == pytest.approx(1 / 731)
    assert share_gone(start, end, date(2019, 12, 31)) == pytest.approx(365 / 731)
    assert share_gone(start, end, end) == 1
    assert share_gone(start, end, date(2030, 1, 1)) == 1


@given(st.dates(), st.integers(0, 4000), st.dates())
def test_share_gone_is_a_share_and_never_falls(start, length, today):
    from datetime import timedelta

    end = start + timedelta(days=length) if date.max - start > timedelta(days=length) else date.max
    share = share_gone(start, end, today)
    assert 0 <= share <= 1
    if today < date.max:
        assert share_gone(start, end, today + timedelta(days=1)) >= share


def test_years_of_a_period():
    assert years_of(date(2019, 1, 1), date(2020, 12, 31)) == [
        (date(2019, 1, 1), date(2019, 12, 31)), (date(2020, 1, 1), date(2020, 12, 31))]
    assert years_of(date(2019, 7, 1), date(2020, 9, 30)) == [
        (date(2019, 7, 1), date(2020, 6, 30)), (date(2020, 7, 1), date(2020, 9, 30))]
    assert years_of(date(2020, 2, 29), date(2021, 3, 1))[0] == (date(2020, 2, 29), date(2021, 2, 27))


# -- progress ------------------------------------------------------------------------------------
def test_period_target_against_the_share_gone():
    c = counted(25, (date(2019, 3, 1), 4), (date(2019, 9, 1), 6))
    p = promise(c)
    [w] = progress(c, p, date(2019, 12, 31))  # half the period gone: 12 expected, 10 done
    assert (w.target, w.done, w.state) == (25, 10, BEHIND)
    assert w.expected == pytest.approx(25 * 365 / 731)
    [w] = progress(c, p, date(2019, 10, 1))  # 9 months of 24: 9 expected, 10 done
    assert w.state == ON_TRACK
    assert progress(c, p, date(2018, 6, 1))[0].state == NOT_STARTED
    assert progress(c, p, date(2021, 1, 15))[0].state == MISSED
    c.entries.append(Entry("x", date(2020, 6, 1), 15))
    assert progress(c, p, date(2020, 6, 2))[0].state == MET


def test_entries_outside_the_period_do_not_count():
    c = counted(5, (date(2018, 12, 31), 5), (date(2021, 1, 1), 5))
    assert progress(c, promise(c), date(2022, 1, 1))[0].done == 0


def test_yearly_target_counts_each_year_against_that_year():
    c = counted(50, (date(2019, 5, 1), 55), (date(2020, 3, 1), 20), per_year=True)
    p = promise(c)
    y2019, y2020 = progress(c, p, date(2020, 7, 1))
    assert (y2019.done, y2019.state) == (55, MET)
    assert y2020.done == 20 and y2020.state == BEHIND  # half of 2020 gone: 25 expected
    assert current(c, p, date(2020, 7, 1)) == y2020
    assert current(c, p, date(2018, 1, 1)).start == date(2019, 1, 1)
    assert current(c, p, date(2030, 1, 1)).start == date(2020, 1, 1)
    assert state_of(c, p, date(2020, 7, 1)) == BEHIND
    assert state_of(c, p, date(2021, 1, 1)) == MISSED


def test_a_shorter_last_year_gets_its_share_of_the_yearly_target():
    c = counted(50, per_year=True)
    p = promise(c, starts=date(2019, 1, 1), ends=date(2020, 6, 30))
    assert [w.target for w in progress(c, p, date(2019, 1, 1))] == [50, 25]


def test_commitment_without_a_number():
    c = Commitment("c", "Tematräffar")
    p = promise(c)
    assert progress(c, p, date(2019, 5, 1)) == [] and current(c, p, date(2019, 5, 1)) is None
    assert state_of(c, p, date(2019, 5, 1)) == OPEN
    assert state_of(c, p, date(2021, 1, 1)) == MISSED
    c.done = True
    assert state_of(c, p, date(2021, 1, 1)) == DONE


def test_the_seed_promise_mid_period():
    p = vaster_promise()
    today = date(2020, 10, 1)
    states = [state_of(c, p, today) for c in p.commitments]
    assert states == [DONE, BEHIND, BEHIND, ON_TRACK]


# -- typed input ---------------------------------------------------------------------------------
def test_parse_day_and_period():
    assert parse_day("2019-01") == date(2019, 1, 1)
    assert parse_day("2020-02", end=True) == date(2020, 2, 29)
    assert parse_day("2020-12", end=True) == date(2020, 12, 31)
    assert parse_period("2019-01", "2020-12") == (date(2019, 1, 1), date(2020, 12, 31))
    with pytest.raises(PromiseError, match="missing"):
        parse_day(" ")
    for bad in ("januari", "2019-13", "2019-02-30", "19-01"):
        with pytest.raises(PromiseError, match="not a date"):
            parse_day(bad)
    with pytest.raises(PromiseError, match="ends before"):
        parse_period("2020-01", "2019-12")
    with pytest.raises(PromiseError, match="ten years"):
        parse_period("2019-01", "2040-01")


def test_parse_numbers_and_areas():
    assert parse_target("") is None and parse_target(" 25 ") == 25 and parse_target("1 000") == 1000
    for bad in ("0", "-3", "2.5", "many", "99999999", "²", "1²"):  # '²'.isdigit() is True
        with pytest.raises(PromiseError, match="not a target"):
            parse_target(bad)
    assert parse_amount("3") == 3 and parse_amount("-1") == -1 and parse_amount("+2") == 2
    for bad in ("0", "", "x", "1.5", "12345678"):
        with pytest.raises(PromiseError, match="not an amount"):
            parse_amount(bad)
    assert parse_areas("Bellevue, Holma;  kroksbäck ,holma,") == ["Bellevue", "Holma", "kroksbäck"]


# -- the store ---------------------------------------------------------------------------------
def test_store_round_trip_links_series_areas_and_deletes(store):
    from orat_tui.domain.template import parse_template
    from orat_tui.store.promises import (
        add_entry,
        delete_commitment,
        delete_promise,
        list_promises,
        save_promise,
    )

    saved = fill_promise(store)
    [back] = list_promises(store)
    assert back.title == saved.title and back.areas == ["Bellevue", "Holma", "Kroksbäck"]
    assert [c.text for c in back.commitments] == [c.text for c in saved.commitments]
    assert [sum(e.amount for e in c.entries) for c in back.commitments] == [0, 91, 13, 21]
    assert back.commitments[0].done and back.commitments[1].per_year
    assert back.commitments[1].target == 50 and back.commitments[0].target is None

    # linked to the series' areas where the names match (picture helper's area table)
    now = datetime(2026, 11, 24, 9, 0)
    t = parse_template("vaster", {"template": {"name": "Väster"},
                                  "members": [{"key": "polisen", "name": "Polisen"}],
                                  "steps": [{"kind": "roll_call"}],
                                  "areas": [{"key": "holma", "name": "Holma"}]})
    series_id = store.series_for_template(t, now)
    store.sync_areas(series_id, t.areas, now)
    back.series_id = series_id
    save_promise(store, back, now)
    from sqlmodel import Session, select

    from orat_tui.store.models_promises import PromiseAreaRow

    with Session(store.engine) as s:
        links = {r.name: r.area_id for r in s.exec(select(PromiseAreaRow)).all()}
    assert links["Holma"] is not None and links["Bellevue"] is None
    assert [p.id for p in list_promises(store, series_id)] == [back.id]
    assert list_promises(store, "no-such-series") == []

    with pytest.raises(KeyError):
        add_entry(store, "no-such-commitment", date(2020, 1, 1), 1, "", now)
    delete_commitment(store, back.commitments[1].id)
    assert len(list_promises(store)[0].commitments) == 3
    delete_promise(store, back.id)
    assert list_promises(store) == []


def test_finished_actions_count_towards_a_commitment(store):
    from dataclasses import replace

    from orat_tui.domain.actions import Action, finish
    from orat_tui.store.actions import action_history, add_action, get_action, update_action
    from orat_tui.store.promise_actions import link_action, linkable_actions
    from orat_tui.store.promises import list_promises

    p = fill_promise(store)
    visible = p.commitments[2]  # 13 visible activities recorded by hand
    now = datetime(2020, 3, 1, 10, 0)
    series_id = store.series_for_template(_template(), now)
    walk = add_action(store, Action(series_id, "Trygghetsvandring i Holma"), "sekr", now)
    fest = add_action(store, Action(series_id, "Familjedag i Kroksbäck"), "sekr", now)
    dropped = add_action(store, Action(series_id, "Inställd aktivitet", status="dropped"),
                         "sekr", now)
    assert {a.id for a in linkable_actions(store, series_id)} == {fest.id, walk.id}
    link_action(store, walk.id, visible.id, 3, "sekr", now)
    link_action(store, fest.id, visible.id, 1, "sekr", now)
    link_action(store, dropped.id, visible.id, 5, "sekr", now)

    c = list_promises(store)[0].commitments[2]
    assert sum(e.amount for e in c.entries) == 13 and c.pending == 2  # open ones wait

    done = finish(get_action(store, walk.id), "Genomförd", date(2020, 4, 2))
    update_action(store, done, "sekr", now)
    c = list_promises(store)[0].commitments[2]
    assert sum(e.amount for e in c.entries) == 16 and c.pending == 1
    from_action = [e for e in c.entries if e.action_id == walk.id]
    assert [(e.day, e.amount, e.note) for e in from_action] == [
        (date(2020, 4, 2), 3, "Trygghetsvandring i Holma")]
    # the action's own save leaves the link alone; the link is in its trail
    update_action(store, replace(get_action(store, walk.id), evaluation="Bra"), "sekr", now)
    assert sum(e.amount for e in list_promises(store)[0].commitments[2].entries) == 16
    assert any(ch.field == "commitment" and "synliga" in ch.after
               for ch in action_history(store, walk.id))

    link_action(store, walk.id, None, 0, "sekr", now)
    assert sum(e.amount for e in list_promises(store)[0].commitments[2].entries) == 13
    # deleting the commitment leaves the actions, unlinked
    from orat_tui.store.promises import delete_commitment

    delete_commitment(store, visible.id)
    assert get_action(store, fest.id).what == "Familjedag i Kroksbäck"
    assert all(a.commitment_id is None for a in linkable_actions(store, series_id))


def _template():
    from orat_tui.domain.template import parse_template

    return parse_template("vaster", {"template": {"name": "Väster"},
                                     "members": [{"key": "polisen", "name": "Polisen"}],
                                     "steps": [{"kind": "roll_call"}]})


def test_an_action_saves_without_the_promise_modules_imported_first(tmp_path):
    """action.commitment_id names the commitment table: saving an action in a process that
    never touched the promises must still find it (a real bug, seen in a terminal)."""
    import subprocess
    import sys

    from orat_tui.store.meetings import Store

    Store.open(f"sqlite:///{tmp_path / 'x.db'}").close()  # at the newest schema: no Alembic
    code = (
        "from datetime import datetime\n"
        "from orat_tui.store.meetings import Store\n"
        "from orat_tui.store.actions import add_action\n"
        "from orat_tui.domain.actions import Action\n"
        "from orat_tui.config import discover_templates\n"
        f"s = Store.open('sqlite:///{tmp_path / 'x.db'}')\n"
        "t = discover_templates()['malmo-orat'].template\n"
        "sid = s.series_for_template(t, datetime(2026, 1, 1))\n"
        "add_action(s, Action(sid, 'Trygghetsvandring'), 'sekr', datetime(2026, 1, 1))\n"
        "print('saved')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.strip() == "saved", out.stderr[-2000:]
