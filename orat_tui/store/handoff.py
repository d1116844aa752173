"""Handing a meeting from one machine to another as a file: the chair who ran a telephone
meeting offline gives it to the secretary, who imports it into their own database.

The file is JSON in UTF-8:

    {"format": "orat-handoff", "version": 1, "checksum": "sha256:<hex>", "payload": {...}}

The payload holds the meeting's series row, the meeting row and every attendee, step, note and
audit row of the meeting, column by column, with their ids (UUID strings, the same in every
database), so nothing is lost on the way. The checksum is the SHA-256 of the canonical form of
the payload (sorted keys, no spaces, UTF-8): a file damaged or cut short in transfer is refused.
The file holds internal (egen) notes too: it is created readable by its owner only (0600).

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
Each import that changes something adds an "import" entry to the meeting's audit trail."""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Boolean, DateTime, Float, Integer, String, delete, func
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import Session, select

from orat_tui.store.models import (
    AttendeeRow,
    AuditRow,
    MeetingRow,
    NoteRow,
    Series,
    StepRow,
)

FORMAT = "orat-handoff"
VERSION = 1
SUFFIX = ".orat-handoff.json"

IMPORTED, UPDATED, UP_TO_DATE, CONFLICT = "imported", "updated", "up to date", "conflict"

# payload key -> the table its rows come from
TABLES: dict[str, type] = {
    "series": Series,
    "meeting": MeetingRow,
    "attendees": AttendeeRow,
    "steps": StepRow,
    "notes": NoteRow,
    "audit": AuditRow,
}
LISTS = ("attendees", "steps", "notes", "audit")


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

    @property
    def meeting_id(self) -> str:
        return self.meeting["id"]


@dataclass(frozen=True)
class ImportResult:
    status: str  # imported, updated, up to date, conflict
    meeting_id: str
    title: str
    started_at: datetime
    differences: tuple[str, ...] = ()  # conflict: what the receiving copy has that the file has not
    notes: int = 0  # imported: notes in the file; updated: notes that changed
    audit: int = 0  # imported / updated: audit entries added from the file
    series_created: bool = False

    @property
    def changed(self) -> bool:
        return self.status in (IMPORTED, UPDATED)

    @property
    def conflict(self) -> bool:
        return self.status == CONFLICT

    def line(self) -> str:
        what = f"{self.title} of {self.started_at:%Y-%m-%d %H:%M}"
        if self.status == IMPORTED:
            series = ", in a new series" if self.series_created else ""
            return (f"imported {what} ({_count(self.notes, 'note')}, "
                    f"{_count(self.audit, 'audit entry', 'audit entries')}{series})")
        if self.status == UPDATED:
            return (f"updated {what} to the file's newer copy ({_count(self.notes, 'note')} "
                    f"changed, {_count(self.audit, 'audit entry', 'audit entries')} added)")
        if self.status == UP_TO_DATE:
            return f"already up to date: {what}"
        shown = "; ".join(self.differences[:3])
        more = len(self.differences) - 3
        if more > 0:
            shown += f"; and {more} more"
        return (f"conflict: {what} was changed here after the file was made ({shown}); "
                "nothing imported")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


# -- rows <-> JSON ----------------------------------------------------------------------------

def _columns(model: type) -> list:
    return list(model.__table__.columns)


def _dump(row) -> dict:
    out = {}
    for c in _columns(type(row)):
        value = getattr(row, c.name)
        out[c.name] = value.isoformat() if isinstance(value, datetime) else value
    return out


def _load(model: type, data: dict):
    values = {}
    for c in _columns(model):
        value = data[c.name]
        if isinstance(c.type, DateTime) and value is not None:
            value = datetime.fromisoformat(value)
        elif isinstance(c.type, Float) and value is not None:
            value = float(value)
        values[c.name] = value
    return model(**values)


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


# -- writing ----------------------------------------------------------------------------------

def _begin_snapshot(s: Session, immediate: bool = False) -> None:
    """On SQLite, one real transaction from here on: every read sees the same moment (and with
    `immediate`, no other process writes until we are done)."""
    if s.get_bind().dialect.name == "sqlite":
        s.connection().exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _rows_of(s: Session, meeting_id: str) -> dict:
    m = s.get(MeetingRow, meeting_id)
    if m is None:
        raise KeyError(meeting_id)
    where = {model: model.meeting_id == meeting_id
             for model in (AttendeeRow, StepRow, NoteRow, AuditRow)}
    return {
        "meeting": m,
        "series": s.get(Series, m.series_id),
        "attendees": s.exec(select(AttendeeRow).where(where[AttendeeRow])
                            .order_by(AttendeeRow.position, AttendeeRow.id)).all(),
        "steps": s.exec(select(StepRow).where(where[StepRow])
                        .order_by(StepRow.position, StepRow.id)).all(),
        "notes": s.exec(select(NoteRow).where(where[NoteRow]).order_by(NoteRow.slot)).all(),
        "audit": s.exec(select(AuditRow).where(where[AuditRow])
                        .order_by(AuditRow.seq, AuditRow.at, AuditRow.id)).all(),
    }


