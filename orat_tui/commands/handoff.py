"""`orat handoff MEETING -o FILE` and `orat import FILE`: a meeting from one machine to another
(the chair who ran it offline hands it to the secretary). See orat_tui.store.handoff."""

from __future__ import annotations

import sys


def register(add_command) -> None:
    handoff = add_command("handoff", help="write a meeting to a file for another machine "
                                          "(`orat import` reads it there)")
    handoff.add_argument("meeting", metavar="MEETING",
                         help="the meeting: its id, the start of its id, or latest")
    handoff.add_argument("-o", "--output", metavar="FILE", required=True,
                         help="the file to write (readable by you only; it holds internal notes "
                              "and events)")
    handoff.add_argument("--force", action="store_true", help="replace FILE if it exists")
    handoff.set_defaults(run=cmd_handoff)

    imp = add_command("import", help="bring in a meeting from a file made by `orat handoff`")
    imp.add_argument("file", metavar="FILE", help="a handoff file")
    imp.set_defaults(run=cmd_import)


def _fail(message: str) -> int:
    print(f"orat: {message}", file=sys.stderr)
    return 2


def cmd_handoff(args) -> int:
    from pathlib import Path

    from sqlalchemy.exc import DBAPIError

    from orat_tui.store.handoff import (
        HandoffError,
        recorded_summary,
        resolve_meeting,
        write_handoff,
    )

    from orat_tui.commands import CommandError, open_existing

    out = Path(args.output).expanduser()
    if out.exists() and not args.force and not out.is_dir():
        return _fail(f"{out} already exists; add --force to replace it")
    try:
        store = open_existing(args)  # a mistyped --db must not leave a new, empty database
    except CommandError as exc:
        return _fail(str(exc))
    try:
        meeting_id = resolve_meeting(store, args.meeting)
        meeting = store.load(meeting_id)
        write_handoff(store, meeting_id, out, replace=args.force)
        carried = recorded_summary(out)
    except HandoffError as exc:
        return _fail(str(exc))
    except DBAPIError as exc:
        return _fail(f"handoff failed ({str(exc.orig).splitlines()[0]})")
    finally:
        store.close()
    internal = len(meeting.internal)
    egen = f", {internal} internal" if internal else ""
    notes = f"{len(meeting.notes)} note{'' if len(meeting.notes) == 1 else 's'}"
    print(f"handed off {meeting.title} of {meeting.started_at:%Y-%m-%d %H:%M} ({meeting.id[:8]}, "
          f"{notes}{egen}{carried}) to {out}: readable by you only; "
          f"`orat import {out.name}` on the other machine")
    return 0


def cmd_import(args) -> int:
    from pathlib import Path

    from sqlalchemy.exc import DBAPIError

    from orat_tui.config import ConfigError
    from orat_tui.store.db import StoreError
    from orat_tui.store.handoff import HandoffError, import_handoff, read_handoff
    from orat_tui.store.meetings import open_store

    path = Path(args.file).expanduser()
    try:
        from orat_tui.config import user_name

        name = user_name()
    except ConfigError as exc:
        return _fail(str(exc))
    try:
        read_handoff(path)  # a bad file is refused before the database is opened
    except HandoffError as exc:
        return _fail(str(exc))
    try:
        store = open_store(args.db)
    except StoreError as exc:
        return _fail(str(exc))
    try:
        result = import_handoff(store, path, who=name)
    except HandoffError as exc:
        return _fail(str(exc))
    except DBAPIError as exc:
        return _fail(f"import failed ({str(exc.orig).splitlines()[0]}); nothing imported")
    finally:
        store.close()
    if result.conflict:
        return _fail(result.line())
    print(result.line())
    return 0
