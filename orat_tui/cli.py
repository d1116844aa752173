"""Command line: `orat` starts the app; sub-commands for templates, the demo history, ...

Kept light: the app, the database layer and exporters are imported only by the command that
needs them, so `orat` draws its first frame without waiting for them."""

from __future__ import annotations

import argparse
import sys

from orat_tui import __version__


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="orat",
        description="Run the weekly situational-picture meeting of a safety forum.",
    )
    p.add_argument("--version", action="version", version=f"orat {__version__}")

    def common(parser: argparse.ArgumentParser, default) -> None:
        # before or after the command: `orat --db F demo` and `orat demo --db F` alike
        parser.add_argument("--db", metavar="PATH|URL", default=default,
                            help="database file or URL (default: $ORAT_DB, else the user data folder)")
        parser.add_argument("--lang", choices=("sv", "en"), default=default,
                            help="language of the interface (default sv)")

    common(p, None)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help)
        common(parser, argparse.SUPPRESS)
        return parser

    start = command("start", help="start (or continue) a meeting of a template's series")
    start.add_argument("template", help="template id, see `orat templates`")

    command("templates", help="list the meeting templates and where each comes from")

    demo = command("demo", help="fill a database with a believable history of meetings")
    demo.add_argument("--weeks", type=int, default=8, help="weeks of history per template (default 8)")
    demo.add_argument("--seed", type=int, default=1, help=argparse.SUPPRESS)
    demo.add_argument("--again", action="store_true",
                      help="refill a database the demo made before (the same meetings again)")

    command("where", help="print where orat keeps its database and config")
    return p


def fail(message: str) -> int:
    print(f"orat: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from orat_tui.config import ConfigError

    try:
        if args.command == "templates":
            return cmd_templates()
        if args.command == "demo":
            return cmd_demo(args)
        if args.command == "where":
            return cmd_where(args)
        return cmd_app(args)
    except ConfigError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return 130


def cmd_templates() -> int:
    from orat_tui.config import discover_templates

    entries = discover_templates()
    width = max(len(k) for k in entries)
    for key, e in entries.items():
        print(f"{key:<{width}}  {e.template.name}  [{e.origin}: {e.path}]")
    return 0


def cmd_where(args) -> int:
    from orat_tui import paths

    print(f"database:  {paths.database_url(args.db)}")
    print(f"config:    {paths.user_config_file()}")
    print(f"templates: {paths.user_templates_dir()} (yours), {paths.shipped_templates_dir()} (shipped)")
    return 0


def cmd_demo(args) -> int:
    if not 1 <= args.weeks <= 1000:
        return fail("--weeks must be a number from 1 to 1000")
    if not args.db:
        return fail("the demo needs a database of its own: orat demo --db FILE")
    from orat_tui.store.db import StoreError
    from orat_tui.store.demo import generate_demo
    from orat_tui.store.meetings import open_store

    try:
        store = open_store(args.db)
    except StoreError as exc:
        return fail(str(exc))
    if store.recent_meetings(limit=1) and not args.again:
        store.close()
        return fail(f"{args.db} already holds meetings; the demo fills a new or empty database "
                    "(--again refills a demo database)")
    summary = generate_demo(store, weeks=args.weeks, seed=args.seed)
    store.close()
    print(f"{summary.meetings} meetings in {summary.series} series, {summary.notes} notes: "
          f"orat --db {args.db}")
    return 0


def cmd_app(args) -> int:
    from orat_tui.config import discover_templates, load_user_config
    from orat_tui.i18n import set_language
    from orat_tui.paths import database_url

    config = load_user_config()
    set_language(args.lang or config.language)
    templates = discover_templates()  # a broken template is reported before the screen opens
    if args.command == "start" and args.template not in templates:
        return fail(f"no template '{args.template}' (see `orat templates`)")
    from orat_tui.ui.app import OratApp

    app = OratApp(
        db_url=database_url(args.db),
        config=config,
        templates=templates,
        start_template=args.template if args.command == "start" else None,
    )
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    raise SystemExit(main())
