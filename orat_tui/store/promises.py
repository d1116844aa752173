"""Citizen promises in the database: read them all (five queries whatever their number; the
finished actions that count towards a commitment are read as its entries), save a promise
with its areas, save a commitment, record progress, delete."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, datetime

from sqlmodel import Session, delete, select

from orat_tui.domain.promises import Commitment, Entry, Promise
from orat_tui.store.models_picture import AreaRow
from orat_tui.store.promise_actions import action_entries
from orat_tui.store.models_promises import (
    CommitmentEntryRow,
    CommitmentRow,
    PromiseAreaRow,
    PromiseRow,
)


def new_id() -> str:
    return str(uuid.uuid4())


def list_promises(store, series_id: str | None = None) -> list[Promise]:
    """Every promise (or those `series_id` follows up), newest period first, with their
    areas, commitments and recorded progress."""
    with Session(store.engine) as s:
        query = select(PromiseRow).order_by(PromiseRow.starts.desc(), PromiseRow.title)
        if series_id:
            query = query.where(PromiseRow.series_id == series_id)
        rows = s.exec(query).all()
        ids = [r.id for r in rows]
        if not ids:
            return []
        areas = s.exec(select(PromiseAreaRow).where(PromiseAreaRow.promise_id.in_(ids))
                       .order_by(PromiseAreaRow.position)).all()
        commitments = s.exec(select(CommitmentRow).where(CommitmentRow.promise_id.in_(ids))
                             .order_by(CommitmentRow.position)).all()
        cids = [c.id for c in commitments]
        entries = s.exec(select(CommitmentEntryRow)
                         .where(CommitmentEntryRow.commitment_id.in_(cids))
                         .order_by(CommitmentEntryRow.day, CommitmentEntryRow.created_at)
                         ).all() if cids else []
        from_actions, pending = action_entries(s, cids)
    by_commitment: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_commitment[e.commitment_id].append(Entry(e.id, e.day, e.amount, e.note))
    by_promise: dict[str, list[Commitment]] = defaultdict(list)
    for c in commitments:
        found = sorted(by_commitment[c.id] + from_actions.get(c.id, []), key=lambda e: e.day)
        by_promise[c.promise_id].append(Commitment(
            c.id, c.text, c.target, c.per_year, c.unit, c.done, c.evaluation, found,
            pending.get(c.id, 0)))
    names: dict[str, list[str]] = defaultdict(list)
    for a in areas:
        names[a.promise_id].append(a.name)
    return [Promise(r.id, r.title, r.starts, r.ends, r.series_id, names[r.id], r.description,
                    r.evaluation, by_promise[r.id]) for r in rows]


def save_promise(store, p: Promise, now: datetime) -> Promise:
    """Create or update the promise and replace its areas; an area whose name is one of the
    series' areas is linked to it. Its commitments are saved with save_commitment."""
    if not p.id:
        p.id = new_id()
    with store._write, Session(store.engine) as s:
        row = s.get(PromiseRow, p.id)
        if row is None:
            row = PromiseRow(id=p.id, title=p.title, starts=p.starts, ends=p.ends,
                             created_at=now, updated_at=now)
        row.series_id, row.title, row.starts, row.ends = p.series_id, p.title, p.starts, p.ends
        row.description, row.evaluation, row.updated_at = p.description, p.evaluation, now
        s.add(row)
        s.exec(delete(PromiseAreaRow).where(PromiseAreaRow.promise_id == p.id))
        known: dict[str, str] = {}
        if p.series_id:
            for a in s.exec(select(AreaRow).where(AreaRow.series_id == p.series_id)).all():
                known.setdefault(a.name.lower(), a.id)
        for i, name in enumerate(p.areas):
            s.add(PromiseAreaRow(id=new_id(), promise_id=p.id, position=i, name=name,
                                 area_id=known.get(name.lower())))
        s.commit()
    return p


def save_commitment(store, promise_id: str, c: Commitment) -> Commitment:
    """Create (at the end of the promise's list) or update a commitment; not its entries."""
    with store._write, Session(store.engine) as s:
        row = s.get(CommitmentRow, c.id) if c.id else None
        if row is None:
            c.id = c.id or new_id()
            last = s.exec(select(CommitmentRow.position)
                          .where(CommitmentRow.promise_id == promise_id)
                          .order_by(CommitmentRow.position.desc())).first()
            row = CommitmentRow(id=c.id, promise_id=promise_id, text=c.text,
                                position=0 if last is None else last + 1)
        row.text, row.target, row.per_year, row.unit = c.text, c.target, c.per_year, c.unit
        row.done, row.evaluation = c.done, c.evaluation
        s.add(row)
        s.commit()
    return c


def add_entry(store, commitment_id: str, day: date, amount: int, note: str,
              now: datetime) -> Entry:
    entry = Entry(new_id(), day, amount, note)
    with store._write, Session(store.engine) as s:
        if s.get(CommitmentRow, commitment_id) is None:
            raise KeyError(commitment_id)
        s.add(CommitmentEntryRow(id=entry.id, commitment_id=commitment_id, day=day,
                                 amount=amount, note=note, created_at=now))
        s.commit()
    return entry


def delete_promise(store, promise_id: str) -> None:
    _delete(store, PromiseRow, promise_id,
            lambda s: [c.id for c in s.exec(select(CommitmentRow)
                                            .where(CommitmentRow.promise_id == promise_id))])


def delete_commitment(store, commitment_id: str) -> None:
    _delete(store, CommitmentRow, commitment_id, lambda s: [commitment_id])


def _delete(store, table, row_id: str, commitments) -> None:
    """Children first, so a delete never depends on the database's own cascades."""
    with store._write, Session(store.engine) as s:
        cids = commitments(s)
        if cids:
            s.exec(delete(CommitmentEntryRow).where(CommitmentEntryRow.commitment_id.in_(cids)))
        if table is PromiseRow:
            s.exec(delete(CommitmentRow).where(CommitmentRow.promise_id == row_id))
            s.exec(delete(PromiseAreaRow).where(PromiseAreaRow.promise_id == row_id))
        row = s.get(table, row_id)
        if row is not None:
            s.delete(row)
        s.commit()
