"""Composing notes from the material: a member's turn, what an absent member sent in, what is
passed on, an Örebro point and the summary, each 1-5 sentences within MIN_NOTE..MAX_NOTE
characters (only the "nothing to report" notes of quiet.py are shorter)."""

from __future__ import annotations

import random

from orat_tui.store.demo_text.chair import ABSENT_IN_PREFIX, PASS_ON, SUMMARY, TOPICS
from orat_tui.store.demo_text.members import _BLENDS
from orat_tui.store.demo_text.orebro import LEVEL_TEXT, POINT_NONE, POINTS, QUIET_CHANCE
from orat_tui.store.demo_text.places import (
    _COMING_EXTRA,
    _N_WORDS,
    _PAST_DAY,
    _PAST_EXTRA,
    PLACES,
    STAFF,
    WEEKDAYS_SV,
    in_area,
)
from orat_tui.store.demo_text.quiet import CALM, CALM_COMING
from orat_tui.store.demo_text.sentence import S
from orat_tui.store.demo_text.themes import THEME_PHRASE, THEMES
from orat_tui.store.demo_text.turns import COMING, PAST
from orat_tui.store.demo_text.week import Week

# The length of a composed note, in characters.
MIN_NOTE, MAX_NOTE = 80, 600


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _values(rng: random.Random, week: Week) -> dict[str, str]:
    area = rng.choice(week.areas)
    others = [a for a in week.areas if a not in (area, week.hotspot)] or [area]
    area2 = rng.choice(others)
    n_word = rng.choice(_N_WORDS)
    wd = week.day.weekday()
    when_past = rng.choice([d for i, d in enumerate(_PAST_DAY) if i != wd] + list(_PAST_EXTRA))
    when_coming = rng.choice([f"på {d}" for i, d in enumerate(WEEKDAYS_SV[:6]) if i != wd]
                             + list(_COMING_EXTRA))
    coming = week.coming_event.coming if week.coming_event else "helgen"
    past = week.past_event.past if week.past_event else "helgen"
    lov = week.lov_coming
    staff = STAFF.get(week.city, "fastighetsägarna")
    return {
        "area": area, "in_area": in_area(area), "area2": area2, "in_area2": in_area(area2),
        "hot": week.hotspot, "in_hot": in_area(week.hotspot), "place": rng.choice(PLACES),
        "n_word": n_word, "n_word_cap": _cap(n_word),
        "when_past": when_past, "when_coming": when_coming,
        "weekday": WEEKDAYS_SV[wd], "weekday_past": rng.choice(WEEKDAYS_SV),
        "event_coming": coming, "event_coming_cap": _cap(coming),
        "event_past": past, "event_past_cap": _cap(past), "lov_name": lov.coming if lov else "lovet",
        "staff": staff, "staff_cap": _cap(staff),
        "level": week.level, "week": str(week.day.isocalendar()[1]),
    }


def _met(needs: str, week: Week) -> bool:
    if not needs:
        return True
    if needs == "lov":
        return week.lov_coming is not None
    if needs == "lov_past":
        return week.lov_past
    if needs == "event":
        return week.coming_event is not None
    if needs == "past_event":
        return week.past_event is not None
    if needs == "absent":
        return week.absences
    when, _, name = needs.partition(":")
    events = week.coming_events if when == "coming" else week.past_events
    return any(ev.coming == name for ev in events)


def _usable(bank: list[S], week: Week) -> list[str]:
    month = week.day.month
    return [s.text for s in bank if (not s.months or month in s.months) and _met(s.needs, week)]


def _fill(rng: random.Random, template: str, week: Week) -> str:
    return _cap(template.format_map(_values(rng, week)))


def _sentence_count(rng: random.Random) -> int:
    return rng.choices((1, 2, 3, 4, 5), (2, 5, 4, 2, 1))[0]


def compose(rng: random.Random, week: Week, pool: list[str], lead: list[str] = (),
            prefix: str = "", count: int | None = None) -> str:
    """1-5 sentences: the lead ones first, then from the pool without repeating, within
    MIN_NOTE..MAX_NOTE characters."""
    count = _sentence_count(rng) if count is None else count
    picked = list(lead)
    rest = [t for t in pool if t not in picked]
    rng.shuffle(rest)
    text = prefix
    used = 0
    for template in picked + rest:
        sentence = _fill(rng, template, week)
        joined = f"{text} {sentence}" if text and not text.endswith(" ") else text + sentence
        if len(joined) > MAX_NOTE:
            continue
        text, used = joined, used + 1
        if used >= count and len(text) >= MIN_NOTE:
            break
    if len(text) < MIN_NOTE:  # a very short pool: pad with a neutral sentence
        for filler in CALM["generic"] + CALM_COMING["generic"]:
            if filler not in text and len(text) + len(filler) + 1 <= MAX_NOTE:
                text = f"{text} {filler}".strip()
            if len(text) >= MIN_NOTE:
                break
    return text


