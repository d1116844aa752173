"""Saving prepared input in the background, as it is typed (the pattern of
orat_tui.store.saver): the screen hands over what changed and goes on; one thread writes, in
order, merging what piles up while a write is under way."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

from orat_tui.store.intake import Key, save_prepared
from orat_tui.store.meetings import Store


class PreparedSaver:
    def __init__(self, store: Store, series_id: str, who: str,
                 on_saved: Callable[[int], None], on_error: Callable[[int, str], None]) -> None:
        self.store, self.series_id, self.who = store, series_id, who
        self.on_saved, self.on_error = on_saved, on_error
        self._cond = threading.Condition()
        self._texts: dict[Key, str] = {}
        self._seq = 0
        self._busy = False
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="orat-intake-saver", daemon=True)
        self._thread.start()

    def submit(self, texts: dict[Key, str], seq: int) -> None:
        with self._cond:
            if self._closed:
                return
            self._texts.update(texts)
            self._seq = seq
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._texts and not self._closed:
                    self._cond.wait()
                if not self._texts and self._closed:
                    return
                texts, seq = self._texts, self._seq
                self._texts, self._busy = {}, True
            try:
                save_prepared(self.store, self.series_id, texts, self.who, datetime.now())
            except Exception as exc:  # noqa: BLE001 - the screen shows it; the texts stay queued
                with self._cond:
                    texts.update(self._texts)
                    self._texts, self._busy = texts, False
                    self._cond.notify_all()
                self.on_error(seq, f"{type(exc).__name__}: {exc}".splitlines()[0])
                with self._cond:  # retry every 2 s, not in a spin
                    if self._closed:
                        return
                    self._cond.wait(timeout=2.0)
                continue
            with self._cond:
                self._busy = False
                self._cond.notify_all()
            self.on_saved(seq)

    def flush(self, timeout: float = 5.0) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: (not self._texts and not self._busy)
                                       or self._closed, timeout) and not self._texts

    def close(self, timeout: float = 5.0) -> bool:
        ok = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join(timeout=1.0)
        return ok
