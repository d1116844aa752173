"""`orat report promises [PROMISE] [--series S]`: the follow-up of citizen promises
(medborgarlöften) that the seed asks for at the end of the period: per commitment its target,
what was done (per year where the target is yearly), its state and its evaluation."""

from __future__ import annotations

from datetime import date

from orat_tui.domain.promises import (
    BEHIND,
    DONE,
    MET,
    MISSED,
    NOT_STARTED,
    ON_TRACK,
    OPEN,
    Commitment,
    Promise,
    progress,
    share_gone,
    state_of,
)
from orat_tui.i18n import N_, _, format_date
from orat_tui.reports import Bar, Bars, Paragraph, Report, ReportError, Section, Table
from orat_tui.reports.common import choose_series

STATES = {NOT_STARTED: N_("not started"), ON_TRACK: N_("on track"), BEHIND: N_("behind"),
          MET: N_("met"), MISSED: N_("not met"), OPEN: N_("not done yet"), DONE: N_("done")}


def state_label(state: str) -> str:
    return _(STATES.get(state, state))


def short_label(c: Commitment, width: int = 28) -> str:
    """What a commitment counts, for a bar: its unit, else the start of its text."""
    text = c.unit or " ".join(c.text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def target_text(c: Commitment) -> str:
    if c.target is None:
        return _("no number")
    if c.per_year:
        return _("at least {n} every year").format(n=c.target)
    return _("at least {n}").format(n=c.target)


def result_text(c: Commitment, p: Promise, today: date) -> str:
    if c.target is None:
        return _("done") if c.done else _("not done")
    windows = progress(c, p, today)
    if len(windows) == 1:
        return str(windows[0].done)
    return ", ".join(f"{w.start.year}: {w.done}" if w.start.month == 1 and w.start.day == 1
                     else f"{format_date(w.start)}: {w.done}" for w in windows)


def bars(p: Promise, today: date, width: int = 28) -> Bars:
    """A bar per numeric commitment (per year of it where the target is yearly): done of
    target, the mark where it should be by now."""
    out = []
    for c in p.commitments:
        windows = progress(c, p, today)
        for w in windows:
            label = short_label(c, width)
            if len(windows) > 1:
                label = f"{label} {w.start.year}"
            text = _("{done} of {target}").format(done=w.done, target=w.target)
            if w.state in (ON_TRACK, BEHIND):
                text += " · " + _("{n} expected by now").format(n=int(w.expected))
            out.append(Bar(label, w.done, max(w.target, w.done), f"{text} · {state_label(w.state)}",
                           mark=w.expected if 0 < w.share < 1 else None,
                           warn=w.state in (BEHIND, MISSED)))
    return Bars(out, caption=_("Progress against the share of the period (or year) gone "
                               "(the mark)"))


def period_text(p: Promise, today: date) -> str:
    gone = share_gone(p.starts, p.ends, today)
    return _("Period {start} – {end} ({share} % gone)").format(
        start=format_date(p.starts), end=format_date(p.ends), share=int(gone * 100))


def choose_promises(store, args, templates=None) -> list[Promise]:
    from orat_tui.store.promises import list_promises

    series_id = None
    if getattr(args, "series", None):
        series_id = choose_series(store, args.series, templates)[0].id
        if not series_id:  # a template that has not met here yet follows nothing up
            return []
    promises = list_promises(store, series_id)
    wanted = (getattr(args, "what", None) or "").strip().lower()
    if wanted:
        hits = [p for p in promises if p.id.lower().startswith(wanted)
                or p.title.lower().startswith(wanted)]
        if not hits:
            known = "; ".join(p.title for p in promises) or "none yet"
            raise ReportError(f"no promise '{args.what}' (promises: {known})")
        promises = hits
    return promises


def build(store, args, today: date, templates=None) -> Report:
    from orat_tui.store.stats import all_series

    promises = choose_promises(store, args, templates)
    names = {s.id: s.name for s in all_series(store)}
    report = Report("promises", _("Citizen promises: follow-up"),
                    meta=[_("As of {date}").format(date=format_date(today))])
    if not promises:
        report.sections.append(Section(_("Citizen promises"), [Paragraph(
            _("No promises yet: add one with u on the home screen."))]))
    for p in promises:
        report.sections.append(promise_section(p, today, names.get(p.series_id or "", "")))
    return report


def promise_section(p: Promise, today: date, series_name: str = "") -> Section:
    sec = Section(p.title)
    sec.blocks.append(Paragraph(period_text(p, today)))
    if p.areas:
        sec.blocks.append(Paragraph(_("Areas: {areas}").format(areas=", ".join(p.areas))))
    if series_name:
        sec.blocks.append(Paragraph(_("Followed up in: {series}").format(series=series_name)))
    if p.description:
        sec.blocks.append(Paragraph(p.description))
    if not p.commitments:
        sec.blocks.append(Paragraph(_("No commitments yet.")))
        return sec
    sec.blocks.append(Table([_("Commitment"), _("Target"), _("Result"), _("State")], [
        [c.text, target_text(c), result_text(c, p, today), state_label(state_of(c, p, today))]
        for c in p.commitments]))
    b = bars(p, today)
    if b.bars:
        sec.blocks.append(b)
    said = [c for c in p.commitments if c.evaluation.strip()]
    if said or p.evaluation.strip():
        rows = [[short_label(c, 40), c.evaluation] for c in said]
        if p.evaluation.strip():
            rows.append([_("The promise as a whole"), p.evaluation])
        sec.blocks.append(Table([_("Evaluation of"), _("Evaluation")], rows))
    return sec
