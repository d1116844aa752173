"""The forms of the `u` view: a promise, a commitment, progress on a commitment. One line per
field, usable at 80x24. ctrl+s (or Enter in the last field) saves; input that cannot be read
gets a one-line answer in the form, and nothing typed is lost."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static

from orat_tui.domain.promises import (
    Commitment,
    Promise,
    PromiseError,
    parse_amount,
    parse_areas,
    parse_day,
    parse_period,
    parse_target,
)
from orat_tui.i18n import N_, _

ERRORS = {
    "date": N_("“{text}” is not a date: write 2019-01-31, or 2019-01 for a month."),
    "nodate": N_("A date is missing: write 2019-01-31, or 2019-01 for a month."),
    "order": N_("The period ends before it starts."),
    "long": N_("A promise runs for at most ten years."),
    "target": N_("“{text}” is not a target: a whole number from 1, or empty for none."),
    "amount": N_("“{text}” is not an amount: a whole number such as 1, 3 or -1."),
}


def error_text(exc: PromiseError) -> str:
    if exc.kind in ERRORS:
        return _(ERRORS[exc.kind]).format(text=exc.text)
    return str(exc)


@dataclass
class Field:
    key: str
    label: str
    value: Any = ""
    kind: str = "input"  # input, check, select
    options: list[tuple[str, str]] | None = None  # (shown, value) for a select
    placeholder: str = ""


class FormDialog(ModalScreen[Any]):
    DEFAULT_CSS = """
    FormDialog { align: center middle; }
    FormDialog > Vertical { width: 78; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1; }
    FormDialog .title { text-style: bold; height: 1; color: $accent; }
    FormDialog Grid { grid-size: 2; grid-columns: 16 1fr; grid-rows: 1; grid-gutter: 0 1;
        height: auto; }
    FormDialog Grid Label { color: $text-muted; }
    FormDialog Input { height: 1; border: none; padding: 0 1; background: $boost; }
    FormDialog Input:focus { border: none; background: $accent 30%; }
    FormDialog Checkbox { height: 1; width: 1fr; border: none; padding: 0;
        background: $surface; }
    FormDialog Checkbox:focus { background: $accent 30%; }
    FormDialog Select { height: 1; }
    FormDialog Select > SelectCurrent { height: 1; border: none; padding: 0 1;
        background: $boost; }
    FormDialog Select:focus > SelectCurrent { border: none; background: $accent 30%; }
    FormDialog #form-error { color: $error; text-style: bold; height: auto; }
    FormDialog .hint { color: $text-muted; height: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", _("Cancel"), id="form-cancel"),
        Binding("ctrl+s,alt+s", "save", _("Save"), id="form-save"),
    ]

    def __init__(self, title: str, fields: list[Field],
                 read: Callable[[dict[str, Any]], Any]) -> None:
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.read = read  # values -> the result; raises PromiseError with a one-line answer

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.form_title, classes="title")
            with Grid():
                for f in self.fields:
                    yield Label(f.label)
                    if f.kind == "check":
                        yield Checkbox(f.placeholder, bool(f.value), id=f"f-{f.key}")
                    elif f.kind == "select":
                        yield Select(f.options or [], value=f.value, allow_blank=False,
                                     id=f"f-{f.key}")
                    else:
                        yield Input(str(f.value), placeholder=f.placeholder, id=f"f-{f.key}")
            yield Static("", id="form-error")
            yield Static(_("ctrl+s saves · tab next field · Escape cancels"), classes="hint")

    def on_mount(self) -> None:
        self.query_one(f"#f-{self.fields[0].key}").focus()
        self.as_opened = self.values()

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.fields:
            w = self.query_one(f"#f-{f.key}")
            out[f.key] = w.value
        return out

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        if event.input is inputs[-1]:
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        try:
            result = self.read(self.values())
        except PromiseError as exc:
            self.query_one("#form-error", Static).update(Text(error_text(exc)))
            return
        self.dismiss(result)

    def has_unsaved_text(self) -> bool:
        return self.values() != self.as_opened

    def action_cancel(self) -> None:
        from orat_tui.ui.screens.discard import ask_to_discard

        ask_to_discard(self, self.has_unsaved_text(), lambda: self.dismiss(None))


