"""The calendar of the year: school holidays, holidays and feasts, pay weekends and home
matches, per city."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache


@dataclass(frozen=True)
class Event:
    day: date
    coming: str  # after "inför"
    past: str  # after "under" / "i samband med"
    lov: bool = False


def easter(year: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _weekday_in(year: int, month: int, first: int, weekday: int) -> date:
    """The first `weekday` (0 = Monday) on or after year-month-first."""
    d = date(year, month, first)
    return d + timedelta(days=(weekday - d.weekday()) % 7)


def _iso_monday(year: int, week: int) -> date:
    return date.fromisocalendar(year, week, 1)


@lru_cache(maxsize=64)
def calendar(year: int, city: str) -> tuple[Event, ...]:
    e = easter(year)
    events = [
        Event(_iso_monday(year, 9 if city == "orebro" else 7), "sportlovet", "sportlovet", lov=True),
        Event(e - timedelta(days=2), "påskhelgen", "påskhelgen"),
        Event(e + timedelta(days=1), "påsklovet", "påsklovet", lov=True),
        Event(date(year, 4, 30), "Valborg", "Valborgsfirandet"),
        Event(_weekday_in(year, 6, 1, 4), "studentfirandet", "studentfirandet"),
        Event(date(year, 6, 6), "nationaldagen", "nationaldagsfirandet"),
        Event(_weekday_in(year, 6, 10, 4), "skolavslutningen", "skolavslutningen"),
        Event(_weekday_in(year, 6, 10, 4) + timedelta(days=3), "sommarlovet", "sommarlovets första vecka", lov=True),
        Event(_weekday_in(year, 6, 19, 4), "midsommarhelgen", "midsommarhelgen"),
        Event(_iso_monday(year, 34), "skolstarten", "skolstarten"),
        Event(_iso_monday(year, 44), "höstlovet", "höstlovet", lov=True),
        Event(date(year, 10, 31), "Halloween", "Halloweenhelgen"),
        Event(_weekday_in(year, 11, 27, 6), "första advent", "första advent"),
        Event(date(year, 12, 13), "Lucia", "Luciafirandet"),
        Event(date(year, 12, 21), "jullovet", "jullovets första dagar", lov=True),
        Event(date(year, 12, 31), "nyårsafton", "nyårsnatten"),
    ]
    if city == "malmo":
        events.append(Event(_iso_monday(year, 33) + timedelta(days=4), "Malmöfestivalen", "Malmöfestivalen"))
    for month in range(1, 13):
        payday = date(year, month, 25)
        while payday.weekday() > 4:
            payday -= timedelta(days=1)
        if month not in (6, 12):  # midsommar and jul speak louder
            events.append(Event(payday, "lönehelgen", "lönehelgen"))
    for week in range(14, 44, 2):  # a home match every other Saturday, April to October
        events.append(Event(_iso_monday(year, week) + timedelta(days=5),
                            "lördagens fotbollsmatch", "lördagens fotbollsmatch"))
    return tuple(sorted(events, key=lambda ev: ev.day))


def events_between(city: str, first: date, last: date) -> list[Event]:
    """Events with first <= day <= last."""
    years = range(first.year, last.year + 1)
    return [ev for y in years for ev in calendar(y, city) if first <= ev.day <= last]
