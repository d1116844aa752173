"""prepared input per member before a meeting (orat intake, the p screen)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "prepared_input",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("series_id", sa.String(36), sa.ForeignKey("series.id"), nullable=False,
                  index=True),
        sa.Column("meeting_id", sa.String(36), sa.ForeignKey("meeting.id", ondelete="CASCADE"),
                  nullable=True, index=True),
        sa.Column("member_key", sa.String(100), nullable=False),
        sa.Column("field", sa.String(100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("prepared_input")
