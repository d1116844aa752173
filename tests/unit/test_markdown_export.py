"""The minutes as Markdown: `escape()` keeps a note the text it is, whatever was typed, and
`minutes_markdown()` keeps its own structure whatever the notes hold.

"The text it is" is checked by rendering: a Markdown parser (markdown-it-py, the parser
Textual's Markdown widget uses) given `escape(text)` must show the same visible text as the
chair typed, and nothing but plain paragraphs. What equality can honestly be expected:

- control characters (category Cc) other than tab and line feed are shown as visible codes
  by design: ESC as the four characters `\\x1b`;
- white space is Markdown's to lay out: runs of spaces, line breaks and blank lines, and the
  spaces at the start and end of a line, may change; so both sides are compared with every
  run of white space made one space;
- format characters (category Cf: bidi overrides, zero-width space) are left out of the
  generated text, as orat may show them either as they are or as codes.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from orat_tui import i18n
from orat_tui.config import discover_templates
from orat_tui.domain.agenda import Status, Step
from orat_tui.domain.meeting import ENDED, Attendee, Meeting, new_meeting, note_slot
from orat_tui.export.markdown import escape, minutes_markdown

COMMONMARK = MarkdownIt()  # "commonmark": the strict reading
GFM = MarkdownIt("gfm-like")  # what Textual's Markdown widget (the minutes screen) uses
NO_USER_TEMPLATES = Path(__file__).parent / "no-user-templates-here"
STARTED = datetime(2026, 11, 27, 9, 0, 0)


@pytest.fixture(autouse=True, scope="module")
def swedish():
    """The minutes in Swedish, orat's default, whatever an earlier test chose."""
    before = i18n.language()
    i18n.set_language("sv")
    yield
    i18n.set_language(before)


# -- what the reader sees ----------------------------------------------------------------
def shown(text: str) -> str:
    """What `text` should look like in the minutes: control characters as codes."""
    return "".join(f"\\x{ord(c):02x}" if unicodedata.category(c) == "Cc" and c not in "\t\n"
                   else c for c in text)


def normal(text: str) -> str:
    return " ".join(text.split())


def inline_text(token) -> str:
    out = []
    for child in token.children or ():
        if child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        else:
            out.append(child.content)
    return "".join(out)


def visible(source: str, md: MarkdownIt = COMMONMARK) -> str:
    """The text a reader of the rendered Markdown sees, block by block."""
    parts = []
    for token in md.parse(source):
        if token.type == "inline":
            parts.append(inline_text(token))
        elif token.content:  # code blocks, fences, HTML blocks: shown as they are
            parts.append(token.content)
    return "\n".join(parts)


def blocks(source: str, md: MarkdownIt = COMMONMARK) -> list[tuple[str, str]]:
    """The rendered document as (block, its visible text): ("h1", "…"), ("li", "…"), ("p", "…")."""
    out: list[tuple[str, str]] = []
    stack: list[str] = []
    for token in md.parse(source):
        if token.nesting == 1:
            stack.append(token.tag)
        elif token.nesting == -1:
            stack.pop()
        elif token.type == "inline":
            tag = "li" if "li" in stack else stack[-1]
            out.append((tag, inline_text(token)))
        else:
            out.append((token.type, token.content))
    return out


def raw_lt(source: str) -> list[int]:
    """Positions of '<' that Markdown would read as the start of HTML (not backslash-escaped)."""
    return [m.end() - 1 for m in re.finditer(r"(?<!\\)(?:\\\\)*<", source)]


# -- the text hypothesis types ---------------------------------------------------------------
SPECIALS = list("\\`*_{}[]()#+-.!|<>&~=:;'\"/ \t\n\r") + [
    "\x1b", "\x00", "\x07", "\x7f", "\x0b", "\x0c", "\x1c", "\x85", "\x9b", "\u2028", "\xa0",
    "1", "a", "ö", "Å",
]
FRAGMENTS = [
    "# ", "## ", "    ", "\t", "\n", "\n\n", "\n \n", "1. ", "2) ", "- ", "+ ", "* ", "> ", "```",
    "~~~", "<script>alert(1)</script>", "<b>", "<!-- x -->", "[link](http://x)", "![i](x.png)",
    "[a]: http://x", "<http://x>", "**bold**", "_em_", "~~s~~", "`code`", "=\n", "===", "---",
    "***", "___", "|a|b|\n|-|-|", "&amp;", "&#x41;", "&copy;", "\\", "\\\n", "  \n",
    "\x1b[2J", "\x1b]0;hacked\x07", "\x9b31m", "\r\n", "www.example.com", "Holma", "x",
]
characters = st.one_of(
    st.sampled_from(SPECIALS),
    st.characters(exclude_categories=("Cs", "Cf")),
)
note_texts = st.one_of(
    st.text(characters),
    st.lists(st.sampled_from(FRAGMENTS) | st.text(characters, max_size=3), max_size=12)
    .map("".join),
)


