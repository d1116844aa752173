"""Meeting templates as plain data (orat_tui.domain.template): every error names where it is,
template_to_data is the inverse of parse_template, and no input makes the parser fail with
anything but a TemplateError."""

from __future__ import annotations

import copy
import tomllib
from datetime import datetime, time

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from orat_tui import paths
from orat_tui.domain.template import Template, TemplateError, parse_template, template_to_data

SHIPPED = ("bromolla-lagesbild", "malmo-orat", "orebro-samordning")


def minimal() -> dict:
    return {
        "template": {"name": "Möte"},
        "members": [{"key": "a", "name": "A"}, {"key": "b", "name": "B"}],
        "steps": [
            {"kind": "roll_call", "budget_minutes": 2},
            {"kind": "turn", "member": "a", "budget_minutes": 5},
            {"kind": "round", "budget_minutes": 3},
            {"kind": "point", "title": "Övrigt", "number": 1},
            {"kind": "wrap_up"},
        ],
    }


def error(data: dict) -> TemplateError:
    with pytest.raises(TemplateError) as info:
        parse_template("t", data)
    return info.value


def load_shipped(template_id: str) -> tuple[dict, Template]:
    path = paths.shipped_templates_dir() / f"{template_id}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return data, parse_template(template_id, data)


# --------------------------------------------------------------------------- good input


def test_minimal_template_with_defaults():
    t = parse_template("mine", minimal())
    assert t.id == "mine" and t.name == "Möte"
    assert [m.key for m in t.members] == ["a", "b"]
    assert t.members[0].short == "A"  # short defaults to the name
    assert t.weekday == "" and t.start is None
    assert t.duration_minutes == 60 and t.warning_share == 0.8
    assert t.turn_fields == ("past_week", "coming_week")
    assert not t.substitutes_allowed and not t.telephone and t.guests == ()
    assert [s.budget_seconds for s in t.steps] == [120, 300, 180, 120, 120]
    assert t.steps[1].member == "a" and t.steps[3].title == "Övrigt"
    assert t.member("b").name == "B"
    with pytest.raises(KeyError):
        t.member("nobody")


def test_fractional_minutes_become_whole_seconds():
    d = minimal()
    d["steps"][0]["budget_minutes"] = 1.5
    d["steps"][1]["budget_minutes"] = 0
    t = parse_template("t", d)
    assert t.steps[0].budget_seconds == 90
    assert t.steps[1].budget_seconds == 0


def test_the_shipped_templates_say_what_the_seeds_say():
    _, malmo = load_shipped("malmo-orat")
    assert malmo.weekday == "friday" and malmo.start == time(9, 0)
    assert not malmo.substitutes_allowed
    assert [m.key for m in malmo.members if m.chair] == ["asf"]
    assert len(malmo.members) == 8 and len(malmo.guests) == 3
    _, orebro = load_shipped("orebro-samordning")
    assert orebro.weekday == "thursday" and orebro.start == time(10, 0)
    assert orebro.telephone
    assert [m.key for m in orebro.members] == ["kommun", "polisen", "obo"]
    assert [m.key for m in orebro.members if m.chair] == ["polisen"]  # the police convene
    _, bromolla = load_shipped("bromolla-lagesbild")
    assert len(bromolla.members) == 8
    assert not any("polis" in m.key for m in bromolla.members + bromolla.guests)


# --------------------------------------------------------------------------- error paths


def test_template_table_missing():
    d = minimal()
    del d["template"]
    assert "[template]" in str(error(d))
    d["template"] = "Möte"
    assert "[template]" in str(error(d))


@pytest.mark.parametrize("name", [None, "", "   ", 5])
def test_template_name_missing_or_empty(name):
    d = minimal()
    if name is None:
        del d["template"]["name"]
    else:
        d["template"]["name"] = name
    e = error(d)
    assert e.where == "template" and "'name'" in e.message


def test_unknown_kind():
    d = minimal()
    d["steps"][2]["kind"] = "lunch"
    e = error(d)
    assert e.where == "steps[2]"
    assert "lunch" in e.message and "roll_call" in e.message  # lists the known kinds
    assert str(e).startswith("steps[2]: ")


def test_step_without_kind():
    d = minimal()
    del d["steps"][1]["kind"]
    e = error(d)
    assert e.where == "steps[1]" and "'kind'" in e.message


def test_turn_without_member():
    d = minimal()
    del d["steps"][1]["member"]
    e = error(d)
    assert e.where == "steps[1]" and "'member'" in e.message


def test_turn_with_an_unknown_member_key():
    d = minimal()
    d["steps"][1]["member"] = "polisen"
    e = error(d)
    assert e.where == "steps[1]" and "polisen" in e.message


def test_a_turn_is_for_members_not_guests():
    d = minimal()
    d["guests"] = [{"key": "g", "name": "G"}]
    d["steps"][1]["member"] = "g"
    assert error(d).where == "steps[1]"


def test_duplicate_member_keys_name_the_second_entry():
    d = minimal()
    d["members"].append({"key": "a", "name": "A again"})
    e = error(d)
    assert "'a'" in e.message and "twice" in e.message
    assert e.where == "members[2]"


