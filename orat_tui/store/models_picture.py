"""The tables of the situational picture: a series' areas, the level of each area in a
meeting, the series' combined level, warning-signal ratings and events (händelser).

Levels and ratings belong to a meeting (deleting the meeting deletes them). Events live
across meetings: they belong to the series and name the meetings they were raised and closed
in, and they stay out of a meeting's approval hash."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, ForeignKey, String, Text, UniqueConstraint, false
from sqlmodel import Field, SQLModel

from orat_tui.store.models import NAIVE, meeting_fk


def _fk(table: str, ondelete: str = "CASCADE", nullable: bool = False) -> Column:
    return Column(String(36), ForeignKey(f"{table}.id", ondelete=ondelete), nullable=nullable,
                  index=True)


class AreaRow(SQLModel, table=True):
    """A stadsdel or hotspot of a series: from the template at first, then the chair's."""

    __tablename__ = "area"
    __table_args__ = (UniqueConstraint("series_id", "key", name="uq_area_series_key"),)
    id: str = Field(primary_key=True, max_length=36)
    series_id: str = Field(sa_column=_fk("series"))
    key: str = Field(max_length=100)
    name: str
    kind: str = Field(default="stadsdel", max_length=20)  # stadsdel, hotspot
    position: int = 0
    retired: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    created_at: datetime = Field(**NAIVE)


class AreaLevelRow(SQLModel, table=True):
    """The level an area was set to in a meeting, with the reason for the change. A meeting
    without a row for an area carries the area's level from the meetings before."""

    __tablename__ = "area_level"
    __table_args__ = (UniqueConstraint("meeting_id", "area_id", name="uq_area_level"),)
    id: str = Field(primary_key=True, max_length=36)
    meeting_id: str = Field(sa_column=meeting_fk())
    area_id: str = Field(sa_column=_fk("area"))
    level: str = Field(max_length=10)  # gront, gult, orange, rott
    reason: str = Field(default="", sa_type=Text)
    who: str = ""
    at: datetime = Field(**NAIVE)


class CombinedLevelRow(SQLModel, table=True):
    """The series' combined level as the chair confirmed or changed it in a meeting."""

    __tablename__ = "combined_level"
    __table_args__ = (UniqueConstraint("meeting_id", name="uq_combined_level_meeting"),)
    id: str = Field(primary_key=True, max_length=36)
    meeting_id: str = Field(sa_column=meeting_fk())
    level: str = Field(max_length=10)
    suggested: str = Field(default="", max_length=10)  # what orat suggested at the time
    reason: str = Field(default="", sa_type=Text)
    who: str = ""
    at: datetime = Field(**NAIVE)


class SignalRow(SQLModel, table=True):
    """One warning signal rated for an area in a meeting: 1-4, or 0 for "vet ej"."""

    __tablename__ = "signal_rating"
    __table_args__ = (UniqueConstraint("meeting_id", "area_id", "question",
                                       name="uq_signal_rating"),)
    id: str = Field(primary_key=True, max_length=36)
    meeting_id: str = Field(sa_column=meeting_fk())
    area_id: str = Field(sa_column=_fk("area"))
    checklist: str = Field(default="social-oro", max_length=100)
    question: int
    value: int  # 1-4; 0 = vet ej


class EventRow(SQLModel, table=True):
    """A händelse with the seed's contents of a situational picture. Open until closed."""

    __tablename__ = "event"
    id: str = Field(primary_key=True, max_length=36)
    series_id: str = Field(sa_column=_fk("series"))
    area_id: str | None = Field(default=None, sa_column=_fk("area", "SET NULL", nullable=True))
    member_key: str = Field(default="", max_length=100)  # who raised it
    title: str = ""
    facts: str = Field(default="", sa_type=Text)
    ability: str = Field(default="", sa_type=Text)  # assessment of the ability to handle it
    best_case: str = Field(default="", sa_type=Text)
    likely_case: str = Field(default="", sa_type=Text)
    worst_case: str = Field(default="", sa_type=Text)
    consequences: str = Field(default="", sa_type=Text)
    measures_taken: str = Field(default="", sa_type=Text)
    measures_planned: str = Field(default="", sa_type=Text)
    affects_others: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    inform: str = Field(default="", sa_type=Text)  # who must be told
    coordination: str = Field(default="", sa_type=Text)
    higher_level: str = Field(default="", sa_type=Text)  # need for a higher collaboration level
    questions: str = Field(default="", sa_type=Text)
    internal: bool = Field(default=False, sa_column_kwargs={"server_default": false()})  # egen
    focus_area: str = Field(default="", max_length=100, sa_column_kwargs={"server_default": ""})
    raised_meeting_id: str | None = Field(
        default=None, sa_column=_fk("meeting", "SET NULL", nullable=True))
    closed_meeting_id: str | None = Field(
        default=None, sa_column=_fk("meeting", "SET NULL", nullable=True))
    raised_at: datetime = Field(**NAIVE)
    closed_at: datetime | None = Field(default=None, **NAIVE)
    closing_note: str = Field(default="", sa_type=Text)
    updated_at: datetime = Field(**NAIVE)
