"""The follow-up step: the series' open actions, the overdue ones first. The chair marks each
finished (a, with its result), continued (f, with a new date) or dropped (s), in a few keys;
enter opens the whole action, F7 adds a new one. What is not marked simply stays open and
comes back at the next meeting's follow-up."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from orat_tui.domain.actions import (
    DONE, DROPPED, Action, carry_on, days_overdue, drop, finish, follow_up_order, is_due_soon,
    is_overdue,
)
from orat_tui.i18n import _, format_date, ngettext
from orat_tui.ui.screens.action_dialog import status_label
from orat_tui.ui.steps.point import PointView


def action_row(a: Action, today: date, names: dict[str, str], meeting_id: str = "") -> Text:
    """One line of an action: its state mark, what, who (with whom), and by when; "new"
    when it was made in this very meeting."""
    t = Text(no_wrap=False)
    if a.status == DONE:
        t.append("✓ ", style="green")
    elif a.status == DROPPED:
        t.append("✗ ", style="dim")
    elif is_overdue(a, today):
        n = days_overdue(a, today)
        t.append("⚠ " + ngettext("{n} day late", "{n} days late", n).format(n=n) + " ",
                 style="bold red")
    elif is_due_soon(a, today):
        t.append("◷ ", style="yellow")
    else:
        t.append("• ", style="dim")
    if meeting_id and a.meeting_id == meeting_id:
        t.append(_("(new)") + " ", style="bold")
    t.append(a.what, style="dim strike" if a.status == DROPPED else "")
    who = names.get(a.responsible, a.responsible_name or a.responsible)
    if a.with_member:
        who += " + " + names.get(a.with_member, a.with_name or a.with_member)
    tail = []
    if who:
        tail.append(who)
    if a.due:
        tail.append(format_date(a.due))
    tail.append(status_label(a.status))
    if a.status == DONE and a.result:
        tail.append(a.result)
    t.append("  " + " · ".join(tail), style="dim")
    return t


class ActionList(OptionList):
    BINDINGS = [
        Binding("a", "mark('done')", _("Finished"), id="followup-done",
                tooltip=_("The highlighted action is finished: note its result")),
        Binding("f", "mark('continue')", _("Continues"), id="followup-continue",
                tooltip=_("The highlighted action goes on: give it a new date")),
        Binding("s", "mark('drop')", _("Dropped"), id="followup-drop",
                tooltip=_("The highlighted action is dropped (struken)")),
    ]

    class Mark(Message):
        def __init__(self, action_id: str, how: str) -> None:
            super().__init__()
            self.action_id = action_id
            self.how = how

    def action_mark(self, how: str) -> None:
        if self.highlighted is None:
            return
        option = self.get_option_at_index(self.highlighted)
        if option.id:
            self.post_message(self.Mark(option.id, how))


class FollowUpView(PointView):
    DEFAULT_CSS = """
    FollowUpView ActionList { height: auto; max-height: 12; min-height: 3; }
    FollowUpView .fields { height: 1fr; min-height: 5; }
    """

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.actions: list[Action] = []
        self.loaded = False

    def compose(self) -> ComposeResult:
        from orat_tui.labels import step_label

        yield Static(step_label(self.meeting, self.step), classes="step-heading")
        yield Static(_("a finished · f continues (new date) · s dropped · enter open · "
                       "F7 new action · tab notes"), classes="step-sub")
        if len(self.speakers()) > 1 and self.step.number:
            yield Static("", id="floor-row")
        yield ActionList(id="follow-up-list")
        yield self.fields(self.step)

    def on_mount(self) -> None:
        self.reload()

    def refresh_live(self, now: float) -> None:
        if self.query("#floor-row"):
            super().refresh_live(now)

    def today(self) -> date:
        return self.app.clock.now().date()

    def reload(self) -> None:
        store = getattr(self.app, "store", None)
        if store is None:
            return
        from orat_tui.store.actions import follow_up_actions

        self.app.call_store(follow_up_actions, store, self.meeting.series_id, self.meeting.id,
                            done=self.fill)

    def fill(self, actions: list[Action]) -> None:
        if not self.is_attached:
            return
        first = not self.loaded
        self.loaded = True
        today = self.today()
        self.actions = follow_up_order(actions, today)
        names = {a.key: a.short for a in self.meeting.attendees}
        ol = self.query_one(ActionList)
        keep = ol.highlighted
        ol.clear_options()
        for a in self.actions:
            ol.add_option(Option(action_row(a, today, names, self.meeting.id), id=a.id))
        if not self.actions:
            ol.add_option(Option(_("No open actions in this series. F7 records a new one."),
                                 disabled=True))
        elif keep is not None:
            ol.highlighted = min(keep, len(self.actions) - 1)
        else:
            ol.highlighted = 0
        if first and self.actions:
            ol.focus()  # the follow-up is about the list; tab goes on to the notes
        elif first:
            super().focus_first()

    def focus_first(self) -> None:
        if not self.is_attached:
            return
        if self.actions:
            self.query_one(ActionList).focus()
        else:
            super().focus_first()

    def action_by_id(self, action_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None)

    def on_action_list_mark(self, msg: ActionList.Mark) -> None:
        from orat_tui.ui.screens.action_dialog import DatePrompt
        from orat_tui.ui.screens.dialogs import TextPrompt

        a = self.action_by_id(msg.action_id)
        if a is None:
            return
        today = self.today()
        if msg.how == "done":
            def result(text: str | None) -> None:
                if text is not None:
                    self.save(finish(a, text, today))

            self.app.push_screen(TextPrompt(
                _("Finished: “{what}”. What came of it? (may be empty)").format(what=a.what),
                value=a.result), result)
        elif msg.how == "continue":
            def new_date(due: date | None) -> None:
                if due is not None:
                    self.save(carry_on(a, due))

            start = max(a.due or today, today)
            self.app.push_screen(DatePrompt(
                _("Continues: “{what}”. By when, now?").format(what=a.what),
                (start + timedelta(days=7)).isoformat(), today), new_date)
        elif msg.how == "drop":
            def reason(text: str | None) -> None:
                if text is not None:
                    self.save(drop(a, text, today))

            self.app.push_screen(TextPrompt(
                _("Dropped: “{what}”. Why? (may be empty)").format(what=a.what)), reason)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "follow-up-list" or not event.option.id:
            return
        event.stop()
        a = self.action_by_id(event.option.id)
        if a is not None:
            self.screen.edit_action(a, done=lambda _a: self.reload())

    def save(self, action: Action) -> None:
        from orat_tui.store.actions import update_action

        store, who, now = self.app.store, self.app.who, self.app.clock.now()

        def failed(error: str) -> None:
            self.app.notify(_("The action could not be saved: {error}").format(error=error),
                            severity="error", timeout=10)
            self.reload()

        self.app.call_store(update_action, store, action, who, now, self.meeting.id,
                            done=lambda _a: self.reload(), failed=failed)
