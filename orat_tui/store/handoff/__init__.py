"""Handing a meeting from one machine to another as a file: the chair who ran a telephone
meeting offline gives it to the secretary, who imports it into their own database.

The file is JSON in UTF-8:

    {"format": "orat-handoff", "version": 2, "checksum": "sha256:<hex>", "payload": {...}}

The payload holds the meeting's series row, the meeting row and every attendee, step, note and
audit row of the meeting, column by column, with their ids (UUID strings, the same in every
database), so nothing is lost on the way. Since version 2 it also holds what the meeting
recorded (recorded.py): its levels, combined level, warning-signal ratings, focus tags and
prepared input, the actions made or changed in it with their trails, the events raised or
closed in it (internal ones too) and the series' areas. A version 1 file still imports (its
meeting only); a file of a newer version than this orat reads is refused in one line. The
checksum is the SHA-256 of the canonical form of the payload (sorted keys, no spaces, UTF-8): a
file damaged or cut short in transfer is refused. The file holds internal (egen) notes and
events too: it is created readable by its owner only (0600).

Importing is all or nothing, in one transaction:
- a meeting the receiving database does not have is created (and its series, if missing:
  matched by id, else by template, else created with the file's id);
- the same file imported twice changes nothing ("already up to date");
- when the receiving copy has changes the file does not (a note of a higher version, a note
  the file lacks, a note or the meeting's state changed on both sides at the same version, a
  higher meeting version, audit entries the file lacks), nothing at all is written and the
  differences are reported as a conflict;
- otherwise the file is newer and the meeting becomes what the file holds. The receiver's own
  "import" entries in the audit trail are kept (after the file's entries).
Each import that changes something adds an "import" entry to the meeting's audit trail.
What the meeting recorded follows the same rules (merging.py); areas, actions and events,
which live across meetings, are matched by id, and an action or event changed here after the
file was made stays as it is here (the result says so).

The code: fileformat (constants, reading and checking a file, the checksum), rows (a meeting's
rows to and from the file's JSON form), recorded (what the meeting recorded: which rows, read
and checked), writing (write_handoff, resolve_meeting), importing (import_handoff and its rules
for the meeting) and merging (its rules for what the meeting recorded). Every public name is
importable from here."""

from __future__ import annotations

from orat_tui.store.handoff.fileformat import (
    FORMAT,
    SUFFIX,
    VERSION,
    Handoff,
    HandoffError,
    canonical,
    checksum,
    parse_handoff,
    read_handoff,
)
from orat_tui.store.handoff.importing import (
    CONFLICT,
    IMPORTED,
    UP_TO_DATE,
    UPDATED,
    ImportResult,
    import_handoff,
)
from orat_tui.store.handoff.rows import LISTS, TABLES
from orat_tui.store.handoff.writing import (
    build_payload,
    recorded_summary,
    resolve_meeting,
    write_handoff,
)

__all__ = [
    "CONFLICT", "FORMAT", "IMPORTED", "LISTS", "SUFFIX", "TABLES", "UPDATED", "UP_TO_DATE",
    "VERSION", "Handoff", "HandoffError", "ImportResult", "build_payload", "canonical",
    "checksum", "import_handoff", "parse_handoff", "read_handoff", "recorded_summary",
    "resolve_meeting",
    "write_handoff",
]
