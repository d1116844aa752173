"""Lists: the key `m` on the home screen to the first rows of the meetings screen on the
ten-year history (newest first, a page at a time), measured from outside in a 100x30 tmux
pane; against a bare Textual app whose `m` opens a list of 60 rows held in memory
(bench/ref_list.py). Target: the first rows within 100 ms of the key.

usage: .venv/bin/python bench/lists.py [--runs N]   (or bench/run.py for every benchmark)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BENCH, Context, Panes, Result, cmd, median_ms, orat_bin, python  # noqa: E402

TARGET_MS = 100.0
ROW = re.compile(r"\b\d{1,2} \w{3} \d{4} \d{2}:\d{2}\b")  # "tor 19 nov 2026 10:00"
HOME_READY = "Enter startar"  # the home screen's status line once the database is open


def rows_shown(text: str) -> bool:
    return "Alla serier" in text and len(ROW.findall(text)) >= 5


def run(ctx: Context) -> list[Result]:
    runs = 3 if ctx.quick else max(5, ctx.runs // 2)
    panes = Panes(ctx.env)
    programs = {
        "orat": (cmd(orat_bin(), "--db", ctx.history), lambda t: HOME_READY in t),
        "reference": (cmd(python(), BENCH / "ref_list.py"), lambda t: "tryck m" in t),
    }
    times: dict[str, list[float]] = {k: [] for k in programs}
    try:
        for i in range(runs + 1):
            for label, (command, ready) in programs.items():
                name = panes.start(command)
                try:
                    panes.wait_for(name, ready)
                    panes.wait_for(name, lambda t: False, timeout=0.5)  # let it settle
                    panes.keys(name, "m")
                    took = panes.wait_for(name, rows_shown, timeout=10)
                finally:
                    panes.kill(name)
                if i:  # the first of each warms the caches
                    times[label].append(took)
    finally:
        panes.close()
    o, r = median_ms(times["orat"]), median_ms(times["reference"])
    detail = f"{runs} runs each, key to 5 rows on screen; slowest {max(times['orat']) * 1000:.0f} ms"
    return [Result("meetings list, ten years: first rows", o, "ms", r, o < TARGET_MS,
                   f"< {TARGET_MS:g} ms after the key", detail)]


if __name__ == "__main__":
    from run import main

    raise SystemExit(main(["lists", *sys.argv[1:]]))
