"""an action can count towards a citizen-promise commitment: action.commitment_id and
action.commitment_count

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("action") as batch:
        batch.add_column(sa.Column("commitment_id", sa.String(36), nullable=True))
        batch.add_column(sa.Column("commitment_count", sa.Integer(), nullable=True))
        batch.create_index("ix_action_commitment_id", ["commitment_id"])
        batch.create_foreign_key("fk_action_commitment", "commitment", ["commitment_id"], ["id"],
                                 ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("action") as batch:
        batch.drop_constraint("fk_action_commitment", type_="foreignkey")
        batch.drop_index("ix_action_commitment_id")
        batch.drop_column("commitment_count")
        batch.drop_column("commitment_id")
