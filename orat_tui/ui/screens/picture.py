"""The Lägesbild screen: the series' areas week by week, the combined level, the signal
scores and the open events. F6 from a meeting, l from the home screen. The chair sets levels
(with a reason), rates the warning signals, raises and closes events, and keeps the areas."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, OptionList, Static
from textual.widgets.option_list import Option

from orat_tui.domain.levels import needs_closer_contact, suggest_combined
from orat_tui.i18n import _, format_date
from orat_tui.labels_picture import LEVEL_STYLE, level_meaning, level_name, level_short
from orat_tui.ui.screens.picture_actions import PictureActions
from orat_tui.ui.widgets.picture_grid import COMBINED, PictureGrid


class PictureScreen(PictureActions, Screen[None]):
    DEFAULT_CSS = """
    PictureScreen #picture-header { height: auto; background: $panel; padding: 0 1; }
    PictureScreen #picture-body { height: 1fr; padding: 0 1; }
    PictureScreen PictureGrid { height: auto; max-height: 60%; margin-top: 1; }
    PictureScreen #picture-detail { height: auto; color: $text-muted; margin-top: 1; }
    PictureScreen #picture-events { height: 1fr; min-height: 3; border: round $panel-lighten-2; }
    PictureScreen #picture-events:focus { border: round $accent; }
    """
    BINDINGS = [
        Binding("escape", "back", _("Back"), id="picture-back"),
        Binding("enter", "level", _("Level"), id="picture-level",
                tooltip=_("Set the level of the highlighted area (or the combined level)")),
        Binding("s", "signals", _("Signals"), id="picture-signals",
                tooltip=_("Rate the 20 warning signals of the highlighted area")),
        Binding("h,alt+h", "new_event", _("New event"), id="picture-new-event",
                tooltip=_("Raise an event (händelse) in the highlighted area")),
        Binding("k", "combined", _("Combined"), id="picture-combined",
                tooltip=_("Confirm or change the series' combined level")),
        Binding("c", "close_event", _("Close event"), id="picture-close-event",
                tooltip=_("Close the highlighted event (in this meeting)")),
        Binding("o", "reopen_event", _("Reopen event"), show=False, id="picture-reopen-event",
                tooltip=_("Open again an event closed in this meeting (closed by mistake)")),
        Binding("a", "add_area", _("Add area"), show=False, id="picture-add-area",
                tooltip=_("Add an area (stadsdel or hotspot) to the series")),
        Binding("n", "rename_area", _("Rename area"), show=False, id="picture-rename-area",
                tooltip=_("Rename the highlighted area, or make it a hotspot")),
        Binding("x", "retire_area", _("Retire area"), show=False, id="picture-retire-area",
                tooltip=_("Take the highlighted area off the picture (its history stays)")),
    ]

    def __init__(self, series_id: str, template_id: str, meeting=None,
                 meeting_id: str | None = None) -> None:
        super().__init__()
        self.series_id = series_id
        self.template_id = template_id
        self.meeting = meeting  # the live meeting this was opened from, if any
        self.meeting_id = meeting.id if meeting is not None else meeting_id
        self.data = None
        self.checklist = None
        self.checklist_error = ""

    def compose(self) -> ComposeResult:
        yield Static(_("Loading the picture…"), id="picture-header")
        with Vertical(id="picture-body"):
            yield PictureGrid(id="picture-grid")
            yield Static("", id="picture-detail")
            yield OptionList(id="picture-events")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#picture-events", OptionList).border_title = _("Open events")
        self.query_one(PictureGrid).focus()
        self.reload()

    # -- loading -----------------------------------------------------------------------
    @property
    def template(self):
        entry = self.app.templates.get(self.template_id)
        return entry.template if entry is not None else None

    def reload(self) -> None:
        store, template, now = self.app.store, self.template, self.app.clock.now()
        want_checklist = self.checklist is None and not self.checklist_error

        def load():
            if template is not None:
                store.sync_areas(self.series_id, template.areas, now)
            checklist, error = None, ""
            if want_checklist and template is not None and template.checklist:
                from orat_tui.checklists import load_checklist
                from orat_tui.config import ConfigError

                try:
                    checklist = load_checklist(template.checklist)
                except ConfigError as exc:
                    error = str(exc)
            return store.picture(self.series_id), checklist, error

        def done(result) -> None:
            if not self.is_attached:  # closed while the store was reading
                return
            self.data, checklist, error = result
            if checklist is not None:
                self.checklist = checklist
            if error:
                self.checklist_error = error
                self.notify(error, severity="error", timeout=10)
            if self.meeting_id is None:
                self.meeting_id = self.data.latest()
            self.show()

        self.app.call_store(load, done=done)

    # -- showing -----------------------------------------------------------------------
    @property
    def meeting_state(self) -> str:
        if self.data is None:
            return ""
        return next((m[2] for m in self.data.meetings if m[0] == self.meeting_id), "")

    def show(self) -> None:
        data = self.data
        self.query_one(PictureGrid).show(data, self.checklist, self.meeting_id)
        head = Text()
        head.append(_("Situational picture") + " · ", style="bold")
        series = self.template.name if self.template is not None else ""
        head.append(series, style="bold")
        started = data.started(self.meeting_id) if self.meeting_id else None
        if started is not None:
            head.append("   " + _("meeting {date}").format(date=format_date(started.date())))
            if self.meeting_state == "approved":
                head.append(" (" + _("approved: read only") + ")", style="yellow")
        else:
            head.append("   " + _("no meeting yet: levels are set in a meeting"), style="yellow")
        level, confirmed = data.combined_level(self.meeting_id)
        head.append("\n" + _("Combined level") + ": ")
        head.append(f" {level_short(level)} ", style=LEVEL_STYLE[level])
        head.append(f" {level_name(level)} ", style="bold")
        head.append("(" + (_("confirmed by the chair") if confirmed
                           else _("orat's suggestion: k confirms or changes")) + ")",
                    style="dim" if confirmed else "yellow")
        if needs_closer_contact(level):
            head.append("  " + _("Closer contact: e on the home screen starts an extra meeting"),
                        style="bold yellow")
        self.query_one("#picture-header", Static).update(head)
        self.fill_events()
        self.show_detail()

    def fill_events(self) -> None:
        ol = self.query_one("#picture-events", OptionList)
        keep = ol.highlighted
        ol.clear_options()
        for e in self.data.open_events():
            area = self.data.area(e.area_id)
            line = Text()
            line.append(f"{area.name if area else '–'} · ", style="bold")
            line.append(e.title)
            if e.internal:
                line.append("  [" + _("internal") + "]", style="yellow")
            if e.likely_case:
                line.append("  " + _("most likely:") + " " + " ".join(e.likely_case.split()),
                            style="dim")
            ol.add_option(Option(line, id=e.id))
        if not self.data.open_events():
            ol.add_option(Option(_("No open events. h raises one in the highlighted area."),
                                 disabled=True))
        else:
            ol.highlighted = min(keep or 0, ol.option_count - 1)

    @on(DataTable.RowHighlighted, "#picture-grid")
    def _row(self, _event) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        if self.data is None:
            return
        key = self.query_one(PictureGrid).selected_key()
        out = Text()
        if key == COMBINED:
            levels = self.data.area_levels(self.meeting_id)
            suggestion = suggest_combined(levels.values())
            out.append(_("orat suggests {level}: red if any area is red, else yellow, else "
                         "orange, else green. The chair decides (k).").format(
                level=level_name(suggestion)))
        elif key is not None:
            area = self.data.area(key)
            level = self.data.level(self.meeting_id, key)
            out.append(f"{area.name}: {level_name(level)}. ", style="bold")
            out.append(level_meaning(level))
            reason = next((c.reason for c in self.data.changes
                           if c.meeting_id == self.meeting_id and c.area_id == key), "")
            if reason:
                out.append("\n" + _("Set in this meeting: {reason}").format(reason=reason),
                           style="bold")
            out.append("  " + _("Enter changes the level."), style="italic")
            if self.checklist is not None:
                from orat_tui.domain.signals import group_scores

                ratings = self.data.ratings_of(self.meeting_id, key)
                parts = [f"{g.name} {s.total}/{s.maximum}" if not s.empty
                         else f"{g.name} –" for g, s in group_scores(self.checklist, ratings)]
                out.append("\n" + _("Signals") + ": " + " · ".join(parts))
        self.query_one("#picture-detail", Static).update(out)

    def selected_area(self):
        key = self.query_one(PictureGrid).selected_key()
        return None if key in (None, COMBINED) or self.data is None else self.data.area(key)

    def selected_event(self):
        ol = self.query_one("#picture-events", OptionList)
        if ol.highlighted is None or self.data is None:
            return None
        option = ol.get_option_at_index(ol.highlighted)
        return next((e for e in self.data.open_events() if e.id == option.id), None)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        events_focused = self.focused is not None and self.focused.id == "picture-events"
        if action == "close_event":
            return events_focused
        if action == "level":
            return not events_focused
        return True

    def action_back(self) -> None:
        self.dismiss(None)
