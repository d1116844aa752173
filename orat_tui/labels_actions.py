"""The words for an action's status, outside Textual: the action dialog, the follow-up step and
the minutes use them."""

from __future__ import annotations

from orat_tui.i18n import N_, _

STATUS_LABELS = {"planned": N_("planned"), "ongoing": N_("ongoing"), "done": N_("finished"),
                 "dropped": N_("dropped")}


def status_label(status: str) -> str:
    return _(STATUS_LABELS.get(status, status))
