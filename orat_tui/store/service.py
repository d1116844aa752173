"""What the app asks of the store beyond plain reads and saves: starting a meeting."""

from __future__ import annotations

import copy
from datetime import datetime

from orat_tui.domain.meeting import Attendee, Meeting, new_meeting
from orat_tui.domain.rollcall import suggested_guests
from orat_tui.domain.template import Template
from orat_tui.store.meetings import Store


def start_meeting(store: Store, template: Template, now: datetime) -> Meeting:
    """A new meeting of the template's series (created on first use), with the monthly
    guests who have not yet taken part this month listed as suggestions (not yet present).
    The meeting takes over what its members prepared for it (orat_tui.store.intake)."""
    series_id = store.series_for_template(template, now)
    store.sync_areas(series_id, template.areas, now)  # the template's areas, on first use
    meeting = new_meeting(series_id, template, now)
    for guest in suggested_guests(template.guests, now.date(), store.earlier_attendance(series_id)):
        meeting.attendees.append(
            Attendee(guest.key, guest.name, guest.short, kind="guest", role=guest.role, present=False)
        )
    store.save(meeting, now=now)
    from orat_tui.store.intake import claim

    claim(store, series_id, meeting.id)  # what was prepared for this meeting is now its own
    return meeting


def snapshot(meeting: Meeting) -> Meeting:
    """A copy of the meeting's state (without its notes) that a saving thread can read while
    the UI goes on changing the original."""
    notes, meeting.notes = meeting.notes, {}
    try:
        return copy.deepcopy(meeting)
    finally:
        meeting.notes = notes
