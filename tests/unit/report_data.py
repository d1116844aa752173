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
        elif s.kind == "point" or (s.kind == "follow_up" and s.number):  # a numbered point
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


# -- the Malmö Väster citizen promise (seed 004) ----------------------------------------------
def vaster_promise():
    from orat_tui.domain.promises import Commitment, Entry, Promise

    def entries(prefix, spread):
        return [Entry(f"{prefix}-{i}", d, n) for i, (d, n) in enumerate(spread)]

    reports = entries("sol", [(date(2019, m, 15), 5) for m in range(1, 12)]  # 55 in 2019
                      + [(date(2020, m, 10), 4) for m in range(1, 10)])  # 36 by September 2020
    visible = entries("vis", [(date(2019, 3, 1), 4), (date(2019, 9, 1), 6), (date(2020, 5, 1), 3)])
    planned = entries("ins", [(date(2019, 6, 1), 10), (date(2020, 2, 1), 11)])
    return Promise(
        id="", title="Medborgarlöfte Malmö Väster", starts=date(2019, 1, 1),
        ends=date(2020, 12, 31), areas=["Bellevue", "Holma", "Kroksbäck"],
        description="Polisen och Malmö stad avsätter tillsammans resurser för att arbeta "
                    "brottsförebyggande, särskilt för barn och unga i områdena.",
        commitments=[
            Commitment("", "Organiserade tematräffar med samtliga elever i årskurs fem på "
                           "Holmaskolan, Kroksbäcksskolan och Lorensborgsskolan.",
                       done=True, evaluation="Genomfört i alla tre skolorna hösten 2019."),
            Commitment("", "Minst 50 SOL-14-anmälningar till socialtjänsten varje år.",
                       target=50, per_year=True, unit="SOL-14-anmälningar", entries=reports),
            Commitment("", "Minst 25 synliga aktiviteter i Bellevue, Holma och Kroksbäck.",
                       target=25, unit="synliga aktiviteter", entries=visible),
            Commitment("", "25 planerade insatser mot öppen droghandel och kriminella aktörer.",
                       target=25, unit="planerade insatser", entries=planned),
        ])


def fill_promise(store):
    """The Väster promise saved with its commitments and entries; returns it."""
    from orat_tui.store.promises import add_entry, save_commitment, save_promise

    p = vaster_promise()
    now = datetime(2019, 1, 2, 9, 0)
    save_promise(store, p, now)
    for c in p.commitments:
        kept = c.entries
        c.entries = []
        save_commitment(store, p.id, c)
        for e in kept:
            c.entries.append(add_entry(store, c.id, e.day, e.amount, e.note, now))
    return p
