"""A believable demo history: N weeks of every shipped template's meetings, ended and noted.

Deterministic: every meeting draws from its own random stream, seeded by (seed, template,
date), so the same seed and `today` give the same database, and a longer history has the
shorter one as its most recent part. Ids are drawn from the same streams, so generating
into the same database again overwrites the same meetings instead of adding copies.
The text material is in demo_text.py.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from orat_tui.domain.agenda import Status, Step
from orat_tui.domain.meeting import ENDED, Attendee, Meeting, new_meeting, note_slot
from orat_tui.domain.template import WEEKDAYS, Template
from orat_tui.store import demo_text as text
from orat_tui.store.demo_bulk import write_meetings
from orat_tui.store.meetings import Store

ABSENCE = 0.08  # each member, each meeting
CHAIR_ABSENCE = 0.04
SUBSTITUTE_SHARE = 0.4  # of absences, where the forum allows substitutes
SKIP = 0.02  # a turn passed over
GUEST_TAKES_PART = 0.55  # a monthly guest, in the first meeting of a month
ADJUNCT = 0.12  # an adjunct member joins (forums that allow substitutes and have no guests)
OVERRUN, MUCH_SHORTER = 0.17, 0.08
NO_NOTE, NOTHING_NOTE = 0.03, 0.05
ABSENT_IN, PASS_ON = 0.5, 0.35
GUEST_TURN_SECONDS = 120
DEFAULT_START = time(9, 0)

SUBSTITUTES = ("Ersättare från samma enhet", "Biträdande samordnare", "Kollega från enheten",
               "Ställföreträdande chef")
ADJUNCTS = ("Kommunpolisen", "Fältgruppen", "Fritidsgården", "Biblioteket", "Högstadieskolan")
# Who leads each Örebro point (by kind of member), when present.
POINT_LEAD = {1: "police", 2: "municipality", 3: "police", 7: "municipality"}
# A point's note: (rng, point number, the week, [(speaker as named in text, kind)]) -> text.
PointNote = Callable[[random.Random, int, "text.Week", list[tuple[str, str]]], str]


@dataclass(frozen=True)
class DemoSummary:
    meetings: int
    notes: int
    series: int


def shipped_templates() -> list[Template]:
    """The templates that ship with orat (never the user's own), in id order."""
    from orat_tui.config import discover_templates

    found = discover_templates(user_dir=Path("/nonexistent"))
    return [found[k].template for k in sorted(found) if found[k].origin == "shipped"]


def meeting_days(weekday: int, weeks: int, today: date) -> list[date]:
    """The last `weeks` dates on `weekday` (0 = Monday) strictly before `today`, oldest first."""
    last = today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)
    return [last - timedelta(weeks=i) for i in range(weeks - 1, -1, -1)]


def generate_demo(store: Store, weeks: int = 8, today: date | None = None,
                  seed: int = 1) -> DemoSummary:
    """Fill `store` with `weeks` weeks of ended meetings of every shipped template, the last
    on the template's weekday before `today` (default: the real today)."""
    if weeks < 0:
        raise ValueError("weeks must be 0 or more")
    today = today or date.today()
    meetings = notes = series = 0
    if weeks == 0:
        return DemoSummary(0, 0, 0)
    for template in shipped_templates():
        if not template.weekday:
            continue
        days = meeting_days(WEEKDAYS.index(template.weekday), weeks, today)
        start = template.start or DEFAULT_START
        series_id = store.series_for_template(template, datetime.combine(days[0], start))
        series += 1
        n, k = write_meetings(store, (build_meeting(template, series_id, day, seed)
                                      for day in days))
        meetings += n
        notes += k
        from orat_tui.store.demo_actions import fill_actions
        from orat_tui.store.demo_picture import fill_picture

        fill_picture(store, template, series_id, seed)  # levels, signals, events
        fill_actions(store, template, series_id, seed)  # agreed and followed up
    return DemoSummary(meetings, notes, series)


# -- one meeting ----------------------------------------------------------------------------

