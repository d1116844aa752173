"""Preparing the series' next meeting (home key p): the members down the left, the fields of
the highlighted member on the right (the template's points, or past and coming week), saved
as typed. At that member's turn in the meeting the chair sees it and takes it over (alt+p)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from orat_tui.i18n import _, format_date
from orat_tui.ui.widgets.note_area import NoteArea

SAVE_EVERY = 0.5  # seconds, as in the meeting


def load_preparation(store, template, now):
    """(series id, what is prepared for its next meeting, a live meeting of it or None)."""
    from orat_tui.store.intake import prepared

    series = store.series_for_template(template, now)
    live = store.unfinished()
    texts = {key: p.text for key, p in prepared(store, series).items()}
    return series, texts, live if live is not None and live.series_id == series else None


class PrepareScreen(Screen[None]):
    TYPE_AHEAD = frozenset({"select"})  # Enter in the members list: keys typed next wait for the field
    BINDINGS = [
        Binding("escape", "close", _("Back"), id="prepare-close",
                tooltip=_("Save and go back to the start")),
        # priority: in a terminal alt+a comes as ESC a, which a note would type as "a"
        Binding("alt+a", "focus_members", _("Members"), id="prepare-members", priority=True,
                tooltip=_("Move to the list of members")),
        Binding("ctrl+s,alt+s", "save", _("Save"), show=False, id="prepare-save", priority=True,
                tooltip=_("Save now")),
    ]
    DEFAULT_CSS = """
    PrepareScreen #prepare-header { height: 1; background: $panel; padding: 0 1; }
    PrepareScreen #prepare-notice { height: auto; color: $warning; padding: 0 1; display: none; }
    PrepareScreen #prepare-body { height: 1fr; }
    PrepareScreen #prepare-members { width: 30; height: 1fr; border: round $panel-lighten-2; }
    PrepareScreen #prepare-members:focus { border: round $accent; }
    PrepareScreen #prepare-fields { width: 1fr; height: 1fr; padding: 0 1; }
    PrepareScreen .prepare-title { height: auto; text-style: bold; color: $accent; }
    PrepareScreen .field-label { height: auto; margin-top: 1; text-style: bold; }
    PrepareScreen .field-hint { height: auto; color: $text-muted; }
    PrepareScreen .field { height: auto; }
    PrepareScreen NoteArea { height: 7; }
    PrepareScreen .pnr-warning { display: none; height: auto; color: $error; text-style: bold; }
    PrepareScreen .pnr-warning.-shown { display: block; }
    PrepareScreen #prepare-save { height: 1; padding: 0 1; }
    PrepareScreen.-narrow #prepare-members { width: 22; }
    PrepareScreen.-narrow NoteArea { height: 5; }
    """

    @dataclass
    class Saved(Message):
        seq: int

    @dataclass
    class SaveFailed(Message):
        seq: int
        error: str

    def __init__(self, template) -> None:
        super().__init__()
        self.template = template
        self.series_id = ""
        self.texts: dict[tuple[str, str], str] = {}
        self.dirty: dict[tuple[str, str], str] = {}
        self.member = ""
        self.saver = None
        self.seq = self.saved_seq = 0
        self.save_error = ""

    def compose(self) -> ComposeResult:
        yield Static("", id="prepare-header")
        yield Static("", id="prepare-notice")
        with Horizontal(id="prepare-body"):
            yield OptionList(id="prepare-members")
            yield VerticalScroll(id="prepare-fields")
        yield Static("", id="prepare-save")
        yield Footer()

    def on_mount(self) -> None:
        from orat_tui.domain.intake import next_meeting_date

        day = next_meeting_date(self.template, self.app.clock.now().date())
        self.day: date = day
        when = format_date(day) + (f" {self.template.start:%H:%M}" if self.template.start else "")
        self.query_one("#prepare-header", Static).update(
            "[b]" + _("Preparing the next meeting") + f"[/] · {self.template.name} · {when}")
        self.app.call_store(load_preparation, self.app.store, self.template,
                            self.app.clock.now(), done=self._loaded)

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "-narrow")

    def _loaded(self, result) -> None:
        from orat_tui.store.intake_saver import PreparedSaver

        self.series_id, self.texts, live = result
        self.saver = PreparedSaver(
            self.app.store, self.series_id, self.app.who,
            on_saved=lambda seq: self.post_message(self.Saved(seq)),
            on_error=lambda seq, err: self.post_message(self.SaveFailed(seq, err)))
        if live is not None:
            notice = self.query_one("#prepare-notice", Static)
            notice.update(_("A meeting of this series is under way: what you write here is for "
                            "the meeting after it."))
            notice.display = True
        self.fill_members()
        members = self.query_one("#prepare-members", OptionList)
        members.highlighted = 0
        members.focus()
        self.set_interval(getattr(self.app, "autosave_every", SAVE_EVERY), self.tick)
        self.show_save_state()

    # -- the members ---------------------------------------------------------------------
    def filled(self, member: str) -> int:
        return sum(1 for (m, _f), text in self.texts.items() if m == member and text.strip())

    def fill_members(self) -> None:
        from orat_tui.domain.intake import field_keys

        ol = self.query_one("#prepare-members", OptionList)
        highlighted = ol.highlighted
        ol.clear_options()
        for m in self.template.members:
            n, total = self.filled(m.key), len(field_keys(self.template, m.key))
            mark = f"[green]●{n}/{total}[/]" if n else f"[dim]○0/{total}[/]"
            ol.add_option(Option(f"{mark} {m.short}", id=m.key))
        if highlighted is not None:
            ol.highlighted = highlighted

    @on(OptionList.OptionHighlighted, "#prepare-members")
    def _member(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != self.member:
            self.show_member(event.option.id)

    @on(OptionList.OptionSelected, "#prepare-members")
    def _enter(self, _event: OptionList.OptionSelected) -> None:
        self.focus_fields()

    def focus_fields(self, tries: int = 20) -> None:
        """Into the first field of the member on show, once their fields are mounted (Enter
        may come right after the arrow key that changed the member)."""
        areas = [a for a in self.query_one("#prepare-fields").query(NoteArea)
                 if a.slot.startswith(self.member + ":") and a.is_mounted]
        if areas:
            areas[0].focus()
        elif tries:
            self.set_timer(0.05, lambda: self.focus_fields(tries - 1))

    def show_member(self, member: str) -> None:
        from orat_tui.intake_form import field_title
        from orat_tui.domain.intake import intake_fields

        self.member = member
        spec = self.template.member(member)
        pane = self.query_one("#prepare-fields", VerticalScroll)
        pane.remove_children()
        widgets = [Static(spec.name.upper() + (f" · {spec.role}" if spec.role else ""),
                          classes="prepare-title")]
        for f in intake_fields(self.template, member):
            hints = [f.hint] if f.hint else []
            if f.prompts:
                hints.append(_("Prompts: ") + " · ".join(f.prompts))
            if f.kind == "turn" and not f.hint:
                hints.append(_("Only what matters to the others or to the city."))
            area = NoteArea(f"{member}:{f.key}", self.texts.get((member, f.key), ""))
            widgets.append(Vertical(
                Label(field_title(f), classes="field-label"),
                *([Static("\n".join(hints), classes="field-hint")] if hints else []),
                area, Label("", classes="pnr-warning"), classes="field"))
        if len(widgets) == 1:
            widgets.append(Static(_("This template's agenda has no points or turns to prepare for."),
                                  classes="field-hint"))
        pane.mount_all(widgets)
        pane.scroll_home(animate=False)

    def action_focus_members(self) -> None:
        self.query_one("#prepare-members", OptionList).focus()

    # -- saving ----------------------------------------------------------------------------
    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        if not isinstance(area, NoteArea) or ":" not in area.slot:
            return
        member, field = area.slot.split(":", 1)
        if self.texts.get((member, field), "") == area.text:
            return
        before = self.filled(member)
        self.texts[(member, field)] = area.text
        self.dirty[(member, field)] = area.text
        if self.filled(member) != before:
            self.fill_members()
        self.show_save_state()

    def tick(self) -> None:
        if self.dirty:
            self.submit()

    def submit(self) -> None:
        if self.saver is None or not self.dirty:
            return
        self.seq += 1
        self.saver.submit(dict(self.dirty), self.seq)
        self.dirty = {}
        self.show_save_state()

    def on_prepare_screen_saved(self, message: Saved) -> None:
        self.saved_seq = max(self.saved_seq, message.seq)
        self.save_error = ""
        self.show_save_state()

    def on_prepare_screen_save_failed(self, message: SaveFailed) -> None:
        self.save_error = message.error
        self.show_save_state()

    def show_save_state(self) -> None:
        label = self.query_one("#prepare-save", Static)
        if self.save_error:
            label.update("[b red]✗ " + _("NOT SAVED") + f"[/] [red]{escape(self.save_error)}[/]")
        elif self.dirty or self.saved_seq < self.seq:
            label.update("[yellow]◌ " + _("saving…") + "[/]")
        else:
            label.update("[dim green]● " + _("saved") + "[/]  [dim]" + _(
                "Tab moves to the next field · alt+a the members · Esc back") + "[/]")

    def action_save(self) -> None:
        self.submit()

    def action_close(self) -> None:
        self.submit()
        if self.saver is not None and not self.saver.flush():
            self.notify(_("The preparation could not be saved: {error}").format(
                error=self.save_error or "?"), severity="error")
            return
        self.app.pop_screen()

    def on_unmount(self) -> None:
        """Leaving, or quitting the app: what was typed since the last tick is written first
        (a database that fails to save does not keep the user waiting at the door)."""
        if self.saver is not None:
            if self.dirty:  # (not submit(): the screen's widgets are gone)
                self.seq += 1
                self.saver.submit(dict(self.dirty), self.seq)
                self.dirty = {}
            self.saver.close(1.0 if self.save_error else 5.0)
            self.saver = None
