"""TOML in and out (orat_tui.config) and where orat keeps its files (orat_tui.paths).

Every test that could touch a real folder uses the `isolated` fixture: XDG_CONFIG_HOME and
XDG_DATA_HOME point into tmp_path and ORAT_DB is unset.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from orat_tui import paths
from orat_tui.config import (
    ConfigError,
    UserConfig,
    discover_templates,
    load_template_file,
    load_user_config,
    read_toml,
    save_user_template,
)
from orat_tui.domain.template import Template

SHIPPED = {"bromolla-kkl", "bromolla-lagesbild", "malmo-fem-fokus-arbetsgrupp",
           "malmo-fem-fokus-styrgrupp", "malmo-orat", "orebro-samordning"}

SMALL = """\
# a forum of our own
[template]
name = "Eget forum"
weekday = "monday"
start = "08:30"

[[members]]
key = "a"
name = "A-förvaltningen"

[[members]]
key = "b"
name = "B-bolaget"

[[steps]]
kind = "roll_call"
budget_minutes = 2

[[steps]]
kind = "round"
budget_minutes = 4

[[steps]]
kind = "wrap_up"
budget_minutes = 3
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def one_line_error(exc: pytest.ExceptionInfo, path: Path) -> tuple[int, int, str]:
    """Check the 'path:line:col: message' form and return (line, col, message)."""
    text = str(exc.value)
    assert "\n" not in text
    m = re.fullmatch(re.escape(str(path)) + r":(\d+):(\d+): (.+)", text)
    assert m, text
    return int(m.group(1)), int(m.group(2)), m.group(3)


def line_of(text: str, needle: str, nth: int = 0) -> int:
    hits = [i + 1 for i, line in enumerate(text.splitlines()) if needle in line]
    return hits[nth]


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------- discovery


def test_shipped_templates_are_found(isolated):
    found = discover_templates()
    assert set(found) == SHIPPED
    for tid, entry in found.items():
        assert entry.origin == "shipped"
        assert entry.template.id == tid
        assert entry.path.parent == paths.shipped_templates_dir()


def test_a_user_template_overrides_a_shipped_one_and_adds_a_new_one(tmp_path, isolated):
    user = tmp_path / "mine"
    malmo = (paths.shipped_templates_dir() / "malmo-orat.toml").read_text(encoding="utf-8")
    write(user / "malmo-orat.toml",
          malmo.replace('name = "Örat mot marken · Malmö"', 'name = "Örat, vår version"'))
    write(user / "eget-forum.toml", SMALL)
    found = discover_templates(user_dir=user)
    assert set(found) == SHIPPED | {"eget-forum"}
    assert found["malmo-orat"].origin == "user (overrides shipped)"
    assert found["malmo-orat"].template.name == "Örat, vår version"
    assert found["malmo-orat"].path == user / "malmo-orat.toml"
    assert found["eget-forum"].origin == "user"
    assert found["eget-forum"].template.name == "Eget forum"
    assert found["orebro-samordning"].origin == "shipped"


def test_the_default_user_folder_is_under_xdg_config_home(isolated):
    write(isolated.config_dir / "templates" / "eget-forum.toml", SMALL)
    found = discover_templates()
    assert found["eget-forum"].origin == "user"


def test_a_missing_user_folder_is_fine(tmp_path, isolated):
    assert set(discover_templates(user_dir=tmp_path / "nowhere")) == SHIPPED


def test_other_files_in_the_user_folder_are_ignored(tmp_path, isolated):
    user = tmp_path / "mine"
    write(user / "notes.txt", "not toml [")
    write(user / "half-saved.toml.tmp", "[template")
    assert set(discover_templates(user_dir=user)) == SHIPPED


# --------------------------------------------------------------------------- broken files


def test_broken_toml_is_one_line_with_path_line_and_column(tmp_path):
    path = write(tmp_path / "broken.toml",
                 '[template]\nname = "X"\nweekday = friday\n')
    with pytest.raises(ConfigError) as exc:
        load_template_file(path)
    line, col, message = one_line_error(exc, path)
    assert (line, col) == (3, 11)
    assert "line" not in message  # the position is in front, not repeated


