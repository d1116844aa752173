"""Roll-call rules: which monthly guests to suggest."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from orat_tui.domain.template import MemberSpec


def suggested_guests(
    guests: Iterable[MemberSpec],
    meeting_day: date,
    earlier: Iterable[tuple[date, set[str]]],
) -> list[MemberSpec]:
    """Guests who take part once a month and have not yet taken part in a meeting of this
    series in the meeting's calendar month. `earlier` holds (day, keys present) of the
    series' other meetings."""
    seen: set[str] = set()
    for day, present in earlier:
        if (day.year, day.month) == (meeting_day.year, meeting_day.month):
            seen |= present
    return [g for g in guests if g.key not in seen]
