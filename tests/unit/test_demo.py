"""The demo history (store/demo.py, store/demo_text.py): a real SQLite file, every shipped
template, believable and deterministic, and nothing that looks like a personal identity number."""

from __future__ import annotations

import random
import re
import string
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from orat_tui.domain.agenda import Status
from orat_tui.domain.meeting import ENDED, Meeting
from orat_tui.domain.personnummer import find_personal_numbers
from orat_tui.domain.template import WEEKDAYS
from orat_tui.store import demo_text
from orat_tui.store.demo import (
    DemoSummary,
    build_meeting,
    generate_demo,
    meeting_days,
    shipped_templates,
)
from orat_tui.store.meetings import Store

TODAY = date(2026, 3, 10)  # a Tuesday: Bromölla meets on Tuesdays, so today's is not made
WEEKS = 8
SHIPPED = {"bromolla-lagesbild", "malmo-orat", "orebro-samordning"}  # the weekly ones
PERSONAL_NUMBER_LIKE = re.compile(r"(?<!\d)(?:\d{12}|\d{10}|\d{8}[-+]\d{4}|\d{6}[-+]\d{4})(?!\d)")
SWEDISH = set("åäöÅÄÖ")


def _open(path: Path) -> Store:
    return Store.open(f"sqlite:///{path}")


def _all_meetings(store: Store) -> list[Meeting]:
    infos = store.recent_meetings(limit=10_000)
    return [store.load(i.id) for i in infos]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> tuple[Store, DemoSummary, list[Meeting]]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store = _open(path)
    summary = generate_demo(store, weeks=WEEKS, today=TODAY, seed=1)
    yield store, summary, _all_meetings(store)
    store.close()


@pytest.fixture(scope="module")
def templates():
    """The shipped templates the demo fills: those with a weekday (the weekly forums; the
    steering group, working group and KKL templates meet a few times a term or year)."""
    return {t.id: t for t in shipped_templates() if t.weekday}


@pytest.fixture(scope="module")
def year_of_meetings(templates) -> list[Meeting]:
    """Two years of every template, built without a database (for rare events)."""
    out = []
    for t in templates.values():
        for day in meeting_days(WEEKDAYS.index(t.weekday), 104, TODAY):
            out.append(build_meeting(t, "series", day, seed=1))
    return out


# -- counts and dates --------------------------------------------------------------------------

def test_shipped_templates_only(templates):
    assert set(templates) == SHIPPED


def test_three_series_of_weeks_meetings_each(generated):
    store, summary, meetings = generated
    assert summary.meetings == len(meetings) == 3 * WEEKS
    assert summary.series == 3
    assert summary.notes == sum(len(m.notes) for m in meetings)
    per_series = {s.template_id: s.meetings for s in store.list_series()}
    assert per_series == {tid: WEEKS for tid in SHIPPED}


def test_dates_on_the_templates_weekday_and_time_none_today_or_later(generated, templates):
    _, _, meetings = generated
    by_template: dict[str, list[datetime]] = {}
    for m in meetings:
        t = templates[m.template_id]
        assert m.started_at.weekday() == WEEKDAYS.index(t.weekday), m.started_at
        assert m.started_at.time() == t.start
        assert m.started_at.date() < TODAY
        by_template.setdefault(m.template_id, []).append(m.started_at)
    for tid, starts in by_template.items():
        starts.sort()
        assert TODAY - starts[-1].date() <= timedelta(days=7), tid  # ends at the last one
        assert all(b - a == timedelta(weeks=1) for a, b in zip(starts, starts[1:])), tid
    # Bromölla meets on Tuesdays and TODAY is a Tuesday: the newest is a week ago.
    assert max(by_template["bromolla-lagesbild"]).date() == TODAY - timedelta(days=7)
    assert max(by_template["malmo-orat"]).date() == date(2026, 3, 6)
    assert max(by_template["orebro-samordning"]).date() == date(2026, 3, 5)


