"""Changes a chair makes to a series: this meeting's order and budgets as the series' own
template (the caller saves it as the user's TOML, never into the shipped files)."""

from __future__ import annotations

from dataclasses import replace

from orat_tui.domain.meeting import Meeting
from orat_tui.domain.template import StepSpec, Template


def template_from_meeting(template: Template, meeting: Meeting) -> Template:
    """The template with the members in the order of this meeting's turns and every step's
    budget as it stands now. Guests and adjunct members of the meeting stay out: they
    belong to that meeting only."""
    members = {m.key: m for m in template.members}
    order = [s.member for s in meeting.steps if s.kind == "turn" and s.member in members]
    order += [k for k in members if k not in order]
    hints = {(s.kind, s.member, s.number, s.title): s.hint for s in template.steps if s.hint}
    steps: list[StepSpec] = []
    for s in meeting.steps:
        if s.kind == "turn" and s.member not in members:
            continue
        steps.append(StepSpec(kind=s.kind, budget_seconds=int(round(s.budget)), member=s.member,
                              title=s.title, number=s.number, prompts=tuple(s.prompts),
                              hint=hints.get((s.kind, s.member, s.number, s.title), "")))
    return replace(template, members=tuple(members[k] for k in order), steps=tuple(steps))
