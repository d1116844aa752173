"""Backups, restore, the backup before a schema upgrade, and purging old meetings, on real
SQLite files in tmp_path; and the `orat backup`, `orat restore` and `orat purge` commands."""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, select

from orat_tui import cli
from orat_tui.config import ConfigError, load_user_config
from orat_tui.domain.meeting import APPROVED, ENDED, LIVE, new_meeting, note_slot
from orat_tui.store import maintenance
from orat_tui.store.db import MIGRATIONS, StoreError, head_revision, make_engine, migrate
from orat_tui.store.demo import build_meeting, generate_demo
from orat_tui.store.maintenance import (
    Duration,
    DurationError,
    backup_sqlite,
    check_orat_file,
    parse_duration,
    purge,
    restore,
)
from orat_tui.store.meetings import Store
from orat_tui.store.models import MeetingRow

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "orat-0.1.0.db"
FIXTURE_MEETING = "0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f"
FRIDAY = datetime(2026, 11, 27, 9, 0, 0)
TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 12, 0, 0)


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def sql(path: Path, query: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


def meeting_ids(path: Path) -> set[str]:
    return {r[0] for r in sql(path, "SELECT id FROM meeting")}


def saved_meeting(store: Store, template, when: datetime = FRIDAY, state: str = ENDED):
    sid = store.series_for_template(template, when)
    m = new_meeting(sid, template, when)
    m.state = state
    if state != LIVE:
        m.ended_at = when + timedelta(hours=1)
    m.notes = {note_slot(m.steps[1], "past_week"): f"Inbrott, vecka {when:%V}."}
    store.save(m, now=when)
    return m


# --------------------------------------------------------------------------- durations


@pytest.mark.parametrize(("text", "expected"), [
    ("365d", Duration(365, "d")), ("52w", Duration(52, "w")), ("24m", Duration(24, "m")),
    ("2y", Duration(2, "y")), (" 2Y ", Duration(2, "y")), ("1d", Duration(1, "d")),
])
def test_durations(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", ["", "2", "y", "2x", "-1d", "0d", "1.5y", "two years", "2 years",
                                  "d2", "2y6m"])
def test_what_is_not_a_duration_names_the_accepted_forms(text):
    with pytest.raises(DurationError) as exc:
        parse_duration(text)
    message = str(exc.value)
    assert "365d, 52w, 24m, 2y" in message
    assert "\n" not in message


@pytest.mark.parametrize(("duration", "now", "cutoff"), [
    ("365d", datetime(2026, 11, 28, 12), datetime(2025, 11, 28, 12)),
    ("52w", datetime(2026, 11, 28, 12), datetime(2025, 11, 29, 12)),
    ("24m", datetime(2026, 3, 31, 8), datetime(2024, 3, 31, 8)),
    ("1m", datetime(2026, 3, 31, 8), datetime(2026, 2, 28, 8)),
    ("1m", datetime(2028, 3, 31), datetime(2028, 2, 29)),
    ("13m", datetime(2026, 1, 15), datetime(2024, 12, 15)),
    ("2y", datetime(2028, 2, 29), datetime(2026, 2, 28)),
    ("999999y", datetime(2026, 1, 1), datetime.min),
    ("999999d", datetime(2026, 1, 1), datetime.min),
])
def test_a_duration_before_now_counts_calendar_months_and_years(duration, now, cutoff):
    assert parse_duration(duration).before(now) == cutoff


