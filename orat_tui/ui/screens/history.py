"""A meeting's history: every recorded change, with what was before and after as a diff."""

from __future__ import annotations

import difflib

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from orat_tui.domain.meeting import Meeting
from orat_tui.i18n import N_, _
from orat_tui.labels import field_label, step_label

ACTIONS = {"edit": N_("changed"), "approve": N_("approved the minutes"), "reopen": N_("reopened"),
           "override": N_("overrode a personal-number warning"), "redact": N_("removed personal numbers"),
           "import": N_("imported")}


def describe_field(meeting: Meeting, field: str) -> str:
    """'Polisen · Gången vecka' for a note's slot; readable names for the other fields."""
    kind, _sep, rest = field.partition(":")
    if kind == "step":
        step_id, _sep, name = rest.partition(":")
        step = next((s for s in meeting.steps if s.id == step_id), None)
        where = step_label(meeting, step, short=False) if step else "?"
        return f"{where} · {field_label(name)}"
    if kind == "member":
        key, _sep, name = rest.partition(":")
        return field_label(name).format(name=meeting.name_of(key)) if "{name}" in field_label(name) \
            else f"{meeting.name_of(key)} · {field_label(name)}"
    if kind == "attendance":
        return _("attendance of {name}").format(name=meeting.name_of(rest))
    if kind == "time":
        step = next((s for s in meeting.steps if s.id == rest), None)
        return _("spoken time of {step}").format(step=step_label(meeting, step, short=False) if step else "?")
    if kind == "internal":
        return _("internal or shared: {field}").format(field=describe_field(meeting, rest))
    return field


def diff_text(before: str, after: str) -> Text:
    out = Text()
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            out.append("  − " + line[2:] + "\n", style="red")
        elif line.startswith("+ "):
            out.append("  + " + line[2:] + "\n", style="green")
        elif line.startswith("  "):
            out.append("    " + line[2:] + "\n", style="dim")
    return out


class HistoryScreen(Screen[None]):
    BINDINGS = [Binding("escape,q", "close", _("Back"), id="history-close",
                        tooltip=_("Back to the minutes"))]
    DEFAULT_CSS = """
    HistoryScreen VerticalScroll { padding: 0 2; }
    HistoryScreen .entry { height: auto; margin-bottom: 1; }
    """

    def __init__(self, meeting: Meeting, trail: list) -> None:
        super().__init__()
        self.meeting = meeting
        self.trail = trail

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text(_("History of {title}, {date}").format(
                title=self.meeting.title, date=self.meeting.started_at.strftime("%Y-%m-%d")),
                style="bold"))
            if not self.trail:
                yield Static(_("No changes recorded."))
            for e in self.trail:
                head = Text()
                head.append(f"{e.at:%Y-%m-%d %H:%M}  ", style="dim")
                head.append(e.who, style="bold")
                head.append(" " + _(ACTIONS.get(e.action, e.action)))
                if e.field:
                    head.append(f" {describe_field(self.meeting, e.field)}", style="italic")
                if e.reason:
                    head.append("\n  " + _("Reason: ") + e.reason, style="yellow")
                body = Text()
                body.append(head)
                if e.action == "edit":
                    body.append("\n")
                    body.append(diff_text(e.before, e.after))
                yield Static(body, classes="entry")
        yield Footer()

    def action_close(self) -> None:
        self.app.pop_screen()
