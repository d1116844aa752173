"""The speaker clock (orat_tui.domain.timer) and the manual clock that drives it in tests.

Time only moves by hand: explicit `now` values or ManualClock.advance, never sleep.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from orat_tui.domain.clock import ManualClock
from orat_tui.domain.timer import SpeakerTimer, TimerState, format_clock, format_duration

T0 = 1000.0


def started(budget: float, share: float = 0.8, at: float = T0) -> SpeakerTimer:
    t = SpeakerTimer(budget=budget, warning_share=share)
    t.start(at)
    return t


# --------------------------------------------------------------------------- countdown


def test_countdown_from_budget():
    t = started(300)
    assert t.remaining(T0) == 300
    assert format_clock(t.remaining(T0)) == "05:00"
    assert t.remaining(T0 + 60) == 240
    assert format_clock(t.remaining(T0 + 60)) == "04:00"
    assert format_clock(t.remaining(T0 + 60.4)) == "04:00"  # rounded up while counting down
    assert format_clock(t.remaining(T0 + 61)) == "03:59"
    assert t.state(T0 + 60) is TimerState.OK


def test_a_timer_that_was_never_started_does_not_run():
    t = SpeakerTimer(budget=120)
    assert not t.running
    assert t.elapsed(T0 + 500) == 0
    assert t.remaining(T0 + 500) == 120
    assert t.state(T0 + 500) is TimerState.OK


def test_start_twice_does_not_restart_the_clock():
    t = started(300)
    t.start(T0 + 50)
    assert t.elapsed(T0 + 100) == 100


def test_elapsed_before_is_carried_into_a_restored_timer():
    t = SpeakerTimer(budget=300, elapsed_before=125.0)
    assert t.elapsed(T0) == 125
    t.start(T0)
    assert t.elapsed(T0 + 5) == 130


def test_reading_before_start_time_is_not_negative():
    t = started(300)
    assert t.elapsed(T0 - 10) == 0
    assert t.remaining(T0 - 10) == 300


# --------------------------------------------------------------------------- warning


def test_warning_at_default_share_of_eighty_percent():
    t = started(300)
    assert t.warning_share == 0.8
    assert t.state(T0 + 239.9) is TimerState.OK
    assert t.state(T0 + 240) is TimerState.WARNING
    assert t.state(T0 + 299.9) is TimerState.WARNING


@pytest.mark.parametrize("budget", [60, 120, 180, 240, 300, 480, 600, 900])
def test_warning_starts_exactly_at_four_fifths_of_whole_minute_budgets(budget):
    t = started(budget)
    assert t.state(T0 + budget * 4 / 5 - 0.001) is TimerState.OK
    assert t.state(T0 + budget * 4 / 5) is TimerState.WARNING


def test_warning_share_is_honoured():
    t = started(600, share=0.5)
    assert t.state(T0 + 299) is TimerState.OK
    assert t.state(T0 + 300) is TimerState.WARNING


def test_at_the_budget_exactly_it_is_not_yet_overtime():
    t = started(300)
    assert t.state(T0 + 300) is TimerState.WARNING
    assert format_clock(t.remaining(T0 + 300)) == "00:00"


# --------------------------------------------------------------------------- overtime


def test_overtime_counts_up():
    t = started(300)
    assert t.state(T0 + 300.5) is TimerState.OVERTIME
    assert t.remaining(T0 + 342) == -42
    assert format_clock(t.remaining(T0 + 342)) == "+00:42"
    assert format_clock(t.remaining(T0 + 342.9)) == "+00:42"
    assert format_clock(t.remaining(T0 + 300 + 61)) == "+01:01"


def test_zero_budget_is_overtime_as_soon_as_time_passes():
    t = started(0)
    assert t.state(T0 + 1) is TimerState.OVERTIME
    assert format_clock(t.remaining(T0 + 5)) == "+00:05"


# --------------------------------------------------------------------------- pause


def test_pause_and_resume_keep_the_elapsed_time():
    t = started(300)
    t.pause(T0 + 30)
    assert not t.running
    assert t.elapsed(T0 + 30) == 30
    assert t.elapsed(T0 + 1000) == 30  # a paused clock stands still
    t.start(T0 + 100)
    assert t.running
    assert t.elapsed(T0 + 110) == 40
    assert t.remaining(T0 + 110) == 260


def test_pause_twice_counts_once():
    t = started(300)
    t.pause(T0 + 30)
    t.pause(T0 + 90)
    assert t.elapsed(T0 + 200) == 30


def test_toggle_pauses_and_resumes():
    t = started(300)
    t.toggle(T0 + 10)
    assert not t.running
    t.toggle(T0 + 20)
    assert t.running
    assert t.elapsed(T0 + 25) == 15


# --------------------------------------------------------------------------- more time


def test_add_a_minute():
    t = started(300)
    t.add(60)
    assert t.budget == 360
    assert t.remaining(T0 + 60) == 300
    assert format_clock(t.remaining(T0 + 60)) == "05:00"


def test_a_minute_more_brings_overtime_back_to_a_countdown():
    t = started(120)
    assert t.state(T0 + 150) is TimerState.OVERTIME
    t.add(60)
    assert t.state(T0 + 150) is TimerState.WARNING  # 150 of 180 s is above 80 %
    assert format_clock(t.remaining(T0 + 150)) == "00:30"


def test_taking_time_away_never_gives_a_negative_budget():
    t = started(90)
    t.add(-60)
    assert t.budget == 30
    t.add(-60)
    assert t.budget == 0


# --------------------------------------------------------------------------- formatting


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "00:00"),
        (0.2, "00:01"),
        (59, "00:59"),
        (59.01, "01:00"),
        (600, "10:00"),
        (5999, "99:59"),
        (-1, "+00:01"),
        (-42, "+00:42"),
        (-61.9, "+01:01"),
        (-5999, "+99:59"),
    ],
)
def test_format_clock(seconds, text):
    assert format_clock(seconds) == text


def test_format_clock_past_99_minutes_shows_hours():
    assert format_clock(6000) == "1:40:00"
    assert format_clock(-6000) == "+1:40:00"
    assert format_clock(3 * 3600 + 5) == "3:00:05"


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0:00"), (-5, "0:00"), (59.4, "0:59"), (59.6, "1:00"), (125, "2:05"), (3725, "62:05")],
)
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text


# --------------------------------------------------------------------------- ManualClock


def test_manual_clock_moves_only_when_told():
    c = ManualClock(wall=datetime(2026, 11, 27, 9, 0), mono=5.0)
    assert c.monotonic() == 5.0
    assert c.now() == datetime(2026, 11, 27, 9, 0)
    c.advance(90)
    assert c.monotonic() == 95.0
    assert c.now() == datetime(2026, 11, 27, 9, 1, 30)
    with pytest.raises(ValueError):
        c.advance(-1)
    assert c.monotonic() == 95.0


def test_a_timer_driven_by_a_manual_clock():
    c = ManualClock()
    t = SpeakerTimer(budget=240)
    t.start(c.monotonic())
    c.advance(200)
    assert t.state(c.monotonic()) is TimerState.WARNING
    c.advance(82)
    assert format_clock(t.remaining(c.monotonic())) == "+00:42"
    assert c.now() - ManualClock().now() == timedelta(seconds=282)


# --------------------------------------------------------------------------- properties

times = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
budgets = st.floats(min_value=0, max_value=1e5, allow_nan=False)
shares = st.floats(min_value=0.01, max_value=1.0, allow_nan=False)

operation = st.one_of(
    st.tuples(st.just("start"), times),
    st.tuples(st.just("pause"), times),
    st.tuples(st.just("toggle"), times),
    st.tuples(st.just("add"), st.floats(min_value=-1e5, max_value=1e5, allow_nan=False)),
)


@given(budgets, st.lists(operation, max_size=30), times)
def test_elapsed_is_never_negative(budget, ops, query):
    """Whatever is done in whatever order (even readings that go backwards), the elapsed
    time is never negative and the budget never drops below zero."""
    t = SpeakerTimer(budget=budget)
    for name, value in ops:
        getattr(t, name)(value)
        assert t.elapsed(value) >= 0
        assert t.budget >= 0
    assert t.elapsed(query) >= 0


@given(
    budgets,
    st.floats(min_value=0, max_value=1e5, allow_nan=False),
    st.lists(st.floats(min_value=-1e5, max_value=1e6, allow_nan=False), min_size=2, max_size=20),
)
def test_elapsed_is_monotone_in_now_while_running(budget, before, readings):
    t = SpeakerTimer(budget=budget, elapsed_before=before)
    t.start(0.0)
    values = [t.elapsed(now) for now in sorted(readings)]
    assert values == sorted(values)
    assert all(v >= before for v in values)


@given(
    st.floats(min_value=0, max_value=1e5),
    st.floats(min_value=0, max_value=1e5),
    st.floats(min_value=0, max_value=1e5),
    st.floats(min_value=0, max_value=1e5),
)
def test_pause_resume_conserves_time(run1, paused, run2, start):
    t = SpeakerTimer(budget=300)
    t.start(start)
    t.pause(start + run1)
    t.start(start + run1 + paused)
    now = start + run1 + paused + run2
    # only the running stretches count; the pause in between does not
    assert math.isclose(t.elapsed(now), run1 + run2, rel_tol=1e-9, abs_tol=1e-6)
    t.pause(now)
    assert math.isclose(t.elapsed(now + paused + 1), run1 + run2, rel_tol=1e-9, abs_tol=1e-6)


@given(st.integers(min_value=0, max_value=99), st.integers(min_value=0, max_value=59))
def test_format_clock_round_trips_mm_ss(minutes, seconds):
    total = minutes * 60 + seconds
    text = format_clock(total)
    assert re.fullmatch(r"\d\d:\d\d", text)
    mm, ss = text.split(":")
    assert (int(mm), int(ss)) == (minutes, seconds)
    over = format_clock(-total) if total else "+00:00"
    assert over == f"+{text}"


@given(st.integers(min_value=1, max_value=99 * 60 + 59), st.floats(min_value=0.0, max_value=0.999))
def test_format_clock_rounds_a_countdown_up_and_overtime_down(whole, frac):
    # a countdown shows a full second until it has run out; overtime shows whole seconds over
    assert format_clock(whole - frac) == format_clock(whole)
    assert format_clock(-(whole + frac)) == format_clock(-whole)


@given(budgets.filter(lambda b: b > 0), shares, st.floats(min_value=0, max_value=2e5))
def test_state_agrees_with_remaining(budget, share, elapsed):
    t = SpeakerTimer(budget=budget, warning_share=share, elapsed_before=elapsed)
    state = t.state(0.0)
    assert (state is TimerState.OVERTIME) == (t.remaining(0.0) < 0)
    if state is TimerState.OK:
        assert elapsed < budget * share
    assume(state is not TimerState.OVERTIME)
    assert format_clock(t.remaining(0.0))[0] != "+"


def test_a_zero_budget_is_calm_until_someone_speaks():
    from orat_tui.domain.timer import SpeakerTimer, TimerState

    t = SpeakerTimer(budget=0)
    assert t.state(0.0) is TimerState.OK
    t.start(0.0)
    assert t.state(1.0) is TimerState.OVERTIME
