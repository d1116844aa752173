"""Keys from anywhere, remapped keys, the palette, help, the bell and the themes."""

from __future__ import annotations

from orat_tui.domain.agenda import Status
from orat_tui.ui.screens.meeting import MeetingScreen
from orat_tui.ui.widgets.note_area import NoteArea

from .conftest import type_text, wait_for

import pytest

pytestmark = pytest.mark.sqlite_only  # keys and config, not the database


def in_meeting(app) -> bool:
    return isinstance(app.screen, MeetingScreen) and app.screen.walk is not None


async def test_meeting_keys_work_while_typing_in_a_note(harness):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.focused, NoteArea))
        await type_text(pilot, "abc")
        await pilot.press("f4")  # pause
        assert not screen.walk.timer.running
        await pilot.press("f5")
        assert screen.walk.timer.budget == 9 * 60
        await pilot.press("f4", "f2")
        assert screen.walk.current.member == "raddningstjansten"
        await wait_for(pilot, lambda: isinstance(app.focused, NoteArea)
                       and app.focused.slot.endswith(":past_week")
                       and screen.walk.current.id in app.focused.slot)
        assert app.focused.text == ""
        assert screen.walk.steps[1].status is Status.DONE


async def test_user_keymap_moves_a_binding(harness):
    harness.config.keys = {"next": "f12"}
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("f12")
        await wait_for(pilot, lambda: app.screen.walk.current.member == "polisen")


async def test_palette_offers_the_meeting_actions(harness):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert any(t.startswith("Nästa") and "f2" in t for t in titles), titles
        assert any(t.startswith("Delad skärm") for t in titles)
        # floor keys only apply inside an agenda point
        assert not any(t.startswith("Ordet till deltagare") for t in titles)


async def test_help_lists_every_meeting_key(harness):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("f1")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "HelpScreen")
        from textual.widgets import DataTable

        table = app.screen.query_one(DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        keys = {str(r[0]) for r in rows}
        assert {"f2", "f3", "f4", "f5", "f8", "f9", "f10"} <= keys
        await pilot.press("escape")
        await wait_for(pilot, lambda: in_meeting(app))


async def test_bell_rings_at_warning_and_at_zero(harness):
    from orat_tui.ui.app import OratApp

    rings = []

    class Counting(OratApp):
        def bell(self) -> None:
            rings.append(self.clock.monotonic())

    harness.config.bell = True
    app = Counting(harness.db_url, harness.config, harness.app().templates,
                   start_template="malmo-orat", clock=harness.clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        await pilot.press("f2")  # police, 8 minutes
        harness.clock.advance(6 * 60 + 30)  # 81 %: warning
        screen.tick()
        harness.clock.advance(60)
        screen.tick()  # still warning: no second ring
        harness.clock.advance(60)  # 8:30: overtime
        screen.tick()
        assert len(rings) == 2


async def test_no_bell_unless_asked(harness):
    from orat_tui.ui.app import OratApp

    rings = []

    class Counting(OratApp):
        def bell(self) -> None:
            rings.append(1)

    app = Counting(harness.db_url, harness.config, harness.app().templates,
                   start_template="malmo-orat", clock=harness.clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("f2")
        harness.clock.advance(10 * 60)
        app.screen.tick()
    assert rings == []


async def test_high_contrast_theme_from_config_and_by_key(harness):
    harness.config.theme = "high-contrast"
    app = harness.app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == "orat-high-contrast"
        await pilot.press("alt+t")
        assert app.theme != "orat-high-contrast"


async def test_shared_screen_never_shows_note_text(harness):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.focused, NoteArea))
        await type_text(pilot, "Internt hemligt")
        await pilot.press("f8")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "SharedScreen")
        await pilot.pause()
        shown = app.export_screenshot()
        assert "Polisen" in shown
        assert "hemligt" not in shown
        await pilot.press("f8")
        await wait_for(pilot, lambda: in_meeting(app))
        assert "hemligt" in app.export_screenshot()
