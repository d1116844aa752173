"""Writing many ended meetings at once (the demo history): plain multi-row INSERTs, one
transaction per batch of meetings, instead of one ORM save and one transaction per meeting.

What is written is what Store.save writes for an ended meeting (the meeting row, its
attendees, steps and notes, versions 0); a meeting whose id is already there is replaced
(deleted first, its rows going with it by ON DELETE CASCADE), so writing the same history
again leaves one copy. Note ids are derived from the meeting id and the slot, so the same
meeting gets the same ids every time. Generic SQLAlchemy Core: any database orat runs on."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from orat_tui.domain.meeting import Meeting
from orat_tui.store.models import AttendeeRow, MeetingRow, NoteRow, Series, StepRow

if TYPE_CHECKING:
    from orat_tui.store.meetings import Store

BATCH = 100  # meetings per transaction
_NOTE_IDS = uuid.UUID("6f1c2a8e-0d5b-4c1e-9a57-3b1f0e2d4c6a")  # namespace of the notes' ids


def _batches(items: Iterable[Meeting], size: int) -> Iterator[list[Meeting]]:
    batch: list[Meeting] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ensure_series(store: Store, series_id: str, template_id: str, name: str,
                  created_at: datetime) -> None:
    """A series with this id, made if missing (the demo's series have ids of their own)."""
    from sqlalchemy import insert, select

    table = Series.__table__
    with store._write, store.engine.begin() as conn:
        if conn.execute(select(table.c.id).where(table.c.id == series_id)).first() is None:
            conn.execute(insert(table), [{"id": series_id, "template_id": template_id,
                                          "name": name, "created_at": created_at}])


def _rows(m: Meeting) -> tuple[dict, list[dict], list[dict], list[dict]]:
    now = m.ended_at or m.started_at
    meeting = {
        "id": m.id, "series_id": m.series_id, "template_id": m.template_id, "title": m.title,
        "started_at": m.started_at, "planned_end": m.planned_end, "ended_at": m.ended_at,
        "state": m.state, "current_index": m.current_index, "warning_share": m.warning_share,
        "substitutes_allowed": m.substitutes_allowed, "version": m.version, "updated_at": now,
        "approved_at": m.approved_at, "approved_by": m.approved_by,
        "content_hash": m.content_hash,
    }
    attendees = [
        {"id": a.id, "meeting_id": m.id, "position": i, "key": a.key, "name": a.name,
         "short": a.short, "kind": a.kind, "role": a.role, "chair": a.chair,
         "present": a.present, "substitute": a.substitute}
        for i, a in enumerate(m.attendees)
    ]
    steps = [
        {"id": st.id, "meeting_id": m.id, "position": i, "kind": st.kind,
         "member_key": st.member, "title": st.title, "number": st.number,
         "budget_seconds": st.budget, "elapsed_seconds": st.elapsed, "status": st.status.value,
         "prompts_json": json.dumps(list(st.prompts)), "fields_json": json.dumps(list(st.fields)),
         "speakers_json": json.dumps(st.speakers)}
        for i, st in enumerate(m.steps)
    ]
    notes = [
        {"id": str(uuid.uuid5(_NOTE_IDS, f"{m.id}|{slot}")), "meeting_id": m.id, "slot": slot,
         "text": text, "updated_at": now, "version": 0, "internal": slot in m.internal}
        for slot, text in m.notes.items()
    ]
    return meeting, attendees, steps, notes


def write_meetings(store: Store, meetings: Iterable[Meeting], batch: int = BATCH,
                   after_batch=None) -> tuple[int, int]:
    """Write the meetings (any iterable: they are built as they are written), `batch` to a
    transaction; returns (meetings, notes) written. `after_batch(conn, meetings)` may add
    rows of its own in the same transaction (what other tables hold of these meetings)."""
    from sqlalchemy import delete, insert

    n_meetings = n_notes = 0
    for chunk in _batches(meetings, batch):
        meeting_rows, attendee_rows, step_rows, note_rows = [], [], [], []
        for m in chunk:
            mr, ar, sr, nr = _rows(m)
            meeting_rows.append(mr)
            attendee_rows += ar
            step_rows += sr
            note_rows += nr
        with store._write, store.engine.begin() as conn:
            ids = [m.id for m in chunk]
            conn.execute(delete(MeetingRow.__table__).where(MeetingRow.__table__.c.id.in_(ids)))
            conn.execute(insert(MeetingRow.__table__), meeting_rows)
            if attendee_rows:
                conn.execute(insert(AttendeeRow.__table__), attendee_rows)
            if step_rows:
                conn.execute(insert(StepRow.__table__), step_rows)
            if note_rows:
                conn.execute(insert(NoteRow.__table__), note_rows)
            if after_batch is not None:
                after_batch(conn, chunk)
        n_meetings += len(chunk)
        n_notes += len(note_rows)
    return n_meetings, n_notes
