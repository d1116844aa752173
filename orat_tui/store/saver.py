"""Saving in the background: the UI hands over what changed and goes on; one thread writes,
in order, merging what piles up while a write is under way.

Saving is optimistic: the saver remembers the version of every note and of the meeting it
last read or wrote, and a note someone else changed in the meantime (another orat on the
same database) is not overwritten but reported back as a conflict."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from orat_tui.domain.meeting import Meeting
from orat_tui.store.meetings import SaveResult, Store


class BackgroundSaver:
    def __init__(self, store: Store, meeting: Meeting, on_saved: Callable[[int, SaveResult], None],
                 on_error: Callable[[int, str], None], audit_who: str | None = None) -> None:
        self.store = store
        self.on_saved = on_saved
        self.on_error = on_error
        self.meeting_id = meeting.id
        self.versions: dict[str, int] = dict(meeting.note_versions)
        self.meeting_version = meeting.version
        # editing afterwards: every saved change of a note goes into the audit trail
        self.audit_who = audit_who
        self.texts: dict[str, str] = dict(meeting.notes)
        self._cond = threading.Condition()
        self._meeting: Meeting | None = None  # state to write (None: notes only)
        self._notes: dict[str, str] = {}
        self._pending = False
        self._seq = 0
        self._busy = False
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="orat-saver", daemon=True)
        self._thread.start()

    def submit(self, meeting: Meeting | None, notes: dict[str, str], seq: int) -> None:
        """Queue a snapshot of the meeting's state (see service.snapshot; None when only notes
        changed) and the notes changed since the last submit; `seq` comes back through
        on_saved once it is on disk."""
        with self._cond:
            if self._closed:
                return
            if meeting is not None:
                self._meeting = meeting
            self._notes.update(notes)
            self._seq = seq
            self._pending = True
            self._cond.notify()

    def accept(self, slot: str, version: int) -> None:
        """After a conflict: treat `version` of the note as seen (reload, or keep one's own
        text over it)."""
        with self._cond:
            self.versions[slot] = version

    def accept_state(self, version: int) -> None:
        with self._cond:
            self.meeting_version = version

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._closed:
                    self._cond.wait()
                if not self._pending and self._closed:
                    return
                meeting, notes, seq = self._meeting, self._notes, self._seq
                self._meeting, self._notes, self._pending = None, {}, False
                self._busy = True
                versions = dict(self.versions)
                meeting_version = self.meeting_version
            try:
                if meeting is not None:
                    meeting.version = meeting_version
                    result = self.store.save(meeting, notes, now=datetime.now(),
                                             note_versions=versions)
                else:
                    result = self.store.save_notes(self.meeting_id, notes, now=datetime.now(),
                                                   note_versions=versions)
            except Exception as exc:  # noqa: BLE001 - the UI shows it; the notes stay queued
                with self._cond:
                    if self._meeting is None:
                        self._meeting = meeting
                    merged = dict(notes)
                    merged.update(self._notes)
                    self._notes = merged
                    self._pending = True
                    self._busy = False
                    self._cond.notify_all()
                self.on_error(seq, f"{type(exc).__name__}: {exc}".splitlines()[0])
                with self._cond:  # do not spin on a disk that stays full: retry every 2 s
                    if self._closed:
                        return
                    self._cond.wait(timeout=2.0)
                continue
            if self.audit_who:
                self._audit(notes, result)
            with self._cond:
                self.versions.update(result.versions)
                if meeting is not None and not result.state_conflict:
                    # only a save that wrote our state moves our version on: adopting the
                    # row's version after a conflict (or after a notes-only save) would let
                    # the next save overwrite the other orat's state unseen
                    self.meeting_version = result.meeting_version
                self._busy = False
                self._cond.notify_all()
            self.on_saved(seq, result)

    def _audit(self, notes: dict[str, str], result: SaveResult) -> None:
        for slot in result.versions:
            before, after = self.texts.get(slot, ""), notes.get(slot, "")
            if before != after:
                try:
                    self.store.record(self.meeting_id, self.audit_who, "edit", field=slot,
                                      before=before, after=after, merge_within=300)
                except Exception as exc:  # noqa: BLE001 - shown like a failed save
                    self.on_error(self._seq, f"{type(exc).__name__}: {exc}".splitlines()[0])
                    continue
                self.texts[slot] = after

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything submitted is written. False if it could not be."""
        with self._cond:
            return self._cond.wait_for(
                lambda: (not self._pending and not self._busy) or self._closed, timeout
            ) and not self._pending

    def close(self, timeout: float = 5.0) -> bool:
        ok = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout=1.0)
        return ok
