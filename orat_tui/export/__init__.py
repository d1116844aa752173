"""Minutes and other documents made from a meeting (no Textual).

`export(meeting, fmt)` renders the minutes in one of `FORMATS`. Every format is drawn from one
reading of the meeting, `minutes(meeting)`: who was there, each step with its times and notes,
the approval. So the formats agree on what the minutes hold, and the personal-number guard
(guard.py) looks at exactly the notes that would leave orat.

After the steps come the actions and the situational picture of the meeting (export/
actions_picture.py), from a record the caller reads from the store next to the meeting
(Store.actions_and_picture); without one the minutes hold the notes only.

Internal notes (the slots in `meeting.internal`, marked "egen") and internal events stay out
unless `include_internal=True`; then they are in, marked as internal.

The renderers are imported when first used: python-docx is only loaded for Word."""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from orat_tui.domain.agenda import Status, Step
from orat_tui.domain.approval import hash_matches
from orat_tui.domain.meeting import APPROVED, ENDED, LIVE, Attendee, Meeting, note_slot
from orat_tui.domain.steps import ITEM_FIELDS
from orat_tui.domain.timer import format_duration
from orat_tui.i18n import N_, _, format_date
from orat_tui.labels import field_label, step_label

if TYPE_CHECKING:
    from orat_tui.domain.actions_picture import ActionsAndPicture
    from orat_tui.export.actions_picture import PartOut

FORMATS = ("md", "html", "docx", "json", "txt")
SUFFIXES = {"md": ".md", "html": ".html", "docx": ".docx", "json": ".json", "txt": ".txt"}
BINARY = frozenset({"docx"})  # export() returns bytes for these, str for the others
_MODULES = {"md": "markdown", "html": "html", "docx": "docx", "json": "json", "txt": "text"}

STATES = {LIVE: N_("live"), ENDED: N_("ended"), APPROVED: N_("approved")}
MEMBER_FIELDS = ("absent_in", "pass_on")


class ExportError(Exception):
    """A document that cannot be made: the message is one line, fit to show as it is."""


class MissingDependency(ExportError):
    """A format that needs an optional package which is not installed."""


# -- control characters ------------------------------------------------------------------
# C0 and C1 controls (terminal escape sequences among them), and the invisible characters that
# can make a text read differently from what it is (bidi overrides, zero-width space, BOM).
# Line feed and tab are kept: they are layout.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff]"
)


def control_code(char: str) -> str:
    """How a control character is shown: `\\x1b`, `\\u202e`."""
    n = ord(char)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def show_controls(text: str) -> str:
    """`text` with every control or invisible character replaced by its visible code."""
    return _INVISIBLE.sub(lambda m: control_code(m.group()), text)


def split_controls(text: str) -> list[tuple[bool, str]]:
    """`text` in pieces: (False, plain text) and (True, one control character), in order."""
    out: list[tuple[bool, str]] = []
    pos = 0
    for m in _INVISIBLE.finditer(text):
        if m.start() > pos:
            out.append((False, text[pos:m.start()]))
        out.append((True, m.group()))
        pos = m.end()
    if pos < len(text):
        out.append((False, text[pos:]))
    return out


# -- the minutes as data -------------------------------------------------------------------
@dataclass(frozen=True)
class NoteOut:
    slot: str
    field: str
    label: str  # the field's label, in the current language
    text: str  # as typed, surrounding blank space trimmed
    internal: bool


@dataclass(frozen=True)
class PresentOut:
    attendee: Attendee
    details: tuple[str, ...]  # role, chair, guest, substitute ...


@dataclass(frozen=True)
class MemberNotes:
    """What was passed on to and from a member, through the chair (absent ones, mostly)."""

    attendee: Attendee
    absent: bool
    notes: tuple[NoteOut, ...]


@dataclass(frozen=True)
class SectionOut:
    step: Step
    position: int
    label: str
    state: str  # spoken, skipped, absent, not_reached, to_come
    state_label: str  # "" for spoken
    elapsed: float
    budget: float
    speakers: tuple[tuple[str, str, float], ...]  # (key, short name, seconds) with the floor
    notes: tuple[NoteOut, ...]

    @property
    def overtime(self) -> float:
        over = round(self.elapsed) - round(self.budget)
        return float(over) if over > 0 else 0.0

    @property
    def timed(self) -> bool:
        """Whether the times mean anything (the step was reached)."""
        return self.state == "spoken" or self.elapsed >= 1


