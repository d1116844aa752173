"""A note marked internal (alt+i) before its first save: the flag's empty row is not another
writer's text, so saving the note is no conflict (found while typing, alt+p, alt+i quickly)."""

from __future__ import annotations

from datetime import datetime

from orat_tui.domain.meeting import new_meeting, note_slot
from orat_tui.store.meetings import Store

FRIDAY = datetime(2026, 11, 27, 9, 0)


def test_marking_a_new_note_internal_in_the_same_save_is_no_conflict(db_url, malmo):
    store = Store.open(db_url)
    try:
        m = new_meeting(store.series_for_template(malmo, FRIDAY), malmo, FRIDAY)
        store.save(m, notes={}, now=FRIDAY)
        slot = note_slot(m.steps[1], "past_week")
        m.internal.add(slot)
        result = store.save(m, notes={slot: "Lugnt."}, now=FRIDAY, note_versions={})
        assert result.conflicts == [] and not result.state_conflict
        assert store.load(m.id).notes[slot] == "Lugnt."
        assert slot in store.load(m.id).internal
        # someone else's real text is still a conflict
        store.save_notes(m.id, {slot: "Theirs."}, now=FRIDAY)
        result = store.save_notes(m.id, {slot: "Mine."}, now=FRIDAY, note_versions={})
        assert [c.slot for c in result.conflicts] == [slot]
    finally:
        store.close()
