"""Importing what a meeting recorded (orat_tui.store.handoff.recorded) with the guarantees of
the notes: first a plan (what the file brings, what the receiving copy has that the file has
not), then, only when nothing conflicts, the writes, in the import's own transaction.

- Areas are matched by id, else by key in the receiving series; an area the series lacks is
  created with the file's id. The receiver's names and order of its areas stay.
- The meeting's levels, combined level and prepared input carry a time or a version: the
  receiver's row wins a conflict when it is later (or the same with other content); the
  file's later row replaces it. Ratings and focus tags carry neither: the file's differing
  value is taken only when the file's copy of the meeting is newer (a higher version, or audit
  entries this database lacks); otherwise the difference is a conflict.
- Actions are matched by id and compared by their trails of changes (entry ids): an action
  whose trail here holds the file's and more was changed here since the file's copy, and
  stays as it is here (said in the result: "kept"); one whose trail in the file holds this
  one's and more becomes the file's; trails that each hold entries the other lacks are a
  conflict. Events are matched by id and compared by their time of last change: later here,
  kept; later in the file, the file's; the same time with other content, a conflict. So an
  older meeting's file imported after a newer one's brings its meeting, and leaves the
  actions and events as the newer one left them.
- A row pointing to a meeting or a citizen-promise commitment the receiving database does not
  have keeps the rest of its content and points nowhere, as after a purge (an action left
  without its commitment is named in the result); a later import fills the pointer in."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete
from sqlmodel import Session, select

from orat_tui.store.handoff.fileformat import HandoffError
from orat_tui.store.handoff.recorded import MEETING_OWNED, RECORDED
from orat_tui.store.handoff.rows import _dump, _load
from orat_tui.store.models import MeetingRow
from orat_tui.store.models_followup import ActionChangeRow, ActionRow
from orat_tui.store.models_picture import AreaRow, EventRow
from orat_tui.store.models_promises import CommitmentRow


def _at(value) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


# how a meeting's row is found on both sides, and what says which side is later (None: nothing)
_KEY = {
    "area_levels": lambda r: r["area_id"],
    "combined_levels": lambda r: "",
    "signals": lambda r: (r["area_id"], r["checklist"], r["question"]),
    "note_focus": lambda r: r["slot"],
    "prepared": lambda r: (r["member_key"], r["field"]),
}
_STAMP = {
    "area_levels": lambda r: _at(r["at"]),
    "combined_levels": lambda r: _at(r["at"]),
    "signals": None,
    "note_focus": None,
    "prepared": lambda r: (r["version"], r["taken_at"] is not None),
}
# the name of one row in the result's line
NOUNS = {"areas": "area", "area_levels": "level", "combined_levels": "level",
         "signals": "rating", "note_focus": "focus tag", "prepared": "prepared input",
         "actions": "action", "events": "event"}


@dataclass
class Plan:
    differences: list[str] = field(default_factory=list)
    new_areas: list[dict] = field(default_factory=list)
    owned: dict[str, list[dict]] = field(default_factory=dict)  # the meeting's rows to be
    owned_changed: bool = False
    actions: list[dict] = field(default_factory=list)  # added or overwritten
    changes: list[dict] = field(default_factory=list)  # action trail entries added
    events: list[dict] = field(default_factory=list)  # added or overwritten
    counts: dict[str, int] = field(default_factory=dict)  # noun -> rows added or changed
    # actions and events changed here after the file was made: they stay as they are here
    kept: list[str] = field(default_factory=list)
    # actions brought in that count towards a citizen-promise commitment this database lacks
    unlinked: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.new_areas or self.owned_changed or self.actions or self.changes
                    or self.events)

    def count(self, key: str, n: int = 1) -> None:
        if n:
            noun = NOUNS[key]
            self.counts[noun] = self.counts.get(noun, 0) + n


# pointers the file may fill in: left empty by an earlier import that lacked their target
_LINKS = {"actions": ("meeting_id", "commitment_id"),
          "events": ("raised_meeting_id", "closed_meeting_id")}


def _filled(key: str, here: dict, file: dict) -> dict:
    """The receiver's row with the pointers it lacks taken from the file's row."""
    return {**here, **{k: file[k] for k in _LINKS[key] if here[k] is None}}


def _strip(row: dict) -> dict:
    return {k: v for k, v in row.items() if k != "id"}


class _Localizer:
    """The file's rows as they are to be in this database: its series, its areas, and no
    pointer to a meeting or commitment it does not have."""

    def __init__(self, s: Session, series_id: str, meeting_id: str, areas: dict[str, str]):
        self.s, self.series_id, self.meeting_id, self.areas = s, series_id, meeting_id, areas
        self._known: dict[tuple[type, str], bool] = {}

    def _has(self, model: type, id_: str | None) -> bool:
        if id_ is None or (model is MeetingRow and id_ == self.meeting_id):
            return True
        if (model, id_) not in self._known:
            self._known[(model, id_)] = self.s.get(model, id_) is not None
        return self._known[(model, id_)]

    def __call__(self, key: str, row: dict) -> dict:
        out = dict(row)
        if "series_id" in out:
            out["series_id"] = self.series_id
        if out.get("area_id") is not None:
            out["area_id"] = self.areas[out["area_id"]]
        meeting_refs = {"actions": ("meeting_id",),
                        "events": ("raised_meeting_id", "closed_meeting_id")}.get(key, ())
        for name in meeting_refs:
            if not self._has(MeetingRow, out[name]):
                out[name] = None
        if key == "actions" and not self._has(CommitmentRow, out["commitment_id"]):
            out["commitment_id"] = None
        return out


def _match_areas(s: Session, plan: Plan, areas: list[dict], series_id: str) -> dict[str, str]:
    """file area id -> this database's area id; the areas to create go into the plan."""
    local = s.exec(select(AreaRow).where(AreaRow.series_id == series_id)).all()
    by_key = {a.key: a.id for a in local}
    out: dict[str, str] = {}
    for a in areas:
        row = s.get(AreaRow, a["id"])
        if row is not None:
            if row.series_id != series_id:
                raise HandoffError(f"the area {a['name']} in the file belongs to another series "
                                   "in this database; nothing imported")
            out[a["id"]] = row.id
        elif a["key"] in by_key:
            out[a["id"]] = by_key[a["key"]]
        else:
            plan.new_areas.append({**a, "series_id": series_id})
            out[a["id"]] = by_key[a["key"]] = a["id"]
    plan.count("areas", len(plan.new_areas))
    return out


