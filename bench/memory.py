"""Memory: the peak resident memory (VmHWM) of `orat` on the ten-year history after a tour
(home, the meetings list scrolled through several pages, a search), against the bare Textual
hello-world's after its first frame. Target: at most 3x.

usage: .venv/bin/python bench/memory.py   (or bench/run.py for every benchmark)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Context, Panes, Result, cmd, hello_script, non_blank, orat_bin, peak_rss_kb, python  # noqa: E402
from lists import HOME_READY, rows_shown  # noqa: E402

TARGET = 3.0


def run(ctx: Context) -> list[Result]:
    panes = Panes(ctx.env)
    try:
        name = panes.start(cmd(python(), hello_script()))
        panes.wait_for(name, non_blank(10))
        time.sleep(1.0)
        hello_kb = peak_rss_kb(panes.pid(name))
        panes.kill(name)

        name = panes.start(cmd(orat_bin(), "--db", ctx.history), 120, 40)
        panes.wait_for(name, lambda t: HOME_READY in t)
        pid = panes.pid(name)
        panes.keys(name, "m")
        panes.wait_for(name, rows_shown)
        for _ in range(8):  # page on: more rows are loaded as the end comes near
            panes.keys(name, "End")
            time.sleep(0.4)
        panes.keys(name, "Escape")
        time.sleep(0.3)
        panes.keys(name, "s")
        time.sleep(0.5)
        panes.keys(name, "polisen", literal=True)
        panes.keys(name, "Enter")
        time.sleep(1.5)
        orat_kb = peak_rss_kb(pid)
        panes.kill(name)
    finally:
        panes.close()
    o, h = orat_kb / 1024, hello_kb / 1024
    return [Result("peak memory, ten years", o, "MB", h, o / h <= TARGET,
                   f"<= {TARGET:g} x hello", "after the meetings list and a search")]


if __name__ == "__main__":
    from run import main

    raise SystemExit(main(["memory", *sys.argv[1:]]))
