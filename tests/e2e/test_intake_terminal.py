"""On a real terminal: a form read in with the installed binary, the meeting started in tmux,
the prepared input shown at the police turn and taken over with alt+p. In a terminal alt+p
arrives as ESC p; it must take the input over, not type a "p" into the note (and so for every
alt key while a note has the focus: orat_tui.ui.widgets.note_area)."""

from __future__ import annotations

import subprocess

import pytest

from orat_tui.domain.meeting import note_slot
from orat_tui.intake_form import MARKER
from orat_tui.store.meetings import Store

from .tmux import isolated_env, orat_binary, term  # noqa: F401 - term is a fixture

pytestmark = pytest.mark.e2e

START_TIMEOUT = 30.0


def test_read_a_form_then_take_it_over_at_the_turn_with_alt_p(term, tmp_path):
    db = tmp_path / "orat.db"
    Store.open(f"sqlite:///{db}").close()
    env = isolated_env(tmp_path)
    run = [str(orat_binary()), "intake"]
    form = subprocess.run(run + ["form", "malmo-orat", "--member", "polisen"], env=env,
                          capture_output=True, text=True, check=True).stdout
    lines = form.split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith(MARKER + " past_week"))
    lines.insert(at + 4, "Inbrott i Holma, tre lägenheter.")
    (tmp_path / "polisen.txt").write_text("\n".join(lines), encoding="utf-8")
    done = subprocess.run(run + ["read", str(tmp_path / "polisen.txt"), "--db", str(db)],
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr

    term.start_orat("start", "malmo-orat", "--db", str(db), "--lang", "en", width=80, height=24)
    term.wait_for("ROLL CALL", timeout=START_TIMEOUT)
    term.wait_for("Present/absent")
    term.send_keys("F2")
    term.wait_for(lambda s: "POLISEN" in s and "Prepared" in s and "Inbrott i Holma" in s)
    term.type_text("Lugnt.")
    term.send_keys("M-p")
    screen = term.wait_for("taken over")
    assert "Lugnt.p" not in screen, screen
    # every alt key of the meeting works from inside a note: alt+i marks it internal, no "i"
    term.send_keys("M-i")
    screen = term.wait_for("INTERNAL")
    assert "lägenheter.i" not in screen, screen
    term.wait_for(lambda s: "● saved" in s and "saving" not in s, stable_for=1.0)
    term.send_keys("C-q")
    assert term.wait_exit() == 0, term.screen()

    store = Store.open(f"sqlite:///{db}")
    try:
        meeting = store.load(store.latest_meeting().id)
        police = next(s for s in meeting.steps if s.member == "polisen")
        assert meeting.notes[note_slot(police, "past_week")] == \
            "Lugnt.\n\nInbrott i Holma, tre lägenheter."
    finally:
        store.close()
