"""Search: orat's full-text search (orat_tui.store.search.search: newest first, 50 hits, with
snippets and where each note sits) over the ten-year history, for realistic queries, against
the same FTS5 query run directly with Python's sqlite3 on the same file. Targets: the median
at most 2x the direct query's, and under 50 ms.

usage: .venv/bin/python bench/search.py   (or bench/run.py for every benchmark)
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Context, Result  # noqa: E402

# What a secretary looks for: a group, a place, a kind of event, a word's start, two words.
QUERIES = ("polisen", "brand", "Rosengård", "skolan", "narkotika", "trygghetsvandring",
           "mopedåkning", "fält*", "lov*", "unga Möllevången", "inbrott", "belysningen",
           "fyrverkerier", "\"grupper av unga\"", "räddningstjänsten bränder")
TARGET_RATIO, TARGET_MS = 2.0, 50.0


def best_of(fn, repeat: int) -> float:
    """The median of `repeat` timed calls (after one untimed, which warms the caches)."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run(ctx: Context) -> list[Result]:
    from orat_tui.store import search as fts
    from orat_tui.store.meetings import Store

    repeat = 3 if ctx.quick else 9
    store = Store.open(f"sqlite:///{ctx.history}")
    direct = sqlite3.connect(f"file:{ctx.history}?mode=ro", uri=True)
    sql = fts._SEARCH.replace("{series}", "")
    ours, theirs, hits = [], [], []
    try:
        for q in QUERIES:
            params = {"query": fts.to_fts_query(q), "limit": fts.DEFAULT_LIMIT,
                      "open": fts._OPEN, "close": fts._CLOSE, "ellipsis": fts.ELLIPSIS,
                      "tokens": fts.SNIPPET_TOKENS}
            hits.append(len(fts.search(store, q)))
            ours.append(best_of(lambda q=q: fts.search(store, q), repeat))
            theirs.append(best_of(lambda p=params: direct.execute(sql, p).fetchall(), repeat))
    finally:
        direct.close()
        store.close()
    o, t = statistics.median(ours) * 1000, statistics.median(theirs) * 1000
    worst = max(ours) * 1000
    detail = (f"{len(QUERIES)} queries, median of {repeat} each, {min(hits)}-{max(hits)} hits; "
              f"slowest query {worst:.1f} ms")
    return [Result("search, ten years (median query)", o, "ms", t,
                   o / t <= TARGET_RATIO and o < TARGET_MS,
                   f"<= {TARGET_RATIO:g} x sqlite3, < {TARGET_MS:g} ms", detail)]


if __name__ == "__main__":
    from run import main

    raise SystemExit(main(["search", *sys.argv[1:]]))
