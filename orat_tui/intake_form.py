"""The preparation form: plain text a member's organisation fills in before a meeting
(`orat intake form`), and reading it back (`orat intake read`). No Textual, no database.

The form: guidance lines beginning with '#', a header ('orat-formulär: 1', template, member,
meeting day, optionally the unit that filled it in) and one section per field, each opened
by a marker line beginning with '====='. A line of the text itself that begins with '#',
'=====' or '\\' is written with a '\\' before it; reading takes that '\\' away again."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from orat_tui.domain.intake import IntakeField, canonical, intake_fields
from orat_tui.domain.template import Template
from orat_tui.i18n import _, format_date, language
from orat_tui.labels import field_label

MARKER = "====="
VERSION = "1"
# header keys as written in Swedish and English; both are read whatever the language
HEADER_KEYS = {
    "orat-formulär": "form", "orat-form": "form",
    "mall": "template", "template": "template",
    "medlem": "member", "member": "member",
    "möte": "meeting", "meeting": "meeting",
    "verksamhet": "unit", "unit": "unit",
}
WRITTEN_KEYS = {
    "sv": {"form": "orat-formulär", "template": "mall", "member": "medlem",
           "meeting": "möte", "unit": "verksamhet"},
    "en": {"form": "orat-form", "template": "template", "member": "member",
           "meeting": "meeting", "unit": "unit"},
}


class FormError(ValueError):
    """A form that cannot be read: the line it is about (0: the whole file) and why."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class Section:
    key: str
    line: int  # the marker's line number
    text: str
    body: list[tuple[int, str]] = field(default_factory=list)  # (line number, text line)


@dataclass
class Form:
    template: str
    member: str
    meeting: date | None
    unit: str
    sections: list[Section] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # header key -> line number

    def answers(self) -> dict[str, str]:
        """The sections that say something, field -> text."""
        return {s.key: s.text for s in self.sections if s.text}


# -- writing ---------------------------------------------------------------------------------
def escape(text: str) -> str:
    """Text as it goes into a section: lines that would read as guidance or a marker get a
    backslash in front (and so does a line that begins with one)."""
    out = []
    for line in canonical(text).split("\n"):
        out.append("\\" + line if line.startswith(("#", MARKER, "\\")) else line)
    return "\n".join(out)


def field_title(f: IntakeField) -> str:
    if f.kind == "point":
        return f"{f.number}. {f.title}" if f.number else f.title
    return field_label(f.key)


def form_fields(template: Template, member: str = "") -> list[IntakeField]:
    """The sections of a member's form; without a member, every member's (in agenda order)."""
    if member:
        return intake_fields(template, member)
    seen: dict[str, IntakeField] = {}
    for m in template.members:
        for f in intake_fields(template, m.key):
            seen.setdefault(f.key, IntakeField(f.key, f.kind, f.number, f.title, hint=f.hint))
    return list(seen.values())


