"""One event (händelse) with the seed's contents of a situational picture: facts, the
ability to handle it, likely development (best, most likely, worst) and consequences,
measures taken and planned and whom they affect, coordination, a higher level of
collaboration, questions. F2 or Escape saves (an event without a title is dropped)."""

from __future__ import annotations

from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Footer, Input, Label, Select, Static

from orat_tui.domain.events import TEXT_FIELDS
from orat_tui.i18n import _
from orat_tui.labels_picture import event_field_label
from orat_tui.ui.widgets.note_area import NoteArea


class EventScreen(ModalScreen):
    DEFAULT_CSS = """
    EventScreen { align: center middle; }
    EventScreen > VerticalScroll { width: 100; max-width: 100%; height: 100%;
        border: thick $accent; background: $surface; padding: 0 1; }
    EventScreen .event-label { height: 1; margin-top: 1; color: $text-muted; }
    EventScreen NoteArea { height: 4; min-height: 3; }
    EventScreen Horizontal { height: auto; }
    EventScreen Select { width: 1fr; }
    EventScreen #event-help { height: auto; color: $text-muted; }
    """
    BINDINGS = [
        Binding("f2,ctrl+s", "save", _("Save"), id="event-save", priority=True),
        Binding("escape", "save", _("Save and close"), show=False, id="event-close"),
        Binding("ctrl+g", "cancel", _("Cancel"), id="event-cancel",
                tooltip=_("Close without saving the changes")),
    ]

    def __init__(self, event, areas, members: list[tuple[str, str]], focus_areas=()) -> None:
        super().__init__()
        self.event = event
        self.areas = areas
        self.members = members
        self.focus_areas = focus_areas  # config/focus-areas.toml (or the user's own copy)

    def compose(self) -> ComposeResult:
        e = self.event
        with VerticalScroll():
            yield Static(_("Event (händelse): F2 or Escape saves · ctrl+g cancels · tab moves on"),
                         id="event-help")
            yield Label(event_field_label("title"), classes="event-label")
            yield Input(e.title, id="event-title")
            with Horizontal():
                # an area since retired, or a member no longer in the meeting, stays the
                # event's: it is offered too, so that saving does not take it away
                areas = [(a.name, a.id) for a in self.areas]
                if e.area_id and e.area_id not in {a.id for a in self.areas}:
                    areas.append((_("(a retired area)"), e.area_id))
                yield Select(areas, value=e.area_id or Select.NULL, prompt=_("Area"),
                             id="event-area")
                members = [(name, key) for key, name in self.members]
                if e.member_key and e.member_key not in {k for k, _n in self.members}:
                    members.append((e.member_key, e.member_key))
                yield Select(members, value=e.member_key or Select.NULL, prompt=_("Raised by"),
                             id="event-member")
                focus = [(f.name, f.key) for f in self.focus_areas]
                if e.focus_area and e.focus_area not in {key for _n, key in focus}:
                    focus.append((e.focus_area, e.focus_area))  # a key the file no longer has
                yield Select(focus, value=e.focus_area or Select.NULL,
                             prompt=_("Focus area"), id="event-focus")
            for name in TEXT_FIELDS:
                yield Label(event_field_label(name), classes="event-label")
                yield NoteArea(f"event:{name}", getattr(e, name), id=f"event-{name}")
                if name == "measures_planned":
                    yield Checkbox(_("The measures affect others who must be informed"),
                                   e.affects_others, id="event-affects")
            yield Checkbox(_("Internal (egen): stays in orat, never in the briefing or an export"),
                           e.internal, id="event-internal")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#event-title", Input).focus()
        self.as_opened = self.collected()

    def collected(self):
        area = self.query_one("#event-area", Select).value
        member = self.query_one("#event-member", Select).value
        focus = self.query_one("#event-focus", Select).value
        values = {name: self.query_one(f"#event-{name}", NoteArea).text for name in TEXT_FIELDS}
        return replace(
            self.event, title=self.query_one("#event-title", Input).value.strip(),
            area_id=None if area is Select.NULL else area,
            member_key="" if member is Select.NULL else member,
            focus_area="" if focus is Select.NULL else focus,
            affects_others=self.query_one("#event-affects", Checkbox).value,
            internal=self.query_one("#event-internal", Checkbox).value, **values)

    def action_save(self) -> None:
        event = self.collected()
        if not event.title:
            if any(getattr(event, n).strip() for n in TEXT_FIELDS):
                self.notify(_("An event needs a short title."), severity="warning")
                self.query_one("#event-title", Input).focus()
                return
            self.dismiss(None)  # nothing written: nothing to keep
            return
        self.dismiss(event)

    def has_unsaved_text(self) -> bool:
        return self.collected() != self.as_opened

    def action_cancel(self) -> None:
        from orat_tui.ui.screens.discard import ask_to_discard

        ask_to_discard(self, self.has_unsaved_text(), lambda: self.dismiss(None))
