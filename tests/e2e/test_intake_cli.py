"""`orat intake form` and `orat intake read` through the installed binary: write the form, fill
it in as a person would, read it back into the database; malformed forms get one line."""

from __future__ import annotations

import subprocess

import pytest

from orat_tui.intake_form import MARKER, escape
from orat_tui.store.intake import prepared, series_of_template
from orat_tui.store.meetings import Store

from .tmux import isolated_env, orat_binary

pytestmark = pytest.mark.e2e


def orat(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(orat_binary()), *args], env=isolated_env(tmp_path),
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
                          cwd=tmp_path)


def fill(form: str, answers: dict[str, str]) -> str:
    out, pending = [], None
    for line in form.split("\n"):
        if pending is not None and not line.startswith("#"):
            out.append(escape(pending))
            pending = None
        out.append(line)
        if line.startswith(MARKER):
            pending = answers.get(line[len(MARKER):].split()[0])
    return "\n".join(out)


def in_db(db, template_id: str, member: str) -> dict[str, str]:
    store = Store.open(f"sqlite:///{db}")
    try:
        series = series_of_template(store, template_id)
        return {f: p.text for (m, f), p in prepared(store, series).items() if m == member}
    finally:
        store.close()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "orat.db"
    Store.open(f"sqlite:///{path}").close()
    return path


def test_form_fill_read_through_the_binary(tmp_path, db):
    done = orat(tmp_path, "intake", "form", "orebro-samordning", "--member", "kommun",
                "-o", "kommun.txt")
    assert done.returncode == 0, done.stderr
    assert "orat intake read kommun.txt" in done.stdout
    form = (tmp_path / "kommun.txt").read_text(encoding="utf-8")
    assert "medlem: kommun" in form and "===== point-7" in form
    answers = {"point-1": "Tre bilbränder i Vivalla natten till lördag.\n# inte en kommentar",
               "point-5": "Behov av förstärkning med fältgruppen fredag kväll."}
    (tmp_path / "ifylld.txt").write_text(fill(form, answers), encoding="utf-8")
    done = orat(tmp_path, "intake", "read", "ifylld.txt", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "2 sections written" in done.stdout
    assert in_db(db, "orebro-samordning", "kommun") == answers
    # the same form again: nothing doubles
    done = orat(tmp_path, "intake", "read", "ifylld.txt", "--db", str(db))
    assert done.returncode == 0 and "2 already there" in done.stdout
    assert in_db(db, "orebro-samordning", "kommun") == answers


def test_other_text_already_prepared_is_not_overwritten_silently(tmp_path, db):
    form = orat(tmp_path, "intake", "form", "malmo-orat", "--member", "polisen").stdout
    (tmp_path / "a.txt").write_text(fill(form, {"past_week": "Inbrott i Holma.\nLugnt i övrigt."}))
    (tmp_path / "b.txt").write_text(fill(form, {"past_week": "Inbrott i Holma.\nOro i centrum."}))
    assert orat(tmp_path, "intake", "read", "a.txt", "--db", str(db)).returncode == 0
    done = orat(tmp_path, "intake", "read", "b.txt", "--db", str(db))
    assert done.returncode == 1
    assert 'past_week, line 2: prepared "Lugnt i övrigt.", the form says "Oro i centrum."' in done.stderr
    assert "--replace" in done.stderr
    assert in_db(db, "malmo-orat", "polisen") == {"past_week": "Inbrott i Holma.\nLugnt i övrigt."}
    done = orat(tmp_path, "intake", "read", "b.txt", "--db", str(db), "--replace")
    assert done.returncode == 0, done.stderr
    assert in_db(db, "malmo-orat", "polisen") == {"past_week": "Inbrott i Holma.\nOro i centrum."}


@pytest.mark.parametrize("content, expected", [
    (b"", "empty"),
    (b"hej\n", ":1: not an orat form"),
    (b"orat-formul\xc3\xa4r: 1\nmall: malmo-orat\nmedlem: polisen\n\xe5\xe4\xf6\n", ":4: not UTF-8"),
    (b"orat-form: 1\ntemplate: malmo-orat\nmember: nobody\n===== past_week\n", ":3: unknown member 'nobody'"),
    (b"orat-form: 1\ntemplate: malmo-orat\nmember: hvo\n===== lunch\n", ":4: unknown section 'lunch'"),
    (b"orat-form: 1\ntemplate: malmo-orat\nmember: hvo\n===== past_week\na\n===== past_week\n",
     ":6: section 'past_week' appears twice (first at line 4)"),
    (b"orat-form: 1\ntemplate: nowhere\nmember: hvo\n", ":2: unknown template 'nowhere'"),
])
def test_a_malformed_form_is_one_line_naming_the_line(tmp_path, db, content, expected):
    (tmp_path / "form.txt").write_bytes(content)
    done = orat(tmp_path, "intake", "read", "form.txt", "--db", str(db))
    assert done.returncode == 2
    assert expected in done.stderr, done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr


def test_a_form_for_another_template_is_refused_when_one_is_named(tmp_path, db):
    form = orat(tmp_path, "intake", "form", "malmo-orat", "--member", "hvo").stdout
    (tmp_path / "f.txt").write_text(form)
    done = orat(tmp_path, "intake", "read", "f.txt", "--db", str(db), "--template", "orebro-samordning")
    assert done.returncode == 2 and "not 'orebro-samordning'" in done.stderr


def test_the_form_in_english(tmp_path):
    done = orat(tmp_path, "intake", "form", "bromolla-lagesbild", "--lang", "en")
    assert done.returncode == 0
    assert "How to fill in this form" in done.stdout and "member: \n" in done.stdout


def test_a_late_form_goes_into_a_meeting_that_started_and_is_recorded(tmp_path, db):
    from datetime import datetime

    from orat_tui.config import discover_templates
    from orat_tui.store.intake import audit_field
    from orat_tui.store.service import start_meeting

    store = Store.open(f"sqlite:///{db}")
    meeting = start_meeting(store, discover_templates()["orebro-samordning"].template,
                            datetime(2026, 11, 26, 10, 0))
    store.close()
    form = orat(tmp_path, "intake", "form", "orebro-samordning", "--member", "obo").stdout
    (tmp_path / "sen.txt").write_text(fill(form, {"point-6": "Samordna nattvandring fredag."}))
    done = orat(tmp_path, "intake", "read", "sen.txt", "--db", str(db), "--meeting", meeting.id[:8])
    assert done.returncode == 0, done.stderr
    store = Store.open(f"sqlite:///{db}")
    try:
        assert prepared(store, meeting_id=meeting.id)[("obo", "point-6")].text == \
            "Samordna nattvandring fredag."
        [entry] = store.audit_trail(meeting.id)
        assert entry.field == audit_field("obo", "point-6") and entry.after.startswith("Samordna")
    finally:
        store.close()
    done = orat(tmp_path, "intake", "read", "sen.txt", "--db", str(db), "--meeting", "nothere")
    assert done.returncode == 2 and "no meeting with an id starting" in done.stderr
