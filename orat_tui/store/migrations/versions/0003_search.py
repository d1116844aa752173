"""full-text search over every note (SQLite FTS5)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

An FTS5 index over note.text with external content (the text itself lives only in `note`;
the index holds the words). The tokenizer is unicode61 with remove_diacritics 0: å, ä and ö
are letters of their own (`för` does not find `for`, `möte` not `mote`), and case is folded
(`ÅSA` finds `Åsa`). Three triggers keep the index in step with every insert, update and
delete of a note, from any writer; the rows already there are indexed by a rebuild.

On other databases this revision does nothing (PostgreSQL search comes later), nor on a
SQLite built without FTS5: the database still opens, and search says it has no index.

Forgetting. SQLite's secure_delete zeroes freed pages, but FTS5 keeps the words of deleted
or changed text in its older index segments until they are merged (SQLite's documentation
of secure_delete warns of exactly this). So when a note that held something shaped like a
personal identity number (six digits, then - or + and four digits; or ten digits in a row)
is deleted, or saved without any such number, the whole index is merged ('optimize'): the
removed number then lingers in the index no more than in the note, and neither do the
half-typed versions of it that autosave wrote before. That costs some 30 ms over ten years
of demo meetings, and happens only for such notes.
(FTS5's own 'secure-delete' option would do this row by row, but it needs SQLite 3.42 or
newer, and orat runs on the SQLite of the system, often older: Debian 12 has 3.40.)

For whoever changes the note table later (READ THIS before a batch migration of `note`):
- The triggers belong to `note`. Alembic's batch mode on SQLite copies `note` into a new
  table, drops the old one (the triggers go with it) and renames the copy: afterwards the
  index is silently no longer kept in step. Such a migration must run `drop_search()` /
  `create_search()` as here (copy them: migrations do not import each other) after its
  batch block; `create_search` rebuilds the index.
- The index points at note.rowid, an implicit rowid (note.id is a text key). The batch copy
  gives the rows new rowids, so the old index points at the wrong notes until rebuilt;
  VACUUM keeps rowids in today's SQLite, but documents that it may renumber a table without an
  INTEGER PRIMARY KEY: `orat_tui.store.search.rebuild_index` repairs the index in one step.
- migrate() runs the upgrade with PRAGMA foreign_keys OFF (it cannot be changed inside the
  transaction). So a batch rebuild of `meeting` does not cascade into `note`: no note is
  deleted and no trigger fires. With foreign keys ON, as every orat connection has them,
  deleting a meeting deletes its notes through ON DELETE CASCADE, and those deletes fire the
  delete trigger like any other. Never write a note with INSERT OR REPLACE: the rows REPLACE
  deletes fire no delete trigger (unless recursive_triggers is on) and would stay indexed.
- tests/unit/test_search.py checks that, at the head revision, the triggers exist and the
  index agrees with the notes: a migration that loses them fails there.
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Shapes of a personal identity number (see orat_tui.domain.personnummer), as GLOB patterns:
# YYMMDD-NNNC, YYMMDD+NNNC (and YYYYMMDD-..., whose last six head digits match too), and ten
# digits in a row (YYMMDDNNNC, YYYYMMDDNNNC). Generous on purpose: a phone number written
# without spaces merges the index too, which costs time, not privacy.
_D = "[0-9]"
_SHAPES = (f"*{_D * 6}[-+]{_D * 4}*", f"*{_D * 10}*")


def _looks_personal(column: str) -> str:
    return "(" + " OR ".join(f"{column} GLOB '{p}'" for p in _SHAPES) + ")"


def create_search() -> list[str]:
    optimize = "INSERT INTO note_fts(note_fts) SELECT 'optimize' WHERE "
    forget_deleted = optimize + _looks_personal("old.text") + ";"
    # while the number is still there (typing on; kept after a warning, with a reason) there
    # is nothing to forget yet; the save that takes it out merges every segment, and with
    # them every earlier version of the note
    forget_changed = (optimize + _looks_personal("old.text") + " AND NOT "
                      + _looks_personal("new.text") + ";")
    return [
        "CREATE VIRTUAL TABLE note_fts USING fts5(text, content='note', content_rowid='rowid', "
        "tokenize='unicode61 remove_diacritics 0')",
        "CREATE TRIGGER note_fts_insert AFTER INSERT ON note BEGIN "
        "INSERT INTO note_fts(rowid, text) VALUES (new.rowid, new.text); END",
        "CREATE TRIGGER note_fts_delete AFTER DELETE ON note BEGIN "
        "INSERT INTO note_fts(note_fts, rowid, text) VALUES ('delete', old.rowid, old.text); "
        + forget_deleted + " END",
        "CREATE TRIGGER note_fts_update AFTER UPDATE OF text ON note BEGIN "
        "INSERT INTO note_fts(note_fts, rowid, text) VALUES ('delete', old.rowid, old.text); "
        "INSERT INTO note_fts(rowid, text) VALUES (new.rowid, new.text); "
        + forget_changed + " END",
        "INSERT INTO note_fts(note_fts) VALUES ('rebuild')",
    ]


def drop_search() -> list[str]:
    return [
        "DROP TRIGGER IF EXISTS note_fts_insert",
        "DROP TRIGGER IF EXISTS note_fts_delete",
        "DROP TRIGGER IF EXISTS note_fts_update",
        "DROP TABLE IF EXISTS note_fts",
    ]


def fts5_available(bind) -> bool:
    """Whether this SQLite has FTS5 (nearly every build has; one without it still opens the
    database, and orat search says there is no index)."""
    from sqlalchemy.exc import OperationalError

    try:
        bind.exec_driver_sql("CREATE VIRTUAL TABLE temp.orat_fts5_probe USING fts5(x)")
    except OperationalError:
        return False
    bind.exec_driver_sql("DROP TABLE temp.orat_fts5_probe")
    return True


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite" or not fts5_available(bind):
        return
    for statement in create_search():
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    bind = op.get_bind()
    for statement in drop_search():
        bind.exec_driver_sql(statement)
