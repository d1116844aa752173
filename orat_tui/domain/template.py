"""Meeting templates: what a forum's meeting consists of, validated from plain data.

This module reads no files: config.py parses TOML and hands the resulting dict here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time

from orat_tui.domain.areas import (
    AreaSpec, ContactSpec, areas_to_data, contacts_to_data, parse_areas, parse_contacts,
)
from orat_tui.domain.cadence import Cadence, CadenceError, parse_cadence
from orat_tui.domain.steps import KINDS

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class TemplateError(ValueError):
    """A template that cannot be used; `where` names the key that is wrong."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass(frozen=True)
class MemberSpec:
    key: str
    name: str
    short: str
    role: str = ""
    chair: bool = False


@dataclass(frozen=True)
class StepSpec:
    kind: str
    budget_seconds: int
    member: str = ""
    title: str = ""
    number: int = 0
    prompts: tuple[str, ...] = ()
    hint: str = ""  # what to think of when preparing this step (the intake form shows it)


@dataclass(frozen=True)
class Template:
    id: str
    name: str
    members: tuple[MemberSpec, ...]
    steps: tuple[StepSpec, ...]
    guests: tuple[MemberSpec, ...] = ()
    forum: str = ""
    description: str = ""
    weekday: str = ""
    start: time | None = None
    duration_minutes: int = 60
    substitutes_allowed: bool = False
    warning_share: float = 0.8
    telephone: bool = False
    turn_fields: tuple[str, ...] = ("past_week", "coming_week")
    areas: tuple[AreaSpec, ...] = ()  # the series' areas to begin with (editable in the app)
    contacts: tuple[ContactSpec, ...] = ()  # for the briefing
    checklist: str = "social-oro"  # config/checklists/<name>.toml; "" = none
    cadence: Cadence | None = None  # how often the forum must meet (domain/cadence.py)
    extra: dict = field(default_factory=dict, compare=False)

    def member(self, key: str) -> MemberSpec:
        for m in self.members:
            if m.key == key:
                return m
        raise KeyError(key)


def _str(data: dict, key: str, where: str, default: str | None = None) -> str:
    if key not in data:
        if default is None:
            raise TemplateError(f"'{key}' is missing", where)
        return default
    value = data[key]
    if not isinstance(value, str) or (default is None and not value.strip()):
        raise TemplateError(f"'{key}' must be a non-empty text", where)
    return value


def _int(data: dict, key: str, where: str, default: int, low: int, high: int) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise TemplateError(f"'{key}' must be a number from {low} to {high}", where)
    return int(value)


