"""Saving a meeting: its state and its notes in one transaction, optimistically when the writer
says which versions it last saw (a note changed elsewhere comes back as a conflict, not
overwritten). A mixin of Store (orat_tui.store.meetings)."""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, delete
from sqlmodel import Session, select

from orat_tui.domain.meeting import APPROVED, Meeting
from orat_tui.store.audit import lock_meeting
from orat_tui.store.models import AttendeeRow, MeetingRow, NoteRow, StepRow


class ApprovedError(Exception):
    """An approved meeting's own content does not change (reopen it first)."""


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


class SavingMixin:
    """Store's saves and note versions; uses the Store's `engine` and write lock."""

    engine: Engine
    _write: threading.Lock

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
            row = lock_meeting(s, meeting.id)
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
            elif seen is not None and seen.get(slot) != n.version and not (
                    slot not in seen and n.version == 0 and not n.text):
                # (an empty note nobody wrote, made to hold the internal flag of a note marked
                # egen before its first save, is no one else's text)
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
            row = lock_meeting(s, meeting_id)
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
