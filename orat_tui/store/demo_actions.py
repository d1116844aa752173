"""Actions (åtgärder) of the weekly demo (`orat demo --weeks`): some agreed at each series'
meetings and followed up at the meetings after them as a chair does it in the follow-up step
(finished with a result, continued with a new date, dropped with a reason), the newest still
open. A first look then finds the follow-up step, the actions list (`a` on the home screen) and
the minutes' "Åtgärder" filled.

Written through the store's own action functions, so each action has the trail a real meeting
leaves. A series that has actions already (`orat demo --again`) gets none more. The ten-year history has its own, bulk-written follow-up
(demo_followup.py), from which the texts come."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

from orat_tui.domain.actions import Action, carry_on, drop, finish
from orat_tui.domain.template import Template
from orat_tui.store.actions import add_action, series_actions, update_action
from orat_tui.store.demo_followup import PLACES, RESULTS, WHAT
from orat_tui.store.demo_text.places import in_area

_IDS = uuid.UUID("0b6a3d0e-5f1e-4c9a-9d0a-6f1d2b7c8e41")
NEW_ACTION = 0.6  # an action agreed at a meeting (the last two meetings always agree one)
FINISHED, CONTINUED = 0.65, 0.85  # of the actions due: the rest are dropped


def fill_actions(store, template: Template, series_id: str, seed: int = 1) -> int:
    """Actions for the series' meetings, oldest first; returns how many were made."""
    meetings = store.series_meetings(series_id)
    if not meetings or series_actions(store, series_id):
        return 0  # nothing to follow, or the demo filled it before (`--again`): not twice
    rng = random.Random(f"{seed}:{template.id}:actions")
    areas = store.areas(series_id)
    open_actions: list[Action] = []
    made = 0
    for i, (meeting_id, at, _state) in enumerate(meetings):
        meeting = store.load(meeting_id)
        chair = next((a for a in meeting.attendees if a.chair), None)
        who = chair.short if chair else ""
        day = at.date()
        still = []
        for action in open_actions:
            if action.due is None or action.due > day:
                still.append(action)
                continue
            r = rng.random()
            if r < FINISHED:
                changed = finish(action, rng.choice(RESULTS), day)
            elif r < CONTINUED:
                changed = carry_on(action, day + timedelta(weeks=rng.randint(1, 3)))
            else:
                changed = drop(action, "Inaktuellt: läget har ändrats.", day)
            changed = update_action(store, changed, who, at, meeting_id=meeting_id)
            if changed.open:
                still.append(changed)
        open_actions = still
        present = [a for a in meeting.attendees if a.present and a.kind == "member"]
        if not present or (i < len(meetings) - 2 and rng.random() >= NEW_ACTION):
            continue
        what, focus = rng.choice(WHAT)
        area = rng.choice(areas) if areas else None
        responsible = rng.choice(present)
        partners = [a for a in present if a is not responsible]
        partner = rng.choice(partners) if partners and rng.random() < 0.5 else None
        turn = next((s for s in meeting.steps if s.member == responsible.key), None)
        action = Action(
            series_id=series_id, id=str(uuid.uuid5(_IDS, f"{meeting_id}|action")),
            meeting_id=meeting_id,
            step_id=turn.id if turn else "",
            what=what.format(in_area=in_area(area.name) if area else "i kommunen",
                             weeks=rng.choice(("två", "tre", "fyra")), place=rng.choice(PLACES)),
            responsible=responsible.key, responsible_name=responsible.short,
            with_member=partner.key if partner else "", with_name=partner.short if partner else "",
            due=day + timedelta(days=rng.choice((7, 14, 14, 21))),
            area_id=area.id if area else None, focus_area=focus)
        open_actions.append(add_action(store, action, who, at))
        made += 1
    return made
