"""Updating a label only when what it shows changes.

Static.update re-renders the label and, by default, lays the whole screen out again; the
clock ticks twice a second and the save state changes as keys are typed, so an update that
changes nothing would keep the keys waiting behind a layout. Labels of a fixed size pass
layout=False: nothing around them moves."""

from __future__ import annotations

from textual.widgets import Static


def set_text(label: Static, content: str, layout: bool = True) -> None:
    if label.content != content:
        label.update(content, layout=layout)
