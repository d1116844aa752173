"""Store's side of the situational picture, one mixin made of small ones: areas
(store/areas.py)."""

from __future__ import annotations

from orat_tui.store.areas import AreaError, AreaMixin

__all__ = ["AreaError", "PictureMixin"]


class PictureMixin(AreaMixin):
    """Areas, levels, signals and events of a series (mixed into Store)."""