def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _elapsed(rng: random.Random, budget: float) -> float:
    """Seconds spoken: mostly within the budget, some overruns of 10-80 %, a few much shorter."""
    r = rng.random()
    if r < OVERRUN:
        share = 1 + rng.uniform(0.1, 0.8)
    elif r < OVERRUN + MUCH_SHORTER:
        share = rng.uniform(0.15, 0.45)
    else:
        share = rng.uniform(0.6, 1.0)
    return float(max(5, round(budget * share)))


def _prose(a: Attendee) -> str:
    """How a member is named in running text: the name if short, else the short form
    without a parenthesis ("ASF (ordf.)" -> "ASF", "Samordnare Örebro kommun" -> "Kommunen")."""
    if len(a.name) <= 20:
        return a.name
    return a.short.split(" (")[0].strip() or a.name


def _kind(a: Attendee) -> str:
    return text.member_kind(a.key, a.name)


def _slug(name: str) -> str:
    """An adjunct member's key, as the roll call makes it."""
    return "adj-" + "".join(c if c.isalnum() else "-" for c in name.lower())[:40]


def _guests_present(template: Template, day: date, seed: int, stream: str) -> set[str]:
    """The monthly guests who take part in the first meeting of day's month: drawn once per
    month, so every meeting of the month agrees."""
    rng = random.Random(f"{seed}|{stream}|guests|{day.year}-{day.month:02d}")
    return {g.key for g in template.guests if rng.random() < GUEST_TAKES_PART}


