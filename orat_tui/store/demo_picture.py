"""The demo's situational picture: for each weekly series with areas, levels that move as
unrest comes and goes (green, yellow, red, orange, green), the chair's combined level, the
warning signals rated per area and meeting, and events raised when an area turns yellow or
red and closed when it is green again. Written in one transaction per series."""

from __future__ import annotations

import random
import uuid

from sqlmodel import Session

from orat_tui.domain.levels import GRONT, GULT, ORANGE, ROTT, suggest_combined
from orat_tui.domain.template import Template
from orat_tui.store.models_picture import AreaLevelRow, CombinedLevelRow, EventRow, SignalRow

# How an area's level moves from one week to the next: (next level, weight).
MOVES = {
    GRONT: ((GRONT, 88), (GULT, 12)),
    GULT: ((GULT, 45), (ROTT, 20), (GRONT, 35)),
    ROTT: ((ROTT, 30), (ORANGE, 70)),
    ORANGE: ((ORANGE, 45), (GRONT, 55)),
}
REASONS = {
    GULT: ("Rykten om konfrontation mellan grupper i {area}.",
           "Ökad oro kvällstid kring centrum i {area}, underrättelse om planerade bränder.",
           "Stenkastning mot buss i {area}; risk att det sprider sig."),
    ROTT: ("Bilbränder två nätter i rad i {area}, stenkastning mot räddningstjänsten.",
           "Upplopp i {area}: bränder, skadegörelse och hot mot polis."),
    ORANGE: ("Efter oroligheterna i {area}: information till boende och aktörer.",),
    GRONT: ("Lugnt i {area} sedan två veckor, tillbaka i normalläge.",
            "Inga nya händelser i {area}."),
}
BASE = {GRONT: (1, 2), GULT: (2, 3), ORANGE: (2, 3), ROTT: (3, 4)}
WHO = "demo"


def _pick(rng: random.Random, level: str) -> str:
    options, weights = zip(*MOVES[level])
    return rng.choices(options, weights)[0]


def _event(rng, series_id, area, level, member, meeting_id, at) -> EventRow:
    place = area.name
    worst = "Bränder och stenkastning sprider sig till fler områden." if level == GULT else \
        "Fortsatta bränder och våld mot samhällsföreträdare under helgen."
    return EventRow(
        id=str(uuid.UUID(int=rng.getrandbits(128), version=4)), series_id=series_id,
        area_id=area.id, member_key=member,
        title=rng.choice(("Oro kring centrum", "Stenkastning mot buss", "Bilbränder",
                          "Grupper samlas kvällstid")) + f" i {place}",
        facts=f"Flera larm från {place} under veckan; ungdomar samlas kvällstid vid centrum.",
        ability="God med nuvarande resurser; förstärkning kan behövas fredag och lördag.",
        best_case="Lugnar ner sig efter helgen.", likely_case="Fortsatt oro fredag och lördag kväll.",
        worst_case=worst, consequences="Busstrafiken kan behöva ledas om; oro bland boende.",
        measures_taken="Ökad närvaro av polis och fältgrupp.",
        measures_planned="Fältgruppen och nattvandrare på plats fredag kl. 19–02.",
        affects_others=True, inform="Kollektivtrafiken, bostadsbolagets jour",
        coordination="Gemensam genomgång fredag eftermiddag.", higher_level="",
        questions="Finns det fler platser där samlingar planeras?",
        raised_meeting_id=meeting_id, raised_at=at, updated_at=at)


def fill_picture(store, template: Template, series_id: str, seed: int = 1) -> int:
    """Levels, signals and events for the series' meetings; returns how many levels were set."""
    if not template.areas:
        return 0
    meetings = store.series_meetings(series_id)
    if not meetings:
        return 0
    store.sync_areas(series_id, template.areas, meetings[0][1])
    areas = store.areas(series_id)
    rng = random.Random(f"{seed}:{template.id}:picture")
    chair = next((m.key for m in template.members if m.chair), template.members[0].key)
    level = {a.id: GRONT for a in areas}
    open_event: dict[str, EventRow] = {}
    changed = 0

    def uid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    with Session(store.engine) as s:
        for i, (mid, at, _state) in enumerate(meetings):
            # a first look should show something: the newest week has unrest somewhere
            calm = i == len(meetings) - 1 and all(v == GRONT for v in level.values())
            stirred = rng.choice(areas).id if calm else None
            for area in areas:
                new = GULT if area.id == stirred else _pick(rng, level[area.id])
                if new != level[area.id]:
                    reason = rng.choice(REASONS[new]).format(area=area.name)
                    s.add(AreaLevelRow(id=uid(), meeting_id=mid, area_id=area.id, level=new,
                                       reason=reason, who=WHO, at=at))
                    changed += 1
                    level[area.id] = new
                    if new in (GULT, ROTT) and area.id not in open_event:
                        member = rng.choice([m.key for m in template.members])
                        # merge: `orat demo --again` makes the same events (same ids) again
                        open_event[area.id] = s.merge(
                            _event(rng, series_id, area, new, member, mid, at))
                    elif new == GRONT and area.id in open_event:
                        ev = open_event.pop(area.id)
                        ev.closed_at, ev.closed_meeting_id = at, mid
                        ev.closing_note = "Lugnt igen; inga nya händelser."
                        s.add(ev)
                low, high = BASE[level[area.id]]
                for q in range(1, 21):
                    if rng.random() < 0.1:
                        continue  # not rated this week
                    value = 0 if rng.random() < 0.05 else rng.randint(low, high)
                    s.add(SignalRow(id=uid(), meeting_id=mid, area_id=area.id, question=q,
                                    value=value))
            suggestion = suggest_combined(level.values())
            s.add(CombinedLevelRow(id=uid(), meeting_id=mid, level=suggestion,
                                   suggested=suggestion, reason="", who=chair, at=at))
        s.commit()
    return changed
