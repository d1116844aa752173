"""The shipped templates reach an installed wheel: orat run outside the checkout finds them."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_carries_the_config_and_works_outside_the_checkout(tmp_path):
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(ROOT)],
        capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    wheel = next((tmp_path / "dist").glob("orat-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for template in ("malmo-orat", "orebro-samordning", "bromolla-lagesbild"):
        assert f"orat_tui/_config/templates/{template}.toml" in names
    assert any(n.endswith("locale/sv/LC_MESSAGES/orat.mo") for n in names)
    assert any(n.endswith("migrations/versions/0001_live_meetings.py") for n in names)

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(site))
    out = subprocess.run(
        [sys.executable, "-c", "import sys, orat_tui; print(orat_tui.__file__); "
         "from orat_tui.cli import main; sys.exit(main(['templates']))"],
        cwd=elsewhere, env=env, capture_output=True, text=True,
    )
    assert out.returncode == 0, out.stderr
    first, *rows = out.stdout.splitlines()
    assert first.startswith(str(site)), "the test must run the unpacked wheel, not the checkout"
    listed = {r.split()[0] for r in rows}
    assert {"malmo-orat", "orebro-samordning", "bromolla-lagesbild"} <= listed
    assert all("_config" in r for r in rows)
