"""The minutes page shows the actions agreed in the meeting and its situational picture; an
internal (egen) event only when the internal notes are shown."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from orat_tui.config import discover_templates
from orat_tui.domain.actions import Action
from orat_tui.domain.events import Event
from orat_tui.domain.levels import GRONT, GULT
from orat_tui.store.actions import add_action
from orat_tui.store.service import start_meeting

from .conftest import wait_for

T0 = datetime(2026, 11, 27, 9, 0)


def ended_meeting_with_an_action(store, what: str = "Trygghetsvandring i Holma med "
                                 "fältgruppen") -> str:
    m = start_meeting(store, discover_templates()["malmo-orat"].template, T0)
    holma = next(a for a in store.areas(m.series_id) if a.key == "holma")
    during = T0 + timedelta(minutes=20)
    add_action(store, Action(m.series_id, what,
                             responsible="polisen", responsible_name="Polisen",
                             due=date(2026, 12, 4), meeting_id=m.id), "Karin Lind", during)
    store.set_level(m.id, holma.id, GULT, "Oro kvällstid.", "Karin Lind", GRONT, during)
    store.save_event(Event(m.series_id, "Egen: personalbrist i helgen", internal=True,
                           raised_meeting_id=m.id), during)
    m.state, m.ended_at = "ended", T0 + timedelta(minutes=50)
    store.save(m)
    return m.id


async def test_the_minutes_show_the_actions_and_the_picture(harness):
    meeting_id = ended_meeting_with_an_action(harness.store())
    app = harness.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.store is not None)
        app.open_meeting_at(meeting_id)
        await wait_for(pilot, lambda: type(app.screen).__name__ == "MinutesScreen")
        minutes = app.screen
        source = minutes.document.source
        assert "## Åtgärder" in source
        assert "Trygghetsvandring i Holma med fältgruppen" in source
        assert "Ansvarig: Polisen" in source and "Klart senast: fre 4 dec 2026" in source
        assert "Holma: Gult" in source and "Oro kvällstid." in source
        assert "personalbrist" not in source
        await pilot.press("i")  # the internal notes, and the internal event with them
        await wait_for(pilot, lambda: "personalbrist" in minutes.document.source)
        # what the page shows is drawn: the action's text is on a rendered block
        blocks = " ".join(str(w.render()) for w in minutes.query("MarkdownBlock"))
        assert "Trygghetsvandring i Holma" in blocks


async def test_a_personal_number_in_an_action_stops_the_approval(harness):
    pnr = "19121212-1212"
    meeting_id = ended_meeting_with_an_action(harness.store(), f"Ring om {pnr}")
    app = harness.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.store is not None)
        app.open_meeting_at(meeting_id)
        await wait_for(pilot, lambda: type(app.screen).__name__ == "MinutesScreen")
        await pilot.press("a")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "TextPrompt")
        await pilot.press("escape")  # no reason: not approved
        await wait_for(pilot, lambda: type(app.screen).__name__ == "MinutesScreen")
        assert harness.store().load(meeting_id).state == "ended"
