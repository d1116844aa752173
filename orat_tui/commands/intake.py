"""`orat intake form TEMPLATE` writes the preparation form a member's organisation fills in
before a meeting; `orat intake read FILE` reads a filled-in form into the preparation of the
series' next meeting (orat_tui.intake_form, orat_tui.store.intake)."""

from __future__ import annotations

import sys


def register(add_command) -> None:
    intake = add_command("intake", help="preparation before a meeting: write the form members "
                                        "fill in, read a filled-in form back")
    sub = intake.add_subparsers(dest="intake_command", metavar="form|read", required=True)

    # the common options again, so they work after `form`/`read` too
    def common(p):
        import argparse

        p.add_argument("--db", metavar="PATH|URL", default=argparse.SUPPRESS,
                       help="database file or URL (default: $ORAT_DB, else the user data folder)")
        p.add_argument("--lang", choices=("sv", "en"), default=argparse.SUPPRESS,
                       help="language of the form (default sv)")
        return p

    form = common(sub.add_parser("form", help="write the plain-text form for a template's next meeting"))
    form.add_argument("template", metavar="TEMPLATE", help="template id, see `orat templates`")
    form.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: print it)")
    form.add_argument("--member", metavar="KEY",
                      help="the member the form is for (default: the one filling it in writes it)")
    form.add_argument("--date", metavar="YYYY-MM-DD",
                      help="the meeting's day (default: the template's next meeting day)")
    form.add_argument("--force", action="store_true", help="replace FILE if it exists")
    form.set_defaults(run=cmd_form)

    read = common(sub.add_parser("read", help="read a filled-in form into the preparation of "
                                              "the series' next meeting"))
    read.add_argument("file", metavar="FILE", help="a form written by `orat intake form`")
    read.add_argument("--template", metavar="TEMPLATE",
                      help="refuse a form that is not for this template")
    read.add_argument("--meeting", metavar="MEETING",
                      help="read it into a meeting that has started (its id, the start of it, or "
                           "latest) instead of the next one; the change is recorded in its history")
    how = read.add_mutually_exclusive_group()
    how.add_argument("--replace", action="store_true",
                     help="the form's text replaces other text already prepared")
    how.add_argument("--append", action="store_true",
                     help="add the form's text after text already prepared (several units' forms)")
    read.set_defaults(run=cmd_read)


def _fail(message: str, code: int = 2) -> int:
    print(f"orat: {message}", file=sys.stderr)
    return code


def _language(args) -> None:
    from orat_tui.config import load_user_config
    from orat_tui.i18n import set_language

    set_language(getattr(args, "lang", None) or load_user_config().language)


def _template(key: str):
    from orat_tui.config import discover_templates

    templates = discover_templates()
    entry = templates.get(key)
    if entry is None:
        raise LookupError(f"unknown template '{key}' (known: {', '.join(templates)})")
    return entry.template


def cmd_form(args) -> int:
    from datetime import date
    from pathlib import Path

    from orat_tui.domain.intake import next_meeting_date
    from orat_tui.files import write_private
    from orat_tui.intake_form import write_form

    _language(args)
    try:
        template = _template(args.template)
    except LookupError as exc:
        return _fail(str(exc))
    keys = [m.key for m in template.members]
    if args.member and args.member not in keys:
        return _fail(f"unknown member '{args.member}' of {template.id} (known: {', '.join(keys)})")
    try:
        day = date.fromisoformat(args.date) if args.date else next_meeting_date(template, date.today())
    except ValueError:
        return _fail(f"--date '{args.date}' is not a date like 2026-11-26")
    text = write_form(template, args.member or "", day)
    if not args.output or args.output == "-":
        sys.stdout.write(text)
        return 0
    out = Path(args.output).expanduser()
    if out.is_dir():
        return _fail(f"{out} is a folder; name the file to write")
    if out.exists() and not args.force:
        return _fail(f"{out} already exists; add --force to replace it")
    try:
        write_private(out, text)
    except OSError as exc:
        return _fail(f"cannot write {out} ({exc.strerror or exc})")
    who = args.member or "any member (they write their key in it)"
    print(f"wrote the form for {who}, {template.name}, meeting {day.isoformat()}, to {out}; "
          f"read it back with: orat intake read {out.name}")
    return 0


