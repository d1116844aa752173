"""Every benchmark of orat, from one command; each prints its figure and its ratio to a
reference measured in the same run, and whether it meets its target.

usage: .venv/bin/python bench/run.py [BENCH ...] [--runs N] [--quick] [--readme]

BENCH: startup typing search lists export memory (default: all). The ten-year demo history
is made once, in a temp folder (its time is a figure too). --readme writes the results and
the machine into README.md's "Performance" section (between its markers). A benchmark, not a
test: exits 0 even when over a target (1 with --strict), 2 when it cannot measure at all.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, YEARS, Result, context, make_history  # noqa: E402

BENCHES = ("startup", "typing", "search", "lists", "export", "memory")
MODULES = {"typing": "keys"}  # bench/typing.py would hide the standard library's typing
BEGIN, END = "<!-- perf:begin -->", "<!-- perf:end -->"


def machine() -> str:
    model, cores = "unknown CPU", 0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name") and model == "unknown CPU":
                model = line.split(":", 1)[1].strip()
            if line.startswith("processor"):
                cores += 1
    except OSError:
        pass
    from importlib.metadata import version

    return (f"{cores} cores, {model}; Linux {platform.release()}; Python "
            f"{platform.python_version()}, Textual {version('textual')}")


def markdown(results: list[Result], demo_seconds: float | None, when: str, argv: list[str]) -> str:
    rows = ["| benchmark | orat | reference | ratio | target | |", "|---|---:|---:|---:|---|---|"]
    for r in results:
        ref = f"{r.reference:.1f} {r.unit}" if r.reference is not None else "–"
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "–"
        rows.append(f"| {r.name} | {r.figure:.1f} {r.unit} | {ref} | {ratio} | {r.target} | "
                    f"{'ok' if r.ok else '**over**'} |")
    demo = (f"The ten-year demo history (`orat demo --years {YEARS}`) took {demo_seconds:.1f} s "
            "to make. " if demo_seconds is not None else "")
    command = " ".join([".venv/bin/python bench/run.py", *argv])
    return "\n".join([
        BEGIN,
        f"Last run: {when}, `{command}`, on {machine()}. {demo}",
        "",
        *rows,
        "",
        "What each reference is: see bench/README.md.",
        END,
    ])


def write_readme(block: str) -> None:
    path = REPO / "README.md"
    text = path.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        raise SystemExit("README.md has no perf:begin/perf:end markers")
    text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _m: block, text, flags=re.S)
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("benches", nargs="*", metavar="BENCH", help=" ".join(BENCHES))
    ap.add_argument("--runs", type=int, default=15, help="runs of each timed program (default 15)")
    ap.add_argument("--quick", action="store_true", help="fewer repetitions, for a first look")
    ap.add_argument("--readme", action="store_true", help="write the results into README.md")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    ap.add_argument("--history", type=Path, help="a ten-year demo database made before")
    args = ap.parse_args(argv)
    unknown = [b for b in args.benches if b not in BENCHES]
    if unknown or args.runs < 1:
        ap.error(f"unknown benchmark {unknown[0]} (known: {', '.join(BENCHES)})" if unknown
                 else "--runs must be at least 1")
    chosen = args.benches or list(BENCHES)
    if not (Path(sys.executable).parent / "orat").exists():
        print("bench: run it with the venv's python (.venv/bin/python bench/run.py)",
              file=sys.stderr)
        return 2
    results: list[Result] = []
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(machine())
    with tempfile.TemporaryDirectory(prefix="orat-bench-") as tmp:
        work = Path(tmp)
        demo_seconds = None
        history = args.history
        if history is None:
            history, demo_seconds = make_history(work)
            print(f"ten-year demo history: {demo_seconds:.1f} s")
        ctx = context(work, runs=args.runs, history=history, quick=args.quick)
        for name in chosen:
            module = importlib.import_module(MODULES.get(name, name))
            try:
                got = module.run(ctx)
            except Exception as exc:  # noqa: BLE001 - one benchmark failing does not stop the rest
                print(f"{name}: could not measure ({type(exc).__name__}: {exc})", file=sys.stderr)
                got = [Result(name, float("nan"), "", None, False, "could not measure")]
            for r in got:
                print(r.line() + (f"   [{r.detail}]" if r.detail else ""), flush=True)
            results += got
    block = markdown(results, demo_seconds, when, argv)
    print()
    print(block)
    if args.readme:
        write_readme(block)
        print("README.md updated")
    if args.strict and not all(r.ok for r in results):
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
