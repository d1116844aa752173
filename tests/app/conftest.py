"""Fixtures for Pilot tests: the real app on a real SQLite file, with a clock tests move."""

from __future__ import annotations

from pathlib import Path

import pytest

from orat_tui.config import UserConfig, discover_templates
from orat_tui.domain.clock import ManualClock


class Harness:
    def __init__(self, tmp_path: Path) -> None:
        self.db_path = tmp_path / "orat.db"
        self.db_url = f"sqlite:///{self.db_path}"
        self.clock = ManualClock()
        self.config = UserConfig()
        self.user_templates = tmp_path / "config" / "orat" / "templates"

    def app(self, start_template: str | None = None):
        from orat_tui.ui.app import OratApp

        return OratApp(self.db_url, self.config, discover_templates(user_dir=self.user_templates),
                       start_template=start_template, clock=self.clock)

    def store(self):
        from orat_tui.store.meetings import Store

        return Store.open(self.db_url)


@pytest.fixture
def harness(tmp_path) -> Harness:
    return Harness(tmp_path)


async def wait_for(pilot, predicate, timeout: float = 20.0) -> None:
    """Let the app work until `predicate()` holds (what the screen shows, never a fixed time).
    The timeout only bounds a failing test; a loaded CI machine may need several seconds."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        await pilot.pause(0.02)
    raise AssertionError("the app never reached the expected state")


async def type_text(pilot, text: str) -> None:
    """Type into the note that has the focus, once a note has it (a space typed into the
    roll call would mark a member absent)."""
    from orat_tui.ui.widgets.note_area import NoteArea

    await wait_for(pilot, lambda: isinstance(pilot.app.focused, NoteArea))
    keys = ["space" if c == " " else ("enter" if c == "\n" else c) for c in text]
    await pilot.press(*keys)
