"""Keeping the data safe on disk: backups with SQLite's online backup API, restoring one, the
automatic backup before a schema upgrade, and retention (purging old meetings).

Only the standard library is imported at the top: config.py parses `retention` with
parse_duration while orat starts, before the database layer is loaded."""

from __future__ import annotations

import calendar
import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from orat_tui.files import create_private, fsync_dir

# -- durations --------------------------------------------------------------------------------

DURATION_FORMS = "a number and d, w, m or y (days, weeks, months, years), e.g. 365d, 52w, 24m, 2y"
UNITS = {"d": "days", "w": "weeks", "m": "months", "y": "years"}


class DurationError(ValueError):
    """Text that is not a duration: one line naming the accepted forms."""


@dataclass(frozen=True)
class Duration:
    amount: int
    unit: str  # d, w, m or y

    def __str__(self) -> str:
        return f"{self.amount}{self.unit}"

    def before(self, now: datetime) -> datetime:
        """`now` minus this duration. Months and years are calendar months and years: 24m
        before 31 March is 31 March two years earlier, 1m before 31 March is 28 (or 29)
        February. Before the year 1 is datetime.min."""
        try:
            if self.unit in ("d", "w"):
                return now - timedelta(**{UNITS[self.unit]: self.amount})
            months = self.amount * (12 if self.unit == "y" else 1)
            total = now.year * 12 + (now.month - 1) - months
            year, month = divmod(total, 12)
            month += 1
            day = min(now.day, calendar.monthrange(year, month)[1])
            return now.replace(year=year, month=month, day=day)
        except (OverflowError, ValueError):
            return datetime.min


def parse_duration(text: str) -> Duration:
    """'365d', '52w', '24m' (months) or '2y'; at least 1."""
    m = re.fullmatch(r"\s*(\d{1,6})\s*([dwmy])\s*", str(text).lower())
    if not m or int(m.group(1)) < 1:
        raise DurationError(f"'{text}' is not a duration: use {DURATION_FORMS}")
    return Duration(int(m.group(1)), m.group(2))


# -- files ------------------------------------------------------------------------------------

def _store_error(message: str) -> Exception:
    from orat_tui.store.db import StoreError

    return StoreError(message)


def free_name(path: Path) -> Path:
    """`path`, or `name-2.bak`, `name-3.bak`, ... when it is taken: a backup never replaces
    another one."""
    if not path.exists():
        return path
    stem, suffix = (path.name[:-4], ".bak") if path.name.endswith(".bak") else (path.name, "")
    n = 2
    while (candidate := path.with_name(f"{stem}-{n}{suffix}")).exists():
        n += 1
    return candidate


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-journal")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def backup_sqlite(db: Path, dest: Path, *, force: bool = False) -> Path:
    """Copy the orat database `db` to `dest` with SQLite's online backup API: a consistent
    copy even while a meeting is being saved to it (in WAL mode, the writer goes on). The copy
    is one self-contained file (rollback journal, not WAL), mode 0600; it is written beside
    `dest` under a temporary name and moved into place only when it is complete, so a failed
    backup leaves no half file. An existing `dest` is replaced only with `force`."""
    import sqlite3

    from orat_tui.store.db import precheck_sqlite

    db, dest = Path(db), Path(dest)
    if not db.is_file() or db.stat().st_size == 0:
        raise _store_error(f"{db}: no database there")
    if _same_file(db, dest):
        raise _store_error(f"{dest}: that is the database itself; choose another file")
    if dest.is_dir():
        raise _store_error(f"{dest}: is a folder; name a file")
    if dest.exists() and not force:
        raise _store_error(f"{dest} already exists; add --force to replace it")
    if not dest.parent.is_dir():
        raise _store_error(f"{dest.parent}: no such folder")
    precheck_sqlite(db)
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    _remove(tmp)
    src = out = None
    try:
        os.close(create_private(tmp))
        src = sqlite3.connect(db, timeout=5.0)
        out = sqlite3.connect(tmp)
        src.backup(out)  # pages=-1: every page in one step, from one read snapshot
        out.execute("PRAGMA journal_mode=DELETE")  # the copy is a single file
        check = out.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"the copy fails integrity_check: {check}")
        out.close()
        out = None
        os.replace(tmp, dest)
        fsync_dir(dest.parent)
    except (sqlite3.Error, OSError) as exc:
        raise _store_error(f"{dest}: backup failed ({exc})") from None
    finally:
        for con in (src, out):
            if con is not None:
                con.close()
        _remove(tmp)
    return dest


