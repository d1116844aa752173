"""Rating the warning signals (Bilaga 3) for one area in one meeting, quickly from the
keyboard: 1-4 rate the highlighted question and move on, 0 or v is "vet ej", backspace
clears; page up/down go to the previous or next area. Scores per group and in total, the
change against the previous meeting and the trend are shown as the chair rates."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from orat_tui.domain.signals import UNKNOWN, group_scores, signed, sparkline, total_score
from orat_tui.i18n import _


def rating_text(value: int | None) -> str:
    if value is None:
        return "·"
    return _("n/k") if value == UNKNOWN else str(value)


class SignalsScreen(Screen[None]):
    DEFAULT_CSS = """
    SignalsScreen #signals-header { height: auto; background: $panel; padding: 0 1; }
    SignalsScreen #signals-list { height: 1fr; }
    SignalsScreen #signals-scores { height: auto; padding: 0 1; border-top: solid $panel-lighten-2; }
    """
    BINDINGS = [
        Binding("escape", "back", _("Done"), id="signals-back"),
        Binding("1", "rate(1)", "1", show=False, id="signals-1"),
        Binding("2", "rate(2)", "2", show=False, id="signals-2"),
        Binding("3", "rate(3)", "3", show=False, id="signals-3"),
        Binding("4", "rate(4)", "4", show=False, id="signals-4"),
        Binding("0,v", "rate(0)", _("Don't know"), id="signals-unknown",
                tooltip=_("Rate the question “don't know” (vet ej)")),
        Binding("backspace,delete", "clear", _("Clear"), id="signals-clear",
                tooltip=_("Take the rating of the highlighted question away")),
        # priority: the list of questions would take page up/down to scroll itself; not in
        # the footer, where priority keys come first and push Escape off 80 columns (the
        # header says them)
        Binding("pageup", "area(-1)", _("Previous area"), id="signals-previous-area",
                priority=True, show=False),
        Binding("pagedown", "area(1)", _("Next area"), id="signals-next-area", priority=True,
                show=False),
    ]

    def __init__(self, data, checklist, meeting_id: str, area_id: str) -> None:
        super().__init__()
        self.data = data
        self.checklist = checklist
        self.meeting_id = meeting_id
        self.area_id = area_id

    def compose(self) -> ComposeResult:
        yield Static("", id="signals-header")
        yield OptionList(id="signals-list")
        yield Static("", id="signals-scores")
        yield Footer()

    def on_mount(self) -> None:
        self.fill(first=True)
        self.query_one(OptionList).focus()

    @property
    def ratings(self) -> dict[int, int]:
        return self.data.ratings.setdefault(self.meeting_id, {}).setdefault(self.area_id, {})

    @property
    def previous(self) -> dict[int, int]:
        return self.data.ratings_of(self.data.previous(self.meeting_id), self.area_id)

    def fill(self, first: bool = False) -> None:
        area = self.data.area(self.area_id)
        head = Text()
        head.append(_("Warning signals") + f" · {area.name}", style="bold")
        head.append("\n" + _("Rate 1 to 4 ({scale}); 0 or v: don't know; backspace clears; "
                             "page up/down: another area").format(scale=self.checklist.scale),
                    style="dim")
        self.query_one("#signals-header", Static).update(head)
        ol = self.query_one(OptionList)
        keep = ol.highlighted
        ol.clear_options()
        ratings, before = self.ratings, self.previous
        for group in self.checklist.groups:
            ol.add_option(Option(Text(group.name, style="bold underline"), disabled=True))
            for q in group.questions:
                line = Text()
                value = ratings.get(q.number)
                line.append(f"[{rating_text(value):>3}] ", style="bold reverse" if value
                            is not None else "dim")
                line.append(f"{q.number:>2}. {q.text}")
                if q.number in before:
                    line.append("  (" + _("last time: {v}").format(
                        v=rating_text(before[q.number])) + ")", style="dim")
                ol.add_option(Option(line, id=str(q.number)))
        if first or keep is None:
            ol.highlighted = 1
        else:
            ol.highlighted = keep
        self.show_scores()

    def show_scores(self) -> None:
        out = Text()
        for group, score in group_scores(self.checklist, self.ratings):
            out.append(f"{group.name}: ", style="dim")
            out.append(f"{score.total}/{score.maximum}" if not score.empty else "–", style="bold")
            out.append("   ")
        total = total_score(self.checklist, self.ratings)
        before = total_score(self.checklist, self.previous)
        out.append("\n" + _("Total") + ": ", style="bold")
        out.append(f"{total.total}/{total.maximum}" if not total.empty else "–", style="bold")
        out.append(" " + _("({rated} rated, {unknown} don't know)").format(
            rated=total.rated, unknown=total.unknown), style="dim")
        if not before.empty and not total.empty:
            out.append("   " + _("against last meeting:") + " ")
            out.append(signed(total.total - before.total), style="bold")
        trend = self.data.trend(self.checklist, self.meeting_id, self.area_id)
        out.append("   " + _("last 12 meetings:") + " ")
        out.append(sparkline(trend), style="cyan")
        self.query_one("#signals-scores", Static).update(out)

    def highlighted_question(self) -> int | None:
        ol = self.query_one(OptionList)
        if ol.highlighted is None:
            return None
        option = ol.get_option_at_index(ol.highlighted)
        return int(option.id) if option.id else None

    def action_rate(self, value: int | None) -> None:
        number = self.highlighted_question()
        if number is None:
            return
        if value is None:
            self.ratings.pop(number, None)
        else:
            self.ratings[number] = value
        self.app.call_store(self.app.store.rate_signal, self.meeting_id, self.area_id, number,
                            value, self.checklist.id,
                            failed=lambda text: self.notify(text, severity="error"))
        self.fill()
        if value is not None:
            self.query_one(OptionList).action_cursor_down()

    def action_clear(self) -> None:
        self.action_rate(None)

    def action_area(self, step: int) -> None:
        ids = [a.id for a in self.data.areas]
        i = (ids.index(self.area_id) + step) % len(ids)
        self.area_id = ids[i]
        self.fill(first=True)

    def action_back(self) -> None:
        self.dismiss(None)
