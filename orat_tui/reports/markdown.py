"""A report as Markdown: for e-mail, chat and the council's papers."""

from __future__ import annotations

from orat_tui.reports import Bars, Paragraph, Report, Table, text_bar


def escape(text: str) -> str:
    """Text that Markdown shows as written: its markup characters escaped, one line."""
    out = []
    for ch in text.replace("\r", " ").replace("\n", " "):
        out.append("\\" + ch if ch in "\\`*_{}[]<>#+!|~" else ch)
    return "".join(out)


def _table(t: Table) -> list[str]:
    lines = ["| " + " | ".join(escape(c) for c in t.columns) + " |"]
    lines.append("|" + "|".join("---:" if i in t.right else "---" for i in range(len(t.columns)))
                 + "|")
    for row in t.rows:
        lines.append("| " + " | ".join(escape(c) for c in row) + " |")
    return lines


def _bars(b: Bars) -> list[str]:
    width = max((len(x.label) for x in b.bars), default=0)
    lines = [f"{escape(b.caption)}:", ""] if b.caption else []
    lines.append("```")
    for x in b.bars:
        lines.append(f"{x.label:<{width}}  {text_bar(x.value, x.scale, mark=x.mark)}  {x.text}")
    lines.append("```")
    return lines


def markdown(report: Report) -> str:
    out = [f"# {escape(report.title)}", ""]
    for line in report.meta:
        out += [escape(line) + "  "]
    for s in report.sections:
        out += ["", "#" * s.level + " " + escape(s.heading)]
        for block in s.blocks:
            out.append("")
            if isinstance(block, Paragraph):
                out.append(escape(block.text))
            elif isinstance(block, Table):
                out += _table(block)
            elif isinstance(block, Bars):
                out += _bars(block)
    return "\n".join(out).rstrip() + "\n"
