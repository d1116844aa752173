"""Actions across meetings: due and overdue rules, the follow-up order, the chair's answers,
reading typed dates, and the store (every change in the action's trail)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from orat_tui.domain.actions import (
    DONE, DROPPED, ONGOING, PLANNED, Action, DueDateError, carry_on, changes, days_overdue,
    drop, finish, follow_up_order, is_due_soon, is_overdue, open_actions, parse_due,
    parse_number,
)

TODAY = date(2026, 11, 27)  # a Friday


def act(what: str, due: date | None = None, status: str = PLANNED, n: int = 0) -> Action:
    return Action(series_id="s", what=what, due=due, status=status,
                  created_at=datetime(2026, 11, 1, 9, n))


# -- due and overdue ---------------------------------------------------------------------------
def test_overdue_only_after_the_due_day_and_only_while_open():
    assert not is_overdue(act("a", TODAY), TODAY)  # due today is not late
    assert is_overdue(act("a", date(2026, 11, 26)), TODAY)
    assert days_overdue(act("a", date(2026, 11, 20)), TODAY) == 7
    assert not is_overdue(act("a", date(2026, 11, 20), DONE), TODAY)
    assert not is_overdue(act("a", date(2026, 11, 20), DROPPED), TODAY)
    assert is_overdue(act("a", date(2026, 11, 20), ONGOING), TODAY)
    assert not is_overdue(act("a"), TODAY)  # no date: never late
    assert days_overdue(act("a", TODAY), TODAY) == 0


def test_due_soon_is_within_a_week_and_not_late():
    assert is_due_soon(act("a", TODAY), TODAY)
    assert is_due_soon(act("a", date(2026, 12, 4)), TODAY)
    assert not is_due_soon(act("a", date(2026, 12, 5)), TODAY)
    assert not is_due_soon(act("a", date(2026, 11, 26)), TODAY)
    assert not is_due_soon(act("a", TODAY, DONE), TODAY)


def test_follow_up_lists_overdue_first_then_by_date_then_undated_then_closed():
    actions = [
        act("no date", n=1),
        act("closed", date(2026, 11, 1), DONE, n=2),
        act("next week", date(2026, 12, 4), n=3),
        act("a day late", date(2026, 11, 26), n=4),
        act("a week late", date(2026, 11, 20), ONGOING, n=5),
        act("tomorrow", date(2026, 11, 28), n=6),
    ]
    order = [a.what for a in follow_up_order(actions, TODAY)]
    assert order == ["a week late", "a day late", "tomorrow", "next week", "no date", "closed"]
    assert [a.what for a in open_actions(actions, TODAY)] == order[:-1]


def test_the_order_depends_on_today():
    a, b = act("a", date(2026, 12, 1), n=1), act("b", date(2026, 12, 10), n=2)
    assert [x.what for x in follow_up_order([b, a], TODAY)] == ["a", "b"]
    later = date(2026, 12, 11)  # both late: the later one is further behind
    assert [x.what for x in follow_up_order([b, a], later)] == ["a", "b"]
    assert days_overdue(a, later) == 10


# -- the chair's answers -------------------------------------------------------------------------
def test_finish_continue_drop():
    a = act("Belysning Holma", date(2026, 11, 20))
    done = finish(a, "Lamporna bytta", TODAY, value=12)
    assert (done.status, done.result, done.result_value, done.closed_on) == (
        DONE, "Lamporna bytta", 12, TODAY)
    assert a.status == PLANNED  # the original is untouched
    on = carry_on(a, date(2026, 12, 11))
    assert (on.status, on.due, on.open) == (ONGOING, date(2026, 12, 11), True)
    gone = drop(a, "Ingen finansiering", TODAY)
    assert (gone.status, gone.evaluation, gone.open) == (DROPPED, "Ingen finansiering", False)
    assert changes(a, on) == [("due", "2026-11-20", "2026-12-11"), ("status", "planned", "ongoing")]
    assert changes(a, a) == []


# -- dates as typed ------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("2026-12-04", date(2026, 12, 4)),
    (" 2027-01-15 ", date(2027, 1, 15)),
    ("4/12", date(2026, 12, 4)),
    ("27/11", TODAY),
    ("3/1", date(2027, 1, 3)),  # January has passed this year: next year's
    ("+7", date(2026, 12, 4)),
    ("+ 3 dagar", date(2026, 11, 30)),
    ("+2v", date(2026, 12, 11)),
    ("+1 vecka", date(2026, 12, 4)),
    ("+3w", date(2026, 12, 18)),
    ("", None),
    ("   ", None),
])
def test_parse_due(text, expected):
    assert parse_due(text, TODAY) == expected


@pytest.mark.parametrize(("text", "impossible"), [
    ("imorgon", False), ("31/2", True), ("2026-02-30", True), ("12.4", False), ("+x", False),
    ("2026-13-01", True), ("4/12/2026", False),
])
def test_a_date_that_cannot_be_read_says_so_in_one_line(text, impossible):
    with pytest.raises(DueDateError) as info:
        parse_due(text, TODAY)
    assert info.value.impossible is impossible
    assert info.value.text == text.strip()
    assert "\n" not in str(info.value)


def test_parse_number():
    assert parse_number("25") == 25
    assert parse_number(" 12,5 ") == 12.5
    assert parse_number("") is None
    with pytest.raises(ValueError):
        parse_number("many")
    # float() reads these, but no goal is infinite and showing one again would crash
    for bad in ("inf", "-Infinity", "nan", "1e999"):
        with pytest.raises(ValueError):
            parse_number(bad)


def test_the_29th_of_february_is_found_in_the_next_leap_year():
    assert parse_due("29/2", date(2027, 3, 1)) == date(2028, 2, 29)
    assert parse_due("29/2", date(2028, 1, 10)) == date(2028, 2, 29)
    assert parse_due("29/2", date(2028, 3, 1)) == date(2032, 2, 29)
    with pytest.raises(DueDateError) as info:
        parse_due("30/2", date(2028, 1, 10))
    assert info.value.impossible


# -- the store -----------------------------------------------------------------------------------
# `store` is tests/unit/conftest.py's: each test runs on SQLite and on PostgreSQL


@pytest.fixture
def series(store):
    from orat_tui.config import discover_templates

    return store.series_for_template(discover_templates()["malmo-orat"].template,
                                     datetime(2026, 11, 1))


def test_actions_are_saved_changed_and_every_change_is_in_their_trail(store, series):
    from orat_tui.store.actions import (
        action_history, add_action, follow_up_actions, get_action, series_actions, update_action,
    )

    now = datetime(2026, 11, 20, 9, 30)
    a = add_action(store, Action(series_id=series, what="Belysning i Holma",
                                 responsible="hvo", responsible_name="HVO",
                                 with_member="fritid", due=date(2026, 11, 27),
                                 focus_area="offentliga-rummet", goal="alla lampor tända",
                                 goal_target=12), "Karin", now)
    assert get_action(store, a.id) == a
    later = datetime(2026, 11, 27, 9, 40)
    done = update_action(store, finish(get_action(store, a.id), "Klart", TODAY), "Ola", later,
                         meeting_id=None)
    assert done.version == 2
    back = get_action(store, a.id)
    assert (back.status, back.result, back.closed_on, back.goal_target) == (DONE, "Klart", TODAY, 12)
    trail = action_history(store, a.id)
    assert [(c.who, c.field, c.before, c.after) for c in trail] == [
        ("Karin", "created", "", "Belysning i Holma"),
        ("Ola", "status", "planned", "done"),
        ("Ola", "result", "", "Klart"),
    ]
    assert series_actions(store, series, (PLANNED, ONGOING)) == []
    assert [x.id for x in series_actions(store, series)] == [a.id]
    assert follow_up_actions(store, series, "another-meeting") == []


def test_a_stale_change_is_refused_and_nothing_written(store, series):
    from orat_tui.store.actions import ActionConflict, add_action, get_action, update_action

    now = datetime(2026, 11, 20, 9, 30)
    a = add_action(store, Action(series_id=series, what="x"), "a", now)
    mine, theirs = get_action(store, a.id), get_action(store, a.id)
    update_action(store, drop(theirs, "", TODAY), "b", now)
    with pytest.raises(ActionConflict):
        update_action(store, finish(mine, "r", TODAY), "a", now)
    assert get_action(store, a.id).status == DROPPED


def test_an_action_needs_a_text(store, series):
    from orat_tui.store.actions import add_action

    with pytest.raises(ValueError):
        add_action(store, Action(series_id=series, what="  "), "a", datetime(2026, 11, 20))
