"""The engine: SQLite in WAL mode with synchronous=FULL and secure_delete (or a database server
by URL), brought up to the newest schema by Alembic when opened. A SQLite database that an
older orat made is backed up (orat_tui.store.maintenance) before its schema is upgraded."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError

from orat_tui import paths

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

log = logging.getLogger(__name__)


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


def readonly_uri(path: Path) -> str:
    """A SQLite URI that opens `path` read-only (a '?', '#' or '%' in the name is escaped)."""
    return Path(os.path.abspath(path)).as_uri() + "?mode=ro"


def precheck_sqlite(path: Path) -> None:
    """Look at an existing file without changing a byte (read-only, before any PRAGMA) and
    refuse one that is not an orat database."""
    import sqlite3

    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(readonly_uri(path), uri=True)
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


def prepare_file(path: Path) -> None:
    """A new database file is readable by the owner only (0600), and so is a folder orat
    makes for it (0700); both whatever the umask. SQLite gives the -wal and -shm files the mode of
    the database file. A folder or file that already exists keeps its mode."""
    if not path.parent.exists():
        paths.ensure_private_dir(path.parent)
    if not path.exists():
        from orat_tui.files import create_private

        try:
            os.close(create_private(path))
        except FileExistsError:  # another orat made it just now
            pass


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    # deleted and overwritten text is zeroed in the file, not left in its free pages: a
    # personal number taken out of a note does not linger
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()


def make_engine(url: str) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        precheck_sqlite(path)
        prepare_file(path)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    kind = url.partition("://")[0]
    if kind.partition("+")[0] not in ("postgresql", "sqlite"):
        raise StoreError(f"orat works with SQLite (a file, or sqlite:///FILE) and PostgreSQL "
                         f"(postgresql+psycopg://USER@HOST/DATABASE), not '{kind}'")
    try:
        # a connection that the server or the network dropped (the secretary's laptop slept)
        # is noticed and replaced before use
        engine = create_engine(url, pool_pre_ping=True)
    except ImportError:
        raise StoreError("PostgreSQL needs its driver: pip install 'orat[postgresql]' "
                         "(psycopg)") from None
    except NoSuchModuleError:
        raise StoreError(f"orat does not know the database driver '{kind}' (use "
                         "postgresql+psycopg://)") from None
    except ArgumentError as exc:
        raise StoreError(f"not a database URL ({exc})") from None
    event.listen(engine, "before_cursor_execute", _no_nul, retval=True)
    return engine


NUL_STANDIN = "\ufffd"


def _no_nul(conn, cursor, statement, parameters, context, executemany):
    """PostgreSQL's text cannot hold the character NUL (a pasted binary, say), which SQLite
    stores: on a server it is written as U+FFFD (�), visible, instead of failing the save."""

    def clean(value):
        return value.replace("\x00", NUL_STANDIN) if isinstance(value, str) and "\x00" in value \
            else value

    def row(params):
        if isinstance(params, dict):
            return {k: clean(v) for k, v in params.items()}
        if isinstance(params, (list, tuple)):
            return type(params)(clean(v) for v in params)
        return params

    if executemany and isinstance(parameters, (list, tuple)):
        return statement, [row(p) for p in parameters]
    return statement, row(parameters)


def server_name(url) -> str:
    """user@host:port/database of a server URL, without a password."""
    user = f"{url.username}@" if url.username else ""
    port = f":{url.port}" if url.port else ""
    return f"{user}{url.host or 'localhost'}{port}/{url.database or ''}"


def connect_error(engine: Engine, exc: BaseException) -> StoreError:
    """One line for a database server that cannot be used: not reachable, the user refused,
    the database missing."""
    import re

    where = server_name(engine.url)
    message = " ".join(str(getattr(exc, "orig", None) or exc).split())
    reason = re.split(r"failed: (?:FATAL: )?", message)[-1].strip() or message
    lowered = reason.lower()
    if "does not exist" in lowered and "database" in lowered:
        return StoreError(f"{where}: no such database on the server ({reason}); the README's "
                          "'A shared database' says how to make it")
    if any(k in lowered for k in ("password", "authentication", "pg_hba", "role", "permission")):
        return StoreError(f"{where}: the server refused the login ({reason})")
    if any(k in lowered for k in ("refused", "timeout", "timed out", "translate host",
                                  "no route", "unreachable", "is the server running",
                                  "resolve host", "name or service")):
        return StoreError(f"{where}: cannot reach the database server ({reason})")
    return StoreError(f"{where}: cannot open the database ({reason})")


def _alembic_config(connection, script_location: Path | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision(script_location: Path | None = None) -> str:
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(None, script_location)
    return ScriptDirectory.from_config(cfg).get_current_head()


def known_revision(revision: str, script_location: Path | None = None) -> bool:
    """Whether this orat's migrations know `revision` (False: a newer orat made it)."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    script = ScriptDirectory.from_config(_alembic_config(None, script_location))
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


