"""The picture from inside a meeting: F6 opens the Lägesbild screen for this meeting, alt+h
raises an event (händelse) from the current turn or point. A mixin of MeetingScreen; its
bindings are added to MeetingScreen.BINDINGS (Textual reads BINDINGS of widgets only)."""

from __future__ import annotations

from textual.binding import Binding

from orat_tui.i18n import _

PICTURE_BINDINGS = [
    # priority: the note (a TextArea) would take F6 to select a line
    # not in the footer: a priority binding would come first there and push F2 Next aside;
    # F1 lists it, point 3 of Örebro says it, the README has it
    Binding("f6", "picture", _("Picture"), id="picture", priority=True, show=False,
            tooltip=_("The situational picture: levels per area, signals, events")),
    Binding("alt+h", "new_event", _("New event"), show=False, id="new-event",
            tooltip=_("Raise an event (händelse) from this turn or point")),
]


class MeetingPictureMixin:
    def action_picture(self) -> None:
        from orat_tui.ui.screens.picture import PictureScreen

        self.submit_save(state=True)
        self.app.push_screen(PictureScreen(self.meeting.series_id, self.meeting.template_id,
                                           meeting=self.meeting),
                             lambda _r: self._picture_closed())

    def _picture_closed(self) -> None:
        view = self.current_view()
        if view is not None and hasattr(view, "reload_picture"):
            view.reload_picture()
        if view is not None:
            view.focus_first()

    def raiser(self) -> str:
        """Who raises an event from here: the member of the turn, the one with the floor in a
        point, else the chair."""
        step = self.walk.current
        if step.kind == "turn" and step.member:
            return step.member
        if self.walk.floor:
            return self.walk.floor
        return next((a.key for a in self.meeting.attendees if a.chair), "")

    def action_new_event(self) -> None:
        from orat_tui.domain.events import Event
        from orat_tui.ui.screens.event_form import EventScreen
        from orat_tui.ui.screens.meeting_followup import focus_areas

        store, meeting = self.app.store, self.meeting
        event = Event(series_id=meeting.series_id, title="", member_key=self.raiser(),
                      raised_meeting_id=meeting.id)
        members = [(a.key, a.name) for a in meeting.attendees]

        def saved(_result) -> None:
            self.notify(_("Event saved; it stays open until closed (F6: the picture)."))
            view = self.current_view()
            if view is not None and hasattr(view, "reload_picture"):
                view.reload_picture()

        def done(result) -> None:
            if result is not None:
                self.app.call_store(store.save_event, result, self.app.clock.now(), done=saved)

        def show(areas) -> None:
            self.app.push_screen(EventScreen(event, areas, members, focus_areas(self.app)), done)

        self.app.call_store(store.areas, meeting.series_id, done=show)
