"""A note field: a TextArea that knows which note (slot) it holds, and that catches Swedish
personal identity numbers as they are typed (individual cases never belong in these notes)."""

from __future__ import annotations

import re
from bisect import bisect_right

from rich.style import Style
from rich.text import Text
from textual.widgets import TextArea

from orat_tui.domain.personnummer import Finding, find_personal_numbers
from orat_tui.i18n import _

PNR_STYLE = Style(color="white", bgcolor="red", bold=True)

# Control characters are drawn as visible symbols of the same length, never sent to the
# terminal (an ESC in a note, typed, pasted or imported, must not act on the screen).
_VISIBLE = {c: chr(0x2400 + c) for c in range(0x20) if c != 0x09}
_VISIBLE[0x7F] = "\u2421"
_VISIBLE.update({c: "\ufffd" for c in range(0x80, 0xA0)})
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")  # what _VISIBLE draws (all but tab)
PNR_HIGHLIGHT = "orat.personal-number"
SCAN_DELAY = 0.2  # seconds: scanning waits for a pause in typing, so typing never waits


def excerpt(text: str, limit: int = 200) -> str:
    text = " ".join(text.split()) or "–"
    return text if len(text) <= limit else text[:limit] + " …"


def warning_text(findings: list[Finding]) -> str:
    first = findings[0]
    if all(f.ambiguous for f in findings):
        why = _("“{text}” looks like a personal identity number (it may be a phone number)")
    elif first.kind == "samordningsnummer":
        why = _("“{text}” looks like a coordination number")
    else:
        why = _("“{text}” looks like a personal identity number")
    more = f" (+{len(findings) - 1})" if len(findings) > 1 else ""
    return "⚠ " + why.format(text=first.text) + more + " · " + _("no individual cases here")


class NoteArea(TextArea, inherit_bindings=False):
    DEFAULT_CSS = """
    NoteArea { height: 1fr; min-height: 4; border: round $panel-lighten-2; }
    NoteArea:focus { border: round $accent; }
    NoteArea.-internal { border-title-color: $warning; border-title-style: bold; }
    NoteArea.-personal-number { border: round $error; border-subtitle-color: $error;
        border-subtitle-style: bold; }
    """

    # TextArea's F6 (select line) and F7 (select all) would hide the meeting's F6 (the picture)
    # and F7 (record an action) from a chair typing a note; the screen's keys win here.
    # (inherit_bindings=False: the list below is TextArea's whole list, less those two.)
    BINDINGS = [binding for bindings in TextArea._merge_bindings().key_to_bindings.values()
                for binding in bindings if binding.key not in ("f6", "f7")]

    def __init__(self, slot: str, text: str = "", **kwargs) -> None:
        super().__init__(text, soft_wrap=True, show_line_numbers=False, tab_behavior="focus",
                         **kwargs)
        self.slot = slot
        self.focus_mark = ""  # the focus area the note is tagged with (alt+o)
        self.findings: list[Finding] = []
        self._scan_timer = None

    def on_mount(self) -> None:
        self.scan()

    def _on_key(self, event) -> None:
        # A terminal sends alt+i as ESC i: a key with a printable character, which TextArea
        # would type as "i" before the screen's alt bindings (internal, agenda, ...) see it.
        # prevent_default keeps TextArea's own handler from running; the key still goes on
        # to the bindings.
        if "alt+" in event.key:
            event.prevent_default()

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        plain = line.plain
        if _CONTROL.search(plain):
            line = Text(plain.translate(_VISIBLE), end="", no_wrap=True)
        return line

    def show_internal(self, internal: bool) -> None:
        """An internal (egen) note says so on its border: it stays out of the minutes."""
        self.set_class(internal, "-internal")
        title = _("INTERNAL (egen)") if internal else ""
        self.border_title = " · ".join(t for t in (title, self.focus_mark) if t)

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        if self._scan_timer is not None:
            self._scan_timer.stop()
        self._scan_timer = self.set_timer(SCAN_DELAY, self.scan)

    def scan(self) -> None:
        """Find personal numbers in the text, mark them and say why."""
        self._scan_timer = None
        findings = find_personal_numbers(self.text)
        if findings == self.findings:
            return
        self.findings = findings
        self.set_class(bool(findings), "-personal-number")
        self.border_subtitle = "⚠ " + _("personal number?") if findings else ""
        if self.parent is not None:
            for label in self.parent.query(".pnr-warning"):
                label.update(warning_text(findings) if findings else "")
                label.set_class(bool(findings), "-shown")
        self._build_highlight_map()
        self.refresh()

    def _build_highlight_map(self) -> None:
        super()._build_highlight_map()
        findings = getattr(self, "findings", None)  # TextArea builds the map in __init__ too
        if not findings:
            return
        theme = self._theme
        if theme is not None:
            theme.syntax_styles.setdefault(PNR_HIGHLIGHT, PNR_STYLE)
        doc = self.document
        # where each line starts in the text: one pass, not two walks (and two joins of the
        # whole text) per finding at every key typed in a long note
        starts, pos, nl = [], 0, len(doc.newline)
        for line in doc.lines:
            starts.append(pos)
            pos += len(line) + nl
        for f in findings:
            row = bisect_right(starts, f.start) - 1
            line = doc.get_line(row) if row >= 0 else ""
            col = f.start - starts[row] if row >= 0 else 0
            if line[col:col + len(f.text)] != f.text:
                # typed over since the scan (a scan follows the next pause in typing): a mark
                # in the wrong place, or past the end of a shortened text, is worse than none
                continue
            start_byte = len(line[:col].encode("utf-8"))
            end_byte = len(line[:col + len(f.text)].encode("utf-8"))
            self._highlights[row].append((start_byte, end_byte, PNR_HIGHLIGHT))
