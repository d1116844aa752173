"""The shared-screen view: what the room may see. Big clock, who has the floor, who is next,
the agenda with times, the projected end. Never the text of the notes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Digits, Footer, Static

from orat_tui.domain.timer import TimerState, format_clock, format_duration
from orat_tui.i18n import _
from orat_tui.labels import step_label
from orat_tui.ui.widgets.agenda_list import AgendaList


class SharedScreen(Screen[None]):
    BINDINGS = [
        Binding("f8,escape", "close", _("Back to the notes"), id="shared-close",
                tooltip=_("Leave the shared-screen view")),
        Binding("f2", "next", _("Next"), id="shared-next", tooltip=_("Next step")),
        Binding("f4", "pause", _("Pause"), id="shared-pause", tooltip=_("Pause or resume")),
        Binding("f5", "add_minute", _("+1 min"), id="shared-add-minute", tooltip=_("One more minute")),
    ]
    DEFAULT_CSS = """
    SharedScreen #shared-body { height: 1fr; }
    SharedScreen #shared-agenda { width: 36; height: 1fr; }
    SharedScreen #shared-main { width: 1fr; align: center middle; padding: 1 2; }
    SharedScreen #shared-speaker { text-style: bold; color: $accent; height: auto; content-align: center middle; width: 100%; }
    SharedScreen #shared-digits { width: auto; height: auto; margin: 1 0; }
    SharedScreen #shared-digits.-warning { color: $warning; }
    SharedScreen #shared-digits.-overtime { color: $error; text-style: bold; }
    SharedScreen .shared-line { height: auto; width: 100%; content-align: center middle; }
    SharedScreen #shared-header { height: 1; background: $panel; padding: 0 1; }
    """

    def __init__(self, meeting_screen) -> None:
        super().__init__()
        self.ms = meeting_screen

    def compose(self) -> ComposeResult:
        yield Static("", id="shared-header")
        with Horizontal(id="shared-body"):
            yield AgendaList(id="shared-agenda")
            with Vertical(id="shared-main"):
                yield Static("", id="shared-speaker")
                yield Digits("00:00", id="shared-digits")
                yield Static("", id="shared-budget", classes="shared-line")
                yield Static("", id="shared-next", classes="shared-line")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(AgendaList).can_focus = False
        self.refresh_view()
        self.set_interval(0.5, self.refresh_view)

    def refresh_view(self) -> None:
        ms = self.ms
        walk, m = ms.walk, ms.meeting
        now = self.app.clock.monotonic()
        wall = self.app.clock.now()
        self.query_one(AgendaList).show(m, walk, now)
        self.query_one("#shared-header", Static).update(
            f"[b]{m.title}[/]   [b]{wall:%H:%M}[/]   " + _("projected end")
            + f" [b]{walk.projected_end(wall, now):%H:%M}[/] (" + _("plan") + f" {m.planned_end:%H:%M})")
        step = walk.current
        who = step_label(m, step, short=False)
        if step.kind in ("point", "follow_up", "picture") and walk.floor:
            who += "\n" + _("has the floor:") + f" {m.name_of(walk.floor)}"
        self.query_one("#shared-speaker", Static).update(who)
        digits = self.query_one("#shared-digits", Digits)
        digits.update(format_clock(walk.timer.remaining(now)))
        state = walk.timer.state(now)
        digits.set_class(state is TimerState.WARNING, "-warning")
        digits.set_class(state is TimerState.OVERTIME, "-overtime")
        paused = "" if walk.timer.running else "  (" + _("paused") + ")"
        self.query_one("#shared-budget", Static).update(
            _("of {budget}").format(budget=format_duration(walk.timer.budget)) + paused)
        nxt = walk.next_step()
        self.query_one("#shared-next", Static).update(
            _("Next:") + f" [b]{step_label(m, nxt, short=False)}[/]" if nxt else _("Last step"))

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_next(self) -> None:
        self.ms.action_next()
        self.refresh_view()

    def action_pause(self) -> None:
        self.ms.action_pause()
        self.refresh_view()

    def action_add_minute(self) -> None:
        self.ms.action_add_minute()
        self.refresh_view()
