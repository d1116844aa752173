"""`orat search QUERY` (every note of every meeting) and `orat meetings` (the list).

One line per hit or meeting for people, --json for scripts. Exit codes: 0 something found,
1 nothing found (as grep), 2 an error (one line on stderr)."""

from __future__ import annotations

import sys

from orat_tui.commands import CommandError, open_existing


def register(add_command) -> None:
    search = add_command("search", help="search every note of every meeting, newest first")
    search.add_argument("query", nargs="+", metavar="QUERY",
                        help='words that must all occur in a note; "a phrase" in quotes; '
                             "word* for every word that begins so (möte* finds mötet)")
    search.add_argument("--limit", type=int, default=50, metavar="N",
                        help="at most N hits (default 50)")
    search.add_argument("--series", metavar="TEMPLATE_ID",
                        help="only the meetings of this template's series")
    search.add_argument("--json", action="store_true", help="print JSON, for scripts")
    search.set_defaults(run=run_search)

    meetings = add_command("meetings", help="list the meetings, newest first")
    meetings.add_argument("--series", metavar="TEMPLATE_ID",
                          help="only the meetings of this template's series")
    meetings.add_argument("--limit", type=int, default=None, metavar="N",
                          help="at most N meetings (default all)")
    meetings.add_argument("--json", action="store_true", help="print JSON, for scripts")
    meetings.set_defaults(run=run_meetings)


def fail(message: str) -> int:
    print(f"orat: {' '.join(str(message).split())}", file=sys.stderr)
    return 2


def series_of(store, template_id: str | None) -> str | None:
    """The series id of a template's meetings (None: every series)."""
    if not template_id:
        return None
    series = store.list_series()
    for s in series:
        if s.template_id == template_id:
            return s.id
    known = ", ".join(sorted(s.template_id for s in series)) or "none yet"
    raise CommandError(f"no meetings of template '{template_id}' in this database "
                       f"(series here: {known})")


def run_search(args) -> int:
    from sqlalchemy.exc import DBAPIError

    from orat_tui.store.search import SearchUnavailable, search

    if args.limit < 1:
        return fail("--limit must be 1 or more")
    try:
        store = open_existing(args)
        try:
            hits = search(store, " ".join(args.query), limit=args.limit,
                          series_id=series_of(store, args.series))
        finally:
            store.close()
    except (CommandError, SearchUnavailable) as exc:
        return fail(str(exc))
    except DBAPIError as exc:
        return fail(f"search failed ({exc.orig})")
    if args.json:
        print_json([{
            "meeting_id": h.meeting_id, "title": h.title,
            "started_at": h.started_at.isoformat(timespec="minutes"), "state": h.state,
            "series": h.series_name, "slot": h.slot, "where": h.where,
            "internal": h.internal, "snippet": h.snippet,
            "spans": [{"text": t, "match": m} for t, m in h.spans],
        } for h in hits])
    else:
        for h in hits:
            print(hit_line(h))
        if not hits:
            print("no note matches", file=sys.stderr)
    return 0 if hits else 1


def hit_line(hit) -> str:
    """'2026-11-20 09:00  Örat mot marken · Malmö  Polisen · Gången vecka:  …[inbrott] i…'"""
    from orat_tui.i18n import _
    from orat_tui.store.search import one_line

    where = one_line(hit.where)
    if hit.internal:
        where += " (" + _("Internal").lower() + ")"
    return f"{hit.started_at:%Y-%m-%d %H:%M}  {one_line(hit.title)}  {where}:  {hit.snippet}"


def run_meetings(args) -> int:
    from sqlalchemy.exc import DBAPIError

    from orat_tui.store.search import list_meetings

    if args.limit is not None and args.limit < 1:
        return fail("--limit must be 1 or more")
    try:
        store = open_existing(args)
        try:
            rows = list_meetings(store, series_id=series_of(store, args.series),
                                 limit=args.limit)
        finally:
            store.close()
    except CommandError as exc:
        return fail(str(exc))
    except DBAPIError as exc:
        return fail(f"listing the meetings failed ({exc.orig})")
    if args.json:
        print_json([{
            "id": r.id, "title": r.title,
            "started_at": r.started_at.isoformat(timespec="minutes"),
            "ended_at": r.ended_at.isoformat(timespec="minutes") if r.ended_at else None,
            "state": r.state, "series": r.series_name, "template_id": r.template_id,
        } for r in rows])
    else:
        from orat_tui.export.markdown import STATES
        from orat_tui.i18n import _
        from orat_tui.store.search import one_line

        for r in rows:
            state = _(STATES.get(r.state, r.state))
            print(f"{r.started_at:%Y-%m-%d %H:%M}  {one_line(r.series_name)}  {state:<9}  {r.id}")
        if not rows:
            print("no meetings", file=sys.stderr)
    return 0 if rows else 1


def print_json(data) -> None:
    import json

    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
