"""The first screen: continue an unfinished meeting, or start one of a series."""

from __future__ import annotations

from textual import on
from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from orat_tui.i18n import _, format_date, ngettext
from orat_tui.ui.screens.home_picture import HOME_PICTURE_BINDINGS, HomePictureMixin


class HomeScreen(HomePictureMixin, Screen[None]):
    BINDINGS = [
        Binding("r", "resume", _("Continue meeting"), id="resume",
                tooltip=_("Continue the unfinished meeting")),
        Binding("m", "meetings", _("All meetings"), id="meetings",
                tooltip=_("Every meeting, by series and date")),
        Binding("slash,s", "search", _("Search"), id="search",
                tooltip=_("Search the notes of every meeting")),
        Binding("p", "prepare", _("Prepare"), id="prepare",
                tooltip=_("Prepare the next meeting of the highlighted series: input per member")),
        Binding("u", "follow_up", _("Follow-up"), id="follow-up",
                tooltip=_("Citizen promises, the forums' cadence, statistics per member")),
        Binding("a", "actions", _("Actions"), id="series-actions",
                tooltip=_("The actions of the highlighted series, to follow up")),
    ] + HOME_PICTURE_BINDINGS

    def __init__(self) -> None:
        super().__init__()
        self.unfinished = None  # MeetingInfo
        self.series_by_template: dict = {}
        self.series_placed = False  # set once the list is in its order (most recent first)
        self.cadence: dict = {}  # template id -> TermStatus of the current term

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static("orat", id="home-title")
            yield Static(_("The ear to the ground: the weekly situational-picture meeting."),
                         id="home-subtitle")
            yield Static("", id="resume-banner")
            yield Static(_("Start a meeting"), classes="section-title")
            yield OptionList(id="series-list")
            yield Static(_("Earlier meetings (tab moves here)"), classes="section-title")
            yield OptionList(id="recent-list")
            yield Static(_("Opening the database…"), id="home-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#resume-banner").display = False
        self._fill_series()
        self.query_one(OptionList).focus()
        if self.app.store is not None:
            self.refresh_from_store()

    def _fill_series(self) -> None:
        ol = self.query_one("#series-list", OptionList)
        highlighted = ol.highlighted
        highlighted_id = (ol.get_option_at_index(highlighted).id
                          if highlighted is not None and highlighted < ol.option_count else None)
        ol.clear_options()
        for key, entry in self._series_order():
            info = self.series_by_template.get(key)
            if info and info.meetings:
                last = format_date(info.last_meeting.date()) if info.last_meeting else ""
                detail = ngettext("{n} meeting, last {date}", "{n} meetings, last {date}",
                                  info.meetings).format(n=info.meetings, date=last)
            else:
                detail = _("no meetings yet")
            origin = "" if entry.origin == "shipped" else "  [" + _("own template") + "]"
            ol.add_option(Option(f"{entry.template.name}{origin}\n  [dim]{key} · {detail}[/]"
                                 f"{self._cadence_line(key)}", id=key))
        if highlighted_id is not None:
            try:
                ol.highlighted = ol.get_option_index(highlighted_id)
            except OptionDoesNotExist:  # its template is gone: keep the place instead
                ol.highlighted = min(highlighted, ol.option_count - 1) if ol.option_count else None
        elif highlighted is not None:
            ol.highlighted = highlighted

    def _series_order(self) -> list:
        """The forums the chair runs first, the most recently met at the top, then the
        templates not used yet: the weekly situational-picture meetings before the slower
        forums (a steering group, KKL), each group in its own order."""
        def key(item):
            index, (template_id, entry) = item
            info = self.series_by_template.get(template_id)
            if info and info.meetings and info.last_meeting:
                return (0, -info.last_meeting.timestamp(), index)
            cadence = entry.template.cadence
            slow = cadence is not None and cadence.unit in ("term", "year")
            return (2 if slow else 1, 0.0, index)

        return [pair for _index, pair in sorted(enumerate(self.app.templates.items()), key=key)]

    def _cadence_line(self, key: str) -> str:
        """When the series' next meeting is due and whether this term's requirement is met."""
        st = self.cadence.get(key)
        if st is None:
            return ""
        from orat_tui.domain.cadence import BEHIND, MET, MISSED
        from orat_tui.reports.common import cadence_label, due_text

        info = self.series_by_template.get(key)
        if info is None or not info.meetings:  # a forum not (yet) run here: only what it asks
            text = _("requirement: {cadence}").format(cadence=cadence_label(st.cadence))
            return f"\n  [dim]{escape(text)}[/]"
        style = {MET: "green", BEHIND: "red", MISSED: "red"}.get(st.state, "dim")
        return f"\n  [{style}]{escape(due_text(st, self.app.clock.now().date()))}[/]"

    def on_orat_app_store_ready(self, _msg) -> None:
        self.refresh_from_store()

    def on_screen_resume(self) -> None:
        if self.app.store is not None:
            self.refresh_from_store()

    def refresh_from_store(self) -> None:
        store = self.app.store

        def load():
            from orat_tui.reports.common import cadence_overview

            cadence = cadence_overview(store, self.app.templates, self.app.clock.now().date())
            return (store.unfinished(), store.list_series(), store.recent_meetings(limit=30),
                    cadence)

        self.app.call_store(load, done=self._loaded)

    def _loaded(self, result) -> None:
        unfinished, series, recent, self.cadence = result
        self.recent = recent  # the meetings screen shows these at once (m)
        self._fill_recent(recent)
        self.call_after_refresh(_warm_up)
        self.unfinished = unfinished
        self.series_by_template = {s.template_id: s for s in series}
        series_list = self.query_one("#series-list", OptionList)
        # the first time the forums are in their order, the one met last is chosen, unless
        # the chair already moved while the database opened (then the choice stays)
        untouched = not self.series_placed and series_list.highlighted in (None, 0)
        self._fill_series()
        self.series_placed = True
        if untouched:
            series_list.highlighted = 0
        status = self.query_one("#home-status", Static)
        status.update(_("Enter starts a meeting or opens an earlier one · tab switches lists · F1 help · ctrl+q quits"))
        self.refresh_bindings()
        banner = self.query_one("#resume-banner", Static)
        if unfinished:
            banner.update(
                _("Unfinished meeting: {title}, started {date} {time}. Press r to continue it.").format(
                    title=unfinished.title, date=format_date(unfinished.started_at.date()),
                    time=unfinished.started_at.strftime("%H:%M"))
            )
            banner.display = True
        else:
            banner.display = False
        if self.app.start_template:
            key, self.app.start_template = self.app.start_template, None
            self.start_template(key)

    def _fill_recent(self, recent) -> None:
        from orat_tui.export.markdown import STATES

        ol = self.query_one("#recent-list", OptionList)
        ol.clear_options()
        for info in recent:
            when = f"{format_date(info.started_at.date())} {info.started_at:%H:%M}"
            state = _(STATES.get(info.state, info.state))
            ol.add_option(Option(f"{when}  {info.title}  [dim]{state}[/]", id=info.id))
        if not recent:
            ol.add_option(Option(_("no meetings yet (to look around first: orat demo --db demo.db, "
                                   "then orat --db demo.db)"), disabled=True))

    @on(OptionList.OptionSelected, "#recent-list")
    def _open_recent(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and self.app.store is not None:
            self.app.open_meeting_at(event.option.id)

    @on(OptionList.OptionSelected, "#series-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.start_template(event.option.id)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "resume":
            return self.unfinished is not None
        return True

    def action_meetings(self) -> None:
        if self.app.store is not None:
            from orat_tui.ui.screens.meetings import MeetingsScreen

            self.app.push_screen(MeetingsScreen(first=getattr(self, "recent", None)))

    def action_prepare(self) -> None:
        ol = self.query_one("#series-list", OptionList)
        if self.app.store is None:
            return
        if ol.highlighted is None:
            self.notify(_("Choose the series with the arrow keys first, then p."))
            return
        entry = self.app.templates.get(ol.get_option_at_index(ol.highlighted).id)
        if entry is not None:
            from orat_tui.ui.screens.prepare import PrepareScreen

            self.app.push_screen(PrepareScreen(entry.template))

    def action_follow_up(self) -> None:
        if self.app.store is None:
            return
        from orat_tui.ui.screens.follow_up_view import FollowUpScreen

        ol = self.query_one("#series-list", OptionList)
        key = ol.get_option_at_index(ol.highlighted).id if ol.highlighted is not None else None
        info = self.series_by_template.get(key or "")
        self.app.push_screen(FollowUpScreen(info.id if info else None))

    def action_search(self) -> None:
        if self.app.store is None:
            return
        from orat_tui.ui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen())

    def action_actions(self) -> None:
        from orat_tui.ui.screens.actions import ActionsScreen

        ol = self.query_one("#series-list", OptionList)
        if self.app.store is None or ol.highlighted is None:
            return
        key = ol.get_option_at_index(ol.highlighted).id
        info = self.series_by_template.get(key)
        if info is None:
            self.notify(_("This series has no meetings yet, so no actions either."))
            return
        entry = self.app.templates[key]
        members = [(m.key, m.name) for m in (*entry.template.members, *entry.template.guests)]
        self.app.push_screen(ActionsScreen(info.id, entry.template.name, members))

    def action_resume(self) -> None:
        if self.unfinished is not None:
            self.open_meeting(self.unfinished.id)
        else:
            self.notify(_("There is no unfinished meeting."))

    def start_template(self, key: str) -> None:
        if self.app.store is None:
            self.notify(_("The database is still opening, a moment…"))
            return
        entry = self.app.templates[key]
        info = self.series_by_template.get(key)
        if self.unfinished is not None and info is not None and self.unfinished.series_id == info.id:
            self.notify(_("Continuing the unfinished meeting of this series."))
            self.open_meeting(self.unfinished.id)
            return
        from orat_tui.ui.screens.meeting import create_meeting

        self.app.call_store(create_meeting, self.app.store, entry.template, self.app.clock.now(),
                            done=self._show_meeting)

    def open_meeting(self, meeting_id: str) -> None:
        store = self.app.store
        self.app.call_store(store.load, meeting_id, done=self._show_meeting)

    def _show_meeting(self, meeting) -> None:
        from orat_tui.ui.screens.meeting import MeetingScreen

        self.app.push_screen(MeetingScreen(meeting))


def _warm_up() -> None:
    """Import the screens a key on this screen opens (m, s) while nothing happens, so the
    key does not wait for them; at start-up they would delay the first frame."""
    import orat_tui.ui.screens.meetings  # noqa: F401
    import orat_tui.ui.screens.search  # noqa: F401
