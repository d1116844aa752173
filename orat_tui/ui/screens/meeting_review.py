"""The meeting screen afterwards (the secretary): spoken times corrected by hand, notes marked
internal (egen) or shared (förmedlad), every change recorded in the audit trail."""

from __future__ import annotations

from orat_tui.domain.meeting import APPROVED
from orat_tui.i18n import _
from orat_tui.labels import step_label
from orat_tui.ui.widgets.note_area import NoteArea


def parse_minutes(text: str) -> float | None:
    """'4:30' or '4' (minutes) as seconds; None if it is neither."""
    text = text.strip().replace(".", ":")
    try:
        if ":" in text:
            minutes, seconds = text.split(":", 1)
            value = int(minutes or 0) * 60 + int(seconds or 0)
            if not 0 <= int(seconds or 0) < 60:
                return None
        else:
            value = int(text) * 60
    except ValueError:
        return None
    return float(value) if 0 <= value <= 24 * 3600 else None



class ReviewMixin:
    """Mixed into MeetingScreen; `self.review` is true for a meeting that has ended."""

    def review_header(self, day: str) -> str:
        m = self.meeting
        end = f"–{m.ended_at:%H:%M}" if m.ended_at else ""
        if m.state == APPROVED:
            state = _("approved, read only: reopen it from its minutes to change it")
        else:
            state = _("editing afterwards: every change is recorded")
        return f"[b]{m.title}[/]   {day}{m.started_at:%H:%M}{end}   [i]{state}[/]"

    def action_set_time(self) -> None:
        from orat_tui.domain.timer import format_duration
        from orat_tui.ui.screens.dialogs import TextPrompt

        step = self.walk.current
        before = format_duration(step.elapsed)

        def chosen(text: str | None) -> None:
            if text is None:
                return
            seconds = parse_minutes(text)
            if seconds is None:
                self.notify(_("Write the time as minutes:seconds, e.g. 4:30."), severity="error")
                return
            self.walk.set_elapsed(seconds)
            self.state_dirty = True
            self.app.call_store(self.app.store.record, self.meeting.id, self.app.who, "edit",
                                f"time:{step.id}", before, format_duration(seconds))
            self.refresh_all()

        self.app.push_screen(TextPrompt(
            _("Spoken time of {step} (minutes:seconds):").format(step=step_label(self.meeting, step, short=False)),
            value=before), chosen)

    def action_close(self) -> None:
        self.save_now()
        self.app.pop_screen()

    def action_toggle_internal(self) -> None:
        area = self.focused
        if not isinstance(area, NoteArea):
            self.notify(_("Put the cursor in a note first."))
            return
        internal = area.slot not in self.meeting.internal
        if internal:
            self.meeting.internal.add(area.slot)
        else:
            self.meeting.internal.discard(area.slot)
        area.show_internal(internal)
        self.state_dirty = True
        if self.review:
            self.app.call_store(self.app.store.record, self.meeting.id, self.app.who, "edit",
                                f"internal:{area.slot}", str(not internal).lower(), str(internal).lower())
        self.notify(_("Internal (egen): stays with the meeting, left out of the minutes.") if internal
                    else _("Shared (förmedlad): goes into the minutes."))