def plan_recorded(s: Session, recorded: dict[str, list[dict]], meeting_id: str,
                  series_id: str, file_newer: bool, note_label) -> Plan:
    """What importing the recorded rows would do, and what conflicts (nothing written)."""
    plan = Plan()
    areas = _match_areas(s, plan, recorded["areas"], series_id)
    names = {a.id: a.name for a in s.exec(select(AreaRow)
                                          .where(AreaRow.series_id == series_id)).all()}
    names.update({a["id"]: a["name"] for a in plan.new_areas})
    loc = _Localizer(s, series_id, meeting_id, areas)

    def label(key: str, r: dict) -> str:
        area = names.get(r.get("area_id") or "", "")
        return {"area_levels": f"the level of {area}",
                "combined_levels": "the combined level",
                "signals": f"the rating of warning signal {r.get('question')} for {area}",
                "note_focus": f"the focus tag of note {note_label(r.get('slot', ''))}",
                "prepared": f"the prepared input of {r.get('member_key')} ({r.get('field')})",
                }[key]

    for key in MEETING_OWNED:
        model = RECORDED[key]
        rows = [loc(key, r) for r in recorded[key]]
        plan.owned[key] = rows
        local = {_KEY[key](r): _strip(r) for r in (_dump(x) for x in s.exec(
            select(model).where(model.meeting_id == meeting_id)).all())}
        mine = {_KEY[key](r): _strip(r) for r in rows}
        stamp = _STAMP[key]
        for k, lr in sorted(local.items(), key=lambda kv: str(kv[0])):
            fr = mine.get(k)
            if fr == lr:
                continue
            if fr is None:
                if stamp is None and file_newer:
                    continue
                plan.differences.append(f"{label(key, lr)} is only here")
            elif stamp is not None:
                if stamp(lr) > stamp(fr):
                    plan.differences.append(f"{label(key, lr)} was changed here after the file "
                                            "was made")
                elif stamp(lr) == stamp(fr):
                    plan.differences.append(f"{label(key, lr)} was changed both here and in "
                                            "the file")
            elif not file_newer:
                plan.differences.append(f"{label(key, lr)} differs here and in the file")
        if stamp is None and not file_newer and local:  # taken away here, or added there?
            plan.differences.extend(f"{label(key, fr)} is only in the file"
                                    for k, fr in mine.items() if k not in local)
        changed = sum(1 for k, r in mine.items() if local.get(k) != r)
        plan.count(key, changed)
        if changed or set(local) - set(mine):
            plan.owned_changed = True
    _plan_actions(s, plan, recorded, loc)
    _plan_events(s, plan, recorded, loc)
    return plan


