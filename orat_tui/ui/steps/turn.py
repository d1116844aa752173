"""A member's turn: what happened the past week, what is coming, with the template's prompts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from orat_tui.i18n import _
from orat_tui.ui.steps.base import StepView


class TurnView(StepView):
    def compose(self) -> ComposeResult:
        a = self.meeting.attendee(self.step.member)
        name = a.name if a else self.step.member
        role = f" · {a.role}" if a and a.role else ""
        sub = " · " + _("substitute: {name}").format(name=a.substitute) if a and a.substitute else ""
        kind = " · " + _("guest") if a and a.kind == "guest" else (
            " · " + _("adjunct") if a and a.kind == "adjunct" else "")
        yield Static(f"{name.upper()}{role}{kind}{sub}", classes="step-heading")
        if self.step.prompts:
            yield Static(_("Prompts: ") + " · ".join(self.step.prompts), classes="step-sub")
        yield self.with_prepared(self.fields(self.step))
