"""The follow-up view at 80x24 with the seed's citizen promise mid-period: the bars, their
marks and states must stay readable on the smallest terminal. Update on purpose with
`pytest --snapshot-update`."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import OptionList

from tests.unit.report_data import fill_promise

from .conftest import wait_for


def test_promises_80x24(harness, snap_compare):
    store = harness.store()
    try:
        fill_promise(store)
    finally:
        store.close()
    harness.clock.wall = datetime(2020, 10, 1, 9, 0)

    async def run_before(pilot):
        app = pilot.app
        await wait_for(pilot, lambda: app.store is not None
                       and "Enter" in str(app.screen.query_one("#home-status").render()))
        await pilot.press("u")
        await wait_for(pilot, lambda: app.screen.query("#promise-list")
                       and app.screen.query_one("#promise-list", OptionList).option_count == 5)
        await pilot.pause()

    assert snap_compare(harness.app(), terminal_size=(80, 24), run_before=run_before)