def _plan_actions(s: Session, plan: Plan, recorded: dict, loc: _Localizer) -> None:
    trail: dict[str, list[dict]] = {}
    for c in recorded["action_changes"]:
        trail.setdefault(c["action_id"], []).append(c)
    for raw in recorded["actions"]:
        a = loc("actions", raw)
        mine = trail.get(a["id"], [])
        row = s.get(ActionRow, a["id"])
        if raw["commitment_id"] is not None and a["commitment_id"] is None and (
                row is None or row.commitment_id is None):
            plan.unlinked.append(f"“{' '.join(a['what'].split()):.40}”")
        if row is None:
            plan.actions.append(a)
            plan.changes.extend(mine)
            plan.count("actions")
            continue
        if row.series_id != loc.series_id:
            raise HandoffError(f"the action “{a['what']:.40}” in the file belongs to another "
                               "series in this database; nothing imported")
        here = _filled("actions", _dump(row), a)
        name = f"the action “{' '.join(a['what'].split()):.40}”"
        ids = set(s.exec(select(ActionChangeRow.id)
                         .where(ActionChangeRow.action_id == a["id"])).all())
        theirs = {c["id"] for c in mine}
        missing = [c for c in mine if c["id"] not in ids]
        if here == a:  # the same action (perhaps with a pointer the file fills in)
            if _dump(row) != a:
                plan.actions.append(a)
            plan.changes.extend(missing)
            plan.count("actions", int(bool(missing)))
        elif theirs <= ids and theirs != ids:  # changed here since: the file has nothing new
            plan.kept.append(f"{name} (version {here['version']} here, {a['version']} in the "
                             "file)")
            if here != _dump(row):  # but the pointers it lacked
                plan.actions.append(here)
        elif ids <= theirs and ids != theirs:  # changed in the file since: it becomes the file's
            plan.actions.append(a)
            plan.changes.extend(missing)
            plan.count("actions")
        else:
            plan.differences.append(f"{name} was changed both here and in the file")


def _plan_events(s: Session, plan: Plan, recorded: dict, loc: _Localizer) -> None:
    for raw in recorded["events"]:
        e = loc("events", raw)
        row = s.get(EventRow, e["id"])
        if row is None:
            plan.events.append(e)
            plan.count("events")
            continue
        if row.series_id != loc.series_id:
            raise HandoffError(f"the event “{e['title']:.40}” in the file belongs to another "
                               "series in this database; nothing imported")
        here = _filled("events", _dump(row), e)
        if here == e and _dump(row) == e:
            continue
        name = f"the event “{e['title']:.40}”"
        if here == e:  # only pointers filled in
            plan.events.append(e)
        elif row.updated_at > _at(e["updated_at"]):
            plan.kept.append(f"{name} (changed here after the file was made)")
            if here != _dump(row):  # but the pointers it lacked
                plan.events.append(here)
        elif row.updated_at == _at(e["updated_at"]):
            plan.differences.append(f"{name} was changed both here and in the file")
        else:
            plan.events.append(e)
            plan.count("events")


def apply_recorded(s: Session, plan: Plan, meeting_id: str) -> None:
    """Write the plan (its differences must be empty), in the caller's transaction; the
    meeting's row must exist."""
    for a in plan.new_areas:
        s.add(_load(AreaRow, a))
    s.flush()
    if plan.owned_changed:
        for key in MEETING_OWNED:
            model = RECORDED[key]
            s.exec(delete(model).where(model.meeting_id == meeting_id))
        s.flush()
        for key in MEETING_OWNED:
            for r in plan.owned[key]:
                s.add(_load(RECORDED[key], r))
        s.flush()
    for a in plan.actions:
        s.merge(_load(ActionRow, a))
    s.flush()
    for c in plan.changes:
        s.add(_load(ActionChangeRow, c))
    for e in plan.events:
        s.merge(_load(EventRow, e))
    s.flush()