def _banks(kind: str, rng: random.Random) -> str:
    blend = _BLENDS.get(kind)
    return rng.choice(blend) if blend else kind


def _theme_lead(rng: random.Random, kind: str, week: Week) -> list[str]:
    lines = THEMES.get(week.theme, {}).get(kind)
    if not lines and kind in _BLENDS:
        for k in _BLENDS[kind]:
            lines = THEMES.get(week.theme, {}).get(k)
            if lines:
                break
    if lines and rng.random() < (0.6 if week.level == "grönt" else 0.9):
        return [rng.choice(lines)]
    return []


def turn_note(rng: random.Random, kind: str, field_name: str, week: Week) -> str:
    """The note of a member's turn: past_week, coming_week or note."""
    if field_name == "coming_week":
        bank = _usable(COMING.get(_banks(kind, rng), COMING["generic"]), week)
        if rng.random() < 0.08:
            return compose(rng, week, CALM_COMING["generic"], count=1)
        return compose(rng, week, bank)
    calm_chance = 0.3 if week.theme == "lugnt" else 0.1
    if rng.random() < calm_chance:
        calm = CALM.get(kind, CALM["generic"])
        return compose(rng, week, calm, count=1)
    bank = _usable(PAST.get(_banks(kind, rng), PAST["generic"]), week)
    if field_name == "note":  # a single field: the past week and a line on the coming one
        bank = bank + _usable(COMING.get(_banks(kind, rng), COMING["generic"]), week)
    return compose(rng, week, bank, lead=_theme_lead(rng, kind, week))


def absent_in_note(rng: random.Random, kind: str, week: Week) -> str:
    """What an absent member sent in through the chair."""
    bank = _usable(PAST.get(_banks(kind, rng), PAST["generic"]), week)
    bank += _usable(COMING.get(_banks(kind, rng), COMING["generic"]), week)
    return compose(rng, week, bank, prefix=rng.choice(ABSENT_IN_PREFIX), count=rng.choice((1, 2, 2, 3)))


def pass_on_note(rng: random.Random, week: Week, other: str) -> str:
    """What the chair passes on to an absent member; `other` is a present member's short."""
    topic = rng.choice(TOPICS)
    pool = [t.replace("{other}", other).replace("{topic}", topic) for t in PASS_ON]
    return compose(rng, week, pool, count=rng.choice((1, 2)))


def orebro_point_note(rng: random.Random, number: int, week: Week,
                      speakers: list[tuple[str, str]]) -> str:
    """A point of the Örebro agenda; speakers are (short, kind) in the order they spoke."""
    if number in (1, 2):
        bank_of = PAST if number == 1 else COMING
        parts = []
        for short, kind in speakers:
            bank = _usable(bank_of.get(_banks(kind, rng), bank_of["generic"]), week)
            lead = _theme_lead(rng, kind, week) if number == 1 else []
            parts.append(compose(rng, week, bank, lead=lead, prefix=f"{short}: ",
                                 count=rng.choice((1, 1, 2))))
        text = ""
        for part in parts:
            if len(text) + len(part) + 1 > MAX_NOTE:
                break
            text = f"{text} {part}".strip()
        if number == 2 and week.coming_events and len(text) < MAX_NOTE - 120:
            ev = week.coming_events[0]
            text += f" Kommande: {ev.coming} ({WEEKDAYS_SV[ev.day.weekday()]})."
        return text
    if number == 3:
        level = _fill(rng, LEVEL_TEXT[week.level], week)
        return compose(rng, week, _usable(POINTS[3], week), prefix=level + " ",
                       count=rng.choice((1, 2, 2)))
    bank = _usable(POINTS.get(number, []), week)
    if not bank:
        return compose(rng, week, _usable(PAST["generic"] + COMING["generic"], week))
    if number in POINT_NONE and rng.random() < QUIET_CHANCE.get(week.level, 0.5):
        return POINT_NONE[number]
    return compose(rng, week, bank, count=rng.choice((1, 2, 2, 3)))


def summary_note(rng: random.Random, week: Week, pairs: list[tuple[str, str]]) -> str:
    """The wrap-up; pairs are (short, short) of present members who take a topic outside."""
    phrase = THEME_PHRASE.get(week.theme, "lugn vecka i stort")
    if week.theme == "lugnt":
        lead = "Sammanfattning: lugn vecka i stort, inga gemensamma åtgärder behövs utöver det ordinarie."
    else:
        lead = f"Sammanfattning: {phrase} {in_area(week.hotspot)} är veckans gemensamma fråga."
    if week.city == "orebro":
        lead = _fill(rng, LEVEL_TEXT[week.level], week)
    pool = _usable(SUMMARY, week)
    if pairs:
        a, b = rng.choice(pairs)
        topic = rng.choice(TOPICS)
        pool.append(f"{a} och {b} fortsätter dialogen utanför mötet om {topic}.")
    return compose(rng, week, pool, prefix=lead + " ", count=rng.choice((1, 2, 3)))
