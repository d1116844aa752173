"""`orat report year`: the yearly follow-up of measures per focus area (golden files in each
format), which actions count for a year, and the command's failure paths.

    ORAT_UPDATE_GOLDEN=1 .venv/bin/pytest -q tests/unit/test_report_year.py
"""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime

import pytest

from orat_tui.domain.actions import DONE, DROPPED, ONGOING, Action
from orat_tui.reports import FORMATS, render
from tests.unit.report_data import hold, templates
from tests.unit.test_reports import golden, run_cli, swedish  # noqa: F401 (fixture)

TODAY = date(2026, 12, 18)


def args(**kw):
    return argparse.Namespace(**{"what": None, "series": None, **kw})


@pytest.fixture
def year_store(store, tmp_path):
    """A Malmö series with measures in four focus areas, one without, one closed the year
    before and one made the year after; two notes tagged with a focus area."""
    from orat_tui.domain.meeting import note_slot
    from orat_tui.store.actions import add_action, update_action
    from orat_tui.store.focus import set_note_focus

    tpls = templates(tmp_path)
    m = hold(store, tpls["malmo-orat"].template, date(2026, 3, 6))
    sid = m.series_id
    police = next(s for s in m.steps if s.member == "polisen")

    def add(what, made, **kw):
        a = Action(series_id=sid, what=what, meeting_id=m.id, step_id=police.id,
                   created_at=made, **kw)
        return add_action(store, a, "Karin", made)

    def change(a, when, **kw):
        from dataclasses import replace

        return update_action(store, replace(a, **kw), "Ola", when)

    spring = datetime(2026, 3, 6, 9, 30)
    a = add("Fältgruppen kvällstid i Lindängen", spring, responsible="asf",
            responsible_name="Arbetsmarknads- och socialförvaltningen", with_member="fritid",
            with_name="Fritidsförvaltningen", focus_area="unga", goal="synliga vuxna kvällstid",
            goal_target=25, due=date(2026, 6, 30))
    change(a, datetime(2026, 6, 26, 10), status=DONE, result="30 kvällar", result_value=30,
           evaluation="Färre anmälningar om ordningsstörning", closed_on=date(2026, 6, 26))
    add("Kartlägga kriminella nätverk i Rosengård", spring, responsible="polisen",
        responsible_name="Polisen", focus_area="organiserad", goal="en gemensam lägesbild",
        due=date(2027, 3, 1))
    b = add("Stöd till brottsutsatta äldre", spring, responsible="hvo",
            responsible_name="Hälsa-, vård- och omsorgsförvaltningen", focus_area="brottsoffer",
            due=date(2026, 9, 1))
    change(b, datetime(2026, 9, 4, 9), status=ONGOING, due=date(2027, 1, 31))
    c = add("Belysning vid busshållplatser", spring, responsible="polisen",
            responsible_name="Polisen", focus_area="offentliga-rummet", goal_target=12)
    change(c, datetime(2026, 10, 2, 9), status=DROPPED, evaluation="Gatukontoret tog över",
           closed_on=date(2026, 10, 2))
    add("Samtal med fastighetsägaren", spring, responsible="asf",
        responsible_name="Arbetsmarknads- och socialförvaltningen", due=date(2026, 4, 3))
    old = add("Förra årets sak", datetime(2025, 5, 2, 9), focus_area="droger")
    change(old, datetime(2025, 12, 1, 9), status=DONE, closed_on=date(2025, 12, 1))
    add("Nästa års sak", datetime(2027, 1, 8, 9), focus_area="droger")
    set_note_focus(store, m.id, note_slot(police, "past_week"), "unga")
    set_note_focus(store, m.id, note_slot(police, "coming_week"), "droger")
    return store, tpls


@pytest.mark.parametrize("fmt", FORMATS)
def test_year_report_golden(year_store, swedish, fmt):
    from orat_tui.reports.year import build

    store, tpls = year_store
    report = build(store, args(what="2026"), TODAY, tpls)
    golden(f"report-year.{fmt}", render(report, fmt))


