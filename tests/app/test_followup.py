"""Actions made in one meeting and followed up in the next: F7 in a turn, a meeting cut short,
the follow-up step of the next meeting (finished, continued, dropped), read back from the
database; decisions beside the notes (alt+d); the actions list of the home screen (a)."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input

from orat_tui.domain.actions import DONE, DROPPED, ONGOING, PLANNED
from orat_tui.domain.meeting import note_slot
from orat_tui.store.actions import action_history, series_actions
from orat_tui.ui.screens.action_dialog import ActionDialog, DatePrompt
from orat_tui.ui.screens.meeting import MeetingScreen
from orat_tui.ui.steps.follow_up import ActionList, FollowUpView

from .conftest import type_text, wait_for
from .test_live_meeting import end_meeting, in_meeting


async def typed(pilot, text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])


async def new_action(pilot, app, what: str, due: str) -> None:
    await pilot.press("f7")
    await wait_for(pilot, lambda: isinstance(app.screen, ActionDialog))
    await typed(pilot, what)
    await pilot.press("tab", "tab", "tab")  # responsible, together with, due
    await wait_for(pilot, lambda: getattr(app.focused, "id", "") == "due")
    await typed(pilot, due)
    await pilot.press("enter")


async def test_actions_made_in_one_meeting_are_followed_up_in_the_next(harness):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        first = screen.meeting
        await pilot.press("f2")  # the police's turn
        await wait_for(pilot, lambda: screen.walk.current.member == "polisen")
        await type_text(pilot, "Inbrott i Holma.")
        # F7 from inside the note: prefilled with the police
        await new_action(pilot, app, "Extra patrull i Holma", "+7")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen))
        # a bad date: one line in the dialog, nothing typed is lost
        await new_action(pilot, app, "Belysning vid skolan", "31/2")
        dialog = app.screen
        assert isinstance(dialog, ActionDialog)
        await wait_for(pilot, lambda: "31/2" in str(dialog.query_one("#action-error").render()))
        assert dialog.query_one("#what", Input).value == "Belysning vid skolan"
        await pilot.press("backspace", "backspace", "backspace", "backspace")
        await typed(pilot, "2026-12-18")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen))
        await new_action(pilot, app, "Samtal med fastighetsägaren", "")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen))
        # a decision beside the notes
        await pilot.press("alt+d")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ItemDialog")
        await typed(pilot, "Polisen leder insatsen")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen))
        police = screen.walk.current
        assert first.notes[note_slot(police, "decision")] == "Polisen leder insatsen"
        store = app.store
        await wait_for(pilot, lambda: len(series_actions(store, first.series_id)) == 3)
        # the meeting is cut short at the police's turn: the follow-up step is never reached
        await end_meeting(pilot, app)

    store = harness.store()
    actions = {a.what: a for a in series_actions(store, first.series_id)}
    assert set(actions) == {"Extra patrull i Holma", "Belysning vid skolan",
                            "Samtal med fastighetsägaren"}
    patrol = actions["Extra patrull i Holma"]
    assert (patrol.responsible, patrol.due, patrol.status) == ("polisen", date(2026, 12, 4), PLANNED)
    assert patrol.meeting_id == first.id and patrol.step_id == police.id
    assert actions["Belysning vid skolan"].due == date(2026, 12, 18)
    assert actions["Samtal med fastighetsägaren"].due is None
    assert store.load(first.id).notes[note_slot(police, "decision")] == "Polisen leder insatsen"
    store.close()

    # the next meeting, eight days later: the patrol is a day late
    harness.clock.advance(8 * 24 * 3600)
    app = harness.app("malmo-orat")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        second = screen.meeting
        assert second.id != first.id
        while screen.walk.current.kind != "follow_up":
            await pilot.press("f2")
            await pilot.pause()
        await wait_for(pilot, lambda: isinstance(screen.current_view(), FollowUpView)
                       and len(screen.current_view().actions) == 3)
        view = screen.current_view()
        assert [a.what for a in view.actions] == [
            "Extra patrull i Holma", "Belysning vid skolan", "Samtal med fastighetsägaren"]
        await wait_for(pilot, lambda: isinstance(app.focused, ActionList))
        # finished, with its result
        await pilot.press("a")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "TextPrompt")
        await typed(pilot, "Tre kvällar")
        await pilot.press("enter")
        await wait_for(pilot, lambda: view.actions and view.actions[-1].status == DONE)
        # continued: a bad date first, then a good one
        await wait_for(pilot, lambda: isinstance(app.focused, ActionList))
        app.focused.highlighted = 0
        assert view.actions[0].what == "Belysning vid skolan"
        await pilot.press("f")
        await wait_for(pilot, lambda: isinstance(app.screen, DatePrompt))
        prompt = app.screen
        assert prompt.query_one(Input).value == "2026-12-25"  # a week after its date
        await pilot.press(*["backspace"] * 10)
        await typed(pilot, "snart")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "snart" in str(prompt.query_one("#date-error").render()))
        assert isinstance(app.screen, DatePrompt) and prompt.query_one(Input).value == "snart"
        await pilot.press(*["backspace"] * 5)
        await typed(pilot, "+10")
        await pilot.press("enter")
        await wait_for(pilot, lambda: any(a.status == ONGOING for a in view.actions))
        # dropped, with why
        await wait_for(pilot, lambda: isinstance(app.focused, ActionList))
        app.focused.highlighted = next(i for i, a in enumerate(view.actions)
                                       if a.what == "Samtal med fastighetsägaren")
        await pilot.press("s")
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "TextPrompt")
        await typed(pilot, "Ingen kontakt")
        await pilot.press("enter")
        await wait_for(pilot, lambda: sum(not a.open for a in view.actions) == 2)
        # a new action from the follow-up step, read back at the wrap-up
        await new_action(pilot, app, "Ny lägesbild till rådet", "+14")
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen)
                       and any(a.what == "Ny lägesbild till rådet" for a in view.actions))
        await pilot.press("f2")
        await wait_for(pilot, lambda: screen.walk.current.kind == "wrap_up")
        await wait_for(pilot, lambda: "Ny lägesbild till rådet" in str(
            screen.current_view().query_one("#wrap-actions").render()))
        await end_meeting(pilot, app)

    store = harness.store()
    actions = {a.what: a for a in series_actions(store, first.series_id)}
    patrol = actions["Extra patrull i Holma"]
    assert (patrol.status, patrol.result, patrol.closed_on) == (DONE, "Tre kvällar", date(2026, 12, 5))
    light = actions["Belysning vid skolan"]
    assert (light.status, light.due) == (ONGOING, date(2026, 12, 5) + timedelta(days=10))
    talk = actions["Samtal med fastighetsägaren"]
    assert (talk.status, talk.evaluation) == (DROPPED, "Ingen kontakt")
    trail = action_history(store, patrol.id)
    assert [(c.field, c.meeting_id) for c in trail] == [
        ("created", first.id), ("status", second.id), ("result", second.id)]
    assert trail[1].before == "planned" and trail[1].after == "done"
    store.close()


async def test_the_home_screen_lists_a_series_actions_by_status(harness):
    from datetime import datetime

    from orat_tui.config import discover_templates
    from orat_tui.domain.actions import Action
    from orat_tui.store.actions import add_action
    from orat_tui.ui.screens.actions import ActionsScreen

    store = harness.store()
    tpl = discover_templates()["malmo-orat"].template
    from orat_tui.store.service import start_meeting

    m = start_meeting(store, tpl, datetime(2026, 11, 20, 9))
    now = datetime(2026, 11, 20, 9, 30)
    add_action(store, Action(series_id=m.series_id, what="Öppen sak", due=date(2026, 11, 1)),
               "k", now)
    add_action(store, Action(series_id=m.series_id, what="Klar sak", status=DONE), "k", now)
    store.close()
    app = harness.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: app.store is not None and app.screen.series_by_template)
        ol = app.screen.query_one("#series-list")
        ol.highlighted = [o.id for o in ol.options].index("malmo-orat")
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, ActionsScreen)
                       and len(app.screen.actions) == 1)
        assert app.screen.actions[0].what == "Öppen sak"
        await pilot.press("2")
        await wait_for(pilot, lambda: [a.what for a in app.screen.actions] == ["Klar sak"])
        await pilot.press("0")
        await wait_for(pilot, lambda: len(app.screen.actions) == 2)
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, ActionsScreen))
