"""The minutes in every format (issue 3, the secretary's side) and the personal-number guard on
export (issue 6).

Golden files: tests/unit/golden/ holds the expected output of each format for one fixed
meeting. After a deliberate change of the minutes, regenerate them and read the diff:

    ORAT_UPDATE_GOLDEN=1 .venv/bin/pytest -q tests/unit/test_exports.py
    git diff tests/unit/golden/

The Word file is compared by its text (paragraphs joined), since its zip bytes carry times.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from orat_tui import i18n
from orat_tui.config import discover_templates
from orat_tui.domain.agenda import Status, Step
from orat_tui.domain.approval import content_hash
from orat_tui.domain.meeting import (
    APPROVED,
    ENDED,
    LIVE,
    Attendee,
    Meeting,
    new_meeting,
    note_slot,
)
from orat_tui.export import FORMATS, MissingDependency, export, minutes
from orat_tui.export.guard import ExportBlocked, blocked_slots, mask
from orat_tui.export.markdown import escape, minutes_markdown

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("ORAT_UPDATE_GOLDEN") == "1"  # see the module docstring
T0 = datetime(2026, 11, 27, 9, 0, 0)  # a Friday
PNR = "19121212-1212"  # the Tax Agency's well-known test number

INTERNAL_TEXT = "Egen bild: personalläget på ASF är ansträngt inför helgen."
SCRIPT_NOTE = "Klotter: <script>alert('x')</script> & **fet** [länk](http://x.test)"


# -- meetings built by hand, the same every time -----------------------------------------------
def _fix_ids(m: Meeting, prefix: str) -> Meeting:
    m.id = f"{prefix}-meeting-0001"
    m.series_id = f"{prefix}-series-0001"
    for i, a in enumerate(m.attendees):
        a.id = f"{prefix}-att-{i:02d}"
    for i, s in enumerate(m.steps):
        s.id = f"{prefix}-step-{i:02d}"
    return m


def _step(m: Meeting, kind: str, member: str = "") -> Step:
    return next(s for s in m.steps if s.kind == kind and (not member or s.member == member))


def malmo_meeting(approved: bool = True) -> Meeting:
    """Malmö, Friday 27 Nov 2026: an absent member with what was passed on to and from them, a
    monthly guest, a skipped turn, overtime, an internal note, notes with Swedish letters,
    Markdown and HTML in them and a terminal escape sequence."""
    tpl = discover_templates()["malmo-orat"].template
    m = new_meeting("series", tpl, T0)
    m.attendees.append(Attendee("fastighetsagare", "Fastighetsägare", "Fastighetsägare",
                                kind="guest"))
    guest_turn = Step("turn", 240.0, member="fastighetsagare", fields=tpl.turn_fields)
    m.steps.insert(len(m.steps) - 1, guest_turn)
    _fix_ids(m, "malmo")
    m.attendee("grundskola").present = False
    for s in m.steps:
        s.status = Status.DONE
    times = {"roll_call": 150.0, "polisen": 452.0, "raddningstjansten": 412.0, "asf": 200.0,
             "hvo": 238.0, "kultur": 61.0, "fritid": 180.0, "fastighetsagare": 95.0,
             "wrap_up": 240.0}
    for s in m.steps:
        s.elapsed = times.get(s.member or s.kind, 0.0)
    _step(m, "turn", "grundskola").status = Status.ABSENT
    _step(m, "turn", "forskola").status = Status.SKIPPED
    notes = {
        (None, "absent_in", "grundskola"):
            "Skolorna i Rosengård rapporterar ökad frånvaro bland äldre elever.",
        (None, "pass_on", "grundskola"):
            "HVO hör av sig om belysningen i Holma.\nSkicka planeringen inför advent.",
        ("polisen", "past_week"): "Flera ordningsstörningar i Lindängen; yngre dras in.\n"
                                  "- inbrott i källarförråd på Möllevången\n"
                                  "1. klotter vid busshållplatser",
        ("polisen", "coming_week"): "Första advent: synlig närvaro med ordningsvakter.",
        ("raddningstjansten", "past_week"): "Containerbränder vid fritidsgården i Centrum.",
        ("raddningstjansten", "coming_week"): SCRIPT_NOTE,
        ("asf", "past_week"): "Ökat antal orosanmälningar som rör unga på Möllevången.",
        ("asf", "coming_week"): INTERNAL_TEXT,
        ("hvo", "past_week"): "Hemtjänsten går två och två.\tKvällstid.\x1b[31m röd\x1b[0m",
        ("fastighetsagare", "past_week"): "Skadegörelse i trapphus på Kroksbäck, åtgärdat.",
        # items beside the notes (alt+d), one per line; the ASF's need is internal
        ("polisen", "decision"): "Polisen och Fritid samordnar kvällsnärvaron i Lindängen.",
        ("polisen", "inform"): "Fastighetsägarna i Lindängen.\nStadsdelens fältgrupp.",
        ("asf", "need"): "Förstärkning av fältgruppen kvällstid.",
        ("wrap_up", "summary"): "Veckans gemensamma fråga: grupperna av unga kvällstid i "
                                "Lindängen. Nästa möte fredag 4 december klockan 09.00 som "
                                "vanligt; ordföranden skickar ut minnesanteckningarna.",
    }
    for key, text in notes.items():
        if key[0] is None:
            m.notes[note_slot(None, key[1], key[2])] = text
        else:
            who, field = key
            step = _step(m, "wrap_up") if who == "wrap_up" else _step(m, "turn", who)
            m.notes[note_slot(step, field)] = text
    m.internal = {note_slot(_step(m, "turn", "asf"), "coming_week"),
                  note_slot(_step(m, "turn", "asf"), "need")}
    m.state = ENDED
    m.current_index = len(m.steps) - 1
    m.ended_at = T0 + timedelta(minutes=52, seconds=30)
    if approved:
        m.state = APPROVED
        m.approved_by = "Karin Lind"
        m.approved_at = datetime(2026, 11, 27, 14, 5)
        m.content_hash = content_hash(m)
    return m


def orebro_meeting() -> Meeting:
    """Örebro's 7 points, each with who had the floor and for how long; not approved."""
    tpl = discover_templates()["orebro-samordning"].template
    m = _fix_ids(new_meeting("series", tpl, datetime(2026, 11, 26, 10, 0)), "orebro")
    m.attendee("obo").substitute = "Sara Ek"
    speakers = [{"polisen": 95.0, "kommun": 47.0}, {"kommun": 243.0},
                {"polisen": 198.0, "obo": 150.0, "kommun": 91.0}, {"obo": 161.0}, {}, {}, {}]
    points = [s for s in m.steps if s.kind in ("point", "follow_up", "picture")]  # 3, 4
    for s, spoken in zip(points, speakers, strict=True):
        s.speakers = dict(spoken)
        s.elapsed = sum(spoken.values())
        s.status = Status.DONE if spoken else Status.PENDING
    m.steps[0].status = Status.DONE
    m.steps[0].elapsed = 80.0
    m.notes[note_slot(points[0], "note")] = "Rån mot en butik i Vivalla i onsdags."
    m.notes[note_slot(points[2], "note")] = "Gult läge: oroligheter i Baronbackarna."
    m.state = ENDED
    m.ended_at = datetime(2026, 11, 26, 10, 31)
    return m


