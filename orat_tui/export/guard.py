"""No personal identity numbers leave orat in the minutes (issue 6).

The meeting works at group and area level; a personnummer or samordningsnummer in a note is
the clearest sign that an individual case slipped in. Exporting such a meeting is refused,
naming the notes, unless someone gives a reason to override (which the caller records in the
meeting's audit trail). The same goes for every other text the minutes hold: an action's text,
goal, result or reason, a level's reason, an event's title, facts and notes (`record`, the
meeting's Store.actions_and_picture)."""

from __future__ import annotations

from orat_tui.domain.personnummer import find_personal_numbers
from orat_tui.export import ExportError, Minutes, NoteOut, minutes
from orat_tui.i18n import _, ngettext


def mask(number: str) -> str:
    """A found number with its last four digits hidden: '19121212-****'. Enough to find it in
    the note; not the number itself in a message or the audit trail."""
    digits = 0
    out = []
    for ch in reversed(number):
        if ch.isdigit() and digits < 4:
            out.append("*")
            digits += 1
        else:
            out.append(ch)
    return "".join(reversed(out))


def findings(meeting, include_internal: bool = False,
             record=None) -> list[tuple[NoteOut, str]]:
    """(text, number as written) for every personal number in a text that would be exported."""
    doc = minutes(meeting, include_internal=include_internal, record=record)
    return [(n, f.text) for n in doc.texts() for f in find_personal_numbers(n.text)]


def blocked_slots(meeting, include_internal: bool = False,
                  record=None) -> list[tuple[str, str]]:
    """(slot, number as written) for every personal number in the texts that would be
    exported (internal notes and events only with `include_internal`). Empty: nothing
    blocks. An action's or event's slot is "action:<id>:<field>", "event:<id>:<field>"."""
    return [(n.slot, text) for n, text in findings(meeting, include_internal, record)]


def place(doc: Minutes, slot: str) -> str:
    """Where a note is, in words: 'Polisen · Gången vecka'."""
    for mn in doc.members:
        for n in mn.notes:
            if n.slot == slot:
                return f"{mn.attendee.name} · {n.label}"
    for s in doc.sections:
        for n in s.notes:
            if n.slot == slot:
                return f"{s.label} · {n.label}"
    for p in doc.parts:  # by number, not by its text: the text may hold the number itself
        for g in p.groups:
            for i, item in enumerate(g.items, 1):
                for field, label, _text in item.checked:
                    if f"{item.key}:{field}" == slot:
                        return f"{g.heading} {i} · {label}"
    return slot


class ExportBlocked(ExportError):
    """Personal identity numbers in notes that would be exported."""

    def __init__(self, meeting, found: list[tuple[NoteOut, str]], record=None) -> None:
        self.slots = [(n.slot, text) for n, text in found]
        doc = minutes(meeting, include_internal=True, record=record)
        by_slot: dict[str, list[str]] = {}
        for n, text in found:
            by_slot.setdefault(n.slot, []).append(mask(text))
        self.places = [(place(doc, slot), numbers) for slot, numbers in by_slot.items()]
        where = "; ".join(f"{p} ({', '.join(nums)})" for p, nums in self.places)
        count = len(by_slot)
        head = ngettext("personal identity number in {n} note, not exported",
                        "personal identity numbers in {n} notes, not exported", count)
        tail = _("remove them, or give a reason to override")
        super().__init__(f"{head.format(n=count)}: {where}. {tail}")


def check(meeting, include_internal: bool = False, override_reason: str | None = None,
          record=None) -> None:
    """Raise ExportBlocked if a text that would be exported holds a personal number and no
    override reason is given."""
    if override_reason and override_reason.strip():
        return
    found = findings(meeting, include_internal, record)
    if found:
        raise ExportBlocked(meeting, found, record)