def test_retention_in_the_user_config(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('language = "sv"\nretention = "2y"\n', encoding="utf-8")
    assert load_user_config(path).retention == "2y"
    path.write_text('language = "sv"\n', encoding="utf-8")
    assert load_user_config(path).retention == ""


@pytest.mark.parametrize("value", ['"2 år"', '"0d"', "2", '"forever"'])
def test_a_bad_retention_names_the_file_the_line_and_the_forms(tmp_path, value):
    path = tmp_path / "config.toml"
    path.write_text(f'language = "sv"\n\nretention = {value}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_user_config(path)
    assert str(exc.value).startswith(f"{path}:3:")
    assert "'retention'" in str(exc.value) and "2y" in str(exc.value)


def test_maintenance_imports_no_database_layer_at_the_top():
    """config.py parses `retention` with it while orat starts: no sqlalchemy then."""
    out = subprocess.run(
        [sys.executable, "-c", "import orat_tui.config, orat_tui.store.maintenance, sys; "
                               "print(sorted(m for m in sys.modules if m.startswith("
                               "('sqlalchemy', 'sqlmodel', 'alembic'))))"],
        capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --------------------------------------------------------------------------- the 0.1.0 fixture


@pytest.fixture
def old_db(tmp_path) -> Path:
    """A copy of the database orat 0.1.0 wrote (never the committed file itself)."""
    db = tmp_path / "orat.db"
    shutil.copyfile(FIXTURE, db)
    db.chmod(0o600)
    return db


def test_the_fixture_is_orat_0_1_0s(tmp_path):
    summary = check_orat_file(FIXTURE)
    assert (summary.revision, summary.meetings) == ("0001", 1)
    assert sql(FIXTURE, "SELECT count(*) FROM note") == [(7,)]


def test_this_orat_opens_the_database_orat_0_1_0_made(old_db):
    engine = make_engine(url_of(old_db))
    backup = migrate(engine)
    if head_revision() == "0001":
        assert backup is None
    else:  # a later orat upgrades it, and keeps the old one
        assert backup == old_db.with_name("orat.db.before-upgrade-0001.bak")
        assert check_orat_file(backup).revision == "0001"
    store = Store(engine)
    try:
        m = store.load(FIXTURE_MEETING)
        assert (m.state, m.title) == (ENDED, "Örat mot marken · Malmö")
        assert m.started_at == datetime(2026, 11, 27, 9, 0)
        assert m.ended_at == datetime(2026, 11, 27, 10, 2, 30)
        assert m.attendee("hvo").present is False
        assert [s.status.value for s in m.steps].count("done") == 8
        police = next(s for s in m.steps if s.member == "polisen")
        assert police.elapsed == 552.5
        assert m.notes[note_slot(police, "past_week")].startswith("Många inbrott i källarförråd")
        assert m.notes[note_slot(None, "pass_on", "hvo")] == \
            "Berätta om bränderna i Holma och helgens insats."
        assert len(m.notes) == 7
        assert [s.name for s in store.list_series()] == ["Örat mot marken · Malmö"]
    finally:
        store.close()


# ------------------------------------------------------------------- backup before an upgrade


PROBE = '''"""probe: a migration only the tests know

Revision ID: 9001
Revises: {down}
"""
import sqlalchemy as sa
from alembic import op

revision = "9001"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
{body}


def downgrade() -> None:
    pass
'''

REBUILD_MEETING = '''    # rebuild the meeting table, as Alembic's batch mode does for most changes on SQLite
    with op.batch_alter_table("meeting", recreate="always") as batch:
        batch.add_column(sa.Column("probe", sa.String(), nullable=True))'''

FAIL_HALFWAY = '''    op.create_table("probe", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("UPDATE meeting SET title = 'changed'")
    raise RuntimeError("the probe migration fails halfway")'''


def migrations_with(tmp_path: Path, body: str) -> Path:
    """orat's migrations and one more on top of the newest: a later orat's schema."""
    where = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, where, ignore=shutil.ignore_patterns("__pycache__"))
    (where / "versions" / "9001_probe.py").write_text(
        PROBE.format(down=head_revision(), body=body), encoding="utf-8")
    return where


def columns(path: Path, table: str) -> set[str]:
    return {r[1] for r in sql(path, f"PRAGMA table_info({table})")}


def test_an_older_database_is_backed_up_before_its_schema_is_upgraded(old_db, tmp_path):
    before = {t: sql(old_db, f"SELECT count(*) FROM {t}")[0][0]
              for t in ("meeting", "attendee", "step", "note")}
    location = migrations_with(tmp_path, REBUILD_MEETING)
    engine = make_engine(url_of(old_db))
    backup = migrate(engine, script_location=location)
    engine.dispose()

    assert backup == tmp_path / "orat.db.before-upgrade-0001.bak"
    assert mode(backup) == 0o600
    assert check_orat_file(backup).revision == "0001"  # made BEFORE the upgrade
    assert "probe" not in columns(backup, "meeting")
    assert meeting_ids(backup) == {FIXTURE_MEETING}

    assert sql(old_db, "SELECT version_num FROM alembic_version") == [("9001",)]
    assert "probe" in columns(old_db, "meeting")
    # rebuilding the meeting table did not cascade-delete what belongs to the meeting
    after = {t: sql(old_db, f"SELECT count(*) FROM {t}")[0][0] for t in before}
    assert after == before
    assert sql(old_db, "PRAGMA foreign_key_check") == []


def test_at_the_newest_schema_and_for_a_new_database_no_backup_is_made(tmp_path):
    db = tmp_path / "orat.db"
    engine = make_engine(url_of(db))
    assert migrate(engine) is None  # new
    assert migrate(engine) is None  # at head
    engine.dispose()
    assert sorted(p.name for p in tmp_path.iterdir() if ".bak" in p.name) == []


def test_an_earlier_upgrade_backup_is_never_replaced(old_db, tmp_path):
    earlier = tmp_path / "orat.db.before-upgrade-0001.bak"
    earlier.write_bytes(b"an earlier backup")
    engine = make_engine(url_of(old_db))
    backup = migrate(engine, script_location=migrations_with(tmp_path, REBUILD_MEETING))
    engine.dispose()
    assert backup == tmp_path / "orat.db.before-upgrade-0001-2.bak"
    assert earlier.read_bytes() == b"an earlier backup"


def test_no_upgrade_without_the_backup(old_db, tmp_path, monkeypatch):
    def full_disk(db, dest, **_):
        raise StoreError(f"{dest}: backup failed (database or disk is full)")

    monkeypatch.setattr(maintenance, "backup_sqlite", full_disk)
    engine = make_engine(url_of(old_db))
    with pytest.raises(StoreError) as exc:
        migrate(engine, script_location=migrations_with(tmp_path, REBUILD_MEETING))
    engine.dispose()
    assert "not upgraded" in str(exc.value) and "\n" not in str(exc.value)
    assert sql(old_db, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert "probe" not in columns(old_db, "meeting")


def test_a_failing_migration_is_undone_and_the_backup_stays(old_db, tmp_path):
    schema = sql(old_db, "SELECT type, name, sql FROM sqlite_master ORDER BY name")
    engine = make_engine(url_of(old_db))
    with pytest.raises(StoreError) as exc:
        migrate(engine, script_location=migrations_with(tmp_path, FAIL_HALFWAY))
    engine.dispose()
    message = str(exc.value)
    assert "failed and was undone" in message and "orat.db.before-upgrade-0001.bak" in message
    assert "\n" not in message
    assert sql(old_db, "SELECT version_num FROM alembic_version") == [("0001",)]
    # every migration on the way was undone, its DDL too (not only the failing one's)
    assert sql(old_db, "SELECT type, name, sql FROM sqlite_master ORDER BY name") == schema
    assert sql(old_db, "SELECT title FROM meeting") == [("Örat mot marken · Malmö",)]
    assert (tmp_path / "orat.db.before-upgrade-0001.bak").exists()


# --------------------------------------------------------------------------- backup


def test_a_backup_taken_while_another_connection_writes_is_consistent(tmp_path, malmo):
    db = tmp_path / "orat.db"
    first = Store.open(url_of(db))
    earlier = {saved_meeting(first, malmo, FRIDAY - timedelta(weeks=week)).id for week in range(3)}
    first.close()

    writer = Store.open(url_of(db))  # another engine: its own connections
    sid = writer.series_for_template(malmo, FRIDAY)
    committed: list[str] = []
    stop = threading.Event()
    errors: list[BaseException] = []

    def write() -> None:
        day = TODAY
        try:
            while not stop.is_set():
                day -= timedelta(days=7)
                m = build_meeting(malmo, sid, day, seed=len(committed))
                writer.save(m, now=m.ended_at)
                committed.append(m.id)
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)

    thread = threading.Thread(target=write)
    thread.start()
    try:
        while len(committed) < 5:
            stop.wait(0.01)
        before = earlier | set(committed)  # committed before the backup began
        copy = backup_sqlite(db, tmp_path / "copy.bak")
        after = len(committed)
        while len(committed) < after + 2 and thread.is_alive():  # the writer is not blocked
            stop.wait(0.01)
    finally:
        stop.set()
        thread.join()
        writer.close()
    assert not errors, errors
    assert len(committed) >= after + 2

    assert sql(copy, "PRAGMA integrity_check") == [("ok",)]
    assert sql(copy, "PRAGMA journal_mode") == [("delete",)]
    ids = meeting_ids(copy)
    assert before <= ids
    assert ids <= before | set(committed)
    # every meeting in the copy is whole: no meeting without its steps or attendees
    assert sql(copy, "SELECT count(*) FROM meeting m WHERE NOT EXISTS "
                     "(SELECT 1 FROM step s WHERE s.meeting_id = m.id)") == [(0,)]
    store = Store.open(url_of(copy))
    try:
        for mid in before:
            assert store.load(mid).state == ENDED
    finally:
        store.close()
    assert {p.name for p in tmp_path.iterdir()} >= {"copy.bak"}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_backup_does_not_replace_a_file_without_force(tmp_path, malmo):
    db = tmp_path / "orat.db"
    store = Store.open(url_of(db))
    saved_meeting(store, malmo)
    store.close()
    dest = tmp_path / "copy.bak"
    dest.write_text("keep me")
    with pytest.raises(StoreError) as exc:
        backup_sqlite(db, dest)
    assert "--force" in str(exc.value)
    assert dest.read_text() == "keep me"
    backup_sqlite(db, dest, force=True)
    assert check_orat_file(dest).meetings == 1


@pytest.mark.parametrize("case", ["no database", "into itself", "no folder", "a folder"])
def test_a_backup_that_cannot_be_made_says_why_in_one_line(tmp_path, malmo, case):
    db = tmp_path / "orat.db"
    if case != "no database":
        store = Store.open(url_of(db))
        saved_meeting(store, malmo)
        store.close()
    dest = {"no database": tmp_path / "x.bak", "into itself": db,
            "no folder": tmp_path / "nowhere" / "x.bak", "a folder": tmp_path}[case]
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StoreError) as exc:
        backup_sqlite(db, dest)
    assert "\n" not in str(exc.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


# --------------------------------------------------------------------------- restore


def test_restore_round_trip(tmp_path, malmo, monkeypatch):
    db = tmp_path / "orat.db"
    store = Store.open(url_of(db))
    kept = saved_meeting(store, malmo, FRIDAY - timedelta(weeks=1))
    copy = backup_sqlite(db, tmp_path / "copy.bak")
    lost = saved_meeting(store, malmo, FRIDAY)
    store.close()

    safety = restore(db, copy, now=NOW)
    assert safety == tmp_path / "orat.db.before-restore-20261128-120000.bak"
    assert meeting_ids(safety) == {kept.id, lost.id}
    assert mode(db) == 0o600 and mode(safety) == 0o600
    assert sql(db, "PRAGMA journal_mode") == [("wal",)]
    store = Store.open(url_of(db))
    try:
        assert {m.id for m in store.recent_meetings()} == {kept.id}
        assert store.load(kept.id).notes == kept.notes
    finally:
        store.close()


def test_restore_into_a_store_that_is_open(tmp_path, malmo):
    """An open engine sees the restored data (the backup API writes through SQLite)."""
    db = tmp_path / "orat.db"
    store = Store.open(url_of(db))
    kept = saved_meeting(store, malmo, FRIDAY - timedelta(weeks=1))
    copy = backup_sqlite(db, tmp_path / "copy.bak")
    saved_meeting(store, malmo, FRIDAY)
    restore(db, copy, now=NOW)
    try:
        assert {m.id for m in store.recent_meetings()} == {kept.id}
    finally:
        store.close()


def test_restore_into_no_database_yet(tmp_path, malmo):
    source = tmp_path / "src.db"
    store = Store.open(url_of(source))
    m = saved_meeting(store, malmo)
    store.close()
    db = tmp_path / "new" / "orat.db"
    assert restore(db, source, now=NOW) is None
    assert meeting_ids(db) == {m.id}
    assert mode(db) == 0o600 and mode(db.parent) == 0o700


def foreign_files(tmp_path: Path) -> dict[str, Path]:
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    empty = tmp_path / "empty.db"
    empty.touch()
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE kunder (id INTEGER PRIMARY KEY, namn TEXT)")
    con.commit()
    con.close()
    newer = tmp_path / "newer.db"
    s = Store.open(url_of(newer))
    s.close()
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    return {"junk": junk, "empty": empty, "other": other, "newer": newer,
            "missing": tmp_path / "missing.db"}


@pytest.mark.parametrize(("kind", "says"), [
    ("junk", "not an orat database"), ("empty", "not an orat database"),
    ("other", "not an orat database"), ("newer", "newer orat"), ("missing", "no such file"),
])
def test_restore_refuses_a_file_that_is_not_an_orat_database(tmp_path, malmo, kind, says):
    db = tmp_path / "orat.db"
    store = Store.open(url_of(db))
    saved_meeting(store, malmo)
    store.close()
    before = db.read_bytes()
    source = foreign_files(tmp_path)[kind]
    with pytest.raises(StoreError) as exc:
        restore(db, source, now=NOW)
    assert says in str(exc.value) and "\n" not in str(exc.value)
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*.bak"))


def test_restore_never_overwrites_a_file_that_is_not_orats(tmp_path, malmo):
    source = tmp_path / "src.db"
    store = Store.open(url_of(source))
    saved_meeting(store, malmo)
    store.close()
    other = foreign_files(tmp_path)["other"]
    before = other.read_bytes()
    with pytest.raises(StoreError, match="not an orat database"):
        restore(other, source, now=NOW)
    assert other.read_bytes() == before


def test_restore_over_a_damaged_database_keeps_its_bytes(tmp_path):
    db = tmp_path / "orat.db"
    store = Store.open(url_of(db))
    generate_demo(store, weeks=2, today=TODAY)
    copy = backup_sqlite(db, tmp_path / "copy.bak")
    store.close()
    with open(db, "r+b") as f:  # scribble over a page in the middle
        f.seek(4096 * 10)
        f.write(b"\xff" * 4096)
    damaged = db.read_bytes()
    try:
        assert sql(db, "PRAGMA integrity_check") != [("ok",)]
    except sqlite3.DatabaseError as exc:
        assert "malformed" in str(exc)
    safety = restore(db, copy, now=NOW)
    assert safety.read_bytes() == damaged
    assert mode(safety) == 0o600
    assert sql(db, "PRAGMA integrity_check") == [("ok",)]


# --------------------------------------------------------------------------- purge


@pytest.fixture(scope="module")
def year_of_meetings(tmp_path_factory) -> Path:
    """52 weeks of demo history for every shipped template, made once and copied per test."""
    folder = tmp_path_factory.mktemp("year")
    db = folder / "orat.db"
    store = Store.open(url_of(db))
    generate_demo(store, weeks=52, today=TODAY)
    store.close()
    return db


@pytest.fixture
def year(year_of_meetings, tmp_path, malmo) -> Store:
    db = tmp_path / "orat.db"
    shutil.copyfile(year_of_meetings, db)
    store = Store.open(url_of(db))
    yield store
    store.close()


def rows_of(store: Store) -> dict[str, int]:
    return {t: sql(Path(store.engine.url.database), f"SELECT count(*) FROM {t}")[0][0]
            for t in ("meeting", "attendee", "step", "note")}


def tables_of_a_meeting(db: Path) -> list[str]:
    """Every table with a meeting_id (attendee, step, note, and whatever later schemas add)."""
    tables = [r[0] for r in sql(db, "SELECT name FROM sqlite_master WHERE type='table'")]
    return [t for t in tables if "meeting_id" in {r[1] for r in sql(db, f"PRAGMA table_info({t})")}]


def orphans(db: Path) -> int:
    return sum(sql(db, f"SELECT count(*) FROM {t} WHERE meeting_id NOT IN "
                       "(SELECT id FROM meeting)")[0][0]
               for t in tables_of_a_meeting(db))


def test_purge_deletes_old_ended_meetings_with_all_that_belongs_to_them(year, malmo):
    db = Path(year.engine.url.database)
    old_live = saved_meeting(year, malmo, datetime(2025, 1, 10, 9), state=LIVE)
    old_approved = saved_meeting(year, malmo, datetime(2025, 1, 3, 9), state=APPROVED)
    with Session(year.engine) as s:
        started = s.exec(select(MeetingRow.started_at, MeetingRow.state)).all()
    cutoff = datetime(2026, 5, 28, 12)  # 6 months before NOW
    expected = sum(1 for t, st in started if t < cutoff and st in (ENDED, APPROVED))
    assert 50 < expected < len(started) - 50

    result = purge(year, "6m", now=NOW)
    assert result.cutoff == cutoff
    assert len(result.meetings) == expected
    assert old_approved.id in {m.id for m in result.meetings}
    with Session(year.engine) as s:
        left = s.exec(select(MeetingRow)).all()
    assert len(left) == len(started) - expected
    assert all(m.started_at >= cutoff or m.state == LIVE for m in left)
    assert old_live.id in {m.id for m in left}
    assert year.load(old_live.id).notes == old_live.notes
    assert {"attendee", "step", "note"} <= set(tables_of_a_meeting(db))
    assert orphans(db) == 0
    assert sql(db, "PRAGMA foreign_key_check") == []


def test_purge_gives_the_space_back(year):
    db = Path(year.engine.url.database)
    size = db.stat().st_size
    result = purge(year, "4w", now=NOW)
    assert len(result.meetings) > 100
    assert result.size_after < result.size_before / 3
    assert db.stat().st_size < size / 3
    wal = db.with_name("orat.db-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert sql(db, "PRAGMA freelist_count") == [(0,)]
    assert sql(db, "PRAGMA integrity_check") == [("ok",)]


def test_a_dry_run_deletes_nothing(year):
    before = rows_of(year)
    dry = purge(year, "6m", now=NOW, dry_run=True)
    assert dry.dry_run and len(dry.meetings) > 50
    assert rows_of(year) == before
    real = purge(year, "6m", now=NOW)
    assert [m.id for m in real.meetings] == [m.id for m in dry.meetings]


def test_when_the_database_is_busy_the_space_is_given_back_by_a_later_purge(year):
    """Another orat holds the write lock just when VACUUM runs: the meetings are deleted all
    the same, the purge says why the file did not shrink, and the next purge shrinks it."""
    from sqlalchemy import event

    db = Path(year.engine.url.database)
    holder = sqlite3.connect(db, isolation_level=None)

    def lock_first(conn, cursor, statement, *_):
        if statement == "VACUUM":
            cursor.execute("PRAGMA busy_timeout=50")
            holder.execute("BEGIN IMMEDIATE")

    event.listen(year.engine, "before_cursor_execute", lock_first)
    try:
        result = purge(year, "4w", now=NOW)
    finally:
        event.remove(year.engine, "before_cursor_execute", lock_first)
        holder.execute("ROLLBACK")
        holder.close()
    assert len(result.meetings) > 100 and "locked" in result.busy
    assert sql(db, "PRAGMA freelist_count")[0][0] > 0
    year.engine.dispose()  # the connection whose busy_timeout the test lowered
    again = purge(year, "4w", now=NOW)
    assert again.meetings == [] and not again.busy
    assert sql(db, "PRAGMA freelist_count") == [(0,)]
    assert again.size_after < again.size_before / 3


def test_purge_with_nothing_old_enough(year):
    before = rows_of(year)
    result = purge(year, Duration(2, "y"), now=NOW)
    assert result.meetings == [] and rows_of(year) == before


# --------------------------------------------------------------------------- the commands


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def one_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.startswith("orat: ") and err.count("\n") == 1, err
    return err


@pytest.fixture
def cli_db(tmp_path, malmo) -> Path:
    db = tmp_path / "orat.db"
    store = Store.open(url_of(db))
    saved_meeting(store, malmo, datetime(2024, 1, 5, 9))
    saved_meeting(store, malmo, FRIDAY)
    store.close()
    return db


def test_orat_backup(cli_db, tmp_path, capsys):
    dest = tmp_path / "copy.bak"
    assert cli.main(["backup", str(dest), "--db", str(cli_db)]) == 0
    assert str(dest) in capsys.readouterr().out
    assert mode(dest) == 0o600 and check_orat_file(dest).meetings == 2
    assert cli.main(["--db", str(cli_db), "backup", str(dest)]) == 2
    assert "already exists; add --force" in one_error(capsys)
    assert cli.main(["backup", str(dest), "--force", "--db", str(cli_db)]) == 0


def test_orat_backup_of_a_database_server(capsys):
    assert cli.main(["backup", "x.bak", "--db", "postgresql+psycopg://orat@localhost/orat"]) == 2
    assert one_error(capsys) == \
        "orat: backup works on SQLite files; use pg_dump for PostgreSQL\n"


def test_orat_backup_without_a_database(tmp_path, capsys):
    assert cli.main(["backup", str(tmp_path / "x.bak"), "--db", str(tmp_path / "none.db")]) == 2
    assert "no database at" in one_error(capsys)
    assert not (tmp_path / "none.db").exists()


def test_orat_restore_off_a_terminal_needs_yes(cli_db, tmp_path, monkeypatch, capsys):
    copy = backup_sqlite(cli_db, tmp_path / "copy.bak")
    before = cli_db.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.StringIO("yes\n"))  # piped, not typed
    assert cli.main(["restore", str(copy), "--db", str(cli_db)]) == 2
    assert "--yes" in one_error(capsys)
    assert cli_db.read_bytes() == before
    assert cli.main(["restore", str(copy), "--yes", "--db", str(cli_db)]) == 0
    out = capsys.readouterr().out
    assert "before-restore-" in out
    assert len(list(tmp_path.glob("orat.db.before-restore-*.bak"))) == 1


def test_orat_restore_asks_on_a_terminal(cli_db, tmp_path, monkeypatch, capsys):
    copy = backup_sqlite(cli_db, tmp_path / "copy.bak")
    monkeypatch.setattr(sys, "stdin", Terminal("no\n"))
    assert cli.main(["restore", str(copy), "--db", str(cli_db)]) == 1
    out = capsys.readouterr().out
    assert "2 meetings, the newest on 2026-11-27" in out and "Nothing restored." in out
    assert not list(tmp_path.glob("*.before-restore-*"))
    monkeypatch.setattr(sys, "stdin", Terminal("yes\n"))
    assert cli.main(["restore", str(copy), "--db", str(cli_db)]) == 0
    assert len(list(tmp_path.glob("orat.db.before-restore-*.bak"))) == 1


def test_orat_restore_refuses_a_file_that_is_not_orats(cli_db, tmp_path, capsys):
    junk = foreign_files(tmp_path)["junk"]
    assert cli.main(["restore", str(junk), "--yes", "--db", str(cli_db)]) == 2
    assert "not an orat database" in one_error(capsys)


def test_orat_purge(cli_db, capsys):
    assert cli.main(["purge", "--older-than", "2y", "--dry-run", "--db", str(cli_db)]) == 0
    out = capsys.readouterr().out
    assert "2024-01-05 09:00  ended     Örat mot marken · Malmö" in out
    assert "1 ended meeting started before" in out and "dry run" in out
    assert len(meeting_ids(cli_db)) == 2
    assert cli.main(["purge", "--older-than", "2y", "--db", str(cli_db)]) == 0
    assert "deleted 1 ended meeting started before" in capsys.readouterr().out
    assert len(meeting_ids(cli_db)) == 1


def test_orat_purge_takes_retention_from_the_config(cli_db, isolated_home, capsys):
    config = isolated_home / "config" / "orat" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('retention = "24m"\n', encoding="utf-8")
    assert cli.main(["purge", "--db", str(cli_db)]) == 0
    assert "deleted 1 ended meeting" in capsys.readouterr().out


def test_orat_purge_with_no_age_says_how_to_give_one(cli_db, capsys):
    assert cli.main(["purge", "--db", str(cli_db)]) == 2
    err = one_error(capsys)
    assert "--older-than 2y" in err and "retention" in err and "config.toml" in err
    assert len(meeting_ids(cli_db)) == 2


@pytest.mark.parametrize("bad", ["3x", "2 years", "0d", "12"])
def test_orat_purge_with_a_bad_age(cli_db, capsys, bad):
    assert cli.main(["purge", "--older-than", bad, "--db", str(cli_db)]) == 2
    assert "365d, 52w, 24m, 2y" in one_error(capsys)
    assert len(meeting_ids(cli_db)) == 2
