"""Texts of the follow-up and picture screens read whole in Swedish (no English words left in
a Swedish sentence)."""

from __future__ import annotations

from orat_tui.domain.actions import DueDateError


def test_a_date_that_cannot_be_read_is_explained_in_swedish():
    from orat_tui.ui.screens.action_dialog import due_error

    text = due_error(DueDateError("imorgon"))
    assert text.startswith("Inget datum: ”imorgon”.")
    assert "days" not in text and "weeks" not in text and " or " not in text
    assert "+7 (dagar) eller +2v (veckor)" in text


def test_a_store_error_for_the_user_is_shown_without_its_class_name():
    from orat_tui.store.actions import ActionConflict
    from orat_tui.store.levels import LevelError
    from orat_tui.ui.app import error_line

    assert error_line(LevelError("Mötet är godkänt.")) == "Mötet är godkänt."
    conflict = error_line(ActionConflict("Ring skolan"))
    assert conflict.startswith("”Ring skolan” har ändrats någon annanstans")
    assert "ActionConflict" not in conflict
    # anything else keeps its class name (it may be a bug to report), on one line
    assert error_line(KeyError("x")) == "KeyError: 'x'"
    assert error_line(ValueError("a\nb")) == "ValueError: a"
    assert error_line(RuntimeError("")) == "RuntimeError: "
