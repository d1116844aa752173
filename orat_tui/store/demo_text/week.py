"""A week's context (Week): what the notes of one meeting share."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from orat_tui.store.demo_text.events import Event, events_between
from orat_tui.store.demo_text.orebro import LEVEL_RUNS
from orat_tui.store.demo_text.places import areas_of
from orat_tui.store.demo_text.themes import THEME_WEIGHTS


@dataclass
class Week:
    """What a meeting's notes share: the city, the block's hotspot and theme, the level, the
    events of the past and coming week."""

    day: date
    city: str
    areas: tuple[str, ...]
    hotspot: str
    theme: str
    level: str = "grönt"
    past_events: list[Event] = field(default_factory=list)
    coming_events: list[Event] = field(default_factory=list)
    absences: bool = False

    @property
    def coming_event(self) -> Event | None:
        """The event the coming week is about: the first notable one, else a routine one."""
        return _notable(self.coming_events)

    @property
    def past_event(self) -> Event | None:
        return _notable(self.past_events[::-1])

    @property
    def lov_coming(self) -> Event | None:
        """A school holiday that starts on a Monday within the coming week."""
        return next((ev for ev in self.coming_events if ev.lov and ev.day.weekday() == 0
                     and ev.day - self.day <= timedelta(days=7)), None)

    @property
    def lov_past(self) -> bool:
        return any(ev.lov for ev in self.past_events)


ROUTINE = ("lönehelgen", "lördagens fotbollsmatch")


def _notable(events: list[Event]) -> Event | None:
    return next((ev for ev in events if ev.coming not in ROUTINE), events[0] if events else None)


def make_week(day: date, city: str, block_rng: random.Random, week_in_block: int,
              areas: tuple[str, ...] | None = None) -> Week:
    """The context of the meeting on `day`; `block_rng` is seeded by the block of weeks, so
    hotspot, theme and level run on for several meetings. `areas`: the forum's own areas
    (a district of the city), else the city's."""
    areas = areas or areas_of(city)
    hotspot = block_rng.choice(areas)
    themes, weights = zip(*THEME_WEIGHTS)
    theme = block_rng.choices(themes, weights)[0]
    runs, run_weights = zip(*LEVEL_RUNS)
    run = block_rng.choices(runs, run_weights)[0]
    level = run[week_in_block % len(run)]
    if level in ("rött", "orange") and theme == "lugnt":
        theme = "bilbränder"
    return Week(
        day=day, city=city, areas=areas, hotspot=hotspot, theme=theme, level=level,
        past_events=events_between(city, day - timedelta(days=7), day - timedelta(days=1)),
        coming_events=events_between(city, day + timedelta(days=1), day + timedelta(days=10)),
    )