@dataclass(frozen=True)
class Words:
    """The fixed texts of the minutes, in the current language (one place for every format)."""

    attendance: str
    absent: str
    absent_member: str
    speaking_time: str
    overtime: str
    further_notes: str
    internal: str  # the mark on an internal note
    holds_internal: str  # the banner of minutes with internal notes
    changed: str  # approved, but changed since


def words() -> Words:
    return Words(
        attendance=_("Attendance"),
        absent=_("Absent"),
        absent_member=_("absent member"),
        speaking_time=_("Speaking time"),
        overtime=_("overtime"),
        further_notes=_("Further notes"),
        internal=_("internal, not for sharing"),
        holds_internal=_("Holds internal notes: not for sharing outside the meeting."),
        changed=_("The notes have changed since the approval."),
    )


@dataclass
class Minutes:
    meeting: Meeting
    include_internal: bool
    title: str
    date: str  # "fre 27 nov 2026"
    start: str  # "09:00"
    end: str  # "09:52", "" while live
    planned_end: str
    state: str
    state_label: str
    approval: str  # "Approved by …, …" or "Not approved"
    approval_stale: bool  # approved, but the notes have changed since
    words: Words
    present: list[PresentOut] = field(default_factory=list)
    absent: list[Attendee] = field(default_factory=list)
    members: list[MemberNotes] = field(default_factory=list)
    sections: list[SectionOut] = field(default_factory=list)
    other: list[NoteOut] = field(default_factory=list)  # notes of no step or member shown
    parts: tuple[PartOut, ...] = ()  # actions, situational picture (export/actions_picture.py)
    record: ActionsAndPicture | None = None  # what the parts were made from

    @property
    def has_internal(self) -> bool:
        return any(n.internal for n in self.notes()) or any(
            i.internal for p in self.parts for g in p.groups for i in g.items)

    def texts(self) -> list[NoteOut]:
        """Every text from the meeting these minutes hold: the notes, then the actions' and
        the picture's texts (slot "action:<id>:what", "event:<id>:facts", ...)."""
        out = self.notes()
        for p in self.parts:
            for g in p.groups:
                for i in g.items:
                    out += [NoteOut(f"{i.key}:{f}", f, label, text.strip(), i.internal)
                            for f, label, text in i.checked]
        return out

    def notes(self) -> list[NoteOut]:
        """Every note these minutes hold, in the order they are shown."""
        out = [n for mn in self.members for n in mn.notes]
        out += [n for s in self.sections for n in s.notes]
        out += self.other
        return out

    def when(self) -> str:
        """'fre 27 nov 2026, 09:00–09:52 (planerat slut 10:00)'"""
        end = f"–{self.end}" if self.end else ""
        planned = _("planned end")
        return f"{self.date}, {self.start}{end} ({planned} {self.planned_end})"

    def times(self, s: SectionOut) -> str:
        """'6:48 av 4:00 · övertid +2:48'"""
        text = _("{spoken} of {budget}").format(spoken=format_duration(s.elapsed),
                                                budget=format_duration(s.budget))
        if s.overtime:
            text += f" · {self.words.overtime} +{format_duration(s.overtime)}"
        return text

    def speaking_times(self, s: SectionOut) -> str:
        """'Polisen 0:37, Kommunen 1:27'"""
        return ", ".join(f"{name} {format_duration(sec)}" for _key, name, sec in s.speakers)

    def heading(self, s: SectionOut) -> str:
        """A step's heading: its name and, where it was not spoken, why."""
        if not s.state_label:
            return s.label
        if s.label.endswith((".", ":", "?", "!")):  # "5. Behov av … förstärkning. – hanns inte med"
            return f"{s.label} – {s.state_label}"
        return f"{s.label}: {s.state_label}"


def when_text(d) -> str:
    """A date and time as the minutes write it: 'fre 27 nov 2026 14:05'."""
    return f"{format_date(d.date())} {d:%H:%M}"


def _note(m: Meeting, slot: str, field_name: str, label: str,
          include_internal: bool) -> NoteOut | None:
    text = m.notes.get(slot, "").strip()
    internal = slot in m.internal
    if not text or (internal and not include_internal):
        return None
    return NoteOut(slot, field_name, label, text, internal)


