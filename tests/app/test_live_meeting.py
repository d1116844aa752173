"""Whole meetings driven from the keyboard, then read back from the database."""

from __future__ import annotations

from orat_tui.domain.agenda import Status
from orat_tui.domain.meeting import ENDED, note_slot
from orat_tui.ui.screens.meeting import MeetingScreen
from orat_tui.ui.widgets.note_area import NoteArea

from .conftest import type_text, wait_for


def in_meeting(app) -> bool:
    return isinstance(app.screen, MeetingScreen) and app.screen.walk is not None


async def end_meeting(pilot, app) -> None:
    await pilot.press("f10")
    await wait_for(pilot, lambda: app.screen.__class__.__name__ == "ConfirmScreen")
    await pilot.press("enter")
    await wait_for(pilot, lambda: not isinstance(app.screen, MeetingScreen))


async def test_malmo_meeting_end_to_end(harness):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        meeting_id = screen.meeting.id
        # Roll call: Förskoleförvaltningen (5th member) is absent and sent a message.
        await pilot.press("down", "down", "down", "down", "space")
        assert screen.meeting.attendee("forskola").present is False
        await pilot.press("tab")
        assert isinstance(app.focused, NoteArea)
        await type_text(pilot, "Lugnt i förskolorna.")
        harness.clock.advance(90)
        # The police open the meeting, with the seed's prompts on screen.
        await pilot.press("f2")
        await wait_for(pilot, lambda: screen.walk.current.member == "polisen")
        # the notes have focus when a turn starts
        await wait_for(pilot, lambda: isinstance(app.focused, NoteArea)
                       and screen.walk.current.id in app.focused.slot)
        await type_text(pilot, "Inbrott i Holma.")
        await pilot.press("tab")
        await type_text(pilot, "Fotbollsmatch lördag.")
        harness.clock.advance(9 * 60)  # one minute over the police budget of 8
        await pilot.pause()
        assert screen.walk.timer.state(harness.clock.monotonic()).value == "overtime"
        await pilot.press("f2")  # rescue service
        await wait_for(pilot, lambda: screen.walk.current.member == "raddningstjansten")
        harness.clock.advance(120)
        await pilot.press("f2", "f2", "f2")  # ASF, Grundskola, then HVO: Förskola is absent
        await wait_for(pilot, lambda: screen.walk.current.member == "hvo")
        await pilot.press("f2", "f2", "f2")  # Kultur, Fritid, the follow-up of actions
        await wait_for(pilot, lambda: screen.walk.current.kind == "follow_up")
        await pilot.press("f2")  # wrap-up
        await wait_for(pilot, lambda: screen.walk.current.kind == "wrap_up")
        # the focus is in the wrap-up's first field: what to pass on to Förskolan
        await wait_for(pilot, lambda: isinstance(app.focused, NoteArea)
                       and app.focused.slot == note_slot(None, "pass_on", "forskola"))
        await type_text(pilot, "Info om matchen.")
        await end_meeting(pilot, app)

    store = harness.store()
    m = store.load(meeting_id)
    assert m.state == ENDED and m.ended_at is not None
    police = next(s for s in m.steps if s.member == "polisen")
    assert police.prompts[0].startswith("Många inbrott")
    assert round(police.elapsed) == 9 * 60
    assert m.notes[note_slot(police, "past_week")] == "Inbrott i Holma."
    assert m.notes[note_slot(police, "coming_week")] == "Fotbollsmatch lördag."
    assert m.notes[note_slot(None, "absent_in", "forskola")] == "Lugnt i förskolorna."
    assert m.notes[note_slot(None, "pass_on", "forskola")] == "Info om matchen."
    forskola = next(s for s in m.steps if s.member == "forskola")
    assert forskola.status is Status.ABSENT
    order = [s.member for s in m.steps if s.kind == "turn"]
    assert order == ["polisen", "raddningstjansten", "asf", "grundskola", "forskola", "hvo",
                     "kultur", "fritid"]
    assert store.unfinished() is None


async def test_orebro_points_and_floor(harness):
    app = harness.app("orebro-samordning")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        meeting_id = screen.meeting.id
        await pilot.press("f2")
        await wait_for(pilot, lambda: screen.walk.current.kind == "point")
        assert screen.walk.current.title == "Fakta/händelser under senaste veckan."
        await pilot.press("shift+f2")  # the police coordinator speaks
        harness.clock.advance(100)
        await pilot.press("shift+f3")  # then ÖBO
        harness.clock.advance(40)
        await type_text(pilot, "Bilbrand i Vivalla.")
        for number in range(2, 8):
            await pilot.press("f2")
            await wait_for(pilot, lambda n=number: screen.walk.current.number == n)
        await pilot.press("f2")
        await wait_for(pilot, lambda: screen.walk.current.kind == "wrap_up")
        await end_meeting(pilot, app)

    m = harness.store().load(meeting_id)
    p1 = next(s for s in m.steps if s.number == 1)
    assert round(p1.speakers["polisen"]) == 100
    assert round(p1.speakers["obo"]) == 40
    assert m.notes[note_slot(p1, "note")] == "Bilbrand i Vivalla."
    # point 4, planned measures, is the follow-up of the series' actions
    assert [(s.number, s.kind) for s in m.steps if s.number] == [
        (1, "point"), (2, "point"), (3, "picture"), (4, "follow_up"), (5, "point"), (6, "point"),
        (7, "point")]


