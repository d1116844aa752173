"""Events (händelser) of a series: raised in a meeting, open across meetings until closed in
one. A mixin of Store (orat_tui.store.meetings). Events are not part of a meeting's approval
hash; they name the meetings they were raised and closed in."""

from __future__ import annotations

import threading
from dataclasses import asdict
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session, select

from orat_tui.domain.events import EVENT_COLUMNS, Event
from orat_tui.i18n import _
from orat_tui.store.models import Series
from orat_tui.store.models_picture import AreaRow, EventRow


class EventError(ValueError):
    """An event that cannot be saved or closed: one line, for the user."""


def _event(row: EventRow) -> Event:
    return Event(**{name: getattr(row, name) for name in EVENT_COLUMNS})


class EventMixin:
    engine: Engine
    _write: threading.Lock

    def save_event(self, event: Event, now: datetime) -> Event:
        """Add the event or write its changes (by id)."""
        if not event.title.strip():
            raise EventError(_("An event needs a short title."))
        with self._write, Session(self.engine) as s:
            if s.get(Series, event.series_id) is None:
                raise EventError(_("No series {id}.").format(id=event.series_id))
            if event.area_id is not None:
                area = s.get(AreaRow, event.area_id)
                if area is None or area.series_id != event.series_id:
                    raise EventError(_("No area {id} in this series.").format(id=event.area_id))
            row = s.get(EventRow, event.id)
            values = asdict(event)
            values["title"] = " ".join(event.title.split())
            if row is None:
                values["raised_at"] = event.raised_at or now
                row = EventRow(**values, updated_at=now)
            else:
                for key, value in values.items():
                    if key not in ("id", "series_id", "raised_at", "raised_meeting_id"):
                        setattr(row, key, value)
                row.updated_at = now
            s.add(row)
            s.commit()
            return _event(row)

    def close_event(self, event_id: str, meeting_id: str | None, note: str,
                    now: datetime) -> Event:
        with self._write, Session(self.engine) as s:
            row = s.get(EventRow, event_id)
            if row is None:
                raise EventError(_("No event {id}.").format(id=event_id))
            if row.closed_at is not None:
                raise EventError(_("The event is already closed."))
            row.closed_at, row.closed_meeting_id = now, meeting_id
            row.closing_note = " ".join(note.split())
            row.updated_at = now
            s.add(row)
            s.commit()
            return _event(row)

    def reopen_event(self, event_id: str, now: datetime) -> Event:
        with self._write, Session(self.engine) as s:
            row = s.get(EventRow, event_id)
            if row is None:
                raise EventError(_("No event {id}.").format(id=event_id))
            row.closed_at, row.closed_meeting_id, row.closing_note = None, None, ""
            row.updated_at = now
            s.add(row)
            s.commit()
            return _event(row)

    def events(self, series_id: str, open_only: bool = True,
               closed_since: datetime | None = None) -> list[Event]:
        """The series' events, oldest first: the open ones (and with `closed_since`, also
        those closed since then)."""
        with Session(self.engine) as s:
            query = select(EventRow).where(EventRow.series_id == series_id)
            rows = s.exec(query.order_by(EventRow.raised_at, EventRow.id)).all()
        out = []
        for r in rows:
            if r.closed_at is None or not open_only or (
                    closed_since is not None and r.closed_at >= closed_since):
                out.append(_event(r))
        return out

    def event(self, event_id: str) -> Event:
        with Session(self.engine) as s:
            row = s.get(EventRow, event_id)
            if row is None:
                raise EventError(_("No event {id}.").format(id=event_id))
            return _event(row)
