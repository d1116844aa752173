"""Reading checklist files (config/checklists/<name>.toml, or the user's own with the same
name in the config folder's checklists/). Errors are one line with file:line:col."""

from __future__ import annotations

from pathlib import Path

from orat_tui import paths
from orat_tui.config import ConfigError, _locate, _one_line, read_toml
from orat_tui.domain.signals import Checklist, ChecklistError, parse_checklist


def user_checklists_dir() -> Path:
    return paths.config_dir() / "checklists"


def shipped_checklists_dir() -> Path:
    return paths.shipped_config_dir() / "checklists"


def checklist_path(name: str, user_dir: Path | None = None,
                   shipped_dir: Path | None = None) -> Path:
    """The file of checklist `name`: the user's own if there is one, else the shipped one."""
    for folder in (user_dir or user_checklists_dir(), shipped_dir or shipped_checklists_dir()):
        path = folder / f"{name}.toml"
        if path.is_file():
            return path
    raise ConfigError(f"{(shipped_dir or shipped_checklists_dir()) / (name + '.toml')}: "
                      "file not found (no such checklist)")


def _where(text: str, exc: ChecklistError) -> tuple[int, int]:
    """The line of the question an error is about (its inline table or its
    [[groups.questions]] header, counted from the group's header), else the table's line."""
    if exc.item is None:
        return _locate(text, exc.where, exc.message)
    start, _col = _locate(text, exc.where, "")
    lines = text.splitlines()
    seen = -1
    for i in range(start, len(lines)):
        stripped = lines[i].lstrip()
        if stripped.startswith("[[groups]]"):
            break
        if stripped.startswith("{") or stripped.startswith("[[groups.questions]]"):
            seen += 1
            if seen == exc.item:
                return i + 1, len(lines[i]) - len(stripped) + 1
    return start, 1


def load_checklist_file(path: Path) -> Checklist:
    data = read_toml(path)
    try:
        return parse_checklist(path.stem, data)
    except ChecklistError as exc:
        line, col = _where(path.read_text(encoding="utf-8"), exc)
        where = f" ({exc.where})" if exc.where else ""
        raise ConfigError(f"{path}:{line}:{col}: {_one_line(exc.message)}{where}") from None


def load_checklist(name: str, user_dir: Path | None = None,
                   shipped_dir: Path | None = None) -> Checklist:
    return load_checklist_file(checklist_path(name, user_dir, shipped_dir))
