"""Saving prepared input in the background, as it is typed: a queued writer
(orat_tui.store.queued_writer) whose items are texts per (member, field), the newer text of a
field winning."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from orat_tui.store.intake import Key, save_prepared
from orat_tui.store.meetings import Store
from orat_tui.store.queued_writer import QueuedWriter


class PreparedSaver(QueuedWriter[dict[Key, str], None]):
    def __init__(self, store: Store, series_id: str, who: str,
                 on_saved: Callable[[int], None], on_error: Callable[[int, str], None]) -> None:
        self.store, self.series_id, self.who = store, series_id, who
        super().__init__(self._save, lambda older, newer: {**older, **newer},
                         lambda seq, _result: on_saved(seq), on_error,
                         name="orat-intake-saver")

    def submit(self, texts: dict[Key, str], seq: int) -> None:
        super().submit(dict(texts), seq)

    def _save(self, texts: dict[Key, str]) -> None:
        save_prepared(self.store, self.series_id, texts, self.who, datetime.now())
