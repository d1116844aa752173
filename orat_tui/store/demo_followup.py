"""The follow-up of the long demo history (`orat demo --years`): actions (åtgärder) agreed in
the district forums' meetings, each followed up at the meetings after it (done, continued,
dropped, the newest still open) with its trail; decisions, needs, coordination and who must be
informed noted beside the steps (the item fields); the follow-up step's note; focus areas on
some notes. Group and area level only, as everywhere in the demo.

Like the picture (store/demo_history_picture.py), rows are gathered as the meetings are built and
written with their batch; the actions, which live across meetings, at the end."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta

from orat_tui.domain.meeting import Meeting, note_slot
from orat_tui.store.demo_text.week import Week

_IDS = uuid.UUID("7c9e6679-7425-40de-944b-e07fc1f90ae7")
ACTION_CHANCE = 0.45  # an action agreed at a district meeting
WHAT = (
    ("Trygghetsvandring {in_area} med polis, fältgrupp och fastighetsägare", "offentliga-rummet"),
    ("Förstärkt fältarbete kvällstid {in_area} under {weeks} veckor", "unga"),
    ("Se över belysningen vid {place} {in_area}", "offentliga-rummet"),
    ("Extra öppethållande på fritidsgården {in_area} fredagar", "unga"),
    ("Gemensam information till boende {in_area} om läget", "offentliga-rummet"),
    ("Kartlägga försäljningsplatser för narkotika {in_area}", "droger"),
    ("Stöd till drabbade butiksägare {in_area}", "brottsoffer"),
    ("Samordna insatser mot grupperingar {in_area}", "organiserad"),
)
PLACES = ("torget", "busshållplatsen", "gångtunneln", "skolgården", "idrottsplatsen", "parken")
RESULTS = ("Genomfört; färre larm om skadegörelse efteråt.", "Genomfört enligt plan.",
           "Genomfört; boende upplever området som lugnare.", "Klart, följs upp i årsuppföljningen.")
DECISIONS = ("Beslut: polisen och fältgruppen samordnar helgens insatser {in_hot}.",
             "Beslut: frågan om belysningen {in_hot} lyfts till styrgruppen.",
             "Beslut: nästa trygghetsvandring genomförs {in_hot} inom två veckor.")
FOCUS_WORDS = (("narkotika", "droger"), ("unga", "unga"), ("brand", "offentliga-rummet"),
               ("nätverk", "organiserad"), ("utsatt", "brottsoffer"))


def _id(*parts: object) -> str:
    return str(uuid.uuid5(_IDS, "|".join(str(p) for p in parts)))


def _in(area: str) -> str:
    from orat_tui.store.demo_text.places import in_area

    return in_area(area)


class FollowUp:
    """Actions, items and focus tags of the district forums."""

    def __init__(self, areas_of: dict[str, dict[str, str]]) -> None:
        self.areas_of = areas_of  # series id -> area name -> area id
        self.open: dict[str, list[dict]] = {}  # series id -> its open actions
        self.actions: list[dict] = []
        self.changes: list[dict] = []
        self.focus: dict[str, list[dict]] = {}  # meeting id -> note_focus rows
        self.seq: dict[str, int] = {}  # action id -> entries in its trail

    def add(self, meeting: Meeting, week: Week) -> None:
        areas = self.areas_of.get(meeting.series_id)
        if areas is None:
            return
        rng = random.Random(f"{meeting.id}|follow-up")
        day = meeting.started_at.date()
        chair = next((a for a in meeting.attendees if a.chair), None)
        who = chair.short if chair else ""
        present = [a for a in meeting.attendees if a.present and a.kind == "member"]
        done, going = self._follow_up(meeting, day, who, rng)
        step = next((s for s in meeting.steps if s.kind == "follow_up"), None)
        if step is not None and step.fields:
            text = (f"Genomgång av öppna åtgärder: {done} {'klar' if done == 1 else 'klara'}, "
                    f"{going} fortsätter."
                    if done or going else "Inga öppna åtgärder att följa upp.")
            meeting.notes[note_slot(step, step.fields[0])] = text
        if present and rng.random() < ACTION_CHANCE:
            self._new_action(meeting, week, areas, present, who, rng)
        wrap = next((s for s in meeting.steps if s.kind == "wrap_up"), None)
        if wrap is not None and week.level != "grönt" and rng.random() < 0.6:
            meeting.notes[note_slot(wrap, "decision")] = rng.choice(DECISIONS).format(
                in_hot=_in(week.hotspot))
        for s in meeting.steps:  # Örebro points 5-7: needs, coordination, who is told
            if s.kind == "point" and s.number in (5, 6, 7) and rng.random() < 0.3:
                field, text = {5: ("need", "Behov av förstärkt fältarbete under helgen."),
                               6: ("coordination", "Daglig avstämning polis och kommun."),
                               7: ("inform", "Skolorna och fastighetsägarna informeras.")}[s.number]
                meeting.notes[note_slot(s, field)] = text
        rows = []
        for slot, text in meeting.notes.items():
            low = text.lower()
            tag = next((key for word, key in FOCUS_WORDS if word in low), None)
            if tag and rng.random() < 0.25:
                rows.append({"id": _id(meeting.id, "focus", slot), "meeting_id": meeting.id,
                             "slot": slot, "focus_area": tag})
        self.focus[meeting.id] = rows

    def _follow_up(self, meeting: Meeting, day: date, who: str, rng: random.Random) -> tuple[int, int]:
        done = going = 0
        still = []
        at = meeting.started_at
        for a in self.open.get(meeting.series_id, []):
            if a["due"] > day:
                still.append(a)
                continue
            r = rng.random()
            if r < 0.7:
                self._change(a, at, who, meeting.id, "status", a["status"], "done")
                a.update(status="done", closed_on=day, result=rng.choice(RESULTS), updated_at=at)
                done += 1
            elif r < 0.85:
                due = day + timedelta(weeks=rng.randint(1, 3))
                self._change(a, at, who, meeting.id, "due", a["due"].isoformat(), due.isoformat())
                if a["status"] == "planned":
                    self._change(a, at, who, meeting.id, "status", "planned", "ongoing")
                a.update(due=due, status="ongoing", updated_at=at)
                still.append(a)
                going += 1
            else:
                self._change(a, at, who, meeting.id, "status", a["status"], "dropped")
                a.update(status="dropped", closed_on=day, evaluation="Inaktuellt.", updated_at=at)
        self.open[meeting.series_id] = still
        return done, going

    def _new_action(self, meeting: Meeting, week: Week, areas: dict[str, str], present: list,
                    who: str, rng: random.Random) -> None:
        what, focus = rng.choice(WHAT)
        area = week.hotspot if week.hotspot in areas else rng.choice(list(areas))
        responsible = rng.choice(present)
        partner = rng.choice([a for a in present if a is not responsible] or [responsible])
        at = meeting.started_at
        action = {
            "id": _id(meeting.id, "action"), "series_id": meeting.series_id,
            "meeting_id": meeting.id, "step_id": "",
            "what": what.format(in_area=_in(area), weeks=rng.choice(("två", "tre", "fyra")),
                                place=rng.choice(PLACES)),
            "responsible": responsible.key, "responsible_name": responsible.short,
            "with_member": partner.key if partner is not responsible else "",
            "with_name": partner.short if partner is not responsible else "",
            "due": at.date() + timedelta(days=rng.choice((7, 14, 14, 21, 28))),
            "status": "planned", "area_id": areas[area], "focus_area": focus,
            "goal": "", "goal_target": None, "result": "", "result_value": None,
            "evaluation": "", "created_at": at, "created_by": who, "updated_at": at,
            "closed_on": None, "version": 1,
        }
        self.actions.append(action)
        self.open.setdefault(meeting.series_id, []).append(action)
        self._change(action, at, who, meeting.id, "created", "", action["what"])

    def _change(self, action: dict, at: datetime, who: str, meeting_id: str, field: str,
                before: str, after: str) -> None:
        seq = self.seq.get(action["id"], 0)
        self.seq[action["id"]] = seq + 1
        self.changes.append({"id": _id(action["id"], "change", field, at.isoformat(), seq),
                             "action_id": action["id"], "seq": seq, "at": at, "who": who,
                             "meeting_id": meeting_id, "field": field, "before": before,
                             "after": after})

    def write_batch(self, conn, meetings: list[Meeting]) -> None:
        from sqlalchemy import insert

        from orat_tui.store.models_followup import NoteFocusRow

        rows = [r for m in meetings for r in self.focus.pop(m.id, [])]
        if rows:
            conn.execute(insert(NoteFocusRow.__table__), rows)

    def write_actions(self, conn) -> None:
        from sqlalchemy import delete, insert

        from orat_tui.store.models_followup import ActionChangeRow, ActionRow

        if not self.actions:
            return
        table = ActionRow.__table__
        ids = [a["id"] for a in self.actions]
        for i in range(0, len(ids), 500):
            conn.execute(delete(table).where(table.c.id.in_(ids[i:i + 500])))
        conn.execute(insert(table), self.actions)
        conn.execute(insert(ActionChangeRow.__table__), self.changes)
