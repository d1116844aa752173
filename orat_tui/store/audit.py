"""The audit trail of a meeting, and approving and reopening it. A mixin of Store
(orat_tui.store.meetings)."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, func
from sqlmodel import Session, select

from orat_tui.domain.meeting import APPROVED, ENDED, LIVE, Meeting
from orat_tui.store.models import AuditRow, MeetingRow


def lock_meeting(s: Session, meeting_id: str) -> MeetingRow | None:
    """The meeting's row, with the right to write it until the transaction ends. Every writer
    of a meeting takes this first (the session's first statement), so two clients' saves of
    one meeting run one after the other and each sees what the other wrote: the versions that
    optimistic saving checks cannot change between the check and the write.
    PostgreSQL: SELECT ... FOR UPDATE locks the meeting's row. SQLite: BEGIN IMMEDIATE takes
    the file's write lock before anything is read (Python's sqlite3 would otherwise read
    outside the transaction and begin only at the first write, too late)."""
    if s.get_bind().dialect.name == "sqlite":
        s.connection().exec_driver_sql("BEGIN IMMEDIATE")
        return s.get(MeetingRow, meeting_id)
    return s.get(MeetingRow, meeting_id, with_for_update=True)


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    who: str
    action: str  # edit, approve, reopen, override, redact, import
    field: str
    before: str
    after: str
    reason: str


class AuditMixin:
    """Store's audit trail and approval; uses the Store's `engine`, write lock and `load`."""

    engine: Engine
    _write: threading.Lock

    def server_user(self) -> str | None:
        """The database user this store logged in as, on a database server (None on SQLite).
        On a shared PostgreSQL database each person logs in as themselves, so that is who
        the audit trail names: not a name from a config file anyone can edit."""
        if self.engine.dialect.name == "sqlite":
            return None
        cached = getattr(self, "_server_user", None)
        if cached is None:
            from sqlalchemy import text

            with self.engine.connect() as conn:
                cached = conn.execute(text("SELECT session_user")).scalar() or ""
            self._server_user = cached
        return cached or None

    def identity(self, who: str) -> str:
        """Who an entry of the audit trail names: the database user on a server, else `who`
        (the config's `user`, else the login name)."""
        return self.server_user() or who

    def record(self, meeting_id: str, who: str, action: str, field: str = "", before: str = "",
               after: str = "", reason: str = "", now: datetime | None = None,
               merge_within: float = 0.0) -> None:
        """Add an entry to the meeting's audit trail. With `merge_within` (seconds), an edit
        of the same field by the same person that directly follows the last entry updates
        that entry's "after" instead (typing a sentence is one edit, not forty)."""
        now = now or datetime.now()
        who = self.identity(who)
        with self._write, Session(self.engine) as s:
            lock_meeting(s, meeting_id)  # one writer of the meeting's trail at a time: seq
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
        who = self.identity(who)
        with self._write, Session(self.engine) as s:
            # on a server, the meeting row stays locked until the approval is written: no other
            # client's save (which locks it too) lands between reading the content and hashing it
            row = lock_meeting(s, meeting_id)
            if row is None:
                raise KeyError(meeting_id)
            meeting = self.load(meeting_id)
            if meeting.state == LIVE:
                raise ValueError("a live meeting is ended before it is approved")
            if meeting.state == APPROVED:
                return meeting
            meeting.state = APPROVED
            meeting.approved_at = now
            meeting.approved_by = who
            meeting.content_hash = content_hash(meeting)
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
        who = self.identity(who)
        with self._write, Session(self.engine) as s:
            row = lock_meeting(s, meeting_id)
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
