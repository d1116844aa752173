"""the situational picture: areas, levels per area and meeting, the combined level, warning
signal ratings, events

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _fk(table: str, ondelete: str = "CASCADE", nullable: bool = False) -> sa.Column:
    return sa.Column(f"{table}_id", sa.String(36), sa.ForeignKey(f"{table}.id", ondelete=ondelete),
                     nullable=nullable, index=True)


def _ref(name: str, table: str, ondelete: str, nullable: bool) -> sa.Column:
    return sa.Column(name, sa.String(36), sa.ForeignKey(f"{table}.id", ondelete=ondelete),
                     nullable=nullable, index=True)


def upgrade() -> None:
    op.create_table(
        "area",
        sa.Column("id", sa.String(36), primary_key=True),
        _fk("series"),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("series_id", "key", name="uq_area_series_key"),
    )
    op.create_table(
        "area_level",
        sa.Column("id", sa.String(36), primary_key=True),
        _fk("meeting"),
        _fk("area"),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("who", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("meeting_id", "area_id", name="uq_area_level"),
    )
    op.create_table(
        "combined_level",
        sa.Column("id", sa.String(36), primary_key=True),
        _fk("meeting"),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("suggested", sa.String(10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("who", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("meeting_id", name="uq_combined_level_meeting"),
    )
    op.create_table(
        "signal_rating",
        sa.Column("id", sa.String(36), primary_key=True),
        _fk("meeting"),
        _fk("area"),
        sa.Column("checklist", sa.String(100), nullable=False),
        sa.Column("question", sa.Integer(), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.UniqueConstraint("meeting_id", "area_id", "question", name="uq_signal_rating"),
    )
    op.create_table(
        "event",
        sa.Column("id", sa.String(36), primary_key=True),
        _fk("series"),
        _fk("area", "SET NULL", nullable=True),
        sa.Column("member_key", sa.String(100), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        *[sa.Column(name, sa.Text(), nullable=False) for name in (
            "facts", "ability", "best_case", "likely_case", "worst_case", "consequences",
            "measures_taken", "measures_planned")],
        sa.Column("affects_others", sa.Boolean(), nullable=False, server_default=sa.false()),
        *[sa.Column(name, sa.Text(), nullable=False) for name in (
            "inform", "coordination", "higher_level", "questions")],
        sa.Column("internal", sa.Boolean(), nullable=False, server_default=sa.false()),
        _ref("raised_meeting_id", "meeting", "SET NULL", True),
        _ref("closed_meeting_id", "meeting", "SET NULL", True),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closing_note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in ("event", "signal_rating", "combined_level", "area_level", "area"):
        op.drop_table(table)
