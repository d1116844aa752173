"""How the picture's levels, event fields and signals are named and drawn (no Textual here:
the exports and the briefing use it too)."""

from __future__ import annotations

from orat_tui.domain.levels import GRONT, GULT, LEVELS, ORANGE, ROTT
from orat_tui.i18n import N_, _

LEVEL_NAMES = {GRONT: N_("Green"), GULT: N_("Yellow"), ORANGE: N_("Orange"), ROTT: N_("Red")}
# Three letters in every cell, so a level reads without its colour (high contrast, print).
LEVEL_SHORT = {GRONT: N_("GRN"), GULT: N_("YEL"), ORANGE: N_("ORG"), ROTT: N_("RED")}
# The seed's meaning of each level (seed 003, "Lägesbild"), shown as help.
LEVEL_MEANING = {
    GRONT: N_("Normal situation with daily line operations; the long-term crime-prevention "
              "work aimed at children, young people and young adults."),
    GULT: N_("Intelligence about unrest or a specific event that may lead to violence. "
             "Prepare the collaboration organisation for red."),
    ORANGE: N_("After the unrest: inform the residents and every collaborating actor. The "
               "local organisation stays until the after-effects are back to green."),
    ROTT: N_("The situation has escalated to collective violence: arson, stone throwing, "
             "vandalism, violence and threats against public servants. Quickly dampen the "
             "unrest with the organisation and measures planned."),
}
# Rich styles: fixed colours (the level is the colour), with the letters above for contrast.
LEVEL_STYLE = {
    GRONT: "bold black on green3",
    GULT: "bold black on yellow1",
    ORANGE: "bold black on dark_orange",
    ROTT: "bold white on red3",
}
LEVEL_HTML = {GRONT: "#2e8b57", GULT: "#f2c200", ORANGE: "#ff8c00", ROTT: "#c00000"}

AREA_KIND_NAMES = {"stadsdel": N_("district"), "hotspot": N_("hotspot")}


def level_name(level: str) -> str:
    return _(LEVEL_NAMES.get(level, level))


def level_short(level: str) -> str:
    return _(LEVEL_SHORT.get(level, level[:3].upper()))


def level_meaning(level: str) -> str:
    return _(LEVEL_MEANING.get(level, ""))


def area_kind(kind: str) -> str:
    return _(AREA_KIND_NAMES.get(kind, kind))


EVENT_LABELS = {
    "title": N_("Event (a short title)"),
    "facts": N_("Facts about the situation"),
    "ability": N_("Assessment of the ability to handle the event"),
    "best_case": N_("Likely development: the best outcome"),
    "likely_case": N_("Likely development: the most likely outcome"),
    "worst_case": N_("Likely development: the worst outcome"),
    "consequences": N_("Consequences"),
    "measures_taken": N_("Measures taken"),
    "measures_planned": N_("Measures planned"),
    "inform": N_("Others affected by the measures who must be informed"),
    "coordination": N_("Need for coordination to handle the event"),
    "higher_level": N_("Need for a further level of collaboration for decisions and coordination"),
    "questions": N_("Questions the actor needs answered"),
}


def event_field_label(name: str) -> str:
    return _(EVENT_LABELS.get(name, name))


__all__ = ["LEVELS", "level_name", "level_short", "level_meaning", "area_kind",
           "event_field_label", "LEVEL_STYLE", "LEVEL_HTML"]
