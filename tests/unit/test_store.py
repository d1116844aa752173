"""The store (orat_tui.store) on a real SQLite file in tmp_path: the engine's PRAGMAs and
file mode, migrations and refusing files that are not orat's, and saving and loading a
meeting made by the domain."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import stat
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlmodel import Session, select

from orat_tui.domain.agenda import AgendaWalk, Status
from orat_tui.domain.meeting import ENDED, Attendee, new_meeting, note_slot
from orat_tui.store.db import StoreError, head_revision, make_engine, migrate, sqlite_path
from orat_tui.store.meetings import Store
from orat_tui.store.models import AttendeeRow, MeetingRow, NoteRow, Series, StepRow

FRIDAY = datetime(2026, 11, 27, 9, 0, 0)
from orat_tui.store.search import SEARCH_TABLES  # noqa: E402

TABLES = {"alembic_version", "series", "meeting", "attendee", "step", "note", "audit"} | SEARCH_TABLES
TABLES |= {"prepared_input"}  # prepared input (orat_tui.store.models_intake)
TABLES |= {"area", "area_level", "combined_level", "signal_rating", "event"}  # the picture
TABLES |= {"promise", "promise_area", "commitment", "commitment_entry"}  # citizen promises
TABLES |= {"action", "action_change", "note_focus"}  # the follow-up


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


def schema(engine) -> dict:
    with engine.connect() as c:
        if c.dialect.name != "sqlite":
            found = inspect(c)
            return {t: ([(col["name"], str(col["type"]), col["nullable"])
                         for col in found.get_columns(t)],
                        sorted((i["name"], tuple(i["column_names"])) for i in found.get_indexes(t)))
                    for t in found.get_table_names()}
        return {
            name: sql
            for name, sql in c.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master ORDER BY name").all()
        }


def is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except (ValueError, TypeError):
        return False


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# --------------------------------------------------------------------------- the engine


def test_pragmas_on_every_connection(tmp_path):
    engine = make_engine(url_of(tmp_path / "orat.db"))
    migrate(engine)
    for _ in range(2):
        with engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        engine.dispose()  # the next round gets a fresh connection


@pytest.mark.sqlite_only
def test_the_store_engine_has_the_pragmas(store):
    with store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA synchronous").scalar() == 2


def test_a_new_database_is_readable_by_its_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        db = tmp_path / "new" / "folder" / "orat.db"
        store = Store.open(url_of(db))
        store.close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    for side in ("orat.db-wal", "orat.db-shm"):
        p = db.parent / side
        if p.exists():
            assert stat.S_IMODE(p.stat().st_mode) & 0o077 == 0, side


def test_an_existing_folder_keeps_its_mode(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    Store.open(url_of(folder / "orat.db")).close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert stat.S_IMODE((folder / "orat.db").stat().st_mode) == 0o600


def test_sqlite_path():
    assert sqlite_path("sqlite:////var/lib/orat.db") == Path("/var/lib/orat.db")
    assert sqlite_path("postgresql+psycopg://u@h/db") is None


def test_a_database_url_that_is_not_sqlite_makes_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    try:
        make_engine("postgresql://orat@localhost/orat")
    except Exception:  # noqa: BLE001 - no driver installed is fine: only the files matter
        pass
    assert files_in(tmp_path) == set()


def test_an_in_memory_database_makes_no_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = Store.open("sqlite:///:memory:")
    store.close()
    assert files_in(tmp_path) == set()


# --------------------------------------------------------------------------- migrations


def tables_of(dialect: str) -> set[str]:
    """orat's tables on that database (SQLite's full-text index is tables of its own)."""
    return TABLES if dialect == "sqlite" else TABLES - SEARCH_TABLES


def test_migrate_creates_the_schema_at_head(db_url):
    engine = make_engine(db_url)
    migrate(engine)
    with engine.connect() as c:
        assert set(inspect(c).get_table_names()) == tables_of(c.dialect.name)
        assert c.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() \
            == head_revision()
    assert head_revision() >= "0003"


def test_migrate_twice_is_a_no_op(db_url, malmo):
    store = Store.open(db_url)
    sid = store.series_for_template(malmo, FRIDAY)
    before = schema(store.engine)
    migrate(store.engine)
    migrate(store.engine)
    assert schema(store.engine) == before
    store.close()
    again = Store.open(db_url)
    assert schema(again.engine) == before
    assert again.series_for_template(malmo, FRIDAY) == sid
    with again.engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar() == 1
    again.close()


def test_the_migration_matches_the_models(db_url):
    """What Alembic's autogenerate would write next: nothing. Otherwise the models and
    0001 disagree and the next `alembic revision --autogenerate` drops or changes things."""
    from alembic.autogenerate import compare_metadata

    from orat_tui.store.search import include_name
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    engine = make_engine(db_url)
    migrate(engine)
    with engine.connect() as c:
        context = MigrationContext.configure(c, opts={"include_name": include_name})
        diffs = compare_metadata(context, SQLModel.metadata)
    assert diffs == []


def test_the_migration_enforces_one_note_per_slot(store, malmo):
    m = saved_meeting(store, malmo)
    with pytest.raises(Exception):  # noqa: B017 - IntegrityError, whichever wrapper
        with Session(store.engine) as s:
            for _ in range(2):
                s.add(NoteRow(id=str(uuid.uuid4()), meeting_id=m.id, slot="same",
                              text="x", updated_at=FRIDAY))
            s.commit()


def test_random_bytes_are_not_a_database_and_stay_untouched(tmp_path):
    db = tmp_path / "orat.db"
    junk = os.urandom(8192)
    db.write_bytes(junk)
    with pytest.raises(StoreError) as exc:
        Store.open(url_of(db))
    assert "not an orat database" in str(exc.value)
    assert "\n" not in str(exc.value)
    assert db.read_bytes() == junk
    assert files_in(tmp_path) == {"orat.db"}


def test_a_text_file_is_not_a_database(tmp_path):
    db = tmp_path / "notes.md"
    db.write_text("# Möte fredag\n" * 200, encoding="utf-8")
    before = db.read_bytes()
    with pytest.raises(StoreError):
        Store.open(url_of(db))
    assert db.read_bytes() == before


def other_sqlite_file(path: Path) -> bytes:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE kunder (id INTEGER PRIMARY KEY, namn TEXT)")
    con.execute("INSERT INTO kunder (namn) VALUES ('Anna')")
    con.commit()
    con.close()
    return path.read_bytes()


def test_another_programs_sqlite_file_is_refused(tmp_path):
    db = tmp_path / "other.db"
    other_sqlite_file(db)
    with pytest.raises(StoreError) as exc:
        Store.open(url_of(db))
    assert "not an orat database" in str(exc.value)
    con = sqlite3.connect(db)
    assert con.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall() \
        == [("kunder",)]
    con.close()


def test_another_programs_sqlite_file_is_left_exactly_as_it_was(tmp_path):
    db = tmp_path / "other.db"
    before = other_sqlite_file(db)
    with pytest.raises(StoreError):
        Store.open(url_of(db))
    assert db.read_bytes() == before
    assert files_in(tmp_path) == {"other.db"}


def newer_database(path: Path) -> None:
    store = Store.open(url_of(path))
    with store.engine.begin() as c:
        c.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    store.close()


def test_a_database_from_a_newer_orat_is_refused(tmp_path):
    db = tmp_path / "orat.db"
    newer_database(db)
    with pytest.raises(StoreError) as exc:
        Store.open(url_of(db))
    assert "newer orat" in str(exc.value)
    assert "9999" in str(exc.value)


def test_a_database_from_a_newer_orat_is_not_changed(tmp_path):
    db = tmp_path / "orat.db"
    newer_database(db)
    with pytest.raises(StoreError, match="newer orat"):
        Store.open(url_of(db))
    con = sqlite3.connect(db)
    assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999",)]
    con.close()


# --------------------------------------------------------------------------- meetings


def saved_meeting(store: Store, template, now: datetime = FRIDAY):
    sid = store.series_for_template(template, now)
    m = new_meeting(sid, template, now)
    store.save(m, now=now)
    return m


def test_a_new_meeting_loads_back_equal(store, malmo):
    m = saved_meeting(store, malmo)
    loaded = store.load(m.id)
    assert loaded == m
    assert [a.key for a in loaded.attendees] == [x.key for x in malmo.members]
    assert loaded.steps[1].prompts == malmo.steps[1].prompts
    assert loaded.planned_end == FRIDAY + timedelta(minutes=60)


def test_a_meeting_in_progress_loads_back_equal(store, malmo, clock):
    sid = store.series_for_template(malmo, clock.now())
    m = new_meeting(sid, malmo, clock.now())
    m.attendee("hvo").present = False
    m.attendees.append(Attendee("fastighetsagare", "Fastighetsägare", "Fastighetsägare",
                                kind="guest"))
    walk = AgendaWalk(m.steps, warning_share=m.warning_share, now=clock.monotonic())
    walk.set_absent("hvo", True)
    walk.add_turn("fastighetsagare", 120, ("past_week", "coming_week"))
    clock.advance(150)
    walk.go_next(clock.monotonic())  # roll call 150 s
    clock.advance(500)
    walk.add_time(60, clock.monotonic())
    walk.go_next(clock.monotonic())  # police 500 s of 540
    walk.skip(clock.monotonic())  # rescue service skipped
    walk.move(walk.index + 1, +1)
    clock.advance(42.5)
    walk.sync(clock.monotonic())
    m.current_index = walk.index
    police = m.steps[1]
    m.notes = {
        note_slot(police, "past_week"): "Många inbrott i Rosengård.",
        note_slot(police, "coming_week"): "Helgen: förstärkt närvaro.",
        note_slot(None, "pass_on", "hvo"): "Berätta om inbrotten.",
    }
    store.save(m, now=clock.now())

    loaded = store.load(m.id)
    assert loaded == m
    assert [s.status for s in loaded.steps[:4]] == [
        Status.DONE, Status.DONE, Status.SKIPPED, Status.CURRENT]
    assert loaded.steps[1].elapsed == 500 and loaded.steps[1].budget == 540
    assert loaded.steps[3].elapsed == 42.5
    assert Status.ABSENT in {s.status for s in loaded.steps}
    assert loaded.attendee("hvo").present is False
    assert loaded.attendee("fastighetsagare").kind == "guest"
    assert loaded.notes[note_slot(None, "pass_on", "hvo")] == "Berätta om inbrotten."
    assert loaded.current_index == m.current_index
    # and the walk can be rebuilt from it
    again = AgendaWalk(loaded.steps, index=loaded.current_index, now=clock.monotonic())
    assert again.current.id == m.steps[m.current_index].id


def test_speaking_times_in_a_point_are_kept(store, orebro, clock):
    sid = store.series_for_template(orebro, clock.now())
    m = new_meeting(sid, orebro, clock.now())
    walk = AgendaWalk(m.steps, now=clock.monotonic())
    walk.go_next(clock.monotonic())
    walk.give_floor("polisen", clock.monotonic())
    clock.advance(100)
    walk.give_floor("obo", clock.monotonic())
    clock.advance(40)
    walk.sync(clock.monotonic())
    m.current_index = walk.index
    store.save(m, now=clock.now())
    loaded = store.load(m.id)
    assert loaded.steps[1].speakers == {"polisen": 100, "obo": 40}
    assert loaded.steps[1].title == "Fakta/händelser under senaste veckan."
    assert loaded.steps[1].number == 1
    assert loaded == m


def test_an_ended_meeting_loads_back_equal(store, bromolla, clock):
    m = saved_meeting(store, bromolla, clock.now())
    clock.advance(3600)
    m.state = ENDED
    m.ended_at = clock.now()
    m.attendee("fastighet").substitute = "Kim, fastighetsförvaltare"
    m.version = 3
    store.save(m, now=clock.now())
    loaded = store.load(m.id)
    assert loaded == m
    assert loaded.ended_at == FRIDAY + timedelta(hours=1)


def test_steps_reordered_and_removed_are_saved_as_they_are_now(store, malmo):
    m = saved_meeting(store, malmo)
    m.steps[3], m.steps[4] = m.steps[4], m.steps[3]
    del m.steps[5]
    store.save(m, now=FRIDAY)
    loaded = store.load(m.id)
    assert [s.id for s in loaded.steps] == [s.id for s in m.steps]
    with Session(store.engine) as s:
        assert len(s.exec(select(StepRow).where(StepRow.meeting_id == m.id)).all()) == 10


def test_load_of_an_unknown_meeting(store):
    with pytest.raises(KeyError):
        store.load(str(uuid.uuid4()))


def note_rows(store: Store, meeting_id: str) -> dict[str, NoteRow]:
    with Session(store.engine) as s:
        return {n.slot: n for n in
                s.exec(select(NoteRow).where(NoteRow.meeting_id == meeting_id)).all()}


def test_saving_changed_notes_bumps_their_version(store, malmo):
    m = saved_meeting(store, malmo)
    slot = note_slot(m.steps[1], "past_week")
    other = note_slot(m.steps[2], "past_week")
    m.notes = {slot: "Inbrott.", other: "Brand i soprum."}
    store.save(m, now=FRIDAY + timedelta(minutes=1))
    rows = note_rows(store, m.id)
    assert (rows[slot].version, rows[other].version) == (0, 0)

    m.notes[slot] = "Inbrott i Rosengård."
    store.save(m, now=FRIDAY + timedelta(minutes=2))
    rows = note_rows(store, m.id)
    assert rows[slot].version == 1
    assert rows[slot].text == "Inbrott i Rosengård."
    assert rows[slot].updated_at == FRIDAY + timedelta(minutes=2)
    assert rows[other].version == 0  # unchanged text: unchanged version
    assert rows[other].updated_at == FRIDAY + timedelta(minutes=1)

    store.save(m, now=FRIDAY + timedelta(minutes=3))  # nothing changed
    assert note_rows(store, m.id)[slot].version == 1
    assert store.note_texts(m.id) == m.notes


def test_saving_some_notes_leaves_the_others(store, malmo):
    m = saved_meeting(store, malmo)
    a, b = note_slot(m.steps[1], "past_week"), note_slot(m.steps[1], "coming_week")
    m.notes = {a: "ett", b: "två"}
    store.save(m, now=FRIDAY)
    store.save(m, notes={b: "tre"}, now=FRIDAY)
    assert store.note_texts(m.id) == {a: "ett", b: "tre"}


def test_unfinished_finds_a_live_meeting_and_not_an_ended_one(store, malmo, orebro):
    assert store.unfinished() is None
    ended = saved_meeting(store, malmo, FRIDAY)
    ended.state = ENDED
    ended.ended_at = FRIDAY + timedelta(hours=1)
    store.save(ended, now=FRIDAY)
    assert store.unfinished() is None
    live = saved_meeting(store, orebro, FRIDAY - timedelta(days=1))
    info = store.unfinished()
    assert info is not None and info.id == live.id and info.state == "live"
    newer = saved_meeting(store, orebro, FRIDAY + timedelta(days=6))
    assert store.unfinished().id == newer.id


def test_series_for_template_is_idempotent(store, malmo, orebro):
    a = store.series_for_template(malmo, FRIDAY)
    b = store.series_for_template(malmo, FRIDAY + timedelta(days=7))
    c = store.series_for_template(orebro, FRIDAY)
    assert a == b != c
    with Session(store.engine) as s:
        rows = s.exec(select(Series)).all()
    assert len(rows) == 2
    assert {r.template_id for r in rows} == {"malmo-orat", "orebro-samordning"}


def test_list_series_counts_meetings(store, malmo, orebro):
    saved_meeting(store, malmo, FRIDAY)
    saved_meeting(store, malmo, FRIDAY + timedelta(days=7))
    store.series_for_template(orebro, FRIDAY)
    by_template = {s.template_id: s for s in store.list_series()}
    assert by_template["malmo-orat"].meetings == 2
    assert by_template["malmo-orat"].last_meeting == FRIDAY + timedelta(days=7)
    assert by_template["orebro-samordning"].meetings == 0
    assert by_template["orebro-samordning"].last_meeting is None


def test_earlier_attendance(store, malmo):
    first = saved_meeting(store, malmo, datetime(2026, 11, 6, 9, 0))
    first.attendee("kultur").present = False
    first.attendees.append(Attendee("fastighetsagare", "Fastighetsägare", "Fastighetsägare",
                                    kind="guest"))
    store.save(first, now=first.started_at)
    second = saved_meeting(store, malmo, datetime(2026, 11, 13, 9, 0))
    other_series = saved_meeting(store, dataclasses.replace(malmo, id="annat"))
    got = {day: keys for day, keys in store.earlier_attendance(first.series_id)}
    member_keys = {m.key for m in malmo.members}
    assert got == {
        datetime(2026, 11, 6).date(): (member_keys - {"kultur"}) | {"fastighetsagare"},
        datetime(2026, 11, 13).date(): member_keys,
    }
    excluded = store.earlier_attendance(first.series_id, exclude=second.id)
    assert [day for day, _ in excluded] == [datetime(2026, 11, 6).date()]
    assert other_series.series_id != first.series_id


def test_recent_meetings_newest_first(store, malmo):
    days = [FRIDAY - timedelta(days=7 * i) for i in range(3)]
    for day in days:
        saved_meeting(store, malmo, day)
    assert [i.started_at for i in store.recent_meetings()] == days
    assert len(store.recent_meetings(limit=2)) == 2


def test_ids_are_uuid_strings(store, malmo):
    m = saved_meeting(store, malmo)
    m.notes = {note_slot(m.steps[1], "past_week"): "x"}
    store.save(m, now=FRIDAY)
    with Session(store.engine) as s:
        ids = [r.id for r in s.exec(select(Series)).all()]
        ids += [r.id for r in s.exec(select(MeetingRow)).all()]
        ids += [r.id for r in s.exec(select(AttendeeRow)).all()]
        ids += [r.id for r in s.exec(select(StepRow)).all()]
        ids += [r.id for r in s.exec(select(NoteRow)).all()]
    assert len(ids) == 1 + 1 + 8 + 11 + 1
    assert all(is_uuid(i) for i in ids), [i for i in ids if not is_uuid(i)]
    assert len(set(ids)) == len(ids)


def test_two_meetings_do_not_share_rows(store, malmo):
    a = saved_meeting(store, malmo, FRIDAY)
    b = saved_meeting(store, malmo, FRIDAY + timedelta(days=7))
    assert {s.id for s in a.steps}.isdisjoint({s.id for s in b.steps})
    assert store.load(a.id) == a and store.load(b.id) == b


def test_a_meeting_survives_closing_and_reopening(db_url, malmo):
    store = Store.open(db_url)
    m = saved_meeting(store, malmo)
    store.close()
    again = Store.open(db_url)
    try:
        assert again.load(m.id) == m
        assert again.unfinished().id == m.id
    finally:
        again.close()


def test_wal_content_reaches_a_second_connection(db_url, malmo):
    writer = Store.open(db_url)
    reader = Store.open(db_url)
    try:
        m = saved_meeting(writer, malmo)
        assert reader.load(m.id) == m
    finally:
        writer.close()
        reader.close()


def test_foreign_keys_are_enforced(store, malmo):
    m = new_meeting("no-such-series", malmo, FRIDAY)
    with pytest.raises(Exception):  # noqa: B017 - IntegrityError, whichever wrapper
        store.save(m, now=FRIDAY)
    with store.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM meeting")).scalar() == 0
