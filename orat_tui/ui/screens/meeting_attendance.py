"""The meeting screen's roll call: presence, adjunct members, substitutes."""

from __future__ import annotations

from orat_tui.domain.meeting import Attendee
from orat_tui.i18n import _
from orat_tui.ui.steps.roll_call import AttendeeList, RollCallView


class AttendanceMixin:
    """Handlers of the roll call's messages, mixed into MeetingScreen."""

    def on_attendee_list_toggle(self, msg: AttendeeList.Toggle) -> None:
        a = self.meeting.attendee(msg.key)
        if a is None or self.meeting.state == "approved":
            return
        a.present = not a.present
        if self.review:
            self.app.call_store(self.app.store.record, self.meeting.id, self.app.who, "edit",
                                f"attendance:{a.key}", "present" if not a.present else "absent",
                                "present" if a.present else "absent")
        if a.kind == "member":
            self.walk.set_absent(a.key, not a.present)
        elif a.present:
            self.walk.add_turn(a.key, 120, self._turn_fields())
        else:
            self.walk.remove_turn(a.key)
        self._attendance_changed()

    def _turn_fields(self) -> tuple[str, ...]:
        turns = [s for s in self.meeting.steps if s.kind == "turn"]
        return turns[0].fields if turns else ("note",)

    def _attendance_changed(self) -> None:
        self.state_dirty = True
        view = self.current_view()
        if isinstance(view, RollCallView):
            view.fill()
        self.refresh_all()

    def on_attendee_list_add_adjunct(self, _msg: AttendeeList.AddAdjunct) -> None:
        from orat_tui.ui.screens.dialogs import TextPrompt

        def added(name: str | None) -> None:
            if not name:
                return
            key = "adj-" + "".join(c if c.isalnum() else "-" for c in name.lower())[:40]
            while self.meeting.attendee(key):
                key += "-2"
            self.meeting.attendees.append(Attendee(key, name, name[:14], kind="adjunct"))
            self.walk.add_turn(key, 120, self._turn_fields())
            self._attendance_changed()

        self.app.push_screen(TextPrompt(_("Adjunct member for this meeting (organisation or role):"),
                                        placeholder=_("e.g. Fältgruppen")), added)

    def on_attendee_list_substitute(self, msg: AttendeeList.Substitute) -> None:
        from orat_tui.ui.screens.dialogs import TextPrompt

        a = self.meeting.attendee(msg.key)
        if a is None:
            return
        if not self.meeting.substitutes_allowed:
            self.notify(_("This forum uses no substitutes: information passes through the chair."))
            return

        def named(name: str | None) -> None:
            if name is None:
                return
            a.substitute = name
            self._attendance_changed()

        self.app.push_screen(TextPrompt(_("Who stands in for {name}? (empty: nobody)").format(name=a.name),
                                        value=a.substitute), named)