def _details(a: Attendee) -> tuple[str, ...]:
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
    return tuple(extra)


def _state(m: Meeting, step: Step) -> tuple[str, str]:
    if step.status is Status.ABSENT:
        return "absent", _("absent member")
    if step.status is Status.SKIPPED:
        return "skipped", _("skipped")
    if step.status is Status.PENDING and step.elapsed < 1:
        if m.state == LIVE:
            return "to_come", _("still to come")
        return "not_reached", _("not reached")
    return "spoken", ""


def minutes(m: Meeting, include_internal: bool = False,
            record: ActionsAndPicture | None = None) -> Minutes:
    """The meeting read as minutes: what every format shows (with `record`, its actions and
    situational picture too)."""
    if m.approved_at is not None or m.state == APPROVED:
        who = m.approved_by or "?"
        at = when_text(m.approved_at) if m.approved_at else "?"
        approval = _("Approved by {who}, {when}").format(who=who, when=at)
    else:
        approval = _("Not approved")
    out = Minutes(
        meeting=m, include_internal=include_internal, title=m.title,
        date=format_date(m.started_at.date()), start=f"{m.started_at:%H:%M}",
        end=f"{m.ended_at:%H:%M}" if m.ended_at else "", planned_end=f"{m.planned_end:%H:%M}",
        state=m.state, state_label=_(STATES.get(m.state, m.state)), approval=approval,
        approval_stale=m.state == APPROVED and not hash_matches(m), words=words(),
    )
    shown: set[str] = set()
    for a in m.attendees:
        if a.present:
            out.present.append(PresentOut(a, _details(a)))
        elif a.kind == "member":
            out.absent.append(a)
    for a in m.attendees:
        notes = []
        for f in MEMBER_FIELDS:
            slot = note_slot(None, f, a.key)
            shown.add(slot)
            label = field_label(f).format(name=a.name)
            n = _note(m, slot, f, label, include_internal)
            if n:
                notes.append(n)
        if notes:
            out.members.append(MemberNotes(a, not a.present, tuple(notes)))
    for i, step in enumerate(m.steps):
        notes = []
        # the free notes, then the items recorded beside them (decisions, needs, ...)
        for f in (*step.fields, *(f for f in ITEM_FIELDS if f not in step.fields)):
            slot = note_slot(step, f)
            shown.add(slot)
            n = _note(m, slot, f, field_label(f), include_internal)
            if n:
                notes.append(n)
        if step.kind == "roll_call" and not notes and step.elapsed < 1:
            continue
        state, state_label = _state(m, step)
        speakers = tuple((k, m.short_of(k), v) for k, v in step.speakers.items() if v >= 1)
        out.sections.append(SectionOut(
            step=step, position=i, label=step_label(m, step, short=False), state=state,
            state_label=state_label, elapsed=step.elapsed, budget=step.budget,
            speakers=speakers, notes=tuple(notes)))
    for slot in sorted(set(m.notes) - shown):
        f = slot.rsplit(":", 1)[-1]
        n = _note(m, slot, f, field_label(f), include_internal)
        if n:
            out.other.append(n)
    if record is not None:
        from orat_tui.export.actions_picture import parts

        out.record = record
        out.parts = parts(record, m, include_internal)
    return out


# -- the dispatcher ----------------------------------------------------------------------
def export(meeting: Meeting, fmt: str, include_internal: bool = False,
           override_reason: str | None = None,
           record: ActionsAndPicture | None = None) -> bytes | str:
    """The minutes of `meeting` in format `fmt` (one of FORMATS): bytes for docx, else str;
    with `record` (Store.actions_and_picture), its actions and situational picture too.

    Refused (guard.ExportBlocked) when a text that would be exported (a note, an action, a
    level's reason, an event) holds a personal identity number, unless an `override_reason` is
    given; recording that override is the caller's part (see commands/export.py)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    from orat_tui.export.guard import check

    check(meeting, include_internal=include_internal, override_reason=override_reason,
          record=record)
    module = importlib.import_module(f"orat_tui.export.{_MODULES[fmt]}")
    return module.render(meeting, include_internal=include_internal, record=record)
