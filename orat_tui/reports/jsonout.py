"""A report as JSON, for scripts: every block carries its `type`."""

from __future__ import annotations

import json
from dataclasses import asdict

from orat_tui.reports import Report


def as_json(report: Report) -> str:
    data = {"kind": report.kind, "title": report.title, "meta": report.meta, "sections": []}
    for s in report.sections:
        blocks = [{"type": type(b).__name__.lower(), **asdict(b)} for b in s.blocks]
        for b in blocks:
            if "right" in b:
                b["right"] = list(b["right"])
        data["sections"].append({"heading": s.heading, "level": s.level, "blocks": blocks})
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
