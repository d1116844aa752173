"""A small, fixed history for the report tests (hand-made, independent of the demo):
Malmö's weekly meeting for five Fridays with one missed week, two steering-group meetings
and one KKL meeting, with set speaking times and absences."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from orat_tui.config import discover_templates
from orat_tui.domain.meeting import ENDED, new_meeting

TODAY = date(2026, 11, 24)  # a Tuesday in the autumn term 2026


def templates(tmp_path):
    return discover_templates(user_dir=tmp_path / "no-user-templates")


def hold(store, template, day: date, absent=(), spoken: float = 0.8, at=time(9, 0)):
    """An ended meeting of `template` on `day`: every turn took `spoken` of its budget,
    the members in `absent` were away."""
    now = datetime.combine(day, at)
    series_id = store.series_for_template(template, now)
    m = new_meeting(series_id, template, now)
    for a in m.attendees:
        if a.key in absent:
            a.present = False
    for i, s in enumerate(m.steps):
        if s.kind == "turn" and s.member not in absent:
            s.elapsed = round(s.budget * spoken) + i
        elif s.kind == "point":
            s.elapsed = s.budget / 2
            keys = [a.key for a in m.attendees if a.key not in absent]
            s.speakers = {keys[0]: s.budget / 4, keys[-1]: s.budget / 4}
    m.state = ENDED
    m.ended_at = now + timedelta(minutes=55)
    store.save(m, now=m.ended_at)
    return m


def fill(store, tmp_path):
    t = templates(tmp_path)
    malmo = t["malmo-orat"].template
    fridays = [date(2026, 10, 23) + timedelta(weeks=i) for i in range(5)]  # to 20 Nov
    for n, day in enumerate(fridays):
        if day == date(2026, 11, 6):
            continue  # autumn break: no meeting that week
        hold(store, malmo, day, absent=("kultur",) if n % 2 else (), spoken=0.7 + n / 10)
    styr = t["malmo-fem-fokus-styrgrupp"].template
    hold(store, styr, date(2026, 9, 2), at=time(13, 0))
    hold(store, styr, date(2026, 10, 28), absent=("utbildning",), at=time(13, 0))
    hold(store, styr, date(2026, 3, 4), at=time(13, 0))  # spring: not in the autumn term
    kkl = t["bromolla-kkl"].template
    hold(store, kkl, date(2026, 5, 12), at=time(10, 0))
    return t
