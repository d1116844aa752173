"""One sentence of a phrase bank (S), and the seasons a sentence can be limited to."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class S:
    """One sentence of a bank; `months` limits it to a season, `needs` to a kind of week."""

    text: str
    months: tuple[int, ...] = ()
    # "lov" / "lov_past": a school holiday starts in the coming / started in the past week;
    # "event" / "past_event": some known event; "coming:<name>" / "past:<name>": that event;
    # "absent": a member is absent.
    needs: str = ""


SUMMER = (6, 7, 8)
WINTER = (11, 12, 1, 2, 3)
GROWING = (4, 5, 6, 7, 8, 9)
SPRING_EXAMS = (3, 4, 5)
