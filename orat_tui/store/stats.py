"""Read-only queries across meetings for the follow-up view and the reports: when each series
met, speaking time per member against budget, attendance per member. Each is one or two
queries over indexed columns, whatever the length of the history."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, select

from orat_tui.store.models import AttendeeRow, MeetingRow, Series, StepRow


@dataclass(frozen=True)
class SeriesRow:
    id: str
    template_id: str
    name: str


def all_series(store) -> list[SeriesRow]:
    with Session(store.engine) as s:
        rows = s.exec(select(Series).order_by(Series.name)).all()
        return [SeriesRow(r.id, r.template_id, r.name) for r in rows]


def meeting_days(store, start: date, end: date,
                 series_id: str | None = None) -> dict[str, list[date]]:
    """series id -> the days its meetings started on, from `start` to `end` (both included),
    in order. Every meeting counts, whatever its state: a meeting started is a meeting held."""
    lo, hi = datetime.combine(start, datetime.min.time()), datetime.combine(end, datetime.max.time())
    query = (select(MeetingRow.series_id, MeetingRow.started_at)
             .where(MeetingRow.started_at >= lo, MeetingRow.started_at <= hi)
             .order_by(MeetingRow.started_at))
    if series_id:
        query = query.where(MeetingRow.series_id == series_id)
    out: dict[str, list[date]] = defaultdict(list)
    with Session(store.engine) as s:
        for sid, started in s.exec(query).all():
            out[sid].append(started.date())
    return dict(out)


def last_meetings(store, series_id: str, limit: int, until: date | None = None,
                  since: date | None = None) -> list[tuple[str, datetime]]:
    """(id, started) of the series' newest `limit` meetings (up to `until`, from `since`),
    oldest first."""
    query = select(MeetingRow.id, MeetingRow.started_at).where(MeetingRow.series_id == series_id)
    if until is not None:
        query = query.where(MeetingRow.started_at <= datetime.combine(until, datetime.max.time()))
    if since is not None:
        query = query.where(MeetingRow.started_at >= datetime.combine(since, datetime.min.time()))
    with Session(store.engine) as s:
        rows = s.exec(query.order_by(MeetingRow.started_at.desc()).limit(limit)).all()
    return [(mid, started) for mid, started in reversed(rows)]


@dataclass
class MemberStats:
    key: str
    name: str
    short: str
    meetings: int = 0  # meetings the member was on the list of
    present: int = 0
    spoken: float = 0.0  # seconds, own turns plus floor time at points
    budget: float = 0.0  # seconds budgeted for the member's own turns
    per_meeting: list[float] | None = None  # spoken seconds per meeting, oldest first

    @property
    def attendance(self) -> float:
        return self.present / self.meetings if self.meetings else 0.0


def member_stats(store, meeting_ids: list[str]) -> list[MemberStats]:
    """Attendance and speaking time per member over the given meetings (in that order).
    Members (not guests) in the order they were first listed; adjunct members and guests
    who came are included after them."""
    if not meeting_ids:
        return []
    order = {mid: i for i, mid in enumerate(meeting_ids)}
    stats: dict[str, MemberStats] = {}
    with Session(store.engine) as s:
        people = s.exec(
            select(AttendeeRow.meeting_id, AttendeeRow.key, AttendeeRow.name, AttendeeRow.short,
                   AttendeeRow.kind,
                   AttendeeRow.present, AttendeeRow.position)
            .where(AttendeeRow.meeting_id.in_(meeting_ids))
        ).all()
        steps = s.exec(
            select(StepRow.meeting_id, StepRow.kind, StepRow.member_key, StepRow.budget_seconds,
                   StepRow.elapsed_seconds, StepRow.speakers_json)
            .where(StepRow.meeting_id.in_(meeting_ids),
                   (StepRow.kind == "turn") | (StepRow.speakers_json != "{}"))
        ).all()
    people = sorted(people, key=lambda r: (r.kind != "member", order[r.meeting_id], r.position))
    for mid, key, name, short, kind, present, _pos in people:
        if kind != "member" and not present:
            continue  # a suggested guest who did not come
        m = stats.setdefault(key, MemberStats(key, name, short or name, per_meeting=[0.0] * len(meeting_ids)))
        m.meetings += 1
        m.present += bool(present)
    for mid, kind, member, budget, elapsed, speakers in steps:
        spoken: dict[str, float] = {}
        if kind == "turn" and member:
            spoken[member] = elapsed
            if member in stats:
                stats[member].budget += budget
        for key, secs in json.loads(speakers or "{}").items():
            spoken[key] = spoken.get(key, 0.0) + float(secs)
        for key, secs in spoken.items():
            if key in stats:
                stats[key].spoken += secs
                stats[key].per_meeting[order[mid]] += secs
    return list(stats.values())


def series_counts(store) -> dict[str, int]:
    with Session(store.engine) as s:
        rows = s.exec(select(MeetingRow.series_id, func.count(MeetingRow.id))
                      .group_by(MeetingRow.series_id)).all()
    return dict(rows)
