"""The first frame must not wait for the database layer: check what start-up imports."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = {"sqlalchemy", "sqlmodel", "alembic", "docx", "babel"}


def imported_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"],
        capture_output=True, text=True, check=True,
    ).stdout
    return {name.split(".")[0] for name in json.loads(out.splitlines()[-1])}


def test_cli_imports_neither_textual_nor_the_database():
    roots = imported_after("import orat_tui.cli; orat_tui.cli.build_parser()")
    assert not roots & (HEAVY | {"textual", "rich"}), roots & (HEAVY | {"textual", "rich"})


def test_the_app_and_its_screens_import_no_database_layer():
    roots = imported_after(
        "import orat_tui.ui.app, orat_tui.ui.screens.home, orat_tui.ui.screens.meeting"
    )
    assert "textual" in roots  # the check itself works
    assert not roots & HEAVY, roots & HEAVY


def test_domain_store_and_config_import_no_textual():
    roots = imported_after(
        "import orat_tui.domain.agenda, orat_tui.domain.timer, orat_tui.domain.template, "
        "orat_tui.store.meetings, orat_tui.store.saver, orat_tui.store.service, orat_tui.config"
    )
    assert "sqlalchemy" in roots
    assert "textual" not in roots
