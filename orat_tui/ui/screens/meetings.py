"""Every meeting, newest first, with its state; filtered by series. Enter opens one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Select, Static
from textual.widgets.option_list import Option

from orat_tui.i18n import _, format_date

PAGE = 60  # rows fetched at a time; more as the list is scrolled to its end


class MeetingsScreen(Screen[None]):
    BINDINGS = [Binding("escape", "close", _("Back"), id="meetings-close",
                        tooltip=_("Back to the start"))]
    DEFAULT_CSS = """
    MeetingsScreen { padding: 0 1; }
    MeetingsScreen #meetings-title { text-style: bold; height: 1; }
    MeetingsScreen Select { width: 60; margin: 1 0; }
    MeetingsScreen #meetings-list { height: 1fr; }
    """

    def __init__(self, first: list | None = None) -> None:
        super().__init__()
        self.first = list(first or [])  # the newest meetings, as the home screen has them
        self.series_id: str | None = None
        self.loaded = 0
        self.exhausted = False
        self.loading = False

    def compose(self) -> ComposeResult:
        yield Static(_("Meetings"), id="meetings-title")
        yield Select([], prompt=_("All series"), id="series-filter", allow_blank=True)
        yield OptionList(id="meetings-list")
        yield Footer()

    def on_mount(self) -> None:
        if self.first:  # on screen with the screen itself; the rest is read after it
            self._add_rows(self.first)
        self.call_after_refresh(self._read_the_rest)

    def _read_the_rest(self) -> None:
        self.app.call_store(self.app.store.list_series, done=self._series)
        self.load_more()
        self.query_one(OptionList).focus()

    def _series(self, series) -> None:
        self.query_one(Select).set_options([(s.name, s.id) for s in series])

    @on(Select.Changed, "#series-filter")
    def _filter(self, event: Select.Changed) -> None:
        value = event.value
        self.series_id = None if value is Select.BLANK else value
        self.query_one(OptionList).clear_options()
        self.loaded, self.exhausted = 0, False
        self.load_more()

    def load_more(self) -> None:
        if self.loading or self.exhausted:
            return
        self.loading = True
        store, series_id, offset = self.app.store, self.series_id, self.loaded

        def page():
            return series_id, store.recent_meetings(PAGE, series_id=series_id, offset=offset)

        self.app.call_store(page, done=self._page)

    def _page(self, result) -> None:
        series_id, rows = result
        self.loading = False
        if series_id != self.series_id:  # the filter changed meanwhile
            return self.load_more()
        self._add_rows(rows)
        self.exhausted = len(rows) < PAGE

    def _add_rows(self, rows) -> None:
        from orat_tui.export.markdown import STATES

        ol = self.query_one(OptionList)
        def state(info) -> str:
            return _(STATES.get(info.state, info.state))

        ol.add_options([
            Option(f"{format_date(info.started_at.date())} {info.started_at:%H:%M}  "
                   f"{info.title}  [dim]{state(info)}[/]", id=info.id)
            for info in rows])
        self.loaded += len(rows)
        if ol.option_count and ol.highlighted is None:
            ol.highlighted = 0

    @on(OptionList.OptionHighlighted, "#meetings-list")
    def _near_end(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= self.loaded - 10:
            self.load_more()

    @on(OptionList.OptionSelected, "#meetings-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.app.open_meeting_at(event.option.id)

    def action_close(self) -> None:
        self.app.pop_screen()
