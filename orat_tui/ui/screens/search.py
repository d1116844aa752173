"""Search every note of every meeting: type, and the hits follow, newest meeting first, the
matched words highlighted. Enter opens the meeting at the note; Escape goes back."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from orat_tui.i18n import _, format_date, ngettext

PAUSE = 0.25  # seconds after the last key before the search runs
LIMIT = 100  # hits shown: newest first; more words narrow it down
MATCH_STYLE = "bold reverse"  # the matched words: visible in every theme, high contrast too


class SearchScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "close", _("Back"), id="search-close",
                tooltip=_("Back to where you were")),
        Binding("down", "to_results", _("To the hits"), show=False, id="search-to-results",
                tooltip=_("Move from the search field to the hits")),
        Binding("slash,ctrl+f", "to_input", _("Search field"), show=False, id="search-to-input",
                tooltip=_("Back to the search field")),
    ]
    DEFAULT_CSS = """
    SearchScreen { padding: 0 1; }
    SearchScreen #search-title { text-style: bold; height: 1; }
    SearchScreen #search-input { margin: 1 0 0 0; }
    SearchScreen #search-status { color: $text-muted; height: auto; margin: 0 0 1 1; }
    SearchScreen #search-results { height: 1fr; }
    """

    def __init__(self, query: str = "", series_id: str | None = None) -> None:
        """`query` fills the field (and is searched at once); `series_id` keeps the search to
        one series."""
        super().__init__()
        self.query_text = query
        self.series_id = series_id
        self.hits: list = []  # orat_tui.store.search.Hit, in the order shown
        self._timer: Timer | None = None
        self._asked = 0  # the newest search asked for; older answers are dropped
        self._shown = -1  # the search whose answer is on screen

    def compose(self) -> ComposeResult:
        yield Static(_("Search the notes of every meeting"), id="search-title")
        yield Input(self.query_text, id="search-input",
                    placeholder=_("Words that must all occur · \"a phrase\" · möte* for mötet, möten…"))
        yield Static(_("Type to search."), id="search-status")
        yield OptionList(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.query_text.strip():
            self.run_search()

    # -- searching --------------------------------------------------------------------------
    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(PAUSE, self.run_search)

    @on(Input.Submitted, "#search-input")
    def _submitted(self, _event: Input.Submitted) -> None:
        """Enter in the field: search now if the pause has not run out, then to the hits."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._shown != self._asked or not self.hits:
            self.run_search(focus=True)
        else:
            self.action_to_results()

    def on_orat_app_store_ready(self, _msg) -> None:
        if self.query_text.strip():
            self.run_search()

    def run_search(self, focus: bool = False) -> None:
        self._timer = None
        text = self.query_text
        status = self.query_one("#search-status", Static)
        if not text.strip():
            self._asked += 1
            self._shown = self._asked
            self._show_hits([], text)
            status.update(_("Type to search."))
            return
        store = self.app.store
        if store is None:
            status.update(_("Opening the database…"))
            return
        from orat_tui.store.search import search

        self._asked += 1
        asked = self._asked
        status.update(_("Searching…"))
        self.app.call_store(search, store, text, LIMIT, self.series_id,
                            done=lambda hits: self._answer(asked, text, hits, focus),
                            failed=lambda error: self._failed(asked, error))

    def _answer(self, asked: int, text: str, hits: list, focus: bool) -> None:
        if asked != self._asked or not self.is_attached:
            return  # a newer search is under way
        self._shown = asked
        self._show_hits(hits, text)
        status = self.query_one("#search-status", Static)
        if not hits:
            status.update(_("No note holds every word."))
        elif len(hits) >= LIMIT:
            status.update(_("The {n} newest hits; more words narrow the search.").format(n=LIMIT))
        else:
            status.update(ngettext("{n} hit, newest meeting first.",
                                   "{n} hits, newest meeting first.", len(hits)).format(n=len(hits)))
        if focus and hits:
            self.action_to_results()

    def _failed(self, asked: int, error: str) -> None:
        if asked != self._asked or not self.is_attached:
            return
        self._shown = asked
        self._show_hits([], "")
        self.query_one("#search-status", Static).update(
            _("The search failed: {error}").format(error=error))

    def _show_hits(self, hits: list, _text: str) -> None:
        self.hits = list(hits)
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        results.add_options([Option(hit_prompt(h), id=str(i)) for i, h in enumerate(self.hits)])
        if self.hits:
            results.highlighted = 0

    # -- opening ----------------------------------------------------------------------------
    @on(OptionList.OptionSelected, "#search-results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        hit = self.hits[int(event.option.id)]
        self.app.open_meeting_at(hit.meeting_id, hit.slot)

    def action_to_results(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    def action_to_input(self) -> None:
        self.query_one(Input).focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "to_results":
            return isinstance(self.focused, Input) and bool(self.hits)
        return True

    def action_close(self) -> None:
        self.dismiss()


def hit_prompt(hit) -> Text:
    """Two lines: when, which meeting and where in it; then the snippet, matches highlighted."""
    from orat_tui.store.search import one_line

    head = Text()
    head.append(f"{format_date(hit.started_at.date())} {hit.started_at:%H:%M}", style="bold")
    head.append("  " + one_line(hit.title))
    head.append("  " + one_line(hit.where), style="dim")
    if hit.internal:
        head.append("  " + _("Internal"), style="italic")
    body = Text("  ")
    for part, match in hit.spans:
        body.append(part, style=MATCH_STYLE if match else "")
    return Text("\n").join([head, body])