def test_a_guest_with_a_members_key_is_a_duplicate():
    d = minimal()
    d["guests"] = [{"key": "x", "name": "X"}, {"key": "b", "name": "B as guest"}]
    e = error(d)
    assert "'b'" in e.message
    assert e.where == "guests[1]"


@pytest.mark.parametrize("key", ["Polisen", "a b", "", "-a", "å", "a.b", "a\n", "a/b"])
def test_bad_member_keys(key):
    d = minimal()
    d["members"][1]["key"] = key
    assert error(d).where == "members[1]"


def test_member_without_name():
    d = minimal()
    del d["members"][0]["name"]
    e = error(d)
    assert e.where == "members[0]" and "'name'" in e.message


@pytest.mark.parametrize("members", [None, [], "a", {"key": "a"}])
def test_members_missing_or_wrong(members):
    d = minimal()
    if members is None:
        del d["members"]
    else:
        d["members"] = members
    assert "[[members]]" in str(error(d))


@pytest.mark.parametrize("member", ["a", 3, ["a"]])
def test_a_member_must_be_a_table(member):
    d = minimal()
    d["members"][0] = member
    assert error(d).where == "members[0]"


@pytest.mark.parametrize("guests", [5, 2.5, True, "fastighet", {"key": "g", "name": "G"}])
def test_guests_must_be_a_list_of_tables(guests):
    d = minimal()
    d["guests"] = guests
    assert error(d).where.startswith("guests")


@pytest.mark.parametrize("steps", [None, [], "roll_call", 3])
def test_steps_missing_or_wrong(steps):
    d = minimal()
    if steps is None:
        del d["steps"]
    else:
        d["steps"] = steps
    assert "[[steps]]" in str(error(d))


def test_a_step_must_be_a_table():
    d = minimal()
    d["steps"][3] = "point"
    assert error(d).where == "steps[3]"


@pytest.mark.parametrize("weekday", ["Friday", "fredag", "fri", 5, True])
def test_bad_weekday(weekday):
    d = minimal()
    d["template"]["weekday"] = weekday
    e = error(d)
    assert e.where == "template" and "'weekday'" in e.message


@pytest.mark.parametrize("start", [
    "25:00", "9", "nine", "09:60", 900, True, ["09:00"],
    "09:00:30", "09:00+01:00", time(9, 0, 30), datetime(2026, 11, 27, 9, 0),
])
def test_bad_start(start):
    d = minimal()
    d["template"]["start"] = start
    e = error(d)
    assert e.where == "template" and "'start'" in e.message


def test_start_as_a_toml_local_time_is_accepted_and_round_trips():
    text = '[template]\nname = "M"\nstart = 09:30:00\n[[members]]\nkey = "a"\nname = "A"\n' \
           '[[steps]]\nkind = "roll_call"\n'
    data = tomllib.loads(text)
    assert data["template"]["start"] == time(9, 30)  # TOML's own local time
    t = parse_template("t", data)
    assert t.start == time(9, 30)
    assert template_to_data(t)["template"]["start"] == "09:30"
    assert parse_template("t", template_to_data(t)) == t


@pytest.mark.parametrize("share", [0, -0.1, 1.01, 80, "0.8", True, float("nan")])
def test_bad_warning_share(share):
    d = minimal()
    d["template"]["warning_share"] = share
    e = error(d)
    assert e.where == "template" and "'warning_share'" in e.message


@pytest.mark.parametrize("budget", [-1, 241, "5", True, float("nan"), float("inf"), [5]])
def test_bad_budget(budget):
    d = minimal()
    d["steps"][4]["budget_minutes"] = budget
    e = error(d)
    assert e.where == "steps[4]" and "'budget_minutes'" in e.message


@pytest.mark.parametrize("title", [None, "", "   ", 7])
def test_point_without_title(title):
    d = minimal()
    if title is None:
        del d["steps"][3]["title"]
    else:
        d["steps"][3]["title"] = title
    e = error(d)
    assert e.where == "steps[3]" and "'title'" in e.message


@pytest.mark.parametrize("prompts", ["Våldsbrott?", [1, 2], [["a"]], {"a": "b"}])
def test_prompts_must_be_a_list_of_texts(prompts):
    d = minimal()
    d["steps"][1]["prompts"] = prompts
    e = error(d)
    assert e.where == "steps[1]" and "'prompts'" in e.message


@pytest.mark.parametrize("number", [-1, 100, "1", True])
def test_bad_point_number(number):
    d = minimal()
    d["steps"][3]["number"] = number
    e = error(d)
    assert e.where == "steps[3]" and "'number'" in e.message


@pytest.mark.parametrize("key,value", [
    ("duration_minutes", 0), ("duration_minutes", 601), ("duration_minutes", "60"),
    ("substitutes_allowed", "yes"), ("telephone", 1),
    ("turn_fields", []), ("turn_fields", ["summary"]), ("turn_fields", "past_week"),
    ("forum", 3), ("description", ["x"]),
])
def test_bad_head_values(key, value):
    d = minimal()
    d["template"][key] = value
    e = error(d)
    assert e.where == "template" and f"'{key}'" in e.message


