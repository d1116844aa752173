"""Personal identity numbers are caught as they are typed, in every note field."""

from __future__ import annotations

from orat_tui.ui.screens.meeting import MeetingScreen
from orat_tui.ui.widgets.note_area import PNR_HIGHLIGHT, NoteArea

from .conftest import type_text, wait_for


def in_meeting(app) -> bool:
    return isinstance(app.screen, MeetingScreen) and app.screen.walk is not None


async def test_a_personal_number_is_marked_with_the_reason_and_cleared_when_removed(harness):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.focused, NoteArea))
        area = app.focused
        await type_text(pilot, "Gripen 19850315-1238 vid torget")
        await wait_for(pilot, lambda: area.has_class("-personal-number"))
        warning = area.parent.query_one(".pnr-warning")
        assert "19850315-1238" in str(warning.render())
        assert "personnummer" in str(warning.render())
        assert "personnummer" in area.border_subtitle
        assert any(h[2] == PNR_HIGHLIGHT for h in area._highlights[0])
        # the text is kept as typed: the chair decides
        assert "19850315-1238" in area.text
        area.text = "Gripen en person vid torget"
        await wait_for(pilot, lambda: not area.has_class("-personal-number"))
        assert area.border_subtitle == ""
        assert not area.parent.query_one(".pnr-warning").has_class("-shown")


async def test_phone_numbers_dates_and_case_numbers_do_not_warn(harness):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.focused, NoteArea))
        area = app.focused
        area.text = "Ring 070-123 45 67 eller 040-34 10 00 före 2026-11-27, Dnr 2015/503, 12 500 kr."
        area.scan()
        assert not area.has_class("-personal-number")


async def test_a_bare_ten_digit_run_warns_that_it_may_be_a_phone_number(harness):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.focused, NoteArea))
        area = app.focused
        area.text = "Nummer 8503151238 i anteckningen"
        area.scan()
        assert area.has_class("-personal-number")
        assert "telefonnummer" in str(area.parent.query_one(".pnr-warning").render())


async def test_redact_removes_the_number_from_notes_and_database(harness):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        await pilot.press("f2")
        await type_text(pilot, "Gripen 19850315-1238 vid torget")
        await pilot.press("f2")
        await type_text(pilot, "Brand, 8503151238 nämndes")
        screen.save_now()
        await pilot.press("alt+x")
        await wait_for(pilot, lambda: not any("1238" in t for t in screen.meeting.notes.values()))
        area = app.focused
        assert "[borttaget]" in area.text and not area.has_class("-personal-number")
        await wait_for(pilot, lambda: all("1238" not in t for t in
                                          harness.store().note_texts(screen.meeting.id).values()))
        meeting_id = screen.meeting.id
    texts = harness.store().note_texts(meeting_id).values()
    assert sum("[borttaget]" in t for t in texts) == 2
    for suffix in ("", "-wal"):
        path = harness.db_path.with_name(harness.db_path.name + suffix)
        if path.exists():
            raw = path.read_bytes()
            assert b"19850315-1238" not in raw and b"8503151238" not in raw, path


async def test_redact_also_clears_the_audit_trail_of_an_edited_meeting(harness):
    from orat_tui.store.service import start_meeting
    from orat_tui.config import discover_templates
    from orat_tui.domain.meeting import ENDED

    store = harness.store()
    m = start_meeting(store, discover_templates()["malmo-orat"].template, harness.clock.now())
    m.state, m.ended_at = ENDED, harness.clock.now()
    store.save(m)
    app = harness.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.store is not None)
        app.open_meeting_at(m.id)
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "MinutesScreen")
        await pilot.press("e")
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        await pilot.press("f2")
        await type_text(pilot, "Gripen 19850315-1238")
        screen.save_now()
        await wait_for(pilot, lambda: any("1238" in e.after for e in harness.store().audit_trail(m.id)))
        await pilot.press("alt+x")
        await wait_for(pilot, lambda: any(e.action == "redact" for e in harness.store().audit_trail(m.id)))
    trail = harness.store().audit_trail(m.id)
    assert not any("19850315-1238" in (e.before + e.after + e.reason) for e in trail)
    assert any("[borttaget]" in e.after for e in trail)
