"""citizen promises: promise, promise_area, commitment, commitment_entry

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def _ref(name: str, table: str, ondelete: str, nullable: bool) -> sa.Column:
    return sa.Column(name, sa.String(36), sa.ForeignKey(f"{table}.id", ondelete=ondelete),
                     nullable=nullable, index=True)


def upgrade() -> None:
    op.create_table(
        "promise",
        sa.Column("id", sa.String(36), primary_key=True),
        _ref("series_id", "series", "SET NULL", True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("ends", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("evaluation", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "promise_area",
        sa.Column("id", sa.String(36), primary_key=True),
        _ref("promise_id", "promise", "CASCADE", False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        _ref("area_id", "area", "SET NULL", True),
    )
    op.create_table(
        "commitment",
        sa.Column("id", sa.String(36), primary_key=True),
        _ref("promise_id", "promise", "CASCADE", False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("target", sa.Integer(), nullable=True),
        sa.Column("per_year", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("evaluation", sa.Text(), nullable=False),
    )
    op.create_table(
        "commitment_entry",
        sa.Column("id", sa.String(36), primary_key=True),
        _ref("commitment_id", "commitment", "CASCADE", False),
        sa.Column("day", sa.Date(), nullable=False, index=True),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("commitment_entry")
    op.drop_table("commitment")
    op.drop_table("promise_area")
    op.drop_table("promise")
