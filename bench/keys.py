"""Typing: key press to screen in a 50 KB note of a live meeting (the speaker clock running,
autosave every half second), against a bare Textual TextArea holding the same text
(bench/ref_textarea.py). The method of ../shared/tools/key_latency.py: a 120x40 tmux pane,
X/Q/Z typed one at a time, each timed until the pane shows it. The two programs take turns,
a block of keys each, twice. Target: orat/TextArea at most 1.1 (medians).

usage: .venv/bin/python bench/keys.py [--runs N]   (or bench/run.py for every benchmark)
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BENCH, Context, Panes, Result, cmd, median_ms, non_blank, orat_bin, python  # noqa: E402

NOTE_BYTES = 50_000
TARGET = 1.1
SETTLE = 2.5  # seconds for a program to be ready, cursor in the note


def note_text(history: Path) -> str:
    """50 KB of real demo notes, one paragraph each: what a long note looks like."""
    import sqlite3

    con = sqlite3.connect(f"file:{history}?mode=ro", uri=True)
    parts, size = [], 0
    for (text,) in con.execute("SELECT text FROM note ORDER BY rowid"):
        parts.append(text)
        size += len(text.encode("utf-8")) + 2
        if size >= NOTE_BYTES:
            break
    con.close()
    return "\n\n".join(parts).encode("utf-8")[:NOTE_BYTES].decode("utf-8", "ignore")


def make_meeting_db(db: Path, text: str) -> None:
    """A live meeting of malmo-orat at its first member's turn, the turn's first note
    holding `text`: `orat start malmo-orat` continues it there, the cursor at the end."""
    from orat_tui.config import discover_templates
    from orat_tui.domain.meeting import note_slot
    from orat_tui.store.meetings import Store
    from orat_tui.store.service import start_meeting

    template = discover_templates()["malmo-orat"].template
    store = Store.open(f"sqlite:///{db}")
    try:
        meeting = start_meeting(store, template, datetime.now())
        index = next(i for i, s in enumerate(meeting.steps) if s.kind == "turn")
        meeting.current_index = index
        step = meeting.steps[index]
        meeting.notes[note_slot(step, step.fields[0])] = text
        store.save(meeting)
    finally:
        store.close()


def latencies(panes: Panes, name: str, keys: int, first: int) -> list[float]:
    out = []
    for i in range(first, first + keys):
        ch = "XQZ"[i % 3]
        seen = panes.capture(name).count(ch)
        t0 = time.perf_counter()
        panes.keys(name, ch, literal=True)
        while panes.capture(name).count(ch) <= seen and time.perf_counter() - t0 < 2:
            pass
        out.append(time.perf_counter() - t0)
        time.sleep(0.05)
    return out


def run(ctx: Context) -> list[Result]:
    text = note_text(ctx.history)
    text_file = ctx.work / "typing-note.txt"
    text_file.write_text(text, encoding="utf-8")
    db = ctx.work / "typing.db"
    make_meeting_db(db, text)
    keys = 10 if ctx.quick else max(20, ctx.runs * 2)
    panes = Panes(ctx.env)
    programs = {
        "orat": cmd(orat_bin(), "--db", db, "start", "malmo-orat"),
        "textarea": cmd(python(), BENCH / "ref_textarea.py", text_file),
    }
    times: dict[str, list[float]] = {k: [] for k in programs}
    try:
        for block in range(2):
            for label, command in programs.items():
                name = panes.start(command, 120, 40)
                try:
                    panes.wait_for(name, non_blank(200))
                    time.sleep(SETTLE)
                    times[label] += latencies(panes, name, keys // 2, block * keys)
                finally:
                    panes.kill(name)
    finally:
        panes.close()
    o, t = median_ms(times["orat"]), median_ms(times["textarea"])
    p90 = sorted(times["orat"])[int(len(times["orat"]) * 0.9)] * 1000
    detail = (f"{len(times['orat'])} keys each in a {len(text.encode()) // 1000} KB note; "
              f"orat p90 {p90:.0f} ms, TextArea mean {statistics.mean(times['textarea']) * 1000:.0f} ms")
    return [Result("typing in a 50 KB note", o, "ms", t, o / t <= TARGET,
                   f"<= {TARGET} x bare TextArea", detail)]


if __name__ == "__main__":
    from run import main

    raise SystemExit(main(["typing", *sys.argv[1:]]))
