"""Pictures of the Lägesbild screen after three meetings (pytest-textual-snapshot), at 80x24
(it must fit) and 120x40 (a projector), and in the high-contrast theme, where the levels'
letters carry the meaning the colours carry otherwise."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.widgets import OptionList

from orat_tui.config import discover_templates
from orat_tui.domain.events import Event
from orat_tui.domain.levels import GRONT, GULT, ORANGE, ROTT
from orat_tui.domain.meeting import ENDED
from orat_tui.store.service import start_meeting
from orat_tui.ui.screens.picture import PictureScreen

from .conftest import wait_for

THURSDAY = datetime(2026, 11, 12, 10, 0)


def history(harness) -> None:
    """Örebro over three Thursdays (all ended): levels changing, signals rated, two events."""
    orebro = discover_templates()["orebro-samordning"].template
    store = harness.store()
    meetings = []
    for week in range(3):
        m = start_meeting(store, orebro, THURSDAY + timedelta(weeks=week))
        m.state, m.ended_at = ENDED, m.started_at + timedelta(minutes=40)
        store.save(m)
        meetings.append(m)
    areas = {a.key: a.id for a in store.areas(meetings[0].series_id)}
    m1, m2, m3 = (m.id for m in meetings)
    at = THURSDAY
    store.set_level(m1, areas["vivalla"], GULT, "rykten", "ordf", GRONT, at)
    store.set_level(m2, areas["oxhagen"], ROTT, "bilbränder", "ordf", GRONT, at)
    store.set_level(m2, areas["vivalla-centrum"], GULT, "samlingar", "ordf", GRONT, at)
    store.set_level(m3, areas["oxhagen"], ORANGE, "efter oroligheterna", "ordf", ROTT, at)
    store.set_combined(m2, ROTT, ROTT, "", "ordf", at)
    for mid, area, values in ((m1, "vivalla", {12: 2, 13: 2}), (m2, "vivalla", {12: 3, 13: 4}),
                              (m3, "vivalla", {12: 4, 13: 4, 8: 1}),
                              (m2, "oxhagen", {8: 4, 9: 4}), (m3, "oxhagen", {8: 2, 9: 1})):
        for q, v in values.items():
            store.rate_signal(mid, areas[area], q, v)
    store.save_event(Event(series_id=meetings[0].series_id, title="Stenkastning mot buss",
                           area_id=areas["vivalla"], member_key="polisen",
                           likely_case="Fortsatt oro i helgen", raised_meeting_id=m1), at)
    store.save_event(Event(series_id=meetings[0].series_id, title="Bilbränder",
                           area_id=areas["oxhagen"], member_key="obo", raised_meeting_id=m2),
                     at + timedelta(weeks=1))  # raised later: listed after the first
    store.close()


def picture_of_orebro(harness, contrast: bool = False):
    async def run_before(pilot):
        await wait_for(pilot, lambda: pilot.app.store is not None
                       and "Enter" in str(pilot.app.screen.query_one("#home-status").render()))
        if contrast:
            await pilot.press("alt+t")
        series = pilot.app.screen.query_one("#series-list", OptionList)
        series.highlighted = next(i for i in range(series.option_count)
                                  if series.get_option_at_index(i).id == "orebro-samordning")
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, PictureScreen)
                       and pilot.app.screen.data is not None)
        await pilot.press("down")  # Vivalla: its level's meaning and signal groups below
        await pilot.pause()

    return run_before


def test_picture_80x24(harness, snap_compare):
    history(harness)
    assert snap_compare(harness.app(), terminal_size=(80, 24),
                        run_before=picture_of_orebro(harness))


def test_picture_120x40(harness, snap_compare):
    history(harness)
    assert snap_compare(harness.app(), terminal_size=(120, 40),
                        run_before=picture_of_orebro(harness))


def test_picture_high_contrast_80x24(harness, snap_compare):
    history(harness)
    assert snap_compare(harness.app(), terminal_size=(80, 24),
                        run_before=picture_of_orebro(harness, contrast=True))
