"""Writing in the background, in order: the UI hands over what changed and goes on; one thread
writes, merging what piles up while a write is under way into the next one.

A write that fails keeps its item queued (merged under anything newer) and is tried again
every RETRY_EVERY seconds, never in a spin on a disk that stays full; `flush` says whether
everything handed over is on disk. What an item is, how two merge and how one is written is
the user's (orat_tui.store.saver: a meeting's notes and state; orat_tui.store.intake_saver:
prepared input)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

RETRY_EVERY = 2.0  # seconds between tries of a write that failed


def one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


class QueuedWriter(Generic[Item, Result]):
    """`write(item)` runs on the writer's thread; `merge(older, newer)` makes one item of two
    (it may return either, changed). `on_saved(seq, result)` and `on_error(seq, message)` are
    called on the writer's thread with the number of the last submit the write held."""

    def __init__(self, write: Callable[[Item], Result], merge: Callable[[Item, Item], Item],
                 on_saved: Callable[[int, Result], None], on_error: Callable[[int, str], None],
                 name: str = "orat-writer") -> None:
        self._write, self._merge = write, merge
        self.on_saved, self.on_error = on_saved, on_error
        self.lock = threading.Condition()  # also guards the user's own state (note versions)
        self._item: Item | None = None  # what is to be written next (None: nothing)
        self._seq = 0
        self._busy = False
        self._closed = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    @property
    def seq(self) -> int:
        return self._seq

    def submit(self, item: Item, seq: int) -> None:
        """Queue `item`; `seq` comes back through on_saved once it is on disk."""
        with self.lock:
            if self._closed:
                return
            self._item = item if self._item is None else self._merge(self._item, item)
            self._seq = seq
            self.lock.notify()

    def _run(self) -> None:
        while True:
            with self.lock:
                while self._item is None and not self._closed:
                    self.lock.wait()
                if self._item is None and self._closed:
                    return
                item, seq = self._item, self._seq
                self._item, self._busy = None, True
            try:
                result = self._write(item)
            except Exception as exc:  # noqa: BLE001 - the UI shows it; the item stays queued
                with self.lock:
                    self._item = item if self._item is None else self._merge(item, self._item)
                    self._busy = False
                    self.lock.notify_all()
                self.on_error(seq, one_line(exc))
                with self.lock:  # do not spin on a disk that stays full
                    if self._closed:
                        return
                    self.lock.wait(timeout=RETRY_EVERY)
                continue
            with self.lock:
                self._busy = False
                self.lock.notify_all()
            self.on_saved(seq, result)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything submitted is written. False if it could not be."""
        with self.lock:
            return self.lock.wait_for(
                lambda: (self._item is None and not self._busy) or self._closed, timeout
            ) and self._item is None

    def close(self, timeout: float = 5.0) -> bool:
        ok = self.flush(timeout)
        with self.lock:
            self._closed = True
            self.lock.notify_all()
        self._thread.join(timeout=1.0)
        return ok
