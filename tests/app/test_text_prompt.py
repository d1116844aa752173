"""The one-line prompt with a suggested value (the file name of an export, a spoken time, a
substitute): the suggestion is selected when the prompt opens, so typing replaces it, and an
arrow key (or End, Home) keeps it to edit; keys typed at once after the key that opened the
prompt count too."""

from __future__ import annotations

from textual.widgets import Input

from orat_tui.ui.screens.dialogs import TextPrompt

from .conftest import type_fast, wait_for
from .test_live_meeting import in_meeting


async def open_export_prompt(pilot, app) -> Input:
    await pilot.press("alt+e")
    await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt))
    field = app.screen.query_one(Input)
    await wait_for(pilot, lambda: app.focused is field)
    return field


async def test_typing_replaces_the_suggestion_and_an_arrow_keeps_it(harness, tmp_path):
    app = harness.app("malmo-orat")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        meeting = app.screen
        field = await open_export_prompt(pilot, app)
        default = field.value
        assert default.endswith(".md") and field.selected_text == default
        target = tmp_path / "ny.md"
        await type_fast(pilot, str(target))
        await wait_for(pilot, lambda: field.value == str(target))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is meeting)

        field = await open_export_prompt(pilot, app)
        await pilot.press("right")  # the suggestion stays, the cursor at its end
        assert field.value == default and not field.selected_text
        await pilot.press("backspace", "backspace", "t", "x", "t")
        assert field.value == default[:-2] + "txt"
        await pilot.press("home", "delete")  # Home keeps it too, the cursor at its start
        assert field.value == default[1:-2] + "txt"
        await pilot.press("escape")

        # at once after alt+e, as a fast typist: the keys replace the suggestion too
        await type_fast(pilot, str(target), before=("alt+e",))
        await wait_for(pilot, lambda: isinstance(app.screen, TextPrompt)
                       and app.screen.query_one(Input).value == str(target))
        await pilot.press("enter")
        await wait_for(pilot, lambda: target.exists())
