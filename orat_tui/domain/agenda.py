"""The agenda walk of a live meeting: which step has the floor, what comes next, and when
the meeting will end. Pure state; the caller passes the time in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum

from orat_tui.domain.steps import KINDS
from orat_tui.domain.template import Template
from orat_tui.domain.timer import SpeakerTimer


class Status(str, Enum):
    PENDING = "pending"
    CURRENT = "current"
    DONE = "done"
    SKIPPED = "skipped"
    ABSENT = "absent"  # a turn whose member is absent: passed over


@dataclass
class Step:
    kind: str
    budget: float  # seconds
    member: str = ""
    title: str = ""
    number: int = 0
    prompts: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    status: Status = Status.PENDING
    elapsed: float = 0.0  # seconds spoken so far
    speakers: dict[str, float] = field(default_factory=dict)  # member -> seconds (points)
    id: str = field(default_factory=lambda: str(uuid.uuid4()))

    @property
    def movable(self) -> bool:
        return self.kind in ("turn", "point", "follow_up", "picture")


def plan_steps(template: Template) -> list[Step]:
    """The steps of a new meeting: each template step, a round becoming one turn per member
    who has no turn of their own, in template order."""
    own_turn = {s.member for s in template.steps if s.kind == "turn"}
    steps: list[Step] = []
    for spec in template.steps:
        kind = KINDS[spec.kind]
        if kind.expands:
            for m in template.members:
                if m.key not in own_turn:
                    steps.append(
                        Step("turn", spec.budget_seconds, member=m.key,
                             fields=template.turn_fields)
                    )
            continue
        fields = template.turn_fields if spec.kind == "turn" else kind.fields
        steps.append(
            Step(spec.kind, spec.budget_seconds, member=spec.member, title=spec.title,
                 number=spec.number, prompts=spec.prompts, fields=fields)
        )
    return steps


class AgendaWalk:
    """Moves through the steps of a meeting and times the current one."""

    def __init__(self, steps: list[Step], index: int = 0, warning_share: float = 0.8,
                 now: float = 0.0, running: bool = True) -> None:
        if not steps:
            raise ValueError("a meeting needs at least one step")
        self.steps = steps
        self.warning_share = warning_share
        self.index = max(0, min(index, len(steps) - 1))
        self.timer = self._timer_for(self.current)
        self.floor: str = ""  # who has the floor inside a point
        self.floor_since: float = 0.0
        self.current.status = Status.CURRENT
        if running:
            self.timer.start(now)

    # -- reading -------------------------------------------------------------------------
    @property
    def current(self) -> Step:
        return self.steps[self.index]

    def _timer_for(self, step: Step) -> SpeakerTimer:
        return SpeakerTimer(budget=step.budget, warning_share=self.warning_share,
                            elapsed_before=step.elapsed)

    def next_step(self) -> Step | None:
        """The step the next key press leads to."""
        i = self._following(self.index, +1)
        return None if i is None else self.steps[i]

    def _following(self, start: int, direction: int) -> int | None:
        i = start + direction
        while 0 <= i < len(self.steps):
            if self.steps[i].status is not Status.ABSENT:
                return i
            i += direction
        return None

    def projected_end(self, wall_now: datetime, now: float) -> datetime:
        """Now + what is left of the current budget + the budgets of the steps still ahead."""
        ahead = max(0.0, self.timer.remaining(now))
        ahead += sum(s.budget for i, s in enumerate(self.steps)
                     if i != self.index and s.status is Status.PENDING)
        return wall_now + timedelta(seconds=round(ahead))

    # -- the clock -----------------------------------------------------------------------
    def sync(self, now: float) -> None:
        """Write the running timer into the current step (before saving it)."""
        step = self.current
        step.elapsed = self.timer.elapsed(now)
        step.budget = self.timer.budget
        if self.floor:
            if self.timer.running:  # a paused clock stops the speaker's clock too
                spoken = max(0.0, now - self.floor_since)
                step.speakers[self.floor] = step.speakers.get(self.floor, 0.0) + spoken
            self.floor_since = now

    def toggle_pause(self, now: float) -> None:
        self.sync(now)
        self.timer.toggle(now)

    def add_time(self, seconds: float, now: float) -> None:
        self.timer.add(seconds)
        self.sync(now)

    def give_floor(self, member: str, now: float) -> None:
        """Within a point: `member` speaks now (the same member again takes the floor back)."""
        self.sync(now)
        self.floor = "" if self.floor == member else member
        self.floor_since = now

    # -- moving --------------------------------------------------------------------------
    def _leave(self, now: float, status: Status) -> None:
        self.sync(now)
        self.floor = ""
        self.current.status = status

    def _leave_unfinished(self, now: float) -> None:
        """Leave without finishing: done if anything was said, else still to come. The
        timer is synced first, so time spoken since the step was entered counts."""
        self.sync(now)
        self._leave(now, Status.DONE if self.current.elapsed > 0 else Status.PENDING)

    def _enter(self, index: int, now: float) -> None:
        self.index = index
        self.current.status = Status.CURRENT
        self.timer = self._timer_for(self.current)
        self.timer.start(now)  # a new speaker starts at once, even after a pause

    def go_next(self, now: float) -> bool:
        """Finish the current step and move on. False at the last step."""
        i = self._following(self.index, +1)
        if i is None:
            return False
        self._leave(now, Status.DONE)
        self._enter(i, now)
        return True

    def go_previous(self, now: float) -> bool:
        i = self._following(self.index, -1)
        if i is None:
            return False
        self._leave_unfinished(now)
        self._enter(i, now)
        return True

    def skip(self, now: float) -> bool:
        """Pass the current step over (it stays in the minutes as skipped)."""
        i = self._following(self.index, +1)
        if i is None:
            return False
        self._leave(now, Status.SKIPPED)
        self._enter(i, now)
        return True

    def go_to(self, index: int, now: float) -> bool:
        """Jump to a step (come back to a skipped member, say)."""
        if index == self.index or not 0 <= index < len(self.steps):
            return False
        if self.steps[index].status is Status.ABSENT:
            return False
        self._leave_unfinished(now)
        self._enter(index, now)
        return True

    def move(self, index: int, direction: int) -> int:
        """Move a turn or point up (-1) or down (+1) among its neighbours; returns its new
        index. Steps already spoken, roll call and wrap-up stay where they are."""
        j = index + direction
        if not (0 <= index < len(self.steps) and 0 <= j < len(self.steps)):
            return index
        a, b = self.steps[index], self.steps[j]
        if not (a.movable and b.movable) or Status.DONE in (a.status, b.status):
            return index
        self.steps[index], self.steps[j] = b, a
        if self.index == index:
            self.index = j
        elif self.index == j:
            self.index = index
        return j

    # -- attendance ----------------------------------------------------------------------
    def set_absent(self, member: str, absent: bool) -> None:
        """An absent member's turns are passed over; marking them present brings them back."""
        for i, s in enumerate(self.steps):
            if s.member != member or s.kind != "turn" or i == self.index:
                continue
            if absent and s.status is Status.PENDING:
                s.status = Status.ABSENT
            elif not absent and s.status is Status.ABSENT:
                s.status = Status.PENDING

    def add_turn(self, member: str, budget: float, fields: tuple[str, ...]) -> Step:
        """A turn for a member who joined for this meeting (a guest or adjunct member):
        placed after the last turn."""
        step = Step("turn", budget, member=member, fields=fields)
        last_turn = max((i for i, s in enumerate(self.steps) if s.kind == "turn"), default=None)
        if last_turn is None:
            last_turn = max(0, len(self.steps) - 2)
        self.steps.insert(last_turn + 1, step)
        if last_turn + 1 <= self.index:
            self.index += 1
        return step

    def remove_turn(self, member: str) -> None:
        """Drop the unspoken turns of a member (a guest who did not come after all)."""
        keep = []
        for i, s in enumerate(self.steps):
            if s.member == member and s.kind == "turn" and s.elapsed == 0 and i != self.index:
                continue
            keep.append(s)
        cur = self.current
        self.steps[:] = keep
        self.index = self.steps.index(cur)


