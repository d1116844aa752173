"""The tables of citizen promises (medborgarlöften): a promise, its areas, its commitments
and the progress recorded towards each. A promise may name the series (forum) that follows it
up; its areas are names, linked to that series' areas where the names match."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, ForeignKey, String, Text, false
from sqlmodel import Field, SQLModel

from orat_tui.store.models import NAIVE


def _ref(table: str, ondelete: str, nullable: bool) -> Column:
    return Column(String(36), ForeignKey(f"{table}.id", ondelete=ondelete), nullable=nullable,
                  index=True)


class PromiseRow(SQLModel, table=True):
    __tablename__ = "promise"
    id: str = Field(primary_key=True, max_length=36)
    series_id: str | None = Field(default=None, sa_column=_ref("series", "SET NULL", True))
    title: str = Field(sa_type=Text)
    starts: date = Field(sa_type=Date)
    ends: date = Field(sa_type=Date)
    description: str = Field(default="", sa_type=Text)
    evaluation: str = Field(default="", sa_type=Text)
    created_at: datetime = Field(**NAIVE)
    updated_at: datetime = Field(**NAIVE)


class PromiseAreaRow(SQLModel, table=True):
    __tablename__ = "promise_area"
    id: str = Field(primary_key=True, max_length=36)
    promise_id: str = Field(sa_column=_ref("promise", "CASCADE", False))
    position: int = 0
    name: str
    area_id: str | None = Field(default=None, sa_column=_ref("area", "SET NULL", True))


class CommitmentRow(SQLModel, table=True):
    __tablename__ = "commitment"
    id: str = Field(primary_key=True, max_length=36)
    promise_id: str = Field(sa_column=_ref("promise", "CASCADE", False))
    position: int = 0
    text: str = Field(sa_type=Text)
    target: int | None = None
    per_year: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    unit: str = ""
    done: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    evaluation: str = Field(default="", sa_type=Text)


class CommitmentEntryRow(SQLModel, table=True):
    """Progress recorded by hand: `amount` on `day` (actions that count towards a commitment
    are counted from the action table)."""

    __tablename__ = "commitment_entry"
    id: str = Field(primary_key=True, max_length=36)
    commitment_id: str = Field(sa_column=_ref("commitment", "CASCADE", False))
    day: date = Field(sa_type=Date, index=True)
    amount: int = 1
    note: str = Field(default="", sa_type=Text)
    created_at: datetime = Field(**NAIVE)
