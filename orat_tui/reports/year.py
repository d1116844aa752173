"""`orat report year [YEAR] [--series S]`: the yearly follow-up the Fem Fokus agreement asks
for. Every measure (action) that was alive in the year, per focus area, with its goals, status
and results; first the overview the crime-prevention council is told of (planned, ongoing and
finished measures per focus area)."""

from __future__ import annotations

from datetime import date

from orat_tui.domain.actions import DONE, DROPPED, ONGOING, PLANNED, Action, format_number
from orat_tui.i18n import N_, _, format_date
from orat_tui.reports import Paragraph, Report, ReportError, Section, Table
from orat_tui.reports.common import choose_series

STATUS = {PLANNED: N_("planned"), ONGOING: N_("ongoing"), DONE: N_("finished"),
          DROPPED: N_("dropped")}
NONE = ""  # the focus area of an action that has none


def status_label(status: str) -> str:
    return _(STATUS.get(status, status))


def parse_year(text: str | None, today: date) -> int:
    if not text:
        return today.year
    t = text.strip()
    if t.isdigit() and len(t) == 4 and 1900 < int(t) < 2200:
        return int(t)
    raise ReportError(f"'{text}' is not a year (write it like {today.year})")


def goal_text(a: Action) -> str:
    return " · ".join(x for x in (format_number(a.goal_target), a.goal) if x) or "–"


def result_text(a: Action) -> str:
    return " · ".join(x for x in (format_number(a.result_value), a.result) if x) or "–"


def when_text(a: Action) -> str:
    if a.closed_on is not None:
        return format_date(a.closed_on)
    return _("by {date}").format(date=format_date(a.due)) if a.due else "–"


def who_text(a: Action) -> str:
    who = a.responsible_name or a.responsible
    if a.with_member:
        who += " + " + (a.with_name or a.with_member)
    return who or "–"


def build(store, args, today: date, templates=None) -> Report:
    from orat_tui.config_focus import load_focus_areas
    from orat_tui.store.actions import actions_of_year
    from orat_tui.store.focus import tagged_notes_per_area

    year = parse_year(getattr(args, "what", None), today)
    areas = load_focus_areas()
    series_id = None
    meta = [_("As of {date}").format(date=format_date(today))]
    names: dict[str, str] = {}
    if getattr(args, "series", None):
        chosen = choose_series(store, args.series, templates)[0]
        series_id = chosen.id or "-"  # a forum that has not met has no measures either
        meta.append(_("Series: {name}").format(name=chosen.name))
    else:
        from orat_tui.store.stats import all_series

        names = {s.id: s.name for s in all_series(store)}
    actions = actions_of_year(store, year, series_id)
    if len(names) == 1:  # the database holds one series: name it, no column for it
        meta.append(_("Series: {name}").format(name=next(iter(names.values()))))
        names = {}
    tagged = tagged_notes_per_area(store, year, series_id)
    report = Report("year", _("Yearly follow-up {year}: measures per focus area").format(year=year),
                    meta=meta)
    order = [a.key for a in areas]
    order += sorted({a.focus_area for a in actions if a.focus_area and a.focus_area not in order})
    label = {a.key: a.name for a in areas}
    groups = {key: [a for a in actions if a.focus_area == key] for key in order}
    groups[NONE] = [a for a in actions if not a.focus_area or a.focus_area not in order]

    overview = Section(_("Planned, ongoing and finished measures"))
    if not actions:
        overview.blocks.append(Paragraph(_("No measures in {year}: record them with F7 in a "
                                           "meeting.").format(year=year)))
    rows = []
    for key in [*order, NONE]:
        group = groups.get(key, [])
        if not group and not tagged.get(key):
            continue
        counts = [sum(a.status == s for a in group) for s in (PLANNED, ONGOING, DONE, DROPPED)]
        rows.append([label.get(key, key) or _("No focus area"), *map(str, counts),
                     str(tagged.get(key, 0))])
    if rows:
        overview.blocks.append(Table(
            [_("Focus area"), _("Planned"), _("Ongoing"), _("Completed"), _("Abandoned"),
             _("Notes")], rows, right=(1, 2, 3, 4, 5)))
    report.sections.append(overview)

    for key in [*order, NONE]:
        group = groups.get(key, [])
        if not group:
            continue
        sec = Section(label.get(key, key) or _("No focus area"))
        columns = [_("Measure"), _("Responsible"), _("Goal"), _("Status"), _("Date"),
                   _("Result")]
        if names:
            columns.insert(1, _("Series"))
        table = []
        for a in sorted(group, key=lambda a: ([PLANNED, ONGOING, DONE, DROPPED].index(a.status)
                                              if a.status in STATUS else 9,
                                              a.due or date.max, a.what)):
            row = [a.what, who_text(a), goal_text(a), status_label(a.status), when_text(a),
                   result_text(a)]
            if names:
                row.insert(1, names.get(a.series_id, ""))
            table.append(row)
        sec.blocks.append(Table(columns, table))
        said = [a for a in group if a.evaluation.strip()]
        if said:
            sec.blocks.append(Table([_("Evaluation of"), _("Evaluation")],
                                    [[a.what, a.evaluation] for a in said]))
        report.sections.append(sec)
    from orat_tui.reports.term import statistics_sections

    chosen = choose_series(store, getattr(args, "series", None), templates)
    report.sections += statistics_sections(store, chosen, date(year, 1, 1), date(year, 12, 31))
    return report
