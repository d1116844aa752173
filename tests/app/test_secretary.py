"""The secretary afterwards: open last week's meeting, correct a note, approve, reopen, and
find every change in the history."""

from __future__ import annotations

from sqlmodel import Session, select

from orat_tui.domain.meeting import APPROVED, ENDED, note_slot
from orat_tui.store.models import NoteRow
from orat_tui.ui.screens.meeting import MeetingScreen
from orat_tui.ui.widgets.note_area import NoteArea

from .conftest import type_text, wait_for


async def run_a_meeting(harness) -> str:
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen) and app.screen.walk)
        screen = app.screen
        await pilot.press("f2")
        await type_text(pilot, "Inbrott i Holma.")
        await pilot.press("f10")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ConfirmScreen")
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, MeetingScreen))
        return screen.meeting.id


def screen_name(app) -> str:
    return app.screen.__class__.__name__


async def test_edit_approve_reopen_with_history(harness):
    meeting_id = await run_a_meeting(harness)
    harness.config.user = "Sekreteraren"
    app = harness.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.store is not None
                       and app.screen.query("#recent-list") and
                       app.screen.query_one("#recent-list").option_count > 0
                       and app.screen.query_one("#recent-list").get_option_at_index(0).id)
        await pilot.press("tab", "down", "enter")
        await wait_for(pilot, lambda: screen_name(app) == "MinutesScreen")
        minutes = app.screen
        assert "Inbrott i Holma" in minutes.query_one("Markdown").source
        # edit: the police note gets corrected
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen))
        edit = app.screen
        assert edit.review and not edit.walk.timer.running
        await pilot.press("f2")  # to the police turn; statuses stay as they were
        await wait_for(pilot, lambda: edit.walk.current.member == "polisen"
                       and isinstance(app.focused, NoteArea) and edit.walk.current.id in app.focused.slot)
        await pilot.press("end")
        await type_text(pilot, " Tre lägenheter.")
        await pilot.press("f5")  # correct the spoken time
        await wait_for(pilot, lambda: screen_name(app) == "TextPrompt")
        from textual.widgets import Input

        app.screen.query_one(Input).value = "6:15"
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen))
        assert edit.walk.current.elapsed == 6 * 60 + 15
        await pilot.press("f10")  # done: saved, back to the minutes
        await wait_for(pilot, lambda: screen_name(app) == "MinutesScreen")
        await wait_for(pilot, lambda: "Tre lägenheter" in minutes.query_one("Markdown").source)
        # approve
        await pilot.press("a")
        await wait_for(pilot, lambda: screen_name(app) == "ConfirmScreen")
        await pilot.press("enter")
        await wait_for(pilot, lambda: minutes.meeting.state == APPROVED)
        assert not minutes.check_action("edit", ())
        # reopen needs a reason
        await pilot.press("o")
        await wait_for(pilot, lambda: screen_name(app) == "TextPrompt")
        app.screen.query_one(Input).value = "Fel tid i protokollet"
        await pilot.press("enter")
        await wait_for(pilot, lambda: minutes.meeting.state == ENDED)
        # history
        await pilot.press("h")
        await wait_for(pilot, lambda: screen_name(app) == "HistoryScreen")
        shown = app.export_screenshot()
        # who: the config's user on SQLite, the database user on a server
        assert harness.store().identity("Sekreteraren") in shown and "Polisen" in shown
        assert "lägenheter" in shown  # the diff

    store = harness.store()
    trail = store.audit_trail(meeting_id)
    actions = [e.action for e in trail]
    assert actions[-2:] == ["approve", "reopen"]
    note_edits = [e for e in trail if e.field.startswith("step:")]
    # typing is merged into few edits; together they lead from the old text to the new
    assert 1 <= len(note_edits) <= 3
    assert note_edits[0].before == "Inbrott i Holma."
    assert note_edits[-1].after == "Inbrott i Holma. Tre lägenheter."
    assert all(e.who == store.identity("Sekreteraren") for e in trail)
    assert [(e.before, e.after) for e in trail if e.field.startswith("time:")] == [("0:00", "6:15")]
    assert trail[-1].reason == "Fel tid i protokollet"
    m = store.load(meeting_id)
    police = next(s for s in m.steps if s.member == "polisen")
    assert police.elapsed == 6 * 60 + 15
    assert police.status.value == "done"  # looking through did not change what happened


