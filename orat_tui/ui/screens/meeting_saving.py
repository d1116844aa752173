"""The meeting screen's saving: autosave, conflicts with another orat, removing personal
numbers, and the notes to a file when the database cannot be written."""

from __future__ import annotations


from textual.widgets import TextArea

from orat_tui.i18n import _, ngettext
from orat_tui.labels import step_label
from orat_tui.ui.widgets.note_area import NoteArea, excerpt


class SavingMixin:
    """Saving for MeetingScreen: `self.meeting`, `self.walk`, `self.saver` and the dirty
    notes live on the screen."""

    # after these actions the focus moves to a new note or dialog: keys typed at once wait
    # for it (orat_tui.ui.type_ahead) instead of going into the previous note
    TYPE_AHEAD = frozenset({"next", "previous", "skip", "select", "back", "new_event",
                            "new_action", "add_item", "export_notes"})

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        if isinstance(area, NoteArea):
            text = area.text  # joins the lines: once per key, not three times
            if self.meeting.notes.get(area.slot) == text:
                return
            self.meeting.notes[area.slot] = text
            self.dirty[area.slot] = text
            self.show_save_state()

    def submit_save(self, state: bool | None = None) -> None:
        """Hand the changed notes, and the state when it changed, to the saving thread."""
        from orat_tui.store.service import snapshot

        now = self.app.clock.monotonic()
        with_state = self.state_dirty if state is None else state
        self.seq += 1
        if with_state:
            self.walk.sync(now)
            self.meeting.current_index = self.walk.index
            self.last_state_save = now
        self.saver.submit(snapshot(self.meeting) if with_state else None, self.dirty, self.seq)
        self.dirty = {}
        self.state_dirty = False

    def on_meeting_screen_saved(self, msg) -> None:  # MeetingScreen.Saved
        self.saved_seq = max(self.saved_seq, msg.seq)
        self.save_error = ""
        self.show_save_state()
        for conflict in msg.result.conflicts:
            self.resolve_conflict(conflict)
        if msg.result.state_conflict and not self.state_conflicted:
            # said once: every later save of the state meets the same conflict, and the
            # save-state line keeps showing it until the meeting is reopened
            self.state_conflicted = True
            self.show_save_state()
            self.notify(_("Attendance, order or times of this meeting were changed in another "
                          "orat; yours were not saved. Reopen the meeting to see theirs."),
                        severity="error", timeout=15)

    def resolve_conflict(self, conflict) -> None:
        """Another orat saved this note first. Never a dialog while the chair types (a typed
        letter must not answer it): the note stays unsaved, in memory, until the chair
        chooses with alt+k (keep mine) or alt+r (reload theirs)."""
        self.conflicts[conflict.slot] = conflict
        if len(self.conflicts) == 1:
            self.notify(
                _("“{where}” was changed in another orat: alt+k keeps your text, alt+r "
                  "loads theirs:\n{theirs}").format(where=self.slot_label(conflict.slot),
                                                    theirs=excerpt(conflict.theirs)),
                severity="warning", timeout=20, markup=False)
        self.refresh_bindings()
        self.show_save_state()

    def _resolve(self, keep: bool) -> None:
        for slot, conflict in self.conflicts.items():
            self.saver.accept(slot, conflict.their_version)
            if keep:
                self.dirty[slot] = self.meeting.notes.get(slot, conflict.mine)
            else:
                self.meeting.notes[slot] = conflict.theirs
                self.dirty.pop(slot, None)
                for area in self.query(NoteArea):
                    if area.slot == slot:
                        area.load_text(conflict.theirs)
        self.conflicts.clear()
        self.refresh_bindings()
        self.submit_save()

    def action_keep_mine(self) -> None:
        self._resolve(keep=True)

    def action_reload_theirs(self) -> None:
        self._resolve(keep=False)

    def slot_label(self, slot: str) -> str:
        kind, ident, field_name = slot.split(":", 2)
        from orat_tui.labels import field_label

        label = field_label(field_name).format(name=self.meeting.name_of(ident))
        if kind == "step":
            step = next((s for s in self.meeting.steps if s.id == ident), None)
            if step is not None:
                return f"{step_label(self.meeting, step, short=False)} · {label}"
        return label

    def on_meeting_screen_save_failed(self, msg) -> None:  # MeetingScreen.SaveFailed
        first = not self.save_error
        self.save_error = msg.error
        self.show_save_state()
        if first:
            self.notify(_("The notes could not be saved: {error}. They are kept in memory.").format(
                error=msg.error), severity="error", timeout=15)

    def save_now(self, timeout: float = 5.0) -> bool:
        """Save everything, the state too, and wait for it (quitting, ending)."""
        self.submit_save(state=True)
        return self.saver.flush(timeout)

    def on_unmount(self) -> None:
        if self.saver is not None:
            # a database that fails to save does not keep the chair waiting at the door
            patience = 1.0 if self.save_error else 5.0
            self.save_now(patience)
            self.saver.close(patience)


    def action_redact(self) -> None:
        """Remove personal identity numbers from every note of the meeting, on screen and on
        disk (the database overwrites deleted text and empties its write-ahead log)."""
        from orat_tui.domain.personnummer import redact

        changed = 0
        for slot, text in list(self.meeting.notes.items()):
            clean = redact(text, _("[removed]"))
            if clean != text:
                changed += 1
                self.meeting.notes[slot] = clean
                self.dirty[slot] = clean
                for area in self.query(NoteArea):
                    if area.slot == slot:
                        area.load_text(clean)
                        area.scan()
        prepared = self.redact_prepared(_("[removed]"))  # meeting_prepared.PreparedMixin
        if not changed and not prepared:
            self.notify(_("No personal identity numbers in this meeting's notes."))
            return
        changed += prepared
        if not self.save_now():
            self.notify(_("The notes could not be saved: {error}. They are kept in memory.").format(
                error=self.save_error), severity="error")
            return
        store, meeting_id, who = self.app.store, self.meeting.id, self.app.who

        def scrub() -> None:
            from orat_tui.store.intake import redact_prepared

            store.redact_trail(meeting_id, _("[removed]"))
            redact_prepared(store, meeting_id, _("[removed]"))
            notes = ngettext("{n} note", "{n} notes", changed).format(n=changed)
            store.record(meeting_id, who, "redact", reason=notes)
            store.compact_log()

        self.app.call_store(scrub)
        self.notify(ngettext("Removed from {n} note and from the database.",
                             "Removed from {n} notes and from the database.", changed).format(n=changed)
                    + " " + _("Backups made before now may still hold them."), timeout=12)

    def action_export_notes(self) -> None:
        """Write the meeting as it stands in memory to a file: the way out when the database
        cannot be written (a full disk, a read-only file)."""
        from pathlib import Path

        from orat_tui.ui.screens.dialogs import TextPrompt

        default = Path.home() / f"orat-{self.meeting.started_at:%Y-%m-%d-%H%M}.md"

        def chosen(path: str | None) -> None:
            if not path:
                return
            from orat_tui.export.markdown import minutes_markdown

            target = Path(path).expanduser()
            from orat_tui.files import write_private

            try:
                write_private(target, minutes_markdown(self.meeting))
            except OSError as exc:
                self.notify(_("Could not write {path}: {error}").format(path=target, error=exc.strerror),
                            severity="error")
                return
            self.notify(_("The notes are in {path}").format(path=target))

        self.app.push_screen(TextPrompt(_("Write the notes to which file?"), value=str(default)),
                             chosen)