# -- escape() ------------------------------------------------------------------------------
@given(note_texts)
@example("# Rubrik\n\n    fyra mellanslag \\* efter en tom rad")
@example("Läget\n=")
@example("Läget\n---")
@example("1. första\n2) andra\n- punkt\n+ plus\n* stjärna")
@example("\x1b[2J\x1b]0;hacked\x07 \x00 \r \x7f \x9b31m \x85")
@example("<script>alert(1)</script> **bold** [link](http://x) &amp; `kod`")
@example("\tindrag\n\n\tmed tab")
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_escaped_text_renders_as_the_text_itself(text):
    source = escape(text)
    tokens = COMMONMARK.parse(source)
    kinds = {t.type for t in tokens}
    assert kinds <= {"paragraph_open", "paragraph_close", "inline"}, (
        f"escape({text!r}) = {source!r} makes Markdown structure: {sorted(kinds)}")
    inline = {c.type for t in tokens if t.type == "inline" for c in t.children}
    assert inline <= {"text", "softbreak", "hardbreak"}, (
        f"escape({text!r}) = {source!r} makes inline Markdown: {sorted(inline)}")
    assert normal(visible(source)) == normal(shown(text)), f"escape({text!r}) = {source!r}"


@given(note_texts)
@example("<script>alert(1)</script>|a|b|\n|-|-|\n~~s~~")
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
def test_escaped_text_makes_no_structure_in_the_minutes_screen(text):
    """The minutes screen reads with GitHub's extensions (tables, strikethrough, bare links):
    still nothing but paragraphs; a bare web address may become a link, nothing else."""
    tokens = GFM.parse(escape(text))
    assert {t.type for t in tokens} <= {"paragraph_open", "paragraph_close", "inline"}
    inline = {c.type for t in tokens if t.type == "inline" for c in t.children}
    assert inline <= {"text", "softbreak", "hardbreak", "link_open", "link_close"}


@given(note_texts)
@settings(max_examples=200)
def test_escaped_text_holds_no_raw_control_character_or_html(text):
    source = escape(text)
    controls = [c for c in source if unicodedata.category(c) == "Cc" and c not in "\t\n"]
    assert not controls, f"escape({text!r}) = {source!r}"
    assert not raw_lt(source), f"escape({text!r}) = {source!r}"


def test_escape_examples():
    assert visible(escape("<script>alert(1)</script>")) == "<script>alert(1)</script>"
    assert visible(escape("**bold** [link](http://x) # x")) == "**bold** [link](http://x) # x"
    assert visible(escape("\x1b[2J")) == "\\x1b[2J"
    assert "\x1b" not in escape("\x1b[2J") and "<" not in escape("<b>").replace("\\<", "")


# -- minutes_markdown(): a Malmö meeting ---------------------------------------------------
def malmo_template():
    return discover_templates(user_dir=NO_USER_TEMPLATES)["malmo-orat"].template


def turn(m: Meeting, member: str) -> Step:
    return next(s for s in m.steps if s.kind == "turn" and s.member == member)


def ended_meeting(title: str | None = None, adjunct: str | None = None) -> Meeting:
    """A Malmö meeting as a chair leaves it: Förskolan absent, Kultur skipped, the police a
    minute over, everyone else spoken; ended at 09:52."""
    m = new_meeting("series-1", malmo_template(), STARTED)
    if title is not None:
        m.title = title
    if adjunct is not None:
        m.attendees.append(Attendee("adj-x", adjunct, adjunct[:14], kind="adjunct"))
        wrap = next(i for i, s in enumerate(m.steps) if s.kind == "wrap_up")
        m.steps.insert(wrap, Step("turn", 120, member="adj-x",
                                  fields=("past_week", "coming_week")))
    m.attendee("forskola").present = False
    for i, step in enumerate(m.steps):
        step.status = Status.DONE
        step.elapsed = 60.0 + 7 * i
    turn(m, "forskola").status = Status.ABSENT
    turn(m, "forskola").elapsed = 0.0
    turn(m, "kultur").status = Status.SKIPPED
    turn(m, "kultur").elapsed = 0.0
    turn(m, "polisen").elapsed = 9 * 60.0  # of 8:00
    turn(m, "raddningstjansten").elapsed = 4 * 60 + 35.0  # of 5:00
    m.state = ENDED
    m.ended_at = STARTED + timedelta(minutes=52)
    m.current_index = len(m.steps) - 1
    return m


