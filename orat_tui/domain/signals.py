"""The warning-signal checklist (Bilaga 3 of seed 003): questions in groups, each rated 1 to 4
or "vet ej" per area and meeting, and the scores per group and in total.

Pure: the TOML is parsed elsewhere (orat_tui/checklists.py) and handed here as a dict."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

UNKNOWN = 0  # "vet ej": rated, but nobody knows; counts in no score
LOW, HIGH = 1, 4
SPARKS = "▁▂▃▄▅▆▇█"


class ChecklistError(ValueError):
    """A checklist that cannot be used; `where` names the table that is wrong."""

    def __init__(self, message: str, where: str = "", item: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        self.item = item  # the question's place in its group (0 = first), when it is one

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


@dataclass(frozen=True)
class Question:
    number: int
    text: str


@dataclass(frozen=True)
class Group:
    name: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Checklist:
    id: str
    name: str
    groups: tuple[Group, ...]
    scale: str = ""  # what 1 and 4 mean, in the seed's words
    note: str = ""

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for g in self.groups for q in g.questions)

    def group_of(self, number: int) -> Group:
        for g in self.groups:
            if any(q.number == number for q in g.questions):
                return g
        raise KeyError(number)


def parse_checklist(checklist_id: str, data: dict) -> Checklist:
    head = data.get("checklist")
    if not isinstance(head, dict):
        raise ChecklistError("the [checklist] table is missing")
    name = head.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ChecklistError("'name' must be a non-empty text", "checklist")
    for key in ("scale", "note"):
        if not isinstance(head.get(key, ""), str):
            raise ChecklistError(f"'{key}' must be a text", "checklist")
    raw_groups = data.get("groups")
    if not isinstance(raw_groups, list) or not raw_groups:
        raise ChecklistError("a checklist needs at least one [[groups]] entry")
    groups = []
    seen: set[int] = set()
    count = 0
    for i, raw in enumerate(raw_groups):
        where = f"groups[{i}]"
        if not isinstance(raw, dict):
            raise ChecklistError("must be a table with a name and questions", where)
        gname = raw.get("name")
        if not isinstance(gname, str) or not gname.strip():
            raise ChecklistError("'name' must be a non-empty text", where)
        raw_q = raw.get("questions")
        if not isinstance(raw_q, list) or not raw_q:
            raise ChecklistError("'questions' must list at least one question", where)
        questions = []
        for j, q in enumerate(raw_q):
            if not isinstance(q, dict):
                raise ChecklistError(f"question {j + 1} must be a table with number and text",
                                     where, j)
            count += 1
            number = q.get("number", count)
            if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 999:
                raise ChecklistError(f"'number' of question {j + 1} must be a whole number",
                                     where, j)
            if number in seen:
                raise ChecklistError(f"question number {number} is used twice", where, j)
            seen.add(number)
            text = q.get("text")
            if not isinstance(text, str) or not text.strip():
                raise ChecklistError(f"'text' of question {number} must be a non-empty text",
                                     where, j)
            questions.append(Question(number, " ".join(text.split())))
        groups.append(Group(" ".join(gname.split()), tuple(questions)))
    return Checklist(checklist_id, name.strip(), tuple(groups), head.get("scale", "").strip(),
                     head.get("note", "").strip())


def valid_rating(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and (
        value == UNKNOWN or LOW <= value <= HIGH)


@dataclass(frozen=True)
class Score:
    """The sum of the ratings given (1-4 each), how many questions were rated 1-4, how many
    "vet ej", and how many questions there are."""

    total: int
    rated: int
    unknown: int
    questions: int

    @property
    def empty(self) -> bool:
        return self.rated == 0

    @property
    def maximum(self) -> int:
        return self.questions * HIGH

    @property
    def mean(self) -> float | None:
        return self.total / self.rated if self.rated else None


def score(questions: Sequence[Question], ratings: Mapping[int, int]) -> Score:
    values = [ratings.get(q.number) for q in questions]
    given = [v for v in values if v is not None and LOW <= v <= HIGH]
    return Score(sum(given), len(given), sum(1 for v in values if v == UNKNOWN), len(questions))


def group_scores(checklist: Checklist, ratings: Mapping[int, int]) -> list[tuple[Group, Score]]:
    return [(g, score(g.questions, ratings)) for g in checklist.groups]


def total_score(checklist: Checklist, ratings: Mapping[int, int]) -> Score:
    return score(checklist.questions, ratings)


def change(now: Score, before: Score | None) -> int | None:
    """The change in the total against the meeting before; None when either has no ratings."""
    if before is None or now.empty or before.empty:
        return None
    return now.total - before.total


def sparkline(values: Sequence[int | None], low: int | None = None,
              high: int | None = None) -> str:
    """One character per value, ▁ lowest to █ highest; a meeting without ratings is '·'.
    The scale runs from `low` to `high`, by default from the smallest to the largest value
    shown (a flat line is drawn at half height)."""
    known = [v for v in values if v is not None]
    if not known:
        return "·" * len(values)
    bottom = min(known) if low is None else low
    top = max(known) if high is None else high
    out = []
    for v in values:
        if v is None:
            out.append("·")
        elif top <= bottom:
            out.append(SPARKS[len(SPARKS) // 2 - 1])
        else:
            i = round((min(max(v, bottom), top) - bottom) / (top - bottom) * (len(SPARKS) - 1))
            out.append(SPARKS[i])
    return "".join(out)


def signed(delta: int | None) -> str:
    """'+3', '−2', '±0', or '' when there is nothing to compare."""
    if delta is None:
        return ""
    if delta == 0:
        return "±0"
    return f"+{delta}" if delta > 0 else f"−{-delta}"
