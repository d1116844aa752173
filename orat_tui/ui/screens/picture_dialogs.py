"""The picture's small dialogs: a level with the seed's meaning of each as help and a one-line
reason for a change; an area's name and kind."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, OptionList, Static
from textual.widgets.option_list import Option

from orat_tui.domain.levels import LEVELS
from orat_tui.i18n import _
from orat_tui.labels_picture import LEVEL_STYLE, level_meaning, level_name, level_short
from orat_tui.ui.screens.dialogs import DIALOG_CSS


class LevelDialog(ModalScreen[tuple[str, str] | None]):
    """Pick a level (1-4 or arrows, Enter). Picking `free` (the level as it is, or orat's
    suggestion) needs no reason; any other level asks for a one-line reason."""

    DEFAULT_CSS = DIALOG_CSS.replace("{name}", "LevelDialog") + """
    LevelDialog > Vertical { width: 84; padding: 0 1; }
    LevelDialog OptionList { height: auto; max-height: 20; }
    LevelDialog #level-reason { display: none; }
    LevelDialog.-reason #level-reason { display: block; }
    LevelDialog.-reason #level-options { display: none; }
    LevelDialog #level-error { color: $error; height: auto; }
    """
    BINDINGS = [
        Binding("escape", "cancel", _("Cancel"), id="level-cancel"),
    ] + [Binding(str(i), f"pick({i - 1})", level_name(lv), show=False, id=f"level-{i}")
         for i, lv in enumerate(LEVELS, start=1)]

    def __init__(self, title: str, current: str, free: str, note: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.current = current
        self.free = free
        self.note = note
        self.chosen: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text, style="bold"), classes="question")
            if self.note:
                yield Static(self.note, classes="question")
            options = []
            for i, lv in enumerate(LEVELS, start=1):
                line = Text()
                line.append(f"{i} ")
                line.append(f" {level_short(lv)} ", style=LEVEL_STYLE[lv])
                line.append(f" {level_name(lv)}", style="bold")
                if lv == self.current:
                    line.append("  (" + _("now") + ")", style="dim")
                if lv == self.free and self.free != self.current:
                    line.append("  (" + _("suggested") + ")", style="bold")
                line.append("\n   " + level_meaning(lv), style="dim")
                options.append(Option(line, id=lv))
            yield OptionList(*options, id="level-options")
            yield Input(placeholder=_("Reason for the change (one line)"), id="level-reason")
            yield Static("", id="level-error")
            yield Static(_("1–4 or arrows choose · Enter takes it · Escape cancels"),
                         classes="question")

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        ol.highlighted = LEVELS.index(self.current) if self.current in LEVELS else 0
        ol.focus()
        self.call_after_refresh(self.fit_list)

    def on_resize(self) -> None:
        self.call_after_refresh(self.fit_list)

    def fit_list(self) -> None:
        """The four levels with their meanings are taller than 24 rows: the list gets the
        rows the title, note and hint leave, and scrolls. (Once a level is chosen the list
        makes room for the reason: its name is on the reason's border.)"""
        box, ol = self.query_one(Vertical), self.query_one(OptionList)
        if not ol.display:
            return
        others = box.outer_size.height - ol.outer_size.height
        ol.styles.max_height = max(4, min(20, self.size.height - others))
        ol.scroll_to_highlight()

    def action_pick(self, index: int) -> None:
        if self.has_class("-reason"):
            return
        ol = self.query_one(OptionList)
        ol.highlighted = index
        self.take(LEVELS[index])

    @on(OptionList.OptionSelected, "#level-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.take(event.option.id)

    def take(self, level: str) -> None:
        if level == self.free:
            self.dismiss((level, ""))
            return
        self.chosen = level
        self.add_class("-reason")
        reason = self.query_one("#level-reason", Input)
        reason.border_title = level_name(level)
        reason.focus()

    @on(Input.Submitted, "#level-reason")
    def _reason(self, event: Input.Submitted) -> None:
        text = " ".join(event.value.split())
        if not text:
            self.query_one("#level-error", Static).update(
                _("A change of level needs a one-line reason."))
            return
        self.dismiss((self.chosen, text))

    def action_cancel(self) -> None:
        if self.has_class("-reason"):  # back to the levels
            self.remove_class("-reason")
            self.query_one("#level-error", Static).update("")
            self.query_one(OptionList).focus()
            return
        self.dismiss(None)


class AreaDialog(ModalScreen[tuple[str, str] | None]):
    """An area's name and whether it is a hotspot (else a stadsdel)."""

    DEFAULT_CSS = DIALOG_CSS.replace("{name}", "AreaDialog")
    BINDINGS = [Binding("escape", "cancel", _("Cancel"), id="area-cancel")]

    def __init__(self, title: str, name: str = "", kind: str = "stadsdel") -> None:
        super().__init__()
        self.title_text = title
        self.name_value = name
        self.kind = kind

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text, style="bold"), classes="question")
            yield Input(self.name_value, placeholder=_("Name of the area"), id="area-name")
            yield Checkbox(_("Hotspot (a place, not a whole district)"),
                           self.kind == "hotspot", id="area-hotspot")
            yield Static(_("Enter saves · Escape cancels"), classes="question")

    def on_mount(self) -> None:
        self.query_one("#area-name", Input).focus()

    @on(Input.Submitted, "#area-name")
    def _submit(self, event: Input.Submitted) -> None:
        name = " ".join(event.value.split())
        if not name:
            self.notify(_("An area needs a name."), severity="warning")
            return
        hotspot = self.query_one("#area-hotspot", Checkbox).value
        self.dismiss((name, "hotspot" if hotspot else "stadsdel"))

    def action_cancel(self) -> None:
        self.dismiss(None)


class EventPicker(ModalScreen[str | None]):
    """Pick one of a few events (its id), e.g. one to open again."""

    DEFAULT_CSS = DIALOG_CSS.replace("{name}", "EventPicker") + """
    EventPicker OptionList { height: auto; max-height: 12; }
    """
    BINDINGS = [Binding("escape", "cancel", _("Cancel"), id="event-picker-cancel")]

    def __init__(self, title: str, events) -> None:
        super().__init__()
        self.title_text = title
        self.events = events

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text, style="bold"), classes="question")
            yield OptionList(*(Option(e.title, id=e.id) for e in self.events))
            yield Static(_("Enter chooses · Esc cancels"), classes="question")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
