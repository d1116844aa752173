"""What the chair does on the Lägesbild screen: levels, the combined level, areas, events.
A mixin of PictureScreen (orat_tui.ui.screens.picture); every change goes through the store
in a worker and the picture is read again."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList

from orat_tui.domain.levels import suggest_combined
from orat_tui.i18n import _
from orat_tui.labels_picture import level_name
from orat_tui.ui.widgets.picture_grid import COMBINED, PictureGrid


class PictureActions:
    # -- levels ------------------------------------------------------------------------
    def can_edit(self) -> bool:
        if self.data is None:
            return False
        if self.meeting_id is None:
            self.notify(_("Levels and signals belong to a meeting: start one first."),
                        severity="warning")
            return False
        return not self.approved()

    def approved(self) -> bool:
        """An approved meeting's picture is read only: no levels or signals set in it, no
        event raised or closed in it (what its minutes say stays as approved)."""
        if self.meeting_state == "approved":
            self.notify(_("This meeting is approved: its picture is read only."),
                        severity="warning")
            return True
        return False

    def failed(self, text: str) -> None:
        self.notify(text, severity="error", timeout=8)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.control.id == "picture-grid":  # (a mixin: @on is for widget classes)
            self.action_level()

    def action_level(self) -> None:
        key = self.query_one(PictureGrid).selected_key()
        if key == COMBINED:
            self.action_combined()
            return
        area = self.selected_area()
        if area is None or not self.can_edit():
            return
        from orat_tui.ui.screens.picture_dialogs import LevelDialog

        current = self.data.level(self.meeting_id, area.id)

        def chosen(result) -> None:
            if result is None:
                return
            level, reason = result
            if level == current:
                return
            self.app.call_store(self.app.store.set_level, self.meeting_id, area.id, level,
                                reason, self.app.who, current, self.app.clock.now(),
                                done=lambda _r: self.reload(), failed=self.failed)

        self.app.push_screen(LevelDialog(_("Level of {area}").format(area=area.name), current,
                                         current), chosen)

    def action_combined(self) -> None:
        if not self.can_edit():
            return
        from orat_tui.ui.screens.picture_dialogs import LevelDialog

        suggestion = suggest_combined(self.data.area_levels(self.meeting_id).values())
        current, _confirmed = self.data.combined_level(self.meeting_id)
        note = _("orat suggests {level} from the areas (red if any is red, else yellow, else "
                 "orange, else green). Enter on it confirms; another level needs a reason."
                 ).format(level=level_name(suggestion))

        def chosen(result) -> None:
            if result is None:
                return
            level, reason = result
            self.app.call_store(self.app.store.set_combined, self.meeting_id, level, suggestion,
                                reason, self.app.who, self.app.clock.now(),
                                done=lambda _r: self.reload(), failed=self.failed)

        self.app.push_screen(LevelDialog(_("Combined level of the series"), current, suggestion,
                                         note), chosen)

    # -- signals -----------------------------------------------------------------------
    def action_signals(self) -> None:
        if self.data is not None and not self.data.areas:
            self.notify(_("This series has no areas yet: a adds one."), severity="warning")
            return
        area = self.selected_area() or (self.data.areas[0] if self.data else None)
        if area is None or not self.can_edit():
            return
        if self.checklist is None:
            self.notify(self.checklist_error or _("This series has no checklist."),
                        severity="warning")
            return
        from orat_tui.ui.screens.signals import SignalsScreen

        self.app.push_screen(SignalsScreen(self.data, self.checklist, self.meeting_id, area.id),
                             lambda _r: self.reload())

    # -- events ------------------------------------------------------------------------
    def members(self) -> list[tuple[str, str]]:
        if self.meeting is not None:
            return [(a.key, a.name) for a in self.meeting.attendees]
        template = self.template
        return [(m.key, m.name) for m in template.members] if template is not None else []

    def action_new_event(self) -> None:
        if self.data is None or self.approved():
            return
        from orat_tui.domain.events import Event

        area = self.selected_area()
        chair = next((a.key for a in self.meeting.attendees if a.chair), "") if self.meeting \
            else ""
        self.edit_event(Event(series_id=self.series_id, title="",
                              area_id=area.id if area else None, member_key=chair,
                              raised_meeting_id=self.meeting_id))

    def edit_event(self, event) -> None:
        from orat_tui.ui.screens.event_form import EventScreen
        from orat_tui.ui.screens.meeting_followup import focus_areas

        def done(result) -> None:
            if result is None:
                return
            self.app.call_store(self.app.store.save_event, result, self.app.clock.now(),
                                done=lambda _r: self.reload(), failed=self.failed)

        self.app.push_screen(EventScreen(event, self.data.areas, self.members(), focus_areas(self.app)), done)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.control.id != "picture-events":
            return
        found = self.selected_event()
        if found is not None:
            self.edit_event(found)

    def action_close_event(self) -> None:
        found = self.selected_event()
        if found is None or self.approved():
            return
        from orat_tui.ui.screens.dialogs import TextPrompt

        def closed(note) -> None:
            if note is None:
                return
            self.app.call_store(self.app.store.close_event, found.id, self.meeting_id, note,
                                self.app.clock.now(), done=lambda _r: self.reload(),
                                failed=self.failed)

        self.app.push_screen(TextPrompt(_("Close the event “{title}”? How did it end (one line, "
                                          "may be empty)").format(title=found.title)), closed)

    def action_reopen_event(self) -> None:
        """An event closed by mistake comes back: the events closed in this meeting."""
        if self.data is None or self.approved():
            return
        store, series_id, meeting_id = self.app.store, self.series_id, self.meeting_id

        def closed_here():
            return [e for e in store.events(series_id, open_only=False)
                    if not e.is_open and e.closed_meeting_id == meeting_id]

        def chosen(event_id) -> None:
            if event_id:
                self.app.call_store(store.reopen_event, event_id, self.app.clock.now(),
                                    done=lambda _r: self.reload(), failed=self.failed)

        def show(events) -> None:
            if not self.is_attached:
                return
            if not events:
                self.notify(_("No event was closed in this meeting."))
                return
            from orat_tui.ui.screens.picture_dialogs import EventPicker

            self.app.push_screen(EventPicker(_("Reopen an event closed in this meeting"),
                                             events), chosen)

        self.app.call_store(closed_here, done=show, failed=self.failed)

    # -- areas -------------------------------------------------------------------------
    def action_add_area(self) -> None:
        if self.data is None:
            return
        from orat_tui.ui.screens.picture_dialogs import AreaDialog

        def added(result) -> None:
            if result is not None:
                name, kind = result
                self.app.call_store(self.app.store.add_area, self.series_id, name, kind,
                                    self.app.clock.now(), done=lambda _r: self.reload(),
                                    failed=self.failed)

        self.app.push_screen(AreaDialog(_("A new area")), added)

    def action_rename_area(self) -> None:
        area = self.selected_area()
        if area is None:
            return
        from orat_tui.ui.screens.picture_dialogs import AreaDialog

        def renamed(result) -> None:
            if result is not None:
                name, kind = result
                self.app.call_store(self.app.store.rename_area, area.id, name, kind,
                                    done=lambda _r: self.reload(), failed=self.failed)

        self.app.push_screen(AreaDialog(_("Rename {area}").format(area=area.name), area.name,
                                        area.kind), renamed)

    def action_retire_area(self) -> None:
        area = self.selected_area()
        if area is None:
            return
        from orat_tui.ui.screens.dialogs import ConfirmScreen

        def answer(yes) -> None:
            if yes:
                self.app.call_store(self.app.store.retire_area, area.id,
                                    done=lambda _r: self.reload(), failed=self.failed)

        self.app.push_screen(ConfirmScreen(
            _("Take {area} off the picture? Its history stays in earlier meetings.").format(
                area=area.name), yes=_("Retire area")), answer)
