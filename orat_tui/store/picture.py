"""Store's side of the situational picture, one mixin made of small ones: areas
(store/areas.py), levels and signal ratings (store/levels.py), events (store/events.py), and
the picture of a series read in one go (below)."""

from __future__ import annotations

from sqlmodel import Session, select

from orat_tui.store.areas import AreaError, AreaMixin
from orat_tui.store.events import EventError, EventMixin
from orat_tui.store.levels import LevelError, LevelMixin
from orat_tui.store.models import MeetingRow

__all__ = ["AreaError", "EventError", "LevelError", "PictureMixin"]


class PictureMixin(AreaMixin, LevelMixin, EventMixin):
    """Areas, levels, signals and events of a series (mixed into Store)."""

    def series_meetings(self, series_id: str) -> list[tuple[str, object, str]]:
        """(id, started_at, state) of the series' meetings, oldest first."""
        with Session(self.engine) as s:
            rows = s.exec(select(MeetingRow.id, MeetingRow.started_at, MeetingRow.state)
                          .where(MeetingRow.series_id == series_id)
                          .order_by(MeetingRow.started_at, MeetingRow.id)).all()
            return [(r[0], r[1], r[2]) for r in rows]

    def picture(self, series_id: str):
        """Everything the Lägesbild screen and the briefing show, read in one go (an
        orat_tui.picture.PictureData)."""
        from orat_tui.domain.picture import PictureData

        return PictureData(
            series_id=series_id,
            meetings=self.series_meetings(series_id),
            areas=self.areas(series_id),
            changes=self.level_changes(series_id),
            combined=self.combined_levels(series_id),
            ratings=self.signal_ratings(series_id),
            events=self.events(series_id),
        )
