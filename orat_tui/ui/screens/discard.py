"""Escape in a form with something typed asks before throwing it away: the chair may have
pressed it by mistake in the middle of a meeting. Used by the action, item, event and promise
forms, which say whether they hold typed text with `has_unsaved_text()`; quitting asks too."""

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


def quit_asking(app) -> None:
    """ctrl+q: quit at once (the meeting and the preparation save themselves on the way out),
    unless an open form holds typed text, which only its own Enter saves: then ask first."""
    typed = [s for s in app.screen_stack
             if callable(getattr(s, "has_unsaved_text", None)) and s.has_unsaved_text()]
    if not typed:
        app.exit()
        return
    from orat_tui.ui.screens.dialogs import ConfirmScreen

    app.push_screen(ConfirmScreen(_("Quit orat? What you typed in the open form is not saved "
                                    "(Escape goes back to it)."), yes=_("Quit")),
                    lambda yes: app.exit() if yes else None)
