"""The week-by-week picture (Bilaga 2, orat's form of it): areas down, the last meetings
across, each cell the level of that week in its colour and its three letters; then the
area's current signal score with its change and trend, and its open events."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from orat_tui.domain.picture import PictureData
from orat_tui.domain.signals import Checklist, signed, sparkline
from orat_tui.i18n import _
from orat_tui.labels_picture import LEVEL_STYLE, level_short

COMBINED = "__combined__"  # the row key of the series' combined level


def week_labels(data: PictureData, ids: list[str]) -> list[str]:
    """'v48' per meeting; more meetings in the same week (extra ones) are 'v48b', 'v48c'."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for mid in ids:
        started = data.started(mid)
        label = _("w{n}").format(n=started.isocalendar()[1]) if started else "?"
        n = seen[label] = seen.get(label, 0) + 1
        out.append(label if n == 1 else label + "abcdefghijklmnopqrstuvwxyz"[min(n - 1, 25)])
    return out


def level_cell(level: str, mark: str = " ") -> Text:
    return Text(f"{level_short(level)}{mark}", style=LEVEL_STYLE.get(level, ""))


class PictureGrid(DataTable):
    DEFAULT_CSS = """
    PictureGrid { height: auto; max-height: 1fr; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self.data: PictureData | None = None
        self.checklist: Checklist | None = None
        self.meeting_id: str | None = None

    def plan(self, width: int) -> tuple[int, int, int]:
        """(name width, week columns, sparkline length; 0: no signal column) for a table
        `width` wide: the weeks give way before the name, the signals before the weeks."""
        name = 18 if width >= 90 else (14 if width >= 60 else 12)
        spark = 12 if width >= 100 else (6 if width >= 60 else 0)
        signals = (7 + spark + 1 + 2) if spark else 0
        fixed = (name + 2) + signals + (5 + 2) + 2
        weeks = max(1, min(12, (width - fixed) // 6))
        return name, weeks, spark

    def show(self, data: PictureData, checklist: Checklist | None, meeting_id: str | None) -> None:
        self.data, self.checklist, self.meeting_id = data, checklist, meeting_id
        self.rebuild()

    def rebuild(self) -> None:
        data = self.data
        if data is None:
            return
        keep = self.cursor_row
        name_w, n, spark_w = self.plan(self.size.width or self.app.size.width)
        ids = data.window(self.meeting_id, n)
        self.clear(columns=True)
        self.add_column(_("Area"), width=name_w, key="area")
        for mid, label in zip(ids, week_labels(data, ids)):
            self.add_column(label, width=4, key=mid)
        if spark_w:
            self.add_column(_("Signals"), width=7 + spark_w + 1, key="signals")
        self.add_column(_("Open"), width=5, key="events")
        current = ids[-1] if ids else None
        # the combined level first: the chair's, or orat's suggestion with a '?'
        cells: list = [Text(_("Combined"), style="bold")]
        for mid in ids:
            level, confirmed = data.combined_level(mid)
            cells.append(level_cell(level, " " if confirmed else "?"))
        open_all = len(data.open_events())
        cells += ([Text("")] if spark_w else []) + [
            Text(str(open_all) if open_all else "–", justify="right")]
        self.add_row(*cells, key=COMBINED)
        for area in data.areas:
            label = area.name if area.kind != "hotspot" else f"◆ {area.name}"
            if len(label) > name_w:
                label = label[: name_w - 1] + "…"
            row: list = [Text(label)]
            for mid in ids:
                row.append(level_cell(data.level(mid, area.id),
                                      "•" if (mid, area.id) in data.set_in and mid == current
                                      else " "))
            if spark_w:
                row.append(self.signal_cell(area.id, current, spark_w))
            n_open = len(data.open_events(area.id))
            row.append(Text(str(n_open) if n_open else "–", justify="right",
                            style="bold" if n_open else "dim"))
            self.add_row(*row, key=area.id)
        if keep is not None and self.row_count:
            self.move_cursor(row=min(keep, self.row_count - 1))

    def signal_cell(self, area_id: str, meeting_id: str | None, spark_w: int) -> Text:
        data, checklist = self.data, self.checklist
        if checklist is None or data is None:
            return Text("")
        score = data.score(checklist, meeting_id, area_id)
        delta = data.score_change(checklist, meeting_id, area_id)
        trend = sparkline(data.trend(checklist, meeting_id, area_id, spark_w))
        out = Text()
        out.append(f"{score.total:>3}" if not score.empty else "  –", style="bold")
        style = "red" if delta and delta > 0 else ("green" if delta and delta < 0 else "dim")
        out.append(f" {signed(delta):>3} ", style=style)
        out.append(trend, style="cyan")
        return out

    def selected_key(self) -> str | None:
        if not self.row_count or self.cursor_row is None:
            return None
        try:
            return self.coordinate_to_cell_key((self.cursor_row, 0)).row_key.value
        except Exception:  # noqa: BLE001 - an empty or rebuilding table
            return None

    def on_resize(self) -> None:
        self.rebuild()
