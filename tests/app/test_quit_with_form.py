"""ctrl+q quits at once, saving the meeting on the way out; but an open form (F7, alt+h,
alt+d, a promise) saves only on its own Enter, so with typed text in it orat asks first."""

from __future__ import annotations

from textual.widgets import Input

from orat_tui.ui.screens.action_dialog import ActionDialog
from orat_tui.ui.screens.dialogs import ConfirmScreen
from orat_tui.ui.screens.meeting import MeetingScreen

from .conftest import wait_for
from .test_followup import typed
from .test_live_meeting import in_meeting


async def test_quitting_with_text_in_a_form_asks_and_escape_keeps_it(harness):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("f2", "f7")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionDialog))
        dialog = app.screen
        await typed(pilot, "Extra patrull")
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert app.is_running
        await pilot.press("escape")  # not quitting: back to the form, the text still there
        await wait_for(pilot, lambda: app.screen is dialog)
        assert dialog.query_one("#what", Input).value == "Extra patrull"
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("enter")  # Quit
        await wait_for(pilot, lambda: not app.is_running)
    assert app.return_code in (0, None)


async def test_quitting_with_an_empty_form_or_none_quits_at_once(harness):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("f2", "f7")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionDialog))
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app) and isinstance(app.screen, MeetingScreen))
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not app.is_running)
