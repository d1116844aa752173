"""Writing a meeting as a handoff file (complete or not at all, owner-only), and naming the
meeting to hand off on the command line."""

from __future__ import annotations

import json
import os
import uuid
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from orat_tui.files import create_private, fsync_dir, write_all
from orat_tui.store.handoff.fileformat import FORMAT, VERSION, HandoffError, checksum
from orat_tui.store.handoff.recorded import recorded_rows
from orat_tui.store.handoff.rows import LISTS, _begin_snapshot, _dump, _rows_of


def build_payload(store, meeting_id: str, now: datetime | None = None) -> dict:
    """The payload of a handoff file for the meeting, read in one transaction."""
    from orat_tui import __version__

    with Session(store.engine) as s:
        _begin_snapshot(s)
        try:
            rows = _rows_of(s, meeting_id)
        except KeyError:
            raise HandoffError(f"no meeting {meeting_id} in this database") from None
        if rows["series"] is None:
            raise HandoffError(f"the meeting {meeting_id} has no series in this database")
        payload = {key: _dump(rows[key]) for key in ("series", "meeting")}
        payload.update({key: [_dump(r) for r in rows[key]] for key in LISTS})
        payload.update(recorded_rows(s, rows["meeting"]))
        s.rollback()
    payload["exported_at"] = (now or datetime.now()).isoformat(timespec="seconds")
    payload["orat"] = __version__
    return payload


def write_handoff(store, meeting_id: str, path, *, replace: bool = True,
                  now: datetime | None = None) -> Path:
    """Write the meeting to `path` as a handoff file: complete or not at all (a temporary file
    beside it, moved into place), readable by the owner only (0600). With replace=False an
    existing file is never overwritten (HandoffError)."""
    path = Path(path)
    if path.is_dir():
        raise HandoffError(f"{path}: is a folder; name a file")
    if not path.parent.is_dir():
        raise HandoffError(f"{path.parent}: no such folder")
    taken = f"{path} already exists; add --force to replace it"
    if path.exists() and not replace:
        raise HandoffError(taken)
    payload = build_payload(store, meeting_id, now)
    try:
        document = {"format": FORMAT, "version": VERSION, "checksum": checksum(payload),
                    "payload": payload}
        data = (json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False)
                + "\n").encode("utf-8")
    except ValueError as exc:  # a NaN somewhere: JSON cannot carry it
        raise HandoffError(f"the meeting cannot be written as a handoff file ({exc})") from None
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        fd = create_private(tmp)
        try:
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if replace:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)  # fails if a file appeared there meanwhile
            except FileExistsError:
                raise HandoffError(taken) from None
            except OSError:  # no hard links (a FAT memory stick, say)
                if path.exists():
                    raise HandoffError(taken) from None
                os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        raise HandoffError(f"{path}: could not be written ({exc.strerror or exc})") from None
    finally:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
    return path


def recorded_summary(path) -> str:
    """What the handoff file at `path` carries besides the meeting, for the command's line:
    ", 2 actions, 1 event, 3 levels, 4 ratings"."""
    from orat_tui.store.handoff.fileformat import read_handoff
    from orat_tui.store.handoff.recorded import summary

    recorded = read_handoff(path).recorded
    return summary(recorded) if recorded is not None else ""


# -- naming a meeting on the command line -----------------------------------------------------

def resolve_meeting(store, ref: str) -> str:
    """The id of the meeting `ref` names: its id, a unique start of its id, or "latest" (the
    most recently started meeting)."""
    ref = ref.strip()
    if ref.lower() == "latest":
        latest = store.latest_meeting()
        if latest is None:
            raise HandoffError("there are no meetings in this database")
        return latest.id
    if not ref:
        raise HandoffError("name a meeting: its id, the start of its id, or latest")
    rows = store.meetings_named(ref, limit=4)
    if not rows:
        raise HandoffError(f"no meeting with an id starting {ref!r}")
    if len(rows) > 1:
        listed = ", ".join(f"{r.id[:8]} ({r.started_at:%Y-%m-%d} {r.title})" for r in rows[:3])
        more = " and more" if len(rows) > 3 else ""
        raise HandoffError(f"{ref!r} names more than one meeting: {listed}{more}; "
                           "give more of the id")
    return rows[0].id