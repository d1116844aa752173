"""How the follow-up view (`u`) draws a citizen promise and each of its commitments: the
commitment's text, then its progress bar against the share of the period (or year) gone,
or done / not done yet for a commitment without a number."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from orat_tui.domain.promises import (
    BEHIND,
    DONE,
    MET,
    MISSED,
    Commitment,
    Promise,
    current,
    share_gone,
    state_of,
)
from orat_tui.i18n import _, format_date, ngettext
from orat_tui.reports import text_bar

STATE_STYLE = {MET: "green", DONE: "green", BEHIND: "red", MISSED: "red"}


def commitment_lines(c: Commitment, p: Promise, today: date, width: int) -> Text:
    """Two lines: the commitment, then its bar (or done/open) with figures and state."""
    from orat_tui.reports.promises import state_label

    out = Text("  ")
    text = " ".join(c.text.split())
    out.append(text if len(text) <= width - 4 else text[: width - 5] + "…")
    out.append("\n    ")
    state = state_of(c, p, today)
    style = STATE_STYLE.get(state, "")
    w = current(c, p, today)
    if w is None:
        out.append("✓ " if c.done else "☐ ", style=style or "bold")
        out.append(state_label(state), style=style)
        return out
    mark = w.expected if 0 < w.share < 1 else None
    out.append(text_bar(w.done, max(w.target, w.done), 20, mark), style=style or "cyan")
    figures = _("{done} of {target}").format(done=w.done, target=w.target)
    if c.per_year:
        figures += " " + _("in {year}").format(year=w.start.year)
    if mark is not None:
        figures += " · " + _("{n} expected by now").format(n=int(w.expected))
    out.append(f"  {figures} · ")
    out.append(state_label(w.state), style=style)
    if c.pending:
        out.append(" · " + ngettext("{n} action under way", "{n} actions under way",
                                    c.pending).format(n=c.pending), style="dim")
    return out


def promise_lines(p: Promise, today: date) -> Text:
    gone = int(share_gone(p.starts, p.ends, today) * 100)
    out = Text(p.title, style="bold")
    out.append("\n  " + _("{start} – {end}, {share} % gone").format(
        start=format_date(p.starts), end=format_date(p.ends), share=gone), style="dim")
    if p.areas:
        out.append(" · " + ", ".join(p.areas), style="dim")
    return out
