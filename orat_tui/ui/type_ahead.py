"""Typing ahead: keys typed right after a key that moves the focus somewhere new (Enter from
the preparation's member list into the fields, F2 to the next step's note, F7 into the action
dialog) wait until the focus is there, then go on in order.

Textual moves the focus after the key that asked for it has been handled, which takes a few
hundredths of a second (the new fields are mounted first). A key typed in that gap would go
to the widget that still had the focus: dropped by a list, typed into the previous note, or
worse (a space marks a member absent in the roll call). A screen names the actions after which
typing waits in `TYPE_AHEAD` (binding action names); the app holds the keys that follow one of
them until a text field or another screen has the focus, at most HOLD_MAX seconds."""

from __future__ import annotations

from textual import events
from textual.dom import NoScreen
from textual.widget import Widget
from textual.widgets import Input, TextArea

HOLD_MAX = 1.0  # seconds: a focus that never comes never keeps the keys longer


def is_text_field(widget: Widget | None) -> bool:
    return isinstance(widget, (TextArea, Input))


class TypeAheadMixin:
    """For OratApp: holds typed keys while the focus moves (see the module's docstring)."""

    _held: list[events.Event] | None = None
    _hold_from: tuple[object, Widget | None] | None = None  # (screen, focused) at the trigger
    _hold_timer = None

    def moves_focus(self, key: str) -> bool:
        """Does `key` run an action after which the focus moves to a new place?"""
        screen = self.screen
        names = getattr(screen, "TYPE_AHEAD", None)
        if not names:
            return False
        active = screen.active_bindings.get(key)
        if active is None or not active.enabled:
            return False
        return active.binding.action.partition("(")[0] in names

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, (events.Key, events.Paste)) or event.is_forwarded:
            await super().on_event(event)
            return
        if self._held is not None:
            self._held.append(event)
            return
        await self._dispatch_typed(event)

    async def _dispatch_typed(self, event: events.Event) -> None:
        focused = self.focused
        # the fast path (a letter into a note) asks nothing
        trigger = isinstance(event, events.Key) and not (
            event.is_printable and is_text_field(focused)) and self.moves_focus(event.key)
        await super().on_event(event)
        if trigger:
            self._held = []
            self._hold_from = (self.screen, focused)
            self._hold_timer = self.set_timer(HOLD_MAX, self._release_held)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if self._held is None or self._hold_from is None:
            return
        screen, before = self._hold_from
        widget = event.widget
        if widget is before:
            return
        try:
            elsewhere = widget.screen is not screen
        except NoScreen:  # a widget on its way out
            return
        if is_text_field(widget) or elsewhere:
            self.call_next(self._release_held)

    async def _release_held(self) -> None:
        held, self._held, self._hold_from = self._held, None, None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        for i, event in enumerate(held or ()):
            if self._held is not None:  # a held key moved the focus again: the rest wait
                self._held.extend(held[i:])
                return
            await self._dispatch_typed(event)
