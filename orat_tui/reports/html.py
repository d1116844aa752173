"""A report as one self-contained HTML page (no scripts, nothing loaded, prints on A4)."""

from __future__ import annotations

from html import escape

from orat_tui.i18n import language
from orat_tui.reports import Bars, Paragraph, Report, Table

CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 11pt; line-height: 1.45; color: #111; background: #fff; margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .3rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
p { margin: .3rem 0; }
.meta { color: #333; margin: 0; }
table { border-collapse: collapse; margin: .4rem 0; }
th, td { padding: .15rem .6rem .15rem 0; text-align: left; vertical-align: top; }
th { border-bottom: 1px solid #888; }
td.num, th.num { text-align: right; }
.bars { display: grid; grid-template-columns: max-content 16rem max-content; gap: .2rem .6rem;
  align-items: center; margin: .4rem 0; }
.track { position: relative; height: .8rem; background: #e6e6e6; border: 1px solid #999; }
.fill { position: absolute; left: 0; top: 0; bottom: 0; background: #2f6f9f; }
.fill.warn { background: #b00020; }
.mark { position: absolute; top: -.25rem; bottom: -.25rem; width: 2px; background: #111; }
.caption { font-style: italic; color: #444; }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print { main { max-width: none; padding: 0; }
  .fill, .mark, .track { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def _pct(value: float, scale: float) -> str:
    share = 0.0 if scale <= 0 else max(0.0, min(1.0, value / scale))
    return f"{share * 100:.1f}%"


def _table(t: Table) -> list[str]:
    def cls(i: int) -> str:
        return ' class="num"' if i in t.right else ""

    out = ["<table>", "<thead><tr>"
           + "".join(f"<th{cls(i)}>{escape(c)}</th>" for i, c in enumerate(t.columns))
           + "</tr></thead>", "<tbody>"]
    for row in t.rows:
        out.append("<tr>" + "".join(f"<td{cls(i)}>{escape(c)}</td>" for i, c in enumerate(row))
                   + "</tr>")
    return out + ["</tbody>", "</table>"]


def _bars(b: Bars) -> list[str]:
    out = [f'<p class="caption">{escape(b.caption)}</p>'] if b.caption else []
    out.append('<div class="bars">')
    for x in b.bars:
        warn = " warn" if x.warn else ""
        mark = ("" if x.mark is None else
                f'<span class="mark" style="left:{_pct(x.mark, x.scale)}"></span>')
        out += [f"<span>{escape(x.label)}</span>",
                f'<span class="track" role="img" aria-label="{escape(x.text)}">'
                f'<span class="fill{warn}" style="width:{_pct(x.value, x.scale)}"></span>'
                f"{mark}</span>",
                f"<span>{escape(x.text)}</span>"]
    out.append("</div>")
    return out


def html(report: Report) -> str:
    out = ["<!DOCTYPE html>", f'<html lang="{language()}">', "<head>", '<meta charset="utf-8">',
           '<meta http-equiv="Content-Security-Policy" '
           "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
           '<meta name="generator" content="orat">',
           f"<title>{escape(report.title)}</title>", f"<style>{CSS}</style>", "</head>",
           "<body>", "<main>", f"<h1>{escape(report.title)}</h1>"]
    out += [f'<p class="meta">{escape(line)}</p>' for line in report.meta]
    for s in report.sections:
        level = min(max(s.level, 2), 4)
        out += ["<section>", f"<h{level}>{escape(s.heading)}</h{level}>"]
        for block in s.blocks:
            if isinstance(block, Paragraph):
                out.append(f"<p>{escape(block.text)}</p>")
            elif isinstance(block, Table):
                out += _table(block)
            elif isinstance(block, Bars):
                out += _bars(block)
        out.append("</section>")
    out += ["</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
