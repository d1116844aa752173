"""The situational picture driven from the keyboard across three meetings: levels changed with
a reason, warning signals rated, events raised and closed; then the trend read back from the
screen and the database."""

from __future__ import annotations

from datetime import timedelta

from orat_tui.domain.levels import GRONT, GULT, ORANGE, ROTT
from orat_tui.ui.screens.meeting import MeetingScreen
from orat_tui.ui.screens.picture import PictureScreen
from orat_tui.ui.widgets.picture_grid import PictureGrid

from .conftest import wait_for


def in_meeting(app) -> bool:
    return isinstance(app.screen, MeetingScreen) and app.screen.walk is not None


def on(app, name: str) -> bool:
    return app.screen.__class__.__name__ == name


async def open_picture(pilot, app) -> PictureScreen:
    await pilot.press("f6")
    await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen)
                   and app.screen.data is not None)
    return app.screen


async def go_to_area(pilot, screen, name: str) -> None:
    grid = screen.query_one(PictureGrid)
    grid.focus()
    row = 1 + [a.name for a in screen.data.areas].index(name)
    grid.move_cursor(row=row)
    await pilot.pause()


async def set_level(pilot, app, screen, area: str, number: int, reason: str) -> None:
    await go_to_area(pilot, screen, area)
    before = screen.data
    await pilot.press("enter")
    await wait_for(pilot, lambda: on(app, "LevelDialog"))
    await pilot.press(str(number))
    for ch in reason:
        await pilot.press("space" if ch == " " else ch)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen)
                   and app.screen.data is not before)


async def rate(pilot, app, screen, area: str, keys: str) -> None:
    await go_to_area(pilot, screen, area)
    await pilot.press("s")
    await wait_for(pilot, lambda: on(app, "SignalsScreen"))
    await pilot.press(*keys)
    await pilot.pause()
    before = screen.data
    await pilot.press("escape")
    await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen)
                   and app.screen.data is not before)


async def end_meeting(pilot, app) -> None:
    await pilot.press("escape")  # back to the meeting
    await wait_for(pilot, lambda: in_meeting(app))
    await pilot.press("f10")
    await wait_for(pilot, lambda: on(app, "ConfirmScreen"))
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, MeetingScreen))


async def test_three_meetings_of_levels_signals_and_events(harness):
    # meeting 1: Vivalla goes yellow; its signals are rated; an event is raised
    app = harness.app("orebro-samordning")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = await open_picture(pilot, app)
        await set_level(pilot, app, screen, "Vivalla", 2, "rykten om konfrontation")
        await rate(pilot, app, screen, "Vivalla", "2310" + "4")
        await pilot.press("h")
        await wait_for(pilot, lambda: on(app, "EventScreen"))
        form = app.screen
        form.query_one("#event-title").value = "Stenkastning mot buss"
        form.query_one("#event-likely_case").text = "Fortsatt oro i helgen"
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen)
                       and len(app.screen.data.open_events()) == 1)
        assert screen.data.open_events()[0].area_id == screen.data.areas[0].id
        await end_meeting(pilot, app)

    # meeting 2, a week later: Oxhagen goes red; the chair confirms the suggestion (red)
    harness.clock.advance(7 * 24 * 3600)
    app = harness.app("orebro-samordning")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = await open_picture(pilot, app)
        vivalla = screen.data.areas[0].id
        assert screen.data.level(screen.meeting_id, vivalla) == GULT  # carried
        await set_level(pilot, app, screen, "Oxhagen", 4, "bilbränder två nätter")
        await rate(pilot, app, screen, "Vivalla", "4444")
        screen.query_one(PictureGrid).move_cursor(row=0)
        before = screen.data
        await pilot.press("k")
        await wait_for(pilot, lambda: on(app, "LevelDialog"))
        await pilot.press("4")  # the suggestion: no reason asked
        await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen)
                       and app.screen.data is not before)
        assert screen.data.combined_level(screen.meeting_id) == (ROTT, True)
        await end_meeting(pilot, app)

    # meeting 3: Oxhagen orange after the unrest, Vivalla back to green; the event is closed
    harness.clock.advance(7 * 24 * 3600)
    app = harness.app("orebro-samordning")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = await open_picture(pilot, app)
        await set_level(pilot, app, screen, "Oxhagen", 3, "efter oroligheterna")
        await set_level(pilot, app, screen, "Vivalla", 1, "lugnt")
        await rate(pilot, app, screen, "Vivalla", "1111")
        await pilot.press("tab")
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "picture-events")
        await pilot.press("c")
        await wait_for(pilot, lambda: on(app, "TextPrompt"))
        for ch in "lugnt":
            await pilot.press(ch)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen)
                       and not app.screen.data.open_events())
        # the trend on the screen: three weeks across
        data = screen.data
        ids = data.ids
        ox = next(a.id for a in data.areas if a.name == "Oxhagen")
        viv = data.areas[0].id
        assert [data.level(m, viv) for m in ids] == [GULT, GULT, GRONT]
        assert [data.level(m, ox) for m in ids] == [GRONT, ROTT, ORANGE]
        assert data.trend(screen.checklist, ids[-1], viv) == [10, 16, 4]
        assert data.combined_level(ids[-1]) == (ORANGE, False)
        grid = screen.query_one(PictureGrid)
        header = [str(c.label) for c in grid.columns.values()]
        weeks = [f"v{data.started(m).isocalendar()[1]}" for m in ids]
        assert header[1:4] == weeks
        cells = [str(grid.get_cell(ox, m)) for m in ids]
        assert [c.strip(" •") for c in cells] == ["GRÖ", "RÖD", "ORA"]
        signals = str(grid.get_cell(viv, "signals"))
        assert signals.split()[:2] == ["4", "−12"]
        await end_meeting(pilot, app)

    store = harness.store()
    series = store.list_series()[0].id
    trail = [e for m in store.series_meetings(series) for e in store.audit_trail(m[0])
             if e.action == "level"]
    assert [(e.field, e.before, e.after, e.reason) for e in trail if e.field != "level:combined"] == [
        ("level:vivalla", GRONT, GULT, "rykten om konfrontation"),
        ("level:oxhagen", GRONT, ROTT, "bilbränder två nätter"),
        ("level:oxhagen", ROTT, ORANGE, "efter oroligheterna"),
        ("level:vivalla", GULT, GRONT, "lugnt"),
    ]
    closed = store.events(series, open_only=False)[0]
    assert closed.closed_meeting_id == store.series_meetings(series)[2][0]
    assert closed.likely_case == "Fortsatt oro i helgen"


