"""The minutes as plain text, wrapped at 78 columns: for a mail body, a printout, a terminal.

Control characters in notes are shown as codes (`\\x1b`), so printing the file in a terminal
cannot move the cursor or change colours."""

from __future__ import annotations

import textwrap

from orat_tui.domain.meeting import Meeting
from orat_tui.export import Minutes, NoteOut, minutes, show_controls

WIDTH = 78


def _clean(text: str) -> str:
    return show_controls(text).expandtabs(4)


def wrap(text: str, indent: str = "", later: str | None = None) -> list[str]:
    """One paragraph (no line breaks) wrapped to WIDTH; words longer than a line (web
    addresses) are kept whole."""
    later = indent if later is None else later
    lines = textwrap.wrap(_clean(text), WIDTH, initial_indent=indent, subsequent_indent=later,
                          break_long_words=False, break_on_hyphens=False)
    return lines or [indent.rstrip()]


def block(text: str, indent: str) -> list[str]:
    """A note: each of its lines wrapped, blank lines kept."""
    out: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            out.append("")
            continue
        lead = len(line) - len(line.lstrip(" "))
        out += wrap(line.strip(), indent + " " * lead)
    return out


def underline(title: str, char: str) -> list[str]:
    lines = wrap(title)
    return lines + [char * min(WIDTH, max(len(line) for line in lines))]


def _note(doc: Minutes, out: list[str], n: NoteOut) -> None:
    label = f"{n.label}:"
    if n.internal:
        label += f" [{doc.words.internal}]"
    out.append("")
    out += wrap(label)
    out += block(n.text, "    ")


def _parts(doc: Minutes, out: list[str]) -> None:
    """The actions and the situational picture: a dash per action, level or event, its details
    and text indented under it."""
    for p in doc.parts:
        out.append("")
        out.append("")
        out += underline(p.heading, "-")
        for g in p.groups:
            out.append("")
            out += wrap(f"{g.heading}:")
            for i in g.items:
                title = i.title + (f" [{doc.words.internal}]" if i.internal else "")
                out += wrap(title, "  - ", "    ")
                if i.details:
                    out += wrap(i.detail_line(), "    ")
                if i.text:
                    out += block(i.text, "    ")


def text(doc: Minutes) -> str:
    out: list[str] = []
    out += underline(doc.title, "=")
    out += wrap(f"{doc.when()} · {doc.state_label}")
    out += wrap(doc.approval)
    if doc.approval_stale:
        out += wrap("!! " + doc.words.changed)
    if doc.include_internal and doc.has_internal:
        out.append("")
        out += wrap("!! " + doc.words.holds_internal)
    out.append("")
    out += underline(doc.words.attendance, "-")
    for p in doc.present:
        tail = f" ({', '.join(p.details)})" if p.details else ""
        out += wrap(f"{p.attendee.name}{tail}", "  - ", "    ")
    if doc.absent:
        out.append("")
        out += wrap(doc.words.absent + ": " + ", ".join(a.name for a in doc.absent), "", "  ")
    for mn in doc.members:
        out.append("")
        tail = f" ({doc.words.absent_member})" if mn.absent else ""
        out += underline(f"{mn.attendee.name}{tail}", "-")
        for n in mn.notes:
            _note(doc, out, n)
    for s in doc.sections:
        out.append("")
        out.append("")
        heading = f"{doc.heading(s)} · {doc.times(s)}" if s.timed else doc.heading(s)
        out += underline(heading, "-")
        if s.speakers:
            out += wrap(f"{doc.words.speaking_time}: {doc.speaking_times(s)}", "", "  ")
        for n in s.notes:
            _note(doc, out, n)
    if doc.other:
        out.append("")
        out.append("")
        out += underline(doc.words.further_notes, "-")
        for n in doc.other:
            _note(doc, out, n)
    _parts(doc, out)
    out.append("")
    return "\n".join(out)


def render(m: Meeting, include_internal: bool = False, record=None) -> str:
    return text(minutes(m, include_internal=include_internal, record=record))
