"""The queries and saves the live meeting needs. Converts rows to and from domain objects."""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Engine, delete, func
from sqlmodel import Session, select

from orat_tui.domain.agenda import Status, Step
from orat_tui.domain.meeting import APPROVED, ENDED, LIVE, Attendee, Meeting
from orat_tui.domain.template import Template
from orat_tui.store.db import make_engine, migrate
from orat_tui.store.models import AttendeeRow, AuditRow, MeetingRow, NoteRow, Series, StepRow


class ApprovedError(Exception):
    """An approved meeting's own content does not change (reopen it first)."""


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    who: str
    action: str  # edit, approve, reopen, override, redact, import
    field: str
    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class SeriesInfo:
    id: str
    template_id: str
    name: str
    meetings: int
    last_meeting: datetime | None


@dataclass(frozen=True)
class NoteConflict:
    """A note someone else saved since we last read it: ours was not written."""

    slot: str
    theirs: str
    their_version: int
    mine: str


@dataclass
class SaveResult:
    versions: dict[str, int]  # slot -> version now on disk, for every note written
    conflicts: list[NoteConflict]
    meeting_version: int  # the meeting row's version now on disk
    state_conflict: bool = False  # the meeting's state was changed elsewhere: ours not written


@dataclass(frozen=True)
class MeetingInfo:
    id: str
    series_id: str
    title: str
    started_at: datetime
    state: str


