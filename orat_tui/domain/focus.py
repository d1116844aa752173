"""Focus areas (fokusområden): the areas a forum's measures are followed up by, such as the
five of Malmö's Fem Fokus agreement. Validated from plain data; config_focus.py reads the file."""

from __future__ import annotations

import re
from dataclasses import dataclass

from orat_tui.domain.template import TemplateError

_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class FocusArea:
    key: str
    name: str
    short: str = ""

    @property
    def label(self) -> str:
        return self.short or self.name


def parse_focus_areas(data: dict) -> tuple[FocusArea, ...]:
    """The [[areas]] of a focus-areas file, or TemplateError naming the wrong entry."""
    raw = data.get("areas")
    if not isinstance(raw, list) or not raw:
        raise TemplateError("the file needs at least one [[areas]] entry with key and name")
    out: list[FocusArea] = []
    seen: set[str] = set()
    for i, entry in enumerate(raw):
        where = f"areas[{i}]"
        if not isinstance(entry, dict):
            raise TemplateError("must be a table with key and name", where)
        key, name, short = entry.get("key"), entry.get("name"), entry.get("short", "")
        if not isinstance(key, str) or not _KEY.fullmatch(key):
            raise TemplateError("'key' must be a text of a-z, 0-9, '-' and '_'", where)
        if not isinstance(name, str) or not name.strip():
            raise TemplateError("'name' must be a non-empty text", where)
        if not isinstance(short, str):
            raise TemplateError("'short' must be a text", where)
        if key in seen:
            raise TemplateError(f"key '{key}' is used twice", where)
        unknown = set(entry) - {"key", "name", "short"}
        if unknown:
            raise TemplateError(f"unknown key '{sorted(unknown)[0]}' (known: key, name, short)",
                                where)
        seen.add(key)
        out.append(FocusArea(key, name.strip(), short.strip()))
    return tuple(out)


def focus_label(areas: tuple[FocusArea, ...], key: str) -> str:
    """The name of a focus area by key; a key no longer in the file is shown as it is."""
    return next((a.name for a in areas if a.key == key), key)
