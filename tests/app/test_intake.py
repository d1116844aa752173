"""Preparation before the meeting: input per member on the p screen, saved as typed; at the
member's turn (or the point) the chair sees it beside the notes and takes it over with alt+p."""

from __future__ import annotations

from orat_tui.domain.meeting import ENDED, note_slot
from orat_tui.store.intake import prepared, save_prepared, series_of_template
from orat_tui.ui.screens.home import HomeScreen
from orat_tui.ui.screens.meeting import MeetingScreen
from orat_tui.ui.screens.prepare import PrepareScreen
from orat_tui.ui.widgets.note_area import NoteArea
from orat_tui.ui.widgets.prepared_panel import PreparedPanel

from .conftest import type_text, wait_for
from .test_live_meeting import end_meeting, in_meeting


def panel_text(screen) -> str:
    panels = screen.view.query(PreparedPanel)
    if not panels or not panels.first().has_class("-shown"):
        return ""
    panel = panels.first()
    if False:
        return ""
    return str(panel.border_title) + "\n" + "\n".join(
        str(w.render()) for w in panel.children)


def focused_slot(app) -> str:
    return app.focused.slot if isinstance(app.focused, NoteArea) else ""


async def highlight_series(pilot, app, template_id: str) -> None:
    from textual.widgets import OptionList

    await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.store is not None)
    series = app.screen.query_one("#series-list", OptionList)
    await wait_for(pilot, lambda: series.option_count > 0)
    index = next(i for i in range(series.option_count)
                 if series.get_option_at_index(i).id == template_id)
    series.focus()
    series.highlighted = index
    await pilot.pause()


async def test_prepare_on_the_p_screen_then_see_and_take_it_at_the_point(harness):
    app = harness.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await highlight_series(pilot, app, "orebro-samordning")
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, PrepareScreen)
                       and app.screen.saver is not None)
        prep = app.screen
        # members down the left: the municipality's coordinator first; Enter goes to the fields
        await wait_for(pilot, lambda: prep.member == "kommun")
        await pilot.press("enter")
        await wait_for(pilot, lambda: focused_slot(app) == "kommun:point-1")
        await type_text(pilot, "Tre bilbränder i Vivalla.")
        await pilot.press("tab")
        await wait_for(pilot, lambda: focused_slot(app) == "kommun:point-2")
        await type_text(pilot, "Skollov från måndag.")
        # the next member: alt+a to the list, down, enter
        await pilot.press("alt+a", "down", "enter")
        await wait_for(pilot, lambda: focused_slot(app) == "polisen:point-1")
        await type_text(pilot, "Stenkastning mot buss.")
        # saved as typed: the tick hands it to the saver, which writes it
        harness.clock.advance(1)
        await wait_for(pilot, lambda: not prep.dirty and prep.saved_seq == prep.seq >= 1)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))

    store = harness.store()
    series = series_of_template(store, "orebro-samordning")
    assert {k: p.text for k, p in prepared(store, series).items()} == {
        ("kommun", "point-1"): "Tre bilbränder i Vivalla.",
        ("kommun", "point-2"): "Skollov från måndag.",
        ("polisen", "point-1"): "Stenkastning mot buss.",
    }
    store.close()

    app = harness.app("orebro-samordning")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        meeting_id = screen.meeting.id
        await pilot.press("f2")  # point 1
        await wait_for(pilot, lambda: screen.walk.current.number == 1)
        await wait_for(pilot, lambda: "Stenkastning mot buss." in panel_text(screen))
        assert "Kommunen" in panel_text(screen) and "Polisen" in panel_text(screen)
        await type_text(pilot, "Lugnt i övrigt.")
        # the police have the floor: alt+p takes theirs, after the typed text
        await pilot.press("shift+f2", "alt+p")
        slot = note_slot(screen.walk.current, "note")
        area = screen.view.query_one(NoteArea)
        assert area.text == "Lugnt i övrigt.\n\nPolisen: Stenkastning mot buss."
        assert "✓ Polisen" in panel_text(screen)
        # nobody has the floor: alt+p takes the rest; a second alt+p adds nothing
        await pilot.press("shift+f2", "alt+p", "alt+p")
        assert area.text == ("Lugnt i övrigt.\n\nPolisen: Stenkastning mot buss.\n\n"
                             "Kommunen: Tre bilbränder i Vivalla.")
        assert "✓" in panel_text(screen) and "Kommunen" in panel_text(screen)
        await pilot.press("f2")  # point 2: the municipality's input for it
        await wait_for(pilot, lambda: "Skollov från måndag." in panel_text(screen))
        await pilot.press("f2")  # point 3: nothing prepared, no panel
        await wait_for(pilot, lambda: screen.walk.current.number == 3)
        await pilot.pause()
        assert panel_text(screen) == ""
        await end_meeting(pilot, app)

    store = harness.store()
    m = store.load(meeting_id)
    assert m.state == ENDED
    assert m.notes[slot] == ("Lugnt i övrigt.\n\nPolisen: Stenkastning mot buss.\n\n"
                             "Kommunen: Tre bilbränder i Vivalla.")
    mine = prepared(store, meeting_id=meeting_id)
    assert mine[("kommun", "point-1")].taken_at is not None
    assert mine[("kommun", "point-2")].taken_at is None
    assert prepared(store, series) == {}  # the next meeting starts with nothing prepared
    store.close()


