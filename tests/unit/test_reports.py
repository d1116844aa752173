"""`orat report` (issue 5): golden files of each report in each format, the command's
failure paths (one line on stderr, exit code 2), files written 0600.

Regenerate the golden files after a deliberate change, then read the diff:

    ORAT_UPDATE_GOLDEN=1 .venv/bin/pytest -q tests/unit/test_reports.py
"""

from __future__ import annotations

import argparse
import json
import os
import stat
from html.parser import HTMLParser
from pathlib import Path

import pytest

from orat_tui import i18n
from orat_tui.cli import main
from orat_tui.reports import FORMATS, render
from tests.unit.report_data import TODAY, fill

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("ORAT_UPDATE_GOLDEN") == "1"


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}: run with ORAT_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture
def filled(store, tmp_path):
    templates = fill(store, tmp_path)
    return store, templates


@pytest.fixture
def swedish():
    i18n.set_language("sv")
    yield
    i18n.set_language("sv")


def args(**kw):
    return argparse.Namespace(**{"what": None, "series": None, **kw})


def test_command_formats_match_the_reports():
    from orat_tui.commands.report import FORMATS as CLI_FORMATS

    assert CLI_FORMATS == FORMATS


@pytest.mark.parametrize("fmt", FORMATS)
def test_term_report_golden(filled, swedish, fmt):
    from orat_tui.reports.term import build

    store, templates = filled
    report = build(store, args(), TODAY, templates)
    golden(f"report-term.{fmt}", render(report, fmt))


def test_term_report_figures(filled, swedish):
    from orat_tui.reports.term import build

    store, templates = filled
    data = json.loads(render(build(store, args(), TODAY, templates), "json"))
    rows = {r[0]: r for r in data["sections"][0]["blocks"][0]["rows"]}
    assert rows["Örat mot marken · Malmö"][2:5] == ["4", "4 av 27 veckor", "ligger efter"]
    assert rows["Styrgrupp Fem Fokus · Malmö"][1:5] == [
        "minst 3 per termin", "2", "2 av 3", "i fas"]
    assert rows["KKL-möte · Bromölla"][2:5] == ["0", "1 av 2 under 2026", "i fas"]
    malmo = next(s for s in data["sections"] if s["heading"] == "Örat mot marken · Malmö")
    assert "veckor 27–42, 45" in malmo["blocks"][0]["text"]  # the autumn break
    attendance = {b["label"]: b["text"] for b in malmo["blocks"][1]["bars"]}
    assert attendance["Kultur"] == "2 av 4"
    assert attendance["Polisen"] == "4 av 4"


def test_term_report_of_one_series_and_another_term_in_english(filled):
    from orat_tui.reports.term import build

    store, templates = filled
    i18n.set_language("en")
    try:
        report = build(store, args(what="VT 2026", series="malmo-fem-fokus-styrgrupp"),
                       TODAY, templates)
    finally:
        i18n.set_language("sv")
    text = render(report, "txt")
    assert report.title == "Term report spring 2026"
    assert "1 of 3" in text and "not met" in text
    assert "Örat mot marken" not in text


def test_html_report_parses_and_escapes(filled, swedish):
    from orat_tui.reports import Bar, Bars, Paragraph, Report, Section
    from orat_tui.reports.html import html

    class Check(HTMLParser):
        tags: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)

    r = Report("x", "<script>alert(1)</script>", sections=[Section("a & b", [
        Paragraph("<b>not bold</b>"), Bars([Bar("x<y", 3, 0, "3")])])])
    page = html(r)
    p = Check()
    p.feed(page)
    assert "script" not in p.tags and "b" not in p.tags
    assert "&lt;script&gt;" in page


def run_cli(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_a_private_file(filled, db_url, tmp_path, capsys):
    target = tmp_path / "term.html"
    code, out, err = run_cli(["report", "term", "--db", db_url.removeprefix("sqlite:///"),
                              "--today", TODAY.isoformat(), "-o", str(target)], capsys)
    assert code == 0 and out == ""
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize("extra, message", [
    (["report", "term", "HT 26"], "'HT 26' is not a term"),
    (["report", "term", "--series", "nosuch"], "no series 'nosuch'"),
    (["report", "term", "--today", "tomorrow"], "--today must be a date"),
    (["report", "promises", "--series", "nosuch"], "no series 'nosuch'"),
])
def test_cli_failures_are_one_line_and_exit_2(filled, db_url, capsys, extra, message):
    code, out, err = run_cli(extra + ["--db", db_url.removeprefix("sqlite:///")], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("orat: ")


def test_cli_missing_database(tmp_path, capsys, isolated):
    code, out, err = run_cli(["report", "term", "--db", str(tmp_path / "typo.db")], capsys)
    assert code == 2 and "no database at" in err
    assert not (tmp_path / "typo.db").exists()


# -- orat report promises ----------------------------------------------------------------------
@pytest.mark.parametrize("fmt", FORMATS)
def test_promises_report_golden(store, swedish, fmt):
    from datetime import date

    from orat_tui.reports.promises import build
    from tests.unit.report_data import fill_promise

    fill_promise(store)
    report = build(store, args(), date(2020, 10, 1), {})
    golden(f"report-promises.{fmt}", render(report, fmt))


def test_promises_report_at_the_end_of_the_period(store, swedish):
    from datetime import date

    from orat_tui.reports.promises import build
    from tests.unit.report_data import fill_promise

    fill_promise(store)
    data = json.loads(render(build(store, args(what="medborgarlöfte"), date(2021, 1, 15), {}),
                             "json"))
    [section] = data["sections"]
    table = next(b for b in section["blocks"] if b["type"] == "table")
    assert [r[2:] for r in table["rows"]] == [
        ["genomfört", "genomfört"], ["2019: 55, 2020: 36", "ej uppfyllt"],
        ["13", "ej uppfyllt"], ["21", "ej uppfyllt"]]
    assert "(100 % har gått)" in section["blocks"][0]["text"]
    evaluation = section["blocks"][-1]
    assert evaluation["rows"][0][1] == "Genomfört i alla tre skolorna hösten 2019."


def test_promises_report_unknown_promise(store, db_url, capsys):
    from tests.unit.report_data import fill_promise

    fill_promise(store)
    code, out, err = run_cli(["report", "promises", "Söder", "--db",
                              db_url.removeprefix("sqlite:///")], capsys)
    assert code == 2 and "no promise 'Söder' (promises: Medborgarlöfte Malmö Väster)" in err


def test_a_template_that_has_not_met_yet_can_be_asked_for(filled, swedish):
    from orat_tui.reports.promises import build as promises
    from orat_tui.reports.term import build

    store, templates = filled
    data = json.loads(render(build(store, args(series="malmo-fem-fokus-arbetsgrupp"), TODAY,
                                   templates), "json"))
    [row] = data["sections"][0]["blocks"][0]["rows"]
    assert row[:5] == ["Arbetsgrupp Fem Fokus · Malmö", "minst 4 per termin", "0", "0 av 4",
                       "ligger efter"]
    assert promises(store, args(series="malmo-fem-fokus-arbetsgrupp"), TODAY, templates) \
        .sections[0].heading == "Medborgarlöften"
