"""What a meeting recorded beyond its notes, attendance and audit trail (handoff format
version 2): the levels per area and the combined level set in it, its warning-signal
ratings, the focus tags of its notes, the prepared input it took over, the actions made or
changed in it (with each action's whole trail of changes), the events raised or closed in it
(internal ones too: a handoff is everything, readable by its owner only), and the series'
areas all of these point to. Actions and events changed outside any meeting from the
meeting's start until the series' next meeting began (the actions list, the Lägesbild between
meetings) come along too: that is when the chair follows the meeting up on the laptop.

Levels, ratings, focus tags and prepared input belong to the meeting. Areas, actions and
events belong to the series and live across meetings: an import matches them by id
(orat_tui.store.handoff.merging)."""

from __future__ import annotations

from sqlmodel import Session, select

from orat_tui.store.handoff.rows import _dump
from orat_tui.store.models import MeetingRow
from orat_tui.store.models_followup import ActionChangeRow, ActionRow, NoteFocusRow
from orat_tui.store.models_intake import PreparedInputRow
from orat_tui.store.models_picture import (
    AreaLevelRow,
    AreaRow,
    CombinedLevelRow,
    EventRow,
    SignalRow,
)

# payload key -> the table its rows come from (in the order an import writes them)
RECORDED: dict[str, type] = {
    "areas": AreaRow,
    "area_levels": AreaLevelRow,
    "combined_levels": CombinedLevelRow,
    "signals": SignalRow,
    "note_focus": NoteFocusRow,
    "prepared": PreparedInputRow,
    "actions": ActionRow,
    "action_changes": ActionChangeRow,
    "events": EventRow,
}
# the rows that belong to the meeting (meeting_id is the meeting's)
MEETING_OWNED = ("area_levels", "combined_levels", "signals", "note_focus", "prepared")
# the rows that belong to the series (series_id is the series')
SERIES_OWNED = ("areas", "actions", "events")


def recorded_rows(s: Session, meeting: MeetingRow) -> dict[str, list[dict]]:
    """The meeting's recorded rows in the file's form, read in the caller's transaction."""
    mid, series_id = meeting.id, meeting.series_id
    out: dict[str, list] = {
        "areas": s.exec(select(AreaRow).where(AreaRow.series_id == series_id)
                        .order_by(AreaRow.position, AreaRow.id)).all(),
    }
    for key in MEETING_OWNED:
        model = RECORDED[key]
        out[key] = s.exec(select(model).where(model.meeting_id == mid)
                          .order_by(model.id)).all()
    # changed in the meeting, or outside any meeting (the actions list, the Lägesbild from the
    # home screen) from its start until the series' next meeting began
    after = MeetingRow.started_at > meeting.started_at
    until = s.exec(select(MeetingRow.started_at).where(MeetingRow.series_id == series_id, after)
                   .order_by(MeetingRow.started_at)).first()
    since = ActionChangeRow.at >= meeting.started_at
    if until is not None:
        since = since & (ActionChangeRow.at < until)
    touched = select(ActionChangeRow.action_id).where(
        (ActionChangeRow.meeting_id == mid) | (ActionChangeRow.meeting_id.is_(None) & since))
    actions = s.exec(select(ActionRow).where(
        ActionRow.series_id == series_id,
        (ActionRow.meeting_id == mid) | ActionRow.id.in_(touched))
        .order_by(ActionRow.created_at, ActionRow.id)).all()
    out["actions"] = actions
    ids = [a.id for a in actions]
    out["action_changes"] = s.exec(select(ActionChangeRow).where(
        ActionChangeRow.action_id.in_(ids))
        .order_by(ActionChangeRow.action_id, ActionChangeRow.seq, ActionChangeRow.id)
    ).all() if ids else []
    changed = EventRow.updated_at >= meeting.started_at
    if until is not None:
        changed = changed & (EventRow.updated_at < until)
    out["events"] = s.exec(select(EventRow).where(
        EventRow.series_id == series_id,
        (EventRow.raised_meeting_id == mid) | (EventRow.closed_meeting_id == mid) | changed)
        .order_by(EventRow.raised_at, EventRow.id)).all()
    return {key: [_dump(r) for r in out[key]] for key in RECORDED}


def check_recorded(payload: dict, meeting: dict, series: dict, check_row, error) -> dict:
    """The recorded rows of a version 2 payload, checked: every row complete and of the right
    kinds (check_row), belonging to the file's meeting or series, ids not repeated, every
    change belonging to an action in the file. `error` is the exception to raise."""
    for key in RECORDED:
        if key not in payload:
            raise error(f"payload.{key} is missing")
        if not isinstance(payload[key], list):
            raise error(f"{key} is not a list")
        for i, row in enumerate(payload[key]):
            check_row(f"{key}[{i}]", RECORDED[key], row)
    for key in RECORDED:
        seen: set[str] = set()
        for i, row in enumerate(payload[key]):
            if key in MEETING_OWNED and row["meeting_id"] != meeting["id"]:
                raise error(f"{key}[{i}] belongs to another meeting")
            if key in SERIES_OWNED and row["series_id"] != series["id"]:
                raise error(f"{key}[{i}] belongs to another series")
            if row["id"] in seen:
                raise error(f"{key}[{i}] repeats the id {row['id']}")
            seen.add(row["id"])
    areas = {a["id"] for a in payload["areas"]}
    for key in ("area_levels", "signals", "actions", "events"):
        for i, row in enumerate(payload[key]):
            if row["area_id"] is not None and row["area_id"] not in areas:
                raise error(f"{key}[{i}] names an area the file does not hold")
    actions = {a["id"] for a in payload["actions"]}
    for i, row in enumerate(payload["action_changes"]):
        if row["action_id"] not in actions:
            raise error(f"action_changes[{i}] belongs to an action the file does not hold")
    keys = [a["key"] for a in payload["areas"]]
    if len(keys) != len(set(keys)):
        raise error("two areas have the same key")
    return {key: payload[key] for key in RECORDED}


def summary(recorded: dict[str, list[dict]]) -> str:
    """", 2 actions, 1 event, 3 levels" for what a file carries (empty: nothing recorded)."""
    def count(n: int, noun: str) -> str:
        return f", {n} {noun if n == 1 else noun + 's'}"

    parts = [("actions", "action"), ("events", "event")]
    out = "".join(count(len(recorded[k]), noun) for k, noun in parts if recorded[k])
    levels = len(recorded["area_levels"]) + len(recorded["combined_levels"])
    out += count(levels, "level") if levels else ""
    out += count(len(recorded["signals"]), "rating") if recorded["signals"] else ""
    return out
