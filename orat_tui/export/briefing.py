"""The Friday briefing (seed 003: "utsättning" for everyone working or night-walking over the
weekend): the current combined picture on one page. Levels per area, hotspots, open events
with their likely development, planned measures, and the template's contacts. Internal
(egen) events stay out, always; so do the reasons given for levels (they are the meeting's).

Built from a PictureData (orat_tui.domain.picture); no I/O, no Textual."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape as _html

from orat_tui.domain.areas import Area, ContactSpec
from orat_tui.domain.events import Event, shareable
from orat_tui.domain.picture import PictureData
from orat_tui.domain.signals import Checklist, Score, signed
from orat_tui.i18n import _, format_date
from orat_tui.labels_picture import LEVEL_HTML, area_kind, level_name, level_short

FORMATS = ("md", "html")


class BriefingError(Exception):
    """A briefing that is not written: one line for the user."""


@dataclass(frozen=True)
class AreaLine:
    area: Area
    level: str
    before: str | None  # the level at the meeting before, when there was one
    score: Score | None
    delta: int | None
    open_events: int


@dataclass(frozen=True)
class Briefing:
    series: str
    meeting_date: datetime | None
    combined: str
    confirmed: bool
    areas: tuple[AreaLine, ...]
    events: tuple[Event, ...]
    contacts: tuple[ContactSpec, ...]
    written: datetime
    raised_by: dict[str, str]

    def area_name(self, area_id: str | None) -> str:
        return next((a.area.name for a in self.areas if a.area.id == area_id), "–")


def build(data: PictureData, series: str, contacts: tuple[ContactSpec, ...],
          checklist: Checklist | None, now: datetime,
          members: dict[str, str] | None = None) -> Briefing:
    """The briefing as of the series' latest meeting. Refuses when a personal identity number
    is in what would be written (individual cases never leave the meeting)."""
    latest = data.latest()
    before = data.previous(latest)
    lines = []
    for area in data.areas:
        score = data.score(checklist, latest, area.id) if checklist and latest else None
        lines.append(AreaLine(
            area=area, level=data.level(latest, area.id),
            before=data.level(before, area.id) if before else None,
            score=score if score is not None and not score.empty else None,
            delta=data.score_change(checklist, latest, area.id) if checklist and latest
            else None,
            open_events=len(shareable(data.open_events(area.id)))))
    combined, confirmed = data.combined_level(latest)
    events = tuple(shareable(data.open_events()))
    _refuse_personal_numbers(events)
    return Briefing(series=series, meeting_date=data.started(latest) if latest else None,
                    combined=combined, confirmed=confirmed, areas=tuple(lines), events=events,
                    contacts=contacts, written=now, raised_by=members or {})


def _refuse_personal_numbers(events: tuple[Event, ...]) -> None:
    from orat_tui.domain.events import TEXT_FIELDS
    from orat_tui.domain.personnummer import find_personal_numbers
    from orat_tui.export.guard import mask

    for e in events:
        for name in ("title", *TEXT_FIELDS):
            found = find_personal_numbers(getattr(e, name))
            if found:
                raise BriefingError(_("a personal identity number ({number}) is in the event "
                                      "“{title}”: not written; remove it first").format(
                    number=mask(found[0].text), title=e.title))


def when_text(d: datetime | None) -> str:
    return format_date(d.date()) if d else "–"


def change_text(line: AreaLine) -> str:
    if line.before is None or line.before == line.level:
        return ""
    return _("from {level}").format(level=level_name(line.before))


def signals_text(line: AreaLine) -> str:
    if line.score is None:
        return "–"
    delta = signed(line.delta)
    return f"{line.score.total}/{line.score.maximum}" + (f" ({delta})" if delta else "")


def development(e: Event) -> list[tuple[str, str]]:
    return [(label, " ".join(text.split())) for label, text in (
        (_("Best"), e.best_case), (_("Most likely"), e.likely_case), (_("Worst"), e.worst_case),
        (_("Consequences"), e.consequences)) if text.strip()]


# -- Markdown ------------------------------------------------------------------------------
def markdown(b: Briefing) -> str:
    from orat_tui.export.markdown import escape

    out: list[str] = []
    add = out.append
    add("# " + escape(_("Situational picture for the weekend") + f" · {b.series}", heading=True))
    add("")
    add(_("From the meeting of {date}; written {written}.").format(
        date=when_text(b.meeting_date), written=f"{when_text(b.written)} {b.written:%H:%M}") + "  ")
    add("**" + _("Combined level") + f": {level_short(b.combined)} {level_name(b.combined)}**"
        + (" " + _("(the chair's)") if b.confirmed else " " + _("(orat's suggestion)")))
    add("")
    add("## " + _("Level per area"))
    add("")
    add("| " + " | ".join((_("Area"), _("Level"), _("Change"), _("Signals"), _("Open events")))
        + " |")
    add("|---|---|---|---|---|")
    for line in b.areas:
        name = escape(line.area.name, heading=True)
        if line.area.kind == "hotspot":
            name += f" ({area_kind('hotspot')})"
        add(f"| {name} | {level_short(line.level)} {level_name(line.level)} | {change_text(line)} | "
            f"{signals_text(line)} | {line.open_events or ''} |")
    hotspots = [a for a in b.areas if a.area.kind == "hotspot"]
    add("")
    add("## " + _("Hotspots"))
    add("")
    if hotspots:
        for line in hotspots:
            add(f"- **{escape(line.area.name, heading=True)}**: {level_name(line.level)}"
                + (" · " + _("{n} open events").format(n=line.open_events)
                   if line.open_events else ""))
    else:
        add(_("No hotspots."))
    add("")
    add("## " + _("Open events"))
    if not b.events:
        add("")
        add(_("No open events."))
    for e in b.events:
        add("")
        who = b.raised_by.get(e.member_key, e.member_key)
        add(f"### {escape(e.title, heading=True)}")
        add("")
        add(f"*{escape(b.area_name(e.area_id), heading=True)}"
            + (f" · {escape(who, heading=True)}" if who else "") + "*  ")
        if e.facts.strip():
            add(escape(" ".join(e.facts.split())) + "  ")
        for label, text in development(e):
            add(f"- **{label}:** {escape(text)}")
    add("")
    add("## " + _("Planned measures"))
    add("")
    planned = [e for e in b.events if e.measures_planned.strip()]
    if not planned:
        add(_("No planned measures recorded."))
    for e in planned:
        inform = (" " + _("(inform: {who})").format(who=" ".join(e.inform.split()))
                  if e.affects_others and e.inform.strip() else "")
        add(f"- **{escape(e.title, heading=True)}:** "
            f"{escape(' '.join(e.measures_planned.split()))}{escape(inform)}")
    add("")
    add("## " + _("Contacts"))
    add("")
    if not b.contacts:
        add(_("No contacts in the template ([[contacts]])."))
    for c in b.contacts:
        rest = " · ".join(x for x in (c.how, c.note) if x)
        add(f"- **{escape(c.name, heading=True)}**" + (f": {escape(rest)}" if rest else ""))
    add("")
    add("*" + _("Internal (egen) information is not in this briefing.") + "*")
    return "\n".join(out) + "\n"


# -- HTML ------------------------------------------------------------------------------------
CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 11pt; line-height: 1.4; color: #111; background: #fff; margin: 0; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 .3rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1rem; margin: .8rem 0 .2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .15rem .4rem; border-bottom: 1px solid #ddd; }
.level { font-weight: 700; padding: 0 .35rem; border-radius: 3px; color: #000;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.level.rott { color: #fff; }
.meta, .where { color: #333; }
.note { font-style: italic; color: #444; }
@page { size: A4; margin: 14mm; }
"""


