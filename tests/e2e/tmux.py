"""A small harness that runs the installed `orat` in a real tmux pane.

Every harness has its own tmux server (`tmux -L <unique socket>`, `-f <own config>`), so a test
never touches the user's tmux server or their ~/.tmux.conf, and cleanup is one kill-server.

The pane runs `sh -c '"$@"; <write $? to a file>'`: orat is the only child of that shell (`pid()`
finds it through /proc) and its exit status is read from the file. tmux's own
#{pane_dead_status} is not used: tmux 3.3a loses it for about one exit in four when the pty's
end-of-file is seen before the child is reaped. Panes stay after their process ends
(remain-on-exit), so a test can read the last screen, e.g. a message printed on the way out.

Synchronisation is always by what the screen shows (`wait_for`), never by a fixed sleep.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Callable

import pytest

POLL = 0.05  # seconds between two looks at the screen while waiting
DEFAULT_TIMEOUT = 15.0

TMUX_CONF = """\
set -g default-shell /bin/sh
set -g remain-on-exit on
set -g exit-empty off
set -g status off
set -g history-limit 0
"""

# $0 is the status file; the program and its arguments are "$@"
WRAPPER = '"$@"; s=$?; echo "$s" > "$0.tmp" && mv "$0.tmp" "$0"'


def orat_binary() -> Path:
    """The installed console script beside the running interpreter (the venv's bin/)."""
    return Path(sys.executable).parent / "orat"


def isolated_env(root: Path, **extra: str) -> dict[str, str]:
    """The environment for an orat under test: config and data inside `root`, UTF-8, no $ORAT_DB,
    and nothing from an outer tmux."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("ORAT_DB", "TMUX", "TMUX_PANE") and not k.startswith("LC_")}
    env.update(
        XDG_CONFIG_HOME=str(root / "config"),
        XDG_DATA_HOME=str(root / "data"),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        TERM="xterm-256color",
    )
    env.update(extra)
    return env


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
        return [int(p) for p in text.split()]
    except (FileNotFoundError, PermissionError):
        pass
    found = []  # no children file (kernel option): scan every process's parent
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return found


class Tmux:
    """One private tmux server; one pane at a time running a command."""

    def __init__(self, workdir: Path, env: dict[str, str] | None = None) -> None:
        if shutil.which("tmux") is None:
            pytest.skip("tmux is not installed (apt-get install tmux); .ci/run installs it")
        self.workdir = workdir
        self.socket = f"orat-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.own = workdir / ".tmux-harness"  # the harness's files, apart from the test's
        self.own.mkdir(exist_ok=True)
        self.conf = self.own / "tmux.conf"
        self.conf.write_text(TMUX_CONF, encoding="utf-8")
        self.env = env if env is not None else isolated_env(workdir)
        self.session: str | None = None
        self.argv: list[str] = []
        self.status_file: Path | None = None
        self._count = 0

    # -- tmux itself -----------------------------------------------------------------------
    def tmux(self, *args: str, check: bool = True) -> str:
        proc = subprocess.run(
            ["tmux", "-u", "-L", self.socket, "-f", str(self.conf), *args],
            env=self.env, capture_output=True, timeout=30,
        )
        if check and proc.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)} failed ({proc.returncode}): "
                               f"{proc.stderr.decode(errors='replace').strip()}")
        return proc.stdout.decode("utf-8", errors="replace")

    def _target(self) -> str:
        if self.session is None:
            raise RuntimeError("nothing started yet")
        return f"={self.session}:"

    def _fmt(self, fmt: str) -> str:
        return self.tmux("display-message", "-p", "-t", self._target(), fmt).strip()

    # -- starting --------------------------------------------------------------------------
    def start(self, argv: list[str], width: int = 100, height: int = 30,
              env: dict[str, str] | None = None) -> None:
        """Run argv in a new pane of width x height (the pane of an earlier start goes away).
        `env` adds to the harness's environment."""
        if self.session is not None:
            self.tmux("kill-session", "-t", f"={self.session}", check=False)
        self._count += 1
        self.argv = list(argv)
        self.session = f"orat{self._count}"
        self.status_file = self.own / f"{self.session}.exit"
        assign = [f"{k}={v}" for k, v in (env or {}).items()]
        command = shlex.join(["exec", "env", *assign, "sh", "-c", WRAPPER,
                              str(self.status_file), *argv])
        self.tmux("new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height),
                  "-c", str(self.workdir), command)

    def start_orat(self, *args: str, width: int = 100, height: int = 30,
                   env: dict[str, str] | None = None) -> None:
        binary = orat_binary()
        if not binary.exists():
            raise RuntimeError(f"{binary} is missing: install orat into this interpreter's "
                               f"environment (pip install -e '.[test]')")
        self.start([str(binary), *args], width=width, height=height, env=env)

    # -- talking to it ---------------------------------------------------------------------
    def send_keys(self, *keys: str) -> None:
        """tmux key names: "F2", "Enter", "Down", "C-q", "r", ..."""
        self.tmux("send-keys", "-t", self._target(), *keys)

    def type_text(self, text: str) -> None:
        """Type text literally (no key-name lookup), as a person would."""
        self.tmux("send-keys", "-t", self._target(), "-l", text)

    def resize(self, width: int, height: int) -> None:
        self.tmux("resize-window", "-t", self._target(), "-x", str(width), "-y", str(height))

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self._target())

    def size(self) -> tuple[int, int]:
        w, h = self._fmt("#{pane_width} #{pane_height}").split()
        return int(w), int(h)

    # -- waiting ---------------------------------------------------------------------------
    def wait_for(self, what: str | Callable[[str], bool], timeout: float = DEFAULT_TIMEOUT,
                 stable_for: float = 0.0) -> str:
        """Poll the screen until it shows `what` (a text, or a predicate on the screen text);
        with `stable_for`, until it has kept showing it that long. Returns the screen;
        fails with the last screen when the time is up or the program ended without it."""
        test = (lambda s: what in s) if isinstance(what, str) else what
        deadline = time.monotonic() + timeout
        since: float | None = None
        while True:
            text = self.screen()
            now = time.monotonic()
            if test(text):
                since = now if since is None else since
                if now - since >= stable_for:
                    return text
            else:
                since = None
                if self.exit_status() is not None:  # the screen will not change any more
                    text = self.screen()
                    if not test(text):
                        self._fail(what, f"the program ended (exit status {self.exit_status()})", text)
            if now >= deadline:
                self._fail(what, f"not shown within {timeout:g} s", text)
            time.sleep(POLL)

    def _fail(self, what, why: str, text: str) -> None:
        label = repr(what) if isinstance(what, str) else getattr(what, "__doc__", None) or "condition"
        raise AssertionError(f"waiting for {label}: {why}. The screen:\n{text}")

    # -- the process -----------------------------------------------------------------------
    def pid(self) -> int:
        """The process started (orat): the only child of the pane's shell."""
        shell = int(self._fmt("#{pane_pid}"))
        deadline = time.monotonic() + 5
        while not (kids := _children(shell)):
            if self.exit_status() is not None or time.monotonic() >= deadline:
                raise RuntimeError(f"{self.argv[0]} is not running. The screen:\n{self.screen()}")
            time.sleep(POLL)
        if len(kids) != 1:
            raise RuntimeError(f"the pane's shell {shell} has {len(kids)} children: {kids}")
        pid = kids[0]
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        program = Path(self.argv[0]).name
        if not any(Path(os.fsdecode(part)).name == program for part in cmdline[:2]):
            raise RuntimeError(f"pid {pid} is not {program}: {cmdline!r}")
        return pid

    def exit_status(self) -> int | None:
        """The exit status once the program has ended (128+n: killed by signal n), else None."""
        try:
            return int(self.status_file.read_text().strip())
        except (FileNotFoundError, ValueError, AttributeError):
            return None

    def running(self) -> bool:
        return self.exit_status() is None

    def wait_exit(self, timeout: float = DEFAULT_TIMEOUT) -> int:
        """Wait for the program to end; its exit status."""
        deadline = time.monotonic() + timeout
        while (status := self.exit_status()) is None:
            if time.monotonic() >= deadline:
                raise AssertionError(f"still running after {timeout:g} s. The screen:\n{self.screen()}")
            time.sleep(POLL)
        return status

    def kill9(self) -> int:
        """SIGKILL the program, as a power cut or a frozen laptop would; returns once it is
        gone, with its exit status (137)."""
        os.kill(self.pid(), signal.SIGKILL)
        return self.wait_exit(timeout=10)

    def close(self) -> None:
        self.tmux("kill-server", check=False)
        shutil.rmtree(self.own, ignore_errors=True)


@pytest.fixture
def term(tmp_path):
    """A private tmux server for one test, with config and data in tmp_path; always cleaned up."""
    t = Tmux(tmp_path)
    try:
        yield t
    finally:
        t.close()
