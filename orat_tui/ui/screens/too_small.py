"""Shown while the terminal is smaller than orat can use; it goes away by itself when the
terminal grows again. The meeting underneath goes on (the clock runs, the notes are kept)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from orat_tui.i18n import _

MIN_WIDTH, MIN_HEIGHT = 60, 16


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(Screen[None]):
    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen Static { width: 100%; height: auto; content-align: center middle;
        text-align: center; color: $warning; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="too-small")

    def on_mount(self) -> None:
        self.show_size()

    def on_resize(self) -> None:
        self.show_size()

    def on_screen_resume(self) -> None:
        self.show_size()

    def show_size(self) -> None:
        width, height = self.app.size
        if not too_small(width, height):
            if self.app.screen is self:
                self.app.pop_screen()
            return
        self.query_one(Static).update(
            _("The terminal is too small for orat: {w}×{h}, it needs at least {mw}×{mh}. "
              "Make the window larger; nothing is lost meanwhile.").format(
                w=width, h=height, mw=MIN_WIDTH, mh=MIN_HEIGHT))
