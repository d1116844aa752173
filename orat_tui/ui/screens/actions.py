"""The actions of a series (key a on the home screen), filterable by status: open, finished,
dropped or all. Enter opens an action to change it; below the list, the highlighted action's
goal, result and the trail of its changes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from orat_tui.domain.actions import DONE, DROPPED, OPEN, Action, follow_up_order
from orat_tui.i18n import N_, _, format_date

FILTERS = {"open": (N_("open actions"), tuple(sorted(OPEN))),
           "done": (N_("finished actions"), (DONE,)),
           "dropped": (N_("dropped actions"), (DROPPED,)), "all": (N_("all actions"), None)}
# how a change in an action's trail names the field
FIELDS = {"what": N_("What"), "responsible": N_("Responsible"), "with_member": N_("Together with"),
          "due": N_("Due"), "status": N_("Status"), "area_id": N_("Area"),
          "focus_area": N_("Focus area"), "goal": N_("Goal"), "goal_target": N_("Goal, number"),
          "result": N_("Result"), "result_value": N_("Result, number"),
          "evaluation": N_("Evaluation")}


class ActionsScreen(Screen[None]):
    DEFAULT_CSS = """
    ActionsScreen #actions-box { padding: 0 1; }
    ActionsScreen #actions-title { text-style: bold; color: $accent; height: 1; }
    ActionsScreen #actions-filter { color: $text-muted; height: 1; }
    ActionsScreen #actions-list { height: 1fr; min-height: 4; }
    ActionsScreen #action-detail { height: auto; max-height: 9; border-top: solid $panel-lighten-2; }
    """
    BINDINGS = [
        Binding("escape", "back", _("Back"), id="actions-back"),
        Binding("1", "filter('open')", _("Show open"), id="actions-open",
                tooltip=_("Show the open actions (planned and ongoing)")),
        Binding("2", "filter('done')", _("Show finished"), id="actions-done",
                tooltip=_("Show the finished actions")),
        Binding("3", "filter('dropped')", _("Show dropped"), id="actions-dropped",
                tooltip=_("Show the dropped actions")),
        Binding("0", "filter('all')", _("Show all"), id="actions-all",
                tooltip=_("Show every action")),
    ]

    def __init__(self, series_id: str, title: str, members: list[tuple[str, str]]) -> None:
        super().__init__()
        self.series_id = series_id
        self.series_title = title
        self.members = members
        self.which = "open"
        self.actions: list[Action] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="actions-box"):
            yield Static(_("Actions · {series}").format(series=self.series_title),
                         id="actions-title")
            yield Static("", id="actions-filter")
            yield OptionList(id="actions-list")
            yield Static("", id="action-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self) -> None:
        from orat_tui.store.actions import series_actions

        self.app.call_store(series_actions, self.app.store, self.series_id,
                            FILTERS[self.which][1], done=self.fill)

    def fill(self, actions: list[Action]) -> None:
        from orat_tui.ui.steps.follow_up import action_row

        if not self.is_attached:  # closed while the store was reading
            return
        today = self.app.clock.now().date()
        self.actions = follow_up_order(actions, today)
        names = dict(self.members)
        ol = self.query_one(OptionList)
        keep = ol.highlighted
        ol.clear_options()
        for a in self.actions:
            ol.add_option(Option(action_row(a, today, names), id=a.id))
        if not self.actions:
            ol.add_option(Option(_("No actions here. In a meeting, F7 records one."),
                                 disabled=True))
        else:
            ol.highlighted = min(keep or 0, len(self.actions) - 1)
        parts = []
        for k, (key, (label, _statuses)) in zip("1230", FILTERS.items(), strict=True):
            name = _(label)
            parts.append(f"[b reverse] {k} {name} [/]" if key == self.which else f"{k} {name}")
        shown = " · ".join(parts)
        self.query_one("#actions-filter", Static).update(
            _("Showing: ") + shown + "  · " + _("enter opens"))
        self.show_detail()

    def action_filter(self, which: str) -> None:
        self.which = which
        self.reload()

    def action_back(self) -> None:
        self.app.pop_screen()

    def highlighted_action(self) -> Action | None:
        ol = self.query_one(OptionList)
        if ol.highlighted is None or not self.actions:
            return None
        return self.actions[min(ol.highlighted, len(self.actions) - 1)]

    @on(OptionList.OptionHighlighted, "#actions-list")
    def show_detail(self) -> None:
        a = self.highlighted_action()
        detail = self.query_one("#action-detail", Static)
        if a is None:
            detail.update("")
            return
        from orat_tui.store.actions import action_history

        self.app.call_store(action_history, self.app.store, a.id,
                            done=lambda trail: self._detail(a, trail))

    def _detail(self, a: Action, trail) -> None:
        from rich.text import Text

        if not self.is_attached or self.highlighted_action() is not a:
            return  # closed, or the cursor moved on while the trail was read

        from orat_tui.domain.actions import format_number
        from orat_tui.ui.screens.action_dialog import status_label

        t = Text()
        if a.focus_area:
            from orat_tui.domain.focus import focus_label
            from orat_tui.ui.screens.meeting_followup import focus_areas

            t.append(_("Focus area: "), style="bold")
            t.append(focus_label(focus_areas(self.app), a.focus_area) + "\n")
        if a.goal or a.goal_target is not None:
            t.append(_("Goal: "), style="bold")
            t.append(" ".join(x for x in (format_number(a.goal_target), a.goal) if x) + "\n")
        if a.result or a.result_value is not None:
            t.append(_("Result: "), style="bold")
            t.append(" ".join(x for x in (format_number(a.result_value), a.result) if x) + "\n")
        if a.evaluation:
            t.append(_("Evaluation: "), style="bold")
            t.append(a.evaluation + "\n")
        for c in trail[-4:]:
            when = f"{format_date(c.at.date())} {c.at:%H:%M}"
            if c.field == "created":
                what = _("created")
            elif c.field == "status":
                what = f"{status_label(c.before)} → {status_label(c.after)}"
            else:
                name = _(FIELDS.get(c.field, c.field))
                what = f"{name}: {c.before or '–'} → {c.after or '–'}"
            t.append(f"{when} {c.who}: {what}\n", style="dim")
        self.query_one("#action-detail", Static).update(t)

    @on(OptionList.OptionSelected, "#actions-list")
    def _open(self) -> None:
        a = self.highlighted_action()
        if a is None:
            return
        from orat_tui.store.actions import update_action
        from orat_tui.ui.screens.action_dialog import ActionDialog
        from orat_tui.ui.screens.meeting_followup import focus_areas, series_areas

        def chosen(result: Action | None) -> None:
            if result is None:
                return

            def failed(error: str) -> None:
                self.notify(_("The action could not be saved: {error}").format(error=error),
                            severity="error", timeout=10)
                self.reload()

            self.app.call_store(update_action, self.app.store, result, self.app.who,
                                self.app.clock.now(), None, done=lambda _a: self.reload(),
                                failed=failed)

        def show(areas) -> None:
            self.app.push_screen(ActionDialog(a, self.members, focus_areas(self.app),
                                              self.app.clock.now().date(), editing=True,
                                              areas=areas), chosen)

        self.app.call_store(series_areas, self.app.store, self.series_id, done=show,
                            failed=lambda _error: show([]))
