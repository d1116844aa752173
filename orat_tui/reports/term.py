"""`orat report term [TERM] [--series S]`: per series, meetings held against the cadence its
template requires, the weeks or months without a meeting, and per member attendance and
speaking time against budget over the term's meetings."""

from __future__ import annotations

from datetime import date

from orat_tui.domain.cadence import CadenceError, Term, TermStatus, parse_term, term_status
from orat_tui.i18n import MONTH_SHORT, _, format_date, ngettext
from orat_tui.reports import Bar, Bars, Paragraph, Report, ReportError, Section, Table
from orat_tui.reports.common import (
    SeriesChoice,
    cadence_label,
    choose_series,
    held_text,
    minutes_text,
    state_label,
    term_label,
    weekday_index,
)


def which_term(text: str | None, today: date) -> Term:
    if not text:
        return Term.of(today)
    try:
        return parse_term(text)
    except CadenceError as exc:
        raise ReportError(str(exc)) from None


def series_status(series: SeriesChoice, days: list[date], term: Term,
                  today: date) -> TermStatus | None:
    t = series.template
    if t is None or t.cadence is None:
        return None
    return term_status(t.cadence, days, term, today, weekday_index(t))


def build(store, args, today: date, templates: dict | None = None) -> Report:
    from orat_tui.store.stats import last_meetings, meeting_days

    term = which_term(getattr(args, "what", None), today)
    chosen = choose_series(store, getattr(args, "series", None), templates)
    # a yearly cadence counts over the whole year the term is in
    days = meeting_days(store, date(term.year, 1, 1), date(term.year, 12, 31))
    report = Report("term", _("Term report {term}").format(term=term_label(term)), meta=[
        _("{start} to {end}").format(start=format_date(term.start), end=format_date(term.end)),
        _("As of {date}").format(date=format_date(today)),
    ])
    overview = Table([_("Series"), _("Requirement"), _("Meetings"), _("Held"), _("State"),
                      _("Next due")], [], right=(2,))
    report.sections.append(Section(_("Meetings held against required"), [overview]))
    for series in chosen:
        in_year = days.get(series.id, [])
        in_term = [d for d in in_year if d in term]
        st = series_status(series, in_year, term, today)
        due = "" if st is None or st.next_due is None else format_date(st.next_due)
        if st is not None and st.next_due is not None and st.next_due < today:
            due = _("{date} (overdue)").format(date=due)
        overview.rows.append([
            series.name, cadence_label(None if st is None else st.cadence), str(len(in_term)),
            "" if st is None else held_text(st), "" if st is None else state_label(st.state), due,
        ])
        ids = [mid for mid, _started in last_meetings(store, series.id, 1000, term.end, term.start)]
        report.sections.append(_series_section(store, series, st, ids))
    if not chosen:
        report.sections[0].blocks = [Paragraph(_("No series has met yet."))]
    return report


def _series_section(store, series: SeriesChoice, st: TermStatus | None, ids: list[str]) -> Section:
    from orat_tui.store.stats import member_stats

    sec = Section(series.name)
    if st is not None and st.missing:
        spans = _spans(st.missing, st.cadence.unit)
        sec.blocks.append(Paragraph(_("Without enough meetings: {spans}").format(spans=spans)))
    if not ids:
        sec.blocks.append(Paragraph(_("No meetings in this term.")))
        return sec
    sec.blocks += member_blocks(member_stats(store, ids), len(ids))
    return sec


def statistics_sections(store, chosen: list[SeriesChoice], start: date, end: date) -> list[Section]:
    """Per series that met from `start` to `end`: attendance and speaking time per member
    over those meetings (the year report's closing sections)."""
    from orat_tui.store.stats import last_meetings, member_stats

    out = []
    for series in chosen:
        ids = [mid for mid, _s in last_meetings(store, series.id, 10_000, end, start)]
        if ids:
            out.append(Section(_("Attendance and speaking time: {series}").format(
                series=series.name), member_blocks(member_stats(store, ids), len(ids))))
    return out


def member_blocks(stats, meetings: int) -> list:
    """Attendance and speaking time per member as bars (the term report and the `u` view)."""
    attendance = Bars([Bar(m.short, m.present, m.meetings,
                           _("{n} of {of}").format(n=m.present, of=m.meetings),
                           warn=m.meetings > 0 and m.present * 2 < m.meetings)
                       for m in stats],
                      caption=ngettext("Attendance per member, {n} meeting",
                                       "Attendance per member, {n} meetings",
                                       meetings).format(n=meetings))
    top = max([m.spoken for m in stats] + [1.0])
    speaking = Bars([Bar(m.short, m.spoken, max(m.spoken, m.budget) if m.budget else top,
                         _("{spoken} of {budget}").format(spoken=minutes_text(m.spoken),
                                                          budget=minutes_text(m.budget))
                         if m.budget else minutes_text(m.spoken),
                         mark=m.budget or None, warn=bool(m.budget) and m.spoken > m.budget)
                     for m in stats],
                    caption=ngettext("Speaking time per member against the budget of their turns "
                                     "(the mark), {n} meeting",
                                     "Speaking time per member against the budget of their turns "
                                     "(the mark), {n} meetings", meetings).format(n=meetings))
    return [attendance, speaking]


def _spans(ws, unit: str) -> str:
    """The windows without enough meetings, runs of weeks or months joined: 'weeks 27-42, 45'."""
    if unit not in ("week", "month"):
        return ", ".join(f"{format_date(w.start)} – {format_date(w.end)}" for w in ws)
    runs: list[list] = []
    for w in ws:
        if runs and (w.start - runs[-1][-1].end).days == 1:
            runs[-1].append(w)
        else:
            runs.append([w])

    def name(w) -> str:
        if unit == "week":
            return str(w.start.isocalendar()[1])
        month = _(MONTH_SHORT[w.start.month - 1])
        return f"{month} {w.start.year}"

    parts = [name(r[0]) if len(r) == 1 else f"{name(r[0])}–{name(r[-1])}" for r in runs]
    if unit == "week":
        return ngettext("week {list}", "weeks {list}", len(ws)).format(list=", ".join(parts))
    return ", ".join(parts)
