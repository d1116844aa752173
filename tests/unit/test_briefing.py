"""The Friday briefing (orat briefing): golden files of a series after three meetings, what
stays out (internal events, reasons), the command's failure paths and its 0600 file.

Rewrite the golden files on purpose with:
    ORAT_UPDATE_GOLDEN=1 .venv/bin/pytest -q tests/unit/test_briefing.py
"""

from __future__ import annotations

import os
import stat
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from orat_tui import i18n
from orat_tui.checklists import load_checklist
from orat_tui.cli import main
from orat_tui.commands import CommandError
from orat_tui.commands.briefing import make, pick_series
from orat_tui.domain.events import Event
from orat_tui.domain.levels import GRONT, GULT, ORANGE, ROTT
from orat_tui.domain.meeting import ENDED
from orat_tui.export.briefing import BriefingError, build, render
from orat_tui.store.service import start_meeting

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("ORAT_UPDATE_GOLDEN") == "1"
THURSDAY = datetime(2026, 11, 12, 10, 0)
FRIDAY_EVENING = datetime(2026, 11, 27, 18, 30)
SECRET = "Egen bild: källa inom polisen, får inte spridas."


@pytest.fixture(autouse=True)
def swedish():
    before = i18n.language()
    i18n.set_language("sv")
    yield
    i18n.set_language(before)


def three_meetings(store, orebro):
    """Örebro over three Thursdays: Vivalla yellow, Oxhagen red then orange, signals rated,
    an open event with its development and planned measures, an internal one, a closed one."""
    meetings = []
    for week in range(3):
        m = start_meeting(store, orebro, THURSDAY + timedelta(weeks=week))
        meetings.append(m)
        if week < 2:
            m.state, m.ended_at = ENDED, m.started_at + timedelta(minutes=40)
            store.save(m)
    m1, m2, m3 = meetings
    areas = {a.key: a for a in store.areas(m1.series_id)}
    viv, ox = areas["vivalla"].id, areas["oxhagen"].id
    store.set_level(m1.id, viv, GULT, "rykten", "ordf", GRONT, m1.started_at)
    store.set_level(m2.id, ox, ROTT, "bilbränder", "ordf", GRONT, m2.started_at)
    store.set_level(m3.id, ox, ORANGE, "efter oroligheterna", "ordf", ROTT, m3.started_at)
    for mid, values in ((m2.id, {8: 3, 9: 4, 12: 3}), (m3.id, {8: 2, 9: 2, 12: 3, 13: 0})):
        for q, v in values.items():
            store.rate_signal(mid, ox, q, v)
    store.save_event(Event(
        series_id=m1.series_id, title="Oro kring Vivalla centrum", area_id=viv,
        member_key="polisen", facts="Grupper av unga samlas kvällstid; stenkastning mot buss.",
        best_case="Lugnar ner sig efter helgen.", likely_case="Fortsatt oro fredag och lördag.",
        worst_case="Bränder och stenkastning.", consequences="Busstrafiken kan stängas av.",
        measures_planned="Fältgruppen och nattvandrare på plats fredag kl. 19–02.",
        affects_others=True, inform="Nobina (busstrafiken), ÖBO:s jour",
        raised_meeting_id=m1.id), m1.started_at)
    store.save_event(Event(series_id=m1.series_id, title="Intern: källa", area_id=ox,
                           member_key="polisen", facts=SECRET, internal=True,
                           raised_meeting_id=m2.id), m2.started_at)
    done = store.save_event(Event(series_id=m1.series_id, title="Klotter vid skolan",
                                  area_id=viv, raised_meeting_id=m1.id), m1.started_at)
    store.close_event(done.id, m2.id, "sanerat", m2.started_at)
    return m1.series_id


def briefing_of(store, orebro, fmt):
    series = three_meetings(store, orebro)
    doc = build(store.picture(series), orebro.name, orebro.contacts,
                load_checklist("social-oro"), FRIDAY_EVENING,
                {m.key: m.name for m in orebro.members})
    return render(doc, fmt)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_briefing_after_three_meetings(store, orebro, fmt):
    text = briefing_of(store, orebro, fmt)
    golden = GOLDEN / f"briefing-orebro.{fmt}"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    # what must be there, and what must not
    assert "Oxhagen" in text and "från Rött" in text
    assert "Fortsatt oro fredag och lördag." in text
    assert "Nobina (busstrafiken)" in text
    assert "114 14" in text and "Tegelbruket" in text
    assert SECRET not in text and "Intern: källa" not in text
    assert "Klotter vid skolan" not in text  # closed
    assert "efter oroligheterna" not in text  # the reasons stay in the meeting


def test_the_html_briefing_is_well_formed(store, orebro):
    page = briefing_of(store, orebro, "html")

    class Check(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag not in ("meta", "br"):
                self.stack.append(tag)

        def handle_endtag(self, tag):
            assert self.stack.pop() == tag

    checker = Check()
    checker.feed(page)
    assert checker.stack == []
    assert "<script" not in page


def test_a_personal_number_in_an_event_blocks_the_briefing(store, orebro):
    series = three_meetings(store, orebro)
    store.save_event(Event(series_id=series, title="Person",
                           facts="Gäller 19121212-1212"), THURSDAY)
    with pytest.raises(BriefingError, match=r"19121212-\*\*\*\*.*Person"):
        build(store.picture(series), "x", (), None, FRIDAY_EVENING)


def test_which_series(store, orebro, malmo):
    three_meetings(store, orebro)
    start_meeting(store, malmo, THURSDAY - timedelta(weeks=10))
    assert pick_series(store, None).template_id == "orebro-samordning"  # the newest meeting
    assert pick_series(store, "MALMO-ORAT").template_id == "malmo-orat"
    assert pick_series(store, "Örat mot").template_id == "malmo-orat"
    with pytest.raises(CommandError, match=r"no series 'bromolla' \(known: malmo-orat, "
                                           r"orebro-samordning\)"):
        pick_series(store, "bromolla")
    assert "Lägesbild inför helgen" in make(store, "orebro", "md", FRIDAY_EVENING)


def test_no_meetings_no_briefing(store):
    with pytest.raises(CommandError, match="no meetings in this database"):
        pick_series(store, None)


def test_the_command_writes_a_private_file(tmp_path, orebro, capsys, monkeypatch):
    from orat_tui.store.meetings import Store

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    db = tmp_path / "orat.db"
    s = Store.open(f"sqlite:///{db}")
    three_meetings(s, orebro)
    s.close()
    out = tmp_path / "fredag.html"
    os.umask(0o022)
    assert main(["--db", str(db), "briefing", "--series", "orebro-samordning", "--format",
                 "html", "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "Lägesbild inför helgen" in out.read_text(encoding="utf-8")
    assert main(["--db", str(db), "briefing", "--series", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1] == ("orat: no series 'nope' (known: orebro-samordning)")
    assert main(["--db", str(tmp_path / "missing.db"), "briefing"]) == 2
    assert "no database at" in capsys.readouterr().err
    assert main(["--db", str(db), "briefing", "-o", str(tmp_path / "no" / "dir.md")]) == 2
    assert "cannot write" in capsys.readouterr().err