class Store:
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

    def save(self, meeting: Meeting, notes: dict[str, str] | None = None,
             now: datetime | None = None, note_versions: dict[str, int] | None = None,
             state: bool = True) -> SaveResult:
        """Write the meeting's state (attendance, steps, times) and the given notes (all of
        them when None) in one transaction.

        With `note_versions` (slot -> version this writer last saw; missing = a note it
        believes new) saving is optimistic: a note changed by someone else since then is not
        overwritten but returned as a conflict, and the state is written only if the meeting
        row still has `meeting.version`."""
        now = now or datetime.now()
        notes = meeting.notes if notes is None else notes
        checked = note_versions is not None
        result = SaveResult(versions={}, conflicts=[], meeting_version=meeting.version)
        with self._write, Session(self.engine) as s:
            row = s.get(MeetingRow, meeting.id)
            if row is not None and row.state == APPROVED and meeting.state == APPROVED:
                raise ApprovedError(f"the meeting of {row.started_at:%Y-%m-%d} is approved: "
                                    "reopen it to change it")
            if row is not None and checked and state and row.version != meeting.version:
                result.state_conflict = True
                result.meeting_version = row.version
            elif state:
                self._write_state(s, row, meeting, now, bump=checked)
                result.meeting_version = meeting.version + (1 if checked and row is not None else 0)
            elif row is None:
                raise KeyError(meeting.id)
            if notes:
                self._write_notes(s, meeting.id, notes, now, note_versions, result)
            s.commit()
        return result

    def _write_state(self, s: Session, row: MeetingRow | None, meeting: Meeting,
                     now: datetime, bump: bool) -> None:
        if row is None:
            row = MeetingRow(id=meeting.id, series_id=meeting.series_id,
                             template_id=meeting.template_id, title=meeting.title,
                             started_at=meeting.started_at, planned_end=meeting.planned_end,
                             updated_at=now, version=meeting.version)
        elif bump:
            row.version = meeting.version + 1
        else:
            row.version = meeting.version
        row.title = meeting.title
        row.planned_end = meeting.planned_end
        row.ended_at = meeting.ended_at
        row.state = meeting.state
        row.current_index = meeting.current_index
        row.warning_share = meeting.warning_share
        row.substitutes_allowed = meeting.substitutes_allowed
        row.approved_at = meeting.approved_at
        row.approved_by = meeting.approved_by
        row.content_hash = meeting.content_hash
        row.updated_at = now
        s.add(row)
        s.flush()
        self._write_internal(s, meeting, now)
        s.exec(delete(AttendeeRow).where(AttendeeRow.meeting_id == meeting.id))
        s.exec(delete(StepRow).where(StepRow.meeting_id == meeting.id))
        for i, a in enumerate(meeting.attendees):
            s.add(AttendeeRow(id=a.id, meeting_id=meeting.id, position=i, key=a.key,
                              name=a.name, short=a.short, kind=a.kind, role=a.role,
                              chair=a.chair, present=a.present, substitute=a.substitute))
        for i, st in enumerate(meeting.steps):
            s.add(StepRow(id=st.id, meeting_id=meeting.id, position=i, kind=st.kind,
                          member_key=st.member, title=st.title, number=st.number,
                          budget_seconds=st.budget, elapsed_seconds=st.elapsed,
                          status=st.status.value, prompts_json=json.dumps(list(st.prompts)),
                          fields_json=json.dumps(list(st.fields)),
                          speakers_json=json.dumps(st.speakers)))

    def _write_internal(self, s: Session, meeting: Meeting, now: datetime) -> None:
        """Which notes are internal (egen): a flag on the note, created empty if need be."""
        rows = s.exec(select(NoteRow).where(NoteRow.meeting_id == meeting.id)).all()
        have = {n.slot for n in rows}
        for n in rows:
            flag = n.slot in meeting.internal
            if n.internal != flag:
                n.internal = flag
                s.add(n)
        for slot in meeting.internal - have:
            s.add(NoteRow(id=str(uuid.uuid4()), meeting_id=meeting.id, slot=slot, text="",
                          updated_at=now, internal=True))
        s.flush()

    def _write_notes(self, s: Session, meeting_id: str, notes: dict[str, str], now: datetime,
                     seen: dict[str, int] | None, result: SaveResult) -> None:
        existing = {
            n.slot: n for n in s.exec(
                select(NoteRow).where(NoteRow.meeting_id == meeting_id,
                                      NoteRow.slot.in_(list(notes)))
            ).all()
        }
        for slot, text in notes.items():
            n = existing.get(slot)
            if n is None:
                s.add(NoteRow(id=str(uuid.uuid4()), meeting_id=meeting_id, slot=slot,
                              text=text, updated_at=now))
                result.versions[slot] = 0
            elif n.text == text:
                result.versions[slot] = n.version
            elif seen is not None and seen.get(slot) != n.version:
                result.conflicts.append(NoteConflict(slot, n.text, n.version, text))
            else:
                n.text = text
                n.updated_at = now
                n.version += 1
                s.add(n)
                result.versions[slot] = n.version

    def save_notes(self, meeting_id: str, notes: dict[str, str], now: datetime | None = None,
                   note_versions: dict[str, int] | None = None) -> SaveResult:
        """Write notes only (the meeting's state unchanged)."""
        now = now or datetime.now()
        with self._write, Session(self.engine) as s:
            row = s.get(MeetingRow, meeting_id)
            if row is None:
                raise KeyError(meeting_id)
            result = SaveResult(versions={}, conflicts=[], meeting_version=row.version)
            self._write_notes(s, meeting_id, notes, now, note_versions, result)
            s.commit()
        return result

    def note_versions(self, meeting_id: str) -> dict[str, int]:
        with Session(self.engine) as s:
            rows = s.exec(select(NoteRow.slot, NoteRow.version)
                          .where(NoteRow.meeting_id == meeting_id)).all()
            return dict(rows)

    # -- the audit trail, approval ----------------------------------------------------------
    def record(self, meeting_id: str, who: str, action: str, field: str = "", before: str = "",
               after: str = "", reason: str = "", now: datetime | None = None,
               merge_within: float = 0.0) -> None:
        """Add an entry to the meeting's audit trail. With `merge_within` (seconds), an edit
        of the same field by the same person that directly follows the last entry updates
        that entry's "after" instead (typing a sentence is one edit, not forty)."""
        now = now or datetime.now()
        with self._write, Session(self.engine) as s:
            if merge_within and action == "edit":
                last = s.exec(select(AuditRow).where(AuditRow.meeting_id == meeting_id)
                              .order_by(AuditRow.at.desc(), AuditRow.seq.desc()).limit(1)).first()
                if (last is not None and last.action == "edit" and last.field == field
                        and last.who == who and (now - last.at).total_seconds() <= merge_within):
                    last.after = after
                    last.at = now
                    s.add(last)
                    s.commit()
                    return
            s.add(AuditRow(id=str(uuid.uuid4()), meeting_id=meeting_id, at=now, who=who,
                           action=action, field=field, before=before, after=after,
                           reason=reason, seq=self._next_seq(s, meeting_id)))
            s.commit()

    @staticmethod
    def _next_seq(s: Session, meeting_id: str) -> int:
        top = s.exec(select(func.max(AuditRow.seq)).where(AuditRow.meeting_id == meeting_id)).first()
        return (top or 0) + 1

    def audit_trail(self, meeting_id: str) -> list[AuditEntry]:
        with Session(self.engine) as s:
            rows = s.exec(select(AuditRow).where(AuditRow.meeting_id == meeting_id)
                          .order_by(AuditRow.seq)).all()
            return [AuditEntry(r.at, r.who, r.action, r.field, r.before, r.after, r.reason)
                    for r in rows]

    def approve(self, meeting_id: str, who: str, now: datetime | None = None,
                reason: str = "") -> Meeting:
        """Lock an ended meeting: its content hash is stored with the approval."""
        from orat_tui.domain.approval import content_hash

        now = now or datetime.now()
        meeting = self.load(meeting_id)
        if meeting.state == LIVE:
            raise ValueError("a live meeting is ended before it is approved")
        if meeting.state == APPROVED:
            return meeting
        meeting.state = APPROVED
        meeting.approved_at = now
        meeting.approved_by = who
        meeting.content_hash = content_hash(meeting)
        with self._write, Session(self.engine) as s:
            row = s.get(MeetingRow, meeting_id)
            row.state, row.approved_at, row.approved_by = APPROVED, now, who
            row.content_hash = meeting.content_hash
            row.version += 1
            row.updated_at = now
            s.add(row)
            s.add(AuditRow(id=str(uuid.uuid4()), meeting_id=meeting_id, at=now, who=who,
                           action="approve", field="", before="", after=meeting.content_hash,
                           reason=reason, seq=self._next_seq(s, meeting_id)))
            s.commit()
            meeting.version = row.version
        return meeting

    def reopen(self, meeting_id: str, who: str, reason: str, now: datetime | None = None) -> Meeting:
        """Undo an approval, for a reason that is recorded."""
        if not reason.strip():
            raise ValueError("reopening an approved meeting needs a reason")
        now = now or datetime.now()
        with self._write, Session(self.engine) as s:
            row = s.get(MeetingRow, meeting_id)
            if row is None:
                raise KeyError(meeting_id)
            if row.state != APPROVED:
                raise ValueError("only an approved meeting is reopened")
            before = row.content_hash or ""
            row.state, row.approved_at, row.approved_by, row.content_hash = ENDED, None, None, None
            row.version += 1
            row.updated_at = now
            s.add(row)
            s.add(AuditRow(id=str(uuid.uuid4()), meeting_id=meeting_id, at=now, who=who,
                           action="reopen", field="", before=before, after="", reason=reason,
                           seq=self._next_seq(s, meeting_id)))
            s.commit()
        return self.load(meeting_id)

    def redact_trail(self, meeting_id: str, replacement: str) -> int:
        """Remove personal identity numbers from the meeting's audit trail too (the before and
        after of every edit); returns how many entries changed."""
        from orat_tui.domain.personnummer import redact

        changed = 0
        with self._write, Session(self.engine) as s:
            for row in s.exec(select(AuditRow).where(AuditRow.meeting_id == meeting_id)).all():
                new = [redact(v, replacement) for v in (row.before, row.after, row.reason)]
                if new != [row.before, row.after, row.reason]:
                    row.before, row.after, row.reason = new
                    s.add(row)
                    changed += 1
            s.commit()
        return changed

    def compact_log(self) -> None:
        """Empty SQLite's write-ahead log into the database file, so that text just removed
        lingers in neither (no-op on other databases)."""
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
