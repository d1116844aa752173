"""What a second engineer's review of the picture and follow-up screens found: answers of the
store for a screen already closed, typed text thrown away on Escape, dialogs taller than 80x24,
keys that did not do what the screen says."""

from __future__ import annotations

from orat_tui.ui.screens.meeting import MeetingScreen
from orat_tui.ui.screens.picture import PictureScreen

from .conftest import wait_for


def in_meeting(app) -> bool:
    return isinstance(app.screen, MeetingScreen) and app.screen.walk is not None


async def test_the_picture_closed_before_it_has_loaded(harness):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        store = app.store
        store._write.acquire()  # the picture's load (it adds the template's areas) waits
        try:
            await pilot.press("f6")
            await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen))
            await pilot.press("escape")
            await wait_for(pilot, lambda: in_meeting(app))
        finally:
            store._write.release()
        await pilot.pause(0.3)
        await wait_for(pilot, lambda: not app.workers._workers or all(
            w.is_finished for w in app.workers._workers))
        await pilot.pause(0.1)
        assert in_meeting(app)
        assert app.is_running


async def test_late_answers_for_the_actions_and_follow_up_screens_are_dropped(harness):
    """The lists of `a` and `u` read the store in a worker; an answer that arrives after the
    chair pressed Escape (or for an action the cursor has left) changes nothing."""
    from datetime import datetime

    from orat_tui.config import discover_templates
    from orat_tui.domain.actions import Action
    from orat_tui.store.actions import add_action, series_actions
    from orat_tui.store.service import start_meeting
    from orat_tui.ui.screens.actions import ActionsScreen
    from orat_tui.ui.screens.follow_up_view import FollowUpScreen

    store = harness.store()
    tpl = discover_templates()["malmo-orat"].template
    m = start_meeting(store, tpl, datetime(2026, 11, 20, 9))
    for what in ("Första", "Andra"):
        add_action(store, Action(series_id=m.series_id, what=what), "k",
                   datetime(2026, 11, 20, 9, 30))
    actions = series_actions(store, m.series_id)
    app = harness.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.store is not None and app.screen.series_by_template)
        home = app.screen
        ol = home.query_one("#series-list")
        ol.highlighted = [o.id for o in ol.options].index("malmo-orat")
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionsScreen)
                       and len(app.screen.actions) == 2)
        screen = app.screen
        # the trail of the first action arrives after the cursor moved to the second
        await pilot.press("down")
        await pilot.pause(0.2)
        shown = str(screen.query_one("#action-detail").render())
        screen._detail(screen.actions[0], [])
        assert str(screen.query_one("#action-detail").render()) == shown
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is home)
        screen.fill(actions)  # the list's answer, late
        screen._detail(screen.actions[0], [])

        await pilot.press("u")
        await wait_for(pilot, lambda: isinstance(app.screen, FollowUpScreen))
        view = app.screen
        await wait_for(pilot, lambda: view.series)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is home)
        view._loaded(([], view.series, None))
        view._stats_loaded((m.series_id, [], []))
        await pilot.pause(0.1)
        assert app.is_running and app.screen is home


async def test_escape_asks_before_typed_text_is_thrown_away(harness):
    """F7, alt+d and alt+h in a meeting: Escape on an empty form closes it; with text typed it
    asks, and Escape in the question goes back to the form with the text still there."""
    from textual.widgets import Input

    from orat_tui.ui.screens.action_dialog import ActionDialog
    from orat_tui.ui.screens.dialogs import ConfirmScreen
    from orat_tui.ui.screens.event_form import EventScreen
    from orat_tui.ui.screens.item_dialog import ItemDialog

    app = harness.app("malmo-orat")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("f2")  # a turn
        await wait_for(pilot, lambda: app.screen.walk.current.member == "polisen")
        meeting = app.screen
        for key, form, field, cancel in (("f7", ActionDialog, "#what", "escape"),
                                         ("alt+d", ItemDialog, "#item-text", "escape"),
                                         ("alt+h", EventScreen, "#event-title", "ctrl+g")):
            await pilot.press(key)
            await wait_for(pilot, lambda form=form: isinstance(app.screen, form))
            await pilot.press(cancel)  # nothing typed: closes at once
            await wait_for(pilot, lambda: app.screen is meeting)
            await pilot.press(key)
            await wait_for(pilot, lambda form=form: isinstance(app.screen, form))
            dialog = app.screen
            await pilot.press("R", "i", "n", "g")
            await pilot.press(cancel)
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
            await pilot.press("escape")  # no: back to the form
            await wait_for(pilot, lambda dialog=dialog: app.screen is dialog)
            assert dialog.query_one(field, Input).value == "Ring"
            await pilot.press(cancel)
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
            await pilot.press("enter")  # yes: thrown away
            await wait_for(pilot, lambda: app.screen is meeting)
        assert "Ring" not in " ".join(meeting.meeting.notes.values())
    from orat_tui.store.actions import series_actions

    store = harness.store()
    assert series_actions(store, meeting.meeting.series_id) == []
    assert store.events(meeting.meeting.series_id) == []


