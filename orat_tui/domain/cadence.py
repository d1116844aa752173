"""How often a forum must meet (a template's `cadence`), terms, and whether a term's
requirement is met. Pure: today is always an argument.

A cadence is "weekly", "monthly" or "N per week|month|term|year" ("3 per term" for Fem Fokus'
steering group, "2 per year" for Bromölla's KKL meeting); "at least" in front is allowed.
A term (termin) is a half year: spring (VT) January to June, autumn (HT) July to December."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

UNITS = ("week", "month", "term", "year")
ON_TRACK, BEHIND, MET, MISSED = "on_track", "behind", "met", "missed"


class CadenceError(ValueError):
    """A cadence or term that cannot be read: the message says what is accepted."""


@dataclass(frozen=True)
class Cadence:
    count: int
    unit: str  # one of UNITS

    def __str__(self) -> str:
        if self.count == 1 and self.unit in ("week", "month"):
            return "weekly" if self.unit == "week" else "monthly"
        return f"{self.count} per {self.unit}"


_CADENCE = re.compile(r"^(?:at\s+least\s+)?(\d{1,3})\s*(?:per|/|a|an)\s*(week|month|term|year)$")
CADENCE_HELP = "'cadence' must be \"weekly\", \"monthly\" or like \"3 per term\" (per week, month, term or year)"


def parse_cadence(value: object) -> Cadence:
    if not isinstance(value, str):
        raise CadenceError(CADENCE_HELP)
    text = " ".join(value.strip().lower().split())
    if text in ("weekly", "monthly"):
        return Cadence(1, "week" if text == "weekly" else "month")
    m = _CADENCE.fullmatch(text)
    if not m or not 1 <= int(m.group(1)) <= 100:
        raise CadenceError(CADENCE_HELP)
    return Cadence(int(m.group(1)), m.group(2))


@dataclass(frozen=True, order=True)
class Term:
    year: int
    half: int  # 1 = spring (VT), 2 = autumn (HT)

    @classmethod
    def of(cls, day: date) -> "Term":
        return cls(day.year, 1 if day.month <= 6 else 2)

    @property
    def start(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def code(self) -> str:
        return f"{self.year}H{self.half}"

    def next(self) -> "Term":
        return Term(self.year, 2) if self.half == 1 else Term(self.year + 1, 1)

    def previous(self) -> "Term":
        return Term(self.year, 1) if self.half == 2 else Term(self.year - 1, 2)

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end


TERM_HELP = "a term is like 2026H2, \"HT 2026\" or \"VT 2026\" (VT = January-June, HT = July-December)"
_TERM_FORMS = (
    (re.compile(r"^(\d{4})\s*-?\s*h([12])$"), lambda m: (int(m.group(1)), int(m.group(2)))),
    (re.compile(r"^(vt|ht)\s*-?\s*(\d{4})$"),
     lambda m: (int(m.group(2)), 1 if m.group(1) == "vt" else 2)),
    (re.compile(r"^(spring|autumn|fall|vår|höst)\s+(\d{4})$"),
     lambda m: (int(m.group(2)), 1 if m.group(1) in ("spring", "vår") else 2)),
)


def parse_term(text: str) -> Term:
    value = " ".join(str(text).strip().lower().split())
    for pattern, read in _TERM_FORMS:
        m = pattern.fullmatch(value)
        if m:
            year, half = read(m)
            if not 1900 <= year <= 2999:
                break
            return Term(year, half)
    raise CadenceError(f"'{text}' is not a term: {TERM_HELP}")


@dataclass(frozen=True)
class Window:
    """A stretch of days that must hold `need` meetings (a week, a month, a term, a year)."""

    start: date
    end: date
    need: int
    held: int = 0

    @property
    def ok(self) -> bool:
        return self.held >= self.need


def _month_end(day: date) -> date:
    first_next = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def windows(cadence: Cadence, term: Term) -> list[Window]:
    """The windows that make up the term's requirement: its weeks (a week belongs to the
    term that holds its Thursday), its six months, the term itself, or the term's year."""
    n = cadence.count
    if cadence.unit == "term":
        return [Window(term.start, term.end, n)]
    if cadence.unit == "year":
        return [Window(date(term.year, 1, 1), date(term.year, 12, 31), n)]
    if cadence.unit == "month":
        first = term.start.month
        return [Window(date(term.year, m, 1), _month_end(date(term.year, m, 1)), n)
                for m in range(first, first + 6)]
    monday = term.start - timedelta(days=term.start.weekday())
    if monday + timedelta(days=3) < term.start:
        monday += timedelta(days=7)
    out = []
    while monday + timedelta(days=3) <= term.end:
        out.append(Window(monday, monday + timedelta(days=6), n))
        monday += timedelta(days=7)
    return out


