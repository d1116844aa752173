"""Preparation before a meeting: what each member brings, field by field.

The fields come from the series' template: one per agenda point (Örebro's 7 points: every
coordinator gathers input for each point from their organisation, the seed's Bilaga 1), and
the turn fields (past week, coming week) for a member who has a turn of their own or takes
part in a round (Malmö, Bromölla). Pure rules: no I/O, no translation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from orat_tui.domain.template import WEEKDAYS, Template


@dataclass(frozen=True)
class IntakeField:
    key: str  # "point-3", "past_week", "coming_week", "note"
    kind: str  # "point" or "turn"
    number: int = 0  # the point's number (points only)
    title: str = ""  # the point's wording as the template gives it (points only)
    prompts: tuple[str, ...] = ()  # the template's prompts for this member's turn
    hint: str = ""  # what the template says to think of (a step's `hint`), if anything


def is_point(step) -> bool:
    """An agenda point to prepare: a point, or a follow-up step that is a numbered point of
    the agenda (Örebro's point 4, planned measures)."""
    return step.kind in ("point", "picture") or (
        step.kind == "follow_up" and bool(step.title or step.number))


def point_key(number: int, position: int) -> str:
    """The field of an agenda point: by its number, or by its place when it has none."""
    return f"point-{number}" if number else f"point-at-{position}"


def intake_fields(template: Template, member: str) -> list[IntakeField]:
    """The fields `member` prepares before a meeting of the template's series, in agenda
    order. Points come first where the agenda has them; a member with a turn (its own, or in
    a round) gets the template's turn fields."""
    fields: list[IntakeField] = []
    seen: set[str] = set()
    own_turns = {s.member for s in template.steps if s.kind == "turn"}
    for position, step in enumerate(template.steps, start=1):
        if is_point(step):
            key = point_key(step.number, position)
            if key not in seen:
                seen.add(key)
                fields.append(IntakeField(key, "point", step.number, step.title,
                                          hint=getattr(step, "hint", "")))
        elif (step.kind == "turn" and step.member == member) or (
                step.kind == "round" and member not in own_turns):
            for i, name in enumerate(template.turn_fields):
                if name not in seen:  # the prompts once, with the first field
                    seen.add(name)
                    fields.append(IntakeField(name, "turn", prompts=step.prompts if i == 0 else (),
                                              hint=getattr(step, "hint", "")))
    return fields


def field_keys(template: Template, member: str) -> list[str]:
    return [f.key for f in intake_fields(template, member)]


def point_field(step_number: int, step_title: str, template: Template) -> str | None:
    """The intake field of a meeting's point step (matched by number, else by wording)."""
    for position, spec in enumerate(template.steps, start=1):
        if not is_point(spec):
            continue
        if (step_number and spec.number == step_number) or (
                not step_number and spec.title == step_title):
            return point_key(spec.number, position)
    return None


def canonical(text: str) -> str:
    """Prepared text as it is kept: line ends as \\n, no blank lines before or after, no
    trailing spaces at the very end. Everything inside is kept as written."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines).rstrip()


def next_meeting_date(template: Template, today: date) -> date:
    """The day of the series' next meeting: today or the next of the template's weekday
    (today when the template names no weekday)."""
    if not template.weekday:
        return today
    ahead = (WEEKDAYS.index(template.weekday) - today.weekday()) % 7
    return today + timedelta(days=ahead)
