"""When the database cannot be written (a full disk, a read-only file): a visible error, the
notes stay in memory, and they can be written to a file elsewhere."""

from __future__ import annotations

from sqlalchemy import create_engine, event

from orat_tui.ui.screens.meeting import MeetingScreen

from .conftest import type_text, wait_for

import pytest

pytestmark = pytest.mark.sqlite_only  # a read-only SQLite file


def in_meeting(app) -> bool:
    return isinstance(app.screen, MeetingScreen) and app.screen.walk is not None


def fill_disk(store) -> None:
    """Every new connection may not grow the file: SQLite answers 'database or disk is full'."""
    store.engine.dispose()

    @event.listens_for(store.engine, "connect")
    def _full(dbapi_conn, _record):
        cur = dbapi_conn.cursor()
        pages = cur.execute("PRAGMA page_count").fetchone()[0]
        cur.execute(f"PRAGMA max_page_count = {pages}")
        cur.close()


def make_read_only(store, path) -> None:
    store.engine.dispose()
    store.engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true",
                                 connect_args={"check_same_thread": False})


async def _failing_save(harness, tmp_path, break_db) -> None:
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        await pilot.press("f2")
        await type_text(pilot, "Före felet")
        assert screen.save_now()
        break_db(app.store)
        big = "Lång anteckning om läget i Holma. " * 3000  # about 100 KB: needs new pages
        app.focused.insert(big)
        screen.submit_save()
        await wait_for(pilot, lambda: bool(screen.save_error))
        assert "EJ SPARAT" in str(screen.query_one("#save-state").render())
        assert big in app.focused.text  # kept in memory, on screen
        target = tmp_path / "elsewhere" / "anteckningar.md"
        target.parent.mkdir()
        await pilot.press("alt+e")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "TextPrompt")
        from textual.widgets import Input

        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await wait_for(pilot, lambda: target.exists())
        written = target.read_text("utf-8")
        assert "Lång anteckning om läget i Holma" in written and "Före" in written
        assert (target.stat().st_mode & 0o777) == 0o600
        screen.saver.close(timeout=0.5)


async def test_full_disk(harness, tmp_path):
    await _failing_save(harness, tmp_path, fill_disk)


async def test_read_only_database(harness, tmp_path):
    await _failing_save(harness, tmp_path, lambda store: make_read_only(store, harness.db_path))
