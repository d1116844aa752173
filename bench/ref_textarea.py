"""The typing benchmark's reference: a bare Textual TextArea holding the text of FILE, focused,
the cursor at its end (where orat puts it in a note).

usage: python bench/ref_textarea.py FILE"""

import sys
from pathlib import Path

from textual.app import App
from textual.widgets import TextArea


class Reference(App):
    def compose(self):
        yield TextArea(Path(sys.argv[1]).read_text(encoding="utf-8"))

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)


Reference().run()
