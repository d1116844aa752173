"""The theme of a block of weeks (car fires, youth groups, drugs, burglaries, vandalism or a
calm spell): how often each comes up, and what each kind of member adds about the hotspot."""

from __future__ import annotations

# What the block's theme adds, per kind (said about the hotspot).
THEMES: dict[str, dict[str, list[str]]] = {
    "bilbränder": {
        "police": ["Serien av bilbränder {in_hot} fortsätter; polisen utreder om bränderna hänger ihop.",
                   "Polisen har förstärkt kvällspatrullerna {in_hot} efter bilbränderna."],
        "rescue": ["{n_word_cap} bilbränder {in_hot} {when_past}, samtliga misstänkt anlagda.",
                   "Bilbränderna {in_hot} har krävt insatser flera nätter i rad."],
        "housing": ["Parkeringarna {in_hot} har fått bättre belysning efter bilbränderna."],
        "social": ["Fältarbetet hör att bilbränderna {in_hot} diskuteras bland unga."],
        "municipality": ["Kommunen har förstärkt fältarbetet kvällstid {in_hot} efter bilbränderna."],
    },
    "ungdomsgrupper": {
        "police": ["En grupp unga samlas kvällstid {in_hot} och bilden är att gruppen växer.",
                   "Flera ordningsstörningar med grupper av unga {in_hot}; vissa tecken på att yngre dras in."],
        "social": ["Fältarbetet har följt gruppen unga {in_hot}; vuxennärvaron har ökats."],
        "school": ["Konflikterna mellan elevgrupper {in_hot} följer med in i skolan."],
        "leisure": ["Fritidsgården {in_hot} har haft oro vid stängning flera kvällar."],
        "housing": ["Boende {in_hot} hör av sig om grupper i trapphus och entréer."],
        "municipality": ["Kommunens fältarbetare har haft kontakt med grupperna {in_hot} flera kvällar."],
    },
    "narkotika": {
        "police": ["Fortsatt öppen narkotikaförsäljning {in_hot}; polisen har genomfört flera kontroller.",
                   "Narkotikaförsäljningen {in_hot} har flyttat närmare skolorna, vilket oroar."],
        "social": ["Uppsökande verksamhet ser fler unga i riskmiljöer kring försäljningen {in_hot}."],
        "housing": ["Spår av narkotikahantering i källarförråd och trapphus {in_hot}."],
        "school": ["Skolorna {in_hot} har haft samtal med vårdnadshavare om narkotika i området."],
        "andts": ["Signalerna om narkotika bland unga {in_hot} har ökat; samverkan med polisen pågår."],
        "municipality": ["Kommunen ser fler unga i miljöerna kring narkotikaförsäljningen {in_hot}."],
    },
    "inbrott": {
        "police": ["Inbrottsvågen {in_hot} fortsätter, främst i källarförråd och cykelrum.",
                   "Fler anmälda inbrott {in_hot}; polisen ser samma tillvägagångssätt i flera fall."],
        "housing": ["Inbrotten i källarförråden {in_hot} fortsätter; låsbyte pågår i flera hus."],
        "care": ["Hemtjänsten påminns om att inte lämna bilar olåsta {in_hot}."],
        "municipality": ["Kommunen informerar boende {in_hot} om inbrotten via träffpunkterna."],
    },
    "skadegörelse": {
        "police": ["Skadegörelsen {in_hot} har ökat: klotter, krossade rutor och sönderslagen belysning."],
        "rescue": ["Flera mindre bränder i papperskorgar och containrar {in_hot}."],
        "school": ["Skadegörelse på skolor {in_hot} flera nätter i rad."],
        "property": ["Skadegörelsen på kommunens byggnader {in_hot} har kostat mycket; väktare är beställda."],
        "housing": ["Krossade rutor och klotter i entréerna {in_hot}."],
        "municipality": ["Skadegörelsen {in_hot} drabbar även kommunens lokaler."],
    },
}
THEME_WEIGHTS = (("lugnt", 5), ("bilbränder", 2), ("ungdomsgrupper", 3), ("narkotika", 2),
                 ("inbrott", 2), ("skadegörelse", 2))
THEME_PHRASE = {
    "lugnt": "lugn vecka i stort",
    "bilbränder": "bilbränderna",
    "ungdomsgrupper": "grupperna av unga kvällstid",
    "narkotika": "den öppna narkotikaförsäljningen",
    "inbrott": "inbrotten i källarförråd",
    "skadegörelse": "skadegörelsen",
}
