"""The picture in the database: levels set and carried across three meetings, the combined
level, signal ratings and their trend, events raised in one meeting and closed in another."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from orat_tui.checklists import load_checklist
from orat_tui.domain.events import Event
from orat_tui.domain.levels import GRONT, GULT, ORANGE, ROTT
from orat_tui.domain.meeting import ENDED
from orat_tui.store.events import EventError
from orat_tui.store.levels import LevelError
from orat_tui.store.service import start_meeting

THURSDAY = datetime(2026, 11, 12, 10, 0)


def meeting(store, template, week: int):
    m = start_meeting(store, template, THURSDAY + timedelta(weeks=week))
    return m


def end(store, m):
    m.state = ENDED
    m.ended_at = m.started_at + timedelta(minutes=40)
    store.save(m)


def test_three_meetings_of_levels_signals_and_events(store, orebro):
    checklist = load_checklist("social-oro")
    m1 = meeting(store, orebro, 0)
    areas = {a.key: a for a in store.areas(m1.series_id)}
    vivalla, oxhagen = areas["vivalla"], areas["oxhagen"]
    store.set_level(m1.id, vivalla.id, GULT, "rykten om konfrontation", "ordf", GRONT,
                    m1.started_at)
    store.rate_signal(m1.id, vivalla.id, 12, 3)
    store.rate_signal(m1.id, vivalla.id, 13, 2)
    store.rate_signal(m1.id, vivalla.id, 17, 0)
    raised = store.save_event(Event(series_id=m1.series_id, title="Stenkastning mot buss",
                                    area_id=vivalla.id, member_key="polisen",
                                    likely_case="fortsatt oro i helgen",
                                    raised_meeting_id=m1.id), m1.started_at)
    end(store, m1)

    m2 = meeting(store, orebro, 1)
    store.set_level(m2.id, oxhagen.id, ROTT, "bilbränder två nätter", "ordf", GRONT,
                    m2.started_at)
    store.set_combined(m2.id, ROTT, ROTT, "", "ordf", m2.started_at)
    store.rate_signal(m2.id, vivalla.id, 12, 4)
    store.rate_signal(m2.id, vivalla.id, 13, 4)
    end(store, m2)

    m3 = meeting(store, orebro, 2)
    store.set_level(m3.id, oxhagen.id, ORANGE, "efter oroligheterna", "ordf", ROTT,
                    m3.started_at)
    store.close_event(raised.id, m3.id, "lugnt sedan i tisdags", m3.started_at)
    store.rate_signal(m3.id, vivalla.id, 12, 1)
    store.rate_signal(m3.id, vivalla.id, 12, None)  # cleared again

    p = store.picture(m1.series_id)
    assert p.ids == [m1.id, m2.id, m3.id]
    assert [p.level(m, vivalla.id) for m in p.ids] == [GULT, GULT, GULT]  # carried
    assert [p.level(m, oxhagen.id) for m in p.ids] == [GRONT, ROTT, ORANGE]
    assert p.combined_level(m1.id) == (GULT, False)
    assert p.combined_level(m2.id) == (ROTT, True)
    assert p.combined_level(m3.id) == (GULT, False)  # Gult (Vivalla) before Orange (Oxhagen)
    assert p.trend(checklist, m3.id, vivalla.id) == [5, 8, None]
    assert p.score_change(checklist, m2.id, vivalla.id) == 3
    assert p.score(checklist, m1.id, vivalla.id).unknown == 1
    assert p.open_events() == []
    closed = store.events(m1.series_id, open_only=False)[0]
    assert (closed.raised_meeting_id, closed.closed_meeting_id) == (m1.id, m3.id)
    assert closed.closing_note == "lugnt sedan i tisdags"
    # the changes are in each meeting's audit trail, with their reasons
    trail = [(e.action, e.field, e.before, e.after, e.reason) for e in store.audit_trail(m3.id)]
    assert ("level", "level:oxhagen", ROTT, ORANGE, "efter oroligheterna") in trail


def test_a_change_of_level_needs_a_reason_and_an_approved_meeting_is_locked(store, orebro):
    m = meeting(store, orebro, 0)
    area = store.areas(m.series_id)[0]
    with pytest.raises(LevelError, match="enradig motivering"):
        store.set_level(m.id, area.id, GULT, "   ", "ordf", GRONT, m.started_at)
    store.set_level(m.id, area.id, GRONT, "", "ordf", GRONT, m.started_at)  # no change
    with pytest.raises(LevelError, match="Okänd nivå"):
        store.set_level(m.id, area.id, "lila", "x", "ordf", GRONT, m.started_at)
    with pytest.raises(LevelError, match="1 till 4"):
        store.rate_signal(m.id, area.id, 1, 5)
    with pytest.raises(LevelError, match="motivering"):
        store.set_combined(m.id, GRONT, GULT, "", "ordf", m.started_at)
    end(store, m)
    store.approve(m.id, "sekr")
    with pytest.raises(LevelError, match="justerat"):
        store.set_level(m.id, area.id, GULT, "x", "ordf", GRONT, m.started_at)
    with pytest.raises(LevelError, match="justerat"):
        store.rate_signal(m.id, area.id, 1, 2)
    with pytest.raises(LevelError, match="Inget möte"):
        store.rate_signal("nope", area.id, 1, 2)


def test_events_that_cannot_be_saved(store, orebro, malmo):
    m = meeting(store, orebro, 0)
    other = meeting(store, malmo, 0)
    with pytest.raises(EventError, match="kort rubrik"):
        store.save_event(Event(series_id=m.series_id, title="  "), m.started_at)
    with pytest.raises(EventError, match="Inget område"):
        store.save_event(Event(series_id=m.series_id, title="x",
                               area_id=store.areas(other.series_id)[0].id), m.started_at)
    e = store.save_event(Event(series_id=m.series_id, title="x"), m.started_at)
    store.close_event(e.id, m.id, "", m.started_at)
    with pytest.raises(EventError, match="redan stängd"):
        store.close_event(e.id, m.id, "", m.started_at)
    assert store.reopen_event(e.id, m.started_at).is_open


def test_an_event_keeps_its_focus_area_and_can_lose_it(store, orebro):
    m = meeting(store, orebro, 0)
    e = store.save_event(Event(series_id=m.series_id, title="Bilbränder",
                               focus_area="unga"), m.started_at)
    assert store.events(m.series_id)[0].focus_area == "unga"
    store.save_event(Event(**{**e.__dict__, "focus_area": ""}), m.started_at)
    assert store.events(m.series_id)[0].focus_area == ""