def promise_form(p: Promise | None, series: list[tuple[str, str]],
                 default_series: str | None) -> FormDialog:
    """`series`: (name, id) of the series that can follow the promise up."""
    none = _("(none)")
    options = [(none, "")] + series
    chosen = (p.series_id if p is not None else default_series) or ""
    if chosen not in {v for _n, v in options}:
        chosen = ""
    fields = [
        Field("title", _("Title"), p.title if p else "", placeholder=_("Citizen promise …")),
        Field("starts", _("From"), p.starts.isoformat() if p else "", placeholder="2019-01"),
        Field("ends", _("To"), p.ends.isoformat() if p else "", placeholder="2020-12"),
        Field("areas", _("Areas"), ", ".join(p.areas) if p else "",
              placeholder="Bellevue, Holma, Kroksbäck"),
        Field("series", _("Followed up in"), chosen, kind="select", options=options),
        Field("description", _("Purpose"), p.description if p else ""),
        Field("evaluation", _("Evaluation"), p.evaluation if p else ""),
    ]

    def read(v: dict[str, Any]) -> Promise:
        title = " ".join(v["title"].split())
        if not title:
            raise PromiseError(_("A promise needs a title."))
        starts, ends = parse_period(v["starts"], v["ends"])
        base = p or Promise("", title, starts, ends)
        return replace(base, title=title, starts=starts, ends=ends,
                       areas=parse_areas(v["areas"]), series_id=v["series"] or None,
                       description=v["description"].strip(),
                       evaluation=v["evaluation"].strip())

    return FormDialog(_("Edit promise") if p else _("New promise"), fields, read)


def commitment_form(c: Commitment | None) -> FormDialog:
    fields = [
        Field("text", _("Commitment"), c.text if c else "",
              placeholder=_("At least 25 visible activities in the areas")),
        Field("target", _("Target"), "" if c is None or c.target is None else str(c.target),
              placeholder=_("a number, or empty for none")),
        Field("per_year", _("Every year"), bool(c and c.per_year), kind="check",
              placeholder=_("the target holds for every year of the period (space)")),
        Field("unit", _("Counted as"), c.unit if c else "",
              placeholder=_("visible activities")),
        Field("done", _("Done"), bool(c and c.done), kind="check",
              placeholder=_("for a commitment without a number (space)")),
        Field("evaluation", _("Evaluation"), c.evaluation if c else ""),
    ]

    def read(v: dict[str, Any]) -> Commitment:
        text = " ".join(v["text"].split())
        if not text:
            raise PromiseError(_("A commitment needs a text."))
        target = parse_target(v["target"])
        base = c or Commitment("", text)
        return replace(base, text=text, target=target, per_year=bool(v["per_year"]) and
                       target is not None, unit=" ".join(v["unit"].split()),
                       done=bool(v["done"]), evaluation=v["evaluation"].strip())

    return FormDialog(_("Edit commitment") if c else _("New commitment"), fields, read)


@dataclass(frozen=True)
class EntryInput:
    amount: int
    day: date
    note: str


def entry_form(c: Commitment, today: date) -> FormDialog:
    fields = [
        Field("amount", _("Amount"), "1", placeholder="1"),
        Field("day", _("Date"), today.isoformat(), placeholder="2026-11-24"),
        Field("note", _("Note"), "", placeholder=_("what was done (no names of persons)")),
    ]

    def read(v: dict[str, Any]) -> EntryInput:
        return EntryInput(parse_amount(v["amount"]), parse_day(v["day"]), v["note"].strip())

    title = _("Record progress: {what}").format(what=c.unit or c.text[:40])
    return FormDialog(title, fields, read)


@dataclass(frozen=True)
class LinkInput:
    action_id: str
    count: int  # 0 unlinks


def link_form(c: Commitment, actions) -> FormDialog:
    """Choose one of the series' actions to count towards `c` (`actions`: LinkableAction)."""
    from orat_tui.ui.screens.action_dialog import status_label

    def shown(a) -> str:
        mark = "✓ " if a.commitment_id == c.id else ""
        what = " ".join(a.what.split())
        return f"{mark}{status_label(a.status)} · {what[:52]}"

    options = [(shown(a), a.id) for a in actions]
    linked = next((a for a in actions if a.commitment_id == c.id), None)
    fields = [
        Field("action", _("The action"), (linked or actions[0]).id, kind="select", options=options),
        Field("count", _("Counts as"), str((linked.count if linked else None) or 1),
              placeholder=_("how many, once finished (0 stops counting it)")),
    ]

    def read(v: dict[str, Any]) -> LinkInput:
        text = v["count"].strip()
        if text == "0":
            return LinkInput(v["action"], 0)
        return LinkInput(v["action"], parse_target(text) or 1)

    title = _("Count an action towards: {what}").format(what=c.unit or c.text[:40])
    return FormDialog(title, fields, read)
