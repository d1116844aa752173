"""The speaker clock: a countdown from a budget that keeps counting into overtime."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum


class TimerState(str, Enum):
    OK = "ok"
    WARNING = "warning"
    OVERTIME = "overtime"


@dataclass
class SpeakerTimer:
    """Counts the time a turn takes against its budget.

    Time is read from the monotonic readings passed in, never from the machine, so the
    same object serves the live app and tests that move time by hand.
    """

    budget: float
    warning_share: float = 0.8
    elapsed_before: float = 0.0  # accumulated while not running (pauses, or restored)
    running_since: float | None = None

    def start(self, now: float) -> None:
        if self.running_since is None:
            self.running_since = now

    def pause(self, now: float) -> None:
        if self.running_since is not None:
            self.elapsed_before += max(0.0, now - self.running_since)
            self.running_since = None

    def toggle(self, now: float) -> None:
        if self.running:
            self.pause(now)
        else:
            self.start(now)

    @property
    def running(self) -> bool:
        return self.running_since is not None

    def add(self, seconds: float) -> None:
        """Give the speaker more (or, with a negative number, less) time."""
        self.budget = max(0.0, self.budget + seconds)

    def elapsed(self, now: float) -> float:
        run = max(0.0, now - self.running_since) if self.running_since is not None else 0.0
        return self.elapsed_before + run

    def remaining(self, now: float) -> float:
        """Seconds left of the budget; negative in overtime."""
        return self.budget - self.elapsed(now)

    def state(self, now: float) -> TimerState:
        elapsed = self.elapsed(now)
        if elapsed > self.budget or (self.budget == 0 and elapsed > 0):
            return TimerState.OVERTIME
        if self.budget > 0 and elapsed >= self.budget * self.warning_share:
            return TimerState.WARNING
        return TimerState.OK


def format_clock(seconds: float) -> str:
    """mm:ss of a countdown, rounded up; overtime (negative) counts up as +mm:ss."""
    if seconds >= 0:
        sign, total = "", math.ceil(seconds)
    else:
        sign, total = "+", math.floor(-seconds)
    minutes, secs = divmod(total, 60)
    if minutes >= 100:
        hours, minutes = divmod(minutes, 60)
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def format_duration(seconds: float) -> str:
    """A spent time, m:ss (for the agenda list and the minutes)."""
    total = int(round(max(0.0, seconds)))
    minutes, secs = divmod(total, 60)
    return f"{minutes}:{secs:02d}"
