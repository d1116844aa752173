"""The minutes as JSON, for scripts: everything, with ids, under keys that stay the same.

    {"schema": "orat.minutes/1", "language", "include_internal",
     "meeting":    {id, series_id, template_id, title, state, started_at, ended_at, planned_end,
                    warning_share, substitutes_allowed},
     "approval":   {approved, approved_at, approved_by, content_hash, hash_matches},
     "attendees":  [{id, key, name, short, kind, role, chair, present, substitute}],
     "steps":      [{id, position, kind, member, title, number, label, status, budget_seconds,
                     elapsed_seconds, overtime_seconds, speakers: [{member, name, seconds}]}],
     "notes":      [{slot, step_id, member, field, label, text, internal}],
     "items":      [{step_id, kind, text, internal}],
     "actions":    {"new": [ACTION], "followed_up": [ACTION + {outcome}]},
     "picture":    {"combined": {level, confirmed, suggested, reason} | null,
                    "areas": [{area, key, level, before, set_here, changed, reason}],
                    "events": [{id, title, area, member, facts, measures_planned, focus_area,
                                internal, raised_here, closed_here, closing_note}]}}

    ACTION = {id, what, responsible, responsible_name, with_member, with_name, due, status,
              area, focus_area, goal, goal_target, result, result_value, evaluation}

Times are ISO 8601 (local time, as the meeting was held, to the second); durations are
seconds. `notes` holds every note in the order of the minutes, internal ones (internal: true)
only when exported with include_internal; `step_id` or `member` says where a note belongs.
`label` texts are in the export's language; everything else does not depend on it.
`items` are the decisions, needs for a decision or reinforcement, coordination needs and who
must be informed (kind: decision, need, coordination, inform), one per line of those notes.
`actions` are those made in the meeting and those followed up in it (outcome: finished,
continued, dropped, changed), each as it stood when the meeting ended; `picture` holds the
levels when one was set in the meeting (`area` and `focus_area` are names, dates ISO), and the
events raised or closed in it, internal ones only with include_internal. Both are empty when
the minutes were made without the store's record of them."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime

from orat_tui.domain.approval import hash_matches
from orat_tui.domain.meeting import APPROVED, Meeting
from orat_tui.domain.steps import ITEM_FIELDS
from orat_tui.export import Minutes, NoteOut, minutes
from orat_tui.i18n import language
from orat_tui.labels import step_label

SCHEMA = "orat.minutes/1"


def _iso(d: datetime | None) -> str | None:
    return None if d is None else d.isoformat(timespec="seconds")


def _seconds(x: float) -> float | int:
    """Whole seconds as an int, else rounded to milliseconds (stable across platforms)."""
    r = round(float(x), 3)
    return int(r) if r == int(r) else r


def _note(n: NoteOut) -> dict:
    step_id = member = None
    kind, _sep, rest = n.slot.partition(":")
    owner = rest.rsplit(":", 1)[0] if ":" in rest else rest
    if kind == "step":
        step_id = owner
    elif kind == "member":
        member = owner
    return {"slot": n.slot, "step_id": step_id, "member": member, "field": n.field,
            "label": n.label, "text": n.text, "internal": n.internal}


def _action(a) -> dict:
    out = asdict(a)
    out["due"] = a.due.isoformat() if isinstance(a.due, date) else None
    return out


def _actions(doc: Minutes) -> dict:
    r = doc.record
    if r is None:
        return {"new": [], "followed_up": []}
    return {"new": [_action(a) for a in r.new_actions],
            "followed_up": [{**_action(f.action), "outcome": f.outcome} for f in r.followed_up]}


def _picture(doc: Minutes) -> dict:
    r = doc.record
    if r is None:
        return {"combined": None, "areas": [], "events": []}
    return {"combined": asdict(r.combined) if r.combined else None,
            "areas": [{**asdict(a), "changed": a.changed} for a in r.levels],
            "events": [asdict(e) for e in r.shared_events(doc.include_internal)]}


def data(doc: Minutes) -> dict:
    m = doc.meeting
    return {
        "schema": SCHEMA,
        "language": language(),
        "include_internal": doc.include_internal,
        "meeting": {
            "id": m.id,
            "series_id": m.series_id,
            "template_id": m.template_id,
            "title": m.title,
            "state": m.state,
            "started_at": _iso(m.started_at),
            "ended_at": _iso(m.ended_at),
            "planned_end": _iso(m.planned_end),
            "warning_share": m.warning_share,
            "substitutes_allowed": m.substitutes_allowed,
        },
        "approval": {
            "approved": m.state == APPROVED,
            "approved_at": _iso(m.approved_at),
            "approved_by": m.approved_by,
            "content_hash": m.content_hash,
            "hash_matches": hash_matches(m) if m.content_hash else None,
        },
        "attendees": [
            {"id": a.id, "key": a.key, "name": a.name, "short": a.short, "kind": a.kind,
             "role": a.role, "chair": a.chair, "present": a.present, "substitute": a.substitute}
            for a in m.attendees
        ],
        "steps": [
            {"id": s.id, "position": i, "kind": s.kind, "member": s.member or None,
             "title": s.title, "number": s.number, "label": step_label(m, s, short=False),
             "status": s.status.value, "budget_seconds": _seconds(s.budget),
             "elapsed_seconds": _seconds(s.elapsed),
             "overtime_seconds": _seconds(max(0.0, s.elapsed - s.budget)),
             "speakers": [{"member": k, "name": m.name_of(k), "seconds": _seconds(v)}
                          for k, v in s.speakers.items()]}
            for i, s in enumerate(m.steps)
        ],
        "notes": [_note(n) for n in doc.notes()],
        "items": [{"step_id": _note(n)["step_id"], "kind": n.field, "text": line.strip(),
                   "internal": n.internal}
                  for n in doc.notes() if n.field in ITEM_FIELDS
                  for line in n.text.splitlines() if line.strip()],
        "actions": _actions(doc),
        "picture": _picture(doc),
    }


def render(m: Meeting, include_internal: bool = False, record=None) -> str:
    doc = minutes(m, include_internal=include_internal, record=record)
    return json.dumps(data(doc), ensure_ascii=False, indent=2) + "\n"
