"""The queued background writer (orat_tui.store.queued_writer) and its two users, the live
meeting's BackgroundSaver and the preparation's PreparedSaver, on a real database: in order,
merging what piles up, a failed write kept queued and written with the next one, flush
telling the truth, optimistic note versions kept across writes."""

from __future__ import annotations

import threading
from datetime import datetime

from orat_tui.domain.meeting import note_slot
from orat_tui.store.meetings import Store
from orat_tui.store.queued_writer import QueuedWriter
from orat_tui.store.service import start_meeting

FRIDAY = datetime(2026, 11, 27, 9, 0)


class Recorder:
    """A write function that writes into a list, held up or failing on request."""

    def __init__(self) -> None:
        self.written: list[dict] = []
        self.saved: list[int] = []
        self.errors: list[tuple[int, str]] = []
        self.started = threading.Event()
        self.go_on = threading.Event()
        self.go_on.set()
        self.fail = 0

    def write(self, item: dict) -> int:
        self.started.set()
        assert self.go_on.wait(10)
        if self.fail:
            self.fail -= 1
            raise OSError(28, "No space left on device\nsecond line")
        self.written.append(dict(item))
        return len(self.written)

    def writer(self) -> QueuedWriter:
        return QueuedWriter(self.write, lambda older, newer: {**older, **newer},
                            lambda seq, _n: self.saved.append(seq),
                            lambda seq, msg: self.errors.append((seq, msg)))


def test_what_piles_up_during_a_write_goes_in_the_next_one_in_order():
    rec = Recorder()
    rec.go_on.clear()
    w = rec.writer()
    w.submit({"a": "1"}, 1)
    assert rec.started.wait(10)  # the first write is under way, held
    w.submit({"a": "12", "b": "x"}, 2)
    w.submit({"a": "123"}, 3)
    assert not w.flush(0.05)  # not on disk yet
    rec.go_on.set()
    assert w.close(10)
    assert rec.written == [{"a": "1"}, {"a": "123", "b": "x"}]
    assert rec.saved == [1, 3]
    w.submit({"late": "!"}, 4)  # after close: ignored, never a thread that hangs
    assert rec.written[-1] == {"a": "123", "b": "x"}


def test_a_failed_write_stays_queued_under_what_came_after_and_is_written_with_it():
    rec = Recorder()
    rec.fail = 1
    w = rec.writer()
    w.submit({"a": "old", "b": "kept"}, 1)
    assert not w.flush(0.5)  # failed: flush says so, the item is still there
    assert rec.errors == [(1, "OSError: [Errno 28] No space left on device")]  # one line
    w.submit({"a": "new"}, 2)  # wakes the writer at once, no 2 s wait
    assert w.flush(10)
    assert rec.written == [{"a": "new", "b": "kept"}]
    assert rec.saved == [2]
    w.close()


def test_the_meeting_saver_writes_notes_and_state_and_keeps_versions(db_url, malmo):
    from orat_tui.store.saver import BackgroundSaver
    from orat_tui.store.service import snapshot

    store, other = Store.open(db_url), Store.open(db_url)
    try:
        meeting = start_meeting(store, malmo, FRIDAY)
        slot = note_slot(meeting.steps[1], "past_week")
        saved, errors = [], []
        saver = BackgroundSaver(store, meeting, lambda seq, r: saved.append((seq, r)),
                                lambda seq, e: errors.append(e))
        notes = {slot: "Första"}
        saver.submit(None, notes, 1)
        notes[slot] = "changed after submit"  # the saver took a copy
        assert saver.flush(10)
        saver.submit(None, {slot: "Andra"}, 2)  # the version it wrote is the one it has seen
        meeting.current_index = 2
        saver.submit(snapshot(meeting), {}, 3)
        assert saver.flush(10)
        assert store.note_texts(meeting.id)[slot] == "Andra"
        assert store.load(meeting.id).current_index == 2
        assert not errors and not any(r.conflicts for _s, r in saved)
        # another orat writes the note: ours comes back as a conflict, theirs stays
        other.save_notes(meeting.id, {slot: "Sekreterarens"},
                         note_versions=other.note_versions(meeting.id))
        saver.submit(None, {slot: "Ordförandens"}, 4)
        assert saver.flush(10)
        assert [c.theirs for c in saved[-1][1].conflicts] == ["Sekreterarens"]
        assert store.note_texts(meeting.id)[slot] == "Sekreterarens"
        # keep mine: the version of theirs is accepted, the next write goes through
        saver.accept(slot, saved[-1][1].conflicts[0].their_version)
        saver.submit(None, {slot: "Ordförandens"}, 5)
        assert saver.close(10)
        assert store.note_texts(meeting.id)[slot] == "Ordförandens"
        assert saved[-1][0] == 5
    finally:
        store.close()
        other.close()


def test_the_preparation_saver_writes_texts_per_member_and_field(db_url, malmo):
    from orat_tui.store.intake import prepared
    from orat_tui.store.intake_saver import PreparedSaver

    store = Store.open(db_url)
    try:
        series = store.series_for_template(malmo, FRIDAY)
        saved = []
        saver = PreparedSaver(store, series, "sekreterare", saved.append,
                              lambda seq, e: None)
        saver.submit({("polisen", "past_week"): "Inbrott"}, 1)
        saver.submit({("polisen", "past_week"): "Inbrott i Holma",
                      ("polisen", "coming_week"): "Match"}, 2)
        assert saver.close(10)
        assert saved[-1] == 2
        assert {k: p.text for k, p in prepared(store, series).items()} == {
            ("polisen", "past_week"): "Inbrott i Holma", ("polisen", "coming_week"): "Match"}
    finally:
        store.close()