async def test_the_level_dialog_fits_80x24(harness):
    """The four levels with the seed's meanings are taller than 24 rows: the list scrolls so
    that the hint stays on screen, and once a level is chosen the reason asked for is seen."""
    from textual.widgets import Input, OptionList

    from orat_tui.ui.screens.picture_dialogs import LevelDialog
    from orat_tui.ui.widgets.picture_grid import PictureGrid

    app = harness.app("malmo-orat")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen)
                       and app.screen.data is not None)
        app.screen.query_one(PictureGrid).move_cursor(row=2)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, LevelDialog))
        dialog = app.screen
        await pilot.pause(0.2)
        hint = dialog.query(".question").last()
        assert hint.region.bottom <= 24 and hint.region.height >= 1
        assert dialog.query_one(OptionList).region.bottom <= 24
        await pilot.press("2")
        reason = dialog.query_one("#level-reason", Input)
        await wait_for(pilot, lambda: reason.has_focus)
        await pilot.pause(0.2)
        assert reason.region.height >= 3 and reason.region.bottom <= 24


async def test_page_down_in_the_signals_goes_to_the_next_area(harness):
    """The list of questions has its own page up/down; the screen's header promises another
    area, so the screen's keys come first."""
    from orat_tui.ui.screens.signals import SignalsScreen

    app = harness.app("malmo-orat")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen)
                       and app.screen.data is not None)
        picture = app.screen
        areas = picture.data.areas
        first = picture.selected_area() or areas[0]
        second = areas[(areas.index(first) + 1) % len(areas)]
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, SignalsScreen))
        signals = app.screen
        assert signals.area_id == first.id
        await pilot.press("pagedown")
        await wait_for(pilot, lambda: signals.area_id == second.id)
        assert second.name in str(signals.query_one("#signals-header").render())
        await pilot.press("pageup")
        await wait_for(pilot, lambda: signals.area_id == first.id)


async def test_escape_in_a_promise_form_asks_before_throwing_it_away(harness):
    from textual.widgets import Input

    from orat_tui.ui.screens.dialogs import ConfirmScreen
    from orat_tui.ui.screens.follow_up_view import FollowUpScreen
    from orat_tui.ui.screens.promise_dialogs import FormDialog

    app = harness.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.store is not None
                       and "Enter" in str(app.screen.query_one("#home-status").render()))
        await pilot.press("u")
        await wait_for(pilot, lambda: isinstance(app.screen, FollowUpScreen))
        view = app.screen
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, FormDialog))
        await pilot.press("escape")  # nothing typed
        await wait_for(pilot, lambda: app.screen is view)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, FormDialog))
        form = app.screen
        await pilot.press("T", "r", "y", "g", "g")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is form)
        assert "Trygg" in [w.value for w in form.query(Input)]


async def test_signals_of_a_series_without_areas_say_how_to_add_one(harness):
    from orat_tui.ui.screens.signals import SignalsScreen

    app = harness.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.store is not None
                       and "Enter" in str(app.screen.query_one("#home-status").render()))
        ol = app.screen.query_one("#series-list")
        ol.highlighted = [o.id for o in ol.options].index("bromolla-kkl")  # no [[areas]]
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen)
                       and app.screen.data is not None)
        assert app.screen.data.areas == []
        await pilot.press("s")
        await wait_for(pilot, lambda: any("inga områden" in str(n.message)
                                          for n in app._notifications))
        assert not isinstance(app.screen, SignalsScreen)


async def test_an_approved_meetings_picture_raises_and_closes_no_events(harness, tmp_path):
    """The header says 'approved: read only'; h and c say so too instead of changing what the
    approved minutes record (an event raised or closed in that meeting)."""
    from datetime import date, datetime

    from orat_tui.domain.events import Event
    from orat_tui.ui.screens.event_form import EventScreen
    from tests.unit.report_data import hold, templates

    store = harness.store()
    tpl = templates(tmp_path)["malmo-orat"].template
    m = hold(store, tpl, date(2026, 11, 20))
    store.save_event(Event(series_id=m.series_id, title="Bränder", raised_meeting_id=m.id),
                     datetime(2026, 11, 20, 9, 30))
    store.approve(m.id, "Sekreteraren")
    app = harness.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.store is not None
                       and "Enter" in str(app.screen.query_one("#home-status").render()))
        ol = app.screen.query_one("#series-list")
        ol.highlighted = [o.id for o in ol.options].index("malmo-orat")
        await pilot.press("l")
        await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen)
                       and app.screen.data is not None)
        picture = app.screen
        assert picture.meeting_state == "approved"
        await pilot.press("h")
        await pilot.pause(0.3)
        assert app.screen is picture and not isinstance(app.screen, EventScreen)
        picture.query_one("#picture-events").focus()
        await pilot.press("c")
        await pilot.pause(0.3)
        assert app.screen is picture
        assert sum("justerat" in str(n.message) for n in app._notifications) == 2
    assert [e.title for e in store.events(m.series_id)] == ["Bränder"]  # still open