def backup_before_upgrade(db: Path, revision: str) -> Path:
    """The copy made before an older orat's database gets the new schema:
    `<db>.before-upgrade-<revision>.bak`, never replacing an earlier one."""
    from orat_tui.store.db import StoreError

    dest = free_name(db.with_name(f"{db.name}.before-upgrade-{revision}.bak"))
    try:
        return backup_sqlite(db, dest)
    except StoreError as exc:
        raise StoreError(f"{db}: not upgraded, the backup before the upgrade failed ({exc})") \
            from None


# -- checking a file --------------------------------------------------------------------------

@dataclass(frozen=True)
class DatabaseSummary:
    revision: str
    meetings: int
    newest: datetime | None

    def describe(self) -> str:
        if not self.meetings:
            return "no meetings"
        word = "meeting" if self.meetings == 1 else "meetings"
        newest = f", the newest on {self.newest:%Y-%m-%d}" if self.newest else ""
        return f"{self.meetings} {word}{newest}"


def check_orat_file(path: Path) -> DatabaseSummary:
    """Read a file without changing it and say whether it is a whole orat database this orat
    can use: integrity_check ok, an alembic_version, a schema not newer than this orat's."""
    import sqlite3

    from orat_tui.store.db import known_revision, readonly_uri

    path = Path(path)
    if not path.is_file():
        raise _store_error(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise _store_error(f"{path}: empty file, not an orat database")
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise _store_error(f"{path}: cannot be opened ({exc})") from None
    try:
        check = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if check != ["ok"]:
            raise _store_error(f"{path}: damaged (integrity_check: {check[0]})")
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" not in tables:
            raise _store_error(f"{path}: not an orat database (no alembic_version)")
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise _store_error(f"{path}: not an orat database (no schema version)")
        revision = row[0]
        if not known_revision(revision):
            raise _store_error(f"{path}: made by a newer orat (schema {revision}); update orat")
        meetings, newest = 0, None
        if "meeting" in tables:
            meetings, newest = con.execute("SELECT count(*), max(started_at) FROM meeting").fetchone()
    except sqlite3.DatabaseError as exc:
        raise _store_error(f"{path}: not an orat database ({exc})") from None
    finally:
        con.close()
    try:
        newest = datetime.fromisoformat(newest) if newest else None
    except ValueError:
        newest = None
    return DatabaseSummary(revision, meetings, newest)


# -- restore ----------------------------------------------------------------------------------

def raw_copy(db: Path, dest: Path) -> Path:
    """Byte for byte, the file and its WAL (as `dest` and `dest-wal`), each 0600: the safety
    copy of a database too damaged for the backup API."""
    import shutil

    try:
        for src, out in ((db, dest), (db.with_name(db.name + "-wal"), dest.with_name(dest.name + "-wal"))):
            if src.exists():
                os.close(create_private(out))
                with open(src, "rb") as f, open(out, "r+b") as g:
                    shutil.copyfileobj(f, g)
                    g.flush()
                    os.fsync(g.fileno())
    except OSError as exc:
        raise _store_error(f"{dest}: could not copy the current database ({exc}); "
                           "nothing restored") from None
    return dest


def restore_name(db: Path, now: datetime) -> Path:
    return free_name(db.with_name(f"{db.name}.before-restore-{now:%Y%m%d-%H%M%S}.bak"))


def restore(db: Path, source: Path, now: datetime | None = None) -> Path | None:
    """Replace the database `db` with the orat database `source` (checked first), through the
    backup API, so the file stays the same file (its mode, its WAL). The current database is
    first copied to `<db>.before-restore-<timestamp>.bak`; that copy is returned (None when
    there was no database yet)."""
    import sqlite3

    from orat_tui.store.db import StoreError, precheck_sqlite, prepare_file, readonly_uri

    db, source = Path(db), Path(source)
    now = now or datetime.now()
    check_orat_file(source)
    if _same_file(db, source):
        raise _store_error(f"{source}: that is the database itself")
    safety = None
    if db.exists() and db.stat().st_size > 0:
        precheck_sqlite(db)  # never overwrite a file that is not orat's
        safety = restore_name(db, now)
        try:
            backup_sqlite(db, safety)
        except StoreError:  # a damaged database, say: keep its bytes as they are
            raw_copy(db, safety)
    else:
        prepare_file(db)

    src = out = None
    try:
        src = sqlite3.connect(readonly_uri(source), uri=True)
        out = sqlite3.connect(db, timeout=5.0)
        out.execute("PRAGMA busy_timeout=5000")
        src.backup(out)
        out.execute("PRAGMA journal_mode=WAL")
        check = out.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"integrity_check: {check}")
        out.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        kept = f"; the database before is in {safety}" if safety else ""
        raise _store_error(f"{db}: restore failed ({exc}){kept}") from None
    finally:
        for con in (src, out):
            if con is not None:
                con.close()
    return safety