def build_payload(store, meeting_id: str, now: datetime | None = None) -> dict:
    """The payload of a handoff file for the meeting, read in one transaction."""
    from orat_tui import __version__

    with Session(store.engine) as s:
        _begin_snapshot(s)
        try:
            rows = _rows_of(s, meeting_id)
        except KeyError:
            raise HandoffError(f"no meeting {meeting_id} in this database") from None
        if rows["series"] is None:
            raise HandoffError(f"the meeting {meeting_id} has no series in this database")
        payload = {key: _dump(rows[key]) for key in ("series", "meeting")}
        payload.update({key: [_dump(r) for r in rows[key]] for key in LISTS})
        s.rollback()
    payload["exported_at"] = (now or datetime.now()).isoformat(timespec="seconds")
    payload["orat"] = __version__
    return payload


def _create_private(path: Path) -> int:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.fchmod(fd, 0o600)  # whatever the umask
    return fd


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_handoff(store, meeting_id: str, path, *, replace: bool = True,
                  now: datetime | None = None) -> Path:
    """Write the meeting to `path` as a handoff file: complete or not at all (a temporary file
    beside it, moved into place), readable by the owner only (0600). With replace=False an
    existing file is never overwritten (HandoffError)."""
    path = Path(path)
    if path.is_dir():
        raise HandoffError(f"{path}: is a folder; name a file")
    if not path.parent.is_dir():
        raise HandoffError(f"{path.parent}: no such folder")
    taken = f"{path} already exists; add --force to replace it"
    if path.exists() and not replace:
        raise HandoffError(taken)
    payload = build_payload(store, meeting_id, now)
    try:
        document = {"format": FORMAT, "version": VERSION, "checksum": checksum(payload),
                    "payload": payload}
        data = (json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False)
                + "\n").encode("utf-8")
    except ValueError as exc:  # a NaN somewhere: JSON cannot carry it
        raise HandoffError(f"the meeting cannot be written as a handoff file ({exc})") from None
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        fd = _create_private(tmp)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        if replace:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)  # fails if a file appeared there meanwhile
            except FileExistsError:
                raise HandoffError(taken) from None
            except OSError:  # no hard links (a FAT memory stick, say)
                if path.exists():
                    raise HandoffError(taken) from None
                os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        raise HandoffError(f"{path}: could not be written ({exc.strerror or exc})") from None
    finally:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass
    return path


# -- reading ----------------------------------------------------------------------------------

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
        return _check_payload(path, payload)
    except HandoffError as exc:
        raise HandoffError(f"{path}: incomplete handoff file: {exc}") from None


def _check_payload(path: Path, payload: dict) -> Handoff:
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
    return Handoff(path=path, exported_at=payload["exported_at"], orat=payload["orat"],
                   series=series, meeting=meeting,
                   **{key: payload[key] for key in LISTS})


# -- importing --------------------------------------------------------------------------------

def _note_label(slot: str, steps: list[dict], attendees: list[dict]) -> str:
    """A note's place as a person reads it: "Polisen / summary" rather than step:<uuid>:summary."""
    kind, _, rest = slot.partition(":")
    ref, _, name = rest.rpartition(":")
    if kind == "step":
        step = next((s for s in steps if s["id"] == ref), None)
        if step is not None:
            title = step["title"] or next(
                (a["short"] or a["name"] for a in attendees if a["key"] == step["member_key"]),
                step["kind"])
            return f"{title} / {name}"
    elif kind == "member":
        who = next((a["short"] or a["name"] for a in attendees if a["key"] == ref), ref)
        return f"{who} / {name}"
    return slot


def _state(meeting: dict, attendees: list[dict], steps: list[dict]) -> tuple:
    """What a save of the meeting's state writes (the notes' text aside)."""
    m = {k: v for k, v in meeting.items() if k != "updated_at"}
    return (m, sorted(attendees, key=lambda a: a["id"]), sorted(steps, key=lambda s: s["id"]))


