"""Years of a large city's forums (`orat demo --years N`): five weekly district forums, each
from a shipped template, and the slower ones from theirs: the Fem Fokus steering group (three
times a term) and working group (four times), and the KKL meeting twice a year.

Malmö, in five districts (stadsområden). Each district forum is a series of its own, named
for the district, from one of the shipped templates with the city's names put in; the
slower forums are series of their own too. Every meeting draws from its
own random stream (seed, forum, date), so a seed and `today` always give the same history.
Written in bulk (store/demo_bulk.py): ten years in seconds."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from orat_tui.domain.template import WEEKDAYS, MemberSpec, Template
from orat_tui.store.demo import DEFAULT_START, DemoSummary, PointNote, build_meeting, shipped_templates
from orat_tui.store.demo_bulk import ensure_series, write_meetings
from orat_tui.store.demo_followup import FollowUp
from orat_tui.store.demo_history_picture import Picture
from orat_tui.store.demo_text.steering import point_note_for
from orat_tui.store.meetings import Store

CITY = "malmo"
# (key, district, shipped template, weekday, start, areas)
DISTRICTS = (
    ("innerstaden", "Innerstaden", "malmo-orat", "friday", time(9, 0),
     ("Möllevången", "Södra Innerstaden", "Värnhem", "Davidshall", "Centrum")),
    ("norr", "Norr", "orebro-samordning", "thursday", time(10, 0),
     ("Kirseberg", "Husie", "Segevång", "Västra hamnen")),
    ("soder", "Söder", "malmo-orat", "monday", time(9, 0),
     ("Lindängen", "Hermodsdal", "Nydala", "Fosie")),
    ("vaster", "Väster", "malmo-orat", "wednesday", time(13, 0),
     ("Holma", "Kroksbäck", "Bellevue", "Hyllie")),
    ("oster", "Öster", "bromolla-lagesbild", "tuesday", time(13, 0),
     ("Rosengård", "Herrgården", "Törnrosen", "Kryddgården")),
)
DISTRICT_KEYS = {d[0] for d in DISTRICTS}
# The shipped templates speak of their own town; in Malmö these are the city's names.
RENAME = (("Samordnare Örebro kommun", "Samordnare Malmö stad"),
          ("Polisområde Örebro", "Polisområde Malmö"), ("Örebrobostäder", "MKB"),
          ("Örebro", "Malmö"), ("Bromöllabolagen", "MKB Fastighets AB"),
          ("Bromölla kommun", "Malmö stad"), ("Bromölla", "Malmö"))
# The slower forums, from their shipped templates: (key, name, template, weekday, start).
SLOWER = (("styrgrupp", "Styrgrupp", "malmo-fem-fokus-styrgrupp", "wednesday", time(14, 0)),
          ("arbetsgrupp", "Arbetsgrupp", "malmo-fem-fokus-arbetsgrupp", "tuesday", time(13, 0)),
          ("kkl", "KKL", "bromolla-kkl", "thursday", time(9, 0)))
# The ISO weeks they meet in: the steering group three times a term, the working group four
# times, KKL twice a year.
WEEKS = {"styrgrupp": (6, 14, 21, 37, 44, 50), "arbetsgrupp": (4, 9, 15, 20, 36, 40, 45, 49),
         "kkl": (11, 41)}
# No weekly meeting between Christmas Eve and New Year's Day.
BREAK = ((12, 24), (1, 1))


@dataclass(frozen=True)
class Forum:
    key: str
    name: str
    template: Template
    areas: tuple[str, ...]
    point_note: PointNote | None = None


def _renamed(text: str) -> str:
    for old, new in RENAME:
        text = text.replace(old, new)
    return text


def _localised(t: Template, district: str, weekday: str, start: time) -> Template:
    def member(m: MemberSpec) -> MemberSpec:
        return replace(m, name=_renamed(m.name), short=_renamed(m.short))

    base = t.name.split(" · ")[0]
    name = f"{base} · {district}" if district else _renamed(t.name)
    return replace(t, name=name, forum="Malmö stad", weekday=weekday,
                   start=start, members=tuple(member(m) for m in t.members),
                   guests=tuple(member(g) for g in t.guests))


def _malmo_points(rng, number, week, speakers) -> str:
    """The Örebro points' notes, with Malmö's housing company."""
    from orat_tui.store.demo_text import orebro_point_note

    return orebro_point_note(rng, number, week, speakers).replace("ÖBO", "MKB")


def forums() -> list[Forum]:
    shipped = {t.id: t for t in shipped_templates()}
    out = [Forum(key, district, _localised(shipped[tid], district, wd, start), areas,
                 _malmo_points if tid == "orebro-samordning" else None)
           for key, district, tid, wd, start, areas in DISTRICTS]
    every_area = tuple(a for *_, areas in DISTRICTS for a in areas)
    for key, name, tid, wd, start in SLOWER:
        if tid in shipped:
            t = _localised(shipped[tid], "", wd, start)
            out.append(Forum(key, name, t, every_area, point_note_for(tid)))
    return out


def _in_break(day: date) -> bool:
    (m1, d1), (m2, d2) = BREAK
    return (day.month, day.day) >= (m1, d1) or (day.month, day.day) <= (m2, d2)


def forum_days(forum: Forum, first: date, today: date) -> list[date]:
    """The forum's meeting days from `first` to the day before `today`, oldest first."""
    wd = WEEKDAYS.index(forum.template.weekday)
    weeks = WEEKS.get(forum.key)
    day = first + timedelta(days=(wd - first.weekday()) % 7)
    days = []
    while day < today:
        if weeks is None and not _in_break(day) or weeks and day.isocalendar()[1] in weeks:
            days.append(day)
        day += timedelta(weeks=1)
    return days