def all_slots(m: Meeting) -> list[str]:
    slots = [note_slot(s, f) for s in m.steps for f in s.fields]
    slots += [note_slot(None, f, a.key) for a in m.attendees for f in ("absent_in", "pass_on")]
    return slots


def fixed_notes(m: Meeting) -> None:
    police = turn(m, "polisen")
    m.notes.update({
        note_slot(police, "past_week"): "Många inbrott i Holma.\nNarkotikaförsäljning vid Möllan.",
        note_slot(police, "coming_week"): "Fotbollsmatch lördag kl. 15.",
        note_slot(turn(m, "raddningstjansten"), "past_week"): "Tre bilbränder i Rosengård.",
        note_slot(turn(m, "asf"), "coming_week"): "Fältgruppen förstärker i helgen.",
        note_slot(None, "absent_in", "forskola"): "Lugnt i förskolorna.",
        note_slot(None, "pass_on", "forskola"): "Info om matchen på lördag.",
        note_slot(next(s for s in m.steps if s.kind == "wrap_up"), "summary"):
            "Polisen och fritid tar kontakt efter mötet.",
    })


@pytest.fixture
def minutes():
    m = ended_meeting()
    fixed_notes(m)
    return m, minutes_markdown(m), blocks(minutes_markdown(m))


def heading(doc, level: int, starts: str) -> str:
    found = [text for tag, text in doc if tag == f"h{level}" and text.startswith(starts)]
    assert len(found) == 1, (starts, [d for d in doc if d[0].startswith("h")])
    return found[0]


def after(doc, level: int, starts: str) -> list[tuple[str, str]]:
    """The blocks under a heading, up to the next heading."""
    i = next(i for i, (tag, text) in enumerate(doc)
             if tag == f"h{level}" and text.startswith(starts))
    out = []
    for block in doc[i + 1:]:
        if block[0] in ("h1", "h2", "h3"):
            break
        out.append(block)
    return out


def test_minutes_title_and_attendance(minutes):
    m, source, doc = minutes
    assert doc[0] == ("h1", "Örat mot marken · Malmö")
    assert source.startswith("# Örat mot marken")
    heading(doc, 2, "Närvaro")
    present = [text for tag, text in after(doc, 2, "Närvaro") if tag == "li"]
    names = [a.name for a in m.attendees if a.present]
    assert len(present) == len(names) == 7
    for item, name in zip(present, names):
        assert item.startswith(name), (item, name)
    assert "Polisen (kommunpolis)" in present
    assert "Arbetsmarknads- och socialförvaltningen (ordförande)" in present
    assert not any("Förskoleförvaltningen" in item for item in present)
    assert ("p", "Frånvarande: Förskoleförvaltningen") in after(doc, 2, "Närvaro")


def test_minutes_absent_member_with_what_was_passed_on(minutes):
    _m, _source, doc = minutes
    heading(doc, 3, "Förskoleförvaltningen (frånvarande)")
    text = "\n".join(t for _tag, t in after(doc, 3, "Förskoleförvaltningen"))
    assert "Inskickat av frånvarande deltagare (via ordföranden):\nLugnt i förskolorna." in text
    assert "Att förmedla till Förskoleförvaltningen:\nInfo om matchen på lördag." in text


