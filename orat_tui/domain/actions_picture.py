"""What a meeting agreed and saw beyond its notes, as its minutes show it: the actions
(åtgärder) made in it, the actions followed up in it with their outcome, the level of each
area and the combined level set in it, and the events raised or closed in it.

A frozen record, read by the store in one go (Store.actions_and_picture) and handed to the
exporters next to the Meeting, so the exporters read no database. Actions live across
meetings; the minutes show each one as it stood when this meeting ended (`as_of`), so later
meetings do not change what these minutes say was agreed. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime

from orat_tui.domain.actions import AUDITED, DONE, DROPPED, Action, parse_number

# how an action followed up in the meeting came out of it
FINISHED, CONTINUED, DROPPED_OUT, CHANGED = "finished", "continued", "dropped", "changed"
OUTCOMES = (FINISHED, CONTINUED, DROPPED_OUT, CHANGED)


@dataclass(frozen=True)
class TrailEntry:
    """One recorded change of an action (the store's action_change row, without the database)."""

    at: datetime
    meeting_id: str | None
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class ActionLine:
    """An action as the minutes show it: names instead of keys and ids."""

    id: str
    what: str
    responsible: str = ""  # member key
    responsible_name: str = ""
    with_member: str = ""
    with_name: str = ""
    due: date | None = None
    status: str = "planned"
    area: str = ""  # the area's name, "" for none
    focus_area: str = ""  # the focus area's name (its key when the file no longer has it)
    goal: str = ""
    goal_target: float | None = None
    result: str = ""
    result_value: float | None = None
    evaluation: str = ""


@dataclass(frozen=True)
class FollowUp:
    """An action followed up in the meeting, and how it came out: finished (with its result),
    continued (with its new date), dropped (with the reason) or changed otherwise."""

    action: ActionLine
    outcome: str  # one of OUTCOMES

    @property
    def text(self) -> str:
        """The result of a finished action, the reason a dropped one was dropped."""
        if self.outcome == FINISHED:
            return self.action.result
        if self.outcome == DROPPED_OUT:
            return self.action.evaluation
        return ""


@dataclass(frozen=True)
class AreaLevel:
    """An area's level in the meeting: set in it (with the reason for a change) or carried."""

    area: str  # name
    key: str
    level: str
    before: str  # the level in the series' meeting before (Grönt before the first)
    set_here: bool
    reason: str = ""

    @property
    def changed(self) -> bool:
        return self.set_here and self.level != self.before


@dataclass(frozen=True)
class CombinedLevel:
    level: str
    confirmed: bool  # set or confirmed by the chair; else orat's suggestion
    suggested: str = ""
    reason: str = ""


@dataclass(frozen=True)
class EventLine:
    """An event raised or closed in the meeting."""

    id: str
    title: str
    area: str = ""  # name
    member: str = ""  # key of who raised it
    facts: str = ""
    measures_planned: str = ""
    focus_area: str = ""  # name
    internal: bool = False  # egen: in the minutes only with the internal notes
    raised_here: bool = False
    closed_here: bool = False
    closing_note: str = ""

    def texts(self) -> tuple[str, ...]:
        return (self.title, self.facts, self.measures_planned, self.closing_note)


@dataclass(frozen=True)
class ActionsAndPicture:
    """The actions and the situational picture of one meeting, for its minutes."""

    new_actions: tuple[ActionLine, ...] = ()
    followed_up: tuple[FollowUp, ...] = ()
    levels: tuple[AreaLevel, ...] = ()  # empty unless a level was set in the meeting
    combined: CombinedLevel | None = None  # None unless a level was set in the meeting
    events: tuple[EventLine, ...] = ()

    @property
    def has_actions(self) -> bool:
        return bool(self.new_actions or self.followed_up)

    def shared_events(self, include_internal: bool) -> tuple[EventLine, ...]:
        return tuple(e for e in self.events if include_internal or not e.internal)

    def has_picture(self, include_internal: bool = False) -> bool:
        return bool(self.levels or self.combined or self.shared_events(include_internal))


NOTHING = ActionsAndPicture()


# -- an action as it stood when the meeting ended ----------------------------------------------
def _value(name: str, text: str):
    if name in ("due", "closed_on"):
        try:
            return date.fromisoformat(text) if text else None
        except ValueError:
            return None
    if name in ("goal_target", "result_value"):
        try:
            return parse_number(text)
        except ValueError:
            return None
    if name == "area_id":
        return text or None
    return text


def as_of(action: Action, trail: Iterable[TrailEntry], meeting_id: str,
          until: datetime | None) -> Action:
    """`action` as it stood at the end of the meeting (`until`): the changes made after it,
    elsewhere (another meeting, the actions list), undone; the meeting's own changes stay,
    also those made when it was edited afterwards. `trail` is in the order it was written."""
    if until is None:
        return action
    out = replace(action)
    kept: set[str] = set()  # fields a later change of this meeting set: not undone under it
    for c in reversed(list(trail)):
        if c.field not in AUDITED:
            continue
        if c.meeting_id == meeting_id or c.at <= until:
            kept.add(c.field)
        elif c.field not in kept:
            setattr(out, c.field, _value(c.field, c.before))
    return out


def outcome(action: Action, trail: Iterable[TrailEntry], meeting_id: str) -> str | None:
    """How an action came out of the meeting's follow-up, from the changes recorded in it:
    None when the meeting did not touch it."""
    own = [c for c in trail if c.meeting_id == meeting_id and c.field in AUDITED]
    if not own:
        return None
    status = [c for c in own if c.field == "status"]
    if status:
        last = status[-1].after
        if last == DONE:
            return FINISHED
        if last == DROPPED:
            return DROPPED_OUT
        return CONTINUED
    if any(c.field == "due" for c in own):
        return CONTINUED
    return CHANGED


def action_line(a: Action, area: str = "", focus: str = "") -> ActionLine:
    return ActionLine(
        id=a.id, what=a.what, responsible=a.responsible, responsible_name=a.responsible_name,
        with_member=a.with_member, with_name=a.with_name, due=a.due, status=a.status,
        area=area, focus_area=focus, goal=a.goal, goal_target=a.goal_target, result=a.result,
        result_value=a.result_value, evaluation=a.evaluation)
