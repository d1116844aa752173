"""The search screen, driven with Pilot on a real SQLite file: type, see the hit with the
matched word highlighted, Enter opens the meeting (the minutes of an ended one) at the note."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from textual.widgets import Input, OptionList, Static

from orat_tui.domain.meeting import ENDED, new_meeting, note_slot
from orat_tui.i18n import _
from orat_tui.store.demo import generate_demo, shipped_templates
from orat_tui.ui.screens.home import HomeScreen
from orat_tui.ui.screens.minutes import MinutesScreen
from orat_tui.ui.screens.search import MATCH_STYLE, SearchScreen

from .conftest import wait_for

FRIDAY = datetime(2026, 11, 20, 9, 0)
NOTE = "Klotter och skadegörelse vid Pildammsparken; Åsa på fältgruppen följer upp."


def fill(harness) -> tuple[str, str]:
    """Two weeks of demo meetings and one ended meeting with a note of its own: (id, slot)."""
    store = harness.store()
    generate_demo(store, weeks=2, today=date(2026, 11, 28))
    malmo = next(t for t in shipped_templates() if t.id == "malmo-orat")
    m = new_meeting(store.series_for_template(malmo, FRIDAY), malmo, FRIDAY - timedelta(days=1))
    turn = next(s for s in m.steps if s.kind == "turn")
    slot = note_slot(turn, "past_week")
    m.notes = {slot: NOTE}
    m.state, m.ended_at = ENDED, m.started_at + timedelta(hours=1)
    store.save(m, now=m.ended_at)
    store.close()
    return m.id, slot


async def open_search(pilot, **kwargs) -> SearchScreen:
    app = pilot.app
    await wait_for(pilot, lambda: app.store is not None and isinstance(app.screen, HomeScreen))
    screen = SearchScreen(**kwargs)
    app.push_screen(screen)
    await wait_for(pilot, lambda: isinstance(app.focused, Input))
    return screen


def status(screen) -> str:
    return str(screen.query_one("#search-status", Static).render())


def highlighted_words(screen, index: int = 0) -> list[str]:
    ol = screen.query_one(OptionList)
    prompt = ol.get_option_at_index(index).prompt
    return [prompt.plain[s.start:s.end] for s in prompt.spans if str(s.style) == MATCH_STYLE]


async def test_type_see_the_hit_highlighted_enter_opens_the_minutes_at_the_note(harness):
    meeting_id, slot = fill(harness)
    app = harness.app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_search(pilot)
        await pilot.press(*"pildamm", "asterisk")
        await wait_for(pilot, lambda: len(screen.hits) == 1)
        hit = screen.hits[0]
        assert (hit.meeting_id, hit.slot) == (meeting_id, slot)
        assert highlighted_words(screen) == ["Pildammsparken"]
        prompt = screen.query_one(OptionList).get_option_at_index(0).prompt.plain
        assert "Polisen" in prompt and "19 nov 2026" in prompt
        assert status(screen).startswith("1 ")
        await pilot.press("enter")  # from the field to the hits
        assert isinstance(app.focused, OptionList)
        await pilot.press("slash")  # back to the field, as on the home screen
        assert isinstance(app.focused, Input) and app.focused.value == "pildamm*"
        await pilot.press("down")
        assert isinstance(app.focused, OptionList)
        await pilot.press("enter")  # open
        await wait_for(pilot, lambda: isinstance(app.screen, MinutesScreen))
        assert app.screen.meeting.id == meeting_id
        assert app.screen.slot == slot
        await pilot.press("escape")  # back to the hits, as they were
        await wait_for(pilot, lambda: app.screen is screen)
        assert len(screen.hits) == 1
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_swedish_capitals_and_a_phrase(harness):
    fill(harness)
    app = harness.app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_search(pilot)
        for c in "ÅSA":
            await pilot.press(c)
        await wait_for(pilot, lambda: len(screen.hits) == 1)
        assert highlighted_words(screen) == ["Åsa"]
        screen.query_one(Input).value = '"skadegörelse vid"'
        await wait_for(pilot, lambda: screen.hits and screen.query_text.startswith('"')
                       and highlighted_words(screen) == ["skadegörelse vid"])


async def test_a_query_made_of_operators_finds_nothing_quietly(harness):
    fill(harness)
    app = harness.app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_search(pilot, query="och")
        await wait_for(pilot, lambda: len(screen.hits) > 1)
        starts = [h.started_at for h in screen.hits]
        assert starts == sorted(starts, reverse=True)
        screen.query_one(Input).value = '"NEAR( -'
        await wait_for(pilot, lambda: not screen.hits and screen._shown == screen._asked)
        assert screen.query_one(OptionList).option_count == 0
        assert "och" not in status(screen)
        assert not app._notifications  # no error shown
        screen.query_one(Input).value = ""
        await wait_for(pilot, lambda: status(screen) == _("Type to search.") and not screen.hits)
