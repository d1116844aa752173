"""End to end, on a real terminal: the installed `orat` in tmux, driven the way a chair would.

The interface runs with `--lang en` so the strings looked for stay put while the Swedish
catalogue changes; the notes themselves are Swedish."""

from __future__ import annotations

import re
import subprocess

import pytest

from .tmux import isolated_env, orat_binary, term  # noqa: F401 - term is a fixture

pytestmark = pytest.mark.e2e

NOTE = "Inbrott i Holma, tre lägenheter."
START_TIMEOUT = 30.0  # a cold first start on a slow CI machine compiles every .pyc
ROLL_CALL_READY = "Present/absent"  # the footer shows the attendee keys: the roll call has focus


def run_orat(tmp_path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([str(orat_binary()), *args], env=isolated_env(tmp_path),
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout)


def flat(screen: str) -> str:
    """The screen's words on one line, for messages the terminal wrapped."""
    return " ".join(screen.split())


def no_traceback(text: str) -> None:
    assert "Traceback" not in text and "Error:" not in text, text


def test_note_survives_kill9_and_meeting_continues(term, tmp_path):
    db = tmp_path / "orat.db"
    # the options after the command, as a chair would type them
    term.start_orat("start", "malmo-orat", "--db", str(db), "--lang", "en")
    term.wait_for("ROLL CALL", timeout=START_TIMEOUT)
    term.wait_for(ROLL_CALL_READY)

    term.send_keys("F2")
    term.wait_for(lambda s: "POLISEN" in s and "Past week" in s)  # the police turn
    term.type_text(NOTE)  # the cursor is in the turn's first note, "Past week"

    def note_saved(screen: str) -> bool:
        """the note on screen and '● saved'"""
        return NOTE in screen and "● saved" in screen and "saving" not in screen

    # saved, and still saved a full second later (two autosave periods): not a frame drawn
    # between the last key and the screen learning that the note changed
    term.wait_for(note_saved, stable_for=1.0)

    assert term.kill9() == 128 + 9

    term.start_orat("--db", str(db), "--lang", "en")
    screen = term.wait_for(lambda s: "Unfinished meeting" in s and "Continue meeting" in s,
                           timeout=START_TIMEOUT)  # the banner, and the key in the footer
    assert "Örat mot marken" in screen, screen
    term.send_keys("r")
    screen = term.wait_for(NOTE)
    assert "POLISEN" in screen, screen  # continued at the police turn
    term.wait_for("paused")  # a continued meeting's clock waits for F4
    no_traceback(term.screen())

    term.send_keys("C-q")
    assert term.wait_exit() == 0, term.screen()


def test_templates_lists_the_shipped_ones(tmp_path):
    proc = run_orat(tmp_path, "templates")
    assert proc.returncode == 0, proc.stderr
    listed = {line.split()[0] for line in proc.stdout.splitlines() if line.strip()}
    assert {"malmo-orat", "orebro-samordning", "bromolla-lagesbild"} <= listed, proc.stdout
    assert proc.stderr == ""


BROKEN = {
    # file text, the line of the error
    "unclosed string": ('id = "broken"\nname = "Trasig mall\n\n[[steps]]\nkind = "turn"\n', 2),
    "unclosed table": ('name = "Trasig"\n\n\n[[steps]\nkind = "turn"\n', 4),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
@pytest.mark.parametrize("command", [["templates"], ["start", "malmo-orat"]],
                         ids=["templates", "start"])
def test_broken_user_template_is_one_line(tmp_path, case, command):
    text, line = BROKEN[case]
    path = tmp_path / "config" / "orat" / "templates" / "broken.toml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")

    proc = run_orat(tmp_path, "--db", str(tmp_path / "orat.db"), *command)

    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    no_traceback(proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(path) in lines[0], lines[0]
    assert re.search(rf"broken\.toml:{line}\b", lines[0]), lines[0]
    assert not (tmp_path / "orat.db").exists(), "nothing is created when the templates are broken"


def test_not_a_database_is_refused_and_left_alone(term, tmp_path):
    folder = tmp_path / "documents"
    folder.mkdir()
    notdb = folder / "minnesanteckningar.txt"
    content = "Det här är inte en databas.\nBara anteckningar från förra veckan.\n".encode()
    notdb.write_bytes(content)

    term.start_orat("--db", str(notdb), "--lang", "en")
    status = term.wait_exit(timeout=START_TIMEOUT)
    screen = term.screen()  # what stays on the terminal once orat has restored it

    assert status == 2, screen
    no_traceback(screen)
    assert str(notdb) in screen.replace("\n", ""), screen  # the message names the file
    assert "not an orat database" in flat(screen), screen
    assert notdb.read_bytes() == content
    assert [p.name for p in folder.iterdir()] == [notdb.name], "no -wal/-shm/-journal beside it"


def test_meeting_screen_at_80x24(term, tmp_path):
    term.start_orat("--db", str(tmp_path / "orat.db"), "--lang", "en", "start", "malmo-orat",
                    width=80, height=24)

    def timer_and_next(screen: str) -> bool:
        """the speaker clock ('of m:ss') and the 'Next:' step"""
        return bool(re.search(r"\bof \d+:\d\d\b", screen)) and "Next:" in screen

    screen = term.wait_for(timer_and_next, timeout=START_TIMEOUT)
    assert term.size() == (80, 24)
    assert "of 3:00" in screen and "Polisen" in screen, screen  # roll call; the police are next
    term.wait_for(ROLL_CALL_READY)

    term.send_keys("F2")

    def police_turn(screen: str) -> bool:
        """the police turn: its heading and clock, the rescue service next, all saved"""
        return ("POLISEN" in screen and "of 8:00" in screen and "● saved" in screen
                and "Rädd" in screen.partition("Next:")[2])

    screen = term.wait_for(police_turn)
    assert timer_and_next(screen), screen
    no_traceback(screen)

    term.send_keys("C-q")
    assert term.wait_exit() == 0, term.screen()


def test_tiny_terminal_does_not_crash(term, tmp_path):
    db = str(tmp_path / "orat.db")
    # the home screen at 40x10: a clear message, and ctrl+q still quits
    term.start_orat("--db", db, "--lang", "en", width=40, height=10)
    term.wait_for(lambda s: "too small" in flat(s), timeout=START_TIMEOUT)
    term.send_keys("C-q")
    assert term.wait_exit() == 0, term.screen()

    # a meeting opened at 100x30, then squeezed to 40x10 and to 20x6, then grown again
    term.start_orat("--db", db, "--lang", "en", "start", "malmo-orat")
    term.wait_for(ROLL_CALL_READY, timeout=START_TIMEOUT)
    term.send_keys("F2")
    term.wait_for("▶ Polis")
    term.resize(40, 10)
    term.wait_for(lambda s: "too small" in flat(s))
    term.resize(20, 6)
    term.wait_for(lambda s: max(map(len, s.splitlines()), default=0) <= 20)
    term.resize(100, 30)
    term.wait_for("▶ Polis")
    term.send_keys("F2", "F2")
    term.wait_for("▶ ASF")  # police, rescue service, then the chair's own turn
    assert term.running(), term.screen()
    no_traceback(term.screen())

    term.send_keys("C-q")
    assert term.wait_exit() == 0, term.screen()


# -- small terminals and impatient chairs --------------------------------------------------

def test_a_tiny_terminal_gets_a_message_and_the_meeting_goes_on_when_it_grows(term, tmp_path):
    term.start_orat("--db", str(tmp_path / "orat.db"), "--lang", "en", "start", "malmo-orat",
                    width=40, height=10)
    term.wait_for(lambda s: "too small" in flat(s), timeout=START_TIMEOUT)
    assert term.running()
    term.resize(100, 30)
    term.wait_for(ROLL_CALL_READY)
    term.send_keys("F2")
    term.wait_for("▶ Polis")
    term.resize(40, 10)
    term.wait_for(lambda s: "too small" in flat(s))
    term.resize(100, 30)
    term.wait_for("▶ Polis")
    term.send_keys("C-q")
    assert term.wait_exit() == 0, term.screen()


def test_f2_as_soon_as_the_roll_call_shows(term, tmp_path):
    db = str(tmp_path / "orat.db")
    for _ in range(5):
        term.start_orat("--db", db, "--lang", "en", "start", "malmo-orat")
        term.wait_for("Roll ca", timeout=START_TIMEOUT)  # the agenda's first row: first frame
        term.send_keys("F2")  # a chair who knows the meeting presses at once
        term.wait_for("▶ Polis")
        term.send_keys("F10")  # end it (asks first), so the next start is a new meeting
        term.wait_for("End the meeting?")
        term.send_keys("y")
        term.wait_for("Start a meeting")
        term.send_keys("C-q")
        assert term.wait_exit() == 0, term.screen()


def test_options_before_or_after_the_command(tmp_path):
    db = tmp_path / "elsewhere.db"
    for args in (["--db", str(db), "where"], ["where", "--db", str(db)]):
        proc = run_orat(tmp_path, *args)
        assert proc.returncode == 0, proc.stderr
        assert str(db) in proc.stdout, (args, proc.stdout)  # honoured, not just accepted
    proc = run_orat(tmp_path, "templates", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
