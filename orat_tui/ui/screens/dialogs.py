"""Small modal dialogs: a yes/no question and a one-line text prompt."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from orat_tui.i18n import _

DIALOG_CSS = """
{name} { align: center middle; }
{name} > Vertical { width: 64; max-width: 95%; height: auto; border: thick $accent;
    background: $surface; padding: 1 2; }
{name} .question { height: auto; margin-bottom: 1; }
{name} Horizontal { height: auto; align-horizontal: right; }
{name} Button { margin-left: 1; }
"""


class ConfirmScreen(ModalScreen[bool]):
    DEFAULT_CSS = DIALOG_CSS.replace("{name}", "ConfirmScreen")
    BINDINGS = [Binding("escape", "cancel", _("Cancel"), id="dialog-cancel"),
                Binding("y,j", "ok", _("Yes"), show=False, id="dialog-yes")]

    def __init__(self, question: str, yes: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.yes = yes or _("Yes")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, classes="question")
            with Horizontal():
                yield Button(_("Cancel"), id="no")
                yield Button(self.yes, id="yes", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    @on(Button.Pressed, "#yes")
    def action_ok(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(False)


class TextPrompt(ModalScreen[str | None]):
    DEFAULT_CSS = DIALOG_CSS.replace("{name}", "TextPrompt")
    BINDINGS = [Binding("escape", "cancel", _("Cancel"), id="prompt-cancel")]

    def __init__(self, question: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, classes="question")
            # a suggested value is selected as the prompt opens: typing replaces it, an arrow
            # key, Home or End keeps it to edit
            yield Input(self.value, placeholder=self.placeholder, select_on_focus=True)
            hint = _("Enter saves · Escape cancels")
            if self.value:
                hint = _("Typing replaces the suggestion, → or Home keeps it") + " · " + hint
            yield Static(hint, classes="question")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
