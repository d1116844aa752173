"""The actions and the situational picture of one meeting, read in one go for its minutes
(orat_tui.domain.actions_picture). A mixin of Store (orat_tui.store.meetings)."""

from __future__ import annotations

import threading
from collections.abc import Iterable

from sqlalchemy import Engine, or_
from sqlmodel import Session, select

from orat_tui.domain.actions_picture import (
    ActionsAndPicture,
    AreaLevel,
    CombinedLevel,
    EventLine,
    FollowUp,
    TrailEntry,
    action_line,
    as_of,
    outcome,
)
from orat_tui.domain.focus import FocusArea, focus_label
from orat_tui.domain.levels import DEFAULT, LevelChange, carried, suggest_combined
from orat_tui.store.models import MeetingRow
from orat_tui.store.models_followup import ActionChangeRow, ActionRow
from orat_tui.store.models_picture import AreaLevelRow, AreaRow, CombinedLevelRow, EventRow


class ActionsPictureMixin:
    engine: Engine
    _write: threading.Lock

    def actions_and_picture(self, meeting_id: str,
                            focus: Iterable[FocusArea] = ()) -> ActionsAndPicture:
        """What the meeting's minutes show beyond its notes: the actions made in it, those
        followed up in it, the levels set in it and the events raised or closed in it.
        `focus` names the focus areas (config/focus-areas.toml); an unknown key shows as is."""
        focus = tuple(focus)
        with Session(self.engine) as s:
            meeting = s.get(MeetingRow, meeting_id)
            if meeting is None:
                raise KeyError(meeting_id)
            areas = {r.id: r for r in s.exec(select(AreaRow).where(
                AreaRow.series_id == meeting.series_id)
                .order_by(AreaRow.position, AreaRow.name)).all()}
            new, followed = _actions(s, meeting, areas, focus)
            levels, combined = _levels(s, meeting, areas)
            events = _events(s, meeting, areas, focus)
        return ActionsAndPicture(new_actions=new, followed_up=followed, levels=levels,
                                 combined=combined, events=events)


def _actions(s: Session, meeting: MeetingRow, areas: dict, focus: tuple) -> tuple:
    from orat_tui.store.actions import _action

    touched = select(ActionChangeRow.action_id).where(
        ActionChangeRow.meeting_id == meeting.id)
    rows = s.exec(select(ActionRow).where(
        or_(ActionRow.meeting_id == meeting.id, ActionRow.id.in_(touched)))
        .order_by(ActionRow.created_at, ActionRow.id)).all()
    if not rows:
        return (), ()
    trails: dict[str, list[TrailEntry]] = {}
    for c in s.exec(select(ActionChangeRow).where(
            ActionChangeRow.action_id.in_([r.id for r in rows]))
            .order_by(ActionChangeRow.action_id, ActionChangeRow.seq)).all():
        trails.setdefault(c.action_id, []).append(
            TrailEntry(c.at, c.meeting_id, c.field, c.before, c.after))
    new, followed = [], []
    for row in rows:
        trail = trails.get(row.id, [])
        a = as_of(_action(row), trail, meeting.id, meeting.ended_at)
        area = areas[a.area_id].name if a.area_id in areas else ""
        line = action_line(a, area, focus_label(focus, a.focus_area) if a.focus_area else "")
        if row.meeting_id == meeting.id:
            new.append(line)
        elif (how := outcome(a, trail, meeting.id)) is not None:
            followed.append(FollowUp(line, how))
    return tuple(new), tuple(followed)


def _levels(s: Session, meeting: MeetingRow, areas: dict) -> tuple:
    set_here = {r.area_id: r for r in s.exec(select(AreaLevelRow).where(
        AreaLevelRow.meeting_id == meeting.id)).all()}
    chair = s.exec(select(CombinedLevelRow).where(
        CombinedLevelRow.meeting_id == meeting.id)).first()
    if not set_here and chair is None:
        return (), None
    # the series' meetings up to this one, and the levels set in them, carried forward
    ids = [r for r in s.exec(select(MeetingRow.id).where(
        MeetingRow.series_id == meeting.series_id, MeetingRow.started_at <= meeting.started_at)
        .order_by(MeetingRow.started_at, MeetingRow.id)).all()]
    if meeting.id in ids:  # an id after this one at the same start time is not "before"
        ids = ids[:ids.index(meeting.id) + 1]
    changes = [LevelChange(r.meeting_id, r.area_id, r.level, r.reason) for r in s.exec(
        select(AreaLevelRow).where(AreaLevelRow.meeting_id.in_(ids))).all()]
    levels = carried(ids, changes, list(areas))
    now = levels.get(meeting.id, {})
    before = levels.get(ids[-2], {}) if len(ids) > 1 else {}
    out = []
    for area_id, area in areas.items():
        row = set_here.get(area_id)
        if area.retired and row is None:
            continue
        out.append(AreaLevel(area=area.name, key=area.key, level=now.get(area_id, DEFAULT),
                             before=before.get(area_id, DEFAULT), set_here=row is not None,
                             reason=row.reason if row else ""))
    if chair is not None:
        combined = CombinedLevel(chair.level, True, chair.suggested, chair.reason)
    else:
        combined = CombinedLevel(suggest_combined(a.level for a in out), False)
    return tuple(out), combined


def _events(s: Session, meeting: MeetingRow, areas: dict, focus: tuple) -> tuple:
    rows = s.exec(select(EventRow).where(or_(EventRow.raised_meeting_id == meeting.id,
                                             EventRow.closed_meeting_id == meeting.id))
                  .order_by(EventRow.raised_at, EventRow.id)).all()
    return tuple(EventLine(
        id=r.id, title=r.title, area=areas[r.area_id].name if r.area_id in areas else "",
        member=r.member_key, facts=r.facts, measures_planned=r.measures_planned,
        focus_area=focus_label(focus, r.focus_area) if r.focus_area else "",
        internal=r.internal, raised_here=r.raised_meeting_id == meeting.id,
        closed_here=r.closed_meeting_id == meeting.id, closing_note=r.closing_note)
        for r in rows)
