"""An agenda point (Örebro's 7 points): the point's wording, one note, who has the floor."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from orat_tui.domain.timer import format_duration
from orat_tui.i18n import _
from orat_tui.ui.steps.base import StepView


class PointView(StepView):
    def compose(self) -> ComposeResult:
        heading = f"{self.step.number}. {self.step.title}" if self.step.number else self.step.title
        yield Static(heading, classes="step-heading")
        yield Static(_("Who has the floor (shift+F1, shift+F2, …; the same key again: nobody)"),
                     classes="step-sub")
        yield Static("", id="floor-row")
        yield self.with_prepared(self.fields(self.step))

    def speakers(self) -> list:
        return [a for a in self.meeting.attendees if a.present]

    def refresh_live(self, now: float) -> None:
        row = Text()
        for i, a in enumerate(self.speakers()[:9], start=1):
            spoken = self.step.speakers.get(a.key, 0.0)
            if self.walk.floor == a.key:
                spoken += now - self.walk.floor_since
                style = "bold reverse"
            else:
                style = ""
            row.append(f" ⇧F{i} ", style="dim")
            row.append(f" {a.short} {format_duration(spoken)} ", style=style)
        self.query_one("#floor-row", Static).update(row)
