"""Prepared input in the database: per member and field, for the series' next meeting until
that meeting starts and takes it over (orat_tui.store.service.start_meeting); after that it
belongs to the meeting, and every change of it goes into the meeting's audit trail."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from orat_tui.domain.meeting import APPROVED
from orat_tui.store.meetings import ApprovedError, Store
from orat_tui.store.models import MeetingRow, Series
from orat_tui.store.models_intake import PreparedInputRow

Key = tuple[str, str]  # (member key, field)


@dataclass(frozen=True)
class Prepared:
    member: str
    field: str
    text: str
    source: str
    updated_at: datetime
    updated_by: str
    taken_at: datetime | None


def audit_field(member: str, field: str) -> str:
    return f"prepared:{member}:{field}"


def _where(series_id: str, meeting_id: str | None):
    if meeting_id is None:
        return (PreparedInputRow.series_id == series_id, PreparedInputRow.meeting_id.is_(None))
    return (PreparedInputRow.meeting_id == meeting_id,)


def series_of_template(store: Store, template_id: str) -> str | None:
    """The series of a template, if it exists (None: nothing prepared or held yet)."""
    with Session(store.engine) as s:
        row = s.exec(select(Series).where(Series.template_id == template_id)).first()
        return None if row is None else row.id


def prepared(store: Store, series_id: str = "", meeting_id: str | None = None) -> dict[Key, Prepared]:
    """What is prepared: for the series' next meeting (no meeting_id), or what a meeting
    took over. Empty texts are left out."""
    with Session(store.engine) as s:
        rows = s.exec(select(PreparedInputRow).where(*_where(series_id, meeting_id))).all()
        return {(r.member_key, r.field): Prepared(r.member_key, r.field, r.text, r.source,
                                                  r.updated_at, r.updated_by, r.taken_at)
                for r in rows if r.text}


def save_prepared(store: Store, series_id: str, texts: dict[Key, str], who: str,
                  now: datetime, meeting_id: str | None = None, source: str = "typed") -> int:
    """Write prepared texts (member, field) -> text in one transaction; returns how many
    changed. For the next meeting when `meeting_id` is None; a meeting's own prepared input
    is changed only while it is not approved, and every change is audited."""
    changed = 0
    with store._write, Session(store.engine) as s:
        if meeting_id is not None:
            row = s.get(MeetingRow, meeting_id, with_for_update=True)  # one writer at a time
            if row is None:
                raise KeyError(meeting_id)
            if row.state == APPROVED:
                raise ApprovedError(f"the meeting of {row.started_at:%Y-%m-%d} is approved: "
                                    "reopen it to change it")
            series_id = row.series_id
        have = {(r.member_key, r.field): r for r in s.exec(
            select(PreparedInputRow).where(*_where(series_id, meeting_id))).all()}
        audits: list[tuple[str, str, str]] = []
        for (member, field), text in texts.items():
            row = have.get((member, field))
            before = row.text if row is not None else ""
            if before == text:
                continue
            if row is None:
                row = PreparedInputRow(id=str(uuid.uuid4()), series_id=series_id,
                                       meeting_id=meeting_id, member_key=member, field=field,
                                       updated_at=now)
                have[(member, field)] = row
            row.text, row.source, row.updated_at, row.updated_by = text, source, now, who
            row.version += 1
            s.add(row)
            changed += 1
            audits.append((audit_field(member, field), before, text))
        s.commit()
    if meeting_id is not None:
        for field, before, after in audits:
            store.record(meeting_id, who, "edit", field=field, before=before, after=after,
                         now=now, merge_within=300)
    return changed


def claim(store: Store, series_id: str, meeting_id: str) -> int:
    """The meeting that starts takes over what was prepared for the series' next meeting."""
    with store._write, Session(store.engine) as s:
        rows = s.exec(select(PreparedInputRow).where(*_where(series_id, None))).all()
        for r in rows:
            r.meeting_id = meeting_id
            s.add(r)
        s.commit()
        return len(rows)


def mark_taken(store: Store, meeting_id: str, keys: list[Key], now: datetime) -> None:
    """The chair took these into the live notes (shown as taken, not offered again)."""
    with store._write, Session(store.engine) as s:
        for r in s.exec(select(PreparedInputRow)
                        .where(PreparedInputRow.meeting_id == meeting_id)).all():
            if (r.member_key, r.field) in keys and r.taken_at is None:
                r.taken_at = now
                s.add(r)
        s.commit()


def redact_prepared(store: Store, meeting_id: str, replacement: str) -> int:
    """Remove personal identity numbers from a meeting's prepared input (alt+x); returns how
    many texts changed."""
    from orat_tui.domain.personnummer import redact

    changed = 0
    with store._write, Session(store.engine) as s:
        for r in s.exec(select(PreparedInputRow)
                        .where(PreparedInputRow.meeting_id == meeting_id)).all():
            clean = redact(r.text, replacement)
            if clean != r.text:
                r.text = clean
                r.version += 1
                s.add(r)
                changed += 1
        s.commit()
    return changed
