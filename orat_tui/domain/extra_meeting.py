"""An extra meeting of a series (seed 003: closer contact at yellow and red): the series'
members, a short agenda of levels, events, planned measures and who must be informed."""

from __future__ import annotations

from dataclasses import replace

from orat_tui.domain.template import StepSpec, Template


def extra_template(template: Template, suffix: str, titles: tuple[str, str, str, str]) -> Template:
    """The template of an extra meeting: the same series (same id), its own short agenda.
    `titles` name the four points (levels, events, planned measures, who must be informed);
    the caller translates them."""
    levels, events, measures, inform = titles
    steps = (
        StepSpec("roll_call", 60),
        StepSpec("picture", 8 * 60, title=levels, number=1),
        StepSpec("point", 8 * 60, title=events, number=2),
        StepSpec("follow_up", 6 * 60, title=measures, number=3),  # the open actions
        StepSpec("point", 4 * 60, title=inform, number=4),
        StepSpec("wrap_up", 3 * 60),
    )
    return replace(template, name=f"{template.name} · {suffix}", steps=steps,
                   duration_minutes=30)
