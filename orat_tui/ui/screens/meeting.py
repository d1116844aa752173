"""The live meeting: the agenda, the current step's notes, the speaker clock, saving."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static

from orat_tui.domain.agenda import AgendaWalk, ReviewWalk, Status
from orat_tui.domain.meeting import APPROVED, ENDED, LIVE, Meeting
from orat_tui.domain.steps import POINT_LIKE
from orat_tui.domain.timer import TimerState
from orat_tui.i18n import _, format_date
from orat_tui.ui.screens.meeting_attendance import AttendanceMixin
from orat_tui.ui.screens.meeting_followup import FOLLOWUP_BINDINGS, FollowupMixin
from orat_tui.ui.screens.meeting_prepared import BINDINGS as PREPARED_BINDINGS, PreparedMixin
from orat_tui.ui.screens.meeting_picture import PICTURE_BINDINGS, MeetingPictureMixin
from orat_tui.ui.screens.meeting_review import ReviewMixin
from orat_tui.ui.screens.meeting_saving import SavingMixin
from orat_tui.ui.steps import VIEWS
from orat_tui.labels import step_label
from orat_tui.ui.widgets.agenda_list import AgendaList
from orat_tui.ui.widgets.quiet import set_text
from orat_tui.ui.widgets.timer_box import TimerBox

SAVE_EVERY = 0.5  # seconds between autosaves: typed text reaches the disk within a second
STATE_EVERY = 5.0  # seconds between saves of the running clock alone


def create_meeting(store, template, now):
    from orat_tui.store.service import start_meeting

    return start_meeting(store, template, now)


class MeetingScreen(SavingMixin, AttendanceMixin, ReviewMixin, PreparedMixin, FollowupMixin,
                    MeetingPictureMixin, Screen[None]):
    AUTO_FOCUS = None  # the step view puts the focus in its note; not the agenda first
    BINDINGS = [
        Binding("f2", "next", _("Next"), id="next", tooltip=_("Finish this step, go to the next")),
        Binding("f3", "previous", _("Previous"), id="previous", show=False, tooltip=_("Back to the step before")),
        Binding("f4", "pause", _("Pause"), id="pause", tooltip=_("Pause or resume the speaker clock")),
        Binding("f5", "add_minute", _("+1 min"), id="add-minute", tooltip=_("One more minute for this speaker")),
        Binding("f5", "set_time", _("Spoken time"), id="set-time",
                tooltip=_("Correct the spoken time of this step (afterwards)")),
        Binding("shift+f5", "remove_minute", _("-1 min"), show=False, id="remove-minute",
                tooltip=_("One minute less for this speaker")),
        Binding("f8", "shared", _("Shared screen"), id="shared-screen",
                tooltip=_("What the room may see: no note text")),
        Binding("f9", "skip", _("Skip"), id="skip", tooltip=_("Pass this step over; come back to it later")),
        Binding("f10", "end", _("End"), id="end-meeting", tooltip=_("End the meeting (asks first)")),
        Binding("f10", "close", _("Done"), id="close-review",
                tooltip=_("Save and go back to the meeting's minutes")),
        Binding("alt+i", "toggle_internal", _("Internal"), id="internal", show=False,
                tooltip=_("Mark this note internal (egen: stays in the meeting) or shared")),
        Binding("alt+a", "focus_agenda", _("Agenda"), show=False, id="focus-agenda",
                tooltip=_("Move to the agenda list: enter jumps, alt+up/down reorders")),
        Binding("alt+up", "move(-1)", _("Move up"), show=False, id="move-up",
                tooltip=_("Move the highlighted step up the agenda")),
        Binding("alt+down", "move(1)", _("Move down"), show=False, id="move-down",
                tooltip=_("Move the highlighted step down the agenda")),
        Binding("ctrl+s,alt+s", "save", _("Save"), show=False, id="save", tooltip=_("Save now")),
        Binding("alt+m", "save_series", _("Keep for the series"), show=False, id="save-series",
                tooltip=_("Keep this meeting's order and times for the series' next meetings")),
        Binding("alt+k", "keep_mine", _("Keep my text"), id="keep-mine",
                tooltip=_("A note changed in another orat: write your text over theirs")),
        Binding("alt+r", "reload_theirs", _("Load their text"), id="reload-theirs",
                tooltip=_("A note changed in another orat: show their text instead of yours")),
        Binding("alt+x", "redact", _("Remove personal numbers"), show=False, id="redact",
                tooltip=_("Replace every personal identity number in this meeting's notes")),
        Binding("alt+e", "export_notes", _("Notes to a file"), show=False, id="export-notes",
                tooltip=_("Write the meeting's notes to a file elsewhere (when saving fails)")),
        Binding("escape", "back", _("Notes"), show=False, id="back-to-notes",
                tooltip=_("Back to the notes")),
    ] + [
        # shift+F1..F9: alt+digits reach Textual as macOS option characters (™, £, ...)
        Binding(f"shift+f{i}", f"floor({i})", _("Floor to member {n}").format(n=i), show=False,
                id=f"floor-{i}", tooltip=_("In a point: member {n} has the floor").format(n=i))
        for i in range(1, 10)
    ] + PREPARED_BINDINGS + FOLLOWUP_BINDINGS + PICTURE_BINDINGS

    @dataclass
    class Saved(Message):
        seq: int
        result: object  # store.meetings.SaveResult

    @dataclass
    class SaveFailed(Message):
        seq: int
        error: str

    def __init__(self, meeting: Meeting, slot: str | None = None) -> None:
        super().__init__()
        self.meeting = meeting
        self.review = meeting.state != LIVE  # the secretary, afterwards: no clock runs
        self.start_slot = slot
        self.walk: AgendaWalk | None = None
        self.dirty: dict[str, str] = {}  # notes changed since the last submit
        self.state_dirty = False
        self.seq = 0  # number of the last submit
        self.saved_seq = 0
        self.save_error = ""
        self.saver = None
        self.last_state_save = 0.0
        self.last_timer_state = TimerState.OK
        self.conflicts: dict = {}  # slot -> store.meetings.NoteConflict, awaiting the chair
        self.state_conflicted = False  # attendance/order/times changed in another orat

    # -- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static("", id="meeting-header")
        with Horizontal(id="meeting-body"):
            yield AgendaList(id="agenda")
            yield Vertical(id="step-pane")
            with Vertical(id="side"):
                yield TimerBox(id="timer")
                yield Static("", id="next-up")
                yield Static("", id="save-state")
        # compact and without the palette's hint: F2, F4, F5, F7, F8, F9 and F10 fit 80 columns
        # (F1 lists the rest, ctrl+p still opens the palette)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        from orat_tui.store.saver import BackgroundSaver

        now = self.app.clock.monotonic()
        if self.review:
            resumed = False
            self.walk = ReviewWalk(self.meeting.steps, self._index_of(self.start_slot),
                                   self.meeting.warning_share)
        else:
            resumed = self.meeting.current_index > 0 or any(s.elapsed for s in self.meeting.steps)
            self.walk = AgendaWalk(self.meeting.steps, self.meeting.current_index,
                                   self.meeting.warning_share, now=now, running=not resumed)
        self.saver = BackgroundSaver(
            self.app.store, self.meeting, audit_who=self.app.who if self.review else None,
            on_saved=lambda seq, result: self.post_message(self.Saved(seq, result)),
            on_error=lambda seq, err: self.post_message(self.SaveFailed(seq, err)),
        )
        self.last_state_save = now
        self.load_focus_tags()
        self.show_step()
        self.load_prepared()
        if resumed:
            self.notify(_("Meeting continued where it stopped. The clock is paused: F4 starts it."),
                        timeout=8)
        self.set_interval(getattr(self.app, "autosave_every", SAVE_EVERY), self.tick)
        self.app.check_size()

    def _index_of(self, slot: str | None) -> int:
        """The step a note belongs to (a search hit opens there)."""
        if slot and slot.startswith("step:"):
            step_id = slot.split(":")[1]
            for i, step in enumerate(self.meeting.steps):
                if step.id == step_id:
                    return i
        return 0

    # -- the step on show ------------------------------------------------------------------
    def show_step(self) -> None:
        walk = self.walk
        step = walk.current
        self.meeting.current_index = walk.index
        pane = self.query_one("#step-pane", Vertical)
        pane.remove_children()
        view = VIEWS[step.kind](self.meeting, walk, step)
        self.view = view
        pane.mount(view)  # the view focuses its first note as it mounts
        self.call_after_refresh(self.show_focus_tags)
        self.refresh_all()

    def current_view(self):
        view = getattr(self, "view", None)
        return view if view is not None and view.is_mounted else None

    def refresh_all(self) -> None:
        now = self.app.clock.monotonic()
        agenda = self.query_one(AgendaList)
        agenda.show(self.meeting, self.walk, now)
        if agenda.highlighted is None or not agenda.has_focus:
            agenda.highlighted = self.walk.index
        self.refresh_live(now)

    def on_resize(self) -> None:
        self.set_class(self.size.width < 100, "-narrow")
        self.set_class(self.size.width >= 160, "-wide")

    def refresh_live(self, now: float) -> None:
        walk, m = self.walk, self.meeting
        wall = self.app.clock.now()
        projected = walk.projected_end(wall, now)
        late = projected > m.planned_end
        day = "" if self.has_class("-narrow") else f"{format_date(m.started_at.date())}   "
        if self.review:
            set_text(self.query_one("#meeting-header", Static), self.review_header(day), layout=False)
            self.query_one(TimerBox).show_spoken(walk.current.elapsed, walk.current.budget)
            view = self.current_view()
            if view is not None:
                view.refresh_live(now)
            self.show_save_state()
            return
        minutes = int(max(0.0, (wall - m.started_at).total_seconds()) // 60)
        set_text(self.query_one("#meeting-header", Static),  # one line, always
                 f"[b]{m.title}[/]   {day}[b]{wall:%H:%M}[/] [dim]({minutes} min)[/]   "
                 + _("projected end") + f" [{'b red' if late else 'b'}]{projected:%H:%M}[/] "
                 + "(" + _("plan") + f" {m.planned_end:%H:%M})", layout=False)
        state = self.query_one(TimerBox).show(walk.timer, now)
        if state is not self.last_timer_state:
            if self.app.config.bell and state in (TimerState.WARNING, TimerState.OVERTIME):
                self.app.bell()
            self.last_timer_state = state
        nxt = walk.next_step()
        set_text(self.query_one("#next-up", Static),
                 "[dim]" + _("Next:") + f"[/]\n[b]{step_label(m, nxt, short=not day)}[/]" if nxt else
                 "[dim]" + _("Last step") + "[/]")
        view = self.current_view()
        if view is not None:
            view.refresh_live(now)
        self.show_save_state()

    def show_save_state(self) -> None:
        if self.conflicts:
            text = "[b red]✗ " + _("CONFLICT") + "[/]\n[red]" + _("alt+k keep mine · alt+r theirs") + "[/]"
        elif self.save_error:
            text = "[b red]✗ " + _("NOT SAVED") + f"[/]\n[red]{self.save_error}[/]"
        elif self.state_conflicted:
            text = ("[b red]✗ " + _("ORDER NOT SAVED") + "[/]\n[red]"
                    + _("changed in another orat") + "[/]")
        elif self.dirty or self.saved_seq < self.seq:
            text = "[yellow]◌ " + _("saving…") + "[/]"
        else:
            text = "[dim green]● " + _("saved") + "[/]"
        # called at every key typed: only a change is drawn (ui/widgets/quiet.py)
        label = self.query_one("#save-state", Static)
        set_text(label, text, layout=text.count("\n") != str(label.content).count("\n"))

    # -- the clock -------------------------------------------------------------------------
    def tick(self) -> None:
        now = self.app.clock.monotonic()
        if self.walk.timer.running and now - self.last_state_save >= STATE_EVERY:
            self.state_dirty = True
        if self.dirty or self.state_dirty:
            self.submit_save()
        self.agenda_times(now)
        self.refresh_live(now)

    def agenda_times(self, now: float) -> None:
        self.query_one(AgendaList).show_time(self.meeting, self.walk, now)

    # -- moving through the agenda ---------------------------------------------------------
    def _moved(self, moved: bool) -> None:
        if moved:
            self.last_timer_state = TimerState.OK
            self.submit_save(state=True)
            self.show_step()

    def action_next(self) -> None:
        now = self.app.clock.monotonic()
        if self.walk.next_step() is None:
            self.notify(_("This is the last step: F10 ends the meeting."))
            return
        self._moved(self.walk.go_next(now))

    def action_previous(self) -> None:
        self._moved(self.walk.go_previous(self.app.clock.monotonic()))

    def action_skip(self) -> None:
        self._moved(self.walk.skip(self.app.clock.monotonic()))

    def action_pause(self) -> None:
        self.walk.toggle_pause(self.app.clock.monotonic())
        self.state_dirty = True
        self.refresh_live(self.app.clock.monotonic())

    def action_add_minute(self) -> None:
        self.walk.add_time(60, self.app.clock.monotonic())
        self.state_dirty = True
        self.refresh_all()

    def action_remove_minute(self) -> None:
        self.walk.add_time(-60, self.app.clock.monotonic())
        self.state_dirty = True
        self.refresh_all()

    def action_floor(self, n: int) -> None:
        attendees = [a for a in self.meeting.attendees if a.present]
        if self.walk.current.kind not in POINT_LIKE or not 1 <= n <= len(attendees):
            return
        self.walk.give_floor(attendees[n - 1].key, self.app.clock.monotonic())
        self.state_dirty = True
        self.refresh_live(self.app.clock.monotonic())

    LIVE_ONLY = {"pause", "add_minute", "remove_minute", "skip", "end", "move", "floor",
                 "shared", "save_series"}
    REVIEW_ONLY = {"set_time", "close"}

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if self.walk is None:
            return True
        if self.review and action in self.LIVE_ONLY:
            return False
        if not self.review and action in self.REVIEW_ONLY:
            return False
        if self.meeting.state == APPROVED and action in ("set_time", "toggle_internal", "redact",
                                                       "take_prepared"):
            return False
        if action == "floor":
            return self.walk.current.kind in POINT_LIKE
        if action in ("keep_mine", "reload_theirs"):
            return bool(self.conflicts)
        if action in ("move",):
            return self.query_one(AgendaList).has_focus
        return True

    def action_focus_agenda(self) -> None:
        agenda = self.query_one(AgendaList)
        agenda.focus()
        agenda.highlighted = self.walk.index

    def action_back(self) -> None:
        view = self.current_view()
        if view is not None:
            view.focus_first()

    def action_move(self, direction: int) -> None:
        agenda = self.query_one(AgendaList)
        if agenda.highlighted is None:
            return
        new = self.walk.move(agenda.highlighted, direction)
        if new != agenda.highlighted:
            self.state_dirty = True
            agenda.show(self.meeting, self.walk, self.app.clock.monotonic())  # a new order
            agenda.highlighted = new
        else:
            self.notify(_("Only turns and points that follow each other can change places."))

    @on(OptionList.OptionSelected, "#agenda")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        self._moved(self.walk.go_to(event.option_index, self.app.clock.monotonic()))

    def action_save(self) -> None:
        self.submit_save(state=True)

    def action_save_series(self) -> None:
        from orat_tui.config import save_user_template
        from orat_tui.domain.series import template_from_meeting

        entry = self.app.templates.get(self.meeting.template_id)
        if entry is None:
            self.notify(_("The template of this meeting is gone; nothing to change."), severity="error")
            return
        self.walk.sync(self.app.clock.monotonic())
        template = template_from_meeting(entry.template, self.meeting)
        try:
            path = save_user_template(template)
        except OSError as exc:
            self.notify(_("Could not save the template: {error}").format(error=exc), severity="error")
            return
        from orat_tui.config import TemplateEntry

        self.app.templates[template.id] = TemplateEntry(template, path, "user (overrides shipped)")
        self.notify(_("Order and times kept for the series, in {path}").format(path=path))

    def action_shared(self) -> None:
        from orat_tui.ui.screens.shared import SharedScreen

        self.app.push_screen(SharedScreen(self))

    def action_end(self) -> None:
        from orat_tui.ui.screens.dialogs import ConfirmScreen

        def answer(yes: bool | None) -> None:
            if yes:
                self.end_meeting()

        self.app.push_screen(ConfirmScreen(_("End the meeting? The notes stay; the secretary "
                                             "can complete them afterwards."), yes=_("End meeting")),
                             answer)

    def end_meeting(self) -> None:
        now = self.app.clock.monotonic()
        self.walk.sync(now)
        self.walk.timer.pause(now)
        if self.walk.current.status is Status.CURRENT:
            self.walk.current.status = Status.DONE
        self.meeting.state = ENDED
        self.meeting.ended_at = self.app.clock.now()
        ok = self.save_now()
        if not ok:
            self.notify(_("The meeting could not be saved; it stays open."), severity="error")
            self.meeting.state = "live"
            return
        self.notify(_("Meeting ended and saved."))
        self.app.pop_screen()
