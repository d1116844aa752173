"""Citizen promises (medborgarlöften): a promise has a period, areas and commitments. A
commitment has a number to reach over the whole period ("at least 25 visible activities"),
a number for every year of it ("at least 50 reports of concern every year"), or no number
("theme meetings with every year-five pupil in three schools": done or not, evaluated).

Pure: today is always an argument. Progress is compared with the share of the period (or
of that year of it) gone: 12 of 25 with half the period gone is on track."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

NOT_STARTED, ON_TRACK, BEHIND, MET, MISSED, OPEN, DONE = (
    "not_started", "on_track", "behind", "met", "missed", "open", "done")


class PromiseError(ValueError):
    """Input for a promise or commitment that cannot be used: one line, for the user. `kind`
    (date, order, long, target, amount) and `text` (what was typed) let the screen say it
    in the user's language; the message is the English one."""

    def __init__(self, message: str, kind: str = "", text: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.text = text


@dataclass
class Entry:
    """Progress towards a commitment: `amount` on `day` (a count: 3 visible activities).
    `action_id` is set when the entry comes from an action (the followup's table)."""

    id: str
    day: date
    amount: int
    note: str = ""
    action_id: str | None = None


@dataclass
class Commitment:
    id: str
    text: str
    target: int | None = None  # None: a commitment without a number
    per_year: bool = False  # the target holds for every year of the period
    unit: str = ""  # what is counted ("synliga aktiviteter")
    done: bool = False  # for a commitment without a number
    evaluation: str = ""
    entries: list[Entry] = field(default_factory=list)
    pending: int = 0  # linked actions not finished yet (they count once finished)

    @property
    def numeric(self) -> bool:
        return self.target is not None


@dataclass
class Promise:
    id: str
    title: str
    starts: date
    ends: date
    series_id: str | None = None  # the forum that follows it up
    areas: list[str] = field(default_factory=list)
    description: str = ""
    evaluation: str = ""
    commitments: list[Commitment] = field(default_factory=list)


def share_gone(start: date, end: date, today: date) -> float:
    """The share of the days from `start` to `end` (both included) gone by the end of
    `today`: 0 before the start, 1 from the last day on."""
    if today < start:
        return 0.0
    total = (end - start).days + 1
    return min(1.0, ((today - start).days + 1) / total)


def years_of(starts: date, ends: date) -> list[tuple[date, date]]:
    """The years of a period, counted from its first day (January to December for a period
    that starts on 1 January); the last may be shorter."""
    out = []
    start = starts
    while start <= ends:
        nxt = _year_later(start)
        out.append((start, min(ends, nxt - timedelta(days=1))))
        start = nxt
    return out


def _year_later(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@dataclass(frozen=True)
class Progress:
    """One window of a numeric commitment (the period, or one year of it) as of today."""

    start: date
    end: date
    target: int
    done: int
    share: float  # of the window gone
    state: str

    @property
    def expected(self) -> float:
        return self.target * self.share


def _state(done: int, target: int, share: float, start: date, end: date, today: date) -> str:
    if done >= target:
        return MET
    if today < start:
        return NOT_STARTED
    if today > end:
        return MISSED
    return ON_TRACK if done >= math.floor(target * share) else BEHIND


def progress(c: Commitment, p: Promise, today: date) -> list[Progress]:
    """The windows of a numeric commitment (one for the period, one per year when the target
    is yearly; a shorter last year gets its share of the target, rounded up), with what was
    done in each and its state. Empty for a commitment without a number."""
    if c.target is None:
        return []
    spans = years_of(p.starts, p.ends) if c.per_year else [(p.starts, p.ends)]
    out = []
    for start, end in spans:
        target = c.target
        if c.per_year:
            full = (_year_later(start) - start).days
            days = (end - start).days + 1
            if days < full:
                target = math.ceil(c.target * days / full)
        done = sum(e.amount for e in c.entries if start <= e.day <= end)
        share = share_gone(start, end, today)
        out.append(Progress(start, end, target, done, share,
                            _state(done, target, share, start, end, today)))
    return out


def current(c: Commitment, p: Promise, today: date) -> Progress | None:
    """The window that matters today: the year we are in (the last one after the period,
    the first one before it), or the whole period."""
    windows = progress(c, p, today)
    if not windows:
        return None
    for w in windows:
        if w.start <= today <= w.end:
            return w
    return windows[-1] if today > p.ends else windows[0]


def state_of(c: Commitment, p: Promise, today: date) -> str:
    """A commitment's state as a whole: without a number done or open (missed once the
    period is over); with one, met only when every window is, else the worst window's."""
    if c.target is None:
        if c.done:
            return DONE
        return MISSED if today > p.ends else OPEN
    states = [w.state for w in progress(c, p, today)]
    for s in (MISSED, BEHIND, ON_TRACK, NOT_STARTED):
        if s in states:
            return s
    return MET


# -- reading what a person types ---------------------------------------------------------------
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def parse_day(text: str, end: bool = False) -> date:
    """2019-01-01, or a month 2019-01 (its first day; its last with `end`)."""
    value = text.strip()
    if not value:
        raise PromiseError("a date is missing: write 2019-01-31, or 2019-01 for a month",
                           "nodate")
    m = _MONTH.fullmatch(value)
    if m and 1 <= int(m.group(2)) <= 12:
        first = date(int(m.group(1)), int(m.group(2)), 1)
        if not end:
            return first
        nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return nxt - timedelta(days=1)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PromiseError(f"'{text}' is not a date: write 2019-01-31, or 2019-01 for a month",
                           "date", text) from None


def parse_period(start: str, end: str) -> tuple[date, date]:
    starts, ends = parse_day(start), parse_day(end, end=True)
    if ends < starts:
        raise PromiseError("the period ends before it starts", "order")
    if (ends - starts).days > 366 * 10:
        raise PromiseError("a promise runs for at most ten years", "long")
    return starts, ends


def parse_target(text: str) -> int | None:
    """'' (no number), or a whole number from 1 to 1,000,000."""
    value = text.strip().replace(" ", "")
    if not value:
        return None
    if not re.fullmatch(r"[0-9]{1,7}", value) or not 1 <= int(value) <= 1_000_000:
        raise PromiseError(f"'{text}' is not a target: a whole number from 1, or empty for none",
                           "target", text)
    return int(value)


def parse_amount(text: str) -> int:
    """How much is recorded at once: a whole number, negative to correct an earlier entry."""
    value = text.strip().replace(" ", "")
    if not re.fullmatch(r"[+-]?\d{1,7}", value) or int(value) == 0:
        raise PromiseError(f"'{text}' is not an amount: a whole number such as 1, 3 or -1",
                           "amount", text)
    return int(value)


def parse_areas(text: str) -> list[str]:
    """'Bellevue, Holma, Kroksbäck' -> the names, in order, each once."""
    out: list[str] = []
    for part in re.split(r"[,;\n]", text):
        name = " ".join(part.split())
        if name and name.lower() not in {a.lower() for a in out}:
            out.append(name)
    return out
