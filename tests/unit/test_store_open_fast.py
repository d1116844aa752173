"""Opening a database that is at the newest schema asks one query and leaves Alembic
unimported (it is a tenth of orat's memory); any other database goes through Alembic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from orat_tui.store.db import head_revision, quick_head


def test_quick_head_is_alembics_head():
    assert quick_head() == head_revision()


def test_a_chain_that_is_not_a_line_is_left_to_alembic(tmp_path):
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "a.py").write_text('revision = "a"\ndown_revision = None\n')
    (versions / "b.py").write_text('revision = "b"\ndown_revision = "a"\n')
    assert quick_head(tmp_path) == "b"
    (versions / "c.py").write_text('revision = "c"\ndown_revision = ("a", "b")\n')
    assert quick_head(tmp_path) is None
    (versions / "c.py").write_text('revision = "c"\ndown_revision = "a"\n')  # two heads
    assert quick_head(tmp_path) is None


def _opens(db: Path) -> bool:
    code = ("import sys; from orat_tui.store.meetings import Store; "
            f"s = Store.open('sqlite:///{db}'); s.recent_meetings(); s.close(); "
            "print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip() == "True"


def test_alembic_only_when_there_is_something_to_do(tmp_path):
    db = tmp_path / "orat.db"
    assert _opens(db)  # a new database: Alembic makes the schema
    assert not _opens(db)  # at the newest schema: one query
    import sqlite3

    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '0001'")  # pretend it is older
    con.commit()
    con.close()
    # not at the head: Alembic's way (which here fails: the tables are newer than 0001 says)
    code = ("import sys; from orat_tui.store.meetings import Store\n"
            f"try: Store.open('sqlite:///{db}')\nexcept Exception: pass\n"
            "print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("True")


def test_every_table_is_known_after_a_quick_open(tmp_path):
    db = tmp_path / "orat.db"
    _opens(db)
    code = ("import json; from orat_tui.store.meetings import Store; from sqlmodel import SQLModel; "
            f"s = Store.open('sqlite:///{db}'); print(json.dumps(sorted(SQLModel.metadata.tables)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    import json
    import sqlite3

    known = set(json.loads(out.stdout.splitlines()[-1]))
    con = sqlite3.connect(db)
    in_file = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                         "AND name NOT LIKE 'note_fts%' AND name NOT LIKE "
                                         "'sqlite_%' AND name != 'alembic_version'")}
    con.close()
    assert in_file and in_file <= known, in_file - known