async def highlight(pilot, app, template_id: str) -> None:
    from textual.widgets import OptionList

    await wait_for(pilot, lambda: app.store is not None
                   and "Enter" in str(app.screen.query_one("#home-status").render()))
    series = app.screen.query_one("#series-list", OptionList)
    series.highlighted = next(i for i in range(series.option_count)
                              if series.get_option_at_index(i).id == template_id)


async def test_an_extra_meeting_while_yellow_or_red(harness):
    from .test_picture_snapshots import history

    history(harness)  # three Örebro meetings; the last one's combined level: yellow
    app = harness.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await highlight(pilot, app, "malmo-orat")
        await pilot.press("e")  # Malmö has no meetings: nothing to offer
        await pilot.pause()
        assert not on(app, "ConfirmScreen")
        await highlight(pilot, app, "orebro-samordning")
        await pilot.press("e")
        await wait_for(pilot, lambda: on(app, "ConfirmScreen"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: in_meeting(app))
        m = app.screen.meeting
        assert m.title.endswith("· extra möte")
        assert [s.kind for s in m.steps] == ["roll_call", "picture", "point", "follow_up", "point",
                                             "wrap_up"]
        await pilot.press("f2")  # levels: the picture point shows the weeks so far
        await wait_for(pilot, lambda: app.screen.query("#step-picture")
                       and app.screen.query_one("#step-picture").row_count == 7)
        await pilot.press("f10")
        await wait_for(pilot, lambda: on(app, "ConfirmScreen"))
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, MeetingScreen))
    store = harness.store()
    series = store.list_series()
    assert len(series) == 1 and series[0].meetings == 4  # the same series


async def test_alt_h_raises_an_event_from_a_turn(harness):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("f2")  # the police's turn
        await wait_for(pilot, lambda: app.screen.walk.current.member == "polisen")
        await pilot.press("alt+h")
        await wait_for(pilot, lambda: on(app, "EventScreen"))
        form = app.screen
        assert form.query_one("#event-member").value == "polisen"
        for ch in "Inbrottsserie":
            await pilot.press(ch)
        # the focus areas of config/focus-areas.toml are offered, as for actions and notes
        focus = form.query_one("#event-focus")
        assert "unga" in [value for _label, value in focus._options]
        focus.value = "unga"
        await pilot.press("escape")  # saves
        await wait_for(pilot, lambda: in_meeting(app))
        meeting = app.screen.meeting
        store = harness.store()
        await wait_for(pilot, lambda: store.events(meeting.series_id))
    events = store.events(meeting.series_id)
    assert [(e.title, e.member_key, e.raised_meeting_id, e.focus_area) for e in events] == [
        ("Inbrottsserie", "polisen", meeting.id, "unga")]
