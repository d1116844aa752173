"""The minutes as Markdown: for e-mail and chat, and for reading a meeting back in orat.

Notes are stored as typed; here every character that Markdown or HTML would act on is
escaped, so a note shows as the text it is."""

from __future__ import annotations

import re

from orat_tui.domain.agenda import Status
from orat_tui.domain.meeting import APPROVED, ENDED, LIVE, Meeting, note_slot
from orat_tui.domain.timer import format_duration
from orat_tui.i18n import N_, _, format_date
from orat_tui.labels import field_label, step_label

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
STATES = {LIVE: N_("live"), ENDED: N_("ended"), APPROVED: N_("approved")}


def escape(text: str) -> str:
    """Text as itself in Markdown: special characters escaped, control characters (terminal
    escape sequences among them) shown as visible codes, line breaks kept."""
    text = _CONTROL.sub(lambda m: f"\\\\x{ord(m.group()):02x}", text)
    text = _SPECIAL.sub(r"\\\1", text)
    return "  \n".join(text.splitlines())


def minutes_markdown(m: Meeting) -> str:
    out: list[str] = []
    add = out.append
    add(f"# {escape(m.title)}")
    add("")
    end = f"–{m.ended_at:%H:%M}" if m.ended_at else ""
    planned, state = _("planned end"), _(STATES.get(m.state, m.state))
    add(f"**{format_date(m.started_at.date())}**, {m.started_at:%H:%M}{end} "
        f"({planned} {m.planned_end:%H:%M}) · {state}")
    add("")
    add("## " + _("Attendance"))
    add("")
    present = [a for a in m.attendees if a.present]
    absent = [a for a in m.attendees if not a.present and a.kind == "member"]
    for a in present:
        extra = []
        if a.role:
            extra.append(a.role)
        if a.chair:
            extra.append(_("chair"))
        if a.kind == "guest":
            extra.append(_("guest"))
        if a.kind == "adjunct":
            extra.append(_("adjunct"))
        if a.substitute:
            extra.append(_("substitute: {name}").format(name=a.substitute))
        tail = f" ({escape(', '.join(extra))})" if extra else ""
        add(f"- {escape(a.name)}{tail}")
    if absent:
        add("")
        add("**" + _("Absent") + ":** " + ", ".join(escape(a.name) for a in absent))
    for a in absent:
        sent = m.notes.get(note_slot(None, "absent_in", a.key), "").strip()
        passed = m.notes.get(note_slot(None, "pass_on", a.key), "").strip()
        if sent or passed:
            add("")
            add(f"### {escape(a.name)} (" + _("absent member") + ")")
            if sent:
                add("")
                add(f"*{field_label('absent_in')}:*  ")
                add(escape(sent))
            if passed:
                add("")
                add(f"*{field_label('pass_on').format(name=escape(a.name))}:*  ")
                add(escape(passed))
    for step in m.steps:
        if step.kind == "roll_call":
            continue
        add("")
        label = escape(step_label(m, step, short=False))
        if step.status is Status.ABSENT:
            add(f"## {label}: " + _("absent member"))
            continue
        if step.status is Status.SKIPPED:
            add(f"## {label}: " + _("skipped"))
            continue
        times = _("{spoken} of {budget}").format(spoken=format_duration(step.elapsed),
                                                 budget=format_duration(step.budget))
        add(f"## {label} · {times}")
        if step.speakers:
            spoken = ", ".join(f"{escape(m.short_of(k))} {format_duration(v)}"
                               for k, v in step.speakers.items() if v >= 1)
            if spoken:
                add("")
                add("*" + _("Speaking time") + f": {spoken}*")
        for f in step.fields:
            text = m.notes.get(note_slot(step, f), "").strip()
            if not text:
                continue
            add("")
            add(f"**{field_label(f)}**  ")
            add(escape(text))
    add("")
    return "\n".join(out)
