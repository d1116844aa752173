"""Fixtures for Pilot tests: the real app on a real SQLite file and on a real PostgreSQL
database (tests/conftest.py), with a clock tests move."""

from __future__ import annotations

from pathlib import Path

import pytest

from orat_tui.config import UserConfig, discover_templates
from orat_tui.domain.clock import ManualClock


class Harness:
    def __init__(self, tmp_path: Path, db_url: str | None = None) -> None:
        self.db_path = tmp_path / "orat.db"  # the SQLite file (when db_url is not a server's)
        self.db_url = db_url or f"sqlite:///{self.db_path}"
        self.sqlite = self.db_url.startswith("sqlite")
        self._store = None
        self.clock = ManualClock()
        self.config = UserConfig()
        self.user_templates = tmp_path / "config" / "orat" / "templates"

    def app(self, start_template: str | None = None):
        from orat_tui.ui.app import OratApp

        return OratApp(self.db_url, self.config, discover_templates(user_dir=self.user_templates),
                       start_template=start_template, clock=self.clock)

    def store(self):
        """The test's own view of the database (another orat, as it were): one per test, so
        that polling it opens no new connections."""
        from orat_tui.store.meetings import Store

        if self._store is None:
            self._store = Store.open(self.db_url)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


@pytest.fixture
def harness(tmp_path, db_backend, new_db_url):
    """The app on a SQLite file and (a second run of the test) on a fresh PostgreSQL database;
    a module marked `pytestmark = pytest.mark.sqlite_only` runs once, on SQLite."""
    h = Harness(tmp_path) if db_backend == "sqlite" else Harness(tmp_path, new_db_url())
    yield h
    h.close()


async def wait_for(pilot, predicate, timeout: float = 20.0) -> None:
    """Let the app work until `predicate()` holds (what the screen shows, never a fixed time).
    The timeout only bounds a failing test; a loaded CI machine may need several seconds."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate() and _screen_mounted(pilot.app):
            return
        await pilot.pause(0.02)
    raise AssertionError("the app never reached the expected state")


def _screen_mounted(app) -> bool:
    """A pushed screen is `app.screen` at once, but its widgets are mounted a moment later
    (under load, long enough for a test's next query to find nothing): a wait ends only once
    the screen on top has mounted its widgets."""
    try:
        return app.screen.is_mounted
    except Exception:  # noqa: BLE001 - no screen (the app has ended): nothing to wait for
        return True


async def type_text(pilot, text: str) -> None:
    """Type into the note that has the focus, once a note has it (a space typed into the
    roll call would mark a member absent)."""
    from orat_tui.ui.widgets.note_area import NoteArea

    await wait_for(pilot, lambda: isinstance(pilot.app.focused, NoteArea))
    keys = ["space" if c == " " else ("enter" if c == "\n" else c) for c in text]
    await pilot.press(*keys)


async def type_fast(pilot, text: str, before: tuple[str, ...] = (), after: tuple[str, ...] = ()) -> None:
    """Keys as a fast typist or a paste sends them: all in the app's queue at once, none
    waiting for the one before to be handled (pilot.press waits between keys)."""
    from textual import events

    keys = [*before, *("space" if c == " " else ("enter" if c == "\n" else c) for c in text),
            *after]
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else ("\r" if key == "enter" else
                                                          (" " if key == "space" else None)))
        event.set_sender(pilot.app)
        pilot.app._driver.send_message(event)
    await pilot.pause()
