"""The levels of the situational picture (seed 003): Grönt, Gult, Orange, Rött, the combined
level orat suggests from the areas' levels, and how levels carry from meeting to meeting.

The seed lists the levels in the order Grönt, Gult, Rött, Orange and does not rank Gult
against Orange; the suggestion below is only that, a suggestion the chair confirms or changes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

GRONT, GULT, ORANGE, ROTT = "gront", "gult", "orange", "rott"
LEVELS = (GRONT, GULT, ORANGE, ROTT)  # the order the chair picks them in
DEFAULT = GRONT  # an area nobody has set a level for: normal
CLOSER_CONTACT = (GULT, ROTT)  # the seed asks for closer contact (an extra meeting) here


def is_level(value: object) -> bool:
    return value in LEVELS


def suggest_combined(levels: Iterable[str]) -> str:
    """The combined level orat suggests: Rött if any area is red, else Gult if any is
    yellow, else Orange if any is orange, else Grönt (also with no areas at all)."""
    seen = set(levels)
    for level in (ROTT, GULT, ORANGE):
        if level in seen:
            return level
    return GRONT


def needs_closer_contact(level: str) -> bool:
    """While the combined level is Gult or Rött, orat offers an extra meeting."""
    return level in CLOSER_CONTACT


@dataclass(frozen=True)
class LevelChange:
    """A level set in a meeting (stored only when the chair sets one)."""

    meeting_id: str
    area_id: str
    level: str
    reason: str = ""


def carried(meetings: Sequence[str], changes: Iterable[LevelChange],
            areas: Iterable[str]) -> dict[str, dict[str, str]]:
    """Each meeting's level of every area: the level set in that meeting, else the level of
    the meeting before (a new meeting starts from the last one's levels), else Grönt.

    `meetings` is the series' meetings oldest first; `changes` are the levels set in them.
    Returns {meeting id: {area id: level}}."""
    by_meeting: dict[str, dict[str, str]] = {}
    for c in changes:
        by_meeting.setdefault(c.meeting_id, {})[c.area_id] = c.level
    current = {a: DEFAULT for a in areas}
    out: dict[str, dict[str, str]] = {}
    for mid in meetings:
        for area, level in by_meeting.get(mid, {}).items():
            if area in current:
                current[area] = level
        out[mid] = dict(current)
    return out


def combined_for(levels: Mapping[str, str], confirmed: str | None) -> tuple[str, bool]:
    """(the combined level to show, whether the chair confirmed it): the chair's level when
    there is one, else orat's suggestion from the areas' levels."""
    if confirmed and is_level(confirmed):
        return confirmed, True
    return suggest_combined(levels.values()), False
