"""Roll call: every member present by default; mark the absent, note what they sent in."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from orat_tui.domain.meeting import Attendee, note_slot
from orat_tui.i18n import _
from orat_tui.ui.steps.base import StepView
from orat_tui.ui.widgets.note_area import NoteArea


def attendee_row(a: Attendee, short: bool = False) -> str:
    box = "[b green]✓[/]" if a.present else "[b red]✗[/]"
    kind = {"guest": _("guest, suggested this month"), "adjunct": _("adjunct")}.get(a.kind, "")
    extra = []
    if a.role:
        extra.append(a.role)
    if a.chair:
        extra.append(_("chair"))
    if kind:
        extra.append(kind)
    if a.substitute:
        extra.append(_("substitute: {name}").format(name=a.substitute))
    if not a.present and a.kind == "member":
        extra.append(_("absent"))
    tail = f"  [dim]{', '.join(extra)}[/]" if extra else ""
    return f"{box} {a.short if short else a.name}{tail}"


class AttendeeList(OptionList):
    BINDINGS = [
        Binding("space", "toggle", _("Present/absent"), id="rollcall-toggle",
                tooltip=_("Mark the highlighted member present or absent")),
        Binding("plus,a", "add_adjunct", _("Add adjunct"), id="rollcall-adjunct",
                tooltip=_("Add an adjunct member for this meeting")),
        Binding("s", "substitute", _("Substitute"), id="rollcall-substitute",
                tooltip=_("Name who stands in for the highlighted member")),
    ]

    class Toggle(Message):
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class AddAdjunct(Message):
        pass

    class Substitute(Message):
        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def _key(self) -> str | None:
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    def action_toggle(self) -> None:
        if (key := self._key()) is not None:
            self.post_message(self.Toggle(key))

    def action_add_adjunct(self) -> None:
        self.post_message(self.AddAdjunct())

    def action_substitute(self) -> None:
        if (key := self._key()) is not None:
            self.post_message(self.Substitute(key))


class RollCallView(StepView):
    DEFAULT_CSS = """
    RollCallView AttendeeList { height: auto; max-height: 14; }
    RollCallView #absent-box { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static(_("ROLL CALL"), classes="step-heading")
        yield Static(_("space present/absent · a adjunct · s substitute · tab note"),
                     classes="step-sub")
        yield AttendeeList(id="attendees")
        yield Vertical(id="absent-box")

    def on_mount(self) -> None:
        self.fill()

    def fill(self) -> None:
        if not self.is_attached:
            return
        ol = self.query_one(AttendeeList)
        keep = ol.highlighted
        ol.clear_options()
        short = self.screen.size.width < 100
        for a in self.meeting.attendees:
            ol.add_option(Option(attendee_row(a, short), id=a.key))
        ol.highlighted = keep if keep is not None else 0
        self.show_absent_note()

    @on(OptionList.OptionHighlighted, "#attendees")
    def _highlighted(self) -> None:
        self.show_absent_note()

    def show_absent_note(self) -> None:
        """Below the list: what the highlighted absent member sent in."""
        ol = self.query_one(AttendeeList)
        box = self.query_one("#absent-box", Vertical)
        key = ol.get_option_at_index(ol.highlighted).id if ol.highlighted is not None else None
        a = self.meeting.attendee(key) if key else None
        current = box.query(NoteArea)
        wanted = note_slot(None, "absent_in", a.key) if a and not a.present else None
        if current and current.first().slot == wanted:
            return
        box.remove_children()
        if wanted:
            box.mount(self.note(
                "absent_in", member=a.key,
                label=_("Sent in by {name} (absent), through the chair:").format(name=a.name)))

    def focus_first(self) -> None:
        if self.is_attached:
            for attendees in self.query(AttendeeList):
                attendees.focus()
