"""Time to first frame: `orat` against a bare Textual hello-world, measured alike, alternating.

usage: .venv/bin/python bench/startup.py [--runs N]

Each run starts the program in a fresh 100x30 tmux pane (a private tmux server, started once
and kept up by an idle session, so no run pays for the server's start) and polls capture-pane
until the pane holds 10 non-blank characters: the method of ../shared/tools/first_frame.py.
orat starts on a fresh empty database in a temp folder each run, with XDG_CONFIG_HOME and
XDG_DATA_HOME in that folder, so nothing of the user's is read or written.

Prints both medians, orat/hello and the target (<= 1.3); "OVER TARGET" when over. A benchmark,
not a test: it exits 0 either way (2 only when it cannot measure at all).
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 1.3
WIDTH, HEIGHT = 100, 30
FRAME_CHARS = 10  # a frame counts once the pane holds this many non-blank characters
GIVE_UP = 20.0  # seconds

REPO = Path(__file__).resolve().parent.parent
SHARED_HELLO = REPO.parent / "shared" / "tools" / "hello.py"

# the same app as ../shared/tools/hello.py, for a checkout without shared/ beside it
HELLO_FALLBACK = '''\
"""A bare Textual app: the floor for any Textual program's first frame."""
from textual.app import App
from textual.widgets import Footer, Header, Static


class Hello(App):
    def compose(self):
        yield Header()
        yield Static("Hej")
        yield Footer()


Hello().run()
'''


class Panes:
    """A private tmux server (its own socket), so the user's tmux is never touched."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"orat-bench-{os.getpid()}"
        self.env = env
        self.n = 0
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "keep", "sleep 3600")

    def tmux(self, *args: str, check: bool = True) -> str:
        proc = subprocess.run(["tmux", "-u", "-L", self.socket, *args], env=self.env,
                              capture_output=True, text=True)
        if check and proc.returncode != 0:
            raise RuntimeError(f"tmux {args[0]}: {proc.stderr.strip()}")
        return proc.stdout

    def first_frame(self, command: str) -> float:
        self.n += 1
        name = f"run{self.n}"
        t0 = time.perf_counter()
        self.tmux("new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), command)
        try:
            while (elapsed := time.perf_counter() - t0) < GIVE_UP:
                out = self.tmux("capture-pane", "-p", "-t", f"={name}:", check=False)
                if sum(not c.isspace() for c in out) >= FRAME_CHARS:
                    return elapsed
                time.sleep(0.002)
            return float("inf")
        finally:
            self.tmux("kill-session", "-t", f"={name}", check=False)

    def close(self) -> None:
        self.tmux("kill-server", check=False)


def hello_script(workdir: Path) -> tuple[Path, str]:
    if SHARED_HELLO.is_file():
        return SHARED_HELLO, str(SHARED_HELLO)
    copy = workdir / "hello.py"
    copy.write_text(HELLO_FALLBACK, encoding="utf-8")
    return copy, "built-in copy (shared/tools/hello.py not found)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15, help="measured runs of each (default 15)")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if shutil.which("tmux") is None:
        print("bench/startup.py: tmux is not installed", file=sys.stderr)
        return 2
    orat = Path(sys.executable).parent / "orat"
    if not orat.exists():
        print(f"bench/startup.py: {orat} is missing; run with the venv's python "
              "(.venv/bin/python bench/startup.py)", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="orat-bench-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k not in ("ORAT_DB", "TMUX", "TMUX_PANE")}
        env.update(XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"),
                   LANG="C.UTF-8", LC_ALL="C.UTF-8")
        hello, hello_from = hello_script(work)
        hello_cmd = "exec " + shlex.join([sys.executable, str(hello)])

        def orat_cmd(i: int) -> str:  # a fresh, empty database every run
            return "exec " + shlex.join([str(orat), "--db", str(work / f"run{i}.db")])

        panes = Panes(env)
        try:
            panes.first_frame(orat_cmd(0))  # warm the caches (.pyc, page cache)
            panes.first_frame(hello_cmd)
            t_orat, t_hello = [], []
            for i in range(1, args.runs + 1):
                t_orat.append(panes.first_frame(orat_cmd(i)))
                t_hello.append(panes.first_frame(hello_cmd))
        finally:
            panes.close()

    if float("inf") in t_orat + t_hello:
        print(f"some runs drew nothing within {GIVE_UP:g} s", file=sys.stderr)
    m_orat, m_hello = statistics.median(t_orat), statistics.median(t_hello)
    ratio = m_orat / m_hello
    print(f"hello: {hello_from}")
    print(f"runs: {args.runs} each, alternating, {WIDTH}x{HEIGHT}, first frame = "
          f"{FRAME_CHARS} non-blank characters")
    print(f"orat  median {m_orat * 1000:6.0f} ms  (min {min(t_orat) * 1000:.0f}, "
          f"max {max(t_orat) * 1000:.0f})")
    print(f"hello median {m_hello * 1000:6.0f} ms  (min {min(t_hello) * 1000:.0f}, "
          f"max {max(t_hello) * 1000:.0f})")
    verdict = "ok" if ratio <= TARGET else "OVER TARGET"
    print(f"orat/hello {ratio:.2f}  (target <= {TARGET})  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