def _open_store(args):
    """The database of --db; without --db (and $ORAT_DB) the default one, made on first use
    (a coordinator may prepare before the first meeting)."""
    import os

    from orat_tui.commands import CommandError, open_existing

    try:
        return open_existing(args)
    except CommandError:
        if getattr(args, "db", None) or os.environ.get("ORAT_DB"):
            raise
    from orat_tui.store.db import StoreError
    from orat_tui.store.meetings import open_store

    try:
        return open_store(None)
    except StoreError as exc:
        raise CommandError(str(exc)) from None


def cmd_read(args) -> int:
    from datetime import date, datetime
    from pathlib import Path

    from sqlalchemy.exc import DBAPIError

    from orat_tui.commands import CommandError
    from orat_tui.config import user_name
    from orat_tui.intake_form import (
        FormError, check_form, decode, first_difference, parse_form, plan_read,
        refuse_personal_numbers,
    )
    from orat_tui.store.intake import prepared, save_prepared
    from orat_tui.store.meetings import ApprovedError

    path = Path(args.file).expanduser()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return _fail(f"{path}: no such file")
    except OSError as exc:
        return _fail(f"{path}: cannot be read ({exc.strerror or exc})")
    try:
        form = parse_form(decode(data))
        if args.template and args.template != form.template:
            raise FormError(form.lines.get("template", 0), f"the form is for template "
                            f"'{form.template}', not '{args.template}'")
        try:
            template = _template(form.template)
        except LookupError as exc:
            raise FormError(form.lines.get("template", 0), str(exc)) from None
        answers = check_form(form, template)
        refuse_personal_numbers(form)
    except FormError as exc:
        where = f"{path}:{exc.line}" if exc.line else f"{path}"
        return _fail(f"{where}: {exc.message}")
    try:
        store = _open_store(args)
    except CommandError as exc:
        return _fail(str(exc))
    now = datetime.now()
    meeting_id = None
    try:
        series = store.series_for_template(template, now)
        if args.meeting:
            meeting_id = _meeting_of(store, args.meeting, series, template)
        have = {f: p.text for (m, f), p in prepared(store, series, meeting_id).items()
                if m == form.member}
        mode = "replace" if args.replace else "append" if args.append else ""
        plan = plan_read(have, answers, mode)
        if plan.differs and not mode:
            which = "that meeting" if meeting_id else f"{template.name}'s next meeting"
            print(f"orat: {path}: {form.member} already has other text prepared for "
                  f"{which}; nothing was read:", file=sys.stderr)
            for key in plan.differs:
                line, mine, theirs = first_difference(have[key], answers[key])
                print(f"  {key}, line {line}: prepared \"{mine}\", the form says \"{theirs}\"",
                      file=sys.stderr)
            print("  add --replace to use the form's text, or --append to add it after",
                  file=sys.stderr)
            return 1
        save_prepared(store, series, {(form.member, k): v for k, v in plan.write.items()},
                      who=store.identity(user_name()), now=now, meeting_id=meeting_id,
                      source="form")
        live = store.unfinished()
    except (LookupError, ApprovedError) as exc:
        return _fail(str(exc).strip("'\""))
    except DBAPIError as exc:
        return _fail(f"reading the form failed ({str(exc.orig).splitlines()[0]})")
    finally:
        store.close()
    written = len(plan.write)
    parts = [f"{written} section{'' if written == 1 else 's'} written"]
    if plan.unchanged:
        parts.append(f"{len(plan.unchanged)} already there")
    if not answers:
        parts = ["the form's sections are all empty: nothing to read"]
    print(f"read {path.name} for {form.member}, {template.name}: {', '.join(parts)}")
    if meeting_id is None and live is not None and live.series_id == series:
        print("note: a meeting of this series is under way; this input is for the meeting "
              "after it")
    if meeting_id is None and form.meeting and form.meeting < date.today():
        print(f"note: the form was for the meeting of {form.meeting.isoformat()}; it is read "
              "into the series' next meeting")
    return 0


def _meeting_of(store, ref: str, series: str, template) -> str:
    """The meeting --meeting names; it must be one of the form's series."""
    from orat_tui.store.handoff import HandoffError, resolve_meeting

    try:
        meeting_id = resolve_meeting(store, ref)
    except HandoffError as exc:
        raise LookupError(str(exc)) from None
    info = store.meetings_named(meeting_id)[0]
    if info.series_id != series:
        raise LookupError(f"the meeting {meeting_id[:8]} ({info.title}) is not of "
                          f"{template.name}, the form's template")
    return meeting_id
