"""Wrap-up: attendance, the turns with their times, what to pass on to the absent."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from orat_tui.domain.agenda import Status
from orat_tui.domain.timer import format_duration
from orat_tui.i18n import _
from orat_tui.ui.steps.base import StepView
from orat_tui.labels import step_label


class WrapUpView(StepView):
    DEFAULT_CSS = """
    WrapUpView VerticalScroll { height: 1fr; }
    WrapUpView .field { height: auto; }
    WrapUpView NoteArea { height: 6; }
    WrapUpView #summary { height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Static(_("WRAP-UP"), classes="step-heading")
        yield Static(_("Check the summary, note what to pass on, then F10 ends the meeting."),
                     classes="step-sub")
        with VerticalScroll():
            yield Static(self.summary(), id="summary")
            yield Static("", id="wrap-actions")
            for a in self.meeting.attendees:
                if not a.present and a.kind == "member":
                    yield self.note("pass_on", member=a.key,
                                    label=_("To pass on to {name} (absent):").format(name=a.name))
            for f in self.step.fields:
                yield self.note(f, step=self.step)
            yield from self.items(self.step)

    def on_mount(self) -> None:
        super().on_mount()
        store = getattr(self.app, "store", None)
        if store is not None:
            from orat_tui.store.actions import meeting_actions

            self.app.call_store(meeting_actions, store, self.meeting.id, done=self.show_actions)

    def show_actions(self, actions) -> None:
        """The actions agreed in this meeting, to read back before it ends."""
        if not self.is_attached or not actions:
            return
        from orat_tui.i18n import format_date

        t = Text()
        t.append(_("Actions agreed in this meeting:") + "\n", style="bold")
        for a in actions:
            who = a.responsible_name or a.responsible
            if a.with_member:
                who += " + " + (a.with_name or a.with_member)
            tail = " · ".join(x for x in (who, format_date(a.due) if a.due else "") if x)
            t.append(f"  • {a.what}")
            t.append(f"  {tail}\n" if tail else "\n", style="dim")
        self.query_one("#wrap-actions", Static).update(t)

    def summary(self) -> Text:
        m = self.meeting
        t = Text()
        present = [a.short for a in m.attendees if a.present]
        absent = [a.short for a in m.attendees if not a.present and a.kind == "member"]
        t.append(_("Present: "), style="bold")
        t.append(", ".join(present) or "–")
        t.append("\n")
        t.append(_("Absent: "), style="bold")
        t.append(", ".join(absent) or "–")
        t.append("\n\n")
        total = 0.0
        for step in m.steps:
            if step.kind in ("roll_call", "wrap_up"):
                continue
            label = step_label(m, step)
            if step.status is Status.ABSENT:
                t.append(f"  {label:<16} " + _("absent") + "\n", style="dim")
                continue
            if step.status is Status.SKIPPED:
                t.append(f"  {label:<16} " + _("skipped") + "\n", style="dim")
                continue
            total += step.elapsed
            over = step.elapsed > step.budget
            t.append(f"  {label:<16} ")
            t.append(f"{format_duration(step.elapsed):>6}", style="bold red" if over else "")
            t.append(f" / {format_duration(step.budget)}", style="dim")
            filled = sum(1 for f in step.fields if m.notes.get(f"step:{step.id}:{f}", "").strip())
            if filled:
                t.append("  ✎ " + str(filled), style="dim")  # notes written in this step
            t.append("\n")
        t.append("\n" + _("Spoken in all: {time}").format(time=format_duration(total)), style="bold")
        return t
