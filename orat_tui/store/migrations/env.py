"""Alembic environment: orat runs migrations itself, on a connection it passes in."""

from alembic import context

from orat_tui.store import models  # noqa: F401  (registers the tables)
from orat_tui.store import models_intake  # noqa: F401  (prepared input)
from orat_tui.store import models_picture  # noqa: F401  (areas, levels, signals, events)
from orat_tui.store import models_promises  # noqa: F401  (citizen promises)
from orat_tui.store import models_followup  # noqa: F401
from orat_tui.store.search import include_name
from sqlmodel import SQLModel

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies tables
    include_name=include_name,  # the full-text index's tables are the migrations' own
)
with context.begin_transaction():
    context.run_migrations()
