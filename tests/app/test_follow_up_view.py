"""The follow-up view (`u`, issue 5): promises with progress bars against the share of the
period gone, created and edited from the keyboard; cadence and statistics tabs; the home
screen's cadence line."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Input, OptionList, Static

from orat_tui.ui.screens.follow_up_view import FollowUpScreen

from .conftest import wait_for


def on_follow_up(app) -> bool:
    return isinstance(app.screen, FollowUpScreen)


def option_texts(app) -> list[str]:
    ol = app.screen.query_one("#promise-list", OptionList)
    return [str(ol.get_option_at_index(i).prompt) for i in range(ol.option_count)]


async def type_into(pilot, text: str) -> None:
    await pilot.press(*["space" if c == " " else c for c in text])


async def open_follow_up(pilot, app) -> None:
    await wait_for(pilot, lambda: app.store is not None
                   and "Enter" in str(app.screen.query_one("#home-status").render()))
    await pilot.press("u")
    await wait_for(pilot, lambda: on_follow_up(app))


async def test_create_a_promise_and_commitments_and_record_progress(harness):
    harness.clock.wall = datetime(2019, 7, 2, 10, 0)  # a quarter of the 2019-2020 period gone
    app = harness.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_follow_up(pilot, app)
        await wait_for(pilot, lambda: "Inga medborgarlöften" in " ".join(option_texts(app)))
        assert isinstance(app.focused, OptionList)

        # a new promise; a bad end date is answered in the form and nothing typed is lost
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        await type_into(pilot, "Medborgarlöfte Väster")
        await pilot.press("tab")
        await type_into(pilot, "2019-01")
        await pilot.press("tab")
        await type_into(pilot, "2020-13")
        await pilot.press("tab")
        await type_into(pilot, "Bellevue, Holma")
        await pilot.press("ctrl+s")
        error = app.screen.query_one("#form-error", Static)
        await wait_for(pilot, lambda: "2020-13" in str(error.render()))
        assert app.screen.query_one("#f-title", Input).value == "Medborgarlöfte Väster"
        await pilot.press("shift+tab", "end", "backspace", "backspace", "1", "2", "ctrl+s")
        await wait_for(pilot, lambda: on_follow_up(app)
                       and "Medborgarlöfte Väster" in " ".join(option_texts(app)))

        # a numeric commitment
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        await type_into(pilot, "Minst 25 synliga aktiviteter")
        await pilot.press("tab")
        await type_into(pilot, "25")
        await pilot.press("tab", "tab")
        await type_into(pilot, "synliga aktiviteter")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "0 av 25" in " ".join(option_texts(app)))
        ol = app.screen.query_one("#promise-list", OptionList)
        assert ol.get_option_at_index(ol.highlighted).id.startswith("c:")

        # record 9 activities: a quarter of the period gone (6 expected), so on track
        await pilot.press("plus")
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        await pilot.press("backspace", "9", "tab", "tab")
        await type_into(pilot, "Trygghetsvandringar")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "9 av 25" in " ".join(option_texts(app)))
        text = " ".join(option_texts(app))
        assert "väntat nu 6" in text and "i fas" in text

        # a commitment without a number: + marks it done
        await pilot.press("up")
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        await type_into(pilot, "Tematraffar i arskurs fem")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "☐ ej genomfört än" in " ".join(option_texts(app)))
        await pilot.press("plus")
        await wait_for(pilot, lambda: "✓ genomfört" in " ".join(option_texts(app)))

    store = harness.store()
    try:
        from orat_tui.store.promises import list_promises

        [p] = list_promises(store)
        assert (p.starts.isoformat(), p.ends.isoformat()) == ("2019-01-01", "2020-12-31")
        assert p.areas == ["Bellevue", "Holma"]
        assert [(c.target, c.done, sum(e.amount for e in c.entries)) for c in p.commitments] \
            == [(25, False, 9), (None, True, 0)]
        assert p.commitments[0].entries[0].note == "Trygghetsvandringar"
    finally:
        store.close()


async def test_cadence_and_statistics_tabs(harness, tmp_path):
    from tests.unit.report_data import TODAY, fill

    store = harness.store()
    try:
        fill(store, tmp_path)
    finally:
        store.close()
    harness.clock.wall = datetime.combine(TODAY, datetime.min.time()).replace(hour=9)
    app = harness.app()
    async with app.run_test(size=(100, 30)) as pilot:
        # home: the weekly series is behind (weeks without a meeting), the KKL one on track
        await wait_for(pilot, lambda: app.store is not None and "HT 2026" in
                       " ".join(str(app.screen.query_one("#series-list", OptionList)
                                    .get_option_at_index(i).prompt)
                                for i in range(6)))
        home = " ".join(str(app.screen.query_one("#series-list", OptionList)
                            .get_option_at_index(i).prompt) for i in range(6))
        assert "HT 2026: 4 av 27 veckor, ligger efter" in home
        assert "1 av 2 under 2026, i fas" in home
        await open_follow_up(pilot, app)
        await pilot.press("2")
        view = app.screen.query_one("#cadence-view")
        await wait_for(pilot, lambda: "veckor 27–42, 45" in " ".join(
            str(w.render()) for w in view.query(Static)))
        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: "VT 2026" in " ".join(
            str(w.render()) for w in view.query(Static)))
        await pilot.press("3")
        stats = app.screen.query_one("#stats-view")
        await wait_for(pilot, lambda: "Taltid per möte" in " ".join(
            str(w.render()) for w in stats.query(Static)))
        assert any(ch in " ".join(str(w.render()) for w in stats.query(Static))
                   for ch in "▁▂▃▄▅▆▇█")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not on_follow_up(app))


async def test_an_action_counts_towards_a_commitment_once_finished(harness):
    from orat_tui.config import discover_templates
    from orat_tui.domain.actions import Action, finish
    from orat_tui.store.actions import add_action, get_action, update_action
    from orat_tui.store.promises import list_promises, save_promise
    from tests.unit.report_data import fill_promise

    now = datetime(2020, 3, 2, 9, 0)
    store = harness.store()
    try:
        p = fill_promise(store)
        template = discover_templates(user_dir=harness.user_templates)["malmo-orat"].template
        series_id = store.series_for_template(template, now)
        p.series_id = series_id
        save_promise(store, p, now)
        walk = add_action(store, Action(series_id, "Trygghetsvandring i Holma"), "sekr", now)
    finally:
        store.close()
    harness.clock.wall = now
    app = harness.app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_follow_up(pilot, app)
        await wait_for(pilot, lambda: "13 av 25" in " ".join(option_texts(app)))
        ol = app.screen.query_one("#promise-list", OptionList)
        ol.highlighted = 3  # the visible activities (after the promise and two commitments)
        await pilot.press("a")
        await wait_for(pilot, lambda: app.screen.query("#f-count"))
        await pilot.press("tab")  # from the action to its count
        await pilot.press("backspace", "4", "ctrl+s")
        await wait_for(pilot, lambda: "1 åtgärd pågår" in option_texts(app)[3])
        assert "13 av 25" in option_texts(app)[3]

    store = harness.store()
    try:
        update_action(store, finish(get_action(store, walk.id), "Klar", now.date()), "sekr", now)
        c = list_promises(store)[0].commitments[2]
        assert sum(e.amount for e in c.entries) == 17 and c.pending == 0
    finally:
        store.close()
