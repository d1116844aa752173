"""The slower forums of the long demo history: the Fem Fokus steering group (three times a
term) and working group (four times a term), and the KKL meeting (twice a year). What is
noted under their points: the combined picture, the follow-up of joint measures, the five
focus areas, decisions and direction; at group and area level, as everywhere in the demo."""

from __future__ import annotations

import random

from orat_tui.store.demo_text.notes import compose
from orat_tui.store.demo_text.week import Week

FOCUS = ("unga i riskzon och unga lagöverträdare", "organiserad brottslighet och kriminella "
         "nätverk", "stöd till brottsutsatta", "narkotika", "trygghet i offentlig miljö och trafik")

_PICTURE = [
    "Den samlade bilden från stadsområdenas veckomöten visar {hot_word} {in_hot}.",
    "Stadsområdena rapporterar i huvudsak en stabil bild; {in_hot} har läget krävt mer samordning.",
    "Polisen beskriver en minskning av anmälda brott i offentlig miljö jämfört med samma period förra året.",
    "Räddningstjänsten ser färre anlagda bränder i det fria {in_area} sedan förra mötet.",
    "Lägesbilden har under perioden periodvis legat på gult {in_hot}; nu tillbaka på grönt.",
    "Oron kring grupper av unga {in_area} har minskat efter de gemensamma insatserna.",
    "Fastighetsägarna rapporterar färre skadegörelser i trapphus och källare {in_area2}.",
]
_FOLLOW_UP = [
    "Trygghetsvandringarna {in_area} är genomförda enligt plan; belysningen åtgärdas under hösten.",
    "Den utökade fältverksamheten {in_hot} fortsätter till och med {n_word} veckor till.",
    "Åtgärden med fler vuxna på plats vid {place} följs upp med mätbara mål inför nästa möte.",
    "Samverkan kring lovaktiviteterna har gett fler deltagare än förra året.",
    "Två av de gemensamma åtgärderna är avslutade; resultaten redovisas i årsuppföljningen.",
    "Arbetsgruppen har träffats enligt plan och redovisar inga avvikelser från handlingsplanen.",
]
_FOCUS = [
    "Fokusområdet {focus}: arbetet fortgår enligt handlingsplanen.",
    "Under fokusområdet {focus} redovisas en ny gemensam aktivitet {in_area}.",
    "Fokusområdet {focus} behöver förstärkas; arbetsgruppen återkommer med förslag.",
    "För {focus} saknas ännu uppföljningsbara mål; tas fram till nästa möte.",
]
_DECISION = [
    "Styrgruppen beslutar att fortsätta den utökade samverkan {in_hot} under nästa period.",
    "Beslut: arbetsgruppen får i uppdrag att ta fram en lägesrapport till nästa möte.",
    "Inriktningen ligger fast; inga nya beslut behövs denna gång.",
    "Beslut om att lyfta behovet av fler fältarbetare till kommunstyrelsen.",
    "Årsuppföljningen fastställs och skickas till brottsförebyggande rådet.",
]
_PREPARE = [
    "Arbetsgruppen bereder ett förslag om {focus} till styrgruppens nästa möte.",
    "Frågan om fler vuxna på plats {in_hot} lyfts till styrgruppen för beslut.",
    "Inga frågor att bereda till styrgruppen denna gång.",
    "Behovet av gemensam finansiering av sommaraktiviteterna bereds till styrgruppen.",
]
_PRIORITY = [
    "Kommande halvår prioriteras {focus} och läget {in_hot}.",
    "Samverkan inför sommaren och lovperioderna planeras redan nu.",
    "Medborgarlöftet förlängs med oförändrade åtaganden för {area} och {area2}.",
    "Polisen och staden planerar gemensamma trygghetsvandringar {in_area} under hösten.",
]
_INFORM = [
    "Brottsförebyggande rådet informeras om pågående och avslutade åtgärder.",
    "Information om uppföljningen går ut till förvaltningarna via respektive representant.",
    "Invånarna {in_hot} informeras om åtgärderna genom fastighetsägarna och fritidsgården.",
]
# The banks of each point, by the point's number, of the shipped templates of these forums.
BANKS = {
    "malmo-fem-fokus-styrgrupp": (_PICTURE, _FOLLOW_UP, _FOCUS + _DECISION, _INFORM),
    "malmo-fem-fokus-arbetsgrupp": (_FOCUS + _FOLLOW_UP, _FOLLOW_UP, _PREPARE),
    "bromolla-kkl": (_PRIORITY + _PICTURE,),
}
_HOT_WORDS = ("ökad oro bland unga", "fler anlagda bränder", "en orolig bild kring narkotikaförsäljning",
              "fler larm om skadegörelse")


def point_note_for(template_id: str):
    """A point_note (store/demo.py) for the forum of the shipped template `template_id`."""
    banks = BANKS.get(template_id, (_PICTURE,))

    def note(rng: random.Random, number: int, week: Week, speakers: list[tuple[str, str]]) -> str:
        focus = rng.choice(FOCUS)
        hot_word = rng.choice(_HOT_WORDS)
        pool = [t.replace("{focus}", focus).replace("{hot_word}", hot_word)
                for t in banks[(max(number, 1) - 1) % len(banks)]]
        prefix = f"{speakers[0][0]} föredrar. " if speakers and rng.random() < 0.5 else ""
        return compose(rng, week, pool, prefix=prefix, count=rng.choice((2, 3, 3, 4)))

    return note
