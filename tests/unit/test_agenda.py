"""The agenda walk (orat_tui.domain.agenda): the plan of each shipped template, moving
through the steps, attendance, reordering, the projected end and the floor in a point.

Time moves by hand: every call gets an explicit monotonic `now`.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orat_tui.domain.agenda import AgendaWalk, Status, Step, plan_steps
from orat_tui.domain.template import parse_template

T0 = 1000.0
WALL = datetime(2026, 11, 27, 9, 0, 0)

MALMO_ORDER = [
    "polisen", "raddningstjansten", "asf", "grundskola", "forskola", "hvo", "kultur", "fritid",
]
OREBRO_TITLES = [
    "Fakta/händelser under senaste veckan.",
    "Information om kommande händelser.",
    "Samlad lägesbild, Hotspots. Trolig utveckling.",
    "Planerade åtgärder för att hantera händelsen.",
    "Behov av nya beslut eller förstärkning.",
    "Behov av ytterligare samordning på kort sikt.",
    "Påverkas andra verksamheter som behöver informeras.",
]
BROMOLLA_ORDER = [
    "socialtjansten", "elevhalsa", "andts", "raddningstjansten", "fastighet", "kultur-fritid",
    "sakerhetsskydd", "bromollabolagen",
]


def kinds(steps):
    return [s.kind for s in steps]


def members(steps):
    return [s.member for s in steps if s.kind == "turn"]


def turns(n: int, budget: float = 120) -> list[Step]:
    """roll call, n turns (members m0..), wrap-up."""
    return (
        [Step("roll_call", 60)]
        + [Step("turn", budget, member=f"m{i}", fields=("past_week", "coming_week"))
           for i in range(n)]
        + [Step("wrap_up", 300, fields=("summary",))]
    )


def current_ok(w: AgendaWalk) -> None:
    """Exactly the step at w.index is current."""
    assert [i for i, s in enumerate(w.steps) if s.status is Status.CURRENT] == [w.index]


# --------------------------------------------------------------------------- plans


def test_plan_malmo(malmo):
    steps = plan_steps(malmo)
    # the follow-up of actions after the round (the police open the meeting)
    assert kinds(steps) == ["roll_call"] + ["turn"] * 8 + ["follow_up", "wrap_up"]
    # police first, then the rescue service, then the other six in template order
    assert members(steps) == MALMO_ORDER
    police, rescue = steps[1], steps[2]
    assert police.budget == 8 * 60
    assert len(police.prompts) == 3
    text = " ".join(police.prompts).lower()
    for phrase in ("inbrott i något område", "narkotikaförsäljning", "våldsbrott"):
        assert phrase in text
    assert rescue.budget == 5 * 60 and rescue.prompts == ()
    for s in steps[3:9]:
        assert s.budget == 4 * 60  # the round's budget, for each member
        assert s.prompts == ()
    for s in steps[1:9]:
        assert s.fields == ("past_week", "coming_week")
    assert steps[0].budget == 180 and steps[0].fields == ()
    assert steps[-1].budget == 300 and steps[-1].fields == ("summary",)
    assert all(s.status is Status.PENDING and s.elapsed == 0 for s in steps)


def test_plan_orebro(orebro):
    steps = plan_steps(orebro)
    # point 3 shows the picture, point 4 (planned measures) is the follow-up of actions
    assert kinds(steps) == (["roll_call", "point", "point", "picture", "follow_up"]
                            + ["point"] * 3 + ["wrap_up"])
    points = steps[1:8]
    assert [p.number for p in points] == [1, 2, 3, 4, 5, 6, 7]
    assert [p.title for p in points] == OREBRO_TITLES
    assert all(p.member == "" and p.fields == ("note",) for p in points)
    assert sum(s.budget for s in steps) <= orebro.duration_minutes * 60


def test_plan_bromolla(bromolla):
    steps = plan_steps(bromolla)
    assert kinds(steps) == ["roll_call"] + ["turn"] * 8 + ["follow_up", "wrap_up"]
    assert members(steps) == BROMOLLA_ORDER
    assert not any("polis" in s.member for s in steps)
    assert not any("polis" in m.key or "Polis" in m.name for m in bromolla.members)


def test_each_plan_gets_fresh_unique_step_ids(malmo):
    a, b = plan_steps(malmo), plan_steps(malmo)
    ids = [s.id for s in a + b]
    assert len(set(ids)) == len(ids)


def test_a_round_passes_over_members_with_their_own_turn_wherever_that_turn_is():
    t = parse_template("x", {
        "template": {"name": "X"},
        "members": [{"key": "a", "name": "A"}, {"key": "b", "name": "B"},
                    {"key": "c", "name": "C"}],
        "steps": [{"kind": "round", "budget_minutes": 1},
                  {"kind": "turn", "member": "b", "budget_minutes": 3}],
    })
    steps = plan_steps(t)
    assert [(s.member, s.budget) for s in steps] == [("a", 60), ("c", 60), ("b", 180)]


def test_a_walk_needs_steps():
    with pytest.raises(ValueError):
        AgendaWalk([])


# --------------------------------------------------------------------------- walking


def test_starts_at_the_first_step_with_the_clock_running():
    w = AgendaWalk(turns(2), now=T0)
    assert w.index == 0 and w.current.kind == "roll_call"
    current_ok(w)
    assert w.timer.running
    assert w.timer.elapsed(T0 + 10) == 10


def test_go_next_finishes_the_step_and_starts_the_next():
    w = AgendaWalk(turns(2), now=T0)
    assert w.go_next(T0 + 50)
    assert w.steps[0].status is Status.DONE
    assert w.steps[0].elapsed == 50
    assert w.index == 1 and w.current.status is Status.CURRENT
    assert w.timer.elapsed(T0 + 60) == 10
    assert w.timer.budget == 120
    current_ok(w)


def test_go_next_at_the_last_step_does_nothing():
    w = AgendaWalk(turns(1), index=2, now=T0)
    assert w.next_step() is None
    assert not w.go_next(T0 + 5)
    assert w.index == 2 and w.current.status is Status.CURRENT


def test_go_next_starts_the_new_speaker_even_after_a_pause():
    w = AgendaWalk(turns(2), now=T0)
    w.toggle_pause(T0 + 10)
    w.go_next(T0 + 100)
    assert w.steps[0].elapsed == 10
    assert w.timer.running and w.timer.elapsed(T0 + 110) == 10


def test_go_previous_goes_back_and_keeps_counting_from_what_was_spoken():
    w = AgendaWalk(turns(2), now=T0)
    w.go_next(T0 + 30)  # roll call 30 s
    w.go_next(T0 + 130)  # m0 100 s
    assert w.index == 2
    assert w.go_previous(T0 + 130)  # m1 not spoken: back to pending
    assert w.index == 1
    assert w.steps[2].status is Status.PENDING
    assert w.current.status is Status.CURRENT
    assert w.timer.elapsed(T0 + 140) == 110
    current_ok(w)


def test_go_previous_marks_a_spoken_step_done():
    w = AgendaWalk(turns(2), now=T0)
    w.go_next(T0 + 30)
    assert w.go_previous(T0 + 45)
    assert w.steps[1].status is Status.DONE
    assert w.steps[1].elapsed == 15


def test_go_previous_at_the_first_step_does_nothing():
    w = AgendaWalk(turns(2), now=T0)
    assert not w.go_previous(T0 + 5)
    assert w.index == 0 and w.current.status is Status.CURRENT


def test_skip_marks_the_step_skipped():
    w = AgendaWalk(turns(2), index=1, now=T0)
    assert w.skip(T0 + 3)
    assert w.steps[1].status is Status.SKIPPED
    assert w.index == 2
    current_ok(w)


def test_skip_at_the_last_step_does_nothing():
    w = AgendaWalk(turns(1), index=2, now=T0)
    assert not w.skip(T0 + 1)
    assert w.current.status is Status.CURRENT


def test_go_to_comes_back_to_a_skipped_member():
    w = AgendaWalk(turns(3), index=1, now=T0)
    w.skip(T0)  # m0 skipped
    w.go_next(T0 + 60)  # m1 done
    assert w.go_to(1, T0 + 120)  # back to m0
    assert w.current.member == "m0" and w.current.status is Status.CURRENT
    assert w.steps[3].status is Status.DONE  # m2 was spoken 60 s
    assert w.steps[2].status is Status.DONE
    current_ok(w)


def test_go_to_leaves_an_unspoken_step_pending():
    w = AgendaWalk(turns(3), index=1, now=T0)
    assert w.go_to(3, T0)  # no time passed at m0
    assert w.steps[1].status is Status.PENDING
    assert w.index == 3


@pytest.mark.parametrize("target", [0, -1, 5, 99])
def test_go_to_refuses_the_current_step_and_out_of_range(target):
    w = AgendaWalk(turns(3), index=0, now=T0)
    assert not w.go_to(target, T0 + 1)
    assert w.index == 0 and w.current.status is Status.CURRENT


# --------------------------------------------------------------------------- absence


def test_absent_members_turns_are_passed_over_and_come_back():
    w = AgendaWalk(turns(3), now=T0)
    w.set_absent("m1", True)
    assert w.steps[2].status is Status.ABSENT
    w.go_next(T0 + 10)  # -> m0
    assert w.next_step().member == "m2"
    w.go_next(T0 + 20)  # -> m2, passing m1 over
    assert w.current.member == "m2"
    assert w.steps[2].status is Status.ABSENT
    w.set_absent("m1", False)  # came in late
    assert w.steps[2].status is Status.PENDING
    assert w.go_previous(T0 + 30)
    assert w.current.member == "m1"
    current_ok(w)


def test_go_previous_passes_over_absent_turns():
    w = AgendaWalk(turns(3), index=3, now=T0)
    w.set_absent("m1", True)
    w.go_previous(T0 + 5)
    assert w.current.member == "m0"


def test_go_to_an_absent_turn_is_refused():
    w = AgendaWalk(turns(3), now=T0)
    w.set_absent("m2", True)
    assert not w.go_to(3, T0 + 1)
    assert w.index == 0


def test_set_absent_leaves_the_current_and_finished_turns_alone():
    w = AgendaWalk(turns(3), index=1, now=T0)
    w.go_next(T0 + 40)  # m0 done, m1 current
    w.set_absent("m0", True)
    w.set_absent("m1", True)
    assert w.steps[1].status is Status.DONE
    assert w.steps[2].status is Status.CURRENT
    w.set_absent("m0", False)
    assert w.steps[1].status is Status.DONE


def test_set_absent_touches_only_turns_of_that_member():
    w = AgendaWalk(turns(2), now=T0)
    w.steps.insert(2, Step("point", 60, member="m0", title="p"))
    w.set_absent("m0", True)
    assert w.steps[1].status is Status.ABSENT
    assert w.steps[2].status is Status.PENDING
    assert w.steps[3].status is Status.PENDING


def test_when_everyone_after_is_absent_there_is_no_next_step():
    w = AgendaWalk(turns(2)[:-1], index=1, now=T0)  # no wrap-up: roll call, m0, m1
    w.set_absent("m1", True)
    assert w.next_step() is None
    assert not w.go_next(T0 + 1)


# --------------------------------------------------------------------------- moving


def test_move_a_turn_down_and_up():
    w = AgendaWalk(turns(3), now=T0)
    assert w.move(1, +1) == 2
    assert members(w.steps) == ["m1", "m0", "m2"]
    assert w.move(2, -1) == 1
    assert members(w.steps) == ["m0", "m1", "m2"]


def test_move_keeps_roll_call_and_wrap_up_in_place():
    w = AgendaWalk(turns(2), now=T0)
    assert w.move(1, -1) == 1  # would pass the roll call
    assert w.move(2, +1) == 2  # would pass the wrap-up
    assert w.move(0, +1) == 0
    assert w.move(3, -1) == 3
    assert kinds(w.steps) == ["roll_call", "turn", "turn", "wrap_up"]


def test_move_at_the_edges_is_refused():
    w = AgendaWalk([Step("turn", 60, member="a"), Step("turn", 60, member="b")], now=T0)
    assert w.move(0, -1) == 0
    assert w.move(1, +1) == 1
    assert w.move(7, -1) == 7
    assert members(w.steps) == ["a", "b"]


def test_move_points_of_orebro(orebro):
    w = AgendaWalk(plan_steps(orebro), now=T0)
    assert w.move(3, -1) == 2
    assert [s.number for s in w.steps[1:8]] == [1, 3, 2, 4, 5, 6, 7]


def test_steps_already_spoken_stay_where_they_are():
    w = AgendaWalk(turns(3), index=1, now=T0)
    w.go_next(T0 + 60)  # m0 done, m1 current
    assert w.move(2, -1) == 2  # m1 cannot pass the finished m0
    assert w.move(1, +1) == 1  # the finished m0 does not move
    assert members(w.steps) == ["m0", "m1", "m2"]
    assert w.move(3, -1) == 2  # pending m2 may go before the current m1
    assert members(w.steps) == ["m0", "m2", "m1"]


def test_moving_the_current_step_keeps_it_current():
    w = AgendaWalk(turns(3), index=2, now=T0)
    cur = w.current
    assert w.move(2, +1) == 3
    assert w.current is cur and w.index == 3
    current_ok(w)


def test_moving_a_neighbour_past_the_current_step_keeps_the_current_step():
    w = AgendaWalk(turns(3), index=2, now=T0)
    cur = w.current
    assert w.move(1, +1) == 2  # m0 moves down past the current m1
    assert w.current is cur and w.index == 1
    assert members(w.steps) == ["m1", "m0", "m2"]
    assert w.move(2, -1) == 1  # m0 moves back up past the current m1
    assert w.current is cur and w.index == 2
    assert members(w.steps) == ["m0", "m1", "m2"]
    current_ok(w)


def test_moving_elsewhere_does_not_touch_the_current_index():
    w = AgendaWalk(turns(4), index=1, now=T0)
    cur = w.current
    w.move(3, +1)
    assert w.current is cur and w.index == 1


# --------------------------------------------------------------------------- projected end


def test_projected_end_at_the_start(malmo):
    w = AgendaWalk(plan_steps(malmo), now=T0)
    total = sum(s.budget for s in w.steps)
    assert w.projected_end(WALL, T0) == WALL + timedelta(seconds=total)


def test_projected_end_is_now_plus_remaining_plus_pending():
    w = AgendaWalk(turns(3, budget=120), now=T0)  # 60 + 3*120 + 300
    w.go_next(T0 + 100)  # roll call took 100 s
    # at m0, 30 s in: 90 s left of m0, then m1, m2 (240) and the wrap-up (300)
    wall = WALL + timedelta(seconds=130)
    assert w.projected_end(wall, T0 + 130) == wall + timedelta(seconds=90 + 240 + 300)


def walk_to(steps: list[Step], index: int, now: float = T0) -> AgendaWalk:
    """A walk that went through the steps before `index` (each done, no time spent)."""
    w = AgendaWalk(steps, now=now)
    while w.index < index:
        assert w.go_next(now)
    return w


def test_overtime_does_not_make_the_end_earlier_than_now():
    w = walk_to(turns(1, budget=120), 2)  # at the wrap-up (300 s)
    late = WALL + timedelta(hours=1)
    assert w.projected_end(late, T0 + 1000) == late


def test_pending_steps_before_the_current_one_still_count():
    w = AgendaWalk(turns(1, budget=120), index=2, now=T0)  # jumped to the wrap-up
    # roll call (60) and m0 (120) were never taken: they are still ahead
    assert w.projected_end(WALL, T0 + 1000) == WALL + timedelta(seconds=180)


def test_overtime_of_the_current_step_counts_as_zero_remaining():
    w = walk_to(turns(2, budget=120), 1)
    wall = WALL + timedelta(minutes=10)
    # m0 is 480 s over; m1 (120) and the wrap-up (300) are ahead
    assert w.projected_end(wall, T0 + 600) == wall + timedelta(seconds=420)


def test_projected_end_leaves_out_skipped_absent_and_done_steps():
    w = AgendaWalk(turns(4, budget=100), now=T0)
    w.go_next(T0)  # roll call done
    w.skip(T0)  # m0 skipped
    w.set_absent("m2", True)
    # at m1 (100 left), m3 (100) and the wrap-up (300) ahead
    assert w.projected_end(WALL, T0) == WALL + timedelta(seconds=500)


def test_a_minute_more_moves_the_projected_end():
    w = AgendaWalk(turns(1, budget=120), index=1, now=T0)
    before = w.projected_end(WALL, T0)
    w.add_time(60, T0)
    assert w.projected_end(WALL, T0) == before + timedelta(seconds=60)


def test_projected_end_while_paused_does_not_run_down():
    w = walk_to(turns(1, budget=120), 1)
    w.toggle_pause(T0 + 20)
    later = WALL + timedelta(seconds=500)
    assert w.projected_end(later, T0 + 500) == later + timedelta(seconds=100 + 300)


# --------------------------------------------------------------------------- time keeping


def test_sync_writes_the_timer_into_the_step():
    w = AgendaWalk(turns(1, budget=120), index=1, now=T0)
    w.add_time(60, T0 + 10)
    w.sync(T0 + 45)
    assert w.current.elapsed == 45
    assert w.current.budget == 180


def test_pause_keeps_the_spoken_time():
    w = AgendaWalk(turns(1), index=1, now=T0)
    w.toggle_pause(T0 + 20)
    assert not w.timer.running
    w.toggle_pause(T0 + 200)
    w.sync(T0 + 210)
    assert w.current.elapsed == 30


def test_a_restored_walk_continues_from_the_stored_elapsed_time():
    steps = turns(2)
    steps[1].elapsed = 70.0
    w = AgendaWalk(steps, index=1, now=T0)
    assert w.timer.elapsed(T0 + 5) == 75
    assert w.current.status is Status.CURRENT


def test_a_restored_walk_can_start_paused():
    w = AgendaWalk(turns(2), index=1, now=T0, running=False)
    assert not w.timer.running
    assert w.timer.elapsed(T0 + 100) == 0


# --------------------------------------------------------------------------- the floor


def points_walk() -> AgendaWalk:
    return AgendaWalk([Step("roll_call", 60), Step("point", 600, title="Fakta", number=1),
                       Step("point", 600, title="Kommande", number=2),
                       Step("wrap_up", 180)], index=1, now=T0)


def test_give_floor_accumulates_speaking_time_per_member():
    w = points_walk()
    w.give_floor("kommun", T0 + 10)
    w.give_floor("polisen", T0 + 70)  # kommun 60
    w.give_floor("kommun", T0 + 100)  # polisen 30
    w.sync(T0 + 120)  # kommun 20 more
    assert w.current.speakers == {"kommun": 80, "polisen": 30}


def test_the_same_member_again_takes_the_floor_back():
    w = points_walk()
    w.give_floor("obo", T0)
    w.give_floor("obo", T0 + 40)
    assert w.floor == ""
    w.sync(T0 + 400)
    assert w.current.speakers == {"obo": 40}


def test_leaving_the_point_ends_the_floor():
    w = points_walk()
    w.give_floor("obo", T0)
    w.go_next(T0 + 50)
    assert w.floor == ""
    assert w.steps[1].speakers == {"obo": 50}
    w.sync(T0 + 500)
    assert w.steps[1].speakers == {"obo": 50}
    assert w.current.speakers == {}


def test_sync_twice_does_not_count_the_floor_twice():
    w = points_walk()
    w.give_floor("obo", T0)
    w.sync(T0 + 30)
    w.sync(T0 + 30)
    w.sync(T0 + 45)
    assert w.current.speakers == {"obo": 45}


def test_a_pause_stops_the_speakers_clock_too():
    w = points_walk()
    w.give_floor("kommun", T0)
    w.toggle_pause(T0 + 10)  # coffee
    w.toggle_pause(T0 + 100)
    w.sync(T0 + 110)
    assert w.current.elapsed == 20
    assert w.current.speakers == {"kommun": 20}


def test_taking_the_floor_while_paused_counts_from_the_resume():
    w = points_walk()
    w.toggle_pause(T0 + 10)
    w.give_floor("polisen", T0 + 20)
    w.toggle_pause(T0 + 50)
    w.sync(T0 + 80)
    assert w.current.speakers == {"polisen": 30}
    assert sum(w.current.speakers.values()) <= w.current.elapsed


# --------------------------------------------------------------------------- guests


def test_add_turn_for_a_guest_goes_after_the_last_turn(malmo):
    w = AgendaWalk(plan_steps(malmo), now=T0)
    step = w.add_turn("fastighetsagare", 120, ("past_week", "coming_week"))
    assert w.steps[9] is step
    assert kinds(w.steps)[-3:] == ["turn", "follow_up", "wrap_up"]
    assert step.status is Status.PENDING and step.budget == 120
    assert w.index == 0
    current_ok(w)


def test_add_turn_keeps_the_current_step_when_it_is_after_the_insertion(malmo):
    w = AgendaWalk(plan_steps(malmo), index=9, now=T0)  # at the wrap-up
    cur = w.current
    w.add_turn("beredskapssamordnare", 120, ("note",))
    assert w.current is cur and w.index == 10
    current_ok(w)


def test_add_turn_in_a_template_of_points_goes_before_the_wrap_up(orebro):
    w = AgendaWalk(plan_steps(orebro), now=T0)
    step = w.add_turn("guest", 120, ("note",))
    assert w.steps[-2] is step and w.steps[-1].kind == "wrap_up"


def test_remove_turn_drops_an_unspoken_guest_turn(malmo):
    w = AgendaWalk(plan_steps(malmo), index=9, now=T0)
    cur = w.current
    w.add_turn("fastighetsagare", 120, ("note",))
    w.remove_turn("fastighetsagare")
    assert "fastighetsagare" not in members(w.steps)
    assert len(w.steps) == 11  # with the follow-up step
    assert w.current is cur and w.index == 9
    current_ok(w)


def test_remove_turn_keeps_a_spoken_or_current_turn():
    w = AgendaWalk(turns(2), now=T0)
    guest = w.add_turn("g", 120, ("note",))
    w.go_to(3, T0)  # the guest speaks
    w.remove_turn("g")
    assert w.current is guest  # the current turn stays
    w.go_next(T0 + 30)
    w.remove_turn("g")
    assert guest in w.steps and guest.elapsed == 30


# --------------------------------------------------------------------------- invariants

op = st.one_of(
    st.tuples(st.sampled_from(["next", "previous", "skip", "pause"]), st.just(0)),
    st.tuples(st.just("goto"), st.integers(-1, 12)),
    st.tuples(st.just("move"), st.tuples(st.integers(-1, 12), st.sampled_from([-1, 1]))),
    st.tuples(st.just("absent"), st.tuples(st.integers(0, 4), st.booleans())),
    st.tuples(st.just("floor"), st.integers(0, 4)),
    st.tuples(st.just("add"), st.sampled_from([60, -60])),
    st.tuples(st.just("guest"), st.booleans()),
)


@settings(max_examples=300)
@given(st.lists(st.tuples(op, st.floats(min_value=0, max_value=600)), max_size=40))
def test_any_sequence_of_actions_keeps_the_walk_consistent(actions):
    steps = turns(5)
    steps.insert(3, Step("point", 300, title="p", number=1))
    w = AgendaWalk(steps, now=0.0)
    now = 0.0
    for (name, arg), dt in actions:
        now += dt
        if name == "next":
            w.go_next(now)
        elif name == "previous":
            w.go_previous(now)
        elif name == "skip":
            w.skip(now)
        elif name == "pause":
            w.toggle_pause(now)
        elif name == "goto":
            w.go_to(arg, now)
        elif name == "move":
            cur = w.current
            w.move(*arg)
            assert w.current is cur
        elif name == "absent":
            w.set_absent(f"m{arg[0]}", arg[1])
        elif name == "floor":
            w.give_floor(f"m{arg}", now)
        elif name == "add":
            w.add_time(arg, now)
        elif name == "guest":
            cur = w.current
            if arg:
                w.add_turn("g", 120, ("note",))
            else:
                w.remove_turn("g")
            assert w.current is cur
        w.sync(now)
        assert 0 <= w.index < len(w.steps)
        current_ok(w)
        assert w.current.status is not Status.ABSENT
        assert kinds(w.steps)[0] == "roll_call" and kinds(w.steps)[-1] == "wrap_up"
        for s in w.steps:
            assert s.elapsed >= 0 and s.budget >= 0
            assert all(v >= 0 for v in s.speakers.values())
            # nobody speaks longer than the step's own clock ran
            assert sum(s.speakers.values()) <= s.elapsed + 1e-6
        assert w.projected_end(WALL, now) >= WALL


# --------------------------------------------------------------------------- a new meeting


def test_new_meeting_copies_members_and_plans_the_agenda(malmo):
    from orat_tui.domain.meeting import LIVE, new_meeting

    m = new_meeting("series-1", malmo, WALL)
    assert m.state == LIVE and m.current_index == 0 and m.ended_at is None
    assert m.started_at == WALL
    assert m.planned_end == WALL + timedelta(minutes=malmo.duration_minutes)
    assert [a.key for a in m.attendees] == MALMO_ORDER  # guests are not attendees yet
    assert all(a.present and a.kind == "member" for a in m.attendees)
    assert m.attendee("asf").chair and m.attendee("polisen").role == "kommunpolis"
    assert m.attendee("fastighetsagare") is None
    assert m.name_of("hvo") == "Hälsa-, vård- och omsorgsförvaltningen"
    assert m.short_of("nobody") == "nobody"
    assert members(m.steps) == MALMO_ORDER
    assert m.warning_share == 0.8 and m.substitutes_allowed is False
    assert m.title == malmo.name and m.template_id == "malmo-orat"


def test_note_slots_per_step_and_per_member():
    from orat_tui.domain.meeting import note_slot

    a, b = Step("turn", 60, member="x"), Step("turn", 60, member="x")
    assert note_slot(a, "past_week") != note_slot(b, "past_week")
    assert note_slot(a, "past_week") != note_slot(a, "coming_week")
    assert note_slot(None, "pass_on", "hvo") == "member:hvo:pass_on"
    assert note_slot(a, "note") == f"step:{a.id}:note"


# --------------------------------------------------------------------------- monthly guests


def test_guests_are_suggested_once_a_calendar_month(malmo):
    from datetime import date

    from orat_tui.domain.rollcall import suggested_guests

    guests = malmo.guests
    keys = [g.key for g in guests]
    assert keys == ["fastighetsagare", "beredskapssamordnare", "sakerhetssamordnare"]
    # first meeting of the month: everyone who comes once a month
    assert suggested_guests(guests, date(2026, 12, 4), []) == list(guests)
    earlier = [
        (date(2026, 11, 27), {"polisen", "fastighetsagare", "beredskapssamordnare"}),
        (date(2026, 12, 4), {"polisen", "sakerhetssamordnare"}),
        (date(2025, 12, 5), {"beredskapssamordnare"}),  # a year ago: does not count
    ]
    got = suggested_guests(guests, date(2026, 12, 11), earlier)
    assert [g.key for g in got] == ["fastighetsagare", "beredskapssamordnare"]
    # in November the fastighetsägare and beredskapssamordnare already came
    got = suggested_guests(guests, date(2026, 11, 6), earlier)
    assert [g.key for g in got] == ["sakerhetssamordnare"]
