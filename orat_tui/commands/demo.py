"""`orat demo --db FILE [--weeks N | --years N] [--again]`: fill a new database with a
believable history of meetings. `--weeks`: N weeks of every shipped template's forum;
`--years`: N years of a large city (five weekly district forums, a steering group and the
KKL meeting), for trying orat with a long history and for the benchmarks in bench/."""

from __future__ import annotations

import argparse
import sys
from datetime import date


def register(add_command) -> None:
    p: argparse.ArgumentParser = add_command(
        "demo", help="fill a database with a believable history of meetings")
    span = p.add_mutually_exclusive_group()
    span.add_argument("--weeks", type=int, default=None,
                      help="weeks of history per template (default 8)")
    span.add_argument("--years", type=int, default=None,
                      help="years of a large city's forums: five districts, a steering group "
                           "and KKL (about 270 meetings a year)")
    p.add_argument("--seed", type=int, default=1, help=argparse.SUPPRESS)
    p.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)
    p.add_argument("--again", action="store_true",
                   help="refill a database the demo made before (the same meetings again)")
    p.set_defaults(run=run)


def fail(message: str) -> int:
    print(f"orat: {message}", file=sys.stderr)
    return 2


def run(args) -> int:
    if args.weeks is not None and not 1 <= args.weeks <= 1000:
        return fail("--weeks must be a number from 1 to 1000")
    if args.years is not None and not 1 <= args.years <= 50:
        return fail("--years must be a number from 1 to 50")
    if not args.db:
        return fail("the demo needs a database of its own: orat demo --db FILE")
    from orat_tui.store.db import StoreError
    from orat_tui.store.meetings import open_store

    try:
        store = open_store(args.db)
    except StoreError as exc:
        return fail(str(exc))
    try:
        if store.recent_meetings(limit=1) and not args.again:
            return fail(f"{args.db} already holds meetings; the demo fills a new or empty "
                        "database (--again refills a demo database)")
        if args.years is not None:
            from orat_tui.store.demo_history import generate_history

            summary = generate_history(store, years=args.years, today=args.today, seed=args.seed)
        else:
            from orat_tui.store.demo import generate_demo

            summary = generate_demo(store, weeks=args.weeks or 8, today=args.today,
                                    seed=args.seed)
    finally:
        store.close()
    print(f"{summary.meetings} meetings in {summary.series} series, {summary.notes} notes: "
          f"orat --db {args.db}")
    return 0