def test_meeting_days_excludes_today_and_counts_back():
    days = meeting_days(4, 3, date(2026, 3, 6))  # a Friday, asking for Fridays
    assert days == [date(2026, 2, 13), date(2026, 2, 20), date(2026, 2, 27)]
    assert meeting_days(4, 1, date(2026, 3, 7)) == [date(2026, 3, 6)]
    assert meeting_days(4, 0, date(2026, 3, 7)) == []


def test_all_ended_nothing_unfinished(generated):
    store, _, meetings = generated
    assert store.unfinished() is None
    for m in meetings:
        assert m.state == ENDED
        assert m.ended_at is not None and m.ended_at > m.started_at
        assert m.ended_at - m.started_at < timedelta(hours=3)
        assert m.current_index == len(m.steps) - 1


# -- steps, attendance, times ------------------------------------------------------------------

def test_step_statuses_follow_attendance(generated):
    _, _, meetings = generated
    for m in meetings:
        for s in m.steps:
            assert s.status in (Status.DONE, Status.ABSENT, Status.SKIPPED), s
            if s.kind != "turn":
                assert s.status is Status.DONE
                continue
            a = m.attendee(s.member)
            assert a is not None, s.member
            assert (s.status is Status.ABSENT) == (not a.present), (a, s.status)
            if s.status is Status.ABSENT:
                assert s.elapsed == 0
        for a in m.attendees:
            if a.kind == "member" and not a.present:
                assert any(s.member == a.key and s.status is Status.ABSENT for s in m.steps) or \
                    not any(s.member == a.key for s in m.steps)


def test_absences_overruns_and_short_turns_occur(generated):
    _, _, meetings = generated
    absent = [a for m in meetings for a in m.attendees if a.kind == "member" and not a.present]
    members = [a for m in meetings for a in m.attendees if a.kind == "member"]
    assert absent, "no absence in eight weeks"
    assert len(absent) / len(members) < 0.2
    done = [s for m in meetings for s in m.steps if s.status is Status.DONE]
    overruns = [s for s in done if s.elapsed > s.budget * 1.1]
    within = [s for s in done if s.elapsed <= s.budget]
    much_shorter = [s for s in done if s.elapsed < s.budget * 0.5]
    assert overruns and much_shorter
    assert len(within) > len(overruns) > len(much_shorter) / 3
    assert all(s.elapsed <= s.budget * 1.8 + 1 for s in done)


def test_absent_members_notes_in_member_slots(generated):
    _, _, meetings = generated
    member_slots = [(m, slot) for m in meetings for slot in m.notes if slot.startswith("member:")]
    assert any(slot.endswith(":absent_in") for _, slot in member_slots)
    for m, slot in member_slots:
        _, key, field_name = slot.split(":")
        assert field_name in ("absent_in", "pass_on")
        a = m.attendee(key)
        assert a is not None and not a.present and a.kind == "member", slot


def test_step_notes_only_in_the_steps_fields(generated):
    _, _, meetings = generated
    for m in meetings:
        slots = {f"step:{s.id}:{f}": s for s in m.steps for f in s.fields}
        for slot in m.notes:
            if slot.startswith("step:"):
                step = slots[slot]  # KeyError: a note for a field the step does not have
                assert step.status is Status.DONE


def test_orebro_points_have_speakers_adding_up(generated):
    _, _, meetings = generated
    points = 0
    for m in meetings:
        present = {a.key for a in m.attendees if a.present}
        for s in m.steps:
            if s.kind not in ("point", "picture") and not (s.kind == "follow_up" and s.number):  # point 4
                assert s.speakers == {}
                continue
            points += 1
            assert s.speakers, s
            assert set(s.speakers) <= present
            assert sum(s.speakers.values()) == s.elapsed
            assert all(v >= 1 for v in s.speakers.values())
    assert points == 7 * WEEKS


