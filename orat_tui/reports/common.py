"""What every report needs: choosing the series (--series), the words for terms and cadences,
minutes as text."""

from __future__ import annotations

from dataclasses import dataclass

from orat_tui.domain.cadence import BEHIND, MET, MISSED, ON_TRACK, Cadence, Term, TermStatus
from orat_tui.domain.template import WEEKDAYS, Template
from orat_tui.i18n import N_, _, ngettext
from orat_tui.reports import ReportError


@dataclass(frozen=True)
class SeriesChoice:
    id: str
    template_id: str
    name: str
    template: Template | None  # None when the series' template is gone


def choose_series(store, wanted: str | None, templates: dict | None = None) -> list[SeriesChoice]:
    """Every series in the database, or the one `wanted` names: a template id, a series id,
    or the start of a template id or of a series' name (any case); a template that has no
    series yet, by its id. An unknown name is a ReportError."""
    from orat_tui.store.stats import all_series

    if templates is None:
        from orat_tui.config import discover_templates

        templates = discover_templates()
    rows = [SeriesChoice(r.id, r.template_id, r.name,
                         templates[r.template_id].template if r.template_id in templates else None)
            for r in all_series(store)]
    if not wanted:
        return rows
    w = wanted.strip().lower()
    exact = [r for r in rows if w in (r.template_id.lower(), r.id.lower())]
    hits = exact or [r for r in rows
                     if r.name.lower().startswith(w) or r.template_id.lower().startswith(w)]
    if len(hits) == 1:
        return hits
    if not hits and w in {k.lower() for k in templates}:
        # a forum whose template exists but that has not met here yet: nothing held
        key = next(k for k in templates if k.lower() == w)
        t = templates[key].template
        return [SeriesChoice("", key, t.name, t)]
    known = ", ".join(r.template_id for r in rows) or "none yet"
    if not hits:
        raise ReportError(f"no series '{wanted}' (series in this database: {known})")
    raise ReportError(f"'{wanted}' names {len(hits)} series: give its template id ({known})")


def term_label(term: Term) -> str:
    """'HT 2026' in Swedish, 'autumn 2026' in English."""
    text = _("spring {year}") if term.half == 1 else _("autumn {year}")
    return text.format(year=term.year)


def cadence_label(c: Cadence | None) -> str:
    if c is None:
        return _("no requirement")
    if c.count == 1 and c.unit == "week":
        return _("weekly")
    if c.count == 1 and c.unit == "month":
        return _("monthly")
    return {
        "week": _("at least {n} per week"), "month": _("at least {n} per month"),
        "term": _("at least {n} per term"), "year": _("at least {n} per year"),
    }[c.unit].format(n=c.count)


STATES = {ON_TRACK: N_("on track"), BEHIND: N_("behind"), MET: N_("met"), MISSED: N_("not met")}


def state_label(state: str) -> str:
    return _(STATES.get(state, state))


def held_text(st: TermStatus) -> str:
    """'20 of 26 weeks', '2 of 3 meetings', '1 of 2 meetings this year'."""
    n, of = st.held, st.required
    if st.cadence.unit == "week":
        return ngettext("{n} of {of} week", "{n} of {of} weeks", of).format(n=n, of=of)
    if st.cadence.unit == "month":
        return ngettext("{n} of {of} month", "{n} of {of} months", of).format(n=n, of=of)
    if st.cadence.unit == "year":
        return _("{n} of {of} in {year}").format(n=n, of=of, year=st.term.year)
    return _("{n} of {of}").format(n=n, of=of)


def weekday_index(t: Template | None) -> int | None:
    return WEEKDAYS.index(t.weekday) if t is not None and t.weekday else None


def minutes_text(seconds: float) -> str:
    return _("{n} min").format(n=int(round(seconds / 60)))


def cadence_overview(store, templates: dict, today) -> dict[str, TermStatus]:
    """template id -> the current term's status of its series, for every template with a
    cadence (the home screen). One query: this year's meeting days."""
    from datetime import date

    from orat_tui.domain.cadence import term_status
    from orat_tui.store.stats import all_series, meeting_days

    term = Term.of(today)
    days = meeting_days(store, date(today.year, 1, 1), today)
    out: dict[str, TermStatus] = {}
    by_template = {s.template_id: s.id for s in all_series(store)}
    for key, entry in templates.items():
        t = entry.template
        if t.cadence is None:
            continue
        held = days.get(by_template.get(key, ""), [])
        out[key] = term_status(t.cadence, held, term, today, weekday_index(t))
    return out


def due_text(st: TermStatus, today) -> str:
    """'next by fri 27 nov 2026 · HT 2026: 2 of 3, on track' (home screen, `u` view)."""
    from orat_tui.i18n import format_date

    parts = []
    if st.next_due is not None:
        when = format_date(st.next_due)
        parts.append((_("next meeting overdue (by {date})") if st.next_due < today
                      else _("next meeting by {date}")).format(date=when))
    held = _("{held}, {state}").format(held=held_text(st), state=state_label(st.state))
    parts.append(held if st.cadence.unit == "year" else
                 _("{term}: {held}").format(term=term_label(st.term), held=held))
    return " · ".join(parts)
