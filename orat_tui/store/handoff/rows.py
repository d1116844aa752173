"""A meeting's rows for a handoff file: read from the database in one snapshot, and turned
into and back from the file's JSON form (datetimes and dates as ISO text)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Float
from sqlmodel import Session, select

from orat_tui.store.models import (
    AttendeeRow,
    AuditRow,
    MeetingRow,
    NoteRow,
    Series,
    StepRow,
)

# payload key -> the table its rows come from
TABLES: dict[str, type] = {
    "series": Series,
    "meeting": MeetingRow,
    "attendees": AttendeeRow,
    "steps": StepRow,
    "notes": NoteRow,
    "audit": AuditRow,
}
LISTS = ("attendees", "steps", "notes", "audit")


def _columns(model: type) -> list:
    return list(model.__table__.columns)


def _dump(row) -> dict:
    out = {}
    for c in _columns(type(row)):
        value = getattr(row, c.name)
        out[c.name] = value.isoformat() if isinstance(value, (date, datetime)) else value
    return out


def _load(model: type, data: dict):
    values = {}
    for c in _columns(model):
        value = data[c.name]
        if isinstance(c.type, DateTime) and value is not None:
            value = datetime.fromisoformat(value)
        elif isinstance(c.type, Date) and value is not None:
            value = date.fromisoformat(value)
        elif isinstance(c.type, Float) and value is not None:
            value = float(value)
        values[c.name] = value
    return model(**values)


def _begin_snapshot(s: Session, immediate: bool = False) -> None:
    """On SQLite, one real transaction from here on: every read sees the same moment (and with
    `immediate`, no other process writes until we are done)."""
    if s.get_bind().dialect.name == "sqlite":
        s.connection().exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _rows_of(s: Session, meeting_id: str) -> dict:
    m = s.get(MeetingRow, meeting_id)
    if m is None:
        raise KeyError(meeting_id)
    where = {model: model.meeting_id == meeting_id
             for model in (AttendeeRow, StepRow, NoteRow, AuditRow)}
    return {
        "meeting": m,
        "series": s.get(Series, m.series_id),
        "attendees": s.exec(select(AttendeeRow).where(where[AttendeeRow])
                            .order_by(AttendeeRow.position, AttendeeRow.id)).all(),
        "steps": s.exec(select(StepRow).where(where[StepRow])
                        .order_by(StepRow.position, StepRow.id)).all(),
        "notes": s.exec(select(NoteRow).where(where[NoteRow]).order_by(NoteRow.slot)).all(),
        "audit": s.exec(select(AuditRow).where(where[AuditRow])
                        .order_by(AuditRow.seq, AuditRow.at, AuditRow.id)).all(),
    }
