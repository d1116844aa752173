"""Pictures of the main screens (pytest-textual-snapshot): a change in what the chair sees
shows up as a failed comparison. Update on purpose with `pytest --snapshot-update`."""

from __future__ import annotations

from orat_tui.ui.screens.meeting import MeetingScreen
from orat_tui.ui.widgets.note_area import NoteArea

from .conftest import type_text, wait_for

import pytest

pytestmark = pytest.mark.sqlite_only  # the screens look the same on both; pictures once


async def settle(pilot) -> None:
    """No blinking cursor, everything saved and the indicator saying so."""
    for area in pilot.app.query(NoteArea):
        area.cursor_blink = False
    screen = pilot.app.screen
    if isinstance(screen, MeetingScreen):
        screen.save_now()
        await wait_for(pilot, lambda: not screen.dirty and screen.saved_seq == screen.seq)
        screen.refresh_all()
    await pilot.pause()


def meeting_ready(app) -> bool:
    return isinstance(app.screen, MeetingScreen) and app.screen.walk is not None


def test_home_80x24(harness, snap_compare):
    async def run_before(pilot):
        await wait_for(pilot, lambda: pilot.app.store is not None
                       and "Enter" in str(pilot.app.screen.query_one("#home-status").render()))

    assert snap_compare(harness.app(), terminal_size=(80, 24), run_before=run_before)


def test_malmo_roll_call_80x24(harness, snap_compare):
    async def run_before(pilot):
        await wait_for(pilot, lambda: meeting_ready(pilot.app))
        await pilot.press("down", "down", "down", "down", "space")  # Förskola absent
        await settle(pilot)

    assert snap_compare(harness.app("malmo-orat"), terminal_size=(80, 24), run_before=run_before)


def test_malmo_police_turn_warning_80x24(harness, snap_compare):
    async def run_before(pilot):
        await wait_for(pilot, lambda: meeting_ready(pilot.app))
        harness.clock.advance(150)
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(pilot.app.focused, NoteArea))
        await type_text(pilot, "Inbrott i Holma, tre lägenheter.")
        harness.clock.advance(7 * 60)  # 7 of 8 minutes: the warning colour
        await settle(pilot)

    assert snap_compare(harness.app("malmo-orat"), terminal_size=(80, 24), run_before=run_before)


def test_orebro_point_overtime_80x24(harness, snap_compare):
    async def run_before(pilot):
        await wait_for(pilot, lambda: meeting_ready(pilot.app))
        await pilot.press("f2", "f2", "f2")
        await wait_for(pilot, lambda: pilot.app.screen.walk.current.number == 3)
        await pilot.press("shift+f2")
        # point 3 shows the picture week by week (read in a worker): wait for its rows
        await wait_for(pilot, lambda: pilot.app.screen.query("#step-picture")
                       and pilot.app.screen.query_one("#step-picture").row_count > 0)
        harness.clock.advance(8 * 60 + 42)  # 42 seconds over
        await settle(pilot)

    assert snap_compare(harness.app("orebro-samordning"), terminal_size=(80, 24),
                        run_before=run_before)


def test_shared_screen_120x40(harness, snap_compare):
    async def run_before(pilot):
        await wait_for(pilot, lambda: meeting_ready(pilot.app))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(pilot.app.focused, NoteArea))
        await type_text(pilot, "Internt: detta får rummet inte se.")
        harness.clock.advance(200)
        await pilot.press("f8")
        await wait_for(pilot, lambda: pilot.app.screen.__class__.__name__ == "SharedScreen")
        pilot.app.screen.refresh_view()
        await pilot.pause()

    assert snap_compare(harness.app("malmo-orat"), terminal_size=(120, 40), run_before=run_before)
