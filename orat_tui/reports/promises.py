"""`orat report promises`: placeholder until citizen promises land."""

from __future__ import annotations

from orat_tui.i18n import _
from orat_tui.reports import Paragraph, Report, Section
from orat_tui.reports.common import choose_series


def build(store, args, today, templates=None) -> Report:
    choose_series(store, getattr(args, "series", None), templates)
    return Report("promises", _("Citizen promises"),
                  sections=[Section(_("Citizen promises"), [Paragraph(_("No promises yet."))])])
