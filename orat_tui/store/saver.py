"""Saving a meeting in the background (orat_tui.store.queued_writer): the UI hands over what
changed and goes on; one thread writes, in order, merging what piles up while a write is under
way.

Saving is optimistic: the saver remembers the version of every note and of the meeting it
last read or wrote, and a note someone else changed in the meantime (another orat on the
same database) is not overwritten but reported back as a conflict."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from orat_tui.domain.meeting import Meeting
from orat_tui.store.meetings import SaveResult, Store
from orat_tui.store.queued_writer import QueuedWriter, one_line


@dataclass
class Batch:
    """What one write holds: the meeting's state (None: notes only) and changed notes."""

    meeting: Meeting | None
    notes: dict[str, str] = field(default_factory=dict)


def merge(older: Batch, newer: Batch) -> Batch:
    """The newer state wins; the notes of both, the newer text of a note winning."""
    return Batch(newer.meeting if newer.meeting is not None else older.meeting,
                 {**older.notes, **newer.notes})


class BackgroundSaver:
    def __init__(self, store: Store, meeting: Meeting, on_saved: Callable[[int, SaveResult], None],
                 on_error: Callable[[int, str], None], audit_who: str | None = None) -> None:
        self.store = store
        self.on_error = on_error
        self.meeting_id = meeting.id
        self.versions: dict[str, int] = dict(meeting.note_versions)
        self.meeting_version = meeting.version
        # editing afterwards: every saved change of a note goes into the audit trail
        self.audit_who = audit_who
        self.texts: dict[str, str] = dict(meeting.notes)
        self._writer: QueuedWriter[Batch, SaveResult] = QueuedWriter(
            self._write, merge, on_saved, on_error, name="orat-saver")
        self._cond = self._writer.lock

    def submit(self, meeting: Meeting | None, notes: dict[str, str], seq: int) -> None:
        """Queue a snapshot of the meeting's state (see service.snapshot; None when only notes
        changed) and the notes changed since the last submit; `seq` comes back through
        on_saved once it is on disk."""
        self._writer.submit(Batch(meeting, dict(notes)), seq)

    def accept(self, slot: str, version: int) -> None:
        """After a conflict: treat `version` of the note as seen (reload, or keep one's own
        text over it)."""
        with self._cond:
            self.versions[slot] = version

    def _write(self, batch: Batch) -> SaveResult:
        """On the writer's thread: one transaction, optimistic on the versions last seen."""
        with self._cond:
            versions = dict(self.versions)
            meeting_version = self.meeting_version
        meeting, notes = batch.meeting, batch.notes
        if meeting is not None:
            meeting.version = meeting_version
            result = self.store.save(meeting, notes, now=datetime.now(), note_versions=versions)
        else:
            result = self.store.save_notes(self.meeting_id, notes, now=datetime.now(),
                                           note_versions=versions)
        if self.audit_who:
            self._audit(notes, result)
        with self._cond:
            self.versions.update(result.versions)
            if meeting is not None and not result.state_conflict:
                # only a save that wrote our state moves our version on: adopting the row's
                # version after a conflict (or after a notes-only save) would let the next
                # save overwrite the other orat's state unseen
                self.meeting_version = result.meeting_version
        return result

    def _audit(self, notes: dict[str, str], result: SaveResult) -> None:
        for slot in result.versions:
            before, after = self.texts.get(slot, ""), notes.get(slot, "")
            if before != after:
                try:
                    self.store.record(self.meeting_id, self.audit_who, "edit", field=slot,
                                      before=before, after=after, merge_within=300)
                except Exception as exc:  # noqa: BLE001 - shown like a failed save
                    self.on_error(self._writer.seq, one_line(exc))
                    continue
                self.texts[slot] = after

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything submitted is written. False if it could not be."""
        return self._writer.flush(timeout)

    def close(self, timeout: float = 5.0) -> bool:
        return self._writer.close(timeout)
