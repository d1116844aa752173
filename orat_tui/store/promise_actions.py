"""Actions that count towards a citizen-promise commitment: the link lives on the action
(action.commitment_id, action.commitment_count, migration 0009). A finished action counts its
number (1 unless said) on the day it was closed; planned and ongoing ones are shown, not counted."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, select

from orat_tui.domain.actions import DONE, DROPPED
from orat_tui.domain.promises import Entry
from orat_tui.store.models_followup import ActionChangeRow, ActionRow
from orat_tui.store.models_promises import CommitmentRow



@dataclass(frozen=True)
class LinkableAction:
    id: str
    what: str
    status: str
    due: date | None
    commitment_id: str | None
    count: int | None


def action_entries(s: Session, commitment_ids: list[str]) -> tuple[dict[str, list[Entry]],
                                                                   dict[str, int]]:
    """commitment id -> entries from its finished actions; and -> how many open actions count
    towards it once finished."""
    entries: dict[str, list[Entry]] = defaultdict(list)
    pending: dict[str, int] = defaultdict(int)
    if not commitment_ids:
        return entries, pending
    rows = s.exec(select(ActionRow).where(ActionRow.commitment_id.in_(commitment_ids))).all()
    for r in rows:
        if r.status == DONE:
            day = r.closed_on or r.updated_at.date()
            entries[r.commitment_id].append(
                Entry(f"action:{r.id}", day, r.commitment_count or 1, r.what, action_id=r.id))
        elif r.status != DROPPED:
            pending[r.commitment_id] += 1
    return entries, pending


def linkable_actions(store, series_id: str | None) -> list[LinkableAction]:
    """The actions of the series (every series' without one), not dropped, newest first."""
    with Session(store.engine) as s:
        query = select(ActionRow).where(ActionRow.status != DROPPED)
        if series_id:
            query = query.where(ActionRow.series_id == series_id)
        rows = s.exec(query.order_by(ActionRow.created_at.desc()).limit(500)).all()
        return [LinkableAction(r.id, r.what, r.status, r.due, r.commitment_id,
                               r.commitment_count) for r in rows]


def link_action(store, action_id: str, commitment_id: str | None, count: int, who: str,
                now: datetime) -> None:
    """Count the action towards the commitment (`count` once it is finished); None unlinks.
    The change goes into the action's trail, naming the commitment."""
    with store._write, Session(store.engine) as s:
        row = s.get(ActionRow, action_id)
        if row is None:
            raise KeyError(action_id)

        def said(cid: str | None, n: int | None) -> str:
            if not cid:
                return ""
            c = s.get(CommitmentRow, cid)
            return f"{c.text if c else cid} ({n or 1})"

        before = said(row.commitment_id, row.commitment_count)
        row.commitment_id = commitment_id
        row.commitment_count = count if commitment_id else None
        after = said(row.commitment_id, row.commitment_count)
        if before != after:
            top = s.exec(select(func.max(ActionChangeRow.seq))
                         .where(ActionChangeRow.action_id == action_id)).first()
            s.add(ActionChangeRow(id=str(uuid.uuid4()), action_id=action_id, seq=(top or 0) + 1,
                                  at=now, who=who, meeting_id=None, field="commitment",
                                  before=before, after=after))
        s.add(row)
        s.commit()
