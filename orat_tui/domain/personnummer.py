"""Detection of Swedish personal identity numbers in free text.

Finds *personnummer* and *samordningsnummer* (coordination numbers, where the
day of birth is increased by 60) written in any of these forms::

    YYMMDD-NNNC   YYMMDD+NNNC   YYMMDDNNNC
    YYYYMMDD-NNNC               YYYYMMDDNNNC

A candidate is only reported if the check digit ``C`` is correct (Luhn over
the 10-digit form ``YYMMDDNNN``) and ``MMDD`` is a real calendar date (day
minus 60 for coordination numbers).  With 12 digits the century is known
and must be 18, 19 or 20; with 10 digits the date only has to be valid in
some century (``000229`` is accepted because 2000 was a leap year).

Digit boundaries are strict: a candidate must not be preceded or followed
by an ASCII digit, so ten digits inside a longer run of digits are never
reported (a run of exactly twelve digits is checked as the 12-digit form
only).  Phone numbers as people write them (``070-123 45 67``,
``+46 70 123 45 67``, ``08-123 456 78``) never have the 6+4 / 8+4 shape and
are therefore never matched.  A bare run of ten digits without separator may
however be a phone number written without spaces (``0701234569``); such
findings are still reported but with ``ambiguous=True``.

Besides ``-`` the typographic hyphens that word processors substitute for it
(U+2010, U+2011, U+2013 en dash, U+2212 minus) are accepted as separator,
and ``+`` is accepted in the 12-digit form too: a missed identity number is
worse than a rare false positive here.

Pure standard library, no I/O.  Scanning is a single pass of one compiled
regular expression without nested quantifiers (linear time), followed by a
cheap validation of each candidate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "Finding",
    "find_personal_numbers",
    "contains_personal_number",
    "redact",
]

PERSONNUMMER = "personnummer"
SAMORDNINGSNUMMER = "samordningsnummer"

# "-" plus hyphen look-alikes produced by word processors, and "+".
_HYPHENS = "-\u2010\u2011\u2013\u2212"
_SEPARATORS = _HYPHENS + "+"

# One candidate: YYMMDD or YYYYMMDD ("head"), optional separator, NNNC, with
# no ASCII digit directly before or after.  The pattern starts with a plain
# character class so the regex engine can skip non-digit text quickly; the
# lookbehind right after the first digit asserts that the character before
# it is not a digit.  All quantifiers are bounded and nothing is nested, so
# matching is linear in the length of the text (no catastrophic backtracking).
_CANDIDATE = re.compile(
    r"(?P<head>[0-9](?<![0-9]{2})[0-9]{5}(?:[0-9]{2})?)"
    r"(?P<sep>[" + re.escape(_SEPARATORS) + r"]?)"
    r"(?P<serial>[0-9]{4})"
    r"(?![0-9])"
)

_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_CENTURIES = ("18", "19", "20")


@dataclass(frozen=True)
class Finding:
    start: int  # offset in the text (str index)
    end: int  # exclusive
    text: str  # the matched substring as written
    kind: str  # "personnummer" or "samordningsnummer"
    ambiguous: bool  # bare 10 digits that may also be a phone number


# Luhn weights over the 10-digit form YYMMDDNNNC: positions 0, 2, 4, 6, 8 are
# doubled (digit sum of 2*d), positions 1, 3, 5, 7, 9 count as is.
_DOUBLED = {str(d): (2 * d) // 10 + (2 * d) % 10 for d in range(10)}
_PLAIN = {str(d): d for d in range(10)}


def _luhn_ok(ten_digits: str) -> bool:
    d, p, s = _DOUBLED, _PLAIN, ten_digits
    total = (
        d[s[0]] + p[s[1]] + d[s[2]] + p[s[3]] + d[s[4]]
        + p[s[5]] + d[s[6]] + p[s[7]] + d[s[8]] + p[s[9]]
    )
    return total % 10 == 0


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _date_kind(century: str | None, yymmdd: str) -> str | None:
    """Return the kind if ``yymmdd`` is a valid (coordination) date, else None."""
    yy = int(yymmdd[0:2])
    month = int(yymmdd[2:4])
    day = int(yymmdd[4:6])
    if not 1 <= month <= 12:
        return None
    kind = PERSONNUMMER
    if day > 60:
        day -= 60
        kind = SAMORDNINGSNUMMER
    if day < 1:
        return None
    if month == 2 and day == 29:
        if century is None:
            # Valid in some century iff yy % 4 == 0 (2000 was a leap year).
            leap = yy % 4 == 0
        else:
            leap = _is_leap(int(century) * 100 + yy)
        return kind if leap else None
    return kind if day <= _DAYS_IN_MONTH[month - 1] else None


def _validate(m: re.Match[str]) -> Finding | None:
    head, sep, serial = m.group("head", "sep", "serial")
    if len(head) == 8:
        century = head[:2]
        if century not in _CENTURIES:
            return None
        yymmdd = head[2:]
    else:
        century = None
        yymmdd = head
    if not _luhn_ok(yymmdd + serial):
        return None
    kind = _date_kind(century, yymmdd)
    if kind is None:
        return None
    ambiguous = century is None and not sep
    return Finding(m.start(), m.end(), m.group(0), kind, ambiguous)


def find_personal_numbers(text: str) -> list[Finding]:
    """Return every personnummer/samordningsnummer in ``text``, in order of start."""
    findings = []
    for m in _CANDIDATE.finditer(text):
        finding = _validate(m)
        if finding is not None:
            findings.append(finding)
    return findings


def contains_personal_number(text: str) -> bool:
    """True if ``text`` contains at least one finding (ambiguous ones included)."""
    for m in _CANDIDATE.finditer(text):
        if _validate(m) is not None:
            return True
    return False


def redact(text: str, replacement: str = "[borttaget]") -> str:
    """Replace every finding (ambiguous ones included) by ``replacement``."""
    parts = []
    pos = 0
    for f in find_personal_numbers(text):
        parts.append(text[pos : f.start])
        parts.append(replacement)
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)