def test_the_year_holds_what_was_alive_in_it(year_store, swedish):
    from orat_tui.reports.year import build

    store, tpls = year_store
    data = json.loads(render(build(store, args(what="2026", series="malmo-orat"), TODAY, tpls),
                             "json"))
    text = json.dumps(data, ensure_ascii=False)
    assert "Fältgruppen kvällstid" in text and "Samtal med fastighetsägaren" in text
    assert "Förra årets sak" not in text and "Nästa års sak" not in text
    overview = data["sections"][0]["blocks"][0]
    rows = {r[0]: r[1:] for r in overview["rows"]}
    # planned, ongoing, finished, dropped, tagged notes
    assert rows["Unga i riskzonen och unga kriminella"] == ["0", "0", "1", "0", "1"]
    assert rows["Droger"] == ["0", "0", "0", "0", "1"]
    assert rows["Inget fokusområde"] == ["1", "0", "0", "0", "0"]
    last = build(store, args(what="2025"), TODAY, tpls)
    assert "Förra årets sak" in render(last, "md")
    assert "Fältgruppen" not in render(last, "md")


def test_over_several_series_each_measure_names_its_series(year_store, swedish):
    """Without --series the report covers every series: with another forum in the database
    (which made no measures) the report must not claim to be Malmö's alone."""
    from orat_tui.reports.year import build

    store, tpls = year_store
    hold(store, tpls["orebro-samordning"].template, date(2026, 3, 5))
    data = json.loads(render(build(store, args(what="2026"), TODAY, tpls), "json"))
    assert not any(line.startswith("Serie:") for line in data["meta"])
    measures = data["sections"][1]["blocks"][0]
    assert measures["columns"][1] == "Serie"
    assert {row[1] for row in measures["rows"]} == {"Örat mot marken · Malmö"}


def test_the_focus_areas_are_the_users_own_when_they_have_them(year_store, swedish, isolated):
    from orat_tui.reports.year import build

    store, tpls = year_store
    isolated.config_dir.mkdir(parents=True, exist_ok=True)
    (isolated.config_dir / "focus-areas.toml").write_text(
        '[[areas]]\nkey = "unga"\nname = "Barn och unga"\n', encoding="utf-8")
    md = render(build(store, args(what="2026"), TODAY, tpls), "md")
    assert "## Barn och unga" in md
    assert "## organiserad" in md  # a key no longer in the file is shown as it is


@pytest.mark.parametrize("extra, message", [
    (["report", "year", "förra året"], "'förra året' is not a year"),
    (["report", "year", "--series", "nosuch"], "no series 'nosuch'"),
])
def test_cli_failures_are_one_line(year_store, db_url, capsys, extra, message):
    code, out, err = run_cli(extra + ["--db", db_url.removeprefix("sqlite:///")], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err


def test_a_broken_focus_areas_file_is_one_line_with_file_line_col(year_store, db_url, capsys,
                                                                  isolated):
    path = isolated.config_dir / "focus-areas.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[[areas]]\nkey = "unga"\nname = \n', encoding="utf-8")
    code, out, err = run_cli(["report", "year", "--db", db_url.removeprefix("sqlite:///")],
                             capsys)
    assert code == 2 and err.count("\n") == 1
    assert f"{path}:3:" in err
    path.write_text('[[areas]]\nkey = "Unga Kriminella"\nname = "x"\n', encoding="utf-8")
    code, out, err = run_cli(["report", "year", "--db", db_url.removeprefix("sqlite:///")],
                             capsys)
    assert code == 2 and f"{path}:2:1: 'key' must be" in err


def test_cli_year_report_to_a_file(year_store, db_url, tmp_path, capsys):
    target = tmp_path / "year.md"
    code, out, err = run_cli(["report", "year", "2026", "--db",
                              db_url.removeprefix("sqlite:///"), "-o", str(target)], capsys)
    assert code == 0
    assert "Fältgruppen kvällstid i Lindängen" in target.read_text(encoding="utf-8")
