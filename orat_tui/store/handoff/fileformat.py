"""The handoff file's format: its constants, the checked form it is read into (Handoff), the
checksum, and reading and checking a file (see orat_tui.store.handoff for the format)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String

from orat_tui.store.handoff.recorded import check_recorded
from orat_tui.store.handoff.rows import LISTS, TABLES, _columns

FORMAT = "orat-handoff"
# 2: what the meeting recorded (orat_tui.store.handoff.recorded); 1 still reads. Every row must
# have exactly its table's columns: a migration that adds or drops a column of a table a handoff
# carries (handoff.rows.TABLES, recorded.RECORDED) must raise VERSION and fill in or drop that
# column when it reads a file of an older version, or older files stop importing.
VERSION = 2
SUFFIX = ".orat-handoff.json"


class HandoffError(Exception):
    """A handoff file that cannot be written or used: one line, for the user."""


@dataclass(frozen=True)
class Handoff:
    """A handoff file as read and checked. Rows are dicts in the file's (JSON) form: datetimes
    as ISO text."""

    path: Path
    exported_at: str
    orat: str
    series: dict
    meeting: dict
    attendees: list[dict]
    steps: list[dict]
    notes: list[dict]
    audit: list[dict]
    version: int = VERSION
    # version 2 and later: payload key -> rows (recorded.RECORDED); None for a version 1 file,
    # which knows nothing of them (an import then leaves them as they are)
    recorded: dict[str, list[dict]] | None = None

    @property
    def meeting_id(self) -> str:
        return self.meeting["id"]


def _check_value(where: str, column, value) -> None:
    if value is None:
        if not column.nullable:
            raise HandoffError(f"{where}.{column.name} is empty but is required")
        return
    t = column.type
    if isinstance(t, Boolean):
        ok = isinstance(value, bool)
    elif isinstance(t, Integer):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(t, Float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif isinstance(t, DateTime):
        ok = isinstance(value, str)
        if ok:
            try:
                datetime.fromisoformat(value)
            except ValueError:
                ok = False
    elif isinstance(t, Date):
        ok = isinstance(value, str)
        if ok:
            try:
                date.fromisoformat(value)
            except ValueError:
                ok = False
    elif isinstance(t, String):  # Text and sqlmodel's AutoString are Strings
        ok = isinstance(value, str)
    else:  # pragma: no cover - a column type this module does not know yet
        ok = True
    if not ok:
        raise HandoffError(f"{where}.{column.name} has a value of the wrong kind ({value!r:.40})")


def _check_row(where: str, model: type, data) -> None:
    if not isinstance(data, dict):
        raise HandoffError(f"{where} is not a row")
    names = {c.name for c in _columns(model)}
    missing = sorted(names - set(data))
    if missing:
        raise HandoffError(f"{where}.{missing[0]} is missing")
    extra = sorted(set(data) - names)
    if extra:
        raise HandoffError(f"{where}.{extra[0]} is not known to this orat "
                           "(made by a newer orat? update orat)")
    for c in _columns(model):
        _check_value(where, c, data[c.name])


def canonical(payload: dict) -> bytes:
    """The bytes the checksum is taken of: sorted keys, no spaces, UTF-8."""
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


def checksum(payload: dict) -> str:
    return "sha256:" + hashlib.sha256(canonical(payload)).hexdigest()


def read_handoff(path) -> Handoff:
    """Read and check a handoff file: its format and version, its checksum, every row with
    every column of the right kind, and that the rows belong together. Any fault is one
    HandoffError line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise HandoffError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise HandoffError(f"{path}: is a folder, not a handoff file") from None
    except OSError as exc:
        raise HandoffError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return parse_handoff(raw, path)


def parse_handoff(raw: bytes, path) -> Handoff:
    """read_handoff on the bytes of a file (`path` names it in messages)."""
    path = Path(path)
    if not raw.strip():
        raise HandoffError(f"{path}: empty file, not a handoff file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HandoffError(f"{path}: damaged or not a handoff file (not UTF-8 text at byte "
                           f"{exc.start})") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        body = text.strip()
        if body.startswith("{") and (not body.endswith("}") or exc.pos >= len(body)):
            why = "cut short (it ends in the middle of the data); ask for the file again"
        else:
            why = "damaged or not a handoff file"
        raise HandoffError(f"{path}: {why} (not valid JSON at line {exc.lineno}, column "
                           f"{exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise HandoffError(f"{path}: not a handoff file (nested too deep)") from None
    if not isinstance(document, dict) or "format" not in document:
        raise HandoffError(f"{path}: not an orat handoff file (no format name)")
    if document["format"] != FORMAT:
        raise HandoffError(f"{path}: not an orat handoff file (format {document['format']!r:.40}, "
                           f"expected {FORMAT!r})")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise HandoffError(f"{path}: damaged handoff file (version {version!r:.20} is not a "
                           "format version)")
    if version > VERSION:
        raise HandoffError(f"{path}: made by a newer orat (handoff format version {version}; "
                           f"this orat reads version {VERSION}); update orat")
    for key in ("checksum", "payload"):
        if key not in document:
            raise HandoffError(f"{path}: damaged handoff file ({key} is missing)")
    extra = sorted(set(document) - {"format", "version", "checksum", "payload"})
    if extra:
        raise HandoffError(f"{path}: damaged handoff file (unknown key {extra[0]!r:.40})")
    payload = document["payload"]
    if not isinstance(payload, dict):
        raise HandoffError(f"{path}: damaged handoff file (the payload is not an object)")
    try:
        actual = checksum(payload)
    except ValueError:
        actual = ""
    if document["checksum"] != actual:
        raise HandoffError(f"{path}: damaged handoff file: the checksum does not match the "
                           "content (changed or cut in transfer); ask for the file again")
    try:
        return _check_payload(path, payload, version)
    except HandoffError as exc:
        raise HandoffError(f"{path}: incomplete handoff file: {exc}") from None


def _check_payload(path: Path, payload: dict, version: int = VERSION) -> Handoff:
    for key in (*TABLES, "exported_at", "orat"):
        if key not in payload:
            raise HandoffError(f"payload.{key} is missing")
    for key in ("exported_at", "orat"):
        if not isinstance(payload[key], str):
            raise HandoffError(f"payload.{key} is not text")
    for key in ("series", "meeting"):
        _check_row(key, TABLES[key], payload[key])
    for key in LISTS:
        if not isinstance(payload[key], list):
            raise HandoffError(f"{key} is not a list")
        for i, row in enumerate(payload[key]):
            _check_row(f"{key}[{i}]", TABLES[key], row)
    meeting, series = payload["meeting"], payload["series"]
    if meeting["series_id"] != series["id"]:
        raise HandoffError("the meeting does not belong to the series in the file")
    seen: set[str] = set()
    for key in LISTS:
        for i, row in enumerate(payload[key]):
            if row["meeting_id"] != meeting["id"]:
                raise HandoffError(f"{key}[{i}] belongs to another meeting")
            if row["id"] in seen:
                raise HandoffError(f"{key}[{i}] repeats the id {row['id']}")
            seen.add(row["id"])
    slots = [n["slot"] for n in payload["notes"]]
    if len(slots) != len(set(slots)):
        raise HandoffError("two notes have the same place (slot)")
    recorded = (check_recorded(payload, meeting, series, _check_row, HandoffError)
                if version >= 2 else None)
    return Handoff(path=path, exported_at=payload["exported_at"], orat=payload["orat"],
                   series=series, meeting=meeting,
                   **{key: payload[key] for key in LISTS}, version=version, recorded=recorded)