@dataclass(frozen=True)
class TermStatus:
    """Held against required for one term. For a weekly or monthly cadence `held` and
    `required` count weeks or months with enough meetings; otherwise meetings."""

    term: Term
    cadence: Cadence
    held: int
    required: int
    meetings: int  # meetings in the term (for a yearly cadence: in the year)
    state: str  # on_track, behind, met, missed
    missing: tuple[Window, ...] = field(default=())  # windows over without enough meetings
    next_due: date | None = None

    @property
    def met(self) -> bool:
        return self.state == MET


def _count(days: list[date], start: date, end: date) -> int:
    return sum(1 for d in days if start <= d <= end)


def _window_of(cadence: Cadence, day: date) -> tuple[date, date]:
    if cadence.unit == "term":
        term = Term.of(day)
        return term.start, term.end
    return date(day.year, 1, 1), date(day.year, 12, 31)


def paced_due(cadence: Cadence, held: list[date], today: date) -> date:
    """Per term or year: the meetings spread evenly over the window, the day the next one is
    due by to keep that pace (once the window is met: the next window's first share)."""
    start, end = _window_of(cadence, today)
    done = _count(held, start, end)
    if done >= cadence.count:
        start, end = _window_of(cadence, end + timedelta(days=1))
        done = 0
    days = (end - start).days + 1
    share = -(-(done + 1) * days // cadence.count)  # ceil
    return start + timedelta(days=share - 1)


def next_due(cadence: Cadence, held: list[date], today: date, weekday: int | None = None) -> date:
    """The day by which the next meeting is due. A weekly forum: its weekday this week, or next
    week's once this week has its meetings (Sunday without a weekday). A monthly one: the
    month's last day. Per term or year: the even pace (paced_due); when that day has passed,
    the meetings still needed spread over what is left of the window from today."""
    if cadence.unit == "week":
        monday = today - timedelta(days=today.weekday())
        if _count(held, monday, monday + timedelta(days=6)) >= cadence.count:
            monday += timedelta(days=7)
        return monday + timedelta(days=6 if weekday is None else weekday)
    if cadence.unit == "month":
        end = _month_end(today)
        if _count(held, today.replace(day=1), end) >= cadence.count:
            end = _month_end(end + timedelta(days=1))
        return end
    paced = paced_due(cadence, held, today)
    if paced >= today:
        return paced
    start, end = _window_of(cadence, today)
    left = cadence.count - _count(held, start, end)
    return today + timedelta(days=(end - today).days // left)


def term_status(cadence: Cadence, held: list[date], term: Term, today: date,
                weekday: int | None = None) -> TermStatus:
    """Held against required in `term` as it stands on `today` (a past term is final)."""
    ws = [Window(w.start, w.end, w.need, _count(held, w.start, w.end))
          for w in windows(cadence, term)]
    over = [w for w in ws if w.end < today]
    missing = tuple(w for w in over if not w.ok)
    if cadence.unit in ("week", "month"):
        done, required = sum(1 for w in ws if w.ok), len(ws)
        meetings = _count(held, term.start, term.end)
    else:
        done = meetings = ws[0].held
        required = ws[0].need
    due = next_due(cadence, held, today, weekday) if today in term else None
    late = due is not None and due < today
    if cadence.unit in ("term", "year") and today in term:
        late = paced_due(cadence, held, today) < today  # behind the even pace
    if done >= required:
        state = MET
    elif ws[-1].end < today:
        state = MISSED
    elif missing or late:
        state = BEHIND
    else:
        state = ON_TRACK
    return TermStatus(term, cadence, done, required, meetings, state, missing, due)
