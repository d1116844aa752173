"""Approving (justera) a meeting: the content the approval covers, and its hash.

The hash covers exactly the meeting's own content: its notes (and which are internal), its
attendance, its steps with their times. Things that live on across meetings are not part of
it, so they can change later without touching an approved meeting."""

from __future__ import annotations

import hashlib
import json

from orat_tui.domain.meeting import Meeting


def approval_content(m: Meeting) -> dict:
    return {
        "id": m.id,
        "title": m.title,
        "started_at": m.started_at.isoformat(),
        "ended_at": m.ended_at.isoformat() if m.ended_at else None,
        "attendees": [
            {"key": a.key, "name": a.name, "kind": a.kind, "role": a.role, "chair": a.chair,
             "present": a.present, "substitute": a.substitute}
            for a in m.attendees
        ],
        "steps": [
            {"id": s.id, "kind": s.kind, "member": s.member, "title": s.title,
             "number": s.number, "budget": round(s.budget, 3), "elapsed": round(s.elapsed, 3),
             "status": s.status.value, "speakers": {k: round(v, 3) for k, v in sorted(s.speakers.items())}}
            for s in m.steps
        ],
        "notes": {slot: text for slot, text in sorted(m.notes.items()) if text},
        "internal": sorted(slot for slot in m.internal if m.notes.get(slot)),
    }


def content_hash(m: Meeting) -> str:
    canonical = json.dumps(approval_content(m), sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def hash_matches(m: Meeting) -> bool:
    """False when an approved meeting's stored content no longer matches its approval."""
    return m.content_hash is None or m.content_hash == content_hash(m)
