"""`orat briefing [--series S] [--format md|html] [-o FILE]`: the Friday briefing, the current
combined picture of a series on one page for those working or night-walking over the weekend.
Levels per area, hotspots, open events with their likely development, planned measures, and
contacts from the template. Internal (egen) events never appear. Files are 0600."""

from __future__ import annotations

import argparse

from orat_tui.commands import write_output

FORMATS = ("md", "html")


def register(add_command) -> None:
    p: argparse.ArgumentParser = add_command(
        "briefing", help="the current picture of a series on one page (the Friday briefing)")
    p.add_argument("--series", metavar="S",
                   help="template id or series name (default: the series of the newest meeting)")
    p.add_argument("--format", "-f", dest="format", default="md", choices=FORMATS,
                   metavar="md|html", help="md (e-mail, chat; default) or html (prints on A4)")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write to FILE, readable by you only (default: stdout)")
    p.set_defaults(run=run)


def pick_series(store, wanted: str | None):
    """The SeriesInfo `wanted` names (template id, name, or a unique start of either, any
    case); without it, the series of the newest meeting."""
    from orat_tui.commands import CommandError

    series = store.list_series()
    if not wanted:
        held = [s for s in series if s.last_meeting is not None]
        if not held:
            raise CommandError("there are no meetings in this database, so no picture yet")
        return max(held, key=lambda s: s.last_meeting)
    key = wanted.strip().casefold()
    known = ", ".join(sorted(s.template_id for s in series)) or "none yet"
    names = [(s, (s.template_id.casefold(), s.name.casefold(), s.id)) for s in series]
    exact = [s for s, values in names if key in values]
    starts = [s for s, values in names if key and any(v.startswith(key) for v in values)]
    for hits in (exact, starts):
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            raise CommandError(f"'{wanted}' names more than one series (known: {known})")
    raise CommandError(f"no series '{wanted}' (known: {known})")


def run(args: argparse.Namespace) -> int:
    import sys
    from datetime import datetime

    from orat_tui.commands import CommandError, open_existing

    try:
        store = open_existing(args)
    except CommandError as exc:
        print(f"orat: {exc}", file=sys.stderr)
        return 2
    try:
        text = make(store, args.series, args.format, datetime.now())
    except CommandError as exc:
        print(f"orat: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    return write_output(text, args.output)


def make(store, series_ref: str | None, fmt: str, now) -> str:
    """The briefing of a series as text; CommandError with one line when it cannot be made."""
    from orat_tui.checklists import load_checklist
    from orat_tui.commands import CommandError
    from orat_tui.config import ConfigError, discover_templates
    from orat_tui.export.briefing import BriefingError, build, render

    info = pick_series(store, series_ref)
    try:
        entry = discover_templates().get(info.template_id)
        template = entry.template if entry is not None else None
        checklist = load_checklist(template.checklist) if template and template.checklist else None
    except ConfigError as exc:
        raise CommandError(str(exc)) from None
    if template is not None:
        store.sync_areas(info.id, template.areas, now)
    data = store.picture(info.id)
    if not data.meetings:
        raise CommandError(f"the series {info.template_id} has no meetings yet, so no picture")
    members = {m.key: m.name for m in template.members} if template else {}
    try:
        doc = build(data, info.name, template.contacts if template else (), checklist, now,
                    members)
        return render(doc, fmt)
    except BriefingError as exc:
        raise CommandError(str(exc)) from None