@pytest.fixture(autouse=True)
def swedish():
    before = i18n.language()
    i18n.set_language("sv")
    yield
    i18n.set_language(before)


def docx_text(data: bytes) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs) + "\n"


def as_text(fmt: str, out: bytes | str) -> str:
    return docx_text(out) if fmt == "docx" else out


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert path.exists(), f"no golden file {path}: run with ORAT_UPDATE_GOLDEN=1"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{name} differs (ORAT_UPDATE_GOLDEN=1 rewrites it; read the diff)"


# -- golden files --------------------------------------------------------------------------------
GOLDEN_NAMES = {"md": "malmo.md", "html": "malmo.html", "docx": "malmo.docx.txt",
                "json": "malmo.json", "txt": "malmo.txt"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden_minutes_of_each_format(fmt):
    out = export(malmo_meeting(), fmt)
    assert isinstance(out, bytes if fmt == "docx" else str)
    check_golden(GOLDEN_NAMES[fmt], as_text(fmt, out))


def test_golden_markdown_with_internal_notes():
    check_golden("malmo-internal.md", export(malmo_meeting(), "md", include_internal=True))


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_golden_points_with_speaking_time_per_speaker(fmt):
    check_golden(f"orebro.{fmt}", export(orebro_meeting(), fmt))


def test_the_app_reads_the_same_markdown_as_exported():
    m = malmo_meeting()
    assert minutes_markdown(m) == export(m, "md")
    assert minutes_markdown(m, include_internal=True) == export(m, "md", include_internal=True)


# -- what the minutes hold, in every format --------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_holds_the_minutes(fmt):
    text = as_text(fmt, export(malmo_meeting(), fmt))
    for expected in ("Örat mot marken · Malmö", "Grundskoleförvaltningen", "Fastighetsägare",
                     "Skolorna i Rosengård rapporterar ökad frånvaro",  # sent in when absent
                     "HVO hör av sig om belysningen i Holma",  # passed on to the absent
                     "Första advent: synlig närvaro", "Karin Lind"):
        assert expected in text, (fmt, expected)
    if fmt != "json":  # labels and times are words of the minutes (json has the raw values)
        for expected in ("fre 27 nov 2026", "09:00–09:52", "planerat slut 10:00",
                         "Justerat av Karin Lind, fre 27 nov 2026 14:05", "Närvaro",
                         "Frånvarande", "Gången vecka", "Kommande vecka",
                         "Att förmedla till Grundskoleförvaltningen", "överhoppad",
                         "6:52 av 5:00 · övertid +1:52", "7:32 av 8:00", "ordförande",
                         "gäst"):
            assert expected in text, (fmt, expected)


@pytest.mark.parametrize("fmt", FORMATS)
def test_not_approved_says_so(fmt):
    text = as_text(fmt, export(malmo_meeting(approved=False), fmt))
    if fmt == "json":
        data = json.loads(text)
        assert data["approval"] == {"approved": False, "approved_at": None, "approved_by": None,
                                    "content_hash": None, "hash_matches": None}
    else:
        assert "Inte justerat" in text
        assert "Justerat av" not in text


def test_approved_but_changed_since_is_flagged():
    m = malmo_meeting()
    m.notes[note_slot(_step(m, "turn", "kultur"), "past_week")] = "Tillagt i efterhand."
    for fmt in ("md", "txt", "html", "docx"):
        assert "Anteckningarna har ändrats efter justeringen." in as_text(fmt, export(m, fmt))
    assert json.loads(export(m, "json"))["approval"]["hash_matches"] is False


@pytest.mark.parametrize("fmt", FORMATS)
def test_internal_notes_stay_out_unless_asked_for(fmt):
    m = malmo_meeting()
    without = as_text(fmt, export(m, fmt))
    assert INTERNAL_TEXT not in without
    assert "egen, delas inte" not in without
    with_internal = as_text(fmt, export(m, fmt, include_internal=True))
    assert INTERNAL_TEXT in with_internal
    if fmt == "json":
        notes = json.loads(with_internal)["notes"]
        assert [n["internal"] for n in notes if n["text"] == INTERNAL_TEXT] == [True]
        assert not any(n["internal"] for n in json.loads(without)["notes"])
    else:
        assert "egen, delas inte" in with_internal  # marked as internal
        assert "Innehåller egna anteckningar: delas inte utanför mötet." in with_internal


def test_english_minutes():
    i18n.set_language("en")
    text = export(malmo_meeting(), "txt")
    assert "Approved by Karin Lind, Fri 27 Nov 2026 14:05" in text
    assert "Attendance" in text and "Past week" in text
    assert "Närvaro" not in text


def test_a_live_meeting_has_steps_still_to_come():
    m = malmo_meeting(approved=False)
    m.state, m.ended_at = LIVE, None
    _step(m, "turn", "fritid").status = Status.PENDING
    _step(m, "turn", "fritid").elapsed = 0
    text = export(m, "txt")
    assert "Fritidsförvaltningen: återstår" in text
    assert "09:00 (planerat slut 10:00) · pågår" in text
    m.state = ENDED
    assert "Fritidsförvaltningen: hanns inte med" in export(m, "txt")


# -- formats one by one -------------------------------------------------------------------------
class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.style = ""
        self.data: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data
        else:
            self.data.append(data)


def test_html_is_one_safe_page_that_prints_on_a4():
    page = export(malmo_meeting(), "html")
    p = _Page()
    p.feed(page)
    p.close()
    assert page.startswith("<!DOCTYPE html>")
    assert "script" not in p.tags and "iframe" not in p.tags and "img" not in p.tags
    assert "link" not in p.tags  # no external style sheet
    assert not [a for a in p.attrs if a[0] in ("src", "href") or a[0].startswith("on")]
    assert "http" not in p.style and "@import" not in p.style and "url(" not in p.style
    assert re.search(r"@page\s*\{\s*size:\s*A4", p.style)
    assert "@media print" in p.style
    assert "<script" not in page.lower()
    # the notes come back as the text typed: every < and & escaped, nothing interpreted
    text = "".join(p.data)
    assert SCRIPT_NOTE in text
    assert html_escaped(SCRIPT_NOTE) in page
    # the escape sequence is shown, marked, and not in the page itself
    assert "\x1b" not in page
    assert '<span class="ctl" title="U+001B">\\x1b</span>[31m röd' in page
    assert 'lang="sv"' in page and '<meta charset="utf-8">' in page


def html_escaped(text: str) -> str:
    import html

    return html.escape(text)


def test_html_escapes_every_text_from_the_meeting():
    m = malmo_meeting()
    m.title = "<b>Möte</b> & co"
    m.attendee("polisen").name = "<img src=x onerror=alert(1)>"
    page = export(m, "html")
    assert "<b>Möte" not in page and "<img" not in page
    assert "&lt;b&gt;Möte&lt;/b&gt; &amp; co" in page


def test_json_is_everything_for_scripts():
    m = malmo_meeting()
    data = json.loads(export(m, "json"))
    assert list(data) == ["schema", "language", "include_internal", "meeting", "approval",
                          "attendees", "steps", "notes", "items", "actions", "picture"]
    assert data["schema"] == "orat.minutes/1"
    assert data["meeting"]["id"] == m.id and data["meeting"]["series_id"] == m.series_id
    assert data["meeting"]["template_id"] == "malmo-orat"
    for key in ("started_at", "ended_at", "planned_end"):
        assert datetime.fromisoformat(data["meeting"][key])
    assert data["meeting"]["ended_at"] == "2026-11-27T09:52:30"
    assert data["approval"] == {"approved": True, "approved_at": "2026-11-27T14:05:00",
                                "approved_by": "Karin Lind", "content_hash": m.content_hash,
                                "hash_matches": True}
    assert [a["id"] for a in data["attendees"]] == [a.id for a in m.attendees]
    assert [s["id"] for s in data["steps"]] == [s.id for s in m.steps]
    rt = next(s for s in data["steps"] if s["member"] == "raddningstjansten")
    assert (rt["budget_seconds"], rt["elapsed_seconds"], rt["overtime_seconds"]) == (300, 412, 112)
    assert {s["status"] for s in data["steps"]} == {"done", "absent", "skipped"}
    slots = {n["slot"] for n in data["notes"]}
    assert slots == {slot for slot, text in m.notes.items() if slot not in m.internal}
    absent_in = next(n for n in data["notes"] if n["field"] == "absent_in")
    assert (absent_in["member"], absent_in["step_id"]) == ("grundskola", None)
    hvo = next(n for n in data["notes"] if n["text"].startswith("Hemtjänsten"))
    assert hvo["step_id"] == _step(m, "turn", "hvo").id
    assert hvo["text"].endswith("\x1b[0m")  # JSON keeps the text as typed (escaped by JSON)
    assert "\x1b" not in export(m, "json")
    # decisions and other items, one per line, each of its kind; the internal one stays out
    police = _step(m, "turn", "polisen").id
    assert data["items"] == [
        {"step_id": police, "kind": "decision", "text": "Polisen och Fritid samordnar "
         "kvällsnärvaron i Lindängen.", "internal": False},
        {"step_id": police, "kind": "inform", "text": "Fastighetsägarna i Lindängen.",
         "internal": False},
        {"step_id": police, "kind": "inform", "text": "Stadsdelens fältgrupp.", "internal": False},
    ]
    inside = json.loads(export(m, "json", include_internal=True))["items"]
    assert {"step_id": _step(m, "turn", "asf").id, "kind": "need",
            "text": "Förstärkning av fältgruppen kvällstid.", "internal": True} in inside


def test_json_speakers_of_points():
    data = json.loads(export(orebro_meeting(), "json"))
    first = next(s for s in data["steps"] if s["kind"] == "point")
    assert first["speakers"] == [
        {"member": "polisen", "name": "Samordnare Polisområde Örebro", "seconds": 95},
        {"member": "kommun", "name": "Samordnare Örebro kommun", "seconds": 47},
    ]


def test_text_is_wrapped_at_78_columns():
    m = malmo_meeting()
    text = export(m, "txt")
    assert max(len(line) for line in text.splitlines()) <= 78
    assert "\x1b" not in text and "\\x1b[31m röd" in text
    # a word longer than a line (a web address) stays whole on its own line
    m.notes[note_slot(_step(m, "turn", "kultur"), "past_week")] = "Se " + "https://x.test/" + "a" * 90
    assert "https://x.test/" + "a" * 90 in export(m, "txt")


def test_markdown_escapes_but_reads_well_as_plain_text():
    assert escape("Arbetsmarknads- och socialförvaltningen.") == \
        "Arbetsmarknads- och socialförvaltningen."
    assert escape("- ett\n1. två\n    kod") == "\\- ett  \n1\\. två  \n   kod"
    assert escape("<b>*x*</b> [l](u)") == "\\<b\\>\\*x\\*\\</b\\> \\[l\\](u)"
    assert escape("röd\x1b[31m") == "röd\\\\x1b\\[31m"


def test_markdown_renders_notes_as_the_text_typed():
    from markdown_it import MarkdownIt

    page = MarkdownIt("commonmark").render(export(malmo_meeting(), "md"))
    assert "<script" not in page and "<a " not in page and "<strong>fet</strong>" not in page
    assert html_escaped(SCRIPT_NOTE).replace("&#x27;", "'") in page
    assert "<li>inbrott" not in page and "<ol>" not in page  # the note's lines stay lines
    assert "\\x1b[31m röd" in page


def test_word_document_is_a4_with_headings():
    import docx
    from docx.shared import Mm

    d = docx.Document(io.BytesIO(export(malmo_meeting(), "docx")))
    section = d.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    styles = [(p.style.name, p.text) for p in d.paragraphs]
    assert ("Title", "Örat mot marken · Malmö") in styles
    assert ("Heading 1", "Närvaro") in styles
    assert ("List Bullet", "Polisen (kommunpolis)") in styles
    assert ("Heading 1", "Räddningstjänsten · 6:52 av 5:00 · övertid +1:52") in styles
    assert d.core_properties.language == "sv-SE"


def test_word_without_python_docx_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx now raises ImportError
    with pytest.raises(MissingDependency, match=r"pip install 'orat\[docx\]'"):
        export(malmo_meeting(), "docx")


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format"):
        export(malmo_meeting(), "pdf")


# -- personal numbers -------------------------------------------------------------------------
def test_personal_numbers_block_the_export_and_say_where():
    m = malmo_meeting(approved=False)
    slot = note_slot(_step(m, "turn", "polisen"), "coming_week")
    m.notes[slot] = f"Gäller {PNR}, ring 070-123 45 67."
    assert blocked_slots(m) == [(slot, PNR)]
    for fmt in FORMATS:
        with pytest.raises(ExportBlocked) as info:
            export(m, fmt)
        assert "Polisen · Kommande vecka (19121212-****)" in str(info.value)
        assert PNR not in str(info.value)
        assert info.value.slots == [(slot, PNR)]
    out = export(m, "txt", override_reason="Polisens diarienummer, inte ett personnummer")
    assert PNR in out


def test_internal_notes_block_only_when_they_are_exported():
    m = malmo_meeting(approved=False)
    internal = next(iter(m.internal))
    m.notes[internal] = f"Internt: {PNR}"
    assert blocked_slots(m) == []
    export(m, "md")
    assert blocked_slots(m, include_internal=True) == [(internal, PNR)]
    with pytest.raises(ExportBlocked):
        export(m, "md", include_internal=True)


def test_phone_numbers_and_blank_reasons_do_not_count():
    m = malmo_meeting(approved=False)
    m.notes[note_slot(_step(m, "turn", "kultur"), "past_week")] = "Ring 070-123 45 67."
    assert blocked_slots(m) == []
    m.notes[note_slot(_step(m, "turn", "kultur"), "past_week")] = PNR
    with pytest.raises(ExportBlocked):
        export(m, "md", override_reason="   ")


def test_mask_hides_the_last_four_digits():
    assert mask("19121212-1212") == "19121212-****"
    assert mask("8507099805") == "850709****"


# -- the command --------------------------------------------------------------------------------
def parser() -> argparse.ArgumentParser:
    """What cli.py does: `add_command(name, help)` gives a sub-parser with --db and --lang."""
    from orat_tui.commands import export as command

    p = argparse.ArgumentParser(prog="orat")
    sub = p.add_subparsers(dest="command")

    def add_command(name: str, help: str) -> argparse.ArgumentParser:
        q = sub.add_parser(name, help=help)
        q.add_argument("--db")
        q.add_argument("--lang", choices=("sv", "en"))
        return q

    command.register(add_command)
    return p


def orat_export(*argv: str) -> int:
    args = parser().parse_args(["export", *argv])
    return args.run(args)


@pytest.fixture
def db(tmp_path):
    """A real SQLite file with the Malmö meeting (not approved) and an older, approved one."""
    from orat_tui.store.meetings import Store

    path = tmp_path / "orat.db"
    store = Store.open(f"sqlite:///{path}")
    older = _fix_ids(malmo_meeting(approved=False), "malmo-old")
    older.started_at -= timedelta(days=7)
    older.planned_end -= timedelta(days=7)
    older.ended_at -= timedelta(days=7)
    save(store, older)
    store.approve(older.id, "Karin Lind", now=datetime(2026, 11, 20, 14, 0))
    save(store, malmo_meeting(approved=False))
    store.close()
    return path


def save(store, m: Meeting) -> None:
    """Save a hand-built meeting into its template's series."""
    m.series_id = store.series_for_template(discover_templates()[m.template_id].template, T0)
    store.save(m)


def audit(path: Path, meeting_id: str):
    from orat_tui.store.meetings import Store

    store = Store.open(f"sqlite:///{path}")
    try:
        return store.audit_trail(meeting_id)
    finally:
        store.close()


def test_command_writes_minutes_to_stdout(db, capsysbinary):
    assert orat_export("malmo-meeting-0001", "--format", "md", "--db", str(db)) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert out == export(malmo_meeting(approved=False), "md")
    assert orat_export("malmo-mee", "-f", "json", "--db", str(db)) == 0  # a unique prefix
    assert json.loads(capsysbinary.readouterr().out)["meeting"]["id"] == "malmo-meeting-0001"


def test_command_latest_is_the_newest_ended_meeting(db, capsysbinary):
    assert orat_export("latest", "-f", "json", "--db", str(db)) == 0
    assert json.loads(capsysbinary.readouterr().out)["meeting"]["id"] == "malmo-meeting-0001"


@pytest.mark.parametrize("fmt", FORMATS)
def test_command_writes_files_readable_by_the_owner_only(db, tmp_path, fmt, monkeypatch):
    target = tmp_path / f"protokoll.{fmt}"
    target.write_text("old")
    target.chmod(0o644)
    old_umask = os.umask(0)
    try:
        assert orat_export("latest", "-f", fmt, "-o", str(target), "--db", str(db)) == 0
    finally:
        os.umask(old_umask)
    assert target.stat().st_mode & 0o777 == 0o600
    data = target.read_bytes()
    text = docx_text(data) if fmt == "docx" else data.decode("utf-8")
    assert "Örat mot marken" in text


def test_command_include_internal_and_english(db, capsysbinary):
    assert orat_export("latest", "-f", "txt", "--include-internal", "--lang", "en",
                       "--db", str(db)) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert INTERNAL_TEXT in out and "internal, not for sharing" in out


@pytest.mark.parametrize("argv, message", [
    (["nosuch", "-f", "md"], "orat: no meeting 'nosuch'"),
    (["-", "-f", "md"], "orat: no meeting '-'"),
    (["malmo-", "-f", "md"], "orat: 'malmo-' is the start of 2 meeting ids: give more of it"),
    (["", "-f", "md"], "orat: no meeting given"),
    (["latest", "-f", "docx"], "orat: docx is a file: add -o FILE"),
])
def test_command_errors_are_one_line_and_exit_2(db, capsys, argv, message):
    assert orat_export(*argv, "--db", str(db)) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1


def test_command_takes_the_full_id_or_a_unique_start(db, capsysbinary):
    assert orat_export("malmo-old-meeting-0001", "-f", "json", "--db", str(db)) == 0
    data = json.loads(capsysbinary.readouterr().out)
    assert data["meeting"]["id"] == "malmo-old-meeting-0001"
    assert data["approval"]["approved_by"] == "Karin Lind"
    assert orat_export("MALMO-OLD", "-f", "json", "--db", str(db)) == 0
    assert json.loads(capsysbinary.readouterr().out)["meeting"]["id"] == "malmo-old-meeting-0001"


def test_command_latest_takes_a_live_meeting_when_there_is_no_other(tmp_path, capsysbinary):
    from orat_tui.store.meetings import Store

    path = tmp_path / "live.db"
    store = Store.open(f"sqlite:///{path}")
    m = malmo_meeting(approved=False)
    m.state, m.ended_at = LIVE, None
    save(store, m)
    store.close()
    assert orat_export("latest", "-f", "json", "--db", str(path)) == 0
    assert json.loads(capsysbinary.readouterr().out)["meeting"]["state"] == "live"


def test_command_without_a_database(tmp_path, capsys):
    assert orat_export("latest", "-f", "md", "--db", str(tmp_path / "none.db")) == 2
    assert "no database at" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_command_without_python_docx(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)
    assert orat_export("latest", "-f", "docx", "-o", str(tmp_path / "a.docx"),
                       "--db", str(db)) == 2
    err = capsys.readouterr().err
    assert "pip install 'orat[docx]'" in err and err.count("\n") == 1
    assert not (tmp_path / "a.docx").exists()


def _with_number(db: Path, internal: bool = False) -> str:
    from orat_tui.store.meetings import Store

    store = Store.open(f"sqlite:///{db}")
    m = store.load("malmo-meeting-0001")
    slot = note_slot(_step(m, "turn", "polisen"), "coming_week")
    store.save_notes(m.id, {slot: f"Uppgifter om {PNR} lämnades vidare."})
    store.close()
    return slot


def test_command_refuses_personal_numbers_naming_the_note(db, tmp_path, capsys):
    _with_number(db)
    target = tmp_path / "ut.md"
    assert orat_export("latest", "-f", "md", "-o", str(target), "--db", str(db)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "Polisen · Kommande vecka (19121212-****)" in err and "--override-reason" in err
    assert PNR not in err
    assert not target.exists()
    assert audit(db, "malmo-meeting-0001") == []


def test_command_override_is_recorded_then_exported(db, tmp_path, capsys, isolated_home):
    config = isolated_home / "config" / "orat"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('user = "Karin Lind"\n', encoding="utf-8")
    slot = _with_number(db)
    target = tmp_path / "ut.html"
    reason = "Numret är ett ärendenummer hos polisen, inte ett personnummer"
    assert orat_export("latest", "-f", "html", "-o", str(target), "--override-reason", reason,
                       "--db", str(db)) == 0
    assert PNR in target.read_text(encoding="utf-8")
    [entry] = audit(db, "malmo-meeting-0001")
    assert (entry.who, entry.action, entry.field, entry.reason) == \
        ("Karin Lind", "override", slot, reason)
    assert entry.before == "19121212-****" and PNR not in entry.before + entry.after
    assert entry.after == "export html"


def test_command_override_without_a_user_name_takes_the_login(db, capsysbinary, monkeypatch):
    import getpass

    monkeypatch.setattr(getpass, "getuser", lambda: "sekreterare")
    _with_number(db)
    assert orat_export("latest", "-f", "md", "--override-reason", "kontrollerat",
                       "--db", str(db)) == 0
    assert [e.who for e in audit(db, "malmo-meeting-0001")] == ["sekreterare"]


def test_command_override_with_nothing_to_override_records_nothing(db, capsysbinary):
    assert orat_export("latest", "-f", "md", "--override-reason", "för säkerhets skull",
                       "--db", str(db)) == 0
    assert audit(db, "malmo-meeting-0001") == []


def test_command_formats_are_the_exporters():
    from orat_tui.commands import export as command

    assert command.FORMATS == FORMATS


def test_command_usage(capsys):
    with pytest.raises(SystemExit):
        orat_export("--help")
    usage = " ".join(capsys.readouterr().out.split())
    assert "--format md|html|docx|json|txt [-o FILE] [--include-internal]" in usage
    assert "[--override-reason TEXT] MEETING" in usage


# -- imports (speed is measured in bench/export.py) ---------------------------------------------------------------------------
def test_markdown_and_the_command_module_import_no_word_or_database():
    code = ("import orat_tui.commands.export, orat_tui.export.markdown, sys, json\n"
            "from orat_tui.export import export\n"
            "print(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    roots = {name.split(".")[0] for name in json.loads(out)}
    assert not roots & {"docx", "lxml", "sqlalchemy", "sqlmodel", "textual"}


def test_minutes_notes_are_what_the_guard_reads():
    m = malmo_meeting()
    doc = minutes(m, include_internal=True)
    assert {n.slot for n in doc.notes()} == {s for s, t in m.notes.items() if t.strip()}


@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=60))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_note_text_renders_in_every_format(text):
    m = malmo_meeting(approved=False)
    m.notes[note_slot(_step(m, "turn", "kultur"), "past_week")] = text
    m.attendee("kultur").name = text or "Kultur"
    assume(not blocked_slots(m))
    for fmt in FORMATS:
        out = export(m, fmt)
        if fmt == "docx":
            docx_text(out)  # opens again
        elif fmt == "json":
            assert json.loads(out)["attendees"][6]["name"] == (text or "Kultur")
        else:
            raw = [c for c in out if unicodedata.category(c) == "Cc" and c not in "\t\n"]
            assert not raw, (fmt, raw)
            if fmt == "html":
                assert "<script" not in out.replace("&lt;script", "")
