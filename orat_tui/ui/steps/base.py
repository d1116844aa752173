"""What every step view shares: the meeting, its step, and its note fields."""

from __future__ import annotations

from textual.containers import Vertical
from textual.widget import Widget

from orat_tui.domain.agenda import AgendaWalk, Step
from orat_tui.domain.meeting import Meeting, note_slot
from orat_tui.domain.steps import ITEM_FIELDS
from orat_tui.labels import field_label
from orat_tui.ui.widgets.note_area import NoteArea


class StepView(Vertical):
    DEFAULT_CSS = """
    StepView { height: 1fr; }
    StepView .step-heading { text-style: bold; color: $accent; height: auto; }
    StepView .step-sub { color: $text-muted; height: auto; }
    StepView .field-label { height: 1; margin-top: 1; color: $text-muted; }
    StepView .fields { height: 1fr; }
    StepView .pnr-warning { display: none; height: auto; width: 100%; color: $error; text-style: bold; }
    StepView .pnr-warning.-shown { display: block; }
    StepView .field { height: 1fr; }
    StepView .item-field { height: auto; }
    StepView .item-field NoteArea { height: auto; max-height: 6; min-height: 3; }
    """

    def __init__(self, meeting: Meeting, walk: AgendaWalk, step: Step) -> None:
        super().__init__()
        self.meeting = meeting
        self.walk = walk
        self.step = step

    def note(self, field_name: str, member: str = "", label: str | None = None,
             step: Step | None = None) -> Widget:
        """A labelled note field bound to its slot, holding the text saved so far."""
        from textual.widgets import Label

        slot = note_slot(step, field_name, member)
        text = label if label is not None else field_label(field_name)
        area = NoteArea(slot, self.meeting.notes.get(slot, ""),
                        read_only=self.meeting.state == "approved")
        area.show_internal(slot in self.meeting.internal)
        return Vertical(Label(text, classes="field-label"), area,
                        Label("", classes="pnr-warning"), classes="field")

    def fields(self, step: Step) -> Widget:
        """The step's note fields: stacked, or side by side on a wide screen; then the items
        recorded beside them (alt+d)."""
        return Vertical(*(self.note(f, step=step) for f in step.fields),
                        *self.items(step), classes="fields")

    def items(self, step: Step) -> list[Widget]:
        """The decisions and other items of the step (alt+d), one field per kind in use."""
        out = []
        for f in ITEM_FIELDS:
            if f not in step.fields and self.meeting.notes.get(note_slot(step, f), "").strip():
                field = self.note(f, step=step)
                field.add_class("item-field")
                out.append(field)
        return out

    def with_prepared(self, fields: Widget) -> Widget:
        """The note fields with what the member prepared beside them (shown when there is
        any: orat_tui.ui.screens.meeting_prepared)."""
        from orat_tui.ui.widgets.prepared_panel import PreparedPanel, WithPrepared

        return WithPrepared(PreparedPanel(), fields, classes="with-prepared")

    def focus_first(self) -> None:
        """Put the focus in the first note (called after a refresh: the view may be gone by
        then, when the chair moved on at once)."""
        if not self.is_attached:
            return
        areas = self.query(NoteArea)
        if areas:
            area = areas.first()
            area.focus()
            area.move_cursor(area.document.end)  # typing goes on after what is there

    def on_mount(self) -> None:
        # as soon as the view is there: keys typed at once must reach the note
        self.focus_first()

    def refresh_live(self, now: float) -> None:
        """Called on every tick: views with live figures update them."""
