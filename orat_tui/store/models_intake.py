"""Prepared input: what a member brings to a meeting, gathered before it (the Örebro
coordinators' Bilaga 1, a Malmö member's past and coming week). Until the series' next
meeting starts a row has no meeting; that meeting takes it over as it starts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, String, Text
from sqlmodel import Field, SQLModel

from orat_tui.store.models import NAIVE


class PreparedInputRow(SQLModel, table=True):
    __tablename__ = "prepared_input"
    id: str = Field(primary_key=True, max_length=36)
    series_id: str = Field(foreign_key="series.id", index=True, max_length=36)
    # None: for the series' next meeting; set when that meeting starts
    meeting_id: str | None = Field(default=None, sa_column=Column(
        String(36), ForeignKey("meeting.id", ondelete="CASCADE"), nullable=True, index=True))
    member_key: str = Field(max_length=100)
    field: str = Field(max_length=100)  # point-3, past_week, coming_week, note
    text: str = Field(default="", sa_type=Text)
    source: str = Field(default="typed", max_length=20)  # typed, form
    updated_at: datetime = Field(**NAIVE)
    updated_by: str = ""
    version: int = 0
    taken_at: datetime | None = Field(default=None, **NAIVE)  # taken into the live note
