"""A report (orat_tui/reports) drawn in the terminal: headings, paragraphs, tables, and bars
coloured by state with the mark where they should be by now. Used by the `u` view."""

from __future__ import annotations

from rich.table import Table as RichTable
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from orat_tui.reports import Bars, Paragraph, Report, Section, Table, text_bar

SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float], top: float | None = None) -> str:
    """One character per value, as high as the value against `top` (default the largest)."""
    top = top if top is not None else max(values + [0.0])
    if top <= 0:
        return SPARKS[0] * len(values)
    return "".join(SPARKS[min(len(SPARKS) - 1, int(v / top * (len(SPARKS) - 1) + 0.5))]
                   for v in values)


def bars_text(b: Bars, width: int = 20, label_width: int = 0) -> Text:
    out = Text()
    label_width = label_width or max((len(x.label) for x in b.bars), default=0)
    if b.caption:
        out.append(b.caption + "\n", style="italic")
    for x in b.bars:
        bar = text_bar(x.value, x.scale, width, x.mark)
        out.append(f"{x.label[:label_width]:<{label_width}}  ")
        out.append(bar, style="red" if x.warn else "green")
        out.append(f"  {x.text}\n")
    out.rstrip()
    return out


def table_renderable(t: Table) -> RichTable:
    rt = RichTable(box=None, pad_edge=False, show_edge=False, header_style="bold",
                   expand=False)
    for i, c in enumerate(t.columns):
        rt.add_column(c, justify="right" if i in t.right else "left", overflow="fold")
    for row in t.rows:
        rt.add_row(*row)
    return rt


def section_widgets(s: Section, label_width: int = 0) -> list[Static]:
    out: list[Static] = [Static(Text(s.heading, style="bold"), classes="report-heading")]
    for block in s.blocks:
        if isinstance(block, Paragraph):
            out.append(Static(Text(block.text), classes="report-text"))
        elif isinstance(block, Table):
            out.append(Static(table_renderable(block), classes="report-table"))
        elif isinstance(block, Bars):
            out.append(Static(bars_text(block, label_width=label_width), classes="report-bars"))
    return out


class ReportView(VerticalScroll):
    """A scrolling report; `show(report)` replaces what is shown."""

    DEFAULT_CSS = """
    ReportView { height: 1fr; padding: 0 1; }
    ReportView .report-heading { margin-top: 1; color: $accent; }
    ReportView .report-text, ReportView .report-table, ReportView .report-bars { height: auto; }
    """

    async def show(self, report: Report | None, extra: list[Static] | None = None) -> None:
        await self.remove_children()
        if report is None:
            return
        widgets: list[Static] = []
        if report.title:
            head = Text(report.title, style="bold")
            for line in report.meta:
                head.append("\n" + line, style="dim")
            widgets.append(Static(head, classes="report-text"))
        for s in report.sections:
            widgets += section_widgets(s, label_width=22)
        await self.mount_all(widgets + (extra or []))
