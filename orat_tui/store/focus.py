"""The focus area a note is tagged with (one per note slot of a meeting)."""

from __future__ import annotations

import uuid
from collections import Counter

from sqlalchemy import delete
from sqlmodel import Session, select

from orat_tui.store.models import MeetingRow
from orat_tui.store.models_followup import NoteFocusRow


def set_note_focus(store, meeting_id: str, slot: str, focus_area: str) -> None:
    """Tag a note with a focus area ('' takes the tag away)."""
    with store._write, Session(store.engine) as s:
        s.exec(delete(NoteFocusRow).where(NoteFocusRow.meeting_id == meeting_id,
                                          NoteFocusRow.slot == slot))
        if focus_area:
            s.add(NoteFocusRow(id=str(uuid.uuid4()), meeting_id=meeting_id, slot=slot,
                               focus_area=focus_area))
        s.commit()


def note_focus_of(store, meeting_id: str) -> dict[str, str]:
    with Session(store.engine) as s:
        rows = s.exec(select(NoteFocusRow).where(NoteFocusRow.meeting_id == meeting_id)).all()
        return {r.slot: r.focus_area for r in rows}


def tagged_notes_per_area(store, year: int, series_id: str | None = None) -> Counter:
    """How many notes of the year's meetings are tagged with each focus area."""
    from datetime import datetime

    with Session(store.engine) as s:
        query = (select(NoteFocusRow.focus_area)
                 .join(MeetingRow, MeetingRow.id == NoteFocusRow.meeting_id)
                 .where(MeetingRow.started_at >= datetime(year, 1, 1),
                        MeetingRow.started_at < datetime(year + 1, 1, 1)))
        if series_id:
            query = query.where(MeetingRow.series_id == series_id)
        return Counter(s.exec(query).all())
