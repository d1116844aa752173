"""full-text search on PostgreSQL (its own text search, configuration `simple`)

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24

What 0003 is for SQLite, this is for PostgreSQL; on SQLite it does nothing.

A GIN index over an expression of note.text, so it can never fall out of step with the notes
(no trigger, no column to keep up to date). The expression is one function,
`orat_search_words(text)`, used by the index and by every search (orat_tui.store.search_pg),
so the two always agree:
- the `simple` configuration: every word is kept (the `swedish` one drops "för", "och", ...
  and stems "mötet" to "möt") and only lower-cased, so å, ä and ö stay letters of their own
  and `ÅSA` finds `Åsa`, as FTS5's unicode61 tokenizer with remove_diacritics 0 does;
- ASCII punctuation is first made a space: PostgreSQL's parser would otherwise keep
  `polisen.se`, `a@b.se`, `x/y`, `-5` and `12.5` as single tokens, where FTS5 sees the words
  `polisen` and `se`; with the punctuation gone both see the same words.
Lower-casing follows the database's LC_CTYPE: a database made with a UTF-8 locale (the
README's CREATE DATABASE says LOCALE 'C.UTF-8') folds Å to å.

Forgetting: PostgreSQL keeps old row versions (and their index entries) until VACUUM; see
Store.compact_log.
"""
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# ASCII punctuation but the percent sign, which the driver would take for a placeholder in a
# statement without parameters: it is added in SQL as chr(37)
PUNCTUATION = "!\"#$&'()*+,-./:;<=>?@[\\]^_`{|}~"


def create_search() -> list[str]:
    spaces = " " * (len(PUNCTUATION) + 1)
    quoted = PUNCTUATION.replace("'", "''")
    return [
        "CREATE FUNCTION orat_search_words(t text) RETURNS tsvector "
        "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS "
        f"$$ SELECT to_tsvector('simple'::regconfig, "
        f"translate(t, '{quoted}' || chr(37), '{spaces}')) $$",
        "CREATE INDEX ix_note_search ON note USING gin (orat_search_words(text))",
    ]


def drop_search() -> list[str]:
    return [
        "DROP INDEX IF EXISTS ix_note_search",
        "DROP FUNCTION IF EXISTS orat_search_words(text)",
    ]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for statement in create_search():
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for statement in drop_search():
        bind.exec_driver_sql(statement)
