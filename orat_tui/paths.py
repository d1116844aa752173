"""Every place orat reads or writes, in one module. Nothing here touches the disk at import."""

from __future__ import annotations

import os
from pathlib import Path

APP = "orat"


def config_dir() -> Path:
    """The user's config folder: config.toml and templates/ (XDG_CONFIG_HOME is honoured)."""
    from platformdirs import user_config_path

    return user_config_path(APP, appauthor=False)


def data_dir() -> Path:
    """The user's data folder, where the database lives (XDG_DATA_HOME is honoured)."""
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def user_config_file() -> Path:
    return config_dir() / "config.toml"


def user_templates_dir() -> Path:
    return config_dir() / "templates"


def shipped_config_dir() -> Path:
    """The config/ folder that ships with orat: inside an installed wheel it is
    orat_tui/_config, in a checkout (editable install) it is config/ beside the package."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_config", here.parent / "config"):
        if (candidate / "templates").is_dir():
            return candidate
    raise FileNotFoundError("orat's shipped config folder is missing: reinstall orat")


def shipped_templates_dir() -> Path:
    return shipped_config_dir() / "templates"


def default_db_path() -> Path:
    return data_dir() / "orat.db"


def database_url(db: str | None = None) -> str:
    """The database to open: --db, else $ORAT_DB, else `database` in config.toml, else the
    file in the data folder.
    A plain path becomes a SQLite URL; a URL (postgresql+psycopg://...) is kept, and
    postgresql:// or postgres:// (what psql and libpq take) mean PostgreSQL through psycopg."""
    chosen = db or os.environ.get("ORAT_DB") or ""
    if not chosen:
        from orat_tui.config import load_user_config

        chosen = load_user_config().database
    if "://" in chosen:
        scheme, _, rest = chosen.partition("://")
        if scheme in ("postgresql", "postgres"):  # the driver orat ships with: psycopg 3
            return f"postgresql+psycopg://{rest}"
        return chosen
    path = Path(chosen).expanduser() if chosen else default_db_path()
    return f"sqlite:///{path.resolve()}"


def ensure_private_dir(path: Path) -> None:
    """Create a folder readable by its owner only (whatever the umask)."""
    if not path.exists():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.chmod(0o700)
