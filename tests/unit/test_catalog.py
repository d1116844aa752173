"""Every visible string has a Swedish translation, and the compiled catalogue is current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_catalogue_complete_and_compiled():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_swedish_is_the_default_and_english_an_option():
    code = (
        "from orat_tui import i18n\n"
        "print(i18n._('Next'), i18n.format_date(__import__('datetime').date(2026, 11, 27)))\n"
        "i18n.set_language('en')\n"
        "print(i18n._('Next'), i18n.format_date(__import__('datetime').date(2026, 11, 27)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == ["Nästa fre 27 nov 2026", "Next Fri 27 Nov 2026"]
