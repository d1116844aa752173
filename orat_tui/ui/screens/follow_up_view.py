"""The follow-up view (`u` on the home screen): citizen promises with a progress bar per numeric
commitment against the share of the period (or year) gone, the forums' cadence this term,
and statistics per member (attendance, speaking time against budget, a sparkline of the
last meetings). Promises and commitments are created and edited from the keyboard."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Select, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from orat_tui.domain.cadence import Term
from orat_tui.domain.promises import Commitment, Promise
from orat_tui.i18n import _, ngettext
from orat_tui.ui.widgets.promise_lines import commitment_lines, promise_lines
from orat_tui.ui.widgets.report_view import ReportView, sparkline

LAST_MEETINGS = 10  # the statistics cover the series' last ten meetings


class FollowUpScreen(Screen[None]):
    DEFAULT_CSS = """
    FollowUpScreen #fu-title { text-style: bold; padding: 0 1; height: 1; }
    FollowUpScreen TabbedContent { height: 1fr; }
    FollowUpScreen TabPane { padding: 0; }
    FollowUpScreen #promise-list { height: 1fr; border: none; }
    FollowUpScreen #fu-hint { color: $text-muted; padding: 0 1; height: auto; }
    FollowUpScreen #stats-series { width: 60; margin: 0 1; }
    """
    BINDINGS = [
        Binding("escape", "back", _("Back"), id="fu-back"),
        Binding("n", "new_promise", _("New promise"), id="fu-new-promise"),
        Binding("c", "new_commitment", _("New commitment"), id="fu-new-commitment"),
        Binding("e", "edit", _("Edit"), id="fu-edit", tooltip=_("Edit the promise or commitment")),
        Binding("plus", "record", _("Record progress"), id="fu-record",
                tooltip=_("Record progress on the commitment (done or not without a number)")),
        Binding("a", "link_action", _("Count an action"), id="fu-link-action",
                tooltip=_("Count one of the series' actions towards the commitment once it is "
                          "finished")),
        Binding("delete", "delete", _("Delete"), show=False, id="fu-delete",
                tooltip=_("Delete the promise or commitment")),
        Binding("left_square_bracket", "term(-1)", _("Earlier term"), show=False,
                id="fu-term-back"),
        Binding("right_square_bracket", "term(1)", _("Later term"), show=False,
                id="fu-term-on"),
        Binding("1", "tab('tab-promises')", _("Promises"), show=False, id="fu-tab-promises"),
        Binding("2", "tab('tab-cadence')", _("Cadence"), show=False, id="fu-tab-cadence"),
        Binding("3", "tab('tab-stats')", _("Statistics"), show=False, id="fu-tab-stats"),
    ]

    def __init__(self, series_id: str | None = None) -> None:
        super().__init__()
        self.series_id = series_id  # the series highlighted on the home screen
        self.promises: list[Promise] = []
        self.series: list[tuple[str, str]] = []  # (name, id)
        self.term: Term | None = None

    @property
    def today(self) -> date:
        return self.app.clock.now().date()

    def compose(self) -> ComposeResult:
        yield Static(_("Follow-up: citizen promises, cadence, statistics"), id="fu-title")
        with TabbedContent(initial="tab-promises"):
            with TabPane(_("Promises (1)"), id="tab-promises"):
                yield OptionList(id="promise-list")
                yield Static(_("n promise · c commitment · e/Enter edit · + progress · "
                               "a action · Delete deletes"), id="fu-hint")
            with TabPane(_("Cadence (2)"), id="tab-cadence"):
                yield ReportView(id="cadence-view")
            with TabPane(_("Statistics (3)"), id="tab-stats"):
                with Vertical():
                    yield Select([], prompt=_("Series"), allow_blank=True, id="stats-series")
                    yield ReportView(id="stats-view")
        yield Footer()

    def on_mount(self) -> None:
        self.term = Term.of(self.today)
        self.query_one("#promise-list", OptionList).focus()
        self.reload()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        store, templates, today, term = self.app.store, self.app.templates, self.today, self.term

        def load():
            from orat_tui.reports import term as term_report
            from orat_tui.store.promises import list_promises
            from orat_tui.store.stats import all_series

            from orat_tui.reports import Paragraph

            args = argparse.Namespace(what=term.code, series=None)
            report = term_report.build(store, args, today, templates)
            # the weeks without a meeting, per series; the members' bars are under Statistics
            for section in report.sections[1:]:
                section.blocks = [b for b in section.blocks if isinstance(b, Paragraph)]
            report.sections = [s for s in report.sections if s.blocks]
            return list_promises(store), [(s.name, s.id) for s in all_series(store)], report

        self.app.call_store(load, done=self._loaded)

    def _loaded(self, result) -> None:
        if not self.is_attached:  # closed while the store was reading
            return
        self.promises, self.series, report = result
        self._fill_promises()
        self.call_later(self.query_one("#cadence-view", ReportView).show, report)
        select = self.query_one("#stats-series", Select)
        if not select.is_blank() and select.value in {v for _n, v in self.series}:
            chosen = select.value
        else:
            chosen = self.series_id if self.series_id in {v for _n, v in self.series} else (
                self.series[0][1] if self.series else None)
        with select.prevent(Select.Changed):
            select.set_options(self.series)
            if chosen:
                select.value = chosen
        if chosen:
            self._load_stats(chosen)

    def _fill_promises(self, keep: str | None = None) -> None:
        ol = self.query_one("#promise-list", OptionList)
        highlighted = keep or (ol.get_option_at_index(ol.highlighted).id
                               if ol.highlighted is not None and ol.option_count else None)
        ol.clear_options()
        width = max(40, self.size.width - 4)
        for p in self.promises:
            ol.add_option(Option(promise_lines(p, self.today), id=f"p:{p.id}"))
            for c in p.commitments:
                ol.add_option(Option(commitment_lines(c, p, self.today, width), id=f"c:{c.id}"))
        if not self.promises:
            ol.add_option(Option(_("No citizen promises yet. Press n to add one."),
                                 disabled=True))
            return
        ids = [ol.get_option_at_index(i).id for i in range(ol.option_count)]
        ol.highlighted = ids.index(highlighted) if highlighted in ids else 0

    def _load_stats(self, series_id: str) -> None:
        store = self.app.store

        def load():
            from orat_tui.store.stats import last_meetings, member_stats

            ids = [mid for mid, _s in last_meetings(store, series_id, LAST_MEETINGS)]
            return series_id, ids, member_stats(store, ids)

        self.app.call_store(load, done=self._stats_loaded)

    def _stats_loaded(self, result) -> None:
        from orat_tui.reports import Report, Section
        from orat_tui.reports.term import member_blocks

        series_id, ids, stats = result
        if not self.is_attached or self.query_one("#stats-series", Select).value != series_id:
            return  # closed, or another series chosen while these were read
        if not ids:
            report = Report("stats", "", sections=[Section(_("No meetings yet."))])
            self.call_later(self.query_one("#stats-view", ReportView).show, report)
            return
        report = Report("stats", "", sections=[
            Section(ngettext("The last meeting", "The last {n} meetings", len(ids)).format(
                n=len(ids)), member_blocks(stats, len(ids)))])
        top = max([max(m.per_meeting or [0.0]) for m in stats] + [1.0])
        spark = Text(_("Speaking time per meeting, oldest first") + "\n", style="italic")
        for m in stats:
            spark.append(f"{m.short[:22]:<22}  ")
            spark.append(sparkline(m.per_meeting or [], top), style="cyan")
            spark.append("\n")
        spark.rstrip()
        self.call_later(self.query_one("#stats-view", ReportView).show, report,
                        [Static(spark, classes="report-bars")])

    @on(Select.Changed, "#stats-series")
    def _series_chosen(self, event: Select.Changed) -> None:
        if event.value is not Select.BLANK:
            self._load_stats(str(event.value))

    # -- what is under the cursor ----------------------------------------------------------
    def _selected(self) -> tuple[Promise | None, Commitment | None]:
        ol = self.query_one("#promise-list", OptionList)
        if ol.highlighted is None or not self.promises:
            return None, None
        oid = ol.get_option_at_index(ol.highlighted).id or ""
        kind, _sep, key = oid.partition(":")
        for p in self.promises:
            if kind == "p" and p.id == key:
                return p, None
            for c in p.commitments:
                if kind == "c" and c.id == key:
                    return p, c
        return None, None

    def _on_promises_tab(self) -> bool:
        return self.query_one(TabbedContent).active == "tab-promises"

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("new_commitment", "edit", "record", "delete", "link_action"):
            if not self._on_promises_tab():
                return False
            p, c = self._selected()
            if action == "record":
                return c is not None
            if action == "link_action":
                return c is not None and c.target is not None
            return p is not None
        if action == "new_promise":
            return self._on_promises_tab()
        if action == "term":
            return self.query_one(TabbedContent).active == "tab-cadence"
        return True

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, _event) -> None:
        self.refresh_bindings()

    @on(OptionList.OptionHighlighted, "#promise-list")
    def _moved(self, _event) -> None:
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#promise-list")
    def _chosen(self, _event) -> None:
        self.action_edit()

    # -- actions ---------------------------------------------------------------------------
    def action_back(self) -> None:
        self.app.pop_screen()

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        if tab == "tab-promises":
            self.query_one("#promise-list", OptionList).focus()

    def action_term(self, step: int) -> None:
        if self.term is None:
            return
        self.term = self.term.next() if step > 0 else self.term.previous()
        self.reload()

    def action_new_promise(self) -> None:
        from orat_tui.ui.screens.promise_dialogs import promise_form

        self.app.push_screen(promise_form(None, self.series, self.series_id), self._save_promise)

    def action_edit(self) -> None:
        from orat_tui.ui.screens.promise_dialogs import commitment_form, promise_form

        p, c = self._selected()
        if c is not None:
            self.app.push_screen(commitment_form(c), lambda r: self._save_commitment(p, r))
        elif p is not None:
            self.app.push_screen(promise_form(p, self.series, self.series_id), self._save_promise)

    def action_new_commitment(self) -> None:
        from orat_tui.ui.screens.promise_dialogs import commitment_form

        p, _c = self._selected()
        if p is not None:
            self.app.push_screen(commitment_form(None), lambda r: self._save_commitment(p, r))

    def action_record(self) -> None:
        from orat_tui.ui.screens.promise_dialogs import entry_form

        p, c = self._selected()
        if c is None:
            return
        if c.target is None:  # done or not: + switches it (shown once it is saved)
            self._save_commitment(p, replace(c, done=not c.done))
            return

        def saved(entry) -> None:
            if entry is None:
                return
            from orat_tui.store.promises import add_entry

            self.app.call_store(add_entry, self.app.store, c.id, entry.day, entry.amount,
                                entry.note, self.app.clock.now(),
                                done=lambda _e: self._saved(f"c:{c.id}"))

        self.app.push_screen(entry_form(c, self.today), saved)

    def action_link_action(self) -> None:
        p, c = self._selected()
        if p is None or c is None or c.target is None:
            return
        store = self.app.store

        def load():
            from orat_tui.store.promise_actions import linkable_actions

            return linkable_actions(store, p.series_id)

        def loaded(actions) -> None:
            if not actions:
                self.notify(_("There are no actions to count yet: they are made with F7 in a "
                              "meeting, or with a on the home screen."))
                return
            from orat_tui.ui.screens.promise_dialogs import link_form

            self.app.push_screen(link_form(c, actions), lambda r: self._link(c, r))

        self.app.call_store(load, done=loaded)

    def _link(self, c: Commitment, link) -> None:
        if link is None:
            return
        from orat_tui.store.promise_actions import link_action

        self.app.call_store(link_action, self.app.store, link.action_id,
                            c.id if link.count else None, link.count, self.app.who,
                            self.app.clock.now(), done=lambda _r: self._saved(f"c:{c.id}"))

    def action_delete(self) -> None:
        from orat_tui.ui.screens.dialogs import ConfirmScreen

        p, c = self._selected()
        if p is None:
            return
        if c is not None:
            question = _("Delete the commitment “{what}” and the progress recorded on it?").format(
                what=c.text[:60])
        else:
            question = _("Delete the promise “{what}” with its commitments?").format(
                what=p.title[:60])

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            from orat_tui.store.promises import delete_commitment, delete_promise

            if c is not None:
                self.app.call_store(delete_commitment, self.app.store, c.id,
                                    done=lambda _r: self._saved(f"p:{p.id}"))
            else:
                self.app.call_store(delete_promise, self.app.store, p.id,
                                    done=lambda _r: self._saved(None))

        self.app.push_screen(ConfirmScreen(question, yes=_("Delete")), confirmed)

    # -- saving ----------------------------------------------------------------------------
    def _save_promise(self, p: Promise | None) -> None:
        if p is None:
            return
        from orat_tui.store.promises import save_promise

        self.app.call_store(save_promise, self.app.store, p, self.app.clock.now(),
                            done=lambda saved: self._saved(f"p:{saved.id}"))

    def _save_commitment(self, p: Promise | None, c: Commitment | None) -> None:
        if p is None or c is None:
            return
        from orat_tui.store.promises import save_commitment

        self.app.call_store(save_commitment, self.app.store, p.id, c,
                            done=lambda saved: self._saved(f"c:{saved.id}"))

    def _saved(self, keep: str | None) -> None:
        store = self.app.store

        def load():
            from orat_tui.store.promises import list_promises

            return list_promises(store)

        def loaded(promises) -> None:
            if not self.is_attached:
                return
            self.promises = promises
            self._fill_promises(keep)

        self.app.call_store(load, done=loaded)