def _wrap(text: str, width: int = 76, prefix: str = "# ") -> list[str]:
    words, lines, line = text.split(), [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width - len(prefix):
            lines.append(prefix + line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(prefix + line)
    return lines


def write_form(template: Template, member: str, day: date,
               answers: dict[str, str] | None = None) -> str:
    """The form for `member` (every member may use it when ''), for the meeting on `day`,
    in the current language. `answers` prefills sections (field -> text)."""
    keys = WRITTEN_KEYS["en" if language() == "en" else "sv"]
    answers = answers or {}
    when = format_date(day) + (f" {template.start:%H:%M}" if template.start else "")
    out = ["# orat · " + _("Preparation before the meeting"),
           f"# {template.name} · {when}", "#"]
    for line in (
        _("How to fill in this form:"),
        _("- Write under each heading (the lines that begin with =====). Leave a heading "
          "empty if you have nothing for it."),
        _("- Do not change the heading lines or the lines at the top (form, template, member, "
          "meeting)."),
        _("- Lines that begin with # are guidance and are not read."),
        _("- If a line of your text begins with #, ===== or \\, write a \\ before it."),
        _("- No individual cases: write at group level, never personal identity numbers or names."),
        _("- Save the file as plain text (UTF-8) and send it to the coordinator, who reads it "
          "in with: orat intake read FILE"),
    ):
        out += _wrap(line)
    out.append("#")
    names = ", ".join(f"{m.key} ({m.name})" for m in template.members)
    if not member:
        out += _wrap(_("Write your member key after '{key}:', one of: {names}").format(
            key=keys["member"], names=names))
    out += _wrap(_("'{key}:' may name the unit that filled in the form "
                   "(its text is marked with it).").format(key=keys["unit"]))
    out.append("")
    name = ""
    if member:
        spec = next((m for m in template.members if m.key == member), None)
        name = f"  ({spec.name})" if spec else ""
    out += [f"{keys['form']}: {VERSION}", f"{keys['template']}: {template.id}",
            f"{keys['member']}: {member}{name}", f"{keys['meeting']}: {day.isoformat()}",
            f"{keys['unit']}: ", ""]
    for f in form_fields(template, member):
        out.append(f"{MARKER} {f.key} · {field_title(f)}")
        hints = [f.hint] if f.hint else []
        if f.prompts:
            hints.append(_("Prompts: ") + " · ".join(f.prompts))
        if f.kind == "turn" and not f.hint:
            hints.append(_("Only what matters to the others or to the city."))
        for hint in hints:
            out += _wrap(hint)
        text = answers.get(f.key, "")
        if text:
            out.append(escape(text))
        out.append("")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# -- reading ---------------------------------------------------------------------------------
def decode(data: bytes) -> str:
    """The form's bytes as text: UTF-8 (with or without a byte-order mark), else an error
    naming the first line that is not."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise FormError(line, "not UTF-8 text (save the form as UTF-8 and read it again)") from None
    return text


_HEADER = re.compile(r"^([^\s:][^:]*?)\s*:\s*(.*)$")


def parse_form(text: str) -> Form:
    """The form's header and sections, or FormError naming the line that is wrong."""
    if not text.strip():
        raise FormError(0, "the file is empty")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header: dict[str, tuple[int, str]] = {}
    sections: list[Section] = []
    current: Section | None = None
    body: list[str] = []
    seen: dict[str, int] = {}

    def close() -> None:
        if current is not None:
            current.text = canonical("\n".join(line for _n, line in body))
            current.body = body
            sections.append(current)

    for number, line in enumerate(lines, start=1):
        if "\x00" in line:
            raise FormError(number, "holds a NUL character (is this a text file?)")
        if line.startswith(MARKER):
            if "form" not in header:
                raise FormError(number, "a section before the header: the form must begin "
                                "with 'orat-formulär: 1' (write a new one with orat intake form)")
            close()
            rest = line[len(MARKER):].strip().lstrip("=").strip()
            key = rest.split(" ", 1)[0] if rest else ""
            if not key:
                raise FormError(number, "a marker line without a section name")
            if key in seen:
                raise FormError(number, f"section '{key}' appears twice (first at line {seen[key]})")
            seen[key] = number
            current, body = Section(key, number, ""), []
            continue
        if line.startswith("#"):
            continue
        if current is not None:
            body.append((number, line[1:] if line.startswith("\\") else line))
            continue
        if not line.strip():
            continue
        m = _HEADER.match(line.strip())
        name = HEADER_KEYS.get(m.group(1).strip().lower()) if m else None
        if "form" not in header:
            if name != "form":
                raise FormError(number, "not an orat form: it must begin with 'orat-formulär: 1' "
                                "(write one with orat intake form TEMPLATE)")
            if m.group(2).strip() != VERSION:
                raise FormError(number, f"form version '{m.group(2).strip()}' is not one this "
                                f"orat reads (it reads {VERSION})")
        elif name is None:
            raise FormError(number, "text before the first section (write it under a "
                            "===== heading, or begin the line with #)")
        if name in header:
            raise FormError(number, f"'{m.group(1).strip()}' appears twice in the header "
                            f"(first at line {header[name][0]})")
        header[name] = (number, m.group(2).strip())
    close()
    if "form" not in header:
        raise FormError(0, "not an orat form: no 'orat-formulär: 1' line (it holds only "
                        "guidance lines)")
    end = sections[0].line if sections else len(lines)
    for need in ("template", "member"):
        if not header.get(need, (0, ""))[1]:
            at = header[need][0] if need in header else end
            word = "mall/template" if need == "template" else "medlem/member"
            raise FormError(at, f"the header lacks the {need} ('{word}: ...')")
    meeting = None
    if header.get("meeting", (0, ""))[1]:
        at, value = header["meeting"]
        try:
            meeting = date.fromisoformat(value.split()[0])
        except ValueError:
            raise FormError(at, f"meeting day '{value}' is not a date like 2026-11-26") from None
    return Form(template=header["template"][1].split()[0],
                member=header["member"][1].split()[0], meeting=meeting,
                unit=header.get("unit", (0, ""))[1], sections=sections,
                lines={k: v[0] for k, v in header.items()})


def check_form(form: Form, template: Template) -> dict[str, str]:
    """The form's answers for the template, after checking its member and sections."""
    if form.template != template.id:
        raise FormError(form.lines.get("template", 0),
                        f"the form is for template '{form.template}', not '{template.id}'")
    keys = [m.key for m in template.members]
    if form.member not in keys:
        raise FormError(form.lines.get("member", 0),
                        f"unknown member '{form.member}' (known: {', '.join(keys)})")
    known = [f.key for f in form_fields(template, form.member)]
    for s in form.sections:
        if s.key not in known:
            raise FormError(s.line, f"unknown section '{s.key}' for {form.member} in "
                            f"{template.id} (known: {', '.join(known)})")
    answers = form.answers()
    if form.unit:
        answers = {k: mark_unit(form.unit, v) for k, v in answers.items()}
    return answers


def refuse_personal_numbers(form: Form) -> None:
    """No individual cases: a form holding a personal identity number is not read (FormError
    naming the line). A bare run of ten digits may be a phone number: written with spaces it
    is not taken for one."""
    from orat_tui.domain.personnummer import find_personal_numbers

    for section in form.sections:
        for number, line in section.body:
            found = find_personal_numbers(line)
            if not found:
                continue
            if all(f.ambiguous for f in found):
                raise FormError(number, f"'{found[0].text}' looks like a personal identity "
                                "number (if it is a phone number, write it with spaces: "
                                "070-123 45 67); no individual cases in the preparation")
            raise FormError(number, f"'{found[0].text}' looks like a personal identity number: "
                            "no individual cases in the preparation; take it out and read the "
                            "form again")


def mark_unit(unit: str, text: str) -> str:
    """Text from a named unit (one of the organisation's operations) says so."""
    return f"[{unit}] {text}"


@dataclass
class ReadPlan:
    """What reading a form would do to what is already prepared."""

    write: dict[str, str]  # field -> new text
    unchanged: list[str]  # fields already holding this text (the same form read before)
    differs: list[str]  # fields holding other text: written only with replace or append


def plan_read(existing: dict[str, str], answers: dict[str, str], mode: str = "") -> ReadPlan:
    """`mode`: '' (other text stays: the field is listed in `differs`), 'replace' (the
    form's text replaces it) or 'append' (added after it, once)."""
    plan = ReadPlan({}, [], [])
    for key, text in answers.items():
        have = existing.get(key, "")
        if have == text or (mode == "append" and _holds_block(have, text)):
            plan.unchanged.append(key)
        elif not have:
            plan.write[key] = text
        else:
            plan.differs.append(key)
            if mode == "replace":
                plan.write[key] = text
            elif mode == "append":
                plan.write[key] = have + "\n\n" + text
    return plan


def _holds_block(have: str, text: str) -> bool:
    """`text` is one of the blocks (separated by a blank line) appended to `have`."""
    return have == text or have.startswith(text + "\n\n") or have.endswith("\n\n" + text) \
        or ("\n\n" + text + "\n\n") in have


def first_difference(have: str, text: str, limit: int = 60) -> tuple[int, str, str]:
    """Where two texts part: the line number (from 1) and that line of each."""
    a, b = have.split("\n"), text.split("\n")
    n = next((i for i in range(max(len(a), len(b)))
              if i >= len(a) or i >= len(b) or a[i] != b[i]), 0)

    def cut(lines: list[str]) -> str:
        line = lines[n] if n < len(lines) else ""
        return line if len(line) <= limit else line[:limit] + "…"

    return n + 1, cut(a), cut(b)
