"""Actions of a series, across meetings: adding, changing (every change recorded with who,
when, before and after, and the meeting it was made in), and reading them back for the
follow-up step, the actions list and the yearly report. Functions of a Store."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, select

from orat_tui.domain.actions import OPEN, Action, changes
from orat_tui.store.models_followup import ActionChangeRow, ActionRow

_COLUMNS = ("id", "series_id", "meeting_id", "step_id", "what", "responsible",
            "responsible_name", "with_member", "with_name", "due", "status", "area_id",
            "focus_area", "goal", "goal_target", "result", "result_value", "evaluation",
            "created_at", "created_by", "closed_on", "version")


class ActionConflict(ValueError):
    """The action was changed elsewhere since it was read: nothing was written. The message
    is for the user."""

    def __init__(self, what: str) -> None:
        from orat_tui.i18n import _

        super().__init__(_("“{what}” was changed elsewhere meanwhile and was not saved: open "
                           "it again to see the change.").format(what=what))


@dataclass(frozen=True)
class ActionChange:
    at: datetime
    who: str
    meeting_id: str | None
    field: str
    before: str
    after: str


def _action(r: ActionRow) -> Action:
    return Action(**{c: getattr(r, c) for c in _COLUMNS})


def _next_seq(s: Session, action_id: str) -> int:
    top = s.exec(select(func.max(ActionChangeRow.seq))
                 .where(ActionChangeRow.action_id == action_id)).first()
    return (top or 0) + 1


def _log(s: Session, action_id: str, who: str, now: datetime, meeting_id: str | None,
         field: str, before: str, after: str) -> None:
    s.add(ActionChangeRow(id=str(uuid.uuid4()), action_id=action_id, seq=_next_seq(s, action_id),
                          at=now, who=who, meeting_id=meeting_id, field=field, before=before,
                          after=after))
    s.flush()


def add_action(store, action: Action, who: str, now: datetime) -> Action:
    """Save a new action; its creation is the first entry of its trail."""
    if not action.what.strip():
        raise ValueError("an action needs a text: what is to be done")
    action.created_at = action.created_at or now
    action.created_by = action.created_by or who
    action.version = 1
    with store._write, Session(store.engine) as s:
        values = {c: getattr(action, c) for c in _COLUMNS}
        s.add(ActionRow(**values, updated_at=now))
        s.flush()
        _log(s, action.id, who, now, action.meeting_id, "created", "", action.what)
        s.commit()
    return action


def update_action(store, action: Action, who: str, now: datetime,
                  meeting_id: str | None = None) -> Action:
    """Write the changed fields of `action` (read at `action.version`); each change goes into
    the trail. Raises ActionConflict when someone else changed it meanwhile."""
    with store._write, Session(store.engine) as s:
        row = s.get(ActionRow, action.id)
        if row is None:
            raise KeyError(action.id)
        if row.version != action.version:
            raise ActionConflict(action.what)
        before = _action(row)
        diff = changes(before, action)
        if not diff:
            return action
        for c in _COLUMNS:
            if c not in ("id", "series_id", "meeting_id", "step_id", "created_at", "created_by"):
                setattr(row, c, getattr(action, c))
        row.version += 1
        row.updated_at = now
        s.add(row)
        for field, b, a in diff:
            _log(s, action.id, who, now, meeting_id, field, b, a)
        s.commit()
        action.version = row.version
    return action


def get_action(store, action_id: str) -> Action:
    with Session(store.engine) as s:
        row = s.get(ActionRow, action_id)
        if row is None:
            raise KeyError(action_id)
        return _action(row)


def series_actions(store, series_id: str, statuses: tuple[str, ...] | None = None) -> list[Action]:
    """The series' actions (of the given statuses), oldest first."""
    with Session(store.engine) as s:
        query = select(ActionRow).where(ActionRow.series_id == series_id)
        if statuses:
            query = query.where(ActionRow.status.in_(statuses))
        rows = s.exec(query.order_by(ActionRow.created_at, ActionRow.id)).all()
        return [_action(r) for r in rows]


def follow_up_actions(store, series_id: str, meeting_id: str) -> list[Action]:
    """For a meeting's follow-up step: the series' open actions, and those closed or dropped
    in this very meeting (so the chair sees what was just marked)."""
    with Session(store.engine) as s:
        touched = select(ActionChangeRow.action_id).where(
            ActionChangeRow.meeting_id == meeting_id, ActionChangeRow.field == "status")
        rows = s.exec(select(ActionRow).where(
            ActionRow.series_id == series_id,
            ActionRow.status.in_(tuple(OPEN)) | ActionRow.id.in_(touched))
            .order_by(ActionRow.created_at, ActionRow.id)).all()
        return [_action(r) for r in rows]


def meeting_actions(store, meeting_id: str) -> list[Action]:
    """The actions made in a meeting, in the order they were made."""
    with Session(store.engine) as s:
        rows = s.exec(select(ActionRow).where(ActionRow.meeting_id == meeting_id)
                      .order_by(ActionRow.created_at, ActionRow.id)).all()
        return [_action(r) for r in rows]


def all_actions(store, series_id: str | None = None) -> list[Action]:
    with Session(store.engine) as s:
        query = select(ActionRow)
        if series_id:
            query = query.where(ActionRow.series_id == series_id)
        return [_action(r) for r in s.exec(query.order_by(ActionRow.created_at, ActionRow.id))]


def action_history(store, action_id: str) -> list[ActionChange]:
    with Session(store.engine) as s:
        rows = s.exec(select(ActionChangeRow).where(ActionChangeRow.action_id == action_id)
                      .order_by(ActionChangeRow.seq)).all()
        return [ActionChange(r.at, r.who, r.meeting_id, r.field, r.before, r.after) for r in rows]


def actions_of_year(store, year: int, series_id: str | None = None) -> list[Action]:
    """The actions that were alive in `year`: made in or before it and not closed before it."""
    first = date(year, 1, 1)
    last = datetime(year, 12, 31, 23, 59, 59)
    out = []
    for a in all_actions(store, series_id):
        if a.created_at and a.created_at > last:
            continue
        if a.closed_on is not None and a.closed_on < first:
            continue
        out.append(a)
    return out
