"""A handoff carries what the meeting recorded beyond its notes (handoff format version 2):
actions made or changed in it, levels, the combined level, warning-signal ratings, events
raised or closed in it (internal ones too), focus tags and prepared input. The chair's laptop
is a real SQLite file; the shared database is a SQLite file and (second run) PostgreSQL
(tests/unit/handoff_data.py)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlmodel import Session

from orat_tui.domain.actions import DONE, ONGOING, Action
from orat_tui.domain.events import Event
from orat_tui.store.actions import action_history, add_action, get_action, update_action
from orat_tui.store.focus import note_focus_of, set_note_focus
from orat_tui.store.handoff import (
    CONFLICT,
    IMPORTED,
    UP_TO_DATE,
    UPDATED,
    VERSION,
    import_handoff,
)
from orat_tui.store.intake import prepared
from orat_tui.store.service import start_meeting
from orat_tui.store.handoff.recorded import RECORDED
from tests.unit.handoff_data import (  # noqa: F401 (laptop, shared, offline: fixtures)
    LATER,
    T1,
    T2,
    everything,
    hand,
    laptop,
    offline,
    recorded_rows,
    shared,
)


def test_round_trip_of_two_offline_meetings(offline, laptop, shared, tmp_path):
    f1 = offline.f1
    f2 = hand(laptop, offline.m2, tmp_path / "m2.json")
    doc = json.loads(f2.read_text())
    assert doc["version"] == VERSION == 2
    assert {e["title"] for e in doc["payload"]["events"]} == {"Bränder i papperskorgar",
                                                             "Hot mot personal"}
    r1 = import_handoff(shared, f1, who="Sekr", now=LATER)
    assert r1.status == IMPORTED and "1 action," in r1.line() and "1 event" in r1.line()
    assert get_action(shared, offline.a1.id).status != ONGOING  # as it was after M1
    r2 = import_handoff(shared, f2, who="Sekr", now=LATER)
    assert r2.status == IMPORTED, r2.line()
    assert "2 actions" in r2.line() and "3 levels" in r2.line() and "2 ratings" in r2.line()
    # row for row, every recorded table is the laptop's (the series and its areas by id)
    assert recorded_rows(shared) == recorded_rows(laptop)
    # and as orat shows it
    a1 = get_action(shared, offline.a1.id)
    assert (a1.status, a1.meeting_id, a1.version) == (ONGOING, offline.m1, 2)
    assert action_history(shared, a1.id) == action_history(laptop, a1.id)
    assert [c.meeting_id for c in action_history(shared, a1.id)] == [offline.m1, offline.m2]
    assert get_action(shared, offline.a2.id).goal_target == 3.0
    assert [a.name for a in shared.areas(offline.series)][-1] == "Nya torget"
    assert shared.combined_levels(offline.series) == {offline.m2: "gult"}
    assert shared.signal_ratings(offline.series) == laptop.signal_ratings(offline.series)
    assert note_focus_of(shared, offline.m2) == {offline.slot: "trygghet"}
    assert prepared(shared, meeting_id=offline.m2) == prepared(laptop, meeting_id=offline.m2)
    assert len(prepared(shared, meeting_id=offline.m2)) == 1
    events = shared.events(offline.series, open_only=False)
    assert [(e.title, e.internal, e.is_open) for e in events] == [
        ("Bränder i papperskorgar", False, False), ("Hot mot personal", True, True)]
    assert shared.event(offline.e1.id).closed_meeting_id == offline.m2


def test_importing_the_same_files_again_changes_nothing(offline, laptop, shared, tmp_path):
    files = [offline.f1, hand(laptop, offline.m2, tmp_path / "m2.json")]
    for f in files:
        assert import_handoff(shared, f, who="Sekr", now=LATER).status == IMPORTED
    before = everything(shared)
    for f in [*files, *reversed(files)]:
        result = import_handoff(shared, f, who="Sekr", now=LATER + timedelta(hours=1))
        assert result.status == UP_TO_DATE, result.line()
    assert everything(shared) == before


def test_into_a_shared_series_of_its_own(offline, laptop, shared, malmo, tmp_path):
    """The shared database made its own series of the template (other ids): the areas are
    matched by key, the laptop's new area is created by its id; the later meeting first, so
    the action's and event's first meeting is not there yet, and is filled in after."""
    own = start_meeting(shared, malmo, T1 - timedelta(days=7))
    assert own.series_id != offline.series
    f2 = hand(laptop, offline.m2, tmp_path / "m2.json")
    assert import_handoff(shared, f2, who="Sekr", now=LATER).status == IMPORTED
    areas = shared.areas(own.series_id)
    assert len(areas) == len(offline.areas) + 1 and areas[-1].id == offline.new_area.id
    by_key = {a.key: a.id for a in areas}
    levels = {c.area_id: c.level for c in shared.level_changes(own.series_id)}
    assert levels == {by_key[offline.areas[1].key]: "orange", offline.new_area.id: "gult"}
    assert get_action(shared, offline.a1.id).meeting_id is None  # M1 is not here yet
    assert get_action(shared, offline.a2.id).series_id == own.series_id
    assert shared.event(offline.e1.id).raised_meeting_id is None
    # M1's file as M1 ended: the action and event here are newer and stay, with M1 filled in
    f1 = offline.f1
    result = import_handoff(shared, f1, who="Sekr", now=LATER)
    assert result.status == IMPORTED
    assert "kept as they are here" in result.line() and "version 2 here, 1 in" in result.line()
    a1 = get_action(shared, offline.a1.id)
    assert (a1.meeting_id, a1.status) == (offline.m1, ONGOING)
    assert shared.event(offline.e1.id).raised_meeting_id == offline.m1
    before = everything(shared)
    for f in (f1, f2):
        assert import_handoff(shared, f, who="Sekr").status == UP_TO_DATE
    assert everything(shared) == before
    assert len(shared.areas(own.series_id)) == len(areas)


def _change_event(store, o):
    store.save_event(replace(store.event(o.e2.id), facts="Nya uppgifter"), LATER)


def _change_action(store, o):
    a = get_action(store, o.a2.id)
    update_action(store, replace(a, what="Kameror vid torget och parken"), "Sekr", LATER)


def _change_level(store, o):
    store.set_level(o.m2, o.new_area.id, "rott", "Skottlossning", "Sekr", "gult", LATER)


def _change_rating(store, o):
    store.rate_signal(o.m2, o.areas[1].id, 3, 1)


def _change_focus(store, o):
    set_note_focus(store, o.m2, o.slot, "brott")


@pytest.mark.parametrize("change, said", [
    (_change_level, "the level of Nya torget was changed here after the file was made"),
    (_change_rating, "the rating of warning signal 3 for"),
    (_change_focus, "the focus tag of note"),
])
def test_a_newer_change_here_is_a_conflict_and_nothing_is_written(
        offline, laptop, shared, tmp_path, change, said):
    f1 = offline.f1
    f2 = hand(laptop, offline.m2, tmp_path / "m2.json")
    import_handoff(shared, f1, who="Sekr")
    import_handoff(shared, f2, who="Sekr")
    change(shared, offline)
    before = everything(shared)
    result = import_handoff(shared, f2, who="Sekr", now=LATER + timedelta(hours=1))
    assert result.status == CONFLICT
    line = result.line()
    assert said in line and "\n" not in line and line.endswith("nothing imported")
    assert everything(shared) == before


def test_an_action_changed_on_both_sides_is_a_conflict(offline, laptop, shared, tmp_path):
    import_handoff(shared, offline.f1, who="Sekr")
    import_handoff(shared, hand(laptop, offline.m2, tmp_path / "m2.json"), who="Sekr")
    _change_action(shared, offline)  # the secretary in the actions list
    a2 = get_action(laptop, offline.a2.id)  # the chair, still on the laptop
    update_action(laptop, replace(a2, status=DONE), "Ordf", LATER, meeting_id=offline.m2)
    newer = hand(laptop, offline.m2, tmp_path / "m2-newer.json")
    before = everything(shared)
    result = import_handoff(shared, newer, who="Sekr")
    assert result.status == CONFLICT
    assert "the action “Kameror vid Nya torget” was changed both here and in the file" in (
        result.line())
    assert everything(shared) == before


def test_actions_and_events_changed_here_since_are_kept_and_said(offline, laptop, shared,
                                                                 tmp_path):
    """They live across meetings: the file of a meeting made before they changed here brings
    nothing new for them, and overwrites nothing."""
    f2 = hand(laptop, offline.m2, tmp_path / "m2.json")
    import_handoff(shared, offline.f1, who="Sekr")
    import_handoff(shared, f2, who="Sekr")
    _change_action(shared, offline)
    _change_event(shared, offline)
    before = everything(shared)
    result = import_handoff(shared, f2, who="Sekr")
    assert result.status == UP_TO_DATE
    assert result.line().endswith(
        "kept as they are here, newer than the file: the action “Kameror vid Nya torget” "
        "(version 2 here, 1 in the file), the event “Hot mot personal” (changed here after "
        "the file was made)")
    assert everything(shared) == before


def test_a_newer_file_brings_the_laptops_later_changes(offline, laptop, shared, tmp_path):
    import_handoff(shared, offline.f1, who="Sekr")
    import_handoff(shared, hand(laptop, offline.m2, tmp_path / "m2.json"), who="Sekr")
    # after the first handoff the chair goes on in M2 on the laptop
    a2 = get_action(laptop, offline.a2.id)
    update_action(laptop, replace(a2, status=DONE, result="Uppsatta"), "Ordf", LATER,
                  meeting_id=offline.m2)
    laptop.set_level(offline.m2, offline.areas[1].id, "rott", "Upplopp", "Ordf", "orange", LATER)
    laptop.rate_signal(offline.m2, offline.areas[1].id, 3, 2)
    laptop.save_event(replace(laptop.event(offline.e2.id), facts="Två fall"), LATER)
    newer = hand(laptop, offline.m2, tmp_path / "m2-newer.json")
    result = import_handoff(shared, newer, who="Sekr", now=LATER + timedelta(hours=1))
    assert result.status == UPDATED, result.line()
    assert "1 action" in result.line() and "1 event" in result.line()
    assert recorded_rows(shared) == recorded_rows(laptop)
    assert get_action(shared, a2.id).status == DONE
    assert import_handoff(shared, newer, who="Sekr").status == UP_TO_DATE


def test_an_action_for_a_commitment_the_shared_database_lacks_is_said(offline, laptop, shared,
                                                                      tmp_path):
    from orat_tui.domain.promises import Commitment, Promise
    from orat_tui.store.promise_actions import link_action
    from orat_tui.store.promises import save_commitment, save_promise

    promise = save_promise(laptop, Promise("", "Tryggare torg", date(2026, 1, 1),
                                           date(2027, 12, 31), offline.series), T1)
    c = save_commitment(laptop, promise.id, Commitment("", "Kameror", target=3))
    link_action(laptop, offline.a2.id, c.id, 1, "Ordf", T2)
    f2 = hand(laptop, offline.m2, tmp_path / "m2.json")
    result = import_handoff(shared, f2, who="Sekr")
    assert result.status == IMPORTED
    assert result.line().endswith("not counted towards a citizen promise here (its commitment "
                                  "is not in this database): “Kameror vid Nya torget”")
    assert get_action(shared, offline.a2.id).what == "Kameror vid Nya torget"
    with Session(shared.engine) as s:
        assert s.get(RECORDED["actions"], offline.a2.id).commitment_id is None
    assert import_handoff(shared, f2, who="Sekr").status == UP_TO_DATE


def test_follow_up_between_meetings_goes_with_the_meeting_before(offline, laptop, shared,
                                                                 tmp_path):
    """The actions list and the Lägesbild used outside a meeting: until the next meeting
    begins, what changes there belongs to the meeting before's handoff."""
    a1 = get_action(laptop, offline.a1.id)
    update_action(laptop, replace(a1, due=date(2026, 12, 1)), "Ordf", LATER)
    a3 = add_action(laptop, Action(offline.series, "Belysning i gångtunneln"), "Ordf", LATER)
    e3 = laptop.save_event(Event(offline.series, "Klotter på skolan"), LATER)
    m1_now = json.loads(hand(laptop, offline.m1, tmp_path / "m1-now.json").read_text())
    assert a3.id not in {a["id"] for a in m1_now["payload"]["actions"]}
    assert e3.id not in {e["id"] for e in m1_now["payload"]["events"]}
    import_handoff(shared, offline.f1, who="Sekr")
    result = import_handoff(shared, hand(laptop, offline.m2, tmp_path / "m2.json"), who="Sekr")
    assert "3 actions" in result.line() and "3 events" in result.line()
    assert get_action(shared, a1.id).due == date(2026, 12, 1)
    assert get_action(shared, a3.id).what == "Belysning i gångtunneln"
    assert shared.event(e3.id).title == "Klotter på skolan"
