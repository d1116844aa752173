"""The rules of the situational picture: the combined level orat suggests, how levels carry
from meeting to meeting, the warning-signal checklist and its scores."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orat_tui.checklists import load_checklist, load_checklist_file
from orat_tui.config import ConfigError
from orat_tui.domain.levels import (
    GRONT, GULT, LEVELS, ORANGE, ROTT, LevelChange, carried, combined_for, needs_closer_contact,
    suggest_combined,
)
from orat_tui.domain.signals import (
    UNKNOWN, ChecklistError, change, group_scores, parse_checklist, signed, sparkline,
    total_score,
)


@pytest.mark.parametrize("levels, expected", [
    ([], GRONT),
    ([GRONT, GRONT], GRONT),
    ([GRONT, ORANGE], ORANGE),
    ([ORANGE, GULT], GULT),
    ([GULT, ROTT, ORANGE], ROTT),
    ([ROTT], ROTT),
])
def test_the_suggested_combined_level(levels, expected):
    assert suggest_combined(levels) == expected


@given(st.lists(st.sampled_from(LEVELS)))
def test_the_suggestion_is_red_exactly_when_an_area_is_red(levels):
    s = suggest_combined(levels)
    assert (s == ROTT) == (ROTT in levels)
    assert s in LEVELS
    assert s == GRONT or s in levels


def test_the_chair_confirms_or_changes_the_combined_level():
    assert combined_for({"a": GULT}, None) == (GULT, False)
    assert combined_for({"a": GULT}, ORANGE) == (ORANGE, True)
    assert needs_closer_contact(GULT) and needs_closer_contact(ROTT)
    assert not needs_closer_contact(ORANGE) and not needs_closer_contact(GRONT)


def test_levels_carry_to_the_next_meetings():
    meetings = ["m1", "m2", "m3", "m4"]
    changes = [LevelChange("m2", "a", GULT, "oro"), LevelChange("m3", "b", ROTT, "bränder"),
               LevelChange("m4", "a", GRONT, "lugnt"), LevelChange("m9", "a", ROTT)]
    out = carried(meetings, changes, ["a", "b"])
    assert out["m1"] == {"a": GRONT, "b": GRONT}
    assert out["m2"] == {"a": GULT, "b": GRONT}
    assert out["m3"] == {"a": GULT, "b": ROTT}
    assert out["m4"] == {"a": GRONT, "b": ROTT}
    # a level set for an area no longer on the picture is left out
    assert carried(["m1"], [LevelChange("m1", "gone", ROTT)], ["a"]) == {"m1": {"a": GRONT}}


def test_the_shipped_checklist_is_bilaga_3():
    c = load_checklist("social-oro")
    assert [g.name for g in c.groups] == [
        "Polis och andra aktörer", "Kommunen/stadsdelen och omvärlden", "Tecken på oro",
        "Andra aspekter"]
    assert [len(g.questions) for g in c.groups] == [3, 4, 10, 3]
    assert [q.number for q in c.questions] == list(range(1, 21))
    assert c.questions[7].text == "Har det förekommit stenkastning eller hot mot poliser?"
    assert c.questions[19].text == "Är väderläget gynnsamt för utomhusaktiviteter?"
    assert c.scale == "1 stämmer inte alls, 4 stämmer mycket bra"


def test_scores_per_group_and_in_total():
    c = load_checklist("social-oro")
    ratings = {1: 2, 2: 1, 3: UNKNOWN, 8: 4, 9: 3, 20: 4}
    groups = group_scores(c, ratings)
    assert [(s.total, s.rated, s.unknown) for _g, s in groups] == [
        (3, 2, 1), (0, 0, 0), (7, 2, 0), (4, 1, 0)]
    total = total_score(c, ratings)
    assert (total.total, total.rated, total.unknown, total.maximum) == (14, 5, 1, 80)
    assert total.mean == pytest.approx(2.8)
    before = total_score(c, {1: 1, 8: 2})
    assert change(total, before) == 11
    assert change(total, total_score(c, {})) is None  # nothing to compare with
    assert change(total, None) is None
    assert total_score(c, {5: UNKNOWN}).empty


def test_signs_and_sparklines():
    assert [signed(d) for d in (3, 0, -2, None)] == ["+3", "±0", "−2", ""]
    assert sparkline([10, None, 20, 30]) == "▁·▅█"
    assert sparkline([5, 5]) == "▄▄"
    assert sparkline([None, None]) == "··"
    assert sparkline([]) == ""
    assert sparkline([0, 80], low=0, high=80) == "▁█"


@pytest.mark.parametrize("data, message, where", [
    ({}, "the [checklist] table is missing", ""),
    ({"checklist": {"name": ""}}, "'name' must be a non-empty text", "checklist"),
    ({"checklist": {"name": "x"}}, "at least one [[groups]]", ""),
    ({"checklist": {"name": "x"}, "groups": [{"name": "g", "questions": []}]},
     "'questions' must list at least one question", "groups[0]"),
    ({"checklist": {"name": "x"}, "groups": [{"name": "g", "questions": [
        {"number": 1, "text": "a"}, {"number": 1, "text": "b"}]}]},
     "question number 1 is used twice", "groups[0]"),
    ({"checklist": {"name": "x"}, "groups": [{"name": "g", "questions": [
        {"number": "one", "text": "a"}]}]}, "'number' of question 1", "groups[0]"),
])
def test_bad_checklists_are_refused(data, message, where):
    with pytest.raises(ChecklistError) as exc:
        parse_checklist("x", data)
    assert message in exc.value.message
    assert exc.value.where == where


def test_a_broken_checklist_file_is_one_line_with_file_line_col(tmp_path):
    from orat_tui.checklists import shipped_checklists_dir

    text = (shipped_checklists_dir() / "social-oro.toml").read_text(encoding="utf-8")
    bad = tmp_path / "social-oro.toml"
    bad.write_text(text.replace('{ number = 9, text = "Har det förekommit anlagda bränder '
                                'i området?" }', '{ number = 9, text = "" }'), encoding="utf-8")
    line = next(i for i, l in enumerate(bad.read_text().splitlines(), 1) if 'number = 9,' in l)
    with pytest.raises(ConfigError) as exc:
        load_checklist_file(bad)
    assert str(exc.value) == (f"{bad}:{line}:5: 'text' of question 9 must be a non-empty text "
                              "(groups[2])")
    # a TOML syntax error: the parser's place
    bad.write_text(text.replace('name = "Tecken på oro"', 'name = "Tecken på oro'),
                   encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_checklist_file(bad)
    line = next(i for i, l in enumerate(bad.read_text().splitlines(), 1) if 'Tecken på oro' in l)
    assert str(exc.value).startswith(f"{bad}:{line}:")
    assert "\n" not in str(exc.value)


def test_the_users_own_checklist_wins_and_a_missing_one_is_named(tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    (own / "social-oro.toml").write_text(
        '[checklist]\nname = "Egen"\n[[groups]]\nname = "G"\n'
        'questions = [{ number = 1, text = "Fråga?" }]\n', encoding="utf-8")
    assert load_checklist("social-oro", user_dir=own).name == "Egen"
    with pytest.raises(ConfigError, match=r"nope\.toml: file not found"):
        load_checklist("nope", user_dir=own)


def test_every_level_reads_without_its_colour():
    from orat_tui import i18n
    from orat_tui.labels_picture import level_meaning, level_name, level_short

    before = i18n.language()
    try:
        for lang in ("sv", "en"):
            i18n.set_language(lang)
            shorts = [level_short(lv) for lv in LEVELS]
            assert len(set(shorts)) == 4 and all(len(s) == 3 for s in shorts)
            assert all(level_meaning(lv) for lv in LEVELS)
        i18n.set_language("sv")
        assert [level_name(lv) for lv in LEVELS] == ["Grönt", "Gult", "Orange", "Rött"]
        assert level_short(ROTT) == "RÖD"
        assert "kollektiva våldsyttringar" in level_meaning(ROTT)
    finally:
        i18n.set_language(before)


def test_the_extra_meeting_has_a_short_agenda(orebro):
    from orat_tui.domain.agenda import plan_steps
    from orat_tui.domain.extra_meeting import extra_template

    extra = extra_template(orebro, "extra möte", ("Nivåer", "Händelser", "Åtgärder", "Informera"))
    assert extra.id == orebro.id and extra.members == orebro.members  # the same series
    assert extra.name == f"{orebro.name} · extra möte"
    steps = plan_steps(extra)
    assert [s.kind for s in steps] == ["roll_call", "picture", "point", "follow_up", "point",
                                       "wrap_up"]
    assert [s.title for s in steps if s.title] == ["Nivåer", "Händelser", "Åtgärder", "Informera"]
