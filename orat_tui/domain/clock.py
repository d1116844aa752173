"""Time sources. Everything that needs the time takes a Clock, so tests move time by hand."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards (for measuring durations)."""

    def now(self) -> datetime:
        """Local wall-clock time, naive (what the chair reads on the wall)."""


class SystemClock:
    """The real clocks of the machine."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)


@dataclass
class ManualClock:
    """A clock that only moves when told to: for tests, snapshots and benchmarks."""

    wall: datetime = field(default_factory=lambda: datetime(2026, 11, 27, 9, 0, 0))
    mono: float = 1000.0

    def monotonic(self) -> float:
        return self.mono

    def now(self) -> datetime:
        return self.wall

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock does not go backwards")
        self.mono += seconds
        self.wall += timedelta(seconds=seconds)
