"""An event (händelse) with the seed's contents of a situational picture (seed 003, "Innehåll
i en lägesbild"). It belongs to an area and to the member who raised it, lives across
meetings and is open until it is closed."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, fields
from datetime import datetime

# The text fields in the seed's order (labels_picture.py names them).
TEXT_FIELDS: tuple[str, ...] = (
    "facts", "ability", "best_case", "likely_case", "worst_case", "consequences",
    "measures_taken", "measures_planned", "inform", "coordination", "higher_level", "questions",
)


@dataclass
class Event:
    series_id: str
    title: str
    area_id: str | None = None
    member_key: str = ""
    facts: str = ""
    ability: str = ""
    best_case: str = ""
    likely_case: str = ""
    worst_case: str = ""
    consequences: str = ""
    measures_taken: str = ""
    measures_planned: str = ""
    affects_others: bool = False  # do the measures affect others who must be told?
    inform: str = ""
    coordination: str = ""
    higher_level: str = ""
    questions: str = ""
    internal: bool = False  # egen: stays in orat, never in a briefing or export
    focus_area: str = ""  # a Fem Fokus area's key (config/focus-areas.toml), or none
    raised_meeting_id: str | None = None
    closed_meeting_id: str | None = None
    raised_at: datetime | None = None
    closed_at: datetime | None = None
    closing_note: str = ""
    id: str = field(default_factory=lambda: str(uuid.uuid4()))

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


EVENT_COLUMNS = tuple(f.name for f in fields(Event))


def shareable(events: list[Event]) -> list[Event]:
    """The events that may leave orat (briefing, exports): internal (egen) ones stay out."""
    return [e for e in events if not e.internal]
