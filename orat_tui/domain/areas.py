"""The areas of a series (stadsdelar and hotspots) and the contacts of its briefing, as a
template gives them. Pure parsing of plain data; template.py calls it."""

from __future__ import annotations

import re
from dataclasses import dataclass

AREA_KINDS = ("stadsdel", "hotspot")
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class AreaSpec:
    key: str
    name: str
    kind: str = "stadsdel"


@dataclass(frozen=True)
class ContactSpec:
    """Who those working over the weekend can reach: in the briefing."""

    name: str
    how: str = ""  # a phone number, a function mailbox, "via kommunens växel", ...
    note: str = ""  # when or for what


def _text(data: dict, key: str, where: str, required: bool, error) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        what = "a non-empty text" if required else "a text"
        raise error(f"'{key}' is missing" if key not in data and required
                    else f"'{key}' must be {what}", where)
    return value.strip()


def parse_areas(raw: object, error) -> tuple[AreaSpec, ...]:
    """`[[areas]]` tables: key, name, kind (stadsdel or hotspot). `error(message, where)`
    builds the exception to raise (TemplateError)."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise error("must be a list of [[areas]] tables", "areas")
    areas: list[AreaSpec] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        where = f"areas[{i}]"
        if not isinstance(item, dict):
            raise error("must be a table with key, name and kind", where)
        key = _text(item, "key", where, True, error)
        if not _KEY.fullmatch(key):
            raise error(f"key '{key}' may hold only a-z, 0-9, '-' and '_'", where)
        if key in seen:
            raise error(f"area key '{key}' is used twice", where)
        seen.add(key)
        kind = item.get("kind", "stadsdel")
        if kind not in AREA_KINDS:
            raise error(f"'kind' must be one of {', '.join(AREA_KINDS)}", where)
        areas.append(AreaSpec(key=key, name=_text(item, "name", where, True, error), kind=kind))
    return tuple(areas)


def parse_contacts(raw: object, error) -> tuple[ContactSpec, ...]:
    """`[[contacts]]` tables: name, how (optional), note (optional)."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise error("must be a list of [[contacts]] tables", "contacts")
    out = []
    for i, item in enumerate(raw):
        where = f"contacts[{i}]"
        if not isinstance(item, dict):
            raise error("must be a table with a name", where)
        out.append(ContactSpec(name=_text(item, "name", where, True, error),
                               how=_text(item, "how", where, False, error),
                               note=_text(item, "note", where, False, error)))
    return tuple(out)


def area_key_for(name: str, taken: set[str]) -> str:
    """A key for an area the chair adds by name: 'Vivalla centrum' -> 'vivalla-centrum'."""
    plain = name.lower().translate(str.maketrans("åäöéü", "aaoeu"))
    key = re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "omrade"
    candidate, n = key, 2
    while candidate in taken:
        candidate, n = f"{key}-{n}", n + 1
    return candidate


def areas_to_data(areas: tuple[AreaSpec, ...]) -> list[dict]:
    return [{"key": a.key, "name": a.name, "kind": a.kind} for a in areas]


def contacts_to_data(contacts: tuple[ContactSpec, ...]) -> list[dict]:
    out = []
    for c in contacts:
        d = {"name": c.name}
        if c.how:
            d["how"] = c.how
        if c.note:
            d["note"] = c.note
        out.append(d)
    return out


@dataclass(frozen=True)
class Area:
    """An area as a series holds it (the store's row, without the database)."""

    id: str
    key: str
    name: str
    kind: str = "stadsdel"
    position: int = 0
    retired: bool = False
