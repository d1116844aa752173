"""orat works offline: a whole meeting, and reading it back as minutes, opens no network
connection. Internet sockets are blocked for the test, and every attempt is recorded; local
(AF_UNIX) sockets stay allowed, as the event loop uses a socket pair."""

from __future__ import annotations

import socket

import pytest

from orat_tui.domain.agenda import Status
from orat_tui.domain.meeting import ENDED, note_slot
from orat_tui.ui.screens.meeting import MeetingScreen
from orat_tui.ui.widgets.note_area import NoteArea

from .conftest import type_text, wait_for

pytestmark = pytest.mark.sqlite_only  # no network at all: the laptop's SQLite

INTERNET = (socket.AF_INET, socket.AF_INET6)


class NetworkBlocked(OSError):
    """Raised instead of opening a network connection."""


@pytest.fixture
def no_network(monkeypatch):
    """Block internet sockets, name lookups and connections until the test ends; yields the
    list of attempts (what, arguments)."""
    monkeypatch.delenv("TEXTUAL", raising=False)  # no devtools connection from Textual itself
    attempts: list[tuple[str, tuple]] = []
    real_init = socket.socket.__init__
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_close = socket.socket.close

    def blocked(what: str, *args):
        attempts.append((what, args))
        raise NetworkBlocked(f"orat must not use the network: {what}{args!r}")

    def init(self, family=-1, type=-1, proto=-1, fileno=None):
        real_init(self, family, type, proto, fileno)
        made = self.family
        if made in INTERNET:  # also socket(fileno=...) of an inherited internet socket
            if fileno is None:
                real_close(self)
            else:
                self.detach()  # not ours to close
            blocked("socket", made, type, proto)

    def connect(self, address):
        if self.family in INTERNET:
            blocked("connect", address)
        return real_connect(self, address)

    def connect_ex(self, address):
        if self.family in INTERNET:
            blocked("connect_ex", address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "__init__", init)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                 "gethostbyaddr", "getnameinfo"):
        monkeypatch.setattr(socket, name, lambda *a, _n=name, **k: blocked(_n, *a))
    yield attempts


def check_the_block_works(attempts) -> None:
    """Without this the test could pass with a block that blocks nothing."""
    for family in INTERNET:
        with pytest.raises(NetworkBlocked):
            socket.socket(family, socket.SOCK_STREAM)
    with pytest.raises(NetworkBlocked):
        socket.socket()  # the default family is AF_INET
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("example.org", 443)
    a, b = socket.socketpair()  # AF_UNIX: allowed, the event loop needs it
    a.close()
    b.close()
    assert len(attempts) == 5, attempts
    attempts.clear()


def in_meeting(app) -> bool:
    return isinstance(app.screen, MeetingScreen) and app.screen.walk is not None


async def test_a_whole_meeting_and_its_minutes_use_no_network(harness, no_network):
    check_the_block_works(no_network)

    app = harness.app("malmo-orat")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: in_meeting(app))
        screen = app.screen
        meeting_id = screen.meeting.id

        # roll call: Förskoleförvaltningen (5th) is absent and sent a few words in
        await pilot.press("down", "down", "down", "down", "space")
        await wait_for(pilot, lambda: not screen.meeting.attendee("forskola").present)
        await pilot.press("tab")
        await type_text(pilot, "Lugnt i förskolorna.")

        # every turn, both notes
        turns = [s for s in screen.walk.steps if s.kind == "turn" and s.status is not Status.ABSENT]
        for step in turns:
            await pilot.press("f2")
            await wait_for(pilot, lambda s=step: screen.walk.current is s)
            await wait_for(pilot, lambda s=step: isinstance(app.focused, NoteArea)
                           and app.focused.slot == note_slot(s, "past_week"))
            harness.clock.advance(150)
            await type_text(pilot, f"Läge {step.member[:4]}")
            await pilot.press("tab")
            await wait_for(pilot, lambda s=step: app.focused.slot == note_slot(s, "coming_week"))
            await type_text(pilot, "Ok")

        # the follow-up of actions (none yet), then the wrap-up: what to pass on to Förskolan
        await pilot.press("f2")
        await wait_for(pilot, lambda: screen.walk.current.kind == "follow_up")
        await pilot.press("f2")
        await wait_for(pilot, lambda: screen.walk.current.kind == "wrap_up")
        await wait_for(pilot, lambda: isinstance(app.focused, NoteArea))
        await type_text(pilot, "Info om matchen.")

        await pilot.press("f10")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ConfirmScreen")
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HomeScreen")

        # the minutes, from the home screen's list of earlier meetings
        home = app.screen
        recent = home.query_one("#recent-list")
        await wait_for(pilot, lambda: any(recent.get_option_at_index(i).id == meeting_id
                                          for i in range(recent.option_count)))
        index = next(i for i in range(recent.option_count)
                     if recent.get_option_at_index(i).id == meeting_id)
        await pilot.press("tab")
        await wait_for(pilot, lambda: app.focused is recent)
        if recent.highlighted is None:
            await pilot.press("down")
        while recent.highlighted != index:
            await pilot.press("down" if recent.highlighted < index else "up")
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "MinutesScreen")
        minutes_screen = app.screen
        assert minutes_screen.meeting.id == meeting_id
        await pilot.pause()

        from orat_tui.export import FORMATS, export
        from orat_tui.export.markdown import minutes_markdown

        text = minutes_markdown(minutes_screen.meeting)
        # and every export format, Word included, with the network still blocked
        exported = {fmt: export(minutes_screen.meeting, fmt) for fmt in FORMATS}
        assert all(exported.values())

    m = harness.store().load(meeting_id)
    assert m.state == ENDED
    assert "Läge poli" in text and "Lugnt i förskolorna" in text
    assert all(m.notes.get(note_slot(s, "past_week")) == f"Läge {s.member[:4]}" for s in
               (x for x in m.steps if x.kind == "turn" and x.status is not Status.ABSENT))
    assert no_network == [], f"orat tried to use the network: {no_network}"
