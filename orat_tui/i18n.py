"""The one catalogue of visible strings. Message ids are English; Swedish is the default
language and lives in locale/sv/LC_MESSAGES/orat.po (compiled to .mo beside it).

Usage: `from orat_tui.i18n import _` and `_("Next")` where the text is shown, so the
language chosen at start-up applies everywhere."""

from __future__ import annotations

import gettext
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "orat"
LANGUAGES = ("sv", "en")

_translation: gettext.NullTranslations = gettext.translation(
    DOMAIN, LOCALE_DIR, languages=["sv"], fallback=True
)
_language = "sv"


def set_language(language: str) -> None:
    global _translation, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (known: {', '.join(LANGUAGES)})")
    _language = language
    if language == "en":
        _translation = gettext.NullTranslations()
    else:
        _translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def language() -> str:
    return _language


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for the catalogue without translating it yet (module-level tables)."""
    return message


WEEKDAY_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
MONTH_SHORT = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"),
               N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"))


def format_date(d) -> str:
    """'fre 27 nov 2026' in Swedish, 'Fri 27 Nov 2026' in English."""
    weekday, month = _(WEEKDAY_SHORT[d.weekday()]), _(MONTH_SHORT[d.month - 1])
    return f"{weekday} {d.day} {month} {d.year}"
