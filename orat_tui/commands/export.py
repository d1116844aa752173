"""`orat export MEETING --format md|html|docx|json|txt [-o FILE] [--include-internal]
[--override-reason TEXT]`: a meeting's minutes, to stdout or a file (readable by you only).

MEETING is a meeting id, a unique start of one, or `latest` (the newest ended or approved
meeting; the newest live one when there is no other). The minutes hold the notes, the actions
made and followed up in the meeting and its situational picture. A personal identity number in
a note, an action or an event blocks the export; `--override-reason` exports anyway and
records the override, with its reason, in the meeting's audit trail."""

from __future__ import annotations

import argparse

from orat_tui.commands import write_output

FORMATS = ("md", "html", "docx", "json", "txt")  # = orat_tui.export.FORMATS (a test checks)
USAGE = ("orat export MEETING --format md|html|docx|json|txt [-o FILE] [--include-internal] "
         "[--override-reason TEXT]")


def register(add_command) -> None:
    p: argparse.ArgumentParser = add_command(
        "export", help="write a meeting's minutes as Markdown, HTML, Word, JSON or text")
    p.add_argument("meeting", metavar="MEETING",
                   help="a meeting id, a unique start of one, or 'latest'")
    p.add_argument("--format", "-f", dest="format", required=True, choices=FORMATS,
                   metavar="|".join(FORMATS),
                   help="md (e-mail, chat), html (one page, prints on A4), docx (Word; needs "
                        "pip install 'orat[docx]'), json (for scripts), txt")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write to FILE, readable by you only (default: stdout; docx needs a "
                        "file)")
    p.add_argument("--include-internal", action="store_true",
                   help="include the internal (egen) notes, marked as internal")
    p.add_argument("--override-reason", metavar="TEXT",
                   help="export although notes hold personal identity numbers; the reason "
                        "is recorded in the meeting's audit trail")
    p.set_defaults(run=run)


def fail(message: str) -> int:
    import sys

    print(f"orat: {message}", file=sys.stderr)
    return 2


class Unknown(Exception):
    """No such meeting (or more than one): the message says which."""


def find_meeting(store, ref: str) -> str:
    """The id of the meeting `ref` names: an id, a unique start of one, or 'latest' (the newest
    ended or approved meeting, else the newest live one)."""
    ref = ref.strip()
    if not ref:
        raise Unknown("no meeting given")
    if ref == "latest":
        latest = store.latest_meeting(ended_first=True)
        if latest is None:
            raise Unknown("there are no meetings in this database")
        return latest.id
    hits = store.meetings_named(ref)
    if not hits:
        raise Unknown(f"no meeting '{ref}' (an id, a unique start of one, or 'latest')")
    if len(hits) > 1:
        raise Unknown(f"'{ref}' is the start of {len(hits)} meeting ids: give more of it")
    return hits[0].id


def run(args: argparse.Namespace) -> int:
    from orat_tui.config import ConfigError, load_user_config
    from orat_tui.i18n import set_language

    if args.format == "docx" and not args.output:
        return fail("docx is a file: add -o FILE (or -o - to write it to stdout)")
    db = getattr(args, "db", None)
    try:
        set_language(getattr(args, "lang", None) or load_user_config().language)
    except (ConfigError, ValueError) as exc:
        return fail(str(exc))

    from orat_tui.paths import database_url
    from orat_tui.store.db import StoreError, sqlite_path

    file = sqlite_path(database_url(db))
    if file is not None and not file.exists():
        return fail(f"no database at {file}")
    from sqlalchemy.exc import DBAPIError

    from orat_tui.store.meetings import open_store

    try:
        store = open_store(db)
    except StoreError as exc:
        return fail(str(exc))
    try:
        data = _minutes(args, store)
    except (StoreError, Refused) as exc:
        return fail(str(exc))
    except DBAPIError as exc:
        return fail(f"the database could not be read ({exc.orig})")
    finally:
        store.close()
    return write_output(data, args.output)


def _focus_areas() -> tuple:
    """The focus areas' names for the actions; a broken file leaves their keys shown."""
    from orat_tui.config import ConfigError
    from orat_tui.config_focus import load_focus_areas

    try:
        return load_focus_areas()
    except ConfigError:
        return ()


class Refused(Exception):
    """An export that is not made: one line for the user."""


def _minutes(args, store) -> bytes | str:
    """The minutes asked for; an override of the personal-number guard is recorded first."""
    from orat_tui.export import ExportError, export
    from orat_tui.export.guard import ExportBlocked, blocked_slots, mask

    try:
        meeting = store.load(find_meeting(store, args.meeting))
    except Unknown as exc:
        raise Refused(str(exc)) from None
    record = store.actions_and_picture(meeting.id, _focus_areas())
    reason = (args.override_reason or "").strip() or None
    try:
        data = export(meeting, args.format, include_internal=args.include_internal,
                      override_reason=reason, record=record)
    except ExportBlocked as exc:
        raise Refused(f"{exc} (--override-reason TEXT)") from None
    except ExportError as exc:
        raise Refused(str(exc)) from None
    blocked = blocked_slots(meeting, include_internal=args.include_internal,
                            record=record) if reason else []
    if blocked:
        from orat_tui.config import ConfigError, user_name

        try:
            who = user_name()
        except ConfigError as exc:
            raise Refused(str(exc)) from None
        by_slot: dict[str, list[str]] = {}
        for slot, text in blocked:
            by_slot.setdefault(slot, []).append(mask(text))
        # the trail keeps where and which (masked), not the numbers themselves
        for slot, numbers in by_slot.items():
            store.record(meeting.id, who, "override", field=slot, before=", ".join(numbers),
                         after=f"export {args.format}", reason=reason)
    return data