# -- retention --------------------------------------------------------------------------------

@dataclass(frozen=True)
class PurgedMeeting:
    id: str
    title: str
    started_at: datetime
    state: str


@dataclass(frozen=True)
class PurgeResult:
    cutoff: datetime
    meetings: list[PurgedMeeting]  # deleted (or, in a dry run, those that would be)
    dry_run: bool
    size_before: int | None = None  # bytes of the SQLite file and its WAL
    size_after: int | None = None
    busy: str = ""  # why the space could not be given back this time (another orat, say)


def sqlite_size(db: Path) -> int:
    return sum(p.stat().st_size for p in (db, db.with_name(db.name + "-wal")) if p.exists())


def purge(store, older_than: Duration | str, now: datetime | None = None,
          dry_run: bool = False) -> PurgeResult:
    """Delete the ended and approved meetings (never a live one) that started before `now`
    minus `older_than`, with their attendance, agenda steps and notes (ON DELETE CASCADE);
    the series' actions stay, without the link to a meeting that is gone.
    Then, on SQLite, give the space back: VACUUM and a truncating WAL checkpoint. With
    `dry_run`, only say which meetings would go."""
    from sqlalchemy import delete, update
    from sqlmodel import Session, select

    from orat_tui.domain.meeting import APPROVED, ENDED
    from orat_tui.store.db import sqlite_path
    from orat_tui.store.models import MeetingRow
    from orat_tui.store.models_followup import ActionChangeRow

    if isinstance(older_than, str):
        older_than = parse_duration(older_than)
    now = now or datetime.now()
    cutoff = older_than.before(now)
    wanted = (MeetingRow.state.in_((ENDED, APPROVED)), MeetingRow.started_at < cutoff)
    path = sqlite_path(store.engine.url.render_as_string(hide_password=False))
    before = sqlite_size(path) if path is not None else None
    with Session(store.engine) as s:
        rows = s.exec(select(MeetingRow).where(*wanted).order_by(MeetingRow.started_at)).all()
        gone = [PurgedMeeting(r.id, r.title, r.started_at, r.state) for r in rows]
        if dry_run:
            return PurgeResult(cutoff, gone, dry_run, before, before)
        ids = [m.id for m in gone]
        changes = ActionChangeRow.__table__
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            # actions outlive their meetings (the database sets action.meeting_id to NULL);
            # their trail no longer names a meeting that is gone
            s.exec(update(changes).where(changes.c.meeting_id.in_(chunk)).values(meeting_id=None))
            s.exec(delete(MeetingRow).where(MeetingRow.id.in_(chunk), *wanted))
        s.commit()
    busy = ""
    shrink = path is not None
    if shrink and not gone:  # only if an earlier purge could not give the space back
        with store.engine.connect() as c:
            shrink = bool(c.exec_driver_sql("PRAGMA freelist_count").scalar())
    if shrink:  # the deleted rows are zeroed (secure_delete); now make the file smaller
        from sqlalchemy.exc import OperationalError

        try:
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
                c.exec_driver_sql("VACUUM")
                c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except OperationalError as exc:
            busy = str(exc.orig)
    after = sqlite_size(path) if path is not None else None
    return PurgeResult(cutoff, gone, False, before, after, busy)
