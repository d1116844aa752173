"""The action dialog (F7): what, who, with whom, by when, status, focus area, goal, and once
finished its result and evaluation. Compact: one line per field, usable at 80x24. A date or
number that cannot be read gets a one-line answer in the dialog; nothing typed is lost."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from orat_tui.domain.actions import (
    DONE, DROPPED, PLANNED, STATUSES, Action, DueDateError, format_number,
    parse_due, parse_number,
)
from orat_tui.i18n import _
from orat_tui.labels_actions import STATUS_LABELS, status_label  # noqa: F401  (used from here)


def due_error(exc: DueDateError) -> str:
    if exc.impossible:
        return _("There is no such date: “{text}”.").format(text=exc.text)
    return _("Not a date: “{text}”. Write {forms}.").format(text=exc.text, forms=_(
        "2026-12-04, 4/12, +7 (days) or +2v (weeks)"))  # domain.actions.DATE_FORMS, translated


class ActionDialog(ModalScreen[Action | None]):
    DEFAULT_CSS = """
    ActionDialog { align: center middle; }
    ActionDialog > Vertical { width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1; }
    ActionDialog .title { text-style: bold; height: 1; color: $accent; }
    ActionDialog Grid { grid-size: 2; grid-columns: 15 1fr; grid-rows: 1; grid-gutter: 0 1;
        height: auto; }
    ActionDialog Grid Label { color: $text-muted; }
    ActionDialog #action-error { color: $error; text-style: bold; height: auto; }
    ActionDialog .hint { color: $text-muted; height: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", _("Cancel"), id="action-cancel"),
        Binding("ctrl+s,alt+s", "save", _("Save"), id="action-save",
                tooltip=_("Save the action")),
    ]

    def __init__(self, action: Action, members: list[tuple[str, str]], focus_areas,
                 today: date, editing: bool = False, areas=()) -> None:
        super().__init__()
        self.areas = list(areas)  # the series' areas (stadsdelar, hotspots)
        self.action = action
        self.members = members  # (key, name)
        self.focus_areas = focus_areas
        self.today = today
        self.editing = editing

    def compose(self) -> ComposeResult:
        a = self.action
        people = [(name, key) for key, name in self.members]
        known = {key for key, _name in self.members}
        for key, name in ((a.responsible, a.responsible_name), (a.with_member, a.with_name)):
            if key and key not in known:  # a member no longer in the meeting keeps the action
                people.append((name or key, key))
                known.add(key)
        areas = [(f.name, f.key) for f in self.focus_areas]
        if a.focus_area and a.focus_area not in {f.key for f in self.focus_areas}:
            areas.append((a.focus_area, a.focus_area))
        with Vertical():
            yield Static(_("Edit action") if self.editing else _("New action"), classes="title")
            with Grid():
                yield Label(_("What"))
                yield Input(a.what, id="what", compact=True,
                            placeholder=_("what is to be done"))
                yield Label(_("Responsible"))
                yield Select(people, value=a.responsible or Select.NULL, id="responsible",
                             compact=True, prompt=_("(nobody chosen)"))
                yield Label(_("Together with"))
                yield Select(people, value=a.with_member or Select.NULL, id="with",
                             compact=True, prompt=_("(no one: done alone)"))
                yield Label(_("Due"))
                yield Input(a.due.isoformat() if a.due else "", id="due", compact=True,
                            placeholder="2026-12-04 · 4/12 · +7 · +2v")
                yield Label(_("Status"))
                yield Select([(status_label(s), s) for s in STATUSES], value=a.status,
                             id="status", compact=True, allow_blank=False)
                if self.areas:
                    yield Label(_("Area"))
                    series_areas = [(ar.name, ar.id) for ar in self.areas]
                    if a.area_id and a.area_id not in {ar.id for ar in self.areas}:
                        series_areas.append((_("(a retired area)"), a.area_id))  # kept
                    yield Select(series_areas, value=a.area_id or Select.NULL, id="area",
                                 compact=True, prompt=_("(no area)"))
                yield Label(_("Focus area"))
                yield Select(areas, value=a.focus_area or Select.NULL, id="focus",
                             compact=True, prompt=_("(no focus area)"))
                yield Label(_("Goal"))
                yield Input(a.goal, id="goal", compact=True,
                            placeholder=_("the outcome to reach, or what the number counts"))
                yield Label(_("Goal, number"))
                yield Input(format_number(a.goal_target), id="target", compact=True,
                            placeholder=_("e.g. 25 (may be empty)"))
                if self.editing:
                    yield Label(_("Result"))
                    yield Input(a.result, id="result", compact=True)
                    yield Label(_("Result, number"))
                    yield Input(format_number(a.result_value), id="value", compact=True)
                    yield Label(_("Evaluation"))
                    yield Input(a.evaluation, id="evaluation", compact=True)
            yield Static("", id="action-error")
            yield Static(_("Enter or ctrl+s saves · tab next field · Esc cancels"),
                         classes="hint")

    def on_mount(self) -> None:
        self.query_one("#what", Input).focus()
        self.as_opened = self.typed()

    def typed(self) -> tuple:
        """Everything the form holds, to tell whether Escape would lose anything."""
        return (tuple(w.value for w in self.query(Input))
                + tuple(str(w.value) for w in self.query(Select)))

    def _value(self, wid: str) -> str:
        return self.query_one(f"#{wid}", Input).value if self.query(f"#{wid}") else ""

    def _select(self, wid: str) -> str:
        value = self.query_one(f"#{wid}", Select).value
        return "" if value is Select.NULL or value is None else str(value)

    def fail(self, message: str, wid: str) -> None:
        self.query_one("#action-error", Static).update(message)
        self.query_one(f"#{wid}").focus()

    def build(self) -> Action | None:
        """The action as filled in, or None after saying in one line what is wrong."""
        what = " ".join(self._value("what").split())
        if not what:
            self.fail(_("Write what is to be done."), "what")
            return None
        try:
            due = parse_due(self._value("due"), self.today)
        except DueDateError as exc:
            self.fail(due_error(exc), "due")
            return None
        numbers = {}
        for wid in ("target", "value"):
            try:
                numbers[wid] = parse_number(self._value(wid))
            except ValueError:
                self.fail(_("Not a number: “{text}”.").format(text=self._value(wid).strip()), wid)
                return None
        names = dict(self.members)
        responsible, with_member = self._select("responsible"), self._select("with")
        if with_member and with_member == responsible:
            with_member = ""
        status = self._select("status") or PLANNED
        a = self.action
        closed = a.closed_on
        if status in (DONE, DROPPED):
            closed = closed or self.today
        else:
            closed = None
        changed = replace(
            a, what=what, responsible=responsible,
            responsible_name=names.get(responsible, a.responsible_name if responsible == a.responsible else ""),
            with_member=with_member,
            with_name=names.get(with_member, a.with_name if with_member == a.with_member else ""),
            due=due, status=status, focus_area=self._select("focus"),
            area_id=(self._select("area") or None) if self.areas else a.area_id,
            goal=self._value("goal").strip(), goal_target=numbers["target"], closed_on=closed,
        )
        if self.editing:
            changed = replace(changed, result=self._value("result").strip(),
                              result_value=numbers["value"],
                              evaluation=self._value("evaluation").strip())
        return changed

    @on(Input.Submitted)
    def action_save(self) -> None:
        action = self.build()
        if action is not None:
            self.dismiss(action)

    def has_unsaved_text(self) -> bool:
        return self.typed() != self.as_opened

    def action_cancel(self) -> None:
        from orat_tui.ui.screens.discard import ask_to_discard

        ask_to_discard(self, self.has_unsaved_text(), lambda: self.dismiss(None))


class DatePrompt(ModalScreen[date | None]):
    """A new date for an action that goes on: the typed text stays when it cannot be read."""

    DEFAULT_CSS = """
    DatePrompt { align: center middle; }
    DatePrompt > Vertical { width: 64; max-width: 95%; height: auto; border: thick $accent;
        background: $surface; padding: 1 2; }
    DatePrompt .question { height: auto; margin-bottom: 1; }
    DatePrompt #date-error { color: $error; text-style: bold; height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", _("Cancel"), id="date-cancel")]

    def __init__(self, question: str, value: str, today: date) -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, classes="question")
            yield Input(self.value, placeholder="2026-12-04 · 4/12 · +7 · +2v", id="new-date")
            yield Static("", id="date-error")
            yield Static(_("Enter saves · Escape cancels"), classes="question")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        try:
            due = parse_due(event.value, self.today)
        except DueDateError as exc:
            self.query_one("#date-error", Static).update(due_error(exc))
            return
        if due is None:
            self.query_one("#date-error", Static).update(_("Write the new date."))
            return
        self.dismiss(due)

    def action_cancel(self) -> None:
        self.dismiss(None)
