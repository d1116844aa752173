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
