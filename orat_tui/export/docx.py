"""The minutes as a Word document (python-docx, an optional extra: pip install 'orat[docx]').

A4, headings for the attendance and every step, the notes with their field labels. Control
characters in notes are shown as codes (`\\x1b`); Word files cannot hold most of them."""

from __future__ import annotations

import io
import re

from orat_tui.domain.meeting import Meeting
from orat_tui.export import Minutes, MissingDependency, NoteOut, minutes
from orat_tui.export import show_controls as _show_controls
from orat_tui.i18n import _, language

LANGUAGE_TAGS = {"sv": "sv-SE", "en": "en-GB"}
_NONCHARACTERS = re.compile("[\ufffe\uffff]")  # not allowed in XML either


def show_controls(text: str) -> str:
    """Control characters as codes, and the two characters XML cannot hold as well."""
    return _NONCHARACTERS.sub(lambda m: f"\\u{ord(m.group()):04x}", _show_controls(text))


def _load_docx():
    try:
        import docx
        from docx.shared import Mm, RGBColor
    except ImportError:
        raise MissingDependency(
            _("Word export needs python-docx: pip install 'orat[docx]'")) from None
    return docx, Mm, RGBColor


def _remember_style_ids(d) -> None:
    """Look each paragraph style up by name once per document: python-docx looks the name up
    in styles.xml (xpath, and the default style's) at every paragraph, most of the time a
    meeting's minutes take."""
    part = d.part
    lookup = part.get_style_id
    known: dict = {}

    def get_style_id(style_or_name, style_type):
        if not isinstance(style_or_name, str):
            return lookup(style_or_name, style_type)
        key = (style_or_name, style_type)
        if key not in known:
            known[key] = lookup(style_or_name, style_type)
        return known[key]

    part.get_style_id = get_style_id


def document(doc: Minutes) -> bytes:
    docx, Mm, RGBColor = _load_docx()
    red = RGBColor(0xB0, 0x00, 0x20)
    d = docx.Document()
    _remember_style_ids(d)
    section = d.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(18), Mm(20)
    m = doc.meeting
    props = d.core_properties
    props.title = show_controls(f"{doc.title} · {doc.date}")
    props.author = props.last_modified_by = "orat"
    props.language = LANGUAGE_TAGS.get(language(), language())
    props.created = props.modified = m.ended_at or m.started_at
    props.comments = ""

    def para(text: str = "", style: str | None = None):
        return d.add_paragraph(show_controls(text), style=style)

    def warning(text: str) -> None:
        run = d.add_paragraph().add_run(show_controls(text))
        run.bold = True
        run.font.color.rgb = red

    def note(n: NoteOut) -> None:
        p = d.add_paragraph()
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.space_after = Mm(0.5)
        p.add_run(show_controls(n.label)).bold = True
        if n.internal:
            run = p.add_run(" (" + doc.words.internal + ")")
            run.italic = True
            run.font.color.rgb = red
        # a line break in the note is a line break in Word (python-docx turns \n into <w:br/>)
        para("\n".join(line.rstrip() for line in n.text.splitlines()))

    d.add_heading(show_controls(doc.title), level=0)
    para(f"{doc.when()} · {doc.state_label}")
    p = d.add_paragraph()
    p.add_run(show_controls(doc.approval)).bold = doc.state == "approved"
    if doc.approval_stale:
        warning(doc.words.changed)
    if doc.include_internal and doc.has_internal:
        warning(doc.words.holds_internal)

    d.add_heading(doc.words.attendance, level=1)
    for pr in doc.present:
        tail = f" ({', '.join(pr.details)})" if pr.details else ""
        para(f"{pr.attendee.name}{tail}", style="List Bullet")
    if doc.absent:
        p = d.add_paragraph()
        p.add_run(doc.words.absent + ": ").bold = True
        p.add_run(show_controls(", ".join(a.name for a in doc.absent)))
    for mn in doc.members:
        tail = f" ({doc.words.absent_member})" if mn.absent else ""
        d.add_heading(show_controls(f"{mn.attendee.name}{tail}"), level=2)
        for n in mn.notes:
            note(n)
    for s in doc.sections:
        heading = f"{doc.heading(s)} · {doc.times(s)}" if s.timed else doc.heading(s)
        d.add_heading(show_controls(heading), level=1)
        if s.speakers:
            p = d.add_paragraph()
            p.add_run(show_controls(f"{doc.words.speaking_time}: {doc.speaking_times(s)}")).italic = True
        for n in s.notes:
            note(n)
    if doc.other:
        d.add_heading(doc.words.further_notes, level=1)
        for n in doc.other:
            note(n)
    for part in doc.parts:  # the actions and the situational picture
        d.add_heading(show_controls(part.heading), level=1)
        for g in part.groups:
            d.add_heading(show_controls(g.heading), level=2)
            for i in g.items:
                p = d.add_paragraph(style="List Bullet")
                p.paragraph_format.keep_with_next = bool(i.details or i.text)
                p.add_run(show_controls(i.title)).bold = True
                if i.internal:
                    run = p.add_run(" (" + doc.words.internal + ")")
                    run.italic = True
                    run.font.color.rgb = red
                if i.details:
                    p.add_run("\n" + show_controls(i.detail_line()))
                if i.text:
                    para("\n".join(line.rstrip() for line in i.text.splitlines()))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def render(m: Meeting, include_internal: bool = False, record=None) -> bytes:
    return document(minutes(m, include_internal=include_internal, record=record))
