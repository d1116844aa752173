"""`orat report KIND [...] [--series S] [--format md|html|txt|json] [-o FILE]`: reports across
meetings. Each kind is a module orat_tui/reports/<kind>.py with `build(store, args, today)`;
add a kind by adding a line to REPORTS (name, help, positional argument or None, its help)."""

from __future__ import annotations

import argparse

from orat_tui.commands import write_output

FORMATS = ("md", "html", "txt", "json")  # = orat_tui.reports.FORMATS (a test checks)

REPORTS: tuple[tuple[str, str, str | None, str], ...] = (
    ("term", "meetings held against each series' required cadence in a term, with "
             "attendance and speaking time per member",
     "TERM", "the term: 2026H2, 'HT 2026' or 'VT 2026' (HT = July-December, VT = "
             "January-June; default: the current term)"),
    ("promises", "the follow-up of citizen promises (medborgarlöften): each commitment's "
                 "progress against the share of its period gone",
     "PROMISE", "one promise, by the start of its title or id (default: every promise)"),
    ("year", "the yearly follow-up: measures (actions) per focus area with their goals, "
             "status and results",
     "YEAR", "the year, e.g. 2026 (default: this year)"),
)


def register(add_command) -> None:
    p: argparse.ArgumentParser = add_command(
        "report", help="reports across meetings: term (cadence and statistics), promises, "
                       "year (measures per focus area)")
    sub = p.add_subparsers(dest="report", metavar="KIND", required=True)
    for name, help_text, positional, positional_help in REPORTS:
        r = sub.add_parser(name, help=help_text, description=help_text)
        if positional:
            r.add_argument("what", metavar=positional, nargs="?", default=None,
                           help=positional_help)
        r.add_argument("--series", metavar="S",
                       help="only the series S (a template id like malmo-orat, or the "
                            "start of the series' name)")
        r.add_argument("--format", "-f", dest="format", default=None, choices=FORMATS,
                       metavar="|".join(FORMATS),
                       help="md (default; e-mail, chat), html (one page, prints on A4), "
                            "txt, json (for scripts); with -o the file's ending chooses")
        r.add_argument("-o", "--output", metavar="FILE",
                       help="write to FILE, readable by you only (default: stdout)")
        r.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
        r.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS,
                       help="database file or URL")
        r.add_argument("--lang", choices=("sv", "en"), default=argparse.SUPPRESS,
                       help="language of the report (default sv)")
    p.set_defaults(run=run)


def fail(message: str) -> int:
    import sys

    print(f"orat: {message}", file=sys.stderr)
    return 2


def _format(args) -> str:
    if args.format:
        return args.format
    if args.output and args.output != "-":
        ending = args.output.rsplit(".", 1)[-1].lower()
        ending = {"htm": "html", "markdown": "md", "text": "txt"}.get(ending, ending)
        return ending if ending in FORMATS else "md"
    return "md"


def _today(args):
    from datetime import date

    if not args.today:
        return date.today()
    try:
        return date.fromisoformat(args.today)
    except ValueError:
        raise ValueError(f"--today must be a date like 2026-11-27, not '{args.today}'") from None


def run(args: argparse.Namespace) -> int:
    import importlib

    from orat_tui.commands import CommandError, open_existing
    from orat_tui.config import ConfigError

    try:
        today = _today(args)
    except ValueError as exc:
        return fail(str(exc))
    try:
        store = open_existing(args)
    except CommandError as exc:
        return fail(str(exc))
    from sqlalchemy.exc import DBAPIError

    from orat_tui.reports import ReportError, render

    try:
        module = importlib.import_module(f"orat_tui.reports.{args.report}")
        report = module.build(store, args, today)
        data = render(report, _format(args))
    except (ReportError, ConfigError) as exc:
        return fail(str(exc))
    except DBAPIError as exc:
        return fail(f"the database could not be read ({exc.orig})")
    finally:
        store.close()
    return write_output(data, args.output)
