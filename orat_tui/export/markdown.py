"""The minutes as Markdown: for e-mail and chat, and for reading a meeting back in orat.

Notes are stored as typed; here every character that Markdown or HTML would act on is
escaped, so a note shows as the text it is."""

from __future__ import annotations

import re

from orat_tui.domain.meeting import Meeting
from orat_tui.export import STATES, Minutes, NoteOut, minutes, show_controls

__all__ = ["STATES", "escape", "minutes_markdown", "render"]

# Characters Markdown acts on wherever they are; and those it acts on only at the start of a
# line (lists, rules, setext headings, ordered lists): "Arbetsmarknads- och" and a full stop
# stay as they are, so the Markdown still reads well as plain text in an e-mail.
_SPECIAL = re.compile(r"([\\`*_\[\]#|<>&~])")
_LINE_START = re.compile(r"^( *)([-+=]|\d{1,9}(?=[.)]))")
_INDENT = re.compile(r"^[ \t]+")  # four spaces would make a code block: at most three


def escape(text: str, heading: bool = False) -> str:
    """Text as itself in Markdown: special characters escaped, control characters (terminal
    escape sequences among them) shown as visible codes, line breaks kept. In a `heading`
    (one line after "## ") a leading "1." or "-" means nothing and is left as it is."""
    text = _SPECIAL.sub(r"\\\1", show_controls(text))
    if heading:
        return " ".join(text.split())
    lines = [_LINE_START.sub(_escape_start, _INDENT.sub(_indent, line))
             for line in text.splitlines()]
    return "  \n".join(lines)


def _indent(m: re.Match[str]) -> str:
    return " " * min(3, len(m.group().expandtabs(4)))


def _escape_start(m: re.Match[str]) -> str:
    lead, mark = m.group(1), m.group(2)
    if mark.isdigit():  # "1. " or "1) ": escape the full stop or bracket after the digits
        return f"{lead}{mark}\\"
    return f"{lead}\\{mark}"


def _note(doc: Minutes, add, n: NoteOut, bold: bool) -> None:
    mark = "**" if bold else "*"
    internal = f" *({doc.words.internal})*" if n.internal else ""
    add("")
    add(f"{mark}{escape(n.label)}{':' if not bold else ''}{mark}{internal}  ")
    add(escape(n.text))


def _parts(doc: Minutes, add) -> None:
    """The actions and the situational picture: a list item per action, level or event."""
    for p in doc.parts:
        add("")
        add("## " + escape(p.heading, heading=True))
        for g in p.groups:
            add("")
            add("### " + escape(g.heading, heading=True))
            add("")
            for i in g.items:
                internal = f" *({escape(doc.words.internal)})*" if i.internal else ""
                lines = [f"**{escape(i.title, heading=True)}**{internal}"]
                if i.details:
                    lines.append(escape(i.detail_line(), heading=True))
                if i.text:
                    lines.append(escape(i.text))
                add("- " + "  \n".join(lines).replace("\n", "\n  "))


def markdown(doc: Minutes) -> str:
    out: list[str] = []
    add = out.append
    add(f"# {escape(doc.title, heading=True)}")
    add("")
    add(f"**{escape(doc.date)}**{escape(doc.when()[len(doc.date):])} · {escape(doc.state_label)}  ")
    add(f"*{escape(doc.approval)}*" if doc.state != "approved" else f"**{escape(doc.approval)}**")
    if doc.approval_stale:
        add("")
        add("**" + escape(doc.words.changed) + "**")
    if doc.include_internal and doc.has_internal:
        add("")
        add("> **" + escape(doc.words.holds_internal) + "**")
    add("")
    add("## " + escape(doc.words.attendance, heading=True))
    add("")
    for p in doc.present:
        tail = f" ({escape(', '.join(p.details))})" if p.details else ""
        add(f"- {escape(p.attendee.name)}{tail}")
    if doc.absent:
        add("")
        add("**" + escape(doc.words.absent) + ":** " + ", ".join(escape(a.name) for a in doc.absent))
    for mn in doc.members:
        add("")
        tail = " (" + escape(doc.words.absent_member) + ")" if mn.absent else ""
        add(f"### {escape(mn.attendee.name, heading=True)}{tail}")
        for n in mn.notes:
            _note(doc, add, n, bold=False)
    for s in doc.sections:
        add("")
        if s.timed:
            add(f"## {escape(doc.heading(s), heading=True)} · {escape(doc.times(s))}")
        else:
            add(f"## {escape(doc.heading(s), heading=True)}")
        if s.speakers:
            add("")
            add("*" + escape(doc.words.speaking_time) + f": {escape(doc.speaking_times(s))}*")
        for n in s.notes:
            _note(doc, add, n, bold=True)
    if doc.other:
        add("")
        add("## " + escape(doc.words.further_notes, heading=True))
        for n in doc.other:
            _note(doc, add, n, bold=True)
    _parts(doc, add)
    add("")
    return "\n".join(out)


def minutes_markdown(m: Meeting, include_internal: bool = False, record=None) -> str:
    """The minutes as Markdown; with `record` (Store.actions_and_picture) the meeting's actions
    and situational picture too."""
    return markdown(minutes(m, include_internal=include_internal, record=record))


def render(m: Meeting, include_internal: bool = False, record=None) -> str:
    return minutes_markdown(m, include_internal=include_internal, record=record)
