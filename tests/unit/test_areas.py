"""A series' areas: from the template's [[areas]] (parsed and checked), kept per series in
the database, and the chair's to add, rename and retire."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from orat_tui.config import ConfigError, load_template_file
from orat_tui.domain.areas import AreaSpec, area_key_for
from orat_tui.domain.template import TemplateError, parse_template, template_to_data
from orat_tui.store.areas import AreaError
from orat_tui.store.service import start_meeting

NOW = datetime(2026, 11, 26, 10, 0)


def test_every_shipped_template_has_areas_and_contacts(malmo, orebro, bromolla):
    for t in (malmo, orebro, bromolla):
        assert len(t.areas) >= 4
        assert {a.kind for a in t.areas} == {"stadsdel", "hotspot"}
        assert t.contacts and all(c.name for c in t.contacts)
        assert t.checklist == "social-oro"
    assert [a.name for a in orebro.areas][:2] == ["Vivalla", "Baronbackarna"]
    assert "Holma" in [a.name for a in malmo.areas]


def test_areas_survive_the_round_trip_through_toml(orebro):
    data = template_to_data(orebro)
    again = parse_template(orebro.id, data)
    assert again.areas == orebro.areas
    assert again.contacts == orebro.contacts


@pytest.mark.parametrize("areas, message", [
    ("x", "must be a list of [[areas]] tables"),
    ([{"key": "a"}], "'name' is missing"),
    ([{"key": "A b", "name": "x"}], "may hold only"),
    ([{"key": "a", "name": "x", "kind": "city"}], "'kind' must be one of stadsdel, hotspot"),
    ([{"key": "a", "name": "x"}, {"key": "a", "name": "y"}], "used twice"),
])
def test_bad_areas_are_refused(shipped_data, areas, message):
    data = shipped_data("orebro-samordning")
    data["areas"] = areas
    with pytest.raises(TemplateError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_template("orebro-samordning", data)


def test_a_bad_area_in_a_file_is_one_line_with_its_place(tmp_path, shipped_data):
    from orat_tui import paths

    path = tmp_path / "mine.toml"
    body = (paths.shipped_templates_dir() / "bromolla-lagesbild.toml").read_text(encoding="utf-8")
    path.write_text(body.replace('kind = "hotspot"', 'kind = "torg"'), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_template_file(path)
    message = str(exc.value)
    assert "\n" not in message
    line = next(i for i, l in enumerate(path.read_text().splitlines(), 1) if 'kind = "torg"' in l)
    assert message.startswith(f"{path}:{line}:1: 'kind' must be one of stadsdel, hotspot")


def test_area_keys_from_names():
    assert area_key_for("Vivalla centrum", set()) == "vivalla-centrum"
    assert area_key_for("Öster Möllevång", set()) == "oster-mollevang"
    assert area_key_for("Holma", {"holma"}) == "holma-2"
    assert area_key_for("!!!", set()) == "omrade"


def test_a_series_gets_its_template_areas_once(store, orebro):
    start_meeting(store, orebro, NOW)
    series = store.list_series()[0].id
    assert [a.name for a in store.areas(series)] == [a.name for a in orebro.areas]
    start_meeting(store, orebro, NOW)  # a second meeting adds nothing twice
    assert len(store.areas(series)) == len(orebro.areas)


def test_the_chair_adds_renames_and_retires_areas(store, orebro):
    start_meeting(store, orebro, NOW)
    series = store.list_series()[0].id
    added = store.add_area(series, "  Mosås  ", "hotspot", NOW)
    assert (added.key, added.name, added.kind) == ("mosas", "Mosås", "hotspot")
    assert store.areas(series)[-1] == added
    vivalla = store.areas(series)[0]
    store.rename_area(vivalla.id, "Vivalla (hela)")
    store.retire_area(store.areas(series)[1].id)
    names = [a.name for a in store.areas(series)]
    assert names[0] == "Vivalla (hela)" and "Baronbackarna" not in names
    assert "Baronbackarna" in [a.name for a in store.areas(series, include_retired=True)]
    # the template does not bring back what the chair retired or renamed
    store.sync_areas(series, orebro.areas, NOW)
    assert [a.name for a in store.areas(series)] == names
    # a template that gains an area adds it
    grown = replace(orebro, areas=orebro.areas + (AreaSpec("lillan", "Lillån"),))
    assert store.sync_areas(series, grown.areas, NOW) == 1
    assert store.areas(series)[-1].name == "Lillån"


def test_area_changes_that_cannot_be_made(store, orebro):
    start_meeting(store, orebro, NOW)
    series = store.list_series()[0].id
    with pytest.raises(AreaError, match="Ett område behöver ett namn"):
        store.add_area(series, "   ", "stadsdel", NOW)
    with pytest.raises(AreaError, match="finns redan ett område som heter Vivalla"):
        store.add_area(series, "vivalla", "stadsdel", NOW)
    with pytest.raises(AreaError, match="Typen måste vara en av"):
        store.add_area(series, "Ny", "city", NOW)
    with pytest.raises(AreaError, match="Ingen serie"):
        store.add_area("nope", "Ny", "stadsdel", NOW)
    with pytest.raises(AreaError, match="Inget område"):
        store.rename_area("nope", "x")
