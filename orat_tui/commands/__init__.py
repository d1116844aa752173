"""Sub-commands beyond the app itself, one module each. Each module has
`register(add_command)`, where `add_command(name, help)` returns an argparse parser with the
common options (--db, --lang) and the module sets `parser.set_defaults(run=<function>)`.
The function takes the parsed args and returns an exit code. Modules import only argparse at
the top: the database layer and exporters are imported inside the functions."""


class CommandError(Exception):
    """One line for stderr; the command exits with 2."""


def open_existing(args):
    """The store of --db (a database that exists: a typo must not make a new, empty one), with
    the language of the labels set from --lang or the config."""
    from orat_tui.config import ConfigError, load_user_config
    from orat_tui.i18n import set_language
    from orat_tui.paths import database_url
    from orat_tui.store.db import StoreError, sqlite_path
    from orat_tui.store.meetings import Store

    try:
        set_language(getattr(args, "lang", None) or load_user_config().language)
    except (ConfigError, ValueError) as exc:
        raise CommandError(str(exc)) from None
    url = database_url(getattr(args, "db", None))
    path = sqlite_path(url)
    if path is not None and (not path.is_file() or path.stat().st_size == 0):
        raise CommandError(f"no database at {path}")
    try:
        return Store.open(url)
    except StoreError as exc:
        raise CommandError(str(exc)) from None


def write_output(data: bytes | str, output: str | None) -> int:
    """A command's result to stdout (or `-`), or to FILE readable by you only (0600).
    A reader that stops early (`orat export … | head`) is no error. Returns the exit code."""
    import sys
    from pathlib import Path

    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    if not output or output == "-":
        try:
            sys.stdout.flush()
            sys.stdout.buffer.write(raw)
            sys.stdout.buffer.flush()
        except BrokenPipeError:  # `orat export … | head`: the reader has all it wanted
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    target = Path(output).expanduser()
    try:
        from orat_tui.files import write_private

        write_private(target, raw)
    except OSError as exc:
        print(f"orat: cannot write {target}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"wrote {target}", file=sys.stderr)
    return 0
