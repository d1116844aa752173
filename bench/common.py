"""What the benchmarks share: a private tmux server to run programs in, the environment they
run with, the bare Textual references, the ten-year demo database and how a result is printed.

Every benchmark measures orat against a reference measured alike in the same run (a bare
Textual program, or the same query run directly with sqlite3), so that a busy machine moves
both; the ratio is what the target is about, the figure is for the README."""

from __future__ import annotations

import os
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
SHARED_TOOLS = REPO.parent / "shared" / "tools"
TODAY = "2026-11-20"  # the ten-year demo ends the day before: the same history every run
YEARS = 10


@dataclass
class Result:
    """One line of the report: `figure` in `unit`, against `reference` (same unit) where
    there is one; `ok` says whether the target (`target`, in words) is met."""

    name: str
    figure: float
    unit: str
    reference: float | None
    ok: bool
    target: str
    detail: str = ""

    @property
    def ratio(self) -> float | None:
        if self.reference is None or not self.reference:
            return None
        return self.figure / self.reference

    def line(self) -> str:
        ratio = f"{self.ratio:5.2f}" if self.ratio is not None else "    –"
        ref = f"{self.reference:8.1f}" if self.reference is not None else "       –"
        verdict = "ok" if self.ok else "OVER TARGET"
        return (f"{self.name:<38} {self.figure:8.1f} {self.unit:<3} ref {ref}  ratio {ratio}  "
                f"target {self.target:<26} {verdict}")


def orat_bin() -> Path:
    return Path(sys.executable).parent / "orat"


def python() -> str:
    return sys.executable


def hello_script() -> Path:
    """../shared/tools/hello.py, or the copy in bench/ for a checkout without it."""
    shared = SHARED_TOOLS / "hello.py"
    return shared if shared.is_file() else BENCH / "ref_hello.py"


def bench_env(work: Path) -> dict[str, str]:
    """No ORAT_DB, no user config or data: everything in the run's own folder."""
    drop = ("ORAT_DB", "TMUX", "TMUX_PANE", "PYTHONDONTWRITEBYTECODE")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env.update(XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"),
               LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="xterm-256color")
    return env


def cmd(*argv: str | Path) -> str:
    return "exec " + shlex.join([str(a) for a in argv])


class Panes:
    """A private tmux server (its own socket), kept up by an idle session, so the user's tmux
    is never touched and no run pays for the server's start."""

    def __init__(self, env: dict[str, str]) -> None:
        if shutil.which("tmux") is None:
            raise RuntimeError("tmux is not installed")
        self.socket = f"orat-bench-{os.getpid()}-{time.monotonic_ns()}"
        self.env = env
        self.n = 0
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "keep", "sleep 3600")

    def tmux(self, *args: str, check: bool = True) -> str:
        proc = subprocess.run(["tmux", "-u", "-L", self.socket, *args], env=self.env,
                              capture_output=True, text=True)
        if check and proc.returncode != 0:
            raise RuntimeError(f"tmux {args[0]}: {proc.stderr.strip()}")
        return proc.stdout

    def start(self, command: str, width: int = 100, height: int = 30) -> str:
        self.n += 1
        name = f"run{self.n}"
        self.tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), command)
        return name

    def capture(self, name: str) -> str:
        return self.tmux("capture-pane", "-p", "-t", f"={name}:", check=False)

    def keys(self, name: str, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", f"={name}:", *(["-l"] if literal else []), *keys)

    def pid(self, name: str) -> int:
        return int(self.tmux("display-message", "-p", "-t", f"={name}:", "#{pane_pid}").strip())

    def kill(self, name: str) -> None:
        self.tmux("kill-session", "-t", f"={name}", check=False)

    def wait_for(self, name: str, test, timeout: float = 20.0, poll: float = 0.002) -> float:
        """Seconds until `test(pane text)` holds (inf when it never does within `timeout`)."""
        t0 = time.perf_counter()
        while (elapsed := time.perf_counter() - t0) < timeout:
            if test(self.capture(name)):
                return elapsed
            time.sleep(poll)
        return float("inf")

    def close(self) -> None:
        self.tmux("kill-server", check=False)


def non_blank(n: int):
    return lambda text: sum(not c.isspace() for c in text) >= n


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def compile_bytecode() -> None:
    """Compile orat's modules, as installing it does (pip compiles a wheel's modules): a
    checkout run with PYTHONDONTWRITEBYTECODE would otherwise compile them at every start,
    which Textual, installed, never does."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "orat_tui")],
                   check=True, capture_output=True)


def make_history(work: Path, years: int = YEARS) -> tuple[Path, float]:
    """The ten-year demo database in `work` (made once per run), and the seconds it took."""
    db = work / f"history-{years}y.db"
    t0 = time.perf_counter()
    subprocess.run([str(orat_bin()), "demo", "--years", str(years), "--today", TODAY,
                    "--db", str(db)], check=True, capture_output=True, env=bench_env(work))
    return db, time.perf_counter() - t0


def peak_rss_kb(pid: int) -> int:
    """The process's peak resident set (VmHWM), in KB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmHWM for {pid}")


@dataclass
class Context:
    """One benchmark run: its folder, environment, the ten-year database, how many runs."""

    work: Path
    env: dict[str, str]
    history: Path
    runs: int = 15
    quick: bool = False  # fewer repetitions (the smoke test, a first look)


def context(work: Path, runs: int = 15, history: Path | None = None,
            quick: bool = False) -> Context:
    compile_bytecode()
    if history is None:
        history, _seconds = make_history(work)
    return Context(work, bench_env(work), history, runs, quick)