async def test_an_event_closed_by_mistake_is_opened_again_with_o(harness):
    from orat_tui.domain.events import Event
    from orat_tui.ui.screens.picture_dialogs import EventPicker

    app = harness.app("malmo-orat")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        meeting = app.screen.meeting
        store = harness.store()
        store.save_event(Event(series_id=meeting.series_id, title="Bränder",
                               raised_meeting_id=meeting.id), harness.clock.now())
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen)
                       and app.screen.data is not None and app.screen.data.open_events())
        picture = app.screen
        await pilot.press("o")  # nothing closed yet: says so
        await wait_for(pilot, lambda: any("Ingen händelse" in str(n.message)
                                          for n in app._notifications))
        picture.query_one("#picture-events").focus()
        await pilot.press("c")
        await wait_for(pilot, lambda: app.screen is not picture)
        await pilot.press("enter")  # closed, no note
        await wait_for(pilot, lambda: app.screen is picture and not picture.data.open_events())
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, EventPicker))
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is picture and picture.data.open_events())
        assert [e.title for e in picture.data.open_events()] == ["Bränder"]
    assert store.events(meeting.series_id)[0].is_open


async def test_f1_on_the_picture_lists_only_orats_own_keys(harness):
    """The picture's grid is a DataTable: its own Enter ("Select", in English, without an id)
    was listed in the Swedish help."""
    from textual.widgets import DataTable

    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen)
                       and app.screen.data is not None)
        await pilot.press("f1")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "HelpScreen")
        table = app.screen.query_one(DataTable)
        names = [str(table.get_row_at(i)[1]) for i in range(table.row_count)]
        assert "Select" not in names
        assert {"Nivå", "Signaler", "Återöppna händelse"} <= set(names)


async def test_editing_an_event_keeps_its_retired_area_and_its_former_member(harness):
    from datetime import datetime

    from orat_tui.domain.events import Event
    from orat_tui.ui.screens.event_form import EventScreen

    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        meeting = app.screen.meeting
        store = harness.store()
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen)
                       and app.screen.data is not None)
        picture = app.screen
        holma = picture.data.areas[0]
        store.save_event(Event(series_id=meeting.series_id, title="Bränder", area_id=holma.id,
                               member_key="tidigare-ledamot", raised_meeting_id=meeting.id),
                         datetime(2026, 11, 20, 9, 30))
        store.retire_area(holma.id)
        await pilot.press("escape")
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("f6")
        await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen)
                       and app.screen.data is not None and app.screen.data.open_events())
        app.screen.query_one("#picture-events").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, EventScreen))
        await pilot.press("end", "space", "i", "g", "e", "n")
        await pilot.press("escape")  # saves
        await wait_for(pilot, lambda: store.events(meeting.series_id)[0].title == "Bränder igen")
    event = store.events(meeting.series_id)[0]
    assert (event.area_id, event.member_key) == (holma.id, "tidigare-ledamot")


async def test_editing_an_action_keeps_its_retired_area(harness):
    from datetime import datetime

    from orat_tui.domain.actions import Action
    from orat_tui.store.actions import add_action, series_actions
    from orat_tui.ui.screens.action_dialog import ActionDialog
    from orat_tui.ui.steps.follow_up import FollowUpView

    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        meeting = app.screen
        store = harness.store()
        await pilot.press("f6")  # the picture's first load gives the series its areas
        await wait_for(pilot, lambda: isinstance(app.screen, PictureScreen)
                       and app.screen.data is not None)
        await pilot.press("escape")
        await wait_for(pilot, lambda: in_meeting(app))
        holma = store.areas(meeting.meeting.series_id)[0]
        add_action(store, Action(series_id=meeting.meeting.series_id, what="Belysning",
                                 area_id=holma.id), "k", datetime(2026, 11, 20, 9, 30))
        store.retire_area(holma.id)
        step = next(i for i, s in enumerate(meeting.meeting.steps) if s.kind == "follow_up")
        meeting.walk.index = step  # straight to the follow-up step
        meeting.show_step()
        await wait_for(pilot, lambda: isinstance(meeting.current_view(), FollowUpView)
                       and meeting.current_view().actions)
        meeting.current_view().query_one("#follow-up-list").focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionDialog))
        await pilot.press("end", "space", "i", "g", "e", "n")
        await pilot.press("enter")  # saves
        await wait_for(pilot, lambda: series_actions(store, meeting.meeting.series_id)[0].what
                       == "Belysning igen")
    assert series_actions(store, meeting.meeting.series_id)[0].area_id == holma.id
