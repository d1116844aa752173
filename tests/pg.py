"""A PostgreSQL server for the tests: where to find it, and a fresh database per test.

The tests look for a server at ORAT_TEST_PG, else at DEFAULT_URL (what `.ci/pg-server start`
makes: role and database orat_test, trusted on 127.0.0.1). That role needs CREATEDB (every
test gets its own database, dropped afterwards) and CREATEROLE (the audit tests log in as
people of their own). Without a server the PostgreSQL half of the tests is skipped, with the
reason in the summary (pytest runs with -rs); with ORAT_TEST_PG_REQUIRED=1 (as `.ci/run`
sets it) a missing server is an error instead.
"""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from functools import lru_cache

import pytest

DEFAULT_URL = "postgresql+psycopg://orat_test@127.0.0.1:5432/orat_test"


def admin_url() -> str:
    return os.environ.get("ORAT_TEST_PG") or DEFAULT_URL


def _conninfo(url: str, database: str | None = None) -> dict:
    from sqlalchemy.engine import make_url

    u = make_url(url)
    info = {"host": u.host or "127.0.0.1", "port": u.port or 5432, "user": u.username,
            "dbname": database or u.database, "connect_timeout": 5}
    if u.password:
        info["password"] = u.password
    info.update({k: v for k, v in u.query.items() if isinstance(v, str)})
    return {k: v for k, v in info.items() if v is not None}


@lru_cache(maxsize=1)
def server_problem() -> str | None:
    """Why the tests cannot use the server (None: they can). Asked once per run."""
    try:
        import psycopg
    except ImportError:
        return "the psycopg driver is not installed (pip install -e '.[test]')"
    try:
        with psycopg.connect(**_conninfo(admin_url()), autocommit=True) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0].strip()
        return f"no PostgreSQL server at {safe(admin_url())} ({first})"
    return None


def safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def required() -> bool:
    return os.environ.get("ORAT_TEST_PG_REQUIRED") == "1"


def skip_reason() -> str | None:
    """The reason the PostgreSQL half is skipped in this run (None: it runs)."""
    problem = server_problem()
    if problem is None:
        return None
    return (f"PostgreSQL half skipped: {problem}; start one with `.ci/pg-server start DIR` "
            "or point ORAT_TEST_PG at one")


def need_server() -> None:
    """Skip the calling test (or fail it, with ORAT_TEST_PG_REQUIRED=1) without a server."""
    reason = skip_reason()
    if reason is None:
        return
    if required():
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def admin():
    """An autocommit connection to the test server's own database (as the test role)."""
    import psycopg

    return psycopg.connect(**_conninfo(admin_url()), autocommit=True)


@contextmanager
def fresh_database(prefix: str = "orat_t"):
    """A new, empty database on the test server; its URL. Dropped afterwards, whatever
    still holds a connection to it."""
    from sqlalchemy.engine import make_url

    need_server()
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(admin_url()).set(database=name).render_as_string(hide_password=False)
    finally:
        drop_database(name)


def drop_database(name: str) -> None:
    """Drop a test database, whatever still holds a connection to it (an autovacuum worker
    on a server that runs one, which FORCE may not end: then try again a moment later)."""
    import time

    import psycopg

    for attempt in range(20):
        try:
            with admin() as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except psycopg.errors.InsufficientPrivilege:
            if attempt == 19:
                raise
            time.sleep(0.1)


@contextmanager
def login_role(name_hint: str, database_url: str, grant: str = "orat_users"):
    """A role of its own that may log in (what a municipality's IT department makes for each
    person), member of the group role `grant` (made if missing, with the rights the README
    gives it on the database of `database_url`); the role's name and URL. Dropped afterwards."""
    import psycopg
    from sqlalchemy.engine import make_url

    need_server()
    role = f"{name_hint}_{uuid.uuid4().hex[:8]}"
    db = make_url(database_url).database
    with admin() as conn:
        conn.execute(f'CREATE ROLE "{role}" LOGIN')
        conn.execute(f'GRANT "{role}" TO CURRENT_USER')  # so that we may drop what it owns
        if grant:
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (grant,)).fetchone()
            if not exists:
                conn.execute(f'CREATE ROLE "{grant}" NOLOGIN')
            conn.execute(f'GRANT "{grant}" TO "{role}"')
            conn.execute(f'GRANT CONNECT, TEMPORARY ON DATABASE "{db}" TO "{grant}"')
    try:
        yield role, make_url(database_url).set(username=role).render_as_string(
            hide_password=False)
    finally:
        with psycopg.connect(**_conninfo(admin_url(), db), autocommit=True) as conn:
            conn.execute(f'DROP OWNED BY "{role}"')
        with admin() as conn:  # its connections end first (a failed open leaves one in a pool)
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE usename = %s", (role,))
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')