def level_html(level: str) -> str:
    return (f'<span class="level {level}" style="background:{LEVEL_HTML[level]}">'
            f"{_html(level_short(level))}</span> {_html(level_name(level))}")


def html(b: Briefing) -> str:
    from orat_tui.i18n import language

    esc = _html
    w = {
        'Combined level': _('Combined level'),
        'Contacts': _('Contacts'),
        'Hotspots': _('Hotspots'),
        'Internal (egen) information is not in this briefing.': _('Internal (egen) information is not in this briefing.'),
        'Level per area': _('Level per area'),
        'No contacts in the template ([[contacts]]).': _('No contacts in the template ([[contacts]]).'),
        'No hotspots.': _('No hotspots.'),
        'No open events.': _('No open events.'),
        'No planned measures recorded.': _('No planned measures recorded.'),
        'Open events': _('Open events'),
        'Planned measures': _('Planned measures'),
        'Situational picture for the weekend': _('Situational picture for the weekend'),
    }
    out = ["<!DOCTYPE html>", f'<html lang="{language()}">', "<head>", '<meta charset="utf-8">',
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
           "style-src 'unsafe-inline'\">",
           f"<title>{esc(w['Situational picture for the weekend'])} · {esc(b.series)}</title>",
           f"<style>{CSS}</style>", "</head>", "<body>", "<main>"]
    add = out.append
    add(f"<h1>{esc(w['Situational picture for the weekend'])} · {esc(b.series)}</h1>")
    add('<p class="meta">' + esc(_("From the meeting of {date}; written {written}.").format(
        date=when_text(b.meeting_date), written=f"{when_text(b.written)} {b.written:%H:%M}")) + "</p>")
    add(f"<p><strong>{esc(w['Combined level'])}:</strong> {level_html(b.combined)} "
        + esc(_("(the chair's)") if b.confirmed else _("(orat's suggestion)")) + "</p>")
    add(f"<h2>{esc(w['Level per area'])}</h2>")
    add("<table><thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in (
        _("Area"), _("Level"), _("Change"), _("Signals"), _("Open events"))) + "</tr></thead><tbody>")
    for line in b.areas:
        name = esc(line.area.name) + (f" ({esc(area_kind('hotspot'))})"
                                     if line.area.kind == "hotspot" else "")
        add(f"<tr><td>{name}</td><td>{level_html(line.level)}</td><td>{esc(change_text(line))}</td>"
            f"<td>{esc(signals_text(line))}</td><td>{line.open_events or ''}</td></tr>")
    add("</tbody></table>")
    add(f"<h2>{esc(w['Hotspots'])}</h2>")
    hotspots = [a for a in b.areas if a.area.kind == "hotspot"]
    if hotspots:
        add("<ul>" + "".join(f"<li><strong>{esc(a.area.name)}</strong>: {level_html(a.level)}</li>"
                             for a in hotspots) + "</ul>")
    else:
        add(f"<p>{esc(w['No hotspots.'])}</p>")
    add(f"<h2>{esc(w['Open events'])}</h2>")
    if not b.events:
        add(f"<p>{esc(w['No open events.'])}</p>")
    for ev in b.events:
        who = b.raised_by.get(ev.member_key, ev.member_key)
        add(f"<h3>{esc(ev.title)}</h3>")
        add(f'<p class="where">{esc(b.area_name(ev.area_id))}' + (f" · {esc(who)}" if who else "")
            + "</p>")
        if ev.facts.strip():
            add(f"<p>{esc(' '.join(ev.facts.split()))}</p>")
        dev = development(ev)
        if dev:
            add("<ul>" + "".join(f"<li><strong>{esc(label)}:</strong> {esc(text)}</li>"
                                 for label, text in dev) + "</ul>")
    add(f"<h2>{esc(w['Planned measures'])}</h2>")
    planned = [ev for ev in b.events if ev.measures_planned.strip()]
    if not planned:
        add(f"<p>{esc(w['No planned measures recorded.'])}</p>")
    else:
        items = []
        for ev in planned:
            inform = (" " + _("(inform: {who})").format(who=" ".join(ev.inform.split()))
                      if ev.affects_others and ev.inform.strip() else "")
            items.append(f"<li><strong>{esc(ev.title)}:</strong> "
                         f"{esc(' '.join(ev.measures_planned.split()) + inform)}</li>")
        add("<ul>" + "".join(items) + "</ul>")
    add(f"<h2>{esc(w['Contacts'])}</h2>")
    if not b.contacts:
        add(f"<p>{esc(w['No contacts in the template ([[contacts]]).'])}</p>")
    else:
        add("<ul>" + "".join(
            f"<li><strong>{esc(c.name)}</strong>"
            + (": " + esc(" · ".join(x for x in (c.how, c.note) if x)) if c.how or c.note else "")
            + "</li>" for c in b.contacts) + "</ul>")
    add('<p class="note">' + esc(w["Internal (egen) information is not in this briefing."])
        + "</p>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def render(b: Briefing, fmt: str) -> str:
    if fmt == "md":
        return markdown(b)
    if fmt == "html":
        return html(b)
    raise BriefingError(f"unknown format {fmt} (md or html)")
