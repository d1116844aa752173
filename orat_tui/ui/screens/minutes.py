"""A past meeting, read back as its minutes (read-only)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown

from orat_tui.domain.meeting import Meeting
from orat_tui.i18n import _


class MinutesScreen(Screen[None]):
    BINDINGS = [Binding("escape,q", "close", _("Back"), id="minutes-close",
                        tooltip=_("Back to the list of meetings"))]
    DEFAULT_CSS = """
    MinutesScreen VerticalScroll { padding: 0 2; }
    MinutesScreen Markdown { max-width: 110; }
    """

    def __init__(self, meeting: Meeting, slot: str | None = None) -> None:
        super().__init__()
        self.meeting = meeting
        self.slot = slot  # the note to show first (a search hit)

    def compose(self) -> ComposeResult:
        from orat_tui.export.markdown import minutes_markdown

        with VerticalScroll():
            yield Markdown(minutes_markdown(self.meeting))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()

    def action_close(self) -> None:
        self.app.pop_screen()
