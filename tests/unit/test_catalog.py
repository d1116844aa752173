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


def test_no_translation_call_hides_inside_an_f_string():
    """Babel cannot see _() inside an f-string: such a text would silently stay English."""
    import io
    import tokenize

    offenders = []
    for path in (ROOT / "orat_tui").rglob("*.py"):
        for tok in tokenize.generate_tokens(io.StringIO(path.read_text("utf-8")).readline):
            if tok.type == tokenize.STRING and tok.string.lstrip("rbRB").startswith(("f", "F")):
                if "_(" in tok.string:
                    offenders.append(f"{path.relative_to(ROOT)}:{tok.start[0]}")
    assert offenders == []