def _differences(local: dict, file: dict, local_audit_extra: list[dict]) -> list[str]:
    """What the receiving copy has that the file has not: not empty means a conflict."""
    out: list[str] = []
    lm, fm = local["meeting"], file["meeting"]
    fnotes = {n["slot"]: n for n in file["notes"]}
    lnotes = {n["slot"]: n for n in local["notes"]}

    def label(slot: str) -> str:
        return _note_label(slot, local["steps"], local["attendees"])

    for slot, n in sorted(lnotes.items()):
        f = fnotes.get(slot)
        if f is None:
            if n["text"] or n["version"]:
                out.append(f"note {label(slot)} is only here")
            elif n["internal"] and lm["version"] >= fm["version"]:
                out.append(f"note {label(slot)} was marked internal here")
        elif n["version"] > f["version"]:
            out.append(f"note {label(slot)} is version {n['version']} here, {f['version']} "
                       "in the file")
        elif n["version"] == f["version"] and (n["text"] != f["text"] or n["id"] != f["id"]):
            out.append(f"note {label(slot)} was changed both here and in the file")
    if lm["version"] > fm["version"]:
        out.append(f"the meeting (attendance, agenda, state) is version {lm['version']} here, "
                   f"{fm['version']} in the file")
    elif lm["version"] == fm["version"]:
        common = set(lnotes) & set(fnotes)
        if (_state(lm, local["attendees"], local["steps"])
                != _state(fm, file["attendees"], file["steps"])
                or any(lnotes[s]["internal"] != fnotes[s]["internal"] for s in common)):
            out.append("the meeting (attendance, agenda, state) was changed both here and in "
                       "the file")
    if local_audit_extra:
        out.append(f"{_count(len(local_audit_extra), 'audit entry', 'audit entries')} "
                   "only here")
    return out


def _same(local: dict, file: dict, local_audit: list[dict]) -> bool:
    def by_id(rows: list[dict]) -> list[dict]:
        return sorted(rows, key=lambda r: r["id"])

    return (local["meeting"] == file["meeting"]
            and all(by_id(local[k]) == by_id(file[k]) for k in ("attendees", "steps", "notes"))
            and by_id(local_audit) == by_id(file["audit"]))


def _local_series(s: Session, series: dict) -> tuple[str, bool, bool]:
    """(series id to use, whether the file's series must be created, matched by template)."""
    if s.get(Series, series["id"]) is not None:
        return series["id"], False, False
    same = s.exec(select(Series).where(Series.template_id == series["template_id"])
                  .order_by(Series.created_at, Series.id)).first()
    if same is not None:
        return same.id, False, True
    return series["id"], True, False


def import_handoff(store, path, who: str = "", now: datetime | None = None) -> ImportResult:
    """Bring the meeting in the handoff file at `path` into `store` (see the module's doc).
    Raises HandoffError for a file that cannot be used; a conflict is a result, not an error,
    and changes nothing."""
    handoff = read_handoff(path)
    now = now or datetime.now()
    who = who or _who()
    fm = handoff.meeting
    started = datetime.fromisoformat(fm["started_at"])
    file_rows = {"meeting": fm, **{k: getattr(handoff, k) for k in LISTS}}
    try:
        with store._write, Session(store.engine) as s:
            _begin_snapshot(s, immediate=True)
            existing = s.get(MeetingRow, fm["id"])
            if existing is None:
                series_id, create_series, _ = _local_series(s, handoff.series)
                file_rows["meeting"] = {**fm, "series_id": series_id}
                if create_series:
                    s.add(_load(Series, handoff.series))
                    s.flush()
                _insert(s, file_rows)
                _record(s, fm["id"], who, handoff.path.name, now)
                s.commit()
                return ImportResult(IMPORTED, fm["id"], fm["title"], started,
                                    notes=len(handoff.notes), audit=len(handoff.audit),
                                    series_created=create_series)
            rows = _rows_of(s, fm["id"])
            local = {"meeting": _dump(rows["meeting"]),
                     **{k: [_dump(r) for r in rows[k]] for k in LISTS}}
            file_rows["meeting"] = {**fm, "series_id": existing.series_id}
            file_ids = {a["id"] for a in handoff.audit}
            # the receiver's own imports are not changes to the meeting
            own_imports = [a for a in local["audit"]
                           if a["id"] not in file_ids and a["action"] == "import"]
            local_audit = [a for a in local["audit"]
                           if a["id"] in file_ids or a["action"] != "import"]
            extra = [a for a in local_audit if a["id"] not in file_ids]
            if _same(local, file_rows, local_audit):
                s.rollback()
                return ImportResult(UP_TO_DATE, fm["id"], fm["title"], started)
            differences = _differences(local, file_rows, extra)
            if differences:
                s.rollback()
                return ImportResult(CONFLICT, fm["id"], existing.title, existing.started_at,
                                    differences=tuple(differences))
            lnotes = {n["slot"]: n for n in local["notes"]}
            changed = sum(1 for n in handoff.notes if lnotes.get(n["slot"]) != n)
            added = len(file_ids - {a["id"] for a in local["audit"]})
            _replace(s, file_rows, [a["id"] for a in own_imports])
            _record(s, fm["id"], who, handoff.path.name, now)
            s.commit()
            return ImportResult(UPDATED, fm["id"], fm["title"], started, notes=changed,
                                audit=added)
    except IntegrityError as exc:
        raise HandoffError(f"{handoff.path}: cannot be imported, its ids clash with other rows "
                           f"in this database ({str(exc.orig).splitlines()[0]}); nothing "
                           "imported") from None
    except DBAPIError as exc:
        raise HandoffError(f"{handoff.path}: import failed ({str(exc.orig).splitlines()[0]}); "
                           "nothing imported") from None


