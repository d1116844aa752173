"""Forum cadence (issue 5): terms, parsing, next due date, held against required per term."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orat_tui.domain.cadence import (
    BEHIND,
    MET,
    MISSED,
    ON_TRACK,
    Cadence,
    CadenceError,
    Term,
    next_due,
    parse_cadence,
    parse_term,
    term_status,
    windows,
)
from orat_tui.domain.template import TemplateError, parse_template


# -- terms -----------------------------------------------------------------------------------
@pytest.mark.parametrize("day, code", [
    (date(2026, 1, 1), "2026H1"), (date(2026, 6, 30), "2026H1"),
    (date(2026, 7, 1), "2026H2"), (date(2026, 12, 31), "2026H2"),
])
def test_term_boundaries(day, code):
    term = Term.of(day)
    assert term.code == code
    assert day in term
    assert day - timedelta(days=1) in term or day == term.start
    assert term.start.day == 1 and (term.end + timedelta(days=1)).day == 1


def test_term_next_and_previous():
    assert Term(2026, 2).next() == Term(2027, 1)
    assert Term(2027, 1).previous() == Term(2026, 2)
    assert Term(2026, 1).next().previous() == Term(2026, 1)


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2900, 12, 31)))
def test_every_day_is_in_exactly_one_term(day):
    term = Term.of(day)
    assert day in term
    assert day not in term.next() and day not in term.previous()
    assert parse_term(term.code) == term


@pytest.mark.parametrize("text, term", [
    ("2026H2", Term(2026, 2)), ("2026h1", Term(2026, 1)), ("2026-H2", Term(2026, 2)),
    ("HT 2026", Term(2026, 2)), ("vt2026", Term(2026, 1)), (" VT  2027 ", Term(2027, 1)),
    ("autumn 2026", Term(2026, 2)), ("vår 2026", Term(2026, 1)),
])
def test_parse_term(text, term):
    assert parse_term(text) == term


@pytest.mark.parametrize("text", ["", "2026", "2026H3", "H2", "HT", "HT 26", "26H2",
                                  "sommar 2026", "2026H2x", "HT 0999", "ht\n2026; drop"])
def test_bad_term_says_what_is_accepted(text):
    with pytest.raises(CadenceError, match="2026H2"):
        parse_term(text)


# -- cadence ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, cadence", [
    ("weekly", Cadence(1, "week")), ("Monthly", Cadence(1, "month")),
    ("3 per term", Cadence(3, "term")), ("at least 4 per term", Cadence(4, "term")),
    ("2 per year", Cadence(2, "year")), ("2 a year", Cadence(2, "year")),
    ("1/week", Cadence(1, "week")),
])
def test_parse_cadence(text, cadence):
    assert parse_cadence(text) == cadence
    assert parse_cadence(str(cadence)) == cadence  # written back by template_to_data


@pytest.mark.parametrize("value", ["", "sometimes", "0 per term", "3 per decade", 3, None,
                                   "twice", "-1 per year"])
def test_bad_cadence(value):
    with pytest.raises(CadenceError, match="weekly"):
        parse_cadence(value)


def test_template_cadence_round_trip_and_error(shipped_data):
    from orat_tui.domain.template import template_to_data

    data = shipped_data("malmo-orat")
    t = parse_template("malmo-orat", data)
    assert t.cadence == Cadence(1, "week")
    assert parse_template("x", template_to_data(t)).cadence == t.cadence
    data["template"]["cadence"] = "often"
    with pytest.raises(TemplateError) as err:
        parse_template("malmo-orat", data)
    assert err.value.where == "template" and "3 per term" in err.value.message


# -- windows of a term -----------------------------------------------------------------------
def test_weeks_belong_to_the_term_of_their_thursday():
    ws = windows(Cadence(1, "week"), Term(2026, 2))
    assert ws[0].start == date(2026, 6, 29)  # Thursday 2 July is in the autumn
    assert ws[-1].end == date(2027, 1, 3)  # Thursday 31 December too
    assert len(ws) == 27
    spring = windows(Cadence(1, "week"), Term(2027, 1))
    assert spring[0].start == date(2027, 1, 4)  # no week counted twice
    assert len(windows(Cadence(1, "month"), Term(2026, 1))) == 6


# -- next due and term status ----------------------------------------------------------------
FRIDAY = 4


def test_weekly_due_on_the_weekday_until_held():
    tue = date(2026, 11, 24)
    assert next_due(Cadence(1, "week"), [], tue, FRIDAY) == date(2026, 11, 27)
    # held on Monday this week: next week's Friday
    assert next_due(Cadence(1, "week"), [date(2026, 11, 23)], tue, FRIDAY) == date(2026, 12, 4)
    # no weekday: by Sunday
    assert next_due(Cadence(1, "week"), [], tue) == date(2026, 11, 29)
    # Saturday with no meeting this week: overdue since Friday
    assert next_due(Cadence(1, "week"), [], date(2026, 11, 28), FRIDAY) == date(2026, 11, 27)


def test_per_term_due_dates_are_spread_over_the_term():
    c = Cadence(3, "term")
    today = date(2026, 1, 10)
    assert next_due(c, [], today) == date(2026, 3, 2)  # a third of 181 days
    assert next_due(c, [date(2026, 1, 9)], today) == date(2026, 5, 1)
    three = [date(2026, 1, 9), date(2026, 2, 9), date(2026, 3, 9)]
    assert next_due(c, three, date(2026, 3, 10)) == date(2026, 8, 31)  # next term's first third


def test_a_late_meeting_today_leaves_the_rest_spread_over_the_term():
    c = Cadence(3, "term")
    today = date(2026, 11, 24)
    st_ = term_status(c, [today], Term(2026, 2), today)
    assert st_.state == BEHIND and st_.next_due == date(2026, 12, 12)


def test_twice_a_year_due_by_midyear_then_year_end():
    c = Cadence(2, "year")
    assert next_due(c, [], date(2026, 2, 1)) == date(2026, 7, 2)
    assert next_due(c, [date(2026, 3, 1)], date(2026, 4, 1)) == date(2026, 12, 31)


def test_steering_group_term_status():
    c = Cadence(3, "term")
    term = Term(2026, 1)
    held = [date(2026, 2, 10), date(2026, 4, 15)]
    mid = term_status(c, held, term, date(2026, 5, 1))
    assert (mid.held, mid.required, mid.state) == (2, 3, ON_TRACK)
    assert mid.next_due == date(2026, 6, 30)
    late = term_status(c, held[:1], term, date(2026, 5, 5))
    # behind the even pace (the second was due by 1 May): the two still needed are spread
    # over what is left of the term, so the next is due by 2 June, not "overdue since May"
    assert late.state == BEHIND and late.next_due == date(2026, 6, 2)
    after = term_status(c, held, term, date(2026, 7, 1))
    assert (after.state, after.next_due) == (MISSED, None)
    done = term_status(c, held + [date(2026, 6, 1)], term, date(2026, 7, 1))
    assert done.met and done.state == MET
    # a meeting the day after the term ends does not count for it
    assert term_status(c, held + [date(2026, 7, 1)], term, date(2026, 7, 2)).state == MISSED


def test_weekly_status_counts_weeks_and_names_the_missing_ones():
    c = Cadence(1, "week")
    term = Term(2026, 2)
    fridays = [date(2026, 7, 3) + timedelta(weeks=i) for i in range(21)]  # to 20 Nov
    st_ = term_status(c, fridays, term, date(2026, 11, 24), FRIDAY)
    assert (st_.held, st_.required, st_.state, st_.missing) == (21, 27, ON_TRACK, ())
    gap = [d for d in fridays if d != date(2026, 9, 4)]
    st_ = term_status(c, gap, term, date(2026, 11, 24), FRIDAY)
    assert st_.state == BEHIND
    assert [w.start for w in st_.missing] == [date(2026, 8, 31)]
    assert st_.meetings == 20


def test_yearly_cadence_counts_the_whole_year_in_either_term():
    c = Cadence(2, "year")
    held = [date(2026, 3, 1), date(2026, 9, 1)]
    assert term_status(c, held, Term(2026, 1), date(2027, 1, 5)).state == MET
    assert term_status(c, held[:1], Term(2026, 2), date(2027, 1, 5)).state == MISSED
