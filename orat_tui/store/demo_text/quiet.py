"""A quiet week: the calm sentences of a member's turn, and the short "nothing to report"
notes."""

from __future__ import annotations

# A quiet week, per kind (each long enough on its own).
CALM: dict[str, list[str]] = {
    "police": ["Lugn vecka i stort, inga större händelser utöver det normala för årstiden.",
               "Inga avvikande händelser under veckan; brottsnivån ligger på en normal nivå i alla områden."],
    "rescue": ["Lugn vecka för räddningstjänsten med ett normalt antal larm och inga anlagda bränder.",
               "Inga bränder eller larm som sticker ut; räddningstjänsten ser ingen förändring i bilden."],
    "generic": ["Lugn vecka i verksamheten, inga händelser som påverkar övriga aktörer eller staden i stort.",
                "Inget särskilt att lyfta från verksamheten denna vecka; läget är oförändrat sedan förra mötet.",
                "Veckan har varit lugn; det som hänt ryms inom det vanliga och påverkar inte de andra förvaltningarna.",
                "Inga händelser av vikt för övriga deltagare; verksamheten har fungerat som vanligt under veckan.",
                "Normalläge i verksamheten. Inget har kommit in från enheterna som behöver delas i det här forumet."],
}
CALM_COMING: dict[str, list[str]] = {
    "generic": ["Inga planerade händelser under kommande vecka som bedöms påverka övriga aktörer.",
                "Ingen särskild bedömning inför kommande vecka; verksamheten hör av sig om bilden ändras.",
                "Kommande vecka ser ut som vanligt; inget planerat som kräver samordning med övriga.",
                "Inget inplanerat som berör de andra deltagarna. Eventuella förändringar meddelas via ordföranden."],
}

# Short notes: "nothing to report" (the only notes under 80 characters).
NOTHING_TURN = (
    "Inget att rapportera.",
    "Inget nytt sedan förra veckan.",
    "Inget särskilt att lyfta denna vecka.",
    "Inget som påverkar övriga aktörer.",
)
NOTHING_POINT = ("Inget att rapportera.", "Inget behov.", "Inget nytt.")
NOTHING = tuple(dict.fromkeys(NOTHING_TURN + NOTHING_POINT))
