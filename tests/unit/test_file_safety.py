"""What orat leaves on disk, on a real SQLite file: modes of the database, its -wal and -shm,
the folder orat makes and every backup; secure_delete, so text taken out of a note is not left
in the file's free pages."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

import pytest

from sqlalchemy import event

from orat_tui.domain.meeting import new_meeting, note_slot
from orat_tui.store.db import _sqlite_pragmas, make_engine, migrate
from orat_tui.store.maintenance import backup_sqlite, restore
from orat_tui.store.meetings import Store

FRIDAY = datetime(2026, 11, 27, 9, 0, 0)
PNR = "19121212-1212"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def open_with_a_write(db: Path, malmo) -> Store:
    """A store with a meeting saved and the connection still open (so -wal and -shm exist)."""
    store = Store.open(f"sqlite:///{db}")
    sid = store.series_for_template(malmo, FRIDAY)
    store.save(new_meeting(sid, malmo, FRIDAY), now=FRIDAY)
    return store


def test_database_wal_shm_and_folder_are_private_under_a_lax_umask(tmp_path, umask_022, malmo):
    db = tmp_path / "new" / "orat.db"
    store = open_with_a_write(db, malmo)
    try:
        names = {p.name for p in db.parent.iterdir()}
        assert {"orat.db", "orat.db-wal", "orat.db-shm"} <= names
        for name in names:
            assert mode(db.parent / name) == 0o600, name
        assert mode(db.parent) == 0o700
    finally:
        store.close()


def test_the_folder_orat_makes_is_0700_whatever_the_umask(tmp_path):
    old = os.umask(0o277)  # mkdir(mode=0o700) alone would give 0o500
    try:
        db = tmp_path / "made" / "orat.db"
        Store.open(f"sqlite:///{db}").close()
    finally:
        os.umask(old)
    assert mode(db.parent) == 0o700
    assert mode(db) == 0o600


@pytest.mark.parametrize("db_mode", [0o600, 0o640])
def test_sqlite_gives_wal_and_shm_the_mode_of_the_database_file(tmp_path, umask_022, malmo,
                                                                db_mode):
    """Why a 0600 database is enough: SQLite creates -wal and -shm with the database file's
    mode (0640 here shows it copies the mode and does not just apply the umask)."""
    db = tmp_path / "orat.db"
    db.touch()
    db.chmod(db_mode)
    store = open_with_a_write(db, malmo)
    try:
        for side in ("orat.db-wal", "orat.db-shm"):
            assert mode(tmp_path / side) == db_mode, side
    finally:
        store.close()


def test_an_existing_database_file_keeps_its_mode(tmp_path, umask_022):
    db = tmp_path / "orat.db"
    db.touch()
    db.chmod(0o640)
    Store.open(f"sqlite:///{db}").close()
    assert mode(db) == 0o640


def test_a_backup_is_0600_also_when_it_replaces_a_readable_file(tmp_path, umask_022, malmo):
    db = tmp_path / "orat.db"
    open_with_a_write(db, malmo).close()
    fresh = backup_sqlite(db, tmp_path / "fresh.bak")
    assert mode(fresh) == 0o600
    old = tmp_path / "old.bak"
    old.write_text("an old copy")
    old.chmod(0o644)
    backup_sqlite(db, old, force=True)
    assert mode(old) == 0o600
    assert {p.name for p in tmp_path.iterdir()} == {"orat.db", "fresh.bak", "old.bak"}


def test_the_safety_copy_before_a_restore_is_0600(tmp_path, umask_022, malmo):
    db = tmp_path / "orat.db"
    open_with_a_write(db, malmo).close()
    copy = backup_sqlite(db, tmp_path / "copy.bak")
    safety = restore(db, copy, now=FRIDAY)
    assert safety.name == "orat.db.before-restore-20261127-090000.bak"
    assert mode(safety) == 0o600
    assert mode(db) == 0o600


def engine_where_sqlite_deletes_lazily(db: Path, orat_hook: bool = True):
    """orat's engine, with secure_delete first turned OFF on every new connection (before
    orat's own connect hook runs): the SQLite of many systems is built that way, Debian's is
    not. Without `orat_hook`, only the lax setting."""
    engine = make_engine(f"sqlite:///{db}")

    def lax(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA secure_delete=OFF")

    if not orat_hook:
        event.remove(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "connect", _lax_but_wal)
    event.listen(engine, "connect", lax, insert=True)
    migrate(engine)
    return engine


def _lax_but_wal(dbapi_conn, _record):
    dbapi_conn.execute("PRAGMA journal_mode=WAL")
    dbapi_conn.execute("PRAGMA foreign_keys=ON")


def test_secure_delete_is_on_for_every_connection(tmp_path):
    engine = engine_where_sqlite_deletes_lazily(tmp_path / "orat.db")
    for _ in range(2):
        with engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        engine.dispose()


def files_hold(folder: Path, needle: bytes) -> list[str]:
    return [p.name for p in folder.iterdir() if p.is_file() and needle in p.read_bytes()]


def redact_a_note(store: Store, malmo) -> None:
    sid = store.series_for_template(malmo, FRIDAY)
    m = new_meeting(sid, malmo, FRIDAY)
    slot = note_slot(m.steps[1], "past_week")
    m.notes = {slot: f"Ärende gällande {PNR}, se vidare. " + "Inbrott i Rosengård. " * 40}
    store.save(m, now=FRIDAY)
    m.notes[slot] = "Ärende på individnivå, tas utanför mötet."  # the chair cut the sentence
    store.save(m, now=FRIDAY)
    store.close()  # the last connection checkpoints the WAL into the file


def test_a_personal_number_taken_out_of_a_note_does_not_linger_in_the_file(tmp_path, malmo):
    db = tmp_path / "orat.db"
    redact_a_note(Store(engine_where_sqlite_deletes_lazily(db)), malmo)
    assert files_hold(tmp_path, PNR.encode()) == []
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM note WHERE text LIKE '%individnivå%'").fetchone() \
        == (1,)
    con.close()


def test_without_secure_delete_it_would_linger(tmp_path, malmo):
    """The control: the test above can fail."""
    redact_a_note(Store(engine_where_sqlite_deletes_lazily(tmp_path / "orat.db", orat_hook=False)),
                  malmo)
    assert files_hold(tmp_path, PNR.encode()) == ["orat.db"]