async def test_bromolla_round_and_reorder(harness):
    app = harness.app("bromolla-lagesbild")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        meeting_id = screen.meeting.id
        members = [s.member for s in screen.walk.steps if s.kind == "turn"]
        assert "polisen" not in members and len(members) == 8
        # Move the third turn (ANDTS) up before Elevhälsa from the agenda list.
        await pilot.press("alt+a")
        await pilot.press("down", "down", "down")  # roll call, socialtjänsten, elevhälsa, andts
        await pilot.press("alt+up")
        await pilot.press("escape")
        order = [s.member for s in screen.walk.steps if s.kind == "turn"]
        assert order[:3] == ["socialtjansten", "andts", "elevhalsa"]
        await pilot.press("f2", "f2", "f9")  # socialtjänsten, ANDTS, then skip ANDTS
        await wait_for(pilot, lambda: screen.walk.current.member == "elevhalsa")
        await pilot.press("f3")  # come back
        await wait_for(pilot, lambda: screen.walk.current.member == "andts")
        await pilot.press("f5")  # one more minute
        assert screen.walk.timer.budget == 6 * 60
        await end_meeting(pilot, app)

    m = harness.store().load(meeting_id)
    andts = next(s for s in m.steps if s.member == "andts")
    assert andts.budget == 6 * 60
    assert [s.member for s in m.steps if s.kind == "turn"][:3] == ["socialtjansten", "andts", "elevhalsa"]


async def test_resume_after_crash_continues_at_same_turn(harness):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        await pilot.press("f2")
        await wait_for(pilot, lambda: screen.walk.current.member == "polisen")
        await type_text(pilot, "Oro i centrum.")
        harness.clock.advance(75)
        screen.save_now()
        meeting_id = screen.meeting.id
        # no end: as if the machine died here (the saver thread has written it all)

    app2 = harness.app()
    async with app2.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: getattr(app2.screen, "unfinished", None) is not None)
        await pilot.press("r")
        await wait_for(pilot, lambda: in_meeting(app2))
        screen = app2.screen
        assert screen.meeting.id == meeting_id
        assert screen.walk.current.member == "polisen"
        assert round(screen.walk.timer.elapsed(harness.clock.monotonic())) == 75
        assert not screen.walk.timer.running, "after a crash the clock waits for the chair"
        await wait_for(pilot, lambda: isinstance(app2.focused, NoteArea))
        assert app2.focused.text == "Oro i centrum."


async def test_series_changes_become_the_users_template(harness):
    from orat_tui.config import discover_templates
    from orat_tui.paths import shipped_templates_dir

    shipped = (shipped_templates_dir() / "bromolla-lagesbild.toml").read_bytes()
    app = harness.app("bromolla-lagesbild")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        await pilot.press("alt+a", "down", "down", "down", "alt+up", "escape")
        await pilot.press("f2", "f2", "f5", "f5")  # ANDTS gets two more minutes
        await pilot.press("alt+m")
        await wait_for(pilot, lambda: (harness.user_templates / "bromolla-lagesbild.toml").exists())

    entry = discover_templates(user_dir=harness.user_templates)["bromolla-lagesbild"]
    assert entry.origin == "user (overrides shipped)"
    turns = [s for s in entry.template.steps if s.kind == "turn"]
    assert [s.member for s in turns[:3]] == ["socialtjansten", "andts", "elevhalsa"]
    assert turns[1].budget_seconds == 7 * 60
    assert (shipped_templates_dir() / "bromolla-lagesbild.toml").read_bytes() == shipped
    # the next meeting of the series follows the new order
    from orat_tui.domain.agenda import plan_steps

    assert [s.member for s in plan_steps(entry.template) if s.kind == "turn"][:2] == [
        "socialtjansten", "andts"]


async def test_quitting_saves_what_was_just_typed(harness):
    app = harness.app("malmo-orat")
    app.autosave_every = 3600  # no autosave tick: only quitting can save the note
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        await pilot.press("f2")
        await type_text(pilot, "Sista ordet")
        meeting_id = screen.meeting.id
        slot = app.focused.slot
        await pilot.press("ctrl+q")  # at once: no autosave tick has run since the typing
    assert harness.store().note_texts(meeting_id)[slot] == "Sista ordet"


async def test_every_autosave_tick_writes_what_was_typed(harness):
    app = harness.app("malmo-orat")
    assert app.autosave_every <= 0.5, "typed text must reach the disk within a second"
    app.autosave_every = 3600  # the test runs the tick itself
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        await pilot.press("f2")
        await type_text(pilot, "Under mötet")
        slot = app.focused.slot
        store = harness.store()
        assert store.note_texts(screen.meeting.id).get(slot) is None
        screen.tick()
        assert screen.saver.flush(5)
        assert store.note_texts(screen.meeting.id)[slot] == "Under mötet"
        await wait_for(pilot, lambda: "sparat" in str(screen.query_one("#save-state").render()))


async def test_agenda_rows_fit_their_width_after_a_resize(harness):
    """The agenda's rows are padded to its width: drawn for one width and shown at another
    (the first layout, or a terminal made narrower) they would wrap into two lines each."""
    from rich.cells import cell_len

    from orat_tui.ui.widgets.agenda_list import AgendaList

    app = harness.app("malmo-orat")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        agenda = app.screen.query_one(AgendaList)
        await wait_for(pilot, lambda: agenda.outer_size.width == 30)  # app.tcss: #agenda
        await pilot.resize_terminal(82, 30)
        await wait_for(pilot, lambda: agenda.outer_size.width == 24)  # -narrow #agenda

        def fits() -> bool:
            room = agenda.scrollable_content_region.width
            return all(cell_len(agenda.get_option_at_index(i).prompt.plain) <= room
                       for i in range(agenda.option_count))

        await wait_for(pilot, fits)
