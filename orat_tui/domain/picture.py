"""The situational picture of a series as data: its meetings, areas, the levels set in them
(carried to the meetings after), the chair's combined levels, the signal ratings and the
events. What the Lägesbild screen and the briefing show is computed here, without I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from orat_tui.domain.areas import Area
from orat_tui.domain.events import Event
from orat_tui.domain.levels import LevelChange, carried, combined_for
from orat_tui.domain.signals import Checklist, Score, change, total_score

TREND = 12  # meetings in a sparkline


@dataclass
class PictureData:
    series_id: str
    meetings: list[tuple[str, datetime, str]]  # (id, started_at, state), oldest first
    areas: list[Area]
    changes: list[LevelChange] = field(default_factory=list)
    combined: dict[str, str] = field(default_factory=dict)  # meeting id -> chair's level
    ratings: dict[str, dict[str, dict[int, int]]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)  # the open ones (and maybe more)

    @cached_property
    def ids(self) -> list[str]:
        return [m[0] for m in self.meetings]

    @cached_property
    def levels(self) -> dict[str, dict[str, str]]:
        """meeting id -> area id -> level (carried)."""
        return carried(self.ids, self.changes, [a.id for a in self.areas])

    @cached_property
    def set_in(self) -> set[tuple[str, str]]:
        """(meeting id, area id) where the level was set in that meeting (not carried)."""
        return {(c.meeting_id, c.area_id) for c in self.changes}

    def started(self, meeting_id: str) -> datetime | None:
        return next((m[1] for m in self.meetings if m[0] == meeting_id), None)

    def latest(self) -> str | None:
        return self.ids[-1] if self.ids else None

    def previous(self, meeting_id: str | None) -> str | None:
        if meeting_id not in self.ids:
            return self.ids[-1] if meeting_id is None and self.ids else None
        i = self.ids.index(meeting_id)
        return self.ids[i - 1] if i > 0 else None

    def window(self, meeting_id: str | None, n: int) -> list[str]:
        """The last `n` meetings up to and including `meeting_id` (the latest if None)."""
        if not self.ids or n <= 0:
            return []
        end = self.ids.index(meeting_id) + 1 if meeting_id in self.ids else len(self.ids)
        return self.ids[max(0, end - n):end]

    def level(self, meeting_id: str | None, area_id: str) -> str:
        from orat_tui.domain.levels import DEFAULT

        if meeting_id is None:
            return DEFAULT
        return self.levels.get(meeting_id, {}).get(area_id, DEFAULT)

    def area_levels(self, meeting_id: str | None) -> dict[str, str]:
        return {a.id: self.level(meeting_id, a.id) for a in self.areas}

    def combined_level(self, meeting_id: str | None) -> tuple[str, bool]:
        """(combined level, confirmed by the chair) in a meeting."""
        return combined_for(self.area_levels(meeting_id), self.combined.get(meeting_id or ""))

    def ratings_of(self, meeting_id: str | None, area_id: str) -> dict[int, int]:
        return self.ratings.get(meeting_id or "", {}).get(area_id, {})

    def score(self, checklist: Checklist, meeting_id: str | None, area_id: str) -> Score:
        return total_score(checklist, self.ratings_of(meeting_id, area_id))

    def score_change(self, checklist: Checklist, meeting_id: str | None,
                     area_id: str) -> int | None:
        """The total against the previous meeting of the series."""
        before = self.previous(meeting_id)
        if before is None:
            return None
        return change(self.score(checklist, meeting_id, area_id),
                      self.score(checklist, before, area_id))

    def trend(self, checklist: Checklist, meeting_id: str | None, area_id: str,
              n: int = TREND) -> list[int | None]:
        """The total of each of the last `n` meetings (None where nothing was rated)."""
        out: list[int | None] = []
        for mid in self.window(meeting_id, n):
            s = self.score(checklist, mid, area_id)
            out.append(None if s.empty else s.total)
        return out

    def open_events(self, area_id: str | None = None) -> list[Event]:
        return [e for e in self.events if e.is_open and (area_id is None or e.area_id == area_id)]

    def area(self, area_id: str | None) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)
