"""A note field: a TextArea that knows which note (slot) it holds."""

from __future__ import annotations

from textual.widgets import TextArea


class NoteArea(TextArea):
    DEFAULT_CSS = """
    NoteArea { height: 1fr; min-height: 4; border: round $panel-lighten-2; }
    NoteArea:focus { border: round $accent; }
    """

    def __init__(self, slot: str, text: str = "", **kwargs) -> None:
        super().__init__(text, soft_wrap=True, show_line_numbers=False, tab_behavior="focus",
                         **kwargs)
        self.slot = slot