def _attendance(rng: random.Random, meeting: Meeting, template: Template, day: date,
                seed: int, stream: str) -> None:
    members = [a for a in meeting.attendees if a.kind == "member"]
    for a in members:
        if rng.random() >= (CHAIR_ABSENCE if a.chair else ABSENCE):
            continue
        if template.substitutes_allowed and rng.random() < SUBSTITUTE_SHARE:
            a.substitute = rng.choice(SUBSTITUTES)
        else:
            a.present = False
    # At most a quarter of the members away (at least one may be): a meeting still has a quorum.
    away = [a for a in members if not a.present]
    for a in away[max(1, len(members) // 4):]:
        a.present = True
    # Monthly guests: suggested (as the roll call does) until they took part this month.
    came = _guests_present(template, day, seed, stream)
    first_of_month = day.day <= 7
    for g in template.guests:
        if g.key in came and not first_of_month:
            continue  # took part earlier this month
        meeting.attendees.append(Attendee(g.key, g.name, g.short, kind="guest", role=g.role,
                                          present=first_of_month and g.key in came))
    if template.substitutes_allowed and not template.guests and rng.random() < ADJUNCT:
        name = rng.choice(ADJUNCTS)
        meeting.attendees.append(Attendee(_slug(name), name, name[:14], kind="adjunct"))


def _add_turns(meeting: Meeting, template: Template) -> None:
    """A turn for each guest or adjunct member who is there, after the last turn."""
    for a in meeting.attendees:
        if a.kind == "member" or not a.present:
            continue
        step = Step("turn", GUEST_TURN_SECONDS, member=a.key, fields=template.turn_fields)
        turns = [i for i, s in enumerate(meeting.steps) if s.kind == "turn"]
        at = turns[-1] + 1 if turns else max(0, len(meeting.steps) - 1)
        meeting.steps.insert(at, step)


def _speakers(rng: random.Random, step: Step, present: list[Attendee],
              chair: str) -> list[Attendee]:
    lead_kind = POINT_LEAD.get(step.number)
    order = present[:]
    rng.shuffle(order)
    lead = next((a for a in order if _kind(a) == lead_kind), None)
    if lead is None and step.number == 6:
        lead = next((a for a in order if a.key == chair), None)
    if lead is not None:
        order.remove(lead)
        order.insert(0, lead)
    n = min(len(order), rng.choices((1, 2, 3), (3, 4, 3))[0])
    return order[:n]


def _split(rng: random.Random, total: float, n: int) -> list[float]:
    """Whole seconds for n speakers, each at least one, adding up to total exactly."""
    total_i = int(total)
    if n <= 1:
        return [float(total_i)]
    weights = [rng.random() + 0.3 for _ in range(n)]
    scale = (total_i - n) / sum(weights)
    parts = [1 + int(w * scale) for w in weights[:-1]]
    parts.append(total_i - sum(parts))
    return [float(p) for p in parts]


def _note(meeting: Meeting, slot: str, value: str) -> None:
    if value:
        meeting.notes[slot] = value


def build_meeting(template: Template, series_id: str, day: date, seed: int = 1, *,
                  stream: str = "", city: str = "", areas: tuple[str, ...] = (),
                  point_note: PointNote | None = None, weeks: list | None = None) -> Meeting:
    """One ended meeting of the template on `day`, with its notes (nothing is saved).

    For a forum of its own (a district's, in the long history): `stream` names its random
    streams (default: the template's id), `city` and `areas` where it is held, `point_note`
    writes its points' notes (default: the Örebro points'); the week's context (the level,
    the hotspot) is appended to `weeks` when given."""
    stream = stream or template.id
    rng = random.Random(f"{seed}|{stream}|{day.isoformat()}")
    city = city or text.city_of(template.id, template.forum)
    block = day.toordinal() // 28
    week = text.make_week(day, city, random.Random(f"{seed}|{stream}|block|{block}"),
                          (day.toordinal() % 28) // 7, areas=areas or None)
    if weeks is not None:
        weeks.append(week)
    started = datetime.combine(day, template.start or DEFAULT_START)
    meeting = new_meeting(series_id, template, started)
    _attendance(rng, meeting, template, day, seed, stream)
    _add_turns(meeting, template)
    meeting.id = _uuid(rng)
    for a in meeting.attendees:
        a.id = _uuid(rng)
    for s in meeting.steps:
        s.id = _uuid(rng)

    present = [a for a in meeting.attendees if a.present]
    absent = [a for a in meeting.attendees if a.kind == "member" and not a.present]
    week.absences = bool(absent)
    chair = next((a.key for a in meeting.attendees if a.chair), "")
    clock = 0.0
    for step in meeting.steps:
        clock += rng.randint(5, 25)  # handing over
        who = meeting.attendee(step.member) if step.member else None
        if step.kind == "turn" and (who is None or not who.present):
            step.status = Status.ABSENT
            continue
        if step.kind == "turn" and step.member != chair and rng.random() < SKIP:
            step.status = Status.SKIPPED
            step.elapsed = float(rng.randint(0, 15))
            clock += step.elapsed
            continue
        step.status = Status.DONE
        step.elapsed = _elapsed(rng, step.budget)
        clock += step.elapsed
        # Örebro's point 4 is the follow-up of actions: spoken and noted like a point
        point = step.kind in ("point", "picture") or (step.kind == "follow_up" and step.number > 0)
        if point:
            speakers = _speakers(rng, step, present, chair) if present else []
            step.speakers = dict(zip((a.key for a in speakers),
                                     _split(rng, step.elapsed, len(speakers))))
        for field_name in step.fields:
            slot = note_slot(step, field_name)
            r = rng.random()
            if r < NO_NOTE:
                continue
            if r < NO_NOTE + NOTHING_NOTE and step.kind != "wrap_up":
                nothing = text.NOTHING_POINT if point else text.NOTHING_TURN
                _note(meeting, slot, rng.choice(nothing))
                continue
            if step.kind == "turn":
                value = text.turn_note(rng, _kind(who), field_name, week)
            elif point:
                value = (point_note or text.orebro_point_note)(
                    rng, step.number, week, [(_prose(a), _kind(a)) for a in speakers])
            elif step.kind == "wrap_up":
                pairs = []
                if len(present) >= 2 and rng.random() < 0.5:
                    a, b = rng.sample(present, 2)
                    pairs.append((_prose(a), _prose(b)))
                value = text.summary_note(rng, week, pairs)
            else:
                value = text.turn_note(rng, "generic", field_name, week)
            _note(meeting, slot, value)

    for a in absent:
        if rng.random() < ABSENT_IN:
            _note(meeting, note_slot(None, "absent_in", a.key), text.absent_in_note(rng, _kind(a), week))
        if rng.random() < PASS_ON and present:
            other = _prose(rng.choice(present))
            _note(meeting, note_slot(None, "pass_on", a.key), text.pass_on_note(rng, week, other))

    meeting.state = ENDED
    meeting.current_index = len(meeting.steps) - 1
    meeting.ended_at = started + timedelta(seconds=round(clock))
    return meeting