def test_minutes_every_turn_with_its_times(minutes):
    m, _source, doc = minutes
    police = heading(doc, 2, "Polisen · ")
    assert police.startswith("Polisen · 9:00 av 8:00"), police
    assert heading(doc, 2, "Räddningstjänsten · ").startswith("Räddningstjänsten · 4:35 av 5:00")
    notes = after(doc, 2, "Polisen · ")
    assert ("p", "Gången vecka\nMånga inbrott i Holma.\nNarkotikaförsäljning vid Möllan.") in notes
    assert ("p", "Kommande vecka\nFotbollsmatch lördag kl. 15.") in notes
    for step in m.steps:
        if step.kind != "turn" or step.status is not Status.DONE:
            continue
        name = m.name_of(step.member)
        budget = f"{int(step.budget) // 60}:{int(step.budget) % 60:02d}"
        spoken = f"{int(step.elapsed) // 60}:{int(step.elapsed) % 60:02d}"
        assert re.fullmatch(rf"{re.escape(name)} · {spoken} av {budget}( · .*)?",
                            heading(doc, 2, name + " · ")), name
    assert re.search(r"^## .+ · \d+:\d\d av \d+:\d\d", _source, re.M)


def test_minutes_skipped_and_absent_turns_are_marked(minutes):
    _m, _source, doc = minutes
    assert heading(doc, 2, "Kulturförvaltningen") == "Kulturförvaltningen: överhoppad"
    assert heading(doc, 2, "Förskoleförvaltningen") == "Förskoleförvaltningen: frånvarande"
    wrap = [text for tag, text in doc if tag == "h2" and "Polisen och fritid" in text]
    assert not wrap  # the summary is a note, not a heading
    assert any("Polisen och fritid tar kontakt efter mötet." in t for _tag, t in doc)


def test_minutes_turn_order_follows_the_agenda(minutes):
    m, _source, doc = minutes
    turns = [text.split(" · ")[0].split(":")[0] for tag, text in doc
             if tag == "h2" and text.split(" · ")[0].split(":")[0] in
             {a.name for a in m.attendees}]
    assert turns == [m.name_of(s.member) for s in m.steps if s.kind == "turn"]


# -- minutes_markdown(): whatever the notes hold ----------------------------------------------
def baseline(m: Meeting) -> Meeting:
    """The same meeting with every note that shows (not blank) made a plain 'x'."""
    from copy import deepcopy

    plain = deepcopy(m)
    plain.notes = {slot: ("x" if text.strip() else "") for slot, text in m.notes.items()}
    return plain


names = st.text(characters, min_size=1, max_size=40).filter(lambda s: s.strip())


@st.composite
def meetings(draw):
    title = draw(st.none() | names)
    adjunct = draw(st.none() | names)
    m = ended_meeting(title=title, adjunct=adjunct)
    slots = all_slots(m)
    m.notes = draw(st.dictionaries(st.sampled_from(slots), note_texts, max_size=8))
    return m


def heading_lines(source: str) -> list[str]:
    return [line for line in source.splitlines() if re.match(r" {0,3}#", line)]


@given(meetings())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_notes_never_change_the_structure_of_the_minutes(m):
    source = minutes_markdown(m)
    plain_source = minutes_markdown(baseline(m))
    parsed, plain = COMMONMARK.parse(source), COMMONMARK.parse(plain_source)

    def headings(tokens):
        return [(t.tag, t.markup) for t in tokens if t.type == "heading_open"]

    # the same headings as with plain notes, every one written by orat (an ATX '#' heading,
    # never a setext one made by a line of '=' or '-' in a note)
    assert headings(parsed) == headings(plain), source
    assert all(markup.startswith("#") for _tag, markup in headings(parsed)), source
    # no line starts with '#' but orat's own headings
    assert len(heading_lines(source)) == len(headings(plain)) == len(heading_lines(plain_source))
    # nothing a note could make: HTML, code, quotes, rules, tables, more lists
    kinds = {t.type for t in parsed}
    assert not kinds & {"html_block", "code_block", "fence", "blockquote_open", "hr",
                        "table_open", "ordered_list_open"}, (sorted(kinds), source)
    assert [t.type for t in parsed].count("list_item_open") == sum(a.present for a in m.attendees)
    inline = {c.type for t in parsed if t.type == "inline" for c in t.children}
    assert not inline & {"html_inline", "code_inline", "link_open", "image", "s_open"}, source
    assert not raw_lt(source), source
    controls = [c for c in source if unicodedata.category(c) == "Cc" and c not in "\t\n"]
    assert not controls, source
    # and every note that shows is there to read, as typed
    seen = normal(visible(source))
    for text in m.notes.values():
        if text.strip():
            assert normal(shown(text.strip())) in seen, (text, source)
