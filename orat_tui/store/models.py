"""The tables. Ids are UUID strings, stable across databases (for handoff and import)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, String, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel

# Wall-clock times are stored as local, naive times: a meeting is "Friday 09:00" where it is held.
NAIVE = {"sa_type": DateTime(timezone=False)}


def meeting_fk() -> Column:
    """The meeting a row belongs to: deleting the meeting deletes the row (as in 0001)."""
    return Column(String(36), ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False,
                  index=True)


class Series(SQLModel, table=True):
    __tablename__ = "series"
    id: str = Field(primary_key=True, max_length=36)
    template_id: str = Field(index=True, max_length=100)
    name: str
    created_at: datetime = Field(**NAIVE)


class MeetingRow(SQLModel, table=True):
    __tablename__ = "meeting"
    id: str = Field(primary_key=True, max_length=36)
    series_id: str = Field(foreign_key="series.id", index=True, max_length=36)
    template_id: str = Field(max_length=100)
    title: str
    started_at: datetime = Field(index=True, **NAIVE)
    planned_end: datetime = Field(**NAIVE)
    ended_at: datetime | None = Field(default=None, **NAIVE)
    state: str = Field(default="live", index=True, max_length=20)
    current_index: int = 0
    warning_share: float = 0.8
    substitutes_allowed: bool = False
    version: int = 0
    updated_at: datetime = Field(**NAIVE)
    approved_at: datetime | None = Field(default=None, **NAIVE)
    approved_by: str | None = None
    content_hash: str | None = Field(default=None, max_length=64)


class AttendeeRow(SQLModel, table=True):
    __tablename__ = "attendee"
    id: str = Field(primary_key=True, max_length=36)
    meeting_id: str = Field(sa_column=meeting_fk())
    position: int
    key: str = Field(max_length=100)
    name: str
    short: str
    kind: str = Field(default="member", max_length=20)
    role: str = ""
    chair: bool = False
    present: bool = True
    substitute: str = ""


class StepRow(SQLModel, table=True):
    __tablename__ = "step"
    id: str = Field(primary_key=True, max_length=36)
    meeting_id: str = Field(sa_column=meeting_fk())
    position: int
    kind: str = Field(max_length=40)
    member_key: str = ""
    title: str = ""
    number: int = 0
    budget_seconds: float = 0.0
    elapsed_seconds: float = 0.0
    status: str = Field(default="pending", max_length=20)
    prompts_json: str = "[]"
    fields_json: str = "[]"
    speakers_json: str = "{}"


class NoteRow(SQLModel, table=True):
    __tablename__ = "note"
    __table_args__ = (UniqueConstraint("meeting_id", "slot", name="uq_note_meeting_slot"),)
    id: str = Field(primary_key=True, max_length=36)
    meeting_id: str = Field(sa_column=meeting_fk())
    slot: str = Field(max_length=200)  # step:<id>:<field> or member:<key>:<field>
    text: str = Field(default="", sa_type=Text)
    updated_at: datetime = Field(**NAIVE)
    version: int = 0
    internal: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class AuditRow(SQLModel, table=True):
    """One recorded change: an edit (field, before, after), an approval, a reopening (with its
    reason), an override of a personal-number warning (with its reason)."""

    __tablename__ = "audit"
    id: str = Field(primary_key=True, max_length=36)
    meeting_id: str = Field(sa_column=meeting_fk())
    seq: int = 0  # order within the meeting's trail
    at: datetime = Field(**NAIVE)
    who: str
    action: str = Field(max_length=20)  # edit, approve, reopen, override, redact, import
    field: str = Field(max_length=200)  # a note's slot, "attendance:<key>", "time:<step id>", ...
    before: str = Field(default="", sa_type=Text)
    after: str = Field(default="", sa_type=Text)
    reason: str = Field(default="", sa_type=Text)
