"""Actions (åtgärder) agreed in a meeting and followed up in the next ones: their states, the
due and overdue rules, the order of the follow-up list and the chair's three answers
(finished, continued, dropped). Pure: today's date is always an argument."""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

PLANNED, ONGOING, DONE, DROPPED = "planned", "ongoing", "done", "dropped"
STATUSES = (PLANNED, ONGOING, DONE, DROPPED)
OPEN = frozenset({PLANNED, ONGOING})
DUE_SOON_DAYS = 7  # "due soon": within a week


class DueDateError(ValueError):
    """A date the chair typed that cannot be read: the message is one line; `text` is what
    was typed and `impossible` tells a day that does not exist (31/2) from no date at all."""

    def __init__(self, text: str, impossible: bool = False) -> None:
        self.text = text
        self.impossible = impossible
        super().__init__(f"no such date: {text!r}" if impossible
                         else f"not a date: {text!r} (write {DATE_FORMS})")


@dataclass
class Action:
    series_id: str
    what: str
    responsible: str = ""  # member key
    responsible_name: str = ""  # as the member was named when the action was made
    with_member: str = ""  # the member it is done with ("taken outside the meeting")
    with_name: str = ""
    due: date | None = None
    status: str = PLANNED
    area_id: str | None = None  # the series' area (lägesbild areas), when known
    focus_area: str = ""  # key of a focus area (config/focus-areas.toml)
    goal: str = ""  # a described outcome, or what the number counts
    goal_target: float | None = None  # a number to reach
    result: str = ""
    result_value: float | None = None
    evaluation: str = ""
    meeting_id: str | None = None  # the meeting it was created in
    step_id: str = ""  # the turn or point it was created at
    created_at: datetime | None = None
    created_by: str = ""
    closed_on: date | None = None
    version: int = 0
    id: str = field(default_factory=lambda: str(uuid.uuid4()))

    @property
    def open(self) -> bool:
        return self.status in OPEN


# -- due and overdue ---------------------------------------------------------------------------
def is_overdue(a: Action, today: date) -> bool:
    """Open, with a due date that has passed (the due day itself is not late)."""
    return a.open and a.due is not None and a.due < today


def days_overdue(a: Action, today: date) -> int:
    return (today - a.due).days if is_overdue(a, today) else 0


def is_due_soon(a: Action, today: date, days: int = DUE_SOON_DAYS) -> bool:
    """Open and due today or within `days` days (not yet late)."""
    return a.open and a.due is not None and today <= a.due <= today + timedelta(days=days)


def follow_up_order(actions: list[Action], today: date) -> list[Action]:
    """The follow-up list: open actions first, the overdue ones at the top (the latest
    first), then by due date (those without a date last); closed ones after, as they came."""

    def key(a: Action):
        if not a.open:
            return (2, 0, date.max, a.created_at or datetime.min)
        if is_overdue(a, today):
            return (0, -days_overdue(a, today), a.due, a.created_at or datetime.min)
        return (1, 0, a.due or date.max, a.created_at or datetime.min)

    return sorted(actions, key=key)


def open_actions(actions: list[Action], today: date) -> list[Action]:
    return follow_up_order([a for a in actions if a.open], today)


# -- reading a date the chair types ------------------------------------------------------------
_DAYS = re.compile(r"^\+\s*(\d{1,3})\s*(d|dag|dagar|days?)?$", re.I)
_WEEKS = re.compile(r"^\+\s*(\d{1,2})\s*(v|w|veck(a|or)|weeks?)$", re.I)
_DAY_MONTH = re.compile(r"^(\d{1,2})\s*/\s*(\d{1,2})$")
DATE_FORMS = "2026-12-04, 4/12, +7 (days) or +2v (weeks)"  # ui/screens/action_dialog.py translates it


def parse_due(text: str, today: date) -> date | None:
    """A due date as typed: ISO (2026-12-04), day/month (4/12: the next such day), +N days,
    +Nv weeks; empty means no date. Raises DueDateError with a one-line reason."""
    t = text.strip()
    if not t:
        return None
    if m := _DAYS.match(t):
        return today + timedelta(days=int(m.group(1)))
    if m := _WEEKS.match(t):
        return today + timedelta(weeks=int(m.group(1)))
    if m := _DAY_MONTH.match(t):
        day, month = int(m.group(1)), int(m.group(2))
        for year in range(today.year, today.year + 5):  # 29/2: the next leap year's
            try:
                found = date(year, month, day)
            except ValueError:
                continue
            if found >= today:
                return found
        raise DueDateError(t, impossible=True)
    try:
        return date.fromisoformat(t)
    except ValueError:
        raise DueDateError(t, impossible=_looks_like_iso(t)) from None


def _looks_like_iso(t: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", t))


def parse_number(text: str) -> float | None:
    """A goal or result figure: '25', '12,5'; empty means none."""
    t = text.strip().replace(",", ".").replace(" ", "")
    if not t:
        return None
    try:
        value = float(t)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):  # float() also reads 'inf', 'nan' and '1e999'
        raise ValueError(f"not a number: {text.strip()!r}")
    return value


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if value == int(value) else f"{value:g}".replace(".", ",")


# -- the chair's answers in the follow-up step -------------------------------------------------
def finish(a: Action, result: str, today: date, value: float | None = None,
           evaluation: str | None = None) -> Action:
    return replace(a, status=DONE, result=result.strip() or a.result, closed_on=today,
                   result_value=a.result_value if value is None else value,
                   evaluation=a.evaluation if evaluation is None else evaluation)


def carry_on(a: Action, new_due: date | None) -> Action:
    """Continued: still open (under way), with a new date."""
    return replace(a, status=ONGOING, due=new_due, closed_on=None)


def drop(a: Action, reason: str, today: date) -> Action:
    evaluation = reason.strip() or a.evaluation
    return replace(a, status=DROPPED, evaluation=evaluation, closed_on=today)


AUDITED = ("what", "responsible", "with_member", "due", "status", "area_id", "focus_area",
           "goal", "goal_target", "result", "result_value", "evaluation")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value)
    return value.isoformat() if isinstance(value, date) else str(value)


def changes(before: Action, after: Action) -> list[tuple[str, str, str]]:
    """(field, before, after) for every audited field that differs, as text."""
    out = []
    for name in AUDITED:
        b, a = _text(getattr(before, name)), _text(getattr(after, name))
        if b != a:
            out.append((name, b, a))
    return out
