"""Alembic environment: orat runs migrations itself, on a connection it passes in."""

from alembic import context

from orat_tui.store import models  # noqa: F401  (registers the tables)
from sqlmodel import SQLModel

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies tables
)
with context.begin_transaction():
    context.run_migrations()