def _series_id(seed: int, forum: Forum) -> str:
    rng = random.Random(f"{seed}|series|{forum.key}")
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def generate_history(store: Store, years: int, today: date | None = None,
                     seed: int = 1) -> DemoSummary:
    """Fill `store` with `years` years of every forum's meetings, up to the day before
    `today` (default: the real today)."""
    if years < 1:
        raise ValueError("years must be 1 or more")
    today = today or date.today()
    first = today.replace(year=today.year - years) if not (today.month == 2 and today.day == 29) \
        else date(today.year - years, 2, 28)
    meetings = notes = 0
    all_forums = forums()
    picture = Picture()
    follow = FollowUp({})
    for forum in all_forums:
        t = forum.template
        days = forum_days(forum, first, today)
        if not days:
            continue
        series_id = _series_id(seed, forum)
        created = datetime.combine(days[0], t.start or DEFAULT_START)
        ensure_series(store, series_id, t.id, t.name, created)
        if forum.key in DISTRICT_KEYS:
            picture.add_series(series_id, forum.areas, created)
            follow.areas_of[series_id] = picture.series[series_id].areas
            with store._write, store.engine.begin() as conn:
                picture.write_areas(conn)

        def after_batch(conn, chunk) -> None:
            picture.write_batch(conn, chunk)
            follow.write_batch(conn, chunk)

        n, k = write_meetings(store, _meetings(forum, series_id, days, seed, (picture, follow)),
                              after_batch=after_batch)
        meetings += n
        notes += k
    with store._write, store.engine.begin() as conn:
        picture.write_events(conn)
        follow.write_actions(conn)
    return DemoSummary(meetings, notes, len(all_forums))


def _meetings(forum: Forum, series_id: str, days: list[date], seed: int,
              extras: tuple) -> Iterator:
    for day in days:
        weeks: list = []
        meeting = build_meeting(forum.template, series_id, day, seed, stream=forum.key,
                                city=CITY, areas=forum.areas, point_note=forum.point_note,
                                weeks=weeks)
        for extra in extras:  # the picture, the follow-up: rows of their own, notes
            extra.add(meeting, weeks[0])
        yield meeting
