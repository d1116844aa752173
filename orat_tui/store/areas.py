"""A series' areas (stadsdelar, hotspots): from its template at first, then the chair's to
add, rename and retire. A mixin of Store (orat_tui.store.meetings)."""

from __future__ import annotations

import threading
import uuid
from datetime import datetime

from sqlalchemy import Engine, func
from sqlmodel import Session, select

from orat_tui.domain.areas import AREA_KINDS, Area, AreaSpec, area_key_for
from orat_tui.i18n import _
from orat_tui.store.models import Series
from orat_tui.store.models_picture import AreaRow


class AreaError(ValueError):
    """An area change that cannot be made: one line, for the user."""


def _area(row: AreaRow) -> Area:
    return Area(id=row.id, key=row.key, name=row.name, kind=row.kind, position=row.position,
                retired=row.retired)


class AreaMixin:
    engine: Engine
    _write: threading.Lock

    def sync_areas(self, series_id: str, specs: tuple[AreaSpec, ...], now: datetime) -> int:
        """Add the template's areas the series does not have yet (by key); a retired or
        renamed area stays as the chair left it. Returns how many were added."""
        with self._write, Session(self.engine) as s:
            rows = s.exec(select(AreaRow).where(AreaRow.series_id == series_id)).all()
            have = {r.key for r in rows}
            position = max((r.position for r in rows), default=-1)
            added = 0
            for spec in specs:
                if spec.key in have:
                    continue
                position += 1
                s.add(AreaRow(id=str(uuid.uuid4()), series_id=series_id, key=spec.key,
                              name=spec.name, kind=spec.kind, position=position, created_at=now))
                added += 1
            if added:
                s.commit()
            return added

    def areas(self, series_id: str, include_retired: bool = False) -> list[Area]:
        """The series' areas in their order: stadsdelar and hotspots as the chair keeps them."""
        with Session(self.engine) as s:
            query = select(AreaRow).where(AreaRow.series_id == series_id)
            if not include_retired:
                query = query.where(AreaRow.retired == False)  # noqa: E712
            rows = s.exec(query.order_by(AreaRow.position, AreaRow.name)).all()
            return [_area(r) for r in rows]

    def add_area(self, series_id: str, name: str, kind: str, now: datetime) -> Area:
        name = " ".join(name.split())
        if not name:
            raise AreaError(_("An area needs a name."))
        if kind not in AREA_KINDS:
            raise AreaError(_("The kind must be one of {kinds}.").format(kinds=", ".join(AREA_KINDS)))
        with self._write, Session(self.engine) as s:
            if s.get(Series, series_id) is None:
                raise AreaError(_("No series {id}.").format(id=series_id))
            rows = s.exec(select(AreaRow).where(AreaRow.series_id == series_id)).all()
            same = [r for r in rows if r.name.casefold() == name.casefold() and not r.retired]
            if same:
                raise AreaError(_("There already is an area called {name}.").format(
                    name=same[0].name))
            top = s.exec(select(func.max(AreaRow.position))
                         .where(AreaRow.series_id == series_id)).first()
            row = AreaRow(id=str(uuid.uuid4()), series_id=series_id,
                          key=area_key_for(name, {r.key for r in rows}), name=name, kind=kind,
                          position=(top if top is not None else -1) + 1, created_at=now)
            s.add(row)
            s.commit()
            return _area(row)

    def rename_area(self, area_id: str, name: str, kind: str | None = None) -> Area:
        name = " ".join(name.split())
        if not name:
            raise AreaError(_("An area needs a name."))
        if kind is not None and kind not in AREA_KINDS:
            raise AreaError(_("The kind must be one of {kinds}.").format(kinds=", ".join(AREA_KINDS)))
        with self._write, Session(self.engine) as s:
            row = s.get(AreaRow, area_id)
            if row is None:
                raise AreaError(_("No area {id}.").format(id=area_id))
            row.name = name
            if kind is not None:
                row.kind = kind
            s.add(row)
            s.commit()
            return _area(row)

    def retire_area(self, area_id: str, retired: bool = True) -> Area:
        """Take an area off the picture (its history stays), or bring it back."""
        with self._write, Session(self.engine) as s:
            row = s.get(AreaRow, area_id)
            if row is None:
                raise AreaError(_("No area {id}.").format(id=area_id))
            row.retired = retired
            s.add(row)
            s.commit()
            return _area(row)
