"""The engine: SQLite in WAL mode with synchronous=FULL (or a database server by URL),
brought up to the newest schema by Alembic when opened."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError

from orat_tui import paths

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(Exception):
    """A database orat cannot use: one line, for the user."""


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for other databases and for an in-memory one."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    rest = url[len(prefix):]
    if rest in ("", ":memory:") or rest.startswith(":memory:?") or "mode=memory" in rest:
        return None
    return Path(rest)


def precheck_sqlite(path: Path) -> None:
    """Look at an existing file without changing a byte (read-only, before any PRAGMA) and
    refuse one that is not an orat database."""
    import sqlite3

    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot be opened ({exc})") from None
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not an orat database ({exc})") from None
    finally:
        con.close()
    if tables and "alembic_version" not in tables:
        raise StoreError(f"{path}: not an orat database (it has other tables)")


def _prepare_file(path: Path) -> None:
    """A new database file and its folder are readable by the owner only."""
    if not path.parent.exists():
        paths.ensure_private_dir(path.parent)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        precheck_sqlite(path)
        _prepare_file(path)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(None)
    return ScriptDirectory.from_config(cfg).get_current_head()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision; refuse a database that is not orat's."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            current = MigrationContext.configure(conn).get_current_revision()
    except DatabaseError as exc:
        raise StoreError(f"{engine.url.database or engine.url}: not an orat database ({exc.orig})") from None
    if tables and "alembic_version" not in tables:
        raise StoreError(f"{engine.url.database}: not an orat database (it has other tables)")
    head = head_revision()
    if current == head:
        return
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(None))
    from alembic.util import CommandError

    try:
        known = script.get_revision(current) if current is not None else True
    except CommandError:
        known = None
    if known is None:
        raise StoreError(
            f"{engine.url.database}: made by a newer orat (schema {current}); update orat to open it"
        )
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")


def check_sqlite(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
