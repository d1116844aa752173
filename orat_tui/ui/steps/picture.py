"""Örebro's point 3 (and the extra meeting's levels point): the point's wording, who has the
floor, the situational picture week by week, and a note. Enter on the picture, or F6, opens
the Lägesbild screen where the chair sets levels, rates signals and raises events."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from orat_tui.i18n import _
from orat_tui.ui.steps.point import PointView
from orat_tui.ui.widgets.picture_grid import PictureGrid


class PictureStepView(PointView):
    SCOPED_CSS = False  # the narrow rules start at the meeting screen
    DEFAULT_CSS = """
    PictureStepView PictureGrid { height: auto; max-height: 12; margin-top: 1; }
    PictureStepView .fields { height: 1fr; min-height: 6; }
    PictureStepView .picture-hint { color: $text-muted; height: auto; }
    MeetingScreen.-narrow PictureStepView .step-sub { display: none; }
    MeetingScreen.-narrow PictureStepView PictureGrid { max-height: 8; margin-top: 0; }
    """

    def compose(self) -> ComposeResult:
        title = self.step.title or _("Combined situational picture")
        yield Static(f"{self.step.number}. {title}" if self.step.number else title,
                     classes="step-heading")
        yield Static(_("Who has the floor (shift+F1, shift+F2, …; the same key again: nobody)"),
                     classes="step-sub")
        yield Static("", id="floor-row")
        yield PictureGrid(id="step-picture")
        yield Static(_("F6: set levels, rate the signals, raise and close events"),
                     classes="picture-hint")
        yield self.fields(self.step)

    def on_mount(self) -> None:
        super().on_mount()
        self.reload_picture()

    def reload_picture(self) -> None:
        app, meeting = self.app, self.meeting
        template = app.templates.get(meeting.template_id)
        name = template.template.checklist if template is not None else ""

        def load():
            checklist = None
            if name:
                from orat_tui.checklists import load_checklist
                from orat_tui.config import ConfigError

                try:
                    checklist = load_checklist(name)
                except ConfigError:
                    checklist = None  # the Lägesbild screen says why
            return app.store.picture(meeting.series_id), checklist

        def done(result) -> None:
            if self.is_attached:
                data, checklist = result
                self.query_one(PictureGrid).show(data, checklist, meeting.id)

        app.call_store(load, done=done)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.screen.action_picture()