def test_quorum_kept_chair_never_skipped_some_turns_skipped(year_of_meetings):
    skipped = 0
    for m in year_of_meetings:
        members = [a for a in m.attendees if a.kind == "member"]
        away = [a for a in members if not a.present]
        assert len(away) <= max(1, len(members) // 4), (m.template_id, m.started_at)
        chair = next(a.key for a in members if a.chair)
        for s in m.steps:
            if s.status is Status.SKIPPED:
                skipped += 1
                assert s.member != chair and s.kind == "turn"
                assert f"step:{s.id}:past_week" not in m.notes
    assert 0 < skipped < len(year_of_meetings) / 2


def test_monthly_guests_only_in_the_first_meeting_of_a_month(year_of_meetings):
    came = 0
    for m in year_of_meetings:
        wrap = next(i for i, s in enumerate(m.steps) if s.kind == "wrap_up")
        for a in m.attendees:
            if a.kind != "guest":
                continue
            turns = [i for i, s in enumerate(m.steps) if s.member == a.key]
            if a.present:
                came += 1
                assert m.started_at.day <= 7
                assert turns == [wrap - 1] or (len(turns) == 1 and turns[0] < wrap)
                assert m.steps[turns[0]].budget == 120
            else:
                assert turns == []
    assert came > 0


# -- text --------------------------------------------------------------------------------------

def _texts(meetings: list[Meeting]) -> list[str]:
    return [t for m in meetings for t in m.notes.values()]


def test_notes_have_realistic_length_and_swedish_letters(generated):
    _, _, meetings = generated
    texts = _texts(meetings)
    assert texts
    short = [t for t in texts if t in demo_text.NOTHING]
    assert len(short) / len(texts) < 0.15
    for t in texts:
        if t not in demo_text.NOTHING:
            assert demo_text.MIN_NOTE <= len(t) <= demo_text.MAX_NOTE, t
        assert "{" not in t and "}" not in t, t
        assert t == t.strip() and "  " not in t, repr(t)
        assert t[0].isupper(), t
    swedish = [t for t in texts if SWEDISH & set(t)]
    assert len(swedish) / len(texts) > 0.8
    assert len(set(texts)) / len(texts) > 0.6  # not the same few sentences over and over


def test_notes_name_the_templates_areas(generated):
    _, _, meetings = generated
    for m in meetings:
        city = demo_text.city_of(m.template_id)
        body = " ".join(m.notes.values())
        assert any(area in body for area in demo_text.AREAS[city]), m.template_id
        others = {a for c, areas in demo_text.AREAS.items() if c != city for a in areas}
        others -= set(demo_text.AREAS[city])
        assert not any(re.search(rf"\b{a}\b", body) for a in others), (m.template_id, body)


def test_no_personal_number_or_phone_like_digits(year_of_meetings):
    texts = _texts(year_of_meetings)
    texts += [a.substitute for m in year_of_meetings for a in m.attendees]
    texts += [a.name for m in year_of_meetings for a in m.attendees]
    for t in texts:
        assert not PERSONAL_NUMBER_LIKE.search(t), t
        assert not find_personal_numbers(t), t
        assert max((len(d) for d in re.findall(r"\d+", t)), default=0) <= 4, t


def test_two_years_of_text_stay_in_bounds(year_of_meetings):
    """Every season and calendar event: lengths, no stray placeholders."""
    for t in _texts(year_of_meetings):
        assert "{" not in t, t
        if t not in demo_text.NOTHING:
            assert demo_text.MIN_NOTE <= len(t) <= demo_text.MAX_NOTE, t
    body = " ".join(_texts(year_of_meetings))
    for event in ("Valborg", "höstlovet", "nyårs", "sportlovet", "midsommarhelgen"):
        assert event in body, event
    levels = Counter(level for level in ("grönt", "gult", "rött", "orange")
                     for t in _texts(year_of_meetings) if f"{level} läge" in t)
    assert levels["grönt"] > levels["gult"] > 0


def test_every_sentence_of_every_bank_fills():
    week = demo_text.make_week(TODAY, "malmo", random.Random(0), 0)
    values = demo_text._values(random.Random(0), week)
    values.update(other="Polisen", topic="läget")
    banks = [*demo_text.PAST.values(), *demo_text.COMING.values(), *demo_text.POINTS.values(),
             demo_text.SUMMARY]
    sentences = [s.text for bank in banks for s in bank]
    sentences += [t for kinds in demo_text.THEMES.values() for lines in kinds.values() for t in lines]
    sentences += list(demo_text.LEVEL_TEXT.values()) + demo_text.PASS_ON + list(demo_text.TOPICS)
    for text in sentences:
        names = {f for _, f, _, _ in string.Formatter().parse(text) if f}
        assert names <= set(values), (text, names - set(values))
        filled = text.format_map(values)
        assert "{" not in filled and len(filled) < 300, text


# -- determinism and the database --------------------------------------------------------------

def test_same_seed_same_history_other_seed_other_notes(tmp_path):
    def notes(path: Path, seed: int) -> list[tuple]:
        store = _open(path)
        try:
            generate_demo(store, weeks=2, today=TODAY, seed=seed)
            return sorted((m.template_id, m.started_at, m.id, slot, text)
                          for m in _all_meetings(store) for slot, text in m.notes.items())
        finally:
            store.close()

    a = notes(tmp_path / "a.db", 7)
    b = notes(tmp_path / "b.db", 7)
    c = notes(tmp_path / "c.db", 8)
    assert a == b
    assert [r[4] for r in a] != [r[4] for r in c]


def test_reload_round_trips(generated, templates):
    store, _, meetings = generated
    series = {s.template_id: s.id for s in store.list_series()}
    for loaded in meetings:
        built = build_meeting(templates[loaded.template_id], series[loaded.template_id],
                              loaded.started_at.date(), seed=1)
        assert loaded == built
        assert store.note_texts(loaded.id) == built.notes


def test_generating_again_overwrites_instead_of_adding(tmp_path):
    store = _open(tmp_path / "demo.db")
    try:
        first = generate_demo(store, weeks=2, today=TODAY)
        again = generate_demo(store, weeks=3, today=TODAY)
        assert (first.meetings, again.meetings) == (6, 9)
        assert len(store.recent_meetings(limit=100)) == 9  # the last two weeks were the same
    finally:
        store.close()


def test_zero_weeks_touches_nothing_and_negative_refused(tmp_path):
    store = _open(tmp_path / "demo.db")
    try:
        assert generate_demo(store, weeks=0, today=TODAY) == DemoSummary(0, 0, 0)
        assert store.list_series() == []
        with pytest.raises(ValueError):
            generate_demo(store, weeks=-1, today=TODAY)
    finally:
        store.close()


def test_actions_agreed_and_followed_up_the_newest_open(generated):
    """A first look finds the follow-up filled: actions agreed at the meetings, followed up at
    later ones (finished, continued or dropped, in their trail), those of the last meeting open."""
    from orat_tui.store.actions import action_history, all_actions

    store, _summary, meetings = generated
    by_id = {m.id: m for m in meetings}
    for series in {m.series_id for m in meetings}:
        actions = all_actions(store, series)
        assert len(actions) >= 3
        assert {a.status for a in actions} >= {"done", "planned"}
        newest = max((m for m in meetings if m.series_id == series), key=lambda m: m.started_at)
        assert [a for a in actions if a.meeting_id == newest.id and a.open]
        for a in actions:
            made_in = by_id[a.meeting_id]
            assert a.responsible in {x.key for x in made_in.attendees if x.present}
            trail = action_history(store, a.id)
            assert trail[0].field == "created" and trail[0].meeting_id == a.meeting_id
            for change in trail[1:]:  # followed up in a later meeting of the same series
                later = by_id[change.meeting_id]
                assert later.series_id == series and later.started_at > made_in.started_at
            if not a.open:
                assert a.closed_on is not None and (a.result or a.evaluation)


def test_again_makes_no_second_set_of_actions(tmp_path):
    from orat_tui.store.actions import all_actions

    store = _open(tmp_path / "demo.db")
    try:
        generate_demo(store, weeks=3, today=TODAY)
        first = sorted(a.id for a in all_actions(store))
        generate_demo(store, weeks=3, today=TODAY)
        assert sorted(a.id for a in all_actions(store)) == first
    finally:
        store.close()
