"""Two clients on one database at once (the chair and the secretary, each with their own
orat, connections and write lock): optimistic saving loses no edit, on SQLite and on
PostgreSQL. The threads really run at the same time; every save that was told "saved" must
be found afterwards."""

from __future__ import annotations

import threading
from datetime import datetime

from orat_tui.domain.meeting import note_slot
from orat_tui.store.meetings import Store
from orat_tui.store.service import start_meeting

FRIDAY = datetime(2026, 11, 27, 9, 0)
ROUNDS = 25


def _append_until_saved(store: Store, meeting_id: str, slot: str, word: str) -> int:
    """What the app does after a conflict, as a loop: read theirs, add mine, save again.
    Returns how many conflicts it met."""
    from sqlalchemy.exc import OperationalError

    conflicts = 0
    while True:
        versions = store.note_versions(meeting_id)
        text = store.note_texts(meeting_id).get(slot, "")
        try:
            result = store.save_notes(meeting_id, {slot: f"{text} {word}".strip()},
                                      note_versions=versions)
        except OperationalError as exc:  # SQLite: the other writer held the file ("locked")
            assert "locked" in str(exc.orig)
            conflicts += 1
            continue
        if not result.conflicts:
            return conflicts
        conflicts += 1


def test_two_clients_appending_to_one_note_lose_nothing(db_url, malmo):
    first = Store.open(db_url)
    meeting = start_meeting(first, malmo, FRIDAY)
    slot = note_slot(meeting.steps[1], "past_week")
    second = Store.open(db_url)  # its own engine, pool and lock: another orat
    start = threading.Barrier(2)
    met: dict[str, int] = {}

    def client(store: Store, name: str) -> None:
        start.wait()
        met[name] = sum(_append_until_saved(store, meeting.id, slot, f"{name}{i}")
                        for i in range(ROUNDS))

    threads = [threading.Thread(target=client, args=(s, n))
               for s, n in ((first, "a"), (second, "b"))]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        words = first.note_texts(meeting.id)[slot].split()
        assert sorted(words) == sorted([f"a{i}" for i in range(ROUNDS)]
                                       + [f"b{i}" for i in range(ROUNDS)])
        assert first.note_versions(meeting.id)[slot] == 2 * ROUNDS - 1
    finally:
        first.close()
        second.close()


def test_a_stale_save_from_another_client_comes_back_as_a_conflict(db_url, malmo):
    chair = Store.open(db_url)
    secretary = Store.open(db_url)
    try:
        meeting = start_meeting(chair, malmo, FRIDAY)
        slot = note_slot(meeting.steps[1], "past_week")
        seen = secretary.note_versions(meeting.id)
        chair.save_notes(meeting.id, {slot: "Ordförandens text"},
                         note_versions=chair.note_versions(meeting.id))
        result = secretary.save_notes(meeting.id, {slot: "Sekreterarens text"},
                                      note_versions=seen)
        assert [c.theirs for c in result.conflicts] == ["Ordförandens text"]
        assert chair.note_texts(meeting.id)[slot] == "Ordförandens text"
        # the meeting's state too: a stale state save is refused, theirs kept
        mine, theirs = chair.load(meeting.id), secretary.load(meeting.id)
        theirs.attendees[0].present = False
        assert not secretary.save(theirs, {}, note_versions={}).state_conflict
        mine.current_index = 3
        assert chair.save(mine, {}, note_versions={}).state_conflict
        assert chair.load(meeting.id).attendees[0].present is False
    finally:
        chair.close()
        secretary.close()
