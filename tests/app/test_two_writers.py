"""Two orat processes on one database (the chair and the secretary): no edit is lost."""

from __future__ import annotations

from datetime import datetime

from orat_tui.config import discover_templates
from orat_tui.domain.meeting import note_slot
from orat_tui.store.meetings import Store
from orat_tui.store.service import start_meeting
from orat_tui.ui.screens.meeting import MeetingScreen
from orat_tui.ui.widgets.note_area import NoteArea

from .conftest import type_text, wait_for


def test_a_stale_note_save_is_refused_not_written(new_db_url):
    url = new_db_url()
    template = discover_templates()["malmo-orat"].template
    chair = Store.open(url)
    meeting = start_meeting(chair, template, datetime(2026, 11, 27, 9, 0))
    secretary = Store.open(url)  # its own engine and connections, as another process
    seen_by_chair = chair.load(meeting.id).note_versions
    seen_by_secretary = secretary.load(meeting.id).note_versions
    slot = note_slot(meeting.steps[1], "past_week")

    first = chair.save(meeting, {slot: "Chair's text"}, note_versions=seen_by_chair, state=False)
    assert first.conflicts == [] and first.versions[slot] == 0
    # the secretary never saw the chair's note: their save of the same note is refused
    second = secretary.save(meeting, {slot: "Secretary's text"},
                            note_versions=seen_by_secretary, state=False)
    assert [c.theirs for c in second.conflicts] == ["Chair's text"]
    assert chair.note_texts(meeting.id)[slot] == "Chair's text"
    # once the secretary has seen the chair's version, keeping their own text is allowed
    seen_by_secretary[slot] = second.conflicts[0].their_version
    third = secretary.save(meeting, {slot: "Secretary's text"},
                           note_versions=seen_by_secretary, state=False)
    assert third.conflicts == [] and third.versions[slot] == 1
    assert chair.note_texts(meeting.id)[slot] == "Secretary's text"


def test_a_stale_state_save_is_refused(new_db_url):
    url = new_db_url()
    template = discover_templates()["malmo-orat"].template
    a = Store.open(url)
    meeting = start_meeting(a, template, datetime(2026, 11, 27, 9, 0))
    b = Store.open(url)
    mine, theirs = a.load(meeting.id), b.load(meeting.id)
    theirs.attendees[0].present = False
    assert not b.save(theirs, {}, note_versions={}).state_conflict
    mine.current_index = 3
    result = a.save(mine, {}, note_versions={})
    assert result.state_conflict
    assert a.load(meeting.id).attendees[0].present is False  # theirs kept


async def _conflict_in_app(harness, choice: str) -> tuple[str, str]:
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen) and app.screen.walk)
        screen = app.screen
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.focused, NoteArea)
                       and screen.walk.current.id in app.focused.slot)
        slot = app.focused.slot
        # the secretary, in another orat, writes the same note first
        other = harness.store()
        other.save(other.load(screen.meeting.id), {slot: "Sekreterarens text"},
                   note_versions=other.note_versions(screen.meeting.id), state=False)
        await type_text(pilot, "Ordförandens text")
        screen.submit_save()
        await wait_for(pilot, lambda: bool(screen.conflicts))
        assert "KONFLIKT" in str(screen.query_one("#save-state").render())
        await type_text(pilot, " mer")  # typing goes on; nothing is decided by a typed letter
        assert screen.conflicts
        await pilot.press(choice)
        await wait_for(pilot, lambda: not screen.conflicts)
        screen.save_now()
        shown = app.focused.text if isinstance(app.focused, NoteArea) else ""
    return harness.store().note_texts(screen.meeting.id)[slot], shown


async def test_keep_mine_after_a_conflict(harness):
    on_disk, shown = await _conflict_in_app(harness, "alt+k")
    assert on_disk == "Ordförandens text mer"


async def test_reload_theirs_after_a_conflict(harness):
    on_disk, shown = await _conflict_in_app(harness, "alt+r")
    assert on_disk == "Sekreterarens text"
    assert shown == "Sekreterarens text"


async def test_a_state_conflict_is_told_once_and_stays_visible(harness):
    """Every later save of the state meets the same conflict: one notice, then the save-state
    line keeps saying it (not a new notice at every step)."""
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen) and app.screen.walk)
        screen = app.screen
        other = harness.store()
        theirs = other.load(screen.meeting.id)
        theirs.attendees[0].present = False
        assert not other.save(theirs, {}, note_versions={}).state_conflict
        told = []  # notices expire on the wall clock: count them as they are given
        notify = screen.notify
        screen.notify = lambda text, **kw: (told.append(text), notify(text, **kw))
        for _step in range(3):
            await pilot.press("f2")
            screen.submit_save(state=True)
            await wait_for(pilot, lambda: screen.saved_seq == screen.seq)
        assert screen.state_conflicted
        assert len([t for t in told if "ändrats i en annan orat" in t]) == 1, told
        assert "ORDNING EJ SPARAD" in str(screen.query_one("#save-state").render())
    # theirs stays: no later save of ours overwrote it unseen
    assert harness.store().load(screen.meeting.id).attendees[0].present is False
