"""The big countdown: warning colour at the share of the budget, overtime counted upwards."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from orat_tui.domain.timer import SpeakerTimer, TimerState, format_clock, format_duration
from orat_tui.i18n import _
from orat_tui.ui.widgets.quiet import set_text


class TimerBox(Vertical):
    DEFAULT_CSS = """
    TimerBox { height: auto; border: round $primary; padding: 0 1; }
    TimerBox Digits { width: auto; }
    TimerBox.-warning { border: round $warning; }
    TimerBox.-warning Digits { color: $warning; }
    TimerBox.-overtime { border: round $error; }
    TimerBox.-overtime Digits { color: $error; text-style: bold; }
    TimerBox #timer-of { color: $text-muted; }
    TimerBox #timer-state { color: $text-muted; }
    TimerBox.-overtime #timer-state { color: $error; }
    """

    def compose(self) -> ComposeResult:
        yield Digits("00:00", id="timer-digits")
        yield Static("", id="timer-of")
        yield Static("", id="timer-state")

    def show_spoken(self, elapsed: float, budget: float) -> None:
        """Afterwards: how long the step took, against its budget (no countdown)."""
        self.query_one(Digits).update(format_duration(elapsed).rjust(5, "0"))
        set_text(self.query_one("#timer-of", Static),
                 _("spoken, of {budget}").format(budget=format_duration(budget)))
        set_text(self.query_one("#timer-state", Static), "")
        self.set_class(False, "-warning")
        self.set_class(elapsed > budget, "-overtime")

    def show(self, timer: SpeakerTimer, now: float) -> TimerState:
        state = timer.state(now)
        self.query_one(Digits).update(format_clock(timer.remaining(now)))
        set_text(self.query_one("#timer-of", Static),
                 _("of {budget}").format(budget=format_duration(timer.budget)))
        if not timer.running:
            label = _("paused")
        elif state is TimerState.OVERTIME:
            label = _("overtime")
        else:
            label = ""
        set_text(self.query_one("#timer-state", Static), label)
        self.set_class(state is TimerState.WARNING, "-warning")
        self.set_class(state is TimerState.OVERTIME, "-overtime")
        self.set_class(not timer.running, "-paused")
        return state
