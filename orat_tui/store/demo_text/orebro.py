"""The Örebro forum: its levels (the "lägesbild" over a block of weeks) and the sentences of
its numbered points."""

from __future__ import annotations

from orat_tui.store.demo_text.sentence import S

# The Örebro levels ("lägesbild"), over a block of four weeks.
LEVEL_RUNS = (
    (("grönt", "grönt", "grönt", "grönt"), 10),
    (("grönt", "gult", "gult", "grönt"), 3),
    (("gult", "gult", "grönt", "grönt"), 2),
    (("gult", "rött", "orange", "grönt"), 1),
)
LEVEL_TEXT = {
    "grönt": "Samlad lägesbild: grönt läge, normal verksamhet med långsiktigt förebyggande arbete.",
    "gult": "Samlad lägesbild: gult läge med anledning av uppgifter om oroligheter {in_hot}; samverkansorganisationen förbereds för rött läge.",
    "rött": "Samlad lägesbild: rött läge efter anlagda bränder, stenkastning och skadegörelse {in_hot}.",
    "orange": "Samlad lägesbild: orange läge. Oroligheterna {in_hot} har lagt sig och information går ut till boende och samverkansaktörer.",
}

# The Örebro points, by number (the shipped titles: see config/templates/orebro-samordning.toml).
POINTS: dict[int, list[S]] = {
    3: [
        S("Hotspot: {hot}, främst kring {place} kvällstid."),
        S("Trolig utveckling: oförändrat läge. Bästa utfall att det lugnar sig efter helgen, värsta att oron sprider sig till {area2}."),
        S("Mest troligt fortsatt lugnt {in_hot}, men bilden kan ändras snabbt inför {event_coming}."),
        S("Förmedlade lägesbilder från kommunen, polisen och ÖBO pekar åt samma håll: fokus {in_hot}."),
        S("Värsta utfall bedöms vara nya bränder {in_hot} under helgen; bästa att gruppen splittras."),
        S("Även {area2} behöver följas, där boende beskriver ökad otrygghet."),
    ],
    4: [
        S("Polisen ökar närvaron {in_hot} fredag och lördag kväll."),
        S("Kommunens fältarbetare förstärker kvällstid {in_hot} och {in_area2}."),
        S("ÖBO förbättrar belysningen och ser över låsen i de utsatta husen {in_hot}."),
        S("Trygghetsvandring {in_hot} {when_coming} med polis, kommun och ÖBO."),
        S("Fritidsgårdarna håller öppet längre inför {event_coming}."),
        S("Gemensam information till boende {in_hot} om vart man vänder sig."),
        S("Planerade åtgärder påverkar skolorna {in_hot}, som informeras av kommunen."),
    ],
    5: [
        S("Behov av förstärkning med fältarbetare under helgen; kommunens samordnare tar frågan till ledningen."),
        S("Polisen kan behöva förstärkning från andra lokalpolisområden om läget {in_hot} förvärras; beslut fattas vid behov."),
        S("ÖBO behöver beslut om extra bevakning {in_hot}; tas upp internt under veckan."),
    ],
    6: [
        S("Avstämning per telefon på måndag om läget {in_hot}."),
        S("Kort samordning med räddningstjänsten inför helgen om bränderna {in_hot}."),
        S("Samordnarna håller kontakt under helgen och stämmer av läget {in_hot} på fredag eftermiddag."),
    ],
    7: [
        S("Skolorna och fritidsgårdarna {in_hot} informeras via kommunens samordnare."),
        S("Kollektivtrafiken informeras om läget {in_hot} inför helgen."),
        S("Räddningstjänsten och hemtjänsten {in_hot} behöver informeras om de planerade åtgärderna."),
        S("Fredagens utsättning kl. 19.00 får den samlade lägesbilden på en sida."),
    ],
}

# Points 5-7 in a quiet week: this alone.
POINT_NONE = {
    5: "Inget behov av nya beslut; läget hanteras inom ordinarie verksamhet och frågan tas upp igen nästa vecka om bilden ändras.",
    6: "Inget behov av ytterligare samordning utöver det ordinarie mötet; samordnarna hör av sig vid förändring.",
    7: "Inga andra verksamheter behöver informeras denna vecka; bilden är oförändrad sedan förra mötet.",
}
QUIET_CHANCE = {"grönt": 0.7, "orange": 0.3, "gult": 0.15, "rött": 0.05}
