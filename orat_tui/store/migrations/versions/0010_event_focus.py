"""an event (händelse) can be tagged with a focus area, as notes and actions can:
event.focus_area

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("event") as batch:
        batch.add_column(sa.Column("focus_area", sa.String(100), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("event") as batch:
        batch.drop_column("focus_area")