async def test_a_members_turn_shows_their_input_and_alt_p_fills_the_fields(harness):
    store = harness.store()
    from orat_tui.config import discover_templates

    malmo = discover_templates()["malmo-orat"].template
    series = store.series_for_template(malmo, harness.clock.now())
    save_prepared(store, series, {("polisen", "past_week"): "Inbrott i Holma.",
                                  ("polisen", "coming_week"): "Match på lördag."},
                  who="polisen", now=harness.clock.now(), source="form")
    store.close()
    app = harness.app("malmo-orat")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        assert panel_text(screen) == ""  # the roll call has no panel
        await pilot.press("f2")
        await wait_for(pilot, lambda: screen.walk.current.member == "polisen")
        await wait_for(pilot, lambda: "Inbrott i Holma." in panel_text(screen))
        # 120 columns: beside the notes
        container = screen.view.query_one(".with-prepared")
        await wait_for(pilot, lambda: container.has_class("-side"))
        panel = screen.view.query_one(PreparedPanel)
        area = screen.view.query(NoteArea).first()
        assert panel.region.x > area.region.x + area.region.width - 1
        await type_text(pilot, "Egen rad.")
        await pilot.press("alt+p")
        step = screen.walk.current
        areas = {a.slot: a for a in screen.view.query(NoteArea)}
        assert areas[note_slot(step, "past_week")].text == "Egen rad.\n\nInbrott i Holma."
        assert areas[note_slot(step, "coming_week")].text == "Match på lördag."
        assert "✓" in panel_text(screen)
        await pilot.press("f2")
        await wait_for(pilot, lambda: screen.walk.current.member == "raddningstjansten")
        await pilot.pause()
        assert panel_text(screen) == ""
        await end_meeting(pilot, app)
    store = harness.store()
    m = store.load(screen.meeting.id)
    assert m.notes[note_slot(step, "past_week")] == "Egen rad.\n\nInbrott i Holma."
    store.close()


async def test_compact_at_80x24(harness):
    store = harness.store()
    from orat_tui.config import discover_templates

    malmo = discover_templates()["malmo-orat"].template
    series = store.series_for_template(malmo, harness.clock.now())
    save_prepared(store, series, {("polisen", "past_week"): "Rad\n" * 20}, who="p",
                  now=harness.clock.now())
    store.close()
    app = harness.app("malmo-orat")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        await pilot.press("f2")
        await wait_for(pilot, lambda: "Rad" in panel_text(screen))
        panel = screen.view.query_one(PreparedPanel)
        await pilot.pause()
        assert not screen.view.query_one(".with-prepared").has_class("-side")
        assert panel.region.height <= 7  # a long text scrolls; the notes keep their room
        area = screen.view.query(NoteArea).first()
        assert area.region.y > panel.region.y and area.region.height >= 3


async def test_alt_x_takes_personal_numbers_out_of_the_prepared_input_too(harness):
    store = harness.store()
    from orat_tui.config import discover_templates

    malmo = discover_templates()["malmo-orat"].template
    series = store.series_for_template(malmo, harness.clock.now())
    save_prepared(store, series, {("polisen", "past_week"): "Gäller 811218-9876 i Holma."},
                  who="p", now=harness.clock.now())
    store.close()
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        meeting_id = screen.meeting.id
        await pilot.press("f2")
        await wait_for(pilot, lambda: "811218-9876" in panel_text(screen))
        await pilot.press("alt+x")
        await wait_for(pilot, lambda: "811218-9876" not in panel_text(screen)
                       and "Holma" in panel_text(screen))

        def cleaned() -> bool:
            s = harness.store()
            try:
                return "811218" not in prepared(s, meeting_id=meeting_id)[
                    ("polisen", "past_week")].text
            finally:
                s.close()

        await wait_for(pilot, cleaned)
        await end_meeting(pilot, app)
