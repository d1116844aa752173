"""The lists benchmark's reference: a bare Textual app whose key m opens a screen with a
Select and a list of 60 meeting rows held in memory (no database): the floor for opening a
list screen.

usage: python bench/ref_list.py"""

from datetime import datetime, timedelta

from textual.app import App
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Select, Static

START = datetime(2026, 11, 19, 9, 0)
ROWS = [f"tor {(START - timedelta(days=i)).day} nov 2026 09:00  Örat mot marken · "
        f"Innerstaden  avslutat" for i in range(60)]


class Rows(Screen):
    def compose(self):
        yield Static("Möten")
        yield Select([("Alla", 1)], prompt="Alla serier", allow_blank=True)
        yield OptionList(*ROWS)
        yield Footer()


class Reference(App):
    BINDINGS = [("m", "rows", "Möten")]

    def compose(self):
        yield Static("Hem: tryck m")
        yield Footer()

    def action_rows(self) -> None:
        self.push_screen(Rows())


Reference().run()