_REVISION = re.compile(r"""^revision\s*(?::\s*str\s*)?=\s*["']([^"']+)["']""", re.M)
_DOWN = re.compile(r"""^down_revision\s*(?::[^=]*)?=\s*(None|["']([^"']+)["'])\s*$""", re.M)


def quick_head(script_location: Path | None = None) -> str | None:
    """The newest revision, read from the migration files without Alembic: each names its
    revision and the one before; the newest is named by none. None when the chain is not a
    plain line (a merge, a file it cannot read): then Alembic decides."""
    revisions, downs = set(), set()
    for path in sorted(((script_location or MIGRATIONS) / "versions").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        rev, down = _REVISION.findall(text), _DOWN.findall(text)
        if len(rev) != 1 or len(down) != 1:
            return None
        revisions.add(rev[0])
        if down[0][1]:
            downs.add(down[0][1])
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 and downs <= revisions else None


def register_tables() -> None:
    """Import every models module (store/models*.py), so that SQLAlchemy knows every table
    whichever way the database was opened: a foreign key may name a table of another module
    (action.commitment_id names promises' commitment)."""
    import importlib
    import pkgutil

    import orat_tui.store as package

    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("models"):
            importlib.import_module(f"orat_tui.store.{info.name}")


def _at_head(engine: Engine, script_location: Path | None) -> bool:
    """Whether the database is at the newest revision, asked with one query."""
    head = quick_head(script_location)
    if head is None:
        return False
    try:
        with engine.connect() as conn:
            current = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    except DBAPIError:  # no such table, not a database, cannot connect: Alembic's path says
        return False
    return current == head


def migrate(engine: Engine, script_location: Path | None = None) -> Path | None:
    """Bring the schema to the newest revision; refuse a database that is not orat's.

    A SQLite file at an older revision is first copied to `<db>.before-upgrade-<rev>.bak`
    (0600); that copy is returned (None when nothing was upgraded or the database is not a
    SQLite file). If the copy cannot be made, nothing is upgraded. `script_location` is for
    tests: another migrations folder.

    On SQLite the upgrade runs in one transaction (a failed migration leaves the file as it
    was) with foreign keys off, as SQLite asks for schema changes: a migration that rebuilds
    the meeting table (Alembic's batch mode) would otherwise delete every attendee, step and
    note through ON DELETE CASCADE when it drops the old table. The keys are checked before
    the transaction commits."""
    register_tables()
    if _at_head(engine, script_location):
        return None  # the usual case: Alembic is not even imported (a tenth of orat's memory)
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            current = MigrationContext.configure(conn).get_current_revision()
    except OperationalError as exc:
        if engine.dialect.name != "sqlite":
            raise connect_error(engine, exc) from None
        raise StoreError(f"{engine.url.database or engine.url}: not an orat database ({exc.orig})") from None
    except DatabaseError as exc:
        raise StoreError(f"{engine.url.database or engine.url}: not an orat database ({exc.orig})") from None
    if tables and "alembic_version" not in tables:
        raise StoreError(f"{engine.url.database}: not an orat database (it has other tables)")
    head = head_revision(script_location)
    if current == head:
        return None
    if current is not None and not known_revision(current, script_location):
        raise StoreError(
            f"{engine.url.database}: made by a newer orat (schema {current}); update orat to open it"
        )
    backup = None
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if current is not None and path is not None:
        from orat_tui.store.maintenance import backup_before_upgrade

        backup = backup_before_upgrade(path, current)
        log.info("%s: schema %s backed up to %s before upgrading to %s", path, current, backup, head)
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # no effect inside a transaction
            conn.commit()
        try:
            with conn.begin():
                if sqlite:
                    conn.exec_driver_sql("BEGIN")  # pysqlite would run the DDL outside one
                command.upgrade(_alembic_config(conn, script_location), "head")
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise StoreError(
                            f"{engine.url.database}: not upgraded, the new schema breaks "
                            f"{len(broken)} references (first in table {broken[0][0]})")
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - any failing migration: one line for the user
            kept = f"; a copy from before is in {backup}" if backup else ""
            if not sqlite and "permission denied" in str(exc).lower():
                raise StoreError(
                    f"{server_name(engine.url)}: the database's schema is "
                    f"{current or 'not made yet'}, this orat needs {head}, and "
                    f"{engine.url.username or 'this user'} may not change it: the database's "
                    "owner opens it once with this orat (README: A shared database)") from None
            raise StoreError(f"{engine.url.database}: the schema upgrade from {current} to "
                             f"{head} failed and was undone ({type(exc).__name__}: "
                             f"{str(exc).splitlines()[0] if str(exc) else ''}){kept}") from exc
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
    return backup


def check_sqlite(engine: Engine) -> None:
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
