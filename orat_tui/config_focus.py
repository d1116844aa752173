"""The focus areas file: shipped in config/focus-areas.toml, replaced by the user's own copy in
the config folder (as templates are). Errors name file:line:col in one line."""

from __future__ import annotations

from pathlib import Path

from orat_tui import paths
from orat_tui.config import ConfigError, _locate, _one_line, read_toml
from orat_tui.domain.focus import FocusArea, parse_focus_areas
from orat_tui.domain.template import TemplateError

FILE = "focus-areas.toml"


def focus_file(user_dir: Path | None = None, shipped_dir: Path | None = None) -> tuple[Path, str]:
    """The file in use and its origin: the user's own, else the shipped one."""
    user = (user_dir or paths.config_dir()) / FILE
    if user.is_file():
        return user, "user"
    return (shipped_dir or paths.shipped_config_dir()) / FILE, "shipped"


def load_focus_file(path: Path) -> tuple[FocusArea, ...]:
    data = read_toml(path)
    try:
        return parse_focus_areas(data)
    except TemplateError as exc:
        text = path.read_text(encoding="utf-8")
        line, col = _locate(text, exc.where, exc.message)
        raise ConfigError(f"{path}:{line}:{col}: {_one_line(exc.message)}") from None


def load_focus_areas(user_dir: Path | None = None,
                     shipped_dir: Path | None = None) -> tuple[FocusArea, ...]:
    path, _origin = focus_file(user_dir, shipped_dir)
    if not path.is_file():
        return ()
    return load_focus_file(path)
