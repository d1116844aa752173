"""The agenda on the left: done, current, next, absent; planned and actual times."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from orat_tui.domain.agenda import AgendaWalk, Status
from orat_tui.domain.meeting import Meeting
from orat_tui.domain.timer import format_duration
from orat_tui.labels import step_label
from orat_tui.i18n import _

MARKS = {
    Status.DONE: "✓",
    Status.CURRENT: "▶",
    Status.PENDING: "○",
    Status.SKIPPED: "–",
    Status.ABSENT: "✗",
}


class AgendaList(OptionList):
    """Read from the walk: rebuilt when the agenda changes (it is short) or its width does (the
    rows are padded to it: rows drawn before the first layout would wrap); on the clock's tick
    only the row on show is redrawn."""

    shown: tuple = (None, None, 0.0, 0)  # meeting, walk, time and label width last drawn with

    def on_resize(self) -> None:
        meeting, walk, now, width = self.shown
        if walk is not None and width != self._label_width():
            self.show(meeting, walk, now)

    def _label_width(self) -> int:
        # the room the widget has: marker, label, time, borders and scrollbar
        return max(8, (self.size.width or 30) - 12)

    def row(self, meeting: Meeting, walk: AgendaWalk, i: int, now: float) -> Text:
        step = walk.steps[i]
        label_width = self._label_width()
        on_show = i == walk.index
        mark = "▶" if on_show else MARKS[step.status]
        label = step_label(meeting, step)
        if len(label) > label_width:
            label = label[: label_width - 1] + "…"
        if step.status is Status.ABSENT:
            time_text = _("absent")
        elif step.status is Status.CURRENT:
            time_text = format_duration(walk.timer.elapsed(now))
        elif step.status in (Status.DONE, Status.SKIPPED) and step.elapsed:
            time_text = format_duration(step.elapsed)
        else:
            time_text = format_duration(step.budget)
        row = Text()
        row.append(f"{mark} ", style="bold" if on_show else "")
        row.append(f"{label:<{label_width}}",
                   style="bold" if on_show else
                   ("dim" if step.status in (Status.ABSENT, Status.SKIPPED) else ""))
        over = step.status in (Status.DONE, Status.CURRENT) and (
            (walk.timer.elapsed(now) if step.status is Status.CURRENT else step.elapsed) > step.budget
        )
        row.append(f" {time_text:>6}", style="bold red" if over else "dim")
        return row

    def show(self, meeting: Meeting, walk: AgendaWalk, now: float) -> None:
        self.shown = (meeting, walk, now, self._label_width())
        keep = self.highlighted
        self.clear_options()
        for i in range(len(walk.steps)):
            self.add_option(Option(self.row(meeting, walk, i, now), id=f"step-{i}"))
        if keep is not None and keep < len(walk.steps):
            self.highlighted = keep

    def show_time(self, meeting: Meeting, walk: AgendaWalk, now: float) -> None:
        """The clock ticked: only the row on show changes."""
        if self.option_count != len(walk.steps) or self.shown[3] != self._label_width():
            return self.show(meeting, walk, now)
        row = self.row(meeting, walk, walk.index, now)
        if self.get_option_at_index(walk.index).prompt != row:  # the clock shows whole seconds
            self.replace_option_prompt_at_index(walk.index, row)
