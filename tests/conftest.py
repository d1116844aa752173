"""Shared fixtures: every test gets its own config and data folders and a real database.

A test that asks for `db_backend` (directly, or through `db_url` / `store` in tests/unit)
runs twice: on a SQLite file and on a fresh database of a real PostgreSQL server
(tests/pg.py says where that server is; without one the PostgreSQL half is skipped, with
the reason in the summary). Mark a test `@pytest.mark.sqlite_only` when what it checks is
SQLite's own (PRAGMAs, the file, FTS5 internals); it then runs once.
"""

from __future__ import annotations

import pytest

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """Nothing a test does touches the user's real config or data."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("ORAT_DB", raising=False)
    return tmp_path


def pytest_generate_tests(metafunc):
    if "db_backend" in metafunc.fixturenames:
        # a snapshot is a picture of the screen, the same on both: taken once
        only = (metafunc.definition.get_closest_marker("sqlite_only")
                or "snap_compare" in metafunc.fixturenames)
        if not only:  # a test run once keeps its plain id (a snapshot's file is named by it)
            metafunc.parametrize("db_backend", BACKENDS, indirect=True)


def pytest_collection_modifyitems(config, items):
    """Without a server, the PostgreSQL half is skipped by a mark: the summary then says why
    once per file, not once per test."""
    pg = [item for item in items
          if getattr(getattr(item, "callspec", None), "params", {}).get("db_backend")
          == "postgresql"]
    if not pg:
        return
    from tests.pg import required, skip_reason

    reason = skip_reason()
    if reason is None or required():
        return
    for item in pg:
        item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture
def db_backend(request) -> str:
    """"sqlite" or "postgresql" (parametrized by pytest_generate_tests above)."""
    backend = getattr(request, "param", "sqlite")
    if backend == "postgresql":
        from tests.pg import need_server

        need_server()
    return backend


@pytest.fixture
def new_db_url(db_backend, tmp_path):
    """A function: name -> the URL of a new, empty database of this test's backend (a SQLite
    file in tmp_path, or a fresh PostgreSQL database dropped after the test)."""
    from contextlib import ExitStack

    with ExitStack() as stack:
        def make(name: str = "orat") -> str:
            if db_backend == "sqlite":
                return f"sqlite:///{tmp_path / 'db' / (name + '.db')}"
            from tests.pg import fresh_database

            return stack.enter_context(fresh_database())

        yield make