def test_broken_toml_at_the_end_of_the_file_points_at_the_last_line(tmp_path):
    path = write(tmp_path / "cut.toml", '[template]\nname = "X"\n\n[[members]]\nkey = ')
    with pytest.raises(ConfigError) as exc:
        load_template_file(path)
    line, _col, message = one_line_error(exc, path)
    assert line == 5
    assert "(at " not in message


def test_a_missing_file_is_a_config_error(tmp_path):
    path = tmp_path / "gone.toml"
    with pytest.raises(ConfigError) as exc:
        read_toml(path)
    assert str(exc.value).startswith(str(path))
    assert "\n" not in str(exc.value)


def test_a_file_that_is_not_utf8_is_a_config_error(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes('[template]\nname = "Bromölla"\n'.encode("latin-1"))
    with pytest.raises(ConfigError) as exc:
        read_toml(path)
    assert str(exc.value).startswith(str(path))


def semantic_error(tmp_path: Path, text: str) -> tuple[int, int, str, str]:
    path = write(tmp_path / "forum.toml", text)
    with pytest.raises(ConfigError) as exc:
        load_template_file(path)
    line, col, message = one_line_error(exc, path)
    return line, col, message, text


def test_a_bad_budget_points_at_its_line(tmp_path):
    text = SMALL.replace("budget_minutes = 4", "budget_minutes = -4")
    line, col, message, _ = semantic_error(tmp_path, text)
    assert line == line_of(text, "budget_minutes = -4")
    assert col == 1
    assert "budget_minutes" in message and "steps[1]" in message


def test_a_bad_weekday_points_at_its_line(tmp_path):
    text = SMALL.replace('"monday"', '"måndag"')
    line, _, message, _ = semantic_error(tmp_path, text)
    assert line == line_of(text, "weekday")
    assert "(template)" in message


def test_an_indented_key_gets_its_column(tmp_path):
    text = SMALL.replace('start = "08:30"', '   start = "8.30"')
    line, col, _, _ = semantic_error(tmp_path, text)
    assert (line, col) == (line_of(text, "start ="), 4)


def test_an_unknown_kind_points_into_its_step(tmp_path):
    text = SMALL.replace('kind = "round"', 'kind = "lunch"')
    line, _, message, _ = semantic_error(tmp_path, text)
    assert line == line_of(text, 'kind = "lunch"')
    assert "lunch" in message and "steps[1]" in message


def test_a_turn_for_an_unknown_member_points_into_that_step(tmp_path):
    text = SMALL.replace('kind = "round"', 'kind = "turn"\nmember = "polisen"')
    line, _, message, _ = semantic_error(tmp_path, text)
    assert line == line_of(text, 'member = "polisen"')
    assert "polisen" in message


def test_a_duplicate_key_points_at_the_repeat(tmp_path):
    text = SMALL.replace('key = "b"', 'key = "a"')
    line, _, message, _ = semantic_error(tmp_path, text)
    assert line == line_of(text, 'key = "a"', 1)  # the second one
    assert "twice" in message and "members[1]" in message


def test_a_guest_repeating_a_member_key_points_at_the_guest(tmp_path):
    text = SMALL.replace("[[steps]]", '[[guests]]\nkey = "b"\nname = "B igen"\n\n[[steps]]', 1)
    line, _, message, _ = semantic_error(tmp_path, text)
    assert line == line_of(text, 'key = "b"', 1)
    assert "guests[0]" in message


def test_a_value_elsewhere_in_the_file_is_not_taken_for_the_error(tmp_path):
    # "lunch" also appears in the first step's title: the error is in the second step
    text = SMALL.replace('kind = "roll_call"', 'kind = "roll_call"\ntitle = "lunch"', 1)
    text = text.replace('kind = "round"', 'kind = "lunch"')
    line, _, _, _ = semantic_error(tmp_path, text)
    assert line == line_of(text, 'kind = "lunch"')


def test_a_missing_name_points_at_the_template_table(tmp_path):
    text = SMALL.replace('name = "Eget forum"\n', "")
    line, _, message, _ = semantic_error(tmp_path, text)
    assert line == line_of(text, "[template]")
    assert "'name'" in message


def test_a_point_without_title_points_at_its_table(tmp_path):
    text = SMALL.replace('kind = "round"', 'kind = "point"')
    line, _, message, _ = semantic_error(tmp_path, text)
    assert line == line_of(text, "[[steps]]", 1)
    assert "title" in message


def test_no_members_at_all(tmp_path):
    text = SMALL.split("[[members]]")[0] + SMALL[SMALL.index("[[steps]]"):]
    line, col, message, _ = semantic_error(tmp_path, text)
    assert (line, col) >= (1, 1)
    assert "[[members]]" in message


def test_a_value_with_a_newline_still_gives_one_line(tmp_path):
    text = SMALL.replace('kind = "round"', 'kind = """lunch\nbreak"""')
    path = write(tmp_path / "nl.toml", text)
    with pytest.raises(ConfigError) as exc:
        load_template_file(path)
    one_line_error(exc, path)


def test_one_broken_user_template_is_reported_by_discovery(tmp_path, isolated):
    user = tmp_path / "mine"
    write(user / "trasig.toml", SMALL.replace('kind = "round"', 'kind = "lunch"'))
    with pytest.raises(ConfigError) as exc:
        discover_templates(user_dir=user)
    assert "trasig.toml:" in str(exc.value)


# --------------------------------------------------------------------------- saving


def test_save_user_template_loads_back_equal_and_leaves_the_shipped_files_alone(tmp_path,
                                                                                 isolated):
    shipped = paths.shipped_templates_dir()
    before = tree_digest(shipped)
    user = tmp_path / "mine"
    for entry in discover_templates(user_dir=user).values():
        path = save_user_template(entry.template, user_dir=user)
        assert path == user / f"{entry.template.id}.toml"
        assert load_template_file(path) == entry.template
    assert tree_digest(shipped) == before
    assert sorted(p.name for p in user.iterdir()) == sorted(f"{t}.toml" for t in SHIPPED)
    found = discover_templates(user_dir=user)
    assert {e.origin for e in found.values()} == {"user (overrides shipped)"}


def test_save_user_template_defaults_to_the_user_config_folder(isolated):
    t = discover_templates()["orebro-samordning"].template
    path = save_user_template(t)
    assert path == isolated.config_dir / "templates" / "orebro-samordning.toml"
    assert path.read_text(encoding="utf-8").startswith("#")
    assert discover_templates()["orebro-samordning"].origin == "user (overrides shipped)"


def test_save_user_template_replaces_an_earlier_save(tmp_path, isolated):
    user = tmp_path / "mine"
    t = discover_templates(user_dir=user)["bromolla-lagesbild"].template
    save_user_template(t, user_dir=user)
    from dataclasses import replace

    changed = replace(t, name="Lägesbild, ny", duration_minutes=75)
    save_user_template(changed, user_dir=user)
    again = load_template_file(user / "bromolla-lagesbild.toml")
    assert again == changed and again != t
    assert not list(user.glob("*.tmp"))


# --------------------------------------------------------------------------- user config


def test_user_config_defaults_when_there_is_no_file(tmp_path, isolated):
    assert load_user_config(tmp_path / "none.toml") == UserConfig()
    cfg = load_user_config()  # the default path, under XDG_CONFIG_HOME
    assert (cfg.language, cfg.bell, cfg.theme, cfg.user) == ("sv", False, "", "")


def test_user_config_is_read_from_xdg_config_home(isolated):
    write(isolated.config_dir / "config.toml", 'language = "en"\nbell = true\n')
    assert paths.user_config_file() == isolated.config_dir / "config.toml"
    cfg = load_user_config()
    assert cfg.language == "en" and cfg.bell is True


def test_user_config_values(tmp_path):
    path = write(tmp_path / "config.toml",
                 'language = "en"\nbell = true\ntheme = "high-contrast"\nuser = "Anna S"\n')
    cfg = load_user_config(path)
    assert (cfg.language, cfg.bell, cfg.theme, cfg.user) == ("en", True, "high-contrast", "Anna S")
    assert cfg.extra["user"] == "Anna S"


def test_theme_default_means_orats_own(tmp_path):
    cfg = load_user_config(write(tmp_path / "c.toml", 'theme = "default"\n'))
    assert cfg.theme == ""


@pytest.mark.parametrize(("text", "key"), [
    ('# mine\nlanguage = "de"\n', "language"),
    ('bell = true\nlanguage = "SV"\n', "language"),
    ("language = 1\n", "language"),
    ('bell = "yes"\n', "bell"),
    ('language = "sv"\n\nbell = 1\n', "bell"),
    ('theme = "neon"\n', "theme"),
    ("theme = true\n", "theme"),
    ("user = 42\n", "user"),
])
def test_user_config_errors_name_the_file_the_line_and_the_key(tmp_path, text, key):
    path = write(tmp_path / "config.toml", text)
    with pytest.raises(ConfigError) as exc:
        load_user_config(path)
    line, _col, message = one_line_error(exc, path)
    assert f"'{key}'" in message
    assert line == line_of(text, f"{key} =")


def test_broken_user_config_toml(tmp_path):
    path = write(tmp_path / "config.toml", 'language = "sv"\nbell = \n')
    with pytest.raises(ConfigError) as exc:
        load_user_config(path)
    line, _, _ = one_line_error(exc, path)
    assert line == 2


# --------------------------------------------------------------------------- paths


def test_folders_follow_xdg(isolated):
    assert paths.config_dir() == isolated.config_dir
    assert paths.data_dir() == isolated.data_dir
    assert paths.user_templates_dir() == isolated.config_dir / "templates"
    assert paths.default_db_path() == isolated.data_dir / "orat.db"
    assert not isolated.config_dir.exists() and not isolated.data_dir.exists()  # no mkdir


def test_database_url_default_is_the_data_folder(isolated):
    assert paths.database_url() == f"sqlite:///{isolated.data_dir / 'orat.db'}"
    assert paths.database_url(None) == paths.database_url("")


def test_database_url_from_a_db_path(tmp_path, isolated):
    assert paths.database_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"


def test_database_url_makes_a_relative_path_absolute(tmp_path, isolated, monkeypatch):
    monkeypatch.chdir(tmp_path)
    url = paths.database_url("sub/möte.db")
    assert url == f"sqlite:///{tmp_path.resolve() / 'sub' / 'möte.db'}"
    assert url.startswith("sqlite:////")


def test_database_url_expands_home(tmp_path, isolated, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.database_url("~/orat.db") == f"sqlite:///{tmp_path.resolve() / 'orat.db'}"


def test_database_url_from_orat_db(tmp_path, isolated, monkeypatch):
    monkeypatch.setenv("ORAT_DB", str(tmp_path / "env.db"))
    assert paths.database_url() == f"sqlite:///{tmp_path / 'env.db'}"
    # --db wins over the environment
    assert paths.database_url(str(tmp_path / "flag.db")) == f"sqlite:///{tmp_path / 'flag.db'}"


def test_an_empty_orat_db_means_the_default(isolated, monkeypatch):
    monkeypatch.setenv("ORAT_DB", "")
    assert paths.database_url() == f"sqlite:///{isolated.data_dir / 'orat.db'}"


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://orat:secret@db.example/orat",
    "sqlite:////var/lib/orat/orat.db",
    "sqlite://",
])
def test_database_url_passes_a_url_through(url, isolated, monkeypatch):
    assert paths.database_url(url) == url
    monkeypatch.setenv("ORAT_DB", url)
    assert paths.database_url() == url


def test_the_shipped_config_folder_holds_the_templates():
    d = paths.shipped_templates_dir()
    assert d.parent == paths.shipped_config_dir()
    assert {p.stem for p in d.glob("*.toml")} == SHIPPED


def test_ensure_private_dir_is_owner_only(tmp_path):
    target = tmp_path / "a" / "b"
    paths.ensure_private_dir(target)
    assert target.is_dir()
    assert target.stat().st_mode & 0o777 == 0o700
    paths.ensure_private_dir(target)  # a second time is fine


def test_templates_load_as_template_objects(isolated):
    for entry in discover_templates().values():
        assert isinstance(entry.template, Template)
