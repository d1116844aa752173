"""Saving in the background: the UI hands over what changed and goes on; one thread writes,
in order, merging what piles up while a write is under way."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from orat_tui.domain.meeting import Meeting
from orat_tui.store.meetings import Store


class BackgroundSaver:
    def __init__(self, store: Store, on_saved: Callable[[int], None],
                 on_error: Callable[[int, str], None]) -> None:
        self.store = store
        self.on_saved = on_saved
        self.on_error = on_error
        self._cond = threading.Condition()
        self._meeting: Meeting | None = None
        self._notes: dict[str, str] = {}
        self._seq = 0
        self._busy = False
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="orat-saver", daemon=True)
        self._thread.start()

    def submit(self, meeting: Meeting, notes: dict[str, str], seq: int) -> None:
        """Queue a snapshot of the meeting (see service.snapshot) and the notes changed since
        the last submit; `seq` comes back through on_saved once it is on disk."""
        with self._cond:
            self._meeting = meeting
            self._notes.update(notes)
            self._seq = seq
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._meeting is None and not self._closed:
                    self._cond.wait()
                if self._meeting is None and self._closed:
                    return
                meeting, notes, seq = self._meeting, self._notes, self._seq
                self._meeting, self._notes = None, {}
                self._busy = True
            try:
                self.store.save(meeting, notes, now=datetime.now())
            except Exception as exc:  # noqa: BLE001 - the UI shows it; the notes stay queued
                with self._cond:
                    if self._meeting is None:
                        self._meeting = meeting
                    merged = dict(notes)
                    merged.update(self._notes)
                    self._notes = merged
                    self._busy = False
                    self._cond.notify_all()
                self.on_error(seq, f"{type(exc).__name__}: {exc}".splitlines()[0])
                with self._cond:  # do not spin on a disk that stays full: wait for a new submit
                    self._cond.wait(timeout=2.0)
                continue
            with self._cond:
                self._busy = False
                self._cond.notify_all()
            self.on_saved(seq)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything submitted is written. False if it could not be."""
        with self._cond:
            return self._cond.wait_for(lambda: self._meeting is None and not self._busy, timeout)

    def close(self, timeout: float = 5.0) -> bool:
        ok = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout=1.0)
        return ok
