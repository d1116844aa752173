"""A report as plain text, columns aligned: for a terminal or a plain e-mail."""

from __future__ import annotations

from orat_tui.reports import Bars, Paragraph, Report, Table, text_bar


def _table(t: Table) -> list[str]:
    rows = [t.columns] + t.rows
    widths = [max(len(r[i]) for r in rows) for i in range(len(t.columns))]

    def line(r: list[str]) -> str:
        cells = [c.rjust(w) if i in t.right else c.ljust(w)
                 for i, (c, w) in enumerate(zip(r, widths))]
        return "  ".join(cells).rstrip()

    return [line(t.columns), "  ".join("-" * w for w in widths)] + [line(r) for r in t.rows]


def _bars(b: Bars) -> list[str]:
    width = max((len(x.label) for x in b.bars), default=0)
    head = [b.caption + ":"] if b.caption else []
    lines = [f"{x.label:<{width}}  {text_bar(x.value, x.scale, mark=x.mark)}  {x.text}"
             for x in b.bars]
    return head + lines


def text(report: Report) -> str:
    out = [report.title, "=" * len(report.title)] + list(report.meta)
    for s in report.sections:
        out += ["", s.heading, ("-" if s.level <= 2 else "·") * len(s.heading)]
        for i, block in enumerate(s.blocks):
            if i:
                out.append("")
            if isinstance(block, Paragraph):
                out.append(block.text)
            elif isinstance(block, Table):
                out += _table(block)
            elif isinstance(block, Bars):
                out += _bars(block)
    return "\n".join(out).rstrip() + "\n"
