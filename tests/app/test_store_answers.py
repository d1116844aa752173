"""A store call runs in a thread; its answer comes back to the UI later. When the screen that
asked has closed meanwhile, or orat is quitting, the answer is dropped instead of ending orat
with a traceback (NoMatches: its widgets are gone). A real mistake still surfaces."""

from __future__ import annotations

import threading

import pytest
from textual.screen import Screen

from tests.app.conftest import wait_for


class Asker(Screen[None]):
    """A screen that asks the store something and shows the answer in a widget it lacks."""

    def ask(self, release: threading.Event) -> None:
        self.app.call_store(release.wait, done=lambda _answer: self.query_one("#answer"))


async def test_an_answer_after_its_screen_closed_is_dropped(harness):
    app = harness.app()
    release = threading.Event()
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.store is not None)
        asker = Asker()
        await app.push_screen(asker)
        asker.ask(release)
        await app.pop_screen()
        release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
    assert app._exception is None


async def test_an_answer_while_orat_quits_is_dropped(harness):
    app = harness.app()
    release = threading.Event()

    def release_once_quitting() -> None:
        while app._running:
            threading.Event().wait(0.01)
        release.set()

    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.store is not None)
        asker = Asker()
        await app.push_screen(asker)
        asker.ask(release)
        threading.Thread(target=release_once_quitting, daemon=True).start()
    assert app._exception is None


async def test_a_missing_widget_on_a_screen_still_open_is_a_real_error(harness):
    app = harness.app()
    release = threading.Event()
    with pytest.raises(Exception, match="answer"):
        async with app.run_test() as pilot:
            await wait_for(pilot, lambda: app.store is not None)
            asker = Asker()
            await app.push_screen(asker)
            asker.ask(release)
            release.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
