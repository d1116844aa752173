"""How steps and note fields are named on screen and in the minutes (no Textual here)."""

from __future__ import annotations

from orat_tui.domain.agenda import Step
from orat_tui.domain.meeting import Meeting
from orat_tui.i18n import N_, _

FIELD_LABELS = {
    "past_week": N_("Past week"),
    "coming_week": N_("Coming week"),
    "note": N_("Notes"),
    "summary": N_("Other notes"),
    "absent_in": N_("Sent in by the absent member (through the chair)"),
    "pass_on": N_("To pass on to {name}"),
    "decision": N_("Decisions"),
    "need": N_("Need for new decisions or reinforcement"),
    "coordination": N_("Need for short-term coordination"),
    "inform": N_("Must be informed"),
}


def field_label(field_name: str) -> str:
    return _(FIELD_LABELS.get(field_name, field_name))


def step_label(meeting: Meeting, step: Step, short: bool = True) -> str:
    if step.kind == "roll_call":
        return _("Roll call")
    if step.kind == "wrap_up":
        return _("Wrap-up")
    if step.kind == "turn":
        return meeting.short_of(step.member) if short else meeting.name_of(step.member)
    if step.kind in ("point", "follow_up", "picture"):
        title = step.title or (_("Follow-up of actions") if step.kind == "follow_up" else "")
        return f"{step.number}. {title}" if step.number else title
    return step.title or step.kind