def _bool(data: dict, key: str, where: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise TemplateError(f"'{key}' must be true or false", where)
    return value


def _member(data: object, where: str) -> MemberSpec:
    if not isinstance(data, dict):
        raise TemplateError("must be a table with key and name", where)
    key = _str(data, "key", where)
    if not _KEY.fullmatch(key):
        raise TemplateError(f"key '{key}' may hold only a-z, 0-9, '-' and '_'", where)
    name = _str(data, "name", where)
    return MemberSpec(
        key=key,
        name=name,
        short=_str(data, "short", where, default=name) or name,
        role=_str(data, "role", where, default=""),
        chair=_bool(data, "chair", where, False),
    )


def _budget(data: dict, where: str) -> int:
    value = data.get("budget_minutes", 2)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 240:
        raise TemplateError("'budget_minutes' must be a number from 0 to 240", where)
    return int(round(value * 60))


def _start(value: object) -> time | None:
    """A local wall-clock time in hours and minutes: "09:00", or a TOML local time 09:00:00.
    Seconds and time zones are refused: template_to_data writes HH:MM, a meeting is local."""
    if value == "":
        return None
    start = value if isinstance(value, time) else None
    if isinstance(value, str):
        try:
            start = time.fromisoformat(value)
        except ValueError:
            start = None
    if start is None or start.tzinfo is not None or start.second or start.microsecond:
        raise TemplateError("'start' must be a time like \"09:00\"", "template")
    return start


def parse_template(template_id: str, data: dict) -> Template:
    """Build a Template from parsed TOML, or raise TemplateError naming the wrong key."""
    head = data.get("template")
    if not isinstance(head, dict):
        raise TemplateError("the [template] table is missing")
    name = _str(head, "name", "template")
    weekday = _str(head, "weekday", "template", default="")
    if weekday and weekday not in WEEKDAYS:
        raise TemplateError(f"'weekday' must be one of {', '.join(WEEKDAYS)}", "template")
    start = _start(head.get("start", ""))
    try:
        cadence = parse_cadence(head["cadence"]) if "cadence" in head else None
    except CadenceError as exc:
        raise TemplateError(str(exc), "template") from None
    share = head.get("warning_share", 0.8)
    if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 < share <= 1:
        raise TemplateError("'warning_share' must be a number above 0 and at most 1", "template")
    turn_fields = head.get("turn_fields", ["past_week", "coming_week"])
    if (
        not isinstance(turn_fields, list)
        or not turn_fields
        or not all(f in ("past_week", "coming_week", "note") for f in turn_fields)
    ):
        raise TemplateError(
            "'turn_fields' must list some of past_week, coming_week, note", "template"
        )

    raw_members = data.get("members")
    if not isinstance(raw_members, list) or not raw_members:
        raise TemplateError("a template needs at least one [[members]] entry")
    members = tuple(_member(m, f"members[{i}]") for i, m in enumerate(raw_members))
    raw_guests = data.get("guests", [])
    if not isinstance(raw_guests, list):
        raise TemplateError("must be a list of [[guests]] tables", "guests")
    guests = tuple(_member(m, f"guests[{i}]") for i, m in enumerate(raw_guests))
    seen: set[str] = set()
    for where, m in [(f"members[{i}]", m) for i, m in enumerate(members)] + [
        (f"guests[{i}]", g) for i, g in enumerate(guests)
    ]:
        if m.key in seen:
            raise TemplateError(f"member key '{m.key}' is used twice", where)
        seen.add(m.key)

    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        raise TemplateError("a template needs at least one [[steps]] entry")
    steps = []
    for i, raw in enumerate(raw_steps):
        where = f"steps[{i}]"
        if not isinstance(raw, dict):
            raise TemplateError("must be a table with a kind", where)
        kind_name = _str(raw, "kind", where)
        kind = KINDS.get(kind_name)
        if kind is None:
            raise TemplateError(
                f"unknown kind '{kind_name}' (known: {', '.join(sorted(KINDS))})", where
            )
        member = _str(raw, "member", where, default="")
        if kind.needs_member:
            if not member:
                raise TemplateError(f"a {kind_name} step needs 'member'", where)
            if member not in {m.key for m in members}:
                raise TemplateError(f"no member with key '{member}'", where)
        title = _str(raw, "title", where, default="")
        if kind.needs_title and not title.strip():
            raise TemplateError(f"a {kind_name} step needs 'title'", where)
        prompts = raw.get("prompts", [])
        if not isinstance(prompts, list) or not all(isinstance(p, str) for p in prompts):
            raise TemplateError("'prompts' must be a list of texts", where)
        steps.append(
            StepSpec(
                kind=kind_name,
                budget_seconds=_budget(raw, where),
                member=member,
                title=title,
                number=_int(raw, "number", where, 0, 0, 99),
                prompts=tuple(prompts),
                hint=_str(raw, "hint", where, default=""),
            )
        )
    checklist = _str(head, "checklist", "template", default="social-oro")
    if checklist and not _KEY.fullmatch(checklist):
        raise TemplateError("'checklist' must name a file in checklists/ (a-z, 0-9, '-')",
                            "template")
    return Template(
        id=template_id,
        name=name,
        members=members,
        guests=guests,
        steps=tuple(steps),
        forum=_str(head, "forum", "template", default=""),
        description=_str(head, "description", "template", default=""),
        weekday=weekday,
        start=start,
        duration_minutes=_int(head, "duration_minutes", "template", 60, 1, 600),
        substitutes_allowed=_bool(head, "substitutes_allowed", "template", False),
        warning_share=float(share),
        telephone=_bool(head, "telephone", "template", False),
        turn_fields=tuple(turn_fields),
        areas=parse_areas(data.get("areas"), TemplateError),
        contacts=parse_contacts(data.get("contacts"), TemplateError),
        checklist=checklist,
        cadence=cadence,
    )


def template_to_data(t: Template) -> dict:
    """The inverse of parse_template: plain data ready for tomli-w."""
    head: dict = {"name": t.name}
    for key in ("forum", "description", "weekday"):
        if getattr(t, key):
            head[key] = getattr(t, key)
    if t.start is not None:
        head["start"] = t.start.strftime("%H:%M")
    if t.cadence is not None:
        head["cadence"] = str(t.cadence)
    head.update(
        duration_minutes=t.duration_minutes,
        substitutes_allowed=t.substitutes_allowed,
        warning_share=t.warning_share,
        telephone=t.telephone,
        turn_fields=list(t.turn_fields),
    )
    if t.checklist != "social-oro":
        head["checklist"] = t.checklist

    def member(m: MemberSpec) -> dict:
        d = {"key": m.key, "name": m.name, "short": m.short}
        if m.role:
            d["role"] = m.role
        if m.chair:
            d["chair"] = True
        return d

    def step(s: StepSpec) -> dict:
        d: dict = {"kind": s.kind, "budget_minutes": round(s.budget_seconds / 60, 2)}
        if d["budget_minutes"] == int(d["budget_minutes"]):
            d["budget_minutes"] = int(d["budget_minutes"])
        if s.member:
            d["member"] = s.member
        if s.number:
            d["number"] = s.number
        if s.title:
            d["title"] = s.title
        if s.prompts:
            d["prompts"] = list(s.prompts)
        if s.hint:
            d["hint"] = s.hint
        return d

    data: dict = {"template": head, "members": [member(m) for m in t.members]}
    if t.guests:
        data["guests"] = [member(g) for g in t.guests]
    data["steps"] = [step(s) for s in t.steps]
    if t.areas:
        data["areas"] = areas_to_data(t.areas)
    if t.contacts:
        data["contacts"] = contacts_to_data(t.contacts)
    return data
