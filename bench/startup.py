"""Start-up: time to the first frame of `orat` against a bare Textual hello-world
(../shared/tools/hello.py), measured alike, alternating, in a fresh 100x30 tmux pane each run;
a frame counts once the pane holds 10 non-blank characters (the method of
../shared/tools/first_frame.py). orat starts on a fresh empty database, and on the ten-year
demo history. Targets: orat/hello at most 1.2 (empty) and 1.3 (ten years).

usage: .venv/bin/python bench/startup.py [--runs N]   (or bench/run.py for every benchmark)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    Context,
    Panes,
    Result,
    cmd,
    hello_script,
    median_ms,
    non_blank,
    orat_bin,
    python,
)

FRAME_CHARS = 10
TARGET_EMPTY, TARGET_HISTORY = 1.2, 1.3


def run(ctx: Context) -> list[Result]:
    panes = Panes(ctx.env)
    hello = cmd(python(), hello_script())

    def first_frame(command: str) -> float:
        name = panes.start(command)
        try:
            return panes.wait_for(name, non_blank(FRAME_CHARS))
        finally:
            panes.kill(name)

    def empty(i: int) -> str:  # a fresh, empty database every run
        return cmd(orat_bin(), "--db", ctx.work / f"startup-empty-{i}.db")

    history = cmd(orat_bin(), "--db", ctx.history)
    t_hello, t_empty, t_history = [], [], []
    try:
        first_frame(empty(0)), first_frame(hello), first_frame(history)  # warm the caches
        for i in range(1, ctx.runs + 1):
            t_empty.append(first_frame(empty(i)))
            t_hello.append(first_frame(hello))
            t_history.append(first_frame(history))
    finally:
        panes.close()
    h = median_ms(t_hello)
    e, y = median_ms(t_empty), median_ms(t_history)
    detail = f"{ctx.runs} runs each, alternating; hello median {h:.0f} ms"
    return [
        Result("start-up, empty database", e, "ms", h, e / h <= TARGET_EMPTY,
               f"<= {TARGET_EMPTY} x hello", detail),
        Result("start-up, ten-year database", y, "ms", h, y / h <= TARGET_HISTORY,
               f"<= {TARGET_HISTORY} x hello", detail),
    ]


if __name__ == "__main__":
    from run import main

    raise SystemExit(main(["startup", *sys.argv[1:]]))