async def test_approved_content_changed_outside_orat_is_flagged(harness):
    meeting_id = await run_a_meeting(harness)
    store = harness.store()
    store.approve(meeting_id, "Sekreteraren")
    with Session(store.engine) as s:  # someone edits the file behind orat's back
        rows = s.exec(select(NoteRow).where(NoteRow.meeting_id == meeting_id)).all()
        row = next(r for r in rows if r.text)
        row.text = "Ändrat i smyg"
        s.add(row)
        s.commit()
    app = harness.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.store is not None)
        app.open_meeting_at(meeting_id)
        await wait_for(pilot, lambda: screen_name(app) == "MinutesScreen"
                       and bool(app.screen.query("#minutes-state")))  # composed, under load too
        state = app.screen.query_one("#minutes-state")
        await wait_for(pilot, lambda: state.has_class("-broken"))
        assert "VARNING" in str(state.render())


async def test_approval_is_blocked_by_a_personal_number_unless_a_reason_is_given(harness):
    meeting_id = await run_a_meeting(harness)
    store = harness.store()
    m = store.load(meeting_id)
    slot = next(s for s in m.notes if m.notes[s])
    store.save(m, {slot: "Gripen 19850315-1238"})
    app = harness.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.store is not None)
        app.open_meeting_at(meeting_id)
        await wait_for(pilot, lambda: screen_name(app) == "MinutesScreen")
        minutes = app.screen
        await pilot.press("a")
        await wait_for(pilot, lambda: screen_name(app) == "TextPrompt")
        await pilot.press("escape")  # no reason: not approved
        await wait_for(pilot, lambda: screen_name(app) == "MinutesScreen")
        assert harness.store().load(meeting_id).state == ENDED
        await pilot.press("a")
        await wait_for(pilot, lambda: screen_name(app) == "TextPrompt")
        from textual.widgets import Input

        app.screen.query_one(Input).value = "Numret är ett diarienummer"
        await pilot.press("enter")
        await wait_for(pilot, lambda: minutes.meeting.state == APPROVED)
    trail = harness.store().audit_trail(meeting_id)
    assert [e.action for e in trail] == ["override", "approve"]
    assert trail[0].reason == "Numret är ett diarienummer" and trail[0].field == slot


async def test_meetings_screen_filters_by_series(harness):
    from orat_tui.store.demo import generate_demo

    generate_demo(harness.store(), weeks=3)
    app = harness.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.store is not None and "Enter" in str(
            app.screen.query_one("#home-status").render()))
        await pilot.press("m")
        await wait_for(pilot, lambda: screen_name(app) == "MeetingsScreen")
        from textual.widgets import OptionList, Select

        listing = app.screen.query_one(OptionList)
        await wait_for(pilot, lambda: listing.option_count == 9)
        series = {s.name: s.id for s in harness.store().list_series()}
        app.screen.query_one(Select).value = series["Örat mot marken · Malmö"]
        await wait_for(pilot, lambda: listing.option_count == 3)
        titles = {str(listing.get_option_at_index(i).prompt) for i in range(3)}
        assert all("Malmö" in t for t in titles)
        listing.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen_name(app) == "MinutesScreen")


async def test_export_from_the_minutes_page_by_file_name(harness, tmp_path):
    meeting_id = await run_a_meeting(harness)
    app = harness.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.store is not None)
        app.open_meeting_at(meeting_id)
        await wait_for(pilot, lambda: screen_name(app) == "MinutesScreen")
        for name in ("protokoll.html", "protokoll.docx"):
            await pilot.press("x")
            await wait_for(pilot, lambda: screen_name(app) == "TextPrompt")
            from textual.widgets import Input

            app.screen.query_one(Input).value = str(tmp_path / name)
            await pilot.press("enter")
            await wait_for(pilot, lambda n=name: (tmp_path / n).exists())
    html = (tmp_path / "protokoll.html").read_text("utf-8")
    assert "Inbrott i Holma" in html and "<html" in html.lower()
    assert (tmp_path / "protokoll.docx").read_bytes()[:2] == b"PK"
    assert ((tmp_path / "protokoll.docx").stat().st_mode & 0o777) == 0o600


async def test_a_search_hit_opens_the_minutes_at_its_step(harness):
    from orat_tui.store.demo import generate_demo

    store = harness.store()
    generate_demo(store, weeks=1)
    meeting = store.load(store.recent_meetings(limit=1)[0].id)
    last_step = [s for s in meeting.steps if s.kind != "roll_call"][-1]
    slot = next(s for s in meeting.notes if s.startswith(f"step:{last_step.id}:"))
    app = harness.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.store is not None)
        app.open_meeting_at(meeting.id, slot)
        await wait_for(pilot, lambda: screen_name(app) == "MinutesScreen")
        scroller = app.screen.query_one("VerticalScroll")
        await wait_for(pilot, lambda: scroller.scroll_y > 0)
