"""Command line: `orat` starts the app; sub-commands for templates, the demo history, ...

Kept light: the app, the database layer and exporters are imported only by the command that
needs them, so `orat` draws its first frame without waiting for them."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from orat_tui import __version__

if TYPE_CHECKING:
    import argparse


def build_parser() -> argparse.ArgumentParser:
    import argparse
    import importlib

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

    command("where", help="print where orat keeps its database and config")

    backup = command("backup", help="copy the database to FILE, safely even while a meeting runs")
    backup.add_argument("file", metavar="FILE", help="the copy to make (readable by you only)")
    backup.add_argument("--force", action="store_true", help="replace FILE if it exists")

    restore = command("restore", help="replace the database with a backup "
                                      "(the current one is backed up first)")
    restore.add_argument("file", metavar="FILE", help="a backup made by `orat backup`")
    restore.add_argument("--yes", action="store_true", help="do not ask first (for scripts)")

    purge = command("purge", help="delete ended meetings older than DURATION, with their notes, "
                                  "and reclaim the space")
    purge.add_argument("--older-than", metavar="DURATION",
                       help="365d, 52w, 24m (months) or 2y (default: retention in config.toml)")
    purge.add_argument("--dry-run", action="store_true",
                       help="list what would be deleted; delete nothing")
    for module in COMMAND_MODULES:
        importlib.import_module(f"orat_tui.commands.{module}").register(command)
    return p


# Sub-commands that live in orat_tui/commands/ (each imports only argparse at the top).
COMMAND_MODULES = ("demo", "export", "handoff", "search", "report", "intake", "briefing")


def fail(message: str) -> int:
    print(f"orat: {message}", file=sys.stderr)
    return 2


def plain_start(argv: list[str]):
    """The arguments of `orat`, `orat --db FILE`, `orat --lang en` (the app itself, nothing
    else) without argparse; None for anything else. Building the parser of every sub-command
    costs a tenth of the time to the first frame."""
    from types import SimpleNamespace

    found = {"db": None, "lang": None}
    i = 0
    while i < len(argv):
        name, eq, value = argv[i].partition("=")
        if name not in ("--db", "--lang"):
            return None
        if not eq:
            if i + 1 >= len(argv) or argv[i + 1].startswith("-"):
                return None
            value = argv[i + 1]
            i += 1
        i += 1
        if name == "--lang" and value not in ("sv", "en"):
            return None
        found[name[2:]] = value
    return SimpleNamespace(command=None, **found)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = plain_start(argv) or build_parser().parse_args(argv)
    from orat_tui.config import ConfigError

    try:
        if args.command == "templates":
            return cmd_templates()
        if args.command == "where":
            return cmd_where(args)
        if args.command in ("backup", "restore", "purge"):
            return MAINTENANCE[args.command](args)
        if hasattr(args, "run"):
            return args.run(args)
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

    import re

    url = re.sub(r"(://[^/:@]*):[^/@]*@", r"\1:***@", paths.database_url(args.db))
    print(f"database:  {url}")  # a password in the URL is not shown
    print(f"config:    {paths.user_config_file()}")
    print(f"templates: {paths.user_templates_dir()} (yours), {paths.shipped_templates_dir()} (shipped)")
    return 0


def _sqlite_file(args, refusal: str):
    """The SQLite file the command works on, or `refusal` (a str) for any other database."""
    from orat_tui.paths import database_url
    from orat_tui.store.db import sqlite_path

    path = sqlite_path(database_url(args.db))
    return refusal if path is None else path


def cmd_backup(args) -> int:
    from pathlib import Path

    from orat_tui.store.db import StoreError
    from orat_tui.store.maintenance import backup_sqlite

    db = _sqlite_file(args, "backup works on SQLite files; use pg_dump for PostgreSQL")
    if isinstance(db, str):
        return fail(db)
    if not db.exists():
        return fail(f"no database at {db}")
    try:
        dest = backup_sqlite(db, Path(args.file).expanduser(), force=args.force)
    except StoreError as exc:
        return fail(str(exc))
    print(f"backed up {db} to {dest}")
    return 0


def cmd_restore(args) -> int:
    from pathlib import Path

    from orat_tui.store.db import StoreError, precheck_sqlite
    from orat_tui.store.maintenance import check_orat_file, restore

    db = _sqlite_file(args, "restore works on SQLite files; use pg_restore or psql for PostgreSQL")
    if isinstance(db, str):
        return fail(db)
    source = Path(args.file).expanduser()
    try:
        incoming = check_orat_file(source)
        precheck_sqlite(db)  # never replace a file that is not orat's
    except StoreError as exc:
        return fail(str(exc))
    if not args.yes:
        if not sys.stdin.isatty():
            return fail(f"restore replaces {db}: run it on a terminal to confirm, or add --yes")
        exists = db.exists() and db.stat().st_size > 0
        if exists:
            try:
                now = check_orat_file(db).describe()
            except StoreError as exc:
                now = f"cannot be read as it is: {exc}"
        print(f"This replaces the database {db}")
        print(f"  now:  {now if exists else 'no database yet'}")
        print(f"  with: {source} ({incoming.describe()})")
        if exists:
            print(f"The current database is backed up first, to {db}.before-restore-<time>.bak.")
        print("Close every orat that has this database open first.")
        try:
            answer = input("Type yes to restore: ")
        except EOFError:
            answer = ""
        if answer.strip().lower() != "yes":
            print("Nothing restored.")
            return 1
    try:
        safety = restore(db, source)
    except StoreError as exc:
        return fail(str(exc))
    print(f"restored {db} from {source} ({incoming.describe()})")
    if safety:
        print(f"the database as it was before: {safety}")
    return 0


def cmd_purge(args) -> int:
    from datetime import datetime

    from orat_tui.config import load_user_config
    from orat_tui.paths import user_config_file
    from orat_tui.store.maintenance import DurationError, parse_duration

    text = args.older_than
    if not text:
        text = load_user_config().retention
        if not text:
            return fail(f"purge needs an age: orat purge --older-than 2y, or retention = \"2y\" "
                        f"in {user_config_file()}")
    try:
        older_than = parse_duration(text)
    except DurationError as exc:
        return fail(f"--older-than: {exc}")
    db = _sqlite_file(args, "")
    if db and not db.exists():
        return fail(f"no database at {db}")
    from sqlalchemy.exc import DBAPIError

    from orat_tui.store.db import StoreError
    from orat_tui.store.maintenance import purge
    from orat_tui.store.meetings import open_store

    try:
        store = open_store(args.db)
        try:
            result = purge(store, older_than, now=datetime.now(), dry_run=args.dry_run)
        finally:
            store.close()
    except StoreError as exc:
        return fail(str(exc))
    except DBAPIError as exc:
        return fail(f"purge failed ({exc.orig})")
    n = len(result.meetings)
    word = "meeting" if n == 1 else "meetings"
    since = f"started before {result.cutoff:%Y-%m-%d %H:%M}"
    if args.dry_run:
        for m in result.meetings:
            print(f"{m.started_at:%Y-%m-%d %H:%M}  {m.state:<8}  {m.title}")
        print(f"{n} ended {word} {since} would be deleted (dry run: nothing deleted)")
        return 0
    if not n:
        print(f"no ended meetings {since}; nothing deleted")
        return 0
    print(f"deleted {n} ended {word} {since}, with their attendance, agenda and notes "
          "(live meetings are kept)")
    if result.busy:
        print(f"the space was not given back this time ({result.busy}); "
              "a later purge does it")
    elif result.size_before is not None and result.size_after is not None:
        print(f"the database went from {_size(result.size_before)} to {_size(result.size_after)}")
    return 0


def _size(n: float) -> str:
    if n < 1024:
        return f"{n:.0f} bytes"
    for unit in ("KB", "MB", "GB"):
        n /= 1024
        if n < 1024 or unit == "GB":
            return f"{n:.1f} {unit}"
    return ""


MAINTENANCE = {"backup": cmd_backup, "restore": cmd_restore, "purge": cmd_purge}


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
