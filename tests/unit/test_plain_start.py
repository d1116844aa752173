"""`orat` with nothing but --db/--lang starts the app without building the parser of every
sub-command; anything else goes through argparse as before."""

from __future__ import annotations

import pytest

from orat_tui.cli import build_parser, plain_start


@pytest.mark.parametrize("argv", [
    [], ["--db", "x.db"], ["--db=x.db"], ["--lang", "en"], ["--lang=sv", "--db", "a b.db"],
    ["--db", "one.db", "--db", "two.db"],
])
def test_plain_start_agrees_with_argparse(argv):
    quick = plain_start(argv)
    full = build_parser().parse_args(argv)
    assert quick is not None
    assert (quick.command, quick.db, quick.lang) == (full.command, full.db, full.lang)


@pytest.mark.parametrize("argv", [
    ["templates"], ["--db", "x.db", "demo"], ["--db"], ["--db", "--lang"], ["--lang", "de"],
    ["--help"], ["--version"], ["--d", "x.db"], ["start", "malmo-orat"], ["-h"],
])
def test_anything_else_goes_to_argparse(argv):
    assert plain_start(argv) is None


def test_the_app_does_not_import_argparse_to_start():
    import subprocess
    import sys

    code = ("import sys, orat_tui.cli as c; a = c.plain_start(['--db', 'x.db']); "
            "print('argparse' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
