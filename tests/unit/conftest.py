"""Fixtures for the unit tests of the domain, config, paths and store layers.

Nothing here is autouse: the hypothesis tests in these files take no function-scoped
fixtures, and every test that could touch a real folder asks for `isolated` explicitly.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from orat_tui import paths
from orat_tui.domain.clock import ManualClock
from orat_tui.domain.template import Template, parse_template

SHIPPED_IDS = ("bromolla-lagesbild", "malmo-orat", "orebro-samordning")


def _shipped_data(template_id: str) -> dict:
    path = paths.shipped_templates_dir() / f"{template_id}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _shipped_template(template_id: str) -> Template:
    return parse_template(template_id, _shipped_data(template_id))


@pytest.fixture
def shipped_data():
    """A function: template id -> the parsed TOML of that shipped template (a fresh dict on
    every call, safe to mutate)."""
    return _shipped_data


@pytest.fixture
def malmo() -> Template:
    return _shipped_template("malmo-orat")


@pytest.fixture
def orebro() -> Template:
    return _shipped_template("orebro-samordning")


@pytest.fixture
def bromolla() -> Template:
    return _shipped_template("bromolla-lagesbild")


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(wall=datetime(2026, 11, 27, 9, 0, 0), mono=1000.0)


@dataclass
class Isolated:
    config_home: Path
    data_home: Path

    @property
    def config_dir(self) -> Path:
        return self.config_home / "orat"

    @property
    def data_dir(self) -> Path:
        return self.data_home / "orat"


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Isolated:
    """XDG config and data homes in tmp_path, and no ORAT_DB from the environment."""
    config_home = tmp_path / "xdg-config"
    data_home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    monkeypatch.delenv("ORAT_DB", raising=False)
    return Isolated(config_home, data_home)


@pytest.fixture
def db_url(new_db_url, isolated: Isolated) -> str:
    """A new database: a SQLite file in tmp_path, and (a second run of the test) a fresh
    PostgreSQL database (tests/conftest.py)."""
    return new_db_url()


@pytest.fixture
def store(db_url: str):
    from orat_tui.store.meetings import Store

    s = Store.open(db_url)
    try:
        yield s
    finally:
        s.close()
