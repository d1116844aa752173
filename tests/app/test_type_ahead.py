"""Keys typed at once after a key that moves the focus (Enter into the preparation's fields,
F2 to the next step, F7 / alt+d into a dialog) land where the focus went, in order, and are
saved (orat_tui.ui.type_ahead)."""

from __future__ import annotations

from orat_tui.store.intake import prepared, series_of_template
from orat_tui.ui.screens.home import HomeScreen
from orat_tui.ui.screens.prepare import PrepareScreen

from .conftest import type_fast, wait_for
from .test_intake import highlight_series


async def open_preparation(pilot, app) -> None:
    await highlight_series(pilot, app, "orebro-samordning")
    await pilot.press("p")
    await wait_for(pilot, lambda: isinstance(app.screen, PrepareScreen)
                   and app.screen.saver is not None and app.screen.member == "kommun")


async def test_text_typed_at_once_after_enter_in_the_members_list_is_kept(harness):
    app = harness.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_preparation(pilot, app)
        # Enter, the text and a second line, with no pause between the keys
        await type_fast(pilot, "Tre bilbränder.\nSkollov.", before=("enter",))
        await wait_for(pilot, lambda: app.screen.texts.get(("kommun", "point-1")))
        # the next member, at once too: down and Enter on the list, then the text
        await pilot.press("alt+a")
        await type_fast(pilot, "Stenkastning.", before=("down", "enter"))
        await wait_for(pilot, lambda: app.screen.texts.get(("polisen", "point-1")))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    store = harness.store()
    series = series_of_template(store, "orebro-samordning")
    assert {k: p.text for k, p in prepared(store, series).items()} == {
        ("kommun", "point-1"): "Tre bilbränder.\nSkollov.",
        ("polisen", "point-1"): "Stenkastning.",
    }


async def test_text_typed_just_before_quitting_the_preparation_is_saved(harness):
    app = harness.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_preparation(pilot, app)
        await pilot.press("enter")
        await type_fast(pilot, "Sista raden.")
        await wait_for(pilot, lambda: app.screen.texts.get(("kommun", "point-1")))
        # quit before the half-second tick hands it to the saver
        await app.action_quit()
    store = harness.store()
    series = series_of_template(store, "orebro-samordning")
    assert {k: p.text for k, p in prepared(store, series).items()} == {
        ("kommun", "point-1"): "Sista raden."}


async def throw_away(pilot, app, screen, key: str) -> None:
    """Close a form with something typed in it: it asks first."""
    from orat_tui.ui.screens.dialogs import ConfirmScreen

    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
    await pilot.press("y")
    await wait_for(pilot, lambda: app.screen is screen)


async def test_text_typed_at_once_after_f2_f7_and_alt_d_lands_where_the_focus_went(harness):
    from textual.widgets import Input

    from orat_tui.domain.meeting import note_slot
    from orat_tui.ui.screens.action_dialog import ActionDialog
    from orat_tui.ui.screens.event_form import EventScreen
    from orat_tui.ui.screens.item_dialog import ItemDialog

    from .test_live_meeting import in_meeting

    app = harness.app("orebro-samordning")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        meeting_id = screen.meeting.id
        # from the roll call: a space typed there would mark a member absent
        await type_fast(pilot, "Tre bilbränder", before=("f2",))
        await wait_for(pilot, lambda: screen.walk.current.number == 1)
        p1 = screen.walk.current
        await wait_for(pilot, lambda: screen.meeting.notes.get(note_slot(p1, "note")))
        await type_fast(pilot, "Skollov", before=("f2",))
        await wait_for(pilot, lambda: screen.walk.current.number == 2)
        p2 = screen.walk.current
        await wait_for(pilot, lambda: screen.meeting.notes.get(note_slot(p2, "note")))
        await type_fast(pilot, "Ring skolan", before=("f7",))
        await wait_for(pilot, lambda: isinstance(app.screen, ActionDialog)
                       and app.screen.query_one("#what", Input).value == "Ring skolan")
        await throw_away(pilot, app, screen, "escape")
        await type_fast(pilot, "Polisen bjuds in", before=("alt+d",))
        await wait_for(pilot, lambda: isinstance(app.screen, ItemDialog)
                       and app.screen.query_one(Input).value == "Polisen bjuds in")
        # back to the kind, another kind and Enter: the text typed at once goes on after it
        await pilot.press("shift+tab")
        await type_fast(pilot, " och kommunen", before=("down", "enter"))
        await wait_for(pilot, lambda: app.screen.query_one(Input).value
                       == "Polisen bjuds in och kommunen")
        await throw_away(pilot, app, screen, "escape")
        await type_fast(pilot, "Stenkastning", before=("alt+h",))
        await wait_for(pilot, lambda: isinstance(app.screen, EventScreen)
                       and app.screen.query_one("#event-title", Input).value == "Stenkastning")
        await throw_away(pilot, app, screen, "ctrl+g")
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.meeting.notes[note_slot(p1, "note")] == "Tre bilbränder"
        assert screen.meeting.notes[note_slot(p2, "note")] == "Skollov"
        assert all(a.present for a in screen.meeting.attendees)
        await app.action_quit()
    notes = harness.store().note_texts(meeting_id)
    assert notes[note_slot(p1, "note")] == "Tre bilbränder"
    assert notes[note_slot(p2, "note")] == "Skollov"
