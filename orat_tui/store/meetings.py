"""The queries and saves the live meeting needs. Converts rows to and from domain objects.

Store is composed of mixins: saving (orat_tui.store.saving) and the audit trail and approval
(orat_tui.store.audit); their public names are importable from here too."""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, func
from sqlmodel import Session, select

from orat_tui.domain.agenda import Status, Step
from orat_tui.domain.meeting import LIVE, Attendee, Meeting
from orat_tui.domain.template import Template
from orat_tui.store.actions_picture import ActionsPictureMixin
from orat_tui.store.audit import AuditEntry, AuditMixin
from orat_tui.store.db import make_engine, migrate
from orat_tui.store.models import AttendeeRow, MeetingRow, NoteRow, Series, StepRow
from orat_tui.store.picture import PictureMixin
from orat_tui.store.saving import ApprovedError, NoteConflict, SaveResult, SavingMixin

__all__ = [
    "ApprovedError", "AuditEntry", "MeetingInfo", "NoteConflict", "SaveResult", "SeriesInfo",
    "Store", "open_store",
]


@dataclass(frozen=True)
class SeriesInfo:
    id: str
    template_id: str
    name: str
    meetings: int
    last_meeting: datetime | None


@dataclass(frozen=True)
class MeetingInfo:
    id: str
    series_id: str
    title: str
    started_at: datetime
    state: str


