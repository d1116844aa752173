"""alt+d: a decision, a need for a new decision or reinforcement, a short-term coordination
need or who must be informed, recorded beside the step's notes (one item per line). And the
focus-area picker of alt+o."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from orat_tui.domain.agenda import Step
from orat_tui.domain.steps import ITEM_FIELDS
from orat_tui.i18n import _
from orat_tui.labels import field_label

# Örebro's points 5-7 ask for exactly these items
POINT_KINDS = {5: "need", 6: "coordination", 7: "inform"}

DIALOG = """
{name} {{ align: center middle; }}
{name} > Vertical {{ width: 70; max-width: 100%; height: auto; border: thick $accent;
    background: $surface; padding: 0 1; }}
{name} .title {{ text-style: bold; color: $accent; height: 1; }}
{name} OptionList {{ height: auto; max-height: 8; }}
{name} .hint {{ color: $text-muted; height: auto; }}
"""


def default_kind(step: Step) -> str:
    if step.kind == "point":
        return POINT_KINDS.get(step.number, "decision")
    return "decision"


class ItemDialog(ModalScreen[tuple[str, str] | None]):
    TYPE_AHEAD = frozenset({"select"})  # Enter on the kind: keys typed next wait for the text
    DEFAULT_CSS = DIALOG.format(name="ItemDialog")
    BINDINGS = [Binding("escape", "cancel", _("Cancel"), id="item-cancel")]

    def __init__(self, kind: str = "decision") -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Record a decision or another item"), classes="title")
            yield OptionList(*(Option(field_label(k), id=k) for k in ITEM_FIELDS),
                             id="item-kind")
            # back from the kind (shift+tab, Enter) the text goes on: not selected, so that
            # what is typed next does not replace it
            yield Input(id="item-text", placeholder=_("the decision, the need, who …"),
                        select_on_focus=False)
            yield Static(_("Enter saves · shift+tab chooses the kind · Esc cancels"),
                         classes="hint")

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        ol.highlighted = ITEM_FIELDS.index(self.kind) if self.kind in ITEM_FIELDS else 0
        self.query_one(Input).focus()

    @on(OptionList.OptionSelected, "#item-kind")
    def _kind(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        text = " ".join(event.value.split())
        if not text:
            self.dismiss(None)
            return
        ol = self.query_one(OptionList)
        kind = ITEM_FIELDS[ol.highlighted or 0]
        self.dismiss((kind, text))

    def has_unsaved_text(self) -> bool:
        return bool(self.query_one(Input).value.strip())

    def action_cancel(self) -> None:
        from orat_tui.ui.screens.discard import ask_to_discard

        ask_to_discard(self, self.has_unsaved_text(), lambda: self.dismiss(None))


class FocusPicker(ModalScreen[str | None]):
    """Which focus area a note belongs to; '' takes the tag away."""

    DEFAULT_CSS = DIALOG.format(name="FocusPicker")
    BINDINGS = [Binding("escape", "cancel", _("Cancel"), id="focus-cancel")]

    def __init__(self, areas, current: str = "") -> None:
        super().__init__()
        self.areas = areas
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Focus area of this note"), classes="title")
            options = [Option(a.name, id=a.key) for a in self.areas]
            options.append(Option(_("(no focus area)"), id="-"))
            yield OptionList(*options, id="focus-list")
            yield Static(_("Enter chooses · Esc cancels"), classes="hint")

    def on_mount(self) -> None:
        ol = self.query_one(OptionList)
        keys = [a.key for a in self.areas]
        ol.highlighted = keys.index(self.current) if self.current in keys else 0
        ol.focus()

    @on(OptionList.OptionSelected, "#focus-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss("" if event.option.id == "-" else event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
