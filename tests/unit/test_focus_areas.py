"""Focus areas: the five of Fem Fokus shipped in config/focus-areas.toml, the user's own copy
in the config folder instead, and a broken file answered in one line with file:line:col."""

from __future__ import annotations

import pytest

from orat_tui.config import ConfigError
from orat_tui.config_focus import focus_file, load_focus_areas, load_focus_file
from orat_tui.domain.focus import focus_label, parse_focus_areas
from orat_tui.domain.template import TemplateError


def test_the_five_fem_fokus_areas_ship():
    areas = load_focus_areas(user_dir=None)
    assert [a.key for a in areas] == ["unga", "organiserad", "brottsoffer", "droger",
                                      "offentliga-rummet"]
    assert areas[0].name == "Unga i riskzonen och unga kriminella"
    assert areas[4].label == "Offentliga rummet"
    assert focus_label(areas, "droger") == "Droger"
    assert focus_label(areas, "gone") == "gone"


def test_the_users_copy_replaces_the_shipped_file(tmp_path):
    (tmp_path / "focus-areas.toml").write_text('[[areas]]\nkey = "trafik"\nname = "Trafik"\n',
                                               encoding="utf-8")
    path, origin = focus_file(user_dir=tmp_path)
    assert origin == "user" and path == tmp_path / "focus-areas.toml"
    assert [a.name for a in load_focus_areas(user_dir=tmp_path)] == ["Trafik"]


@pytest.mark.parametrize(("text", "where"), [
    ('[[areas]]\nkey = "a"\nname = \n', ":3:"),  # TOML syntax
    ('[[areas]]\nkey = "A B"\nname = "x"\n', ":2:1: 'key' must be"),
    ('[[areas]]\nkey = "a"\nname = "x"\n[[areas]]\nkey = "a"\nname = "y"\n',
     ":5:1: key 'a' is used twice"),
    ('[[areas]]\nkey = "a"\n', ": 'name' must be"),
    ('[[areas]]\nkey = "a"\nname = "x"\ncolour = "red"\n', ":4:1: unknown key 'colour'"),
    ('title = "no areas"\n', ":1:1: the file needs at least one [[areas]]"),
])
def test_a_broken_file_is_one_line_naming_file_line_and_column(tmp_path, text, where):
    path = tmp_path / "focus-areas.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_focus_file(path)
    message = str(info.value)
    assert message.startswith(str(path)) and where in message and "\n" not in message


def test_parse_refuses_what_is_not_a_table():
    with pytest.raises(TemplateError):
        parse_focus_areas({"areas": ["unga"]})
