"""Keep the translation catalogue in step with the code (needs Babel: pip install -e '.[test]').

    python scripts/i18n.py          extract messages, update locale/sv/.../orat.po, compile .mo
    python scripts/i18n.py --check  exit 1 if a message lacks a Swedish translation or the
                                    compiled .mo is stale (tests run this)
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "orat_tui"
PO = PACKAGE / "locale" / "sv" / "LC_MESSAGES" / "orat.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def extract() -> Catalog:
    template = Catalog(project="orat", domain="orat")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def load_po() -> Catalog:
    if not PO.exists():
        return Catalog(locale="sv", project="orat", domain="orat")
    with PO.open("rb") as f:
        return read_po(f, locale="sv")


def compiled(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog)
    return buf.getvalue()


def missing(catalog: Catalog, template: Catalog) -> list[str]:
    out = []
    for msg in template:
        if not msg.id:
            continue
        have = catalog.get(msg.id)
        if have is None or not have.string or (isinstance(have.string, tuple) and not all(have.string)):
            out.append(msg.id if isinstance(msg.id, str) else msg.id[0])
    return out


def main(argv: list[str]) -> int:
    template = extract()
    catalog = load_po()
    if "--check" in argv:
        problems = missing(catalog, template)
        for m in problems:
            print(f"no Swedish translation: {m!r}")
        if not MO.exists() or MO.read_bytes() != compiled(catalog):
            print(f"{MO.relative_to(ROOT)} is stale: run python scripts/i18n.py")
            problems.append("mo")
        return 1 if problems else 0
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    PO.parent.mkdir(parents=True, exist_ok=True)
    with PO.open("wb") as f:
        write_po(f, catalog, width=100, omit_header=False, sort_output=True, include_lineno=False)
    with PO.open("rb") as f:
        catalog = read_po(f, locale="sv")
    MO.write_bytes(compiled(catalog))
    todo = missing(catalog, template)
    print(f"{len(template)} messages, {len(todo)} without a Swedish translation")
    for m in todo:
        print(f"  {m!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
