"""The tables of the follow-up between meetings: actions (åtgärder) of a series, the trail of
their changes, and the focus area a note is tagged with. Actions live across meetings: they
are not part of a meeting's approval hash."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from orat_tui.store.models import NAIVE
from orat_tui.store import models_promises  # noqa: F401  (action.commitment_id's table)


class ActionRow(SQLModel, table=True):
    __tablename__ = "action"
    id: str = Field(primary_key=True, max_length=36)
    series_id: str = Field(foreign_key="series.id", index=True, max_length=36)
    # the meeting it was made in; a purged meeting leaves the action, without it
    meeting_id: str | None = Field(default=None, sa_column=Column(
        String(36), ForeignKey("meeting.id", ondelete="SET NULL"), nullable=True, index=True))
    step_id: str = Field(default="", max_length=36)
    what: str = Field(sa_type=Text)
    responsible: str = Field(default="", max_length=100)
    responsible_name: str = ""
    with_member: str = Field(default="", max_length=100)
    with_name: str = ""
    due: date | None = Field(default=None, sa_type=Date)
    status: str = Field(default="planned", index=True, max_length=20)
    # the series' area (stadsdel, hotspot), when known; a deleted area leaves the action
    area_id: str | None = Field(default=None, sa_column=Column(
        String(36), ForeignKey("area.id", ondelete="SET NULL"), nullable=True, index=True))
    focus_area: str = Field(default="", max_length=100)
    goal: str = Field(default="", sa_type=Text)
    goal_target: float | None = None
    result: str = Field(default="", sa_type=Text)
    result_value: float | None = None
    evaluation: str = Field(default="", sa_type=Text)
    created_at: datetime = Field(**NAIVE)
    created_by: str = ""
    updated_at: datetime = Field(**NAIVE)
    closed_on: date | None = Field(default=None, sa_type=Date)
    version: int = 0
    # the citizen-promise commitment it counts towards, and how much once finished
    # (orat_tui/store/promise_actions.py, migration 0009)
    commitment_id: str | None = Field(default=None, sa_column=Column(
        String(36), ForeignKey("commitment.id", ondelete="SET NULL"), nullable=True, index=True))
    commitment_count: int | None = None


class ActionChangeRow(SQLModel, table=True):
    """One recorded change of an action: who, when, which field, before and after, and the
    meeting it was made in (none: from the actions list)."""

    __tablename__ = "action_change"
    id: str = Field(primary_key=True, max_length=36)
    action_id: str = Field(sa_column=Column(
        String(36), ForeignKey("action.id", ondelete="CASCADE"), nullable=False, index=True))
    seq: int = 0
    at: datetime = Field(**NAIVE)
    who: str
    meeting_id: str | None = Field(default=None, max_length=36)
    field: str = Field(max_length=40)  # "created", or an audited field (status, due, ...)
    before: str = Field(default="", sa_type=Text)
    after: str = Field(default="", sa_type=Text)


class NoteFocusRow(SQLModel, table=True):
    """The focus area a note (one slot of one meeting) is tagged with."""

    __tablename__ = "note_focus"
    __table_args__ = (UniqueConstraint("meeting_id", "slot", name="uq_note_focus_slot"),)
    id: str = Field(primary_key=True, max_length=36)
    meeting_id: str = Field(sa_column=Column(
        String(36), ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False, index=True))
    slot: str = Field(max_length=200)
    focus_area: str = Field(max_length=100)