class Store(SavingMixin, AuditMixin, PictureMixin, ActionsPictureMixin):
    """One database. Thread-safe for orat's use: writes are serialised by a lock."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._write = threading.Lock()

    @classmethod
    def open(cls, url: str) -> "Store":
        engine = make_engine(url)
        migrate(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- series ----------------------------------------------------------------------------
    def series_for_template(self, template: Template, now: datetime) -> str:
        """The series of a template, created on first use."""
        with self._write, Session(self.engine) as s:
            row = s.exec(select(Series).where(Series.template_id == template.id)).first()
            if row is None:
                row = Series(id=str(uuid.uuid4()), template_id=template.id,
                             name=template.name, created_at=now)
                s.add(row)
                s.commit()
            return row.id

    def list_series(self) -> list[SeriesInfo]:
        with Session(self.engine) as s:
            rows = s.exec(
                select(Series, func.count(MeetingRow.id), func.max(MeetingRow.started_at))
                .join(MeetingRow, MeetingRow.series_id == Series.id, isouter=True)
                .group_by(Series.id)
                .order_by(Series.name)
            ).all()
            return [SeriesInfo(r.id, r.template_id, r.name, n, last) for r, n, last in rows]

    def earlier_attendance(self, series_id: str, exclude: str = "") -> list[tuple[date, set[str]]]:
        """(day, keys present) for the series' meetings: for suggesting monthly guests."""
        with Session(self.engine) as s:
            rows = s.exec(
                select(MeetingRow.id, MeetingRow.started_at, AttendeeRow.key)
                .join(AttendeeRow, AttendeeRow.meeting_id == MeetingRow.id)
                .where(MeetingRow.series_id == series_id, AttendeeRow.present == True)  # noqa: E712
            ).all()
        days: dict[str, tuple[date, set[str]]] = {}
        for mid, started, key in rows:
            if mid == exclude:
                continue
            days.setdefault(mid, (started.date(), set()))[1].add(key)
        return list(days.values())

    # -- meetings --------------------------------------------------------------------------
    def unfinished(self) -> MeetingInfo | None:
        """The newest meeting that was never ended (after a crash, say)."""
        with Session(self.engine) as s:
            row = s.exec(
                select(MeetingRow).where(MeetingRow.state == LIVE)
                .order_by(MeetingRow.started_at.desc())
            ).first()
            return None if row is None else _info(row)

    def meetings_named(self, ref: str, limit: int = 50) -> list[MeetingInfo]:
        """The meetings whose id is `ref`, else whose id starts with it (any case), newest
        first: how a person names a meeting on the command line."""
        ref = ref.strip().lower()
        if not ref:
            return []
        with Session(self.engine) as s:
            row = s.get(MeetingRow, ref)
            if row is not None:
                return [_info(row)]
            escaped = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            rows = s.exec(select(MeetingRow)
                          .where(func.lower(MeetingRow.id).like(escaped + "%", escape="\\"))
                          .order_by(MeetingRow.started_at.desc()).limit(limit)).all()
            return [_info(r) for r in rows]

    def latest_meeting(self, ended_first: bool = False) -> MeetingInfo | None:
        """The most recently started meeting; with `ended_first`, the newest one that is no
        longer live, when there is one."""
        with Session(self.engine) as s:
            query = select(MeetingRow).order_by(MeetingRow.started_at.desc(), MeetingRow.id)
            row = s.exec(query.where(MeetingRow.state != LIVE)).first() if ended_first else None
            row = row or s.exec(query).first()
            return None if row is None else _info(row)

    def recent_meetings(self, limit: int = 20, series_id: str | None = None,
                        offset: int = 0) -> list[MeetingInfo]:
        """Newest first, a page at a time (a long history opens at once)."""
        with Session(self.engine) as s:
            query = select(MeetingRow).order_by(MeetingRow.started_at.desc())
            if series_id:
                query = query.where(MeetingRow.series_id == series_id)
            rows = s.exec(query.offset(offset).limit(limit)).all()
            return [_info(r) for r in rows]

    def load(self, meeting_id: str) -> Meeting:
        with Session(self.engine) as s:
            m = s.get(MeetingRow, meeting_id)
            if m is None:
                raise KeyError(meeting_id)
            attendees = s.exec(
                select(AttendeeRow).where(AttendeeRow.meeting_id == meeting_id)
                .order_by(AttendeeRow.position)
            ).all()
            steps = s.exec(
                select(StepRow).where(StepRow.meeting_id == meeting_id).order_by(StepRow.position)
            ).all()
            notes = s.exec(select(NoteRow).where(NoteRow.meeting_id == meeting_id)).all()
            return Meeting(
                id=m.id, series_id=m.series_id, template_id=m.template_id, title=m.title,
                started_at=m.started_at, planned_end=m.planned_end, ended_at=m.ended_at,
                state=m.state, current_index=m.current_index, warning_share=m.warning_share,
                substitutes_allowed=m.substitutes_allowed, version=m.version,
                attendees=[
                    Attendee(id=a.id, key=a.key, name=a.name, short=a.short, kind=a.kind,
                             role=a.role, chair=a.chair, present=a.present,
                             substitute=a.substitute)
                    for a in attendees
                ],
                steps=[
                    Step(id=r.id, kind=r.kind, member=r.member_key, title=r.title,
                         number=r.number, budget=r.budget_seconds, elapsed=r.elapsed_seconds,
                         status=Status(r.status), prompts=tuple(json.loads(r.prompts_json)),
                         fields=tuple(json.loads(r.fields_json)),
                         speakers=json.loads(r.speakers_json))
                    for r in steps
                ],
                notes={n.slot: n.text for n in notes},
                note_versions={n.slot: n.version for n in notes},
                internal={n.slot for n in notes if n.internal},
                approved_at=m.approved_at, approved_by=m.approved_by,
                content_hash=m.content_hash,
            )

    def compact_log(self) -> None:
        """Empty SQLite's write-ahead log into the database file, so that text just removed
        lingers in neither. On PostgreSQL, VACUUM the notes and the audit trail, so that the
        old row versions (and their search index entries) holding the text are let go now
        rather than whenever autovacuum comes by (a person who does not own the tables gets
        a server warning, and autovacuum does it later)."""
        if self.engine.dialect.name == "postgresql":
            with self._write, self.engine.connect().execution_options(
                    isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM note, audit")
            return
        if self.engine.dialect.name != "sqlite":
            return
        with self._write, self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def note_texts(self, meeting_id: str) -> dict[str, str]:
        with Session(self.engine) as s:
            rows = s.exec(select(NoteRow).where(NoteRow.meeting_id == meeting_id)).all()
            return {n.slot: n.text for n in rows}


def _info(row: MeetingRow) -> MeetingInfo:
    return MeetingInfo(row.id, row.series_id, row.title, row.started_at, row.state)


def open_store(db: str | None = None) -> Store:
    from orat_tui.paths import database_url

    return Store.open(database_url(db))