def _insert(s: Session, rows: dict) -> None:
    s.add(_load(MeetingRow, rows["meeting"]))
    s.flush()
    for key in LISTS:
        for row in rows[key]:
            s.add(_load(TABLES[key], row))
    s.flush()


def _replace(s: Session, rows: dict, keep_audit: list[str]) -> None:
    """The meeting becomes the file's; the receiver's own import entries stay, after the
    file's entries."""
    meeting_id = rows["meeting"]["id"]
    for model in (AttendeeRow, StepRow, NoteRow):
        s.exec(delete(model).where(model.meeting_id == meeting_id))
    s.exec(delete(AuditRow).where(AuditRow.meeting_id == meeting_id,
                                  AuditRow.id.not_in(keep_audit)))
    s.flush()
    s.merge(_load(MeetingRow, rows["meeting"]))
    s.flush()
    for key in LISTS:
        for row in rows[key]:
            s.add(_load(TABLES[key], row))
    s.flush()
    top = max((a["seq"] for a in rows["audit"]), default=0)
    kept = s.exec(select(AuditRow).where(AuditRow.id.in_(keep_audit))
                  .order_by(AuditRow.seq, AuditRow.at)).all()
    for i, row in enumerate(kept, start=1):
        row.seq = top + i
        s.add(row)
    s.flush()


def _record(s: Session, meeting_id: str, who: str, reason: str, now: datetime) -> None:
    """The "import" entry, as Store.record writes it, inside the import's own transaction."""
    top = s.exec(select(func.max(AuditRow.seq)).where(AuditRow.meeting_id == meeting_id)).first()
    s.add(AuditRow(id=str(uuid.uuid4()), meeting_id=meeting_id, at=now, who=who,
                   action="import", field="", before="", after="", reason=reason,
                   seq=(top or 0) + 1))
    s.flush()


def _who() -> str:
    """Who imports: the user in orat's config, else the login name."""
    import getpass

    try:
        from orat_tui.config import load_user_config

        name = load_user_config().user
    except Exception:  # noqa: BLE001 - a broken config must not stop an import
        name = ""
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a container, say)
        return "unknown"


# -- naming a meeting on the command line -----------------------------------------------------

def resolve_meeting(store, ref: str) -> str:
    """The id of the meeting `ref` names: its id, a unique start of its id, or "latest" (the
    most recently started meeting)."""
    ref = ref.strip()
    with Session(store.engine) as s:
        if ref.lower() == "latest":
            row = s.exec(select(MeetingRow.id)
                         .order_by(MeetingRow.started_at.desc(), MeetingRow.id)).first()
            if row is None:
                raise HandoffError("there are no meetings in this database")
            return row
        if not ref:
            raise HandoffError("name a meeting: its id, the start of its id, or latest")
        if s.get(MeetingRow, ref) is not None:
            return ref
        escaped = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = s.exec(select(MeetingRow).where(MeetingRow.id.like(escaped + "%", escape="\\"))
                      .order_by(MeetingRow.started_at.desc()).limit(4)).all()
    if not rows:
        raise HandoffError(f"no meeting with an id starting {ref!r}")
    if len(rows) > 1:
        listed = ", ".join(f"{r.id[:8]} ({r.started_at:%Y-%m-%d} {r.title})" for r in rows[:3])
        more = " and more" if len(rows) > 3 else ""
        raise HandoffError(f"{ref!r} names more than one meeting: {listed}{more}; "
                           "give more of the id")
    return rows[0].id

