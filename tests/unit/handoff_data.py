"""A laptop's two offline meetings for the handoff tests (test_handoff_recorded.py,
test_handoff_version.py): the chair's laptop is a real SQLite file; the shared database is a
SQLite file and (second run) PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, select

from orat_tui.domain.actions import ONGOING, Action
from orat_tui.domain.events import Event
from orat_tui.domain.meeting import note_slot
from orat_tui.store.actions import add_action, update_action
from orat_tui.store.focus import set_note_focus
from orat_tui.store.handoff import write_handoff
from orat_tui.store.handoff.recorded import RECORDED
from orat_tui.store.intake import save_prepared
from orat_tui.store.meetings import Store
from orat_tui.store.models import AuditRow, MeetingRow, NoteRow
from orat_tui.store.service import start_meeting

T1 = datetime(2026, 11, 2, 9, 0)
T2 = datetime(2026, 11, 9, 9, 0)
LATER = datetime(2026, 11, 9, 15, 0)
ALL = (MeetingRow, NoteRow, AuditRow, *RECORDED.values())


def table(store: Store, model) -> list[dict]:
    """Every row of a table, column by column, in id order (the same on both databases)."""
    with Session(store.engine) as s:
        rows = s.exec(select(model).order_by(model.id)).all()
        return [{c.name: getattr(r, c.name) for c in model.__table__.columns} for r in rows]


def everything(store: Store) -> dict:
    return {m.__tablename__: table(store, m) for m in ALL}


@pytest.fixture
def laptop(tmp_path, isolated):
    s = Store.open(f"sqlite:///{tmp_path / 'laptop' / 'orat.db'}")
    yield s
    s.close()


@pytest.fixture
def shared(new_db_url, isolated):
    s = Store.open(new_db_url("shared"))
    yield s
    s.close()


class Offline:
    """Two meetings the chair ran on the laptop: M1 makes an action and raises an event;
    M2 (which took over prepared input) changes that action, makes another on a new area,
    sets levels and the combined level, rates warning signals, tags a note, closes the first
    event and raises an internal one."""

    def __init__(self, store: Store, malmo, folder: Path) -> None:
        self.store = store
        m1 = start_meeting(store, malmo, T1)
        self.series = m1.series_id
        self.areas = store.areas(self.series)
        self.m1 = m1.id
        self.a1 = add_action(store, Action(self.series, "Trygghetsvandring vid torget",
                                           responsible="polisen", due=date(2026, 11, 20),
                                           area_id=self.areas[0].id, meeting_id=m1.id), "Ordf", T1)
        self.e1 = store.save_event(Event(self.series, "Bränder i papperskorgar",
                                         area_id=self.areas[0].id, raised_meeting_id=m1.id), T1)
        self.new_area = store.add_area(self.series, "Nya torget", "hotspot", T1)
        self.f1 = write_handoff(store, m1.id, folder / "m1.json")  # as M1 ended
        member = m1.attendees[0].key
        save_prepared(store, self.series, {(member, "note"): "Lugnt i veckan, två anmälningar."},
                      "Ordf", T1 + timedelta(days=3))
        m2 = start_meeting(store, malmo, T2)
        self.m2 = m2.id
        update_action(store, replace(self.a1, status=ONGOING), "Ordf", T2, meeting_id=m2.id)
        self.a2 = add_action(store, Action(self.series, "Kameror vid Nya torget",
                                           area_id=self.new_area.id, goal_target=3.0,
                                           meeting_id=m2.id), "Ordf", T2)
        store.set_level(m2.id, self.areas[1].id, "orange", "Fler larm", "Ordf", "gront", T2)
        store.set_level(m2.id, self.new_area.id, "gult", "Ny plats", "Ordf", "gront", T2)
        store.set_combined(m2.id, "gult", "gult", "", "Ordf", T2)
        store.rate_signal(m2.id, self.areas[1].id, 3, 4)
        store.rate_signal(m2.id, self.new_area.id, 7, 0)
        self.slot = note_slot(m2.steps[1], "text")
        store.save_notes(m2.id, {self.slot: "Oro kring torget."}, now=T2, note_versions={})
        set_note_focus(store, m2.id, self.slot, "trygghet")
        store.close_event(self.e1.id, m2.id, "Gripen", T2)
        self.e2 = store.save_event(Event(self.series, "Hot mot personal", internal=True,
                                         area_id=self.areas[1].id, raised_meeting_id=m2.id), T2)


@pytest.fixture
def offline(laptop, malmo, tmp_path) -> Offline:
    return Offline(laptop, malmo, tmp_path)


def hand(store: Store, meeting_id: str, path: Path) -> Path:
    return write_handoff(store, meeting_id, path)


def recorded_rows(store: Store) -> dict:
    return {m.__tablename__: table(store, m) for m in RECORDED.values()}
