"""The minutes as one self-contained HTML page: to open in a browser, attach, or print to PDF.

No scripts, no external resources (the styles are inline, a Content-Security-Policy forbids
loading anything), A4 print styles. Every text from the meeting is escaped; control and
invisible characters in notes are shown as codes (`\\x1b`), marked."""

from __future__ import annotations

from html import escape as _escape

from orat_tui.domain.meeting import Meeting
from orat_tui.export import (
    Minutes,
    NoteOut,
    SectionOut,
    control_code,
    minutes,
    split_controls,
)
from orat_tui.i18n import language

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 11pt; line-height: 1.45; color: #111; background: #fff; margin: 0; }
main { max-width: 48rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .3rem; padding-bottom: .15rem;
  border-bottom: 1px solid #bbb; }
h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
p { margin: .2rem 0; }
.meta { color: #333; }
.approval.approved { font-weight: 600; }
.warning { border-left: 4px solid #b00020; padding: .3rem .6rem; background: #fdecee;
  font-weight: 600; }
.times { font-weight: normal; color: #444; white-space: nowrap; }
.over { color: #b00020; font-weight: 600; }
.status { font-weight: normal; font-style: italic; color: #555; }
.speakers { font-style: italic; color: #333; }
ul.attendance { padding-left: 1.2rem; margin: .3rem 0; }
.note { margin: .5rem 0 .7rem; }
.note .label { font-weight: 600; margin: 0; }
.note .text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .1rem 0 0; }
.note.internal { border: 1px dashed #b00020; padding: .3rem .5rem; }
.tag { font-weight: normal; font-size: .85em; color: #b00020; }
ul.items { padding-left: 1.2rem; margin: .3rem 0; }
ul.items li { margin: .35rem 0; }
.item .title { font-weight: 600; margin: 0; }
.item .details { margin: 0; color: #333; }
.item .text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .1rem 0 0; }
.item.internal { border: 1px dashed #b00020; padding: .2rem .4rem; }
.ctl { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em;
  color: #b00020; background: #fdecee; border-radius: 2px; padding: 0 .15em; }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  .note, ul.attendance li, ul.items li { break-inside: avoid; page-break-inside: avoid; }
  .warning, .ctl, .note.internal, .item.internal { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def esc(text: str) -> str:
    """Text from the meeting as HTML: escaped, control characters shown as marked codes."""
    out = []
    for is_control, piece in split_controls(text):
        if is_control:
            out.append(f'<span class="ctl" title="U+{ord(piece):04X}">'
                       f"{_escape(control_code(piece))}</span>")
        else:
            out.append(_escape(piece))
    return "".join(out)


def _note(doc: Minutes, out: list[str], n: NoteOut) -> None:
    cls = "note internal" if n.internal else "note"
    tag = f' <span class="tag">({esc(doc.words.internal)})</span>' if n.internal else ""
    out.append(f'<div class="{cls}">')
    out.append(f'<p class="label">{esc(n.label)}{tag}</p>')
    out.append(f'<p class="text">{esc(n.text)}</p>')
    out.append("</div>")


def _times(doc: Minutes, s: SectionOut) -> str:
    if not s.timed:
        return ""
    cls = "times over" if s.overtime else "times"
    return f' · <span class="{cls}">{esc(doc.times(s))}</span>'


def _details(i) -> str:
    return " · ".join(f"<strong>{esc(label)}:</strong> {esc(value)}" if label else esc(value)
                      for label, value in i.details)


def _parts(doc: Minutes, out: list[str]) -> None:
    """The actions and the situational picture: a list item per action, level or event."""
    for p in doc.parts:
        out.append(f'<section class="{p.key}">')
        out.append(f"<h2>{esc(p.heading)}</h2>")
        for g in p.groups:
            out.append(f"<h3>{esc(g.heading)}</h3>")
            out.append(f'<ul class="items {g.key}">')
            for i in g.items:
                cls = "item internal" if i.internal else "item"
                tag = f' <span class="tag">({esc(doc.words.internal)})</span>' if i.internal else ""
                out.append(f'<li class="{cls}">')
                out.append(f'<p class="title">{esc(i.title)}{tag}</p>')
                if i.details:
                    out.append(f'<p class="details">{_details(i)}</p>')
                if i.text:
                    out.append(f'<p class="text">{esc(i.text)}</p>')
                out.append("</li>")
            out.append("</ul>")
        out.append("</section>")


def html(doc: Minutes) -> str:
    out: list[str] = []
    add = out.append
    add("<!DOCTYPE html>")
    add(f'<html lang="{language()}">')
    add("<head>")
    add('<meta charset="utf-8">')
    add('<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">")
    add('<meta name="viewport" content="width=device-width, initial-scale=1">')
    add('<meta name="generator" content="orat">')
    add(f"<title>{esc(doc.title)} · {esc(doc.date)}</title>")
    add(f"<style>{CSS}</style>")
    add("</head>")
    add("<body>")
    add("<main>")
    add(f"<h1>{esc(doc.title)}</h1>")
    add(f'<p class="meta">{esc(doc.when())} · {esc(doc.state_label)}</p>')
    approved = " approved" if doc.state == "approved" else ""
    add(f'<p class="approval{approved}">{esc(doc.approval)}</p>')
    if doc.approval_stale:
        add(f'<p class="warning">{esc(doc.words.changed)}</p>')
    if doc.include_internal and doc.has_internal:
        add('<p class="warning">'
            f'{esc(doc.words.holds_internal)}</p>')
    add(f"<h2>{esc(doc.words.attendance)}</h2>")
    add('<ul class="attendance">')
    for p in doc.present:
        tail = f" ({esc(', '.join(p.details))})" if p.details else ""
        add(f"<li>{esc(p.attendee.name)}{tail}</li>")
    add("</ul>")
    if doc.absent:
        names = ", ".join(esc(a.name) for a in doc.absent)
        add(f"<p><strong>{esc(doc.words.absent)}:</strong> {names}</p>")
    for mn in doc.members:
        tail = f" ({esc(doc.words.absent_member)})" if mn.absent else ""
        add(f"<h3>{esc(mn.attendee.name)}{tail}</h3>")
        for n in mn.notes:
            _note(doc, out, n)
    for s in doc.sections:
        add(f'<section class="step {s.state}">')
        heading = esc(doc.heading(s))
        if s.state_label:  # the state in its own style
            cut = len(esc(s.state_label))
            heading = f'{heading[:-cut]}<span class="status">{heading[-cut:]}</span>'
        add(f"<h2>{heading}{_times(doc, s)}</h2>")
        if s.speakers:
            add(f'<p class="speakers">{esc(doc.words.speaking_time)}: '
                f"{esc(doc.speaking_times(s))}</p>")
        for n in s.notes:
            _note(doc, out, n)
        add("</section>")
    if doc.other:
        add('<section class="other">')
        add(f"<h2>{esc(doc.words.further_notes)}</h2>")
        for n in doc.other:
            _note(doc, out, n)
        add("</section>")
    _parts(doc, out)
    add("</main>")
    add("</body>")
    add("</html>")
    return "\n".join(out) + "\n"


def render(m: Meeting, include_internal: bool = False, record=None) -> str:
    return html(minutes(m, include_internal=include_internal, record=record))
