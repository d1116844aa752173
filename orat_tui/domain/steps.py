"""The kinds of agenda step. Adding a kind is one entry here (and a view in ui/steps/)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StepKind:
    name: str
    needs_member: bool = False  # a turn belongs to one member
    expands: bool = False  # a template step that becomes one turn per member
    needs_title: bool = False
    fields: tuple[str, ...] = ("note",)  # the note fields of the step


ROLL_CALL = StepKind("roll_call", fields=())
TURN = StepKind("turn", needs_member=True, fields=("past_week", "coming_week"))
ROUND = StepKind("round", expands=True)
POINT = StepKind("point", needs_title=True, fields=("note",))
WRAP_UP = StepKind("wrap_up", fields=("summary",))
# the series' open actions, carried forward: finished, continued or dropped (may have a title
# and number: Örebro's point 4, planned measures)
FOLLOW_UP = StepKind("follow_up", fields=("note",))
# A point that shows the situational picture (Örebro's point 3): levels, signals, events.
PICTURE = StepKind("picture", fields=("note",))

KINDS: dict[str, StepKind] = {k.name: k for k in (ROLL_CALL, TURN, ROUND, POINT, WRAP_UP,
                                                  FOLLOW_UP, PICTURE)}
# Kinds that are agenda points: numbered, with a title and the floor given to a member.
POINT_LIKE = ("point", "follow_up", "picture")

# Items recorded beside a step's free notes (alt+d), one per line, each kind its own field:
# a decision, a need for a new decision or reinforcement (Örebro point 5), a short-term
# coordination need (point 6), who must be informed (point 7).
ITEM_FIELDS = ("decision", "need", "coordination", "inform")

# The note fields a chair can type into. The field names are stored with every note.
NOTE_FIELDS = ("past_week", "coming_week", "note", "summary", "absent_in", "pass_on",
               *ITEM_FIELDS)