class ReviewWalk(AgendaWalk):
    """Going through an ended meeting afterwards (the secretary): moving between steps shows
    them without changing what happened; no clock runs; spoken times are set by hand."""

    view_only = True

    def __init__(self, steps: list[Step], index: int = 0, warning_share: float = 0.8) -> None:
        real = [s.status for s in steps]
        super().__init__(steps, index, warning_share, now=0.0, running=False)
        for step, status in zip(steps, real):
            step.status = status  # the base class marked one step current: undo

    def _leave(self, now: float, status: Status) -> None:
        self.floor = ""

    def _enter(self, index: int, now: float) -> None:
        self.index = index
        self.timer = self._timer_for(self.current)

    def sync(self, now: float) -> None:
        """Nothing runs: the step's times are what was recorded (or set by hand)."""

    def go_to(self, index: int, now: float) -> bool:
        if index == self.index or not 0 <= index < len(self.steps):
            return False
        self._enter(index, now)
        return True

    def skip(self, now: float) -> bool:
        return False

    def move(self, index: int, direction: int) -> int:
        return index

    def toggle_pause(self, now: float) -> None:
        pass

    def add_time(self, seconds: float, now: float) -> None:
        pass

    def give_floor(self, member: str, now: float) -> None:
        pass

    def set_elapsed(self, seconds: float) -> None:
        """Correct the spoken time of the step on show."""
        self.current.elapsed = max(0.0, float(seconds))
        self.timer = self._timer_for(self.current)

    def set_absent(self, member: str, absent: bool) -> None:
        for s in self.steps:
            if s.member != member or s.kind != "turn":
                continue
            if absent and s.status is not Status.ABSENT and not s.elapsed:
                s.status = Status.ABSENT
            elif not absent and s.status is Status.ABSENT:
                s.status = Status.DONE
