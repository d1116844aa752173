"""A meeting as the app holds it: its own copy of members and agenda, and its notes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from orat_tui.domain.agenda import Step, plan_steps
from orat_tui.domain.template import Template

LIVE, ENDED, APPROVED = "live", "ended", "approved"


@dataclass
class Attendee:
    key: str
    name: str
    short: str
    kind: str = "member"  # member, guest (monthly), adjunct (this meeting only)
    role: str = ""
    chair: bool = False
    present: bool = True
    substitute: str = ""  # who stood in, where the forum allows substitutes
    id: str = field(default_factory=lambda: str(uuid.uuid4()))


@dataclass
class Meeting:
    series_id: str
    template_id: str
    title: str
    started_at: datetime
    planned_end: datetime
    attendees: list[Attendee]
    steps: list[Step]
    warning_share: float = 0.8
    substitutes_allowed: bool = False
    state: str = LIVE
    current_index: int = 0
    ended_at: datetime | None = None
    notes: dict[str, str] = field(default_factory=dict)  # slot -> text
    note_versions: dict[str, int] = field(default_factory=dict, compare=False)  # as loaded
    internal: set[str] = field(default_factory=set)  # slots marked "egen": stay in the meeting
    approved_at: datetime | None = None
    approved_by: str | None = None
    content_hash: str | None = None  # of the content as approved
    version: int = 0
    id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def attendee(self, key: str) -> Attendee | None:
        return next((a for a in self.attendees if a.key == key), None)

    def name_of(self, key: str) -> str:
        a = self.attendee(key)
        return a.name if a else key

    def short_of(self, key: str) -> str:
        a = self.attendee(key)
        return a.short if a else key


def note_slot(step: Step | None, field_name: str, member: str = "") -> str:
    """The key of a note: per step and field, or per member (what an absent member sent in,
    what to pass on to them)."""
    if step is None:
        return f"member:{member}:{field_name}"
    return f"step:{step.id}:{field_name}"


def new_meeting(series_id: str, template: Template, now: datetime) -> Meeting:
    attendees = [
        Attendee(m.key, m.name, m.short, kind="member", role=m.role, chair=m.chair)
        for m in template.members
    ]
    return Meeting(
        series_id=series_id,
        template_id=template.id,
        title=template.name,
        started_at=now,
        planned_end=now + timedelta(minutes=template.duration_minutes),
        attendees=attendees,
        steps=plan_steps(template),
        warning_share=template.warning_share,
        substitutes_allowed=template.substitutes_allowed,
    )
