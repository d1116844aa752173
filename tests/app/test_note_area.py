"""The note field's personal-number marks stay right (or go) while the text changes between
two scans: a mark computed for the old text must never crash the note or land elsewhere."""

from __future__ import annotations

import pytest
from textual.app import App

from orat_tui.ui.widgets.note_area import PNR_HIGHLIGHT, NoteArea

NUMBER = "19811218-9876"  # a valid personnummer (Luhn), as typed


def marks(area: NoteArea) -> list[tuple[int, int, int | None]]:
    return [(row, start, end) for row, spans in area._highlights.items()
            for start, end, name in spans if name == PNR_HIGHLIGHT]


class One(App):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self):
        yield NoteArea("step:x:note", self.text)


@pytest.mark.asyncio
async def test_marks_follow_the_scan_and_stale_ones_never_crash():
    app = One(f"Lugn vecka.\nUppgift {NUMBER} ska bort.")
    async with app.run_test() as pilot:
        area = app.query_one(NoteArea)
        area.scan()
        await pilot.pause()
        assert marks(area) == [(1, len("Uppgift "), len("Uppgift ") + len(NUMBER))]
        # the text shrinks before the next scan: the old offsets point past its end
        area.load_text("Kort.")
        assert marks(area) == []
        # the text moves under the mark: no mark in the wrong place until the scan
        area.load_text(f"Uppgift {NUMBER}.")
        area.scan()
        assert marks(area) == [(0, len("Uppgift "), len("Uppgift ") + len(NUMBER))]
        area.move_cursor((0, 0))
        area.insert("Ny rad. ")
        assert marks(area) == []
        area.scan()
        assert marks(area) == [(0, len("Ny rad. Uppgift "), len("Ny rad. Uppgift ") + len(NUMBER))]
        assert not app._exception


@pytest.mark.asyncio
async def test_a_mark_in_a_long_note_costs_one_pass():
    long = ("Lugn vecka i området, inget att rapportera. " * 20 + "\n") * 60  # about 50 KB
    app = One(long + f"Uppgift {NUMBER}.")
    async with app.run_test() as pilot:
        area = app.query_one(NoteArea)
        area.scan()
        await pilot.pause()
        assert marks(area) and marks(area)[0][0] == 60
        calls = 0
        real = area.document.get_location_from_index

        def counted(index):
            nonlocal calls
            calls += 1
            return real(index)

        area.document.get_location_from_index = counted  # the slow walk, per finding
        area.insert("x", location=area.document.end)  # typing on after the number
        assert calls == 0 and marks(area)
