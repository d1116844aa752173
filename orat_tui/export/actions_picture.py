"""The actions and the situational picture in the minutes (no Textual, no database): the
record the store read (orat_tui.domain.actions_picture) in words, the same for every format.

Two parts, each left out when it holds nothing: "Åtgärder" (the actions made in the meeting,
and those followed up in it with their outcome) and "Lägesbild" (the level of each area and
the combined level, when set in the meeting, and the events raised or closed in it; internal
(egen) events only with the internal notes). Every text from the record that leaves orat is in
`ItemOut.checked`, where the personal-number guard reads it."""

from __future__ import annotations

from dataclasses import dataclass

from orat_tui.domain.actions import format_number
from orat_tui.domain.actions_picture import (
    CONTINUED,
    DROPPED_OUT,
    FINISHED,
    ActionLine,
    ActionsAndPicture,
    FollowUp,
)
from orat_tui.domain.meeting import Meeting
from orat_tui.i18n import _, format_date
from orat_tui.labels_actions import status_label
from orat_tui.labels_picture import level_name


@dataclass(frozen=True)
class ItemOut:
    """One action, area level or event: a title, "label: value" details, maybe a text below."""

    key: str  # "action:<id>", "level:<area key>", "level:combined", "event:<id>"
    title: str
    details: tuple[tuple[str, str], ...] = ()  # (label, value); an empty label: the value alone
    text: str = ""  # a longer text shown under the details (an event's facts)
    internal: bool = False
    checked: tuple[tuple[str, str, str], ...] = ()  # (field, label, text) the guard reads

    def detail_line(self) -> str:
        """'Ansvarig: Polisen · Klart senast: fre 4 dec 2026'"""
        return " · ".join(f"{label}: {value}" if label else value
                          for label, value in self.details)


@dataclass(frozen=True)
class GroupOut:
    key: str  # new, followed_up, levels, events
    heading: str
    items: tuple[ItemOut, ...]


@dataclass(frozen=True)
class PartOut:
    key: str  # actions, picture
    heading: str
    groups: tuple[GroupOut, ...]


def _date(d) -> str:
    return format_date(d) if d is not None else ""


def _with_number(text: str, number: float | None) -> str:
    if number is None:
        return text
    figure = format_number(number)
    return f"{text} ({figure})" if text else figure


def _action_details(a: ActionLine) -> list[tuple[str, str]]:
    out = [(_("Responsible"), a.responsible_name or a.responsible)]
    if a.with_member:
        out.append((_("Together with"), a.with_name or a.with_member))
    if a.due is not None:
        out.append((_("Due"), _date(a.due)))
    out.append((_("Status"), status_label(a.status)))
    if a.area:
        out.append((_("Area"), a.area))
    if a.focus_area:
        out.append((_("Focus area"), a.focus_area))
    if a.goal or a.goal_target is not None:
        out.append((_("Goal"), _with_number(a.goal, a.goal_target)))
    return [(label, value) for label, value in out if value]


def _action_checked(a: ActionLine) -> tuple[tuple[str, str, str], ...]:
    texts = (("what", _("What"), a.what), ("goal", _("Goal"), a.goal),
             ("result", _("Result"), a.result), ("evaluation", _("Evaluation"), a.evaluation))
    return tuple(t for t in texts if t[2].strip())


def _new(a: ActionLine) -> ItemOut:
    checked = tuple(t for t in _action_checked(a) if t[0] in ("what", "goal"))
    return ItemOut(f"action:{a.id}", a.what.strip(), tuple(_action_details(a)), checked=checked)


