"""orat on a database server (issue 8): one-line answers for a server that cannot be used,
the URL forms and the config's `database`, the database user as "who" in the audit trail,
an offline SQLite meeting moved into the shared database with `orat import`, and the
SQLite-only commands saying so. Tests taking `db_url` run on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from orat_tui.cli import main
from orat_tui.store.db import StoreError
from orat_tui.store.demo import generate_demo
from orat_tui.store.handoff import CONFLICT, UP_TO_DATE, import_handoff, write_handoff
from orat_tui.store.meetings import Store
from tests.pg import admin_url, fresh_database, login_role, need_server

TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 12, 0)


def one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


# -- a server that cannot be used ------------------------------------------------------------

def test_nothing_listening_is_one_line(capsys, isolated):
    assert main(["--db", "postgresql://someone@127.0.0.1:9/orat", "meetings"]) == 2
    err = one_line_error(capsys)
    assert "someone@127.0.0.1:9/orat: cannot reach the database server" in err


def test_a_missing_database_a_refused_login_are_one_line(capsys, isolated):
    need_server()
    from sqlalchemy.engine import make_url

    base = make_url(admin_url())
    missing = base.set(database="orat_no_such_db").render_as_string(hide_password=False)
    assert main(["--db", missing, "meetings"]) == 2
    assert "no such database on the server" in one_line_error(capsys)
    nobody = base.set(username="orat_no_such_role").render_as_string(hide_password=False)
    assert main(["--db", nobody, "meetings"]) == 2
    assert "the server refused the login" in one_line_error(capsys)


def test_a_database_kind_orat_does_not_know(capsys, isolated):
    assert main(["--db", "mysql://a@b/c", "meetings"]) == 2
    assert "orat works with SQLite" in one_line_error(capsys)


def test_a_missing_driver_is_one_line(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_psycopg(name, *args, **kwargs):
        if name.startswith("psycopg"):
            raise ImportError("No module named 'psycopg'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_psycopg)
    with pytest.raises(StoreError, match=r"pip install 'orat\[postgresql\]'"):
        Store.open("postgresql+psycopg://a@127.0.0.1:9/x")


def test_url_forms_and_the_config(isolated, monkeypatch):
    from orat_tui.paths import database_url

    assert database_url("postgresql://anna@db/orat") == "postgresql+psycopg://anna@db/orat"
    assert database_url("postgres://anna@db/orat") == "postgresql+psycopg://anna@db/orat"
    assert database_url("postgresql+psycopg://anna@db/orat") == "postgresql+psycopg://anna@db/orat"
    isolated.config_dir.mkdir(parents=True)
    (isolated.config_dir / "config.toml").write_text(
        'database = "postgresql://anna@db.kommun.se/orat?sslmode=verify-full"\n')
    assert database_url() == "postgresql+psycopg://anna@db.kommun.se/orat?sslmode=verify-full"
    monkeypatch.setenv("ORAT_DB", "/tmp/x.db")
    assert database_url() == "sqlite:////tmp/x.db"  # the environment wins over the config
    assert database_url("/tmp/y.db") == "sqlite:////tmp/y.db"  # and --db over both


def test_where_hides_a_password(capsys, isolated):
    assert main(["--db", "postgresql://anna:hemligt@db/orat", "where"]) == 0
    out = capsys.readouterr().out
    assert "hemligt" not in out and "anna:***@db/orat" in out


# -- who ---------------------------------------------------------------------------------------

def test_the_audit_trail_names_the_database_user(db_url, malmo):
    """On a server each person logs in as themselves: that is who, whatever the config says.
    On SQLite, the name given (the config's user, else the login name). The rights are the
    README's: granted to a group role before orat made its tables."""
    from orat_tui.domain.meeting import ENDED
    from orat_tui.store.service import start_meeting

    pg = db_url.startswith("postgresql")
    if pg:
        readme_grants(db_url)
    owner = Store.open(db_url)  # the database's owner makes the tables on first open
    meeting = start_meeting(owner, malmo, NOW)
    meeting.state, meeting.ended_at = ENDED, NOW
    owner.save(meeting, now=NOW)
    if not pg:
        owner.record(meeting.id, "Anna", "edit", field="x", now=NOW)
        assert owner.audit_trail(meeting.id)[-1].who == "Anna"
        owner.compact_log()
        owner.close()
        return
    try:
        with login_role("anna", db_url) as (role, anna_url):
            anna = Store.open(anna_url)
            try:
                assert anna.server_user() == role
                anna.record(meeting.id, "Somebody Else", "edit", field="x", now=NOW)
                approved = anna.approve(meeting.id, "Somebody Else", now=NOW)
                assert approved.approved_by == role
                anna.reopen(meeting.id, "Somebody Else", reason="fel", now=NOW)
                assert [e.who for e in anna.audit_trail(meeting.id)] == [role] * 3
                anna.compact_log()  # not the tables' owner: the server only warns
                from orat_tui.store.search import search

                assert isinstance(search(anna, "polisen"), list)
            finally:
                anna.close()
    finally:
        owner.close()


README_GRANTS = """
DO $$ BEGIN CREATE ROLE orat_users NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
GRANT USAGE ON SCHEMA public TO orat_users;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO orat_users;
"""


def readme_grants(db_url: str) -> None:
    """What the README tells IT to run in the new database, as its owner."""
    from sqlalchemy import create_engine

    engine = create_engine(db_url)
    with engine.begin() as c:
        for statement in README_GRANTS.split(";\n"):
            if statement.strip():
                c.exec_driver_sql(statement)
    engine.dispose()


def test_a_person_who_may_not_change_the_schema_is_told_who_may(db_url, capsys, isolated):
    if not db_url.startswith("postgresql"):
        pytest.skip("a server's rights")
    with login_role("bengt", db_url) as (role, bengt_url):
        assert main(["--db", bengt_url, "meetings"]) == 2
        err = one_line_error(capsys)
        assert f"{role} may not change it: the database's owner opens it once" in err


# -- an offline meeting into the shared database -----------------------------------------------

def test_an_offline_meeting_moves_into_the_shared_database(tmp_path, db_url, capsys, isolated):
    laptop = Store.open(f"sqlite:///{tmp_path / 'laptop.db'}")
    generate_demo(laptop, weeks=1, today=TODAY)
    mid = laptop.recent_meetings(limit=1)[0].id
    m = laptop.load(mid)
    slot = sorted(m.notes)[0]
    laptop.save_notes(mid, {slot: m.notes[slot] + " Tillägg."}, now=NOW,
                      note_versions=m.note_versions)
    laptop.record(mid, "Ordföranden", "edit", field=slot, before="a", after="b", now=NOW)
    path = write_handoff(laptop, mid, tmp_path / "meeting.json")

    assert main(["--db", db_url, "import", str(path)]) == 0
    assert capsys.readouterr().out.startswith("imported ")
    shared = Store.open(db_url)
    try:
        assert shared.load(mid) == laptop.load(mid)
        assert shared.load(mid).note_versions == laptop.load(mid).note_versions
        trail = shared.audit_trail(mid)
        assert [(e.who, e.action) for e in laptop.audit_trail(mid)] == [
            (e.who, e.action) for e in trail[:-1]]
        assert trail[-1].action == "import"
        assert import_handoff(shared, path, who="x").status == UP_TO_DATE
        # the secretary edits in the shared database; an older file no longer goes in
        n = shared.load(mid)
        shared.save_notes(mid, {slot: "Sekreterarens rättelse."}, now=NOW + timedelta(hours=1),
                          note_versions=n.note_versions)
        laptop.save_notes(mid, {slot: "Ordförandens version."}, now=NOW + timedelta(hours=2),
                          note_versions=laptop.load(mid).note_versions)
        newer = write_handoff(laptop, mid, tmp_path / "newer.json")
        assert import_handoff(shared, newer, who="x").status == CONFLICT
        assert shared.note_texts(mid)[slot] == "Sekreterarens rättelse."
        # and search finds the imported notes there
        from orat_tui.store.search import search

        assert any(h.meeting_id == mid for h in search(shared, "rättelse"))
    finally:
        shared.close()
        laptop.close()


# -- SQLite's own commands ---------------------------------------------------------------------

def test_sqlite_only_commands_say_so_in_one_line(capsys, isolated, tmp_path):
    url = "postgresql://anna@127.0.0.1:9/orat"
    assert main(["--db", url, "backup", str(tmp_path / "b.db")]) == 2
    assert "backup works on SQLite files; use pg_dump" in one_line_error(capsys)
    assert main(["--db", url, "restore", str(tmp_path / "b.db"), "--yes"]) == 2
    assert "restore works on SQLite files" in one_line_error(capsys)


def test_purge_works_on_both(db_url, malmo, capsys, isolated):
    store = Store.open(db_url)
    generate_demo(store, weeks=3, today=date.today())  # purge counts from the real clock
    store.close()
    assert main(["--db", db_url, "purge", "--older-than", "14d", "--dry-run"]) == 0
    assert "would be deleted" in capsys.readouterr().out
    assert main(["--db", db_url, "purge", "--older-than", "14d"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("deleted ")
    store = Store.open(db_url)
    assert len(store.recent_meetings(limit=100)) < 9
    store.close()


def test_a_fresh_database_is_used_by_two_processes_with_its_own_schema():
    """The helper itself: fresh databases are independent."""
    need_server()
    with fresh_database() as a, fresh_database() as b:
        assert a != b
