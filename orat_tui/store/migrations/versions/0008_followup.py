"""the follow-up between meetings: actions, their changes, focus areas of notes

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "action",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("series_id", sa.String(36), sa.ForeignKey("series.id"), nullable=False,
                  index=True),
        sa.Column("meeting_id", sa.String(36), sa.ForeignKey("meeting.id", ondelete="SET NULL"),
                  nullable=True, index=True),
        sa.Column("step_id", sa.String(36), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column("responsible", sa.String(100), nullable=False),
        sa.Column("responsible_name", sa.String(), nullable=False),
        sa.Column("with_member", sa.String(100), nullable=False),
        sa.Column("with_name", sa.String(), nullable=False),
        sa.Column("due", sa.Date(), nullable=True),
        sa.Column("status", sa.String(20), nullable=False, index=True),
        sa.Column("area_id", sa.String(36), sa.ForeignKey("area.id", ondelete="SET NULL"),
                  nullable=True, index=True),
        sa.Column("focus_area", sa.String(100), nullable=False),
        sa.Column("goal", sa.Text(), nullable=False),
        sa.Column("goal_target", sa.Float(), nullable=True),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("result_value", sa.Float(), nullable=True),
        sa.Column("evaluation", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
    )
    op.create_table(
        "action_change",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("action_id", sa.String(36), sa.ForeignKey("action.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(), nullable=False),
        sa.Column("meeting_id", sa.String(36), nullable=True),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
    )
    op.create_table(
        "note_focus",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("meeting_id", sa.String(36), sa.ForeignKey("meeting.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("slot", sa.String(200), nullable=False),
        sa.Column("focus_area", sa.String(100), nullable=False),
        sa.UniqueConstraint("meeting_id", "slot", name="uq_note_focus_slot"),
    )


def downgrade() -> None:
    op.drop_table("note_focus")
    op.drop_table("action_change")
    op.drop_table("action")
