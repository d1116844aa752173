"""A meeting afterwards, read as its minutes: the secretary's page for it. From here one key
edits it, approves it (justera), reopens it, shows its history.

The minutes are the notes with the meeting's actions and situational picture
(Store.actions_and_picture): read in one worker call with the meeting (`read_minutes`)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static

from orat_tui.domain.meeting import APPROVED, ENDED, Meeting
from orat_tui.i18n import _, format_date


def read_minutes(store, meeting_id: str, focus: tuple = ()) -> tuple[Meeting, object]:
    """The meeting and the record of its actions and situational picture, read together (in
    a worker thread: app.call_store)."""
    return store.load(meeting_id), store.actions_and_picture(meeting_id, focus)


class MinutesScreen(Screen[None]):
    BINDINGS = [
        Binding("escape,q", "close", _("Back"), id="minutes-close",
                tooltip=_("Back to the list of meetings")),
        Binding("e", "edit", _("Edit"), id="minutes-edit",
                tooltip=_("Complete or correct notes, attendance and times (recorded)")),
        Binding("a", "approve", _("Approve"), id="minutes-approve",
                tooltip=_("Approve (justera) the minutes: the meeting is locked")),
        Binding("o", "reopen", _("Reopen"), id="minutes-reopen",
                tooltip=_("Reopen an approved meeting, for a reason that is recorded")),
        Binding("h", "history", _("History"), id="minutes-history",
                tooltip=_("Every recorded change of this meeting")),
        Binding("i", "internal", _("Internal notes"), id="minutes-internal",
                tooltip=_("Show or hide the internal (egen) notes")),
        Binding("x", "export", _("Export"), id="minutes-export",
                tooltip=_("Write the minutes to a file: .md, .html, .docx, .json or .txt")),
    ]
    DEFAULT_CSS = """
    MinutesScreen VerticalScroll { padding: 0 2; }
    MinutesScreen Markdown { max-width: 110; }
    MinutesScreen #minutes-state { height: auto; padding: 0 2; background: $panel; }
    MinutesScreen #minutes-state.-broken { background: $error 40%; text-style: bold; }
    """

    def __init__(self, meeting: Meeting, slot: str | None = None, record=None) -> None:
        super().__init__()
        self.meeting = meeting
        # its actions and situational picture (domain.actions_picture.ActionsAndPicture);
        # read on mount when not given
        self.record = record
        self.slot = slot  # the note to show first (a search hit)
        self.include_internal = False

    def compose(self) -> ComposeResult:
        # The widgets are held, not looked up: under heavy load a nested child was not yet in
        # the DOM when on_mount ran (NoMatches), so the first text is composed in, not updated.
        self.state_line = Static(self.state_text(), id="minutes-state",
                                 classes="-broken" if self.broken() else "")
        self.scroller = VerticalScroll()
        self.document = Markdown(self.markdown_text())
        yield self.state_line
        with self.scroller:
            yield self.document
        yield Footer()

    def on_mount(self) -> None:
        self.scroller.focus()
        if self.record is None:
            self.reload()
        if self.slot:
            self.scroll_tries = 0
            self.set_timer(0.05, self.scroll_to_slot)

    def scroll_to_slot(self) -> None:
        """Opened from a search hit: bring the heading of the hit's step (or member) into view."""
        from orat_tui.labels import step_label

        kind, ident, _field = (self.slot or "::").split(":", 2)
        if kind == "member":
            label = self.meeting.name_of(ident)
        else:
            step = next((s for s in self.meeting.steps if s.id == ident), None)
            if step is None:
                return
            label = step_label(self.meeting, step, short=False)
        scroller = self.scroller
        for header in self.query("MarkdownH2, MarkdownH3"):
            laid_out = scroller.max_scroll_y > 0 or self.scroll_tries >= 10  # or it all fits
            if label in str(header.render()) and laid_out:
                scroller.scroll_to_widget(header, top=True, animate=False)
                return
        # the minutes are still being laid out: look again shortly (a bounded number of times)
        self.scroll_tries += 1
        if self.scroll_tries < 40:
            self.set_timer(0.05, self.scroll_to_slot)

    def markdown_text(self) -> str:
        from orat_tui.export.markdown import minutes_markdown

        return minutes_markdown(self.meeting, include_internal=self.include_internal,
                                record=self.record)

    def on_screen_resume(self) -> None:
        """Back from editing, history, a dialog: read the meeting again (not on first show:
        it was just read, and a second layout would lose the scroll to a search hit)."""
        if getattr(self, "shown_once", False):
            self.reload()
        self.shown_once = True

    def reload(self) -> None:
        """Read the meeting again; only the newest of overlapping reads is shown (a read that
        began before an approval finished must not show the meeting unapproved)."""
        self.load_seq = getattr(self, "load_seq", 0) + 1
        seq = self.load_seq

        def loaded(result: tuple) -> None:
            if seq == self.load_seq and self.is_attached:  # not closed while reading
                self.meeting, self.record = result
                self.show()

        from orat_tui.ui.screens.meeting_followup import focus_areas

        self.app.call_store(read_minutes, self.app.store, self.meeting.id,
                            focus_areas(self.app), done=loaded)

    def broken(self) -> bool:
        """Approved, but the content no longer matches its approval (changed outside orat)."""
        from orat_tui.domain.approval import hash_matches

        return self.meeting.state == APPROVED and not hash_matches(self.meeting)

    def state_text(self) -> str:
        m = self.meeting
        if self.broken():
            return _("WARNING: this meeting's content no longer matches its approval: it was "
                     "changed outside orat.")
        if m.state == APPROVED:
            return _("Approved by {who}, {date} {time}. Locked: o reopens it.").format(
                who=m.approved_by, date=format_date(m.approved_at.date()),
                time=m.approved_at.strftime("%H:%M"))
        if m.state == ENDED:
            return _("Ended, not yet approved: e edits, a approves.")
        return _("The meeting is still running.")

    def show(self) -> None:
        """Draw the meeting again (after a reload, or with internal notes shown or hidden)."""
        self.state_line.update(self.state_text())
        self.state_line.set_class(self.broken(), "-broken")
        self.document.update(self.markdown_text())
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        state = self.meeting.state
        if action == "edit":
            return state == ENDED
        if action == "approve":
            return state == ENDED
        if action == "reopen":
            return state == APPROVED
        return True

    def action_close(self) -> None:
        self.app.pop_screen()

    def action_edit(self) -> None:
        from orat_tui.ui.screens.meeting import MeetingScreen

        self.app.push_screen(MeetingScreen(self.meeting, slot=self.slot))

    def action_internal(self) -> None:
        self.include_internal = not self.include_internal
        self.show()

    def action_history(self) -> None:
        from orat_tui.ui.screens.history import HistoryScreen

        self.app.call_store(self.app.store.audit_trail, self.meeting.id,
                            done=lambda trail: self.app.push_screen(HistoryScreen(self.meeting, trail)))

    def action_approve(self) -> None:
        from orat_tui.domain.personnummer import find_personal_numbers
        from orat_tui.export import minutes
        from orat_tui.ui.screens.dialogs import ConfirmScreen, TextPrompt

        flagged = [slot for slot, text in self.meeting.notes.items()
                   if find_personal_numbers(text)]
        # and the texts of the actions and the picture the approved minutes will show
        doc = minutes(self.meeting, include_internal=True, record=self.record)
        flagged += [n.slot for n in doc.texts()[len(doc.notes()):]
                    if find_personal_numbers(n.text)]

        def approve(reason: str = "") -> None:
            self.app.call_store(self.app.store.approve, self.meeting.id, self.app.who,
                                self.app.clock.now(), reason, done=self._approved)

        if flagged:
            def overridden(reason: str | None) -> None:
                if not reason:
                    self.notify(_("Not approved: change the text (e, then alt+x) or give a reason."))
                    return
                for slot in flagged:
                    self.app.call_store(self.app.store.record, self.meeting.id, self.app.who,
                                        "override", slot, "", "", reason)
                approve(reason)

            self.app.push_screen(TextPrompt(
                _("{n} notes hold what looks like a personal identity number: individual cases "
                  "never belong in the minutes. To approve anyway, give the reason (it is "
                  "recorded); Escape cancels.").format(n=len(flagged))), overridden)
            return
        self.app.push_screen(ConfirmScreen(_("Approve the minutes? The meeting is then locked."),
                                           yes=_("Approve")),
                             lambda yes: approve() if yes else None)

    def action_export(self) -> None:
        """The minutes to a file; the file name's ending chooses the format."""
        from pathlib import Path

        from orat_tui.ui.screens.dialogs import TextPrompt

        default = Path.home() / f"protokoll-{self.meeting.started_at:%Y-%m-%d}.md"

        def chosen(path: str | None) -> None:
            if path:
                self.export_to(Path(path).expanduser())

        self.app.push_screen(TextPrompt(
            _("Write the minutes to which file? (.md, .html, .docx, .json or .txt)"),
            value=str(default)), chosen)

    def export_to(self, target, override_reason: str | None = None) -> None:
        from orat_tui.export import FORMATS, ExportError, export
        from orat_tui.export.guard import ExportBlocked
        from orat_tui.files import write_private
        from orat_tui.ui.screens.dialogs import TextPrompt

        fmt = target.suffix.lstrip(".").lower()
        if fmt not in FORMATS:
            self.notify(_("Unknown format “{fmt}”: end the file name with .md, .html, .docx, .json "
                          "or .txt.").format(fmt=fmt), severity="error")
            return
        try:
            data = export(self.meeting, fmt, include_internal=self.include_internal,
                          override_reason=override_reason, record=self.record)
        except ExportBlocked as exc:
            blocked = exc  # the except clause's own name is gone once it ends

            def reason_given(reason: str | None) -> None:
                if reason:
                    for slot, _number in blocked.slots:
                        self.app.call_store(self.app.store.record, self.meeting.id, self.app.who,
                                            "override", slot, "", f"export {fmt}", reason)
                    self.export_to(target, reason)

            self.app.push_screen(TextPrompt(str(blocked) + " " + _("Reason (recorded):")),
                                 reason_given)
            return
        except ExportError as exc:
            self.notify(str(exc), severity="error")
            return
        try:
            write_private(target, data)
        except OSError as exc:
            self.notify(_("Could not write {path}: {error}").format(path=target, error=exc.strerror),
                        severity="error")
            return
        self.notify(_("The minutes are in {path}").format(path=target))

    def _approved(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.notify(_("Approved and locked."))
        self.reload()

    def action_reopen(self) -> None:
        from orat_tui.ui.screens.dialogs import TextPrompt

        def reason_given(reason: str | None) -> None:
            if not reason:
                self.notify(_("Not reopened: a reason is needed."))
                return
            self.app.call_store(self.app.store.reopen, self.meeting.id, self.app.who, reason,
                                self.app.clock.now(), done=self._reopened)

        self.app.push_screen(TextPrompt(_("Why is the approved meeting reopened? (recorded)")),
                             reason_given)

    def _reopened(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.notify(_("Reopened: it can be edited again."))
        self.reload()

