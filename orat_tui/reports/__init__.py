"""Reports across meetings (`orat report term|promises|...`): built as a small document model
here, then rendered as Markdown, HTML, plain text or JSON by the modules beside this one.

A report module (orat_tui/reports/<name>.py) has `build(store, args, today) -> Report`;
`orat_tui.commands.report.REPORTS` lists them. No Textual here: the TUI and the command line
both use these documents."""

from __future__ import annotations

from dataclasses import dataclass, field

FORMATS = ("md", "html", "txt", "json")


class ReportError(Exception):
    """A report that cannot be made as asked (an unknown series, a bad term): one line."""


@dataclass
class Paragraph:
    text: str


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]
    right: tuple[int, ...] = ()  # columns aligned to the right (numbers)


@dataclass
class Bar:
    """One bar: `value` of `scale` (the full width), said as `text`. `mark`, on the same scale,
    is where the bar should be by now (the share of the period gone, say)."""

    label: str
    value: float
    scale: float
    text: str
    mark: float | None = None
    warn: bool = False  # drawn as behind / over budget


@dataclass
class Bars:
    bars: list[Bar]
    caption: str = ""


Block = Paragraph | Table | Bars


@dataclass
class Section:
    heading: str
    blocks: list[Block] = field(default_factory=list)
    level: int = 2


@dataclass
class Report:
    kind: str  # term, promises, year, ...
    title: str
    meta: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)


def text_bar(value: float, scale: float, width: int = 20, mark: float | None = None) -> str:
    """A bar of block characters, `width` wide; '│' where `mark` falls when it is outside the
    filled part, '┃' when inside it."""
    if scale <= 0:
        return "·" * width
    filled = max(0, min(width, round(width * value / scale)))
    cells = ["█"] * filled + ["░"] * (width - filled)
    if mark is not None:
        at = max(0, min(width - 1, round(width * mark / scale) - 1))
        cells[at] = "┃" if at < filled else "│"
    return "".join(cells)


def render(report: Report, fmt: str) -> str:
    if fmt == "md":
        from orat_tui.reports.markdown import markdown

        return markdown(report)
    if fmt == "html":
        from orat_tui.reports.html import html

        return html(report)
    if fmt == "txt":
        from orat_tui.reports.text import text

        return text(report)
    if fmt == "json":
        from orat_tui.reports.jsonout import as_json

        return as_json(report)
    raise ReportError(f"unknown format '{fmt}' (known: {', '.join(FORMATS)})")
