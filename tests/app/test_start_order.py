"""The first frame never waits for the database: the app opens it only once the first frame
is drawn (Textual's Ready), and nothing the first frame needs imports the database layer,
the exporters or argparse."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.app.conftest import wait_for


@pytest.mark.asyncio
async def test_the_database_opens_after_the_first_frame(harness, monkeypatch):
    from orat_tui.ui.app import OratApp

    seen = []
    real = OratApp.open_store

    def open_store(self):
        seen.append(self._dom_ready)  # True once the first frame is on the screen
        return real(self)

    monkeypatch.setattr(OratApp, "open_store", open_store)
    app = harness.app()
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.store is not None)
    assert seen == [True]


def test_the_start_path_imports_no_database_layer():
    code = (
        "import sys, json\n"
        "import orat_tui.cli as cli\n"
        "args = cli.plain_start(['--db', 'x.db'])\n"
        "from orat_tui.config import discover_templates, load_user_config\n"
        "from orat_tui.i18n import set_language\n"
        "set_language(load_user_config().language); discover_templates()\n"
        "import orat_tui.ui.app, orat_tui.ui.screens.home, orat_tui.ui.screens.too_small\n"
        "import orat_tui.ui.screens.meetings, orat_tui.ui.screens.search\n"  # warmed when idle
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    roots = set(json.loads(out.splitlines()[-1]))
    assert "textual" in roots
    assert not roots & {"sqlalchemy", "sqlmodel", "alembic", "docx", "argparse"}, roots
