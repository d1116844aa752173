"""Export: one meeting of the ten-year history to every format (orat_tui.export.export, what
`orat export` and `x` on the minutes page run), in-process, the median of several after a
first call (which imports the format's writer; its time is in the detail). Reference: reading
the meeting from the database (Store.load), which every export does first. Target: under
100 ms each. The year report (`orat report year`) is timed too once orat has it: under 1 s.

usage: .venv/bin/python bench/export.py   (or bench/run.py for every benchmark)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Context, Result  # noqa: E402

TARGET_MS, YEAR_TARGET_MS = 100.0, 1000.0


def timed(fn, repeat: int) -> tuple[float, float]:
    """(the first call, the median of `repeat` more), in ms."""
    t0 = time.perf_counter()
    fn()
    first = (time.perf_counter() - t0) * 1000
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return first, statistics.median(times)


def biggest_recent_meeting(history: Path) -> str:
    """The meeting with the most note text among the last year's: the longest minutes."""
    import sqlite3

    con = sqlite3.connect(f"file:{history}?mode=ro", uri=True)
    try:
        return con.execute(
            "SELECT note.meeting_id FROM note JOIN meeting ON meeting.id = note.meeting_id "
            "WHERE meeting.started_at >= (SELECT date(max(started_at), '-1 year') FROM meeting) "
            "GROUP BY note.meeting_id ORDER BY sum(length(note.text)) DESC LIMIT 1").fetchone()[0]
    finally:
        con.close()


def year_report(store, year: int, fmt: str):
    """`orat report year YEAR --format fmt` without the process: build and render (None when
    this orat has no year report)."""
    from datetime import date
    from types import SimpleNamespace

    try:
        from orat_tui.reports import render
        from orat_tui.reports import year as module
    except ImportError:
        return None
    args = SimpleNamespace(what=str(year), series=None, format=fmt, output=None, today=None)
    today = date(year + 1, 1, 15)
    return lambda: render(module.build(store, args, today), fmt)


def run(ctx: Context) -> list[Result]:
    from orat_tui.export import FORMATS, export
    from orat_tui.i18n import set_language
    from orat_tui.store.meetings import Store

    set_language("sv")
    repeat = 3 if ctx.quick else 9
    store = Store.open(f"sqlite:///{ctx.history}")
    results = []
    try:
        mid = biggest_recent_meeting(ctx.history)
        _first, load_ms = timed(lambda: store.load(mid), repeat)
        meeting = store.load(mid)
        size = sum(len(t) for t in meeting.notes.values())
        for fmt in FORMATS:
            first, ms = timed(lambda f=fmt: export(store.load(mid), f), repeat)
            results.append(Result(f"export one meeting: {fmt}", ms, "ms", load_ms,
                                  ms < TARGET_MS, f"< {TARGET_MS:g} ms",
                                  f"{len(meeting.notes)} notes, {size // 1000} KB of text; "
                                  f"first call {first:.0f} ms"))
        year = meeting.started_at.year - 1  # the last whole year of the history
        for fmt in ("md", "html", "txt", "json"):
            report = year_report(store, year, fmt)
            if report is None:
                break
            first, ms = timed(report, max(1, repeat // 3))
            results.append(Result(f"year report {year}: {fmt}", ms, "ms", None,
                                  ms < YEAR_TARGET_MS, f"< {YEAR_TARGET_MS:g} ms",
                                  f"every district's actions of the year; first call {first:.0f} ms"))
    finally:
        store.close()
    return results


if __name__ == "__main__":
    from run import main

    raise SystemExit(main(["export", *sys.argv[1:]]))
