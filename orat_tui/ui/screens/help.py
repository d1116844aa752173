"""The help screen: every key of the screen below, from its bindings (remapped keys too)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from orat_tui.i18n import _


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", _("Close"), id="help-close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical { width: 90; max-width: 98%; height: 90%; border: thick $accent;
        background: $surface; padding: 0 1; }
    HelpScreen DataTable { height: 1fr; }
    HelpScreen .help-title { text-style: bold; height: auto; }
    """

    def __init__(self, below) -> None:
        super().__init__()
        self.below = below

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(_("Keys  (Escape closes; ctrl+p searches every command)"), classes="help-title")
            yield DataTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Key"), _("Action"), _("What it does"))
        seen = set()
        keymap = self.app._keymap if hasattr(self.app, "_keymap") else {}
        for source in (self.below, *self.below.query("*"), self.app):
            for binding in getattr(source, "BINDINGS", []):
                # no id: one of Textual's own (a list's or table's Enter, "Select"), in English
                if not isinstance(binding, Binding) or not binding.id or binding.id in seen:
                    continue
                seen.add(binding.id)
                keys = keymap.get(binding.id, binding.key) if binding.id else binding.key
                pretty = ", ".join(self.app.get_key_display(Binding(k.strip(), "")) for k in keys.split(","))
                table.add_row(pretty, binding.description, binding.tooltip or "")
        table.add_row("ctrl+q", _("Quit"), _("Quit orat (everything is saved first)"))
        table.focus()
