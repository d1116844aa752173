"""The situational picture of the long demo history (`orat demo --years`; the weeks' demo
has its own, store/demo_picture.py): each district forum's areas, the level of its hotspot as the weeks' notes describe it (a change is recorded
in the meeting it happens in), the combined level the chair confirms at every meeting, the
twenty warning signals rated for the hotspot while it is not green, and an event raised when
a hotspot leaves green and closed when it is back.

Rows are gathered as the meetings are built and written with them, in the same transaction
(store/demo_bulk.py's after_batch); the events, which live across meetings, at the end."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from orat_tui.domain.levels import GRONT, suggest_combined
from orat_tui.domain.meeting import Meeting
from orat_tui.store.demo_text.themes import THEME_PHRASE
from orat_tui.store.demo_text.week import Week

LEVEL_KEYS = {"grönt": "gront", "gult": "gult", "orange": "orange", "rött": "rott"}
_IDS = uuid.UUID("2b7e151a-2c1d-4f3b-8a6e-0d9c4e5f6a7b")  # namespace of the picture's ids
REASONS = {
    "gult": "Uppgifter om oro {where}: {phrase}. Förbered för rött.",
    "rott": "Kollektivt våld {where}: bränder och stenkastning mot blåljuspersonal.",
    "orange": "Efter oroligheterna {where}: informera boende och aktörer, behåll organisationen.",
    "gront": "Tillbaka till normalläge {where}; långsiktigt förebyggande arbete.",
}
# Signals that rise first when a hotspot is yellow, and all of them when red (Bilaga 3).
EARLY = (9, 10, 12, 13, 18, 19)


def _id(*parts: object) -> str:
    return str(uuid.uuid5(_IDS, "|".join(str(p) for p in parts)))


@dataclass
class SeriesPicture:
    series_id: str
    areas: dict[str, str]  # name -> area id
    levels: dict[str, str] = field(default_factory=dict)  # area id -> level now
    open_event: dict | None = None


class Picture:
    """Rows of the picture, per meeting, for the district forums."""

    def __init__(self) -> None:
        self.series: dict[str, SeriesPicture] = {}
        self.area_rows: list[dict] = []
        self.by_meeting: dict[str, dict[str, list[dict]]] = {}
        self.events: list[dict] = []

    def add_series(self, series_id: str, areas: tuple[str, ...], created: datetime) -> None:
        ids = {}
        for i, name in enumerate(areas):
            ids[name] = _id(series_id, "area", name)
            key = "".join(c if c.isalnum() else "-" for c in name.lower())
            self.area_rows.append({"id": ids[name], "series_id": series_id, "key": key,
                                   "name": name, "kind": "stadsdel", "position": i,
                                   "retired": False, "created_at": created})
        self.series[series_id] = SeriesPicture(series_id, ids, {a: GRONT for a in ids.values()})

    def add(self, meeting: Meeting, week: Week) -> None:
        sp = self.series.get(meeting.series_id)
        if sp is None:
            return
        rows: dict[str, list[dict]] = {"area_level": [], "combined_level": [], "signal_rating": []}
        at = meeting.started_at
        chair = next((a.short for a in meeting.attendees if a.chair), "")
        hot = sp.areas.get(week.hotspot)
        level = LEVEL_KEYS.get(week.level, GRONT)
        wanted = {a: (level if a == hot else GRONT) for a in sp.areas.values()}
        names = {v: k for k, v in sp.areas.items()}
        for area_id, new in wanted.items():
            if sp.levels.get(area_id, GRONT) != new:
                where = f"i {names[area_id]}"
                reason = REASONS[new].format(where=where,
                                             phrase=THEME_PHRASE.get(week.theme, "oro"))
                rows["area_level"].append({
                    "id": _id(meeting.id, "level", area_id), "meeting_id": meeting.id,
                    "area_id": area_id, "level": new, "reason": reason, "who": chair, "at": at})
                sp.levels[area_id] = new
        combined = suggest_combined(sp.levels.values())
        rows["combined_level"].append({
            "id": _id(meeting.id, "combined"), "meeting_id": meeting.id, "level": combined,
            "suggested": combined, "reason": "", "who": chair, "at": at})
        if hot is not None and level != GRONT:
            rng = random.Random(f"{meeting.id}|signals")
            high = 4 if level == "rott" else 3
            for q in range(1, 21):
                top = high if q in EARLY or level == "rott" else 2
                value = rng.randint(1, top) if rng.random() > 0.05 else 0  # 0: vet ej
                rows["signal_rating"].append({
                    "id": _id(meeting.id, "signal", hot, q), "meeting_id": meeting.id,
                    "area_id": hot, "checklist": "social-oro", "question": q, "value": value})
        self._events(sp, meeting, week, hot, level)
        self.by_meeting[meeting.id] = rows

    def _events(self, sp: SeriesPicture, meeting: Meeting, week: Week, hot: str | None,
                level: str) -> None:
        ev = sp.open_event
        if ev is not None and (level == GRONT or ev["area_id"] != hot):
            ev.update(closed_meeting_id=meeting.id, closed_at=meeting.started_at,
                      closing_note="Läget är tillbaka på grönt.", updated_at=meeting.started_at)
            sp.open_event = None
        if sp.open_event is None and hot is not None and level != GRONT:
            name = week.hotspot
            phrase = THEME_PHRASE.get(week.theme, "oro bland unga")
            police = next((a.key for a in meeting.attendees if "polis" in a.key), "")
            ev = {
                "id": _id(meeting.id, "event"), "series_id": sp.series_id, "area_id": hot,
                "member_key": police, "title": f"Oro i {name}",
                "facts": f"{phrase[:1].upper()}{phrase[1:]} i {name} under veckan.",
                "ability": "Förmågan att hantera läget bedöms som god med nuvarande resurser.",
                "best_case": "Läget lugnar sig inom en vecka.",
                "likely_case": "Fortsatt oro under helgen, därefter lugnare.",
                "worst_case": "Anlagda bränder och stenkastning sprids till fler områden.",
                "consequences": "Blåljuspersonal kan behöva eskort; kvällsverksamhet påverkas.",
                "measures_taken": f"Fältgruppen och polisen har ökat närvaron i {name}.",
                "measures_planned": "Trygghetsvandring och extra öppethållande på fritidsgården.",
                "affects_others": True, "inform": "Skolorna och fastighetsägarna i området.",
                "coordination": "Daglig avstämning polis, fältgrupp och räddningstjänst.",
                "higher_level": "", "questions": "", "internal": False,
                "raised_meeting_id": meeting.id, "closed_meeting_id": None,
                "raised_at": meeting.started_at, "closed_at": None, "closing_note": "",
                "updated_at": meeting.started_at,
            }
            self.events.append(ev)
            sp.open_event = ev

    def write_areas(self, conn) -> None:
        from sqlalchemy import insert, select

        from orat_tui.store.models_picture import AreaRow

        table = AreaRow.__table__
        have = {r[0] for r in conn.execute(select(table.c.id))}
        rows = [r for r in self.area_rows if r["id"] not in have]
        if rows:
            conn.execute(insert(table), rows)

    def write_batch(self, conn, meetings: list[Meeting]) -> None:
        """The picture's rows of these meetings (after_batch of write_meetings)."""
        from sqlalchemy import insert

        from orat_tui.store.models_picture import AreaLevelRow, CombinedLevelRow, SignalRow

        tables = {"area_level": AreaLevelRow.__table__, "combined_level": CombinedLevelRow.__table__,
                  "signal_rating": SignalRow.__table__}
        mine = [self.by_meeting.pop(m.id, {}) for m in meetings]
        for name, table in tables.items():
            rows = [r for rows_of in mine for r in rows_of.get(name, [])]
            if rows:
                conn.execute(insert(table), rows)

    def write_events(self, conn) -> None:
        from sqlalchemy import delete, insert

        from orat_tui.store.models_picture import EventRow

        if self.events:
            table = EventRow.__table__
            conn.execute(delete(table).where(table.c.id.in_([e["id"] for e in self.events])))
            conn.execute(insert(table), self.events)
