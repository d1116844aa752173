"""Swedish text material for the demo history (store/demo.py): phrase banks per kind of member,
the Örebro points, areas, weekdays and the calendar of the year, combined into notes.

Everything here is at group and area level: no person is ever named or described, and the only
numbers are small counts, week numbers and clock times (no digit runs that could look like a
personal identity number or a phone number). Pure standard library; no I/O.

The material is split by kind: places (cities, areas, days), members (which bank a member
speaks from), sentence (a bank's sentence, seasons), turns (the members' phrase banks), quiet
(a calm week, "nothing to report"), themes (a block's theme), orebro (the Örebro levels and
points), chair (summary, passing on), events (the calendar of the year), week (a week's
context) and notes (composing them into notes). Every name is importable from here.
"""

from __future__ import annotations

from orat_tui.store.demo_text.chair import (
    ABSENT_IN_PREFIX,
    PASS_ON,
    SUMMARY,
    TOPICS,
)
from orat_tui.store.demo_text.events import (
    Event,
    calendar,
    easter,
    events_between,
)
from orat_tui.store.demo_text.members import (
    MEMBER_KINDS,
    member_kind,
)
from orat_tui.store.demo_text.notes import (
    MAX_NOTE,
    MIN_NOTE,
    absent_in_note,
    compose,
    orebro_point_note,
    pass_on_note,
    summary_note,
    turn_note,
)
from orat_tui.store.demo_text.notes import (
    _values as _values,  # read by the tests
)
from orat_tui.store.demo_text.orebro import (
    LEVEL_RUNS,
    LEVEL_TEXT,
    POINT_NONE,
    POINTS,
    QUIET_CHANCE,
)
from orat_tui.store.demo_text.places import (
    AREAS,
    CITIES,
    PLACES,
    STAFF,
    WEEKDAYS_SV,
    areas_of,
    city_of,
    in_area,
)
from orat_tui.store.demo_text.quiet import (
    CALM,
    CALM_COMING,
    NOTHING,
    NOTHING_POINT,
    NOTHING_TURN,
)
from orat_tui.store.demo_text.sentence import (
    GROWING,
    SPRING_EXAMS,
    SUMMER,
    WINTER,
    S,
)
from orat_tui.store.demo_text.themes import (
    THEME_PHRASE,
    THEME_WEIGHTS,
    THEMES,
)
from orat_tui.store.demo_text.turns import (
    COMING,
    PAST,
)
from orat_tui.store.demo_text.week import (
    ROUTINE,
    Week,
    make_week,
)

__all__ = [
    "ABSENT_IN_PREFIX", "PASS_ON", "SUMMARY", "TOPICS",
    "Event", "calendar", "easter", "events_between",
    "MEMBER_KINDS", "member_kind",
    "MAX_NOTE", "MIN_NOTE", "absent_in_note", "compose", "orebro_point_note", "pass_on_note",
    "summary_note", "turn_note",
    "LEVEL_RUNS", "LEVEL_TEXT", "POINT_NONE", "POINTS", "QUIET_CHANCE",
    "AREAS", "CITIES", "PLACES", "STAFF", "WEEKDAYS_SV", "areas_of", "city_of", "in_area",
    "CALM", "CALM_COMING", "NOTHING", "NOTHING_POINT", "NOTHING_TURN",
    "GROWING", "SPRING_EXAMS", "SUMMER", "WINTER", "S",
    "THEME_PHRASE", "THEME_WEIGHTS", "THEMES",
    "COMING", "PAST",
    "ROUTINE", "Week", "make_week",
]