def test_template_error_is_a_value_error_with_a_readable_str():
    e = TemplateError("'x' is wrong", "steps[3]")
    assert isinstance(e, ValueError)
    assert str(e) == "steps[3]: 'x' is wrong"
    assert str(TemplateError("plain")) == "plain"


# --------------------------------------------------------------------------- round trip


@pytest.mark.parametrize("template_id", SHIPPED)
def test_template_to_data_round_trips_every_shipped_template(template_id):
    _, t = load_shipped(template_id)
    data = template_to_data(t)
    assert parse_template(template_id, data) == t
    # and through TOML text, as save_user_template writes it
    again = tomllib.loads(tomli_w.dumps(data))
    assert parse_template(template_id, again) == t


@pytest.mark.parametrize("template_id", SHIPPED)
def test_template_to_data_keeps_what_the_shipped_file_says(template_id):
    raw, t = load_shipped(template_id)
    data = template_to_data(t)
    assert [s["kind"] for s in data["steps"]] == [s["kind"] for s in raw["steps"]]
    assert [m["key"] for m in data["members"]] == [m["key"] for m in raw["members"]]
    for key in ("name", "weekday", "start", "duration_minutes", "warning_share"):
        assert data["template"][key] == raw["template"][key]


def test_round_trip_of_odd_budgets_and_fields():
    d = minimal()
    d["template"].update(start="07:05", telephone=True, turn_fields=["note"],
                         warning_share=0.65, duration_minutes=90, weekday="sunday")
    d["steps"][0]["budget_minutes"] = 1.25
    d["steps"][1]["budget_minutes"] = 0.01
    d["steps"][1]["prompts"] = ["Fråga?"]
    d["members"][0].update(role="kommunpolis", chair=True, short="A.")
    t = parse_template("t", d)
    assert parse_template("t", tomllib.loads(tomli_w.dumps(template_to_data(t)))) == t


# --------------------------------------------------------------------------- hypothesis

toml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
    st.sampled_from(["a", "b", "turn", "round", "point", "roll_call", "wrap_up", "friday",
                     "09:00", "past_week", "note", ""]),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["key", "name", "kind", "member", "title", "short",
                                         "budget_minutes", "number", "prompts", "chair",
                                         "role"]), inner, max_size=5),
    ),
    max_leaves=12,
)
HEAD_KEYS = ["name", "weekday", "start", "warning_share", "turn_fields", "duration_minutes",
             "substitutes_allowed", "telephone", "forum", "description"]
STEP_KEYS = ["kind", "member", "title", "budget_minutes", "number", "prompts"]
MEMBER_KEYS = ["key", "name", "short", "role", "chair"]


@st.composite
def near_templates(draw) -> dict:
    """The minimal template with some values replaced by random ones (and sometimes whole
    tables replaced or removed): mostly close enough to reach deep into the parser."""
    d = minimal()
    if draw(st.booleans()):
        d["guests"] = [{"key": "g", "name": "G"}]
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(["head", "member", "step", "guests", "top"]))
        if where == "head":
            if isinstance(d.get("template"), dict):
                d["template"][draw(st.sampled_from(HEAD_KEYS))] = draw(toml_values)
        elif where == "member":
            tables = [m for m in d.get("members") or [] if isinstance(m, dict)] \
                if isinstance(d.get("members"), list) else []
            if tables:
                m = draw(st.sampled_from(tables))
                m[draw(st.sampled_from(MEMBER_KEYS))] = draw(toml_values)
        elif where == "step":
            steps = d.get("steps")
            if isinstance(steps, list) and steps and all(isinstance(s, dict) for s in steps):
                s = draw(st.sampled_from(steps))
                if draw(st.booleans()):
                    s[draw(st.sampled_from(STEP_KEYS))] = draw(toml_values)
                else:
                    s.pop(draw(st.sampled_from(STEP_KEYS)), None)
        elif where == "guests":
            d["guests"] = draw(toml_values)
        else:
            key = draw(st.sampled_from(["template", "members", "steps", "guests"]))
            if draw(st.booleans()):
                d.pop(key, None)
            else:
                d[key] = draw(toml_values)
    return d


@settings(max_examples=400)
@given(near_templates())
def test_near_templates_parse_or_raise_template_error(data):
    before = copy.deepcopy(data)
    try:
        t = parse_template("t", data)
    except TemplateError as e:
        assert e.message and str(e)
    else:
        assert isinstance(t, Template)
        # whatever parsed also survives the trip to data and back
        assert parse_template("t", template_to_data(t)) == t
    assert data == before or data != data  # parsing never changes its input (NaN != NaN)


@settings(max_examples=200)
@given(st.dictionaries(st.sampled_from(["template", "members", "guests", "steps", "x"]),
                       toml_values, max_size=4))
def test_random_dicts_parse_or_raise_template_error(data):
    try:
        parse_template("t", data)
    except TemplateError:
        pass
