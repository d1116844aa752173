"""Escape in a form with something typed asks before throwing it away: the chair may have
pressed it by mistake in the middle of a meeting. Used by the action, item and event forms."""

from __future__ import annotations

from collections.abc import Callable

from orat_tui.i18n import _


def ask_to_discard(screen, changed: bool, discard: Callable[[], None]) -> None:
    """Call `discard` at once when nothing was changed, else after the chair said yes (Escape
    or Cancel in the question goes back to the form, with everything still there)."""
    if not changed:
        discard()
        return
    from orat_tui.ui.screens.dialogs import ConfirmScreen

    def answer(yes: bool | None) -> None:
        if yes:
            discard()

    screen.app.push_screen(ConfirmScreen(_("Throw away what you typed?"), yes=_("Discard")),
                           answer)
