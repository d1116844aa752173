"""What a member prepared before the meeting, beside the live notes of their turn (or of a
point, every member's input for it): compact above the notes on a small screen, beside them
on a wide one. alt+p takes it over into the note; taken input says so."""

from __future__ import annotations

from dataclasses import dataclass

from rich.markup import escape
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from orat_tui.i18n import _

SIDE_BY_SIDE = 64  # columns of the step's pane from which the panel sits beside the notes


@dataclass(frozen=True)
class PanelItem:
    label: str  # "Past week", or the member's short name at a point
    text: str
    taken: bool


class PreparedPanel(VerticalScroll):
    DEFAULT_CSS = """
    PreparedPanel { display: none; height: auto; max-height: 7; margin-top: 1;
        border: round $secondary; border-title-color: $secondary; border-subtitle-color: $text-muted;
        padding: 0 1; }
    PreparedPanel.-shown { display: block; }
    PreparedPanel.-taken { border: round $panel-lighten-2; border-title-color: $text-muted; }
    PreparedPanel .prepared-text { height: auto; }
    PreparedPanel .prepared-text.-taken { color: $text-muted; }
    """

    def __init__(self) -> None:
        super().__init__(classes="prepared-panel")
        self.items: list[PanelItem] = []

    def on_mount(self) -> None:
        # read again at every step: a form read in during the meeting shows at its turn
        load = getattr(self.screen, "load_prepared", None)
        if load is not None:
            load()

    def show(self, items: list[PanelItem]) -> None:
        if items == self.items and self.children:
            return
        self.items = items
        self.set_class(bool(items), "-shown")
        all_taken = bool(items) and all(i.taken for i in items)
        self.set_class(all_taken, "-taken")
        self.border_title = _("Prepared") + (" ✓ " + _("taken over") if all_taken else "")
        self.border_subtitle = "" if all_taken else _("alt+p takes it over")
        self.remove_children()
        widgets = []
        if all_taken:  # out of the way: the text is in the note now
            labels = " · ".join(escape(i.label) for i in items)
            self.mount(Static(f"✓ {labels}", classes="prepared-text -taken"))
            return
        for item in items:
            mark = "✓ " if item.taken else ""
            widgets.append(Static(f"{mark}[b]{escape(item.label)}[/]: {escape(item.text)}",
                                  classes="prepared-text" + (" -taken" if item.taken else "")))
        self.mount_all(widgets)


class WithPrepared(Vertical):
    """The step's note fields with the prepared panel: side by side when there is room."""

    DEFAULT_CSS = """
    WithPrepared { height: 1fr; }
    WithPrepared.-side PreparedPanel { dock: right; width: 45%; height: 1fr; max-height: 100%;
        margin: 1 0 0 1; }
    """

    def on_resize(self) -> None:
        self.set_class(self.size.width >= SIDE_BY_SIDE, "-side")