def _followed(f: FollowUp) -> ItemOut:
    a = f.action
    details = [(_("Responsible"), a.responsible_name or a.responsible)] \
        if (a.responsible_name or a.responsible) else []
    checked = [t for t in _action_checked(a) if t[0] == "what"]
    if f.outcome == FINISHED:
        details.append((_("Finished"), _with_number(a.result, a.result_value) or "–"))
        checked += [t for t in _action_checked(a) if t[0] == "result"]
    elif f.outcome == DROPPED_OUT:
        details.append((_("Dropped, reason"), a.evaluation.strip() or "–"))
        checked += [t for t in _action_checked(a) if t[0] == "evaluation"]
    elif f.outcome == CONTINUED:
        if a.due is not None:
            details.append((_("Continues, new due date"), _date(a.due)))
        else:
            details.append(("", _("Continues, no due date")))
    else:
        details.append((_("Changed in the meeting"), status_label(a.status)))
    return ItemOut(f"action:{a.id}", a.what.strip(), tuple(details), checked=tuple(checked))


def _actions(r: ActionsAndPicture) -> PartOut | None:
    groups = []
    if r.new_actions:
        groups.append(GroupOut("new", _("New actions"), tuple(_new(a) for a in r.new_actions)))
    if r.followed_up:
        groups.append(GroupOut("followed_up", _("Actions followed up"),
                               tuple(_followed(f) for f in r.followed_up)))
    return PartOut("actions", _("Actions"), tuple(groups)) if groups else None


def _levels(r: ActionsAndPicture) -> tuple[ItemOut, ...]:
    out = []
    if r.combined is not None:
        c = r.combined
        details = [] if c.confirmed else [("", _("orat's suggestion, not confirmed"))]
        if c.reason.strip():
            details.append((_("Reason"), c.reason.strip()))
        title = _("Combined level") + ": " + level_name(c.level)
        out.append(ItemOut("level:combined", title, tuple(details),
                           checked=(("reason", _("Reason"), c.reason),)))
    for a in r.levels:
        details = []
        if a.changed:
            details.append(("", _("changed from {level}").format(level=level_name(a.before))))
        if a.reason.strip():
            details.append((_("Reason"), a.reason.strip()))
        out.append(ItemOut(f"level:{a.key}", f"{a.area}: {level_name(a.level)}", tuple(details),
                           checked=(("reason", _("Reason"), a.reason),)))
    return tuple(out)


def _events(r: ActionsAndPicture, m: Meeting, include_internal: bool) -> tuple[ItemOut, ...]:
    out = []
    for e in r.shared_events(include_internal):
        details = []
        if e.area:
            details.append((_("Area"), e.area))
        if e.member:
            details.append((_("Raised by"), m.name_of(e.member)))
        if e.focus_area:
            details.append((_("Focus area"), e.focus_area))
        if e.raised_here:
            details.append(("", _("raised in this meeting")))
        if e.closed_here:
            details.append(("", _("closed in this meeting")))
        if e.closed_here and e.closing_note.strip():
            details.append((_("Closing note"), e.closing_note.strip()))
        if e.measures_planned.strip():
            details.append((_("Measures planned"), e.measures_planned.strip()))
        checked = (("title", _("Event"), e.title),
                   ("facts", _("Facts about the situation"), e.facts),
                   ("measures_planned", _("Measures planned"), e.measures_planned),
                   ("closing_note", _("Closing note"), e.closing_note if e.closed_here else ""))
        out.append(ItemOut(f"event:{e.id}", e.title.strip(), tuple(details), e.facts.strip(),
                           e.internal, tuple(t for t in checked if t[2].strip())))
    return tuple(out)


def _picture(r: ActionsAndPicture, m: Meeting, include_internal: bool) -> PartOut | None:
    groups = []
    if levels := _levels(r):
        groups.append(GroupOut("levels", _("Levels"), levels))
    if events := _events(r, m, include_internal):
        groups.append(GroupOut("events", _("Events"), events))
    return PartOut("picture", _("Situational picture"), tuple(groups)) if groups else None


def parts(record: ActionsAndPicture | None, m: Meeting,
          include_internal: bool) -> tuple[PartOut, ...]:
    """The parts of the minutes after the steps: actions, then the situational picture; a part
    with nothing in it is left out."""
    if record is None:
        return ()
    return tuple(p for p in (_actions(record), _picture(record, m, include_internal)) if p)
