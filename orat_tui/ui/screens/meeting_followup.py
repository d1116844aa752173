"""The meeting screen's follow-up keys: F7 records an action (prefilled with the member who
has the turn or the floor), alt+d records a decision or another item beside the step's notes,
alt+o tags the note being written with a focus area."""

from __future__ import annotations

from textual.binding import Binding

from orat_tui.domain.actions import Action
from orat_tui.i18n import _

FOLLOWUP_BINDINGS = [
    # not priority: NoteArea leaves F7 to the screen, and a priority binding would come
    # first in the footer and push F9/F10 off an 80-column screen
    Binding("f7", "new_action", _("Record action"), id="new-action",
            tooltip=_("Record an action (åtgärd) for the member who has the turn")),
    Binding("alt+d", "add_item", _("Decision"), show=False, id="add-item",
            tooltip=_("Record a decision, a need for a decision or reinforcement, a coordination "
                      "need or who must be informed")),
    Binding("alt+o", "tag_focus", _("Focus area"), show=False, id="tag-focus",
            tooltip=_("Tag the note being written with a focus area")),
]


def series_areas(store, series_id: str) -> list:
    """The series' areas for the action dialog (none where the store has no areas)."""
    return store.areas(series_id) if hasattr(store, "areas") else []


def focus_areas(app) -> tuple:
    """The focus areas (config/focus-areas.toml or the user's own copy), read once; a broken
    file is said in one line and leaves none."""
    cached = getattr(app, "_orat_focus_areas", None)
    if cached is not None:
        return cached
    from orat_tui.config import ConfigError
    from orat_tui.config_focus import load_focus_areas

    try:
        areas = load_focus_areas()
    except ConfigError as exc:
        app.notify(str(exc), severity="error", timeout=12, markup=False)
        areas = ()
    app._orat_focus_areas = areas
    return areas


class FollowupMixin:
    """For MeetingScreen: `self.meeting`, `self.walk`, `self.dirty` live on the screen."""

    focus_tags: dict[str, str]

    def members_for_actions(self) -> list[tuple[str, str]]:
        return [(a.key, a.name) for a in self.meeting.attendees
                if a.present or a.kind == "member"]

    def prefilled_member(self) -> str:
        step = self.walk.current
        if step.kind == "turn":
            return step.member
        return self.walk.floor or ""

    def action_new_action(self) -> None:
        if self.walk is None:
            return
        step = self.walk.current
        member = self.prefilled_member()
        action = Action(series_id=self.meeting.series_id, what="", responsible=member,
                        responsible_name=self.meeting.name_of(member) if member else "",
                        meeting_id=self.meeting.id, step_id=step.id)
        self.open_action_dialog(action, editing=False)

    def edit_action(self, action: Action, done=None) -> None:
        self.open_action_dialog(action, editing=True, done=done)

    def open_action_dialog(self, action: Action, editing: bool, done=None) -> None:
        from orat_tui.store.actions import add_action, update_action
        from orat_tui.ui.screens.action_dialog import ActionDialog

        today = self.app.clock.now().date()

        def saved(result) -> None:
            self.notify(_("Action saved: {what}").format(what=result.what), markup=False)
            view = self.current_view()
            if hasattr(view, "reload"):
                view.reload()
            if done is not None:
                done(result)

        def chosen(result: Action | None) -> None:
            if result is None:
                return
            store, who, now = self.app.store, self.app.who, self.app.clock.now()
            if editing:
                self.app.call_store(update_action, store, result, who, now, self.meeting.id,
                                    done=saved, failed=self._action_failed)
            else:
                self.app.call_store(add_action, store, result, who, now, done=saved,
                                    failed=self._action_failed)

        def show(areas) -> None:
            self.app.push_screen(ActionDialog(action, self.members_for_actions(),
                                              focus_areas(self.app), today, editing, areas),
                                 chosen)

        self.app.call_store(series_areas, self.app.store, self.meeting.series_id, done=show,
                            failed=lambda _error: show([]))

    def _action_failed(self, error: str) -> None:
        self.notify(_("The action could not be saved: {error}").format(error=error),
                    severity="error", timeout=10)

    # -- decisions and other items ---------------------------------------------------------
    def action_add_item(self) -> None:
        from orat_tui.ui.screens.item_dialog import ItemDialog, default_kind

        step = self.walk.current
        if step.kind == "roll_call":
            self.notify(_("Decisions and other items belong to a turn or a point."))
            return
        if self.meeting.state == "approved":
            self.notify(_("The meeting is approved: reopen it to change it."))
            return

        def chosen(result) -> None:
            if not result:
                return
            kind, text = result
            from orat_tui.domain.meeting import note_slot

            slot = note_slot(step, kind)
            before = self.meeting.notes.get(slot, "").rstrip("\n")
            after = f"{before}\n{text}" if before.strip() else text
            self.meeting.notes[slot] = after
            self.dirty[slot] = after
            if self.walk.current is step:
                self.show_step()
            self.show_save_state()

        self.app.push_screen(ItemDialog(default_kind(step)), chosen)

    # -- focus areas of notes ------------------------------------------------------------
    def action_tag_focus(self) -> None:
        from orat_tui.ui.screens.item_dialog import FocusPicker
        from orat_tui.ui.widgets.note_area import NoteArea

        area = self.app.focused
        if not isinstance(area, NoteArea):
            self.notify(_("Put the cursor in a note first: alt+o tags that note."))
            return
        areas = focus_areas(self.app)
        if not areas:
            self.notify(_("No focus areas are defined (focus-areas.toml)."))
            return
        slot = area.slot
        tags = getattr(self, "focus_tags", {})

        def chosen(key: str | None) -> None:
            if key is None:
                return
            from orat_tui.store.focus import set_note_focus

            def failed(error: str) -> None:
                self.focus_tags = tags  # the note shows the tag it still has
                self.show_focus_tags()
                self.notify(_("The focus area could not be saved: {error}").format(error=error),
                            severity="error", timeout=10)

            self.focus_tags = {**tags, slot: key} if key else {
                k: v for k, v in tags.items() if k != slot}
            self.app.call_store(set_note_focus, self.app.store, self.meeting.id, slot, key,
                                failed=failed)
            self.show_focus_tags()

        self.app.push_screen(FocusPicker(areas, tags.get(slot, "")), chosen)

    def load_focus_tags(self) -> None:
        from orat_tui.store.focus import note_focus_of

        def loaded(tags: dict[str, str]) -> None:
            self.focus_tags = tags
            self.show_focus_tags()

        self.focus_tags = {}
        if self.app.store is not None:
            self.app.call_store(note_focus_of, self.app.store, self.meeting.id, done=loaded)

    def show_focus_tags(self) -> None:
        """A tagged note names its focus area on its border."""
        from orat_tui.domain.focus import focus_label
        from orat_tui.ui.widgets.note_area import NoteArea

        areas = focus_areas(self.app)
        tags = getattr(self, "focus_tags", {})
        for area in self.query(NoteArea):
            key = tags.get(area.slot)
            area.focus_mark = "◆ " + focus_label(areas, key) if key else ""
            area.show_internal(area.slot in self.meeting.internal)

