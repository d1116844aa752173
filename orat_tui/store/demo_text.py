"""Swedish text material for the demo history (store/demo.py): phrase banks per kind of member,
the Örebro points, areas, weekdays and the calendar of the year, combined into notes.

Everything here is at group and area level: no person is ever named or described, and the only
numbers are small counts, week numbers and clock times (no digit runs that could look like a
personal identity number or a phone number). Pure standard library; no I/O.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

# -- areas -----------------------------------------------------------------------------------

AREAS: dict[str, tuple[str, ...]] = {
    "malmo": ("Holma", "Kroksbäck", "Bellevue", "Rosengård", "Möllevången", "Lindängen", "Centrum"),
    "orebro": ("Vivalla", "Baronbackarna", "Brickebacken", "Oxhagen", "Varberga"),
    "bromolla": ("Centrum", "Näsum", "Edenryd", "Ivö"),
}
# "på Ivö", "på Möllevången", "på Oxhagen"; "i" for the others.
_PA = {"Ivö", "Möllevången", "Oxhagen"}

# Where the staff of the housing company in the city are named in notes.
STAFF = {
    "malmo": "fastighetsägarnas områdesansvariga",
    "orebro": "ÖBO:s områdesansvariga",
    "bromolla": "Bromöllabolagens bovärdar",
}

PLACES = (
    "torget", "centrumanläggningen", "busshållplatsen", "idrottsplatsen", "skolgården",
    "parkeringen vid köpcentret", "gångtunneln", "lekplatsen", "fritidsgården",
    "närbutiken", "spontanidrottsplatsen", "cykelvägen", "parken",
)

WEEKDAYS_SV = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")
_PAST_DAY = ("i måndags", "i tisdags", "i onsdags", "i torsdags", "i fredags", "i lördags",
             "i söndags")
_PAST_EXTRA = ("under helgen", "natten mot lördag", "natten mot söndag", "under veckan",
               "sent på kvällen i fredags", "under förra helgen")
_COMING_EXTRA = ("under veckan", "i slutet av veckan")
_N_WORDS = ("två", "tre", "fyra", "fem", "sex")

CITIES = {"malmo-orat": "malmo", "orebro-samordning": "orebro", "bromolla-lagesbild": "bromolla"}


def city_of(template_id: str, forum: str = "") -> str:
    if template_id in CITIES:
        return CITIES[template_id]
    text = f"{template_id} {forum}".lower()
    for key, words in (("malmo", ("malmö", "malmo")), ("orebro", ("örebro", "orebro")),
                       ("bromolla", ("bromölla", "bromolla"))):
        if any(w in text for w in words):
            return key
    return ""


def areas_of(city: str) -> tuple[str, ...]:
    return AREAS.get(city, ("Centrum",))


def in_area(area: str) -> str:
    return f"{'på' if area in _PA else 'i'} {area}"


# -- kinds of member ---------------------------------------------------------------------------

MEMBER_KINDS = {
    "polisen": "police", "raddningstjansten": "rescue", "asf": "social",
    "socialtjansten": "social", "grundskola": "school", "elevhalsa": "school",
    "forskola": "preschool", "hvo": "care", "kultur": "culture", "fritid": "leisure",
    "kultur-fritid": "culture_leisure", "fastighetsagare": "housing", "obo": "housing",
    "bromollabolagen": "housing", "fastighet": "property", "andts": "andts",
    "sakerhetsskydd": "security", "sakerhetssamordnare": "security",
    "beredskapssamordnare": "preparedness", "kommun": "municipality",
}
# Kinds that speak from several banks.
_BLENDS = {
    "culture_leisure": ("culture", "leisure", "leisure"),
    "municipality": ("social", "leisure", "school"),
}
_BY_NAME = (
    ("polis", "police"), ("rädd", "rescue"), ("brand", "rescue"), ("social", "social"),
    ("fält", "social"), ("förskol", "preschool"), ("skol", "school"), ("elev", "school"),
    ("omsorg", "care"), ("fritid", "leisure"), ("kultur", "culture"), ("bibliotek", "culture"),
    ("bostad", "housing"), ("fastighet", "housing"), ("säkerhet", "security"),
    ("beredskap", "preparedness"), ("andt", "andts"),
)


def member_kind(key: str, name: str = "") -> str:
    """The phrase bank a member speaks from: by key for the shipped templates, else by name."""
    if key in MEMBER_KINDS:
        return MEMBER_KINDS[key]
    low = name.lower()
    for word, kind in _BY_NAME:
        if word in low:
            return kind
    return "generic"


# -- sentences ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class S:
    """One sentence of a bank; `months` limits it to a season, `needs` to a kind of week."""

    text: str
    months: tuple[int, ...] = ()
    # "lov" / "lov_past": a school holiday starts in the coming / started in the past week;
    # "event" / "past_event": some known event; "coming:<name>" / "past:<name>": that event;
    # "absent": a member is absent.
    needs: str = ""


SUMMER = (6, 7, 8)
WINTER = (11, 12, 1, 2, 3)
GROWING = (4, 5, 6, 7, 8, 9)
SPRING_EXAMS = (3, 4, 5)

# Incidents of the past week and plans for the coming one, per kind of member.
PAST: dict[str, list[S]] = {
    "police": [
        S("Ökat antal inbrott {in_area} den senaste veckan, främst i källarförråd och cykelrum."),
        S("{n_word} anmälda bostadsinbrott {in_area}, vilket är fler än normalt för området."),
        S("Avvikande bild avseende narkotikaförsäljning kring {place} {in_area}; öppen försäljning har iakttagits på eftermiddagarna."),
        S("Ett par våldsbrott {in_area} {when_past}, båda i anslutning till nöjesstråket. Inga kopplingar till kända grupperingar i dagsläget."),
        S("Ordningsstörningar med en större grupp ungdomar vid {place} {in_area} {when_past}. Patrull var på plats och gruppen skingrades utan ingripanden."),
        S("Ett rån mot en butik {in_area} {when_past}. Utredning pågår, ingen koppling till andra händelser i området."),
        S("Riktade kontroller {in_area} med anledning av narkotikaförsäljning; några beslag av mindre mängder."),
        S("Flera bilinbrott i parkeringshus {in_area}. Polisen påminner om att inte lämna värdesaker synligt i bilen."),
        S("Klotter och skadegörelse på busshållplatser {in_area}, anmält av kollektivtrafiken."),
        S("Stenkastning mot en polisbil {in_area} {when_past}. Ingen skadad, men händelsen följs noga."),
        S("Klagomål från boende {in_area} om mopedåkning på gång- och cykelbanor, särskilt kvällstid."),
        S("Orosanmälningar har skickats till socialtjänsten efter helgens händelser {in_area}."),
        S("Några anmälningar om hot mot personal i kollektivtrafiken {in_area}."),
        S("Misshandel utomhus vid {place} {in_area} {when_past}; ingen koppling till konflikter mellan grupper enligt nuvarande bild."),
        S("Ökat antal cykelstölder kring {place} {in_area}.", GROWING),
        S("Fyrverkerier har använts mot personer och fordon {in_area}; polisen har haft extra patruller.", (12, 1)),
        S("{event_past_cap} förlöpte i stort lugnt, med några ordningsstörningar sent på kvällen {in_area}.", needs="past_event"),
        S("Under nyårsnatten riktades fyrverkerier mot polis och räddningstjänst {in_area}; ingen skadad.", needs="past:nyårsafton"),
    ],
    "rescue": [
        S("{n_word} anlagda bränder {in_area} {when_past}, främst i papperskorgar och containrar."),
        S("Bilbrand {in_area} natten mot {weekday_past}. Misstänkt anlagd, polisen är informerad."),
        S("Containerbränder vid {place} {in_area} vid två tillfällen. Fastighetsägaren har kontaktats om att flytta containrarna."),
        S("Flera falsklarm från automatiska brandlarm på en skola {in_area}, troligen utlösta med avsikt."),
        S("Brand i ett trapphus {in_area}, snabbt släckt och utan skadade. Barnvagnar och skräp i trapphuset försvårade insatsen."),
        S("Räddningstjänsten blev vid ett tillfälle utsatt för stenkastning under en insats {in_area}. Insatsen slutfördes med polisstöd."),
        S("Brand i ett källarförråd {in_area}. Misstänkt anlagd; ärendet är överlämnat till polisen."),
        S("Gräsbrand vid {place} {in_area}, sannolikt efter att ungdomar eldat.", GROWING),
        S("Flera larm om bränder i sopkärl {in_area} {when_past}; samtliga släckta utan spridning."),
        S("Bränder i buskage och papperskorgar kring {place} {in_area}, sannolikt orsakade av fyrverkeripjäser.", (12, 1)),
        S("Räddningstjänsten har gjort tillsyn på ett par verksamheter {in_area} utan större anmärkningar."),
        S("Under nyårsnatten många larm om bränder i containrar och papperskorgar, flest {in_area}.", needs="past:nyårsafton"),
        S("Valborgsfirandet gav några larm om bränder utanför anvisade platser {in_area}.", needs="past:Valborg"),
    ],
    "social": [
        S("Fältarbetet har mött större grupper ungdomar än vanligt {in_area} sena kvällar, en del yngre än tidigare."),
        S("Uppsökande verksamhet har haft fokus {in_area}; ungdomarna beskriver otrygghet kring {place}."),
        S("Ökat antal orosanmälningar som rör unga {in_area} den senaste veckan."),
        S("Fältgruppen har fått kontakt med en ny grupp unga som samlas vid {place} {in_area}."),
        S("Fältarbetare hör att det pratas om en konflikt mellan grupper {in_area} och {in_area2} i sociala medier."),
        S("Uppsökande verksamhet bland vuxna i missbruk ser ökad förekomst av narkotika kring {place} {in_area}."),
        S("Samverkan med skolorna {in_area} kring skolfrånvaro fortsätter; ingen förändring sedan förra veckan."),
        S("Socialjouren har haft fler ärenden än vanligt {when_past}, men inget som rör övriga aktörer."),
        S("Fältarbetarna har varit ute {in_area} och {in_area2} på kvällarna; lugnt på de flesta platser."),
    ],
    "school": [
        S("Oro på skolgården på en skola {in_area}; konflikter mellan elevgrupper som följt med från helgen."),
        S("Skadegörelse på en skola {in_area} {when_past}: krossade fönster och klotter. Anmält till polisen."),
        S("Skolorna {in_area} rapporterar ökad frånvaro bland äldre elever."),
        S("Obehöriga på skolgården kvällstid {in_area}; personalen har hittat spår av fester och glaskross."),
        S("Rykten i sociala medier om hot mot en skola {in_area}. Polisen är informerad och bedömer uppgifterna som ogrundade."),
        S("Elevhälsan ser ökad oro bland elever efter händelserna {in_hot}."),
        S("Falsklarm från brandlarmet på en skola {in_area} under skoldagen, vid två tillfällen."),
        S("Nationella prov har genomförts utan störningar.", SPRING_EXAMS),
        S("Skolstarten har gått lugnt; vissa elevgrupper är nya i området.", needs="past:skolstarten"),
        S("Skolorna {in_area} har märkt av oron från {event_past} under veckan.", needs="past_event"),
    ],
    "preschool": [
        S("Glaskross och skräp på en förskolegård {in_area}; personalen kontrollerar gården varje morgon."),
        S("Skadegörelse på förskolans utemiljö {in_area} {when_past}."),
        S("Personal vid en förskola {in_area} upplever otrygghet vid lämning och hämtning på grund av mopedåkning."),
        S("Inbrott i en förskola {in_area}; datorer och surfplattor stulna."),
        S("Förskolorna {in_area} har haft fler frånvarande barn än vanligt, inget som påverkar övriga aktörer."),
        S("Eldning på en förskolegård {in_area} kvällstid; rester av en brasa hittades på morgonen."),
    ],
    "care": [
        S("Hemtjänsten {in_area} upplever otrygghet i trapphus kvällstid och går numera två och två på sena besök."),
        S("Inbrott i en bil som används av hemtjänsten {in_area}."),
        S("Personal på ett särskilt boende {in_area} har haft problem med obehöriga i entrén."),
        S("Hemtjänstpersonal har sett grupper som samlas vid {place} {in_area} sent på kvällen."),
        S("Stöld av läkemedel ur en bil inom hemsjukvården {in_area}; rutinerna ses över."),
        S("Halka har försvårat hemtjänstens besök {in_area}; sandning är beställd.", (12, 1, 2)),
    ],
    "culture": [
        S("Biblioteket {in_area} har haft stökigt kvällstid med grupper av unga; personalen har kontaktat fältgruppen."),
        S("Välbesökt evenemang vid {place} {in_area} {when_past} utan störningar."),
        S("Skadegörelse på en offentlig konstinstallation {in_area}."),
        S("Kulturskolans verksamhet {in_area} har fått fler anmälningar än väntat."),
        S("Biblioteket {in_area} har haft lugna veckor efter att öppettiderna anpassats."),
    ],
    "leisure": [
        S("Fritidsgårdarna {in_area} har haft många besökare; en incident med en grupp som nekades tillträde."),
        S("Fritidsgården {in_area} stängde tidigare {when_past} efter en konflikt mellan besökare."),
        S("Spontanidrottsplatsen {in_area} har fått ny belysning efter klagomål om mörker."),
        S("Lovaktiviteterna {in_area} var välbesökta och lugna.", needs="lov_past"),
        S("Under {event_past} hade fritidsgårdarna många besökare; inga större störningar.", needs="past_event"),
        S("Kvällsöppet i sporthallen {in_area} lockade många ungdomar; inga störningar."),
        S("Skadegörelse på utegymmet {in_area}; reparation är beställd.", GROWING),
    ],
    "housing": [
        S("{staff_cap} rapporterar skadegörelse i trapphus {in_area}, bland annat sönderslagna lampor."),
        S("Inbrott i källarförråd {in_area} vid flera tillfällen; låsen byts under veckan."),
        S("Boende {in_area} upplever otrygghet kring {place} kvällstid."),
        S("Nedskräpning och tecken på narkotikahantering i ett källarförråd {in_area}; polisen är informerad."),
        S("Brand i en sopcontainer vid ett av husen {in_area}; containern är flyttad."),
        S("Klotter på flera fasader {in_area}, sanerat inom ett dygn."),
        S("Trapphusen {in_area} används som samlingsplats av unga på kvällarna; boende har hört av sig."),
        S("Obehöriga har tagit sig in i tomma lägenheter {in_area}; dörrarna är nu förstärkta."),
    ],
    "property": [
        S("Skadegörelse på kommunala byggnader {in_area}: krossade rutor och klotter."),
        S("Larm på en skola {in_area} nattetid; inget inbrott konstaterat."),
        S("Sanering av klotter {in_area} genomförd under veckan."),
        S("Inbrottsförsök i en kommunal lokal {in_area}; dörren är lagad."),
        S("Glaskross på skolgårdar {in_area} efter helgen, uppstädat av fastighetsskötseln."),
    ],
    "andts": [
        S("Signaler om langning av alkohol till unga {in_area} inför helgen."),
        S("Kontrollköp av tobak och folköl genomförda {in_area}; en av fem butiker sålde till minderåriga."),
        S("Skolorna rapporterar ökad förekomst av snus och vitt snus bland yngre elever."),
        S("Tillsyn av serveringsställen {when_past} utan anmärkning."),
        S("Uppgifter om försäljning av cannabis i anslutning till {place} {in_area}, vidarebefordrat till polisen."),
    ],
    "security": [
        S("Ett par anmälningar om hot mot medarbetare {in_area}; stöd har erbjudits."),
        S("Obehöriga i ett kommunalt kontorshus {in_area}; skalskyddet ses över."),
        S("Ett larm om misstänkt föremål vid en kommunal lokal {in_area} visade sig vara falsklarm."),
    ],
    "preparedness": [
        S("Inga störningar i samhällsviktig verksamhet under veckan."),
        S("Elavbrott i delar av {area} {when_past}; påverkade bland annat hemtjänsten."),
        S("Krisledningsövningen genomfördes enligt plan; utvärdering pågår."),
        S("Kraftig nederbörd gav översvämmade källare {in_area}.", (7, 8, 9, 10)),
    ],
    "generic": [
        S("Inga händelser {in_area} som påverkar övriga aktörer."),
        S("Verksamheten har märkt av oron {in_hot} men inte påverkats direkt."),
    ],
}

COMING: dict[str, list[S]] = {
    "police": [
        S("Bedömningen är att kommande vecka blir lugn, men polisen har fortsatt fokus {in_hot}."),
        S("Inför {event_coming} förstärks närvaron {in_area} och i de centrala delarna."),
        S("{event_coming_cap} väntas dra mycket folk; polisen planerar synlig närvaro tillsammans med ordningsvakter.", needs="event"),
        S("Fortsatta riktade insatser mot narkotikaförsäljning {in_area} under veckan."),
        S("Risk för fortsatta inbrott {in_area}; polisen ber fastighetsägare och boende vara uppmärksamma på öppna källardörrar."),
        S("Trygghetsvandring {in_area} {when_coming} tillsammans med kommunen."),
        S("Kommunpolisen deltar på föräldramöte på en skola {in_area} om ungdomar och narkotika."),
        S("Medborgardialog {in_area} {when_coming}; kommunpolisen finns på plats."),
        S("Polisen bedömer att läget {in_hot} kan förvärras under helgen och planerar därefter."),
    ],
    "rescue": [
        S("Inför {event_coming} har räddningstjänsten extra beredskap och rondering tillsammans med polisen."),
        S("Eldningsförbud kan bli aktuellt om torkan håller i sig; information går ut via kommunen.", (5, 6, 7, 8)),
        S("Hembesök med brandskyddsinformation {in_area} under veckan."),
        S("Fortsatt bevakning av containerplatser {in_area} kvällstid."),
        S("Skolbesök {in_area} om anlagda bränder och falsklarm."),
        S("Extra bemanning inför nyårshelgen; dialog med polisen om fyrverkerier i bostadsområdena.", needs="coming:nyårsafton"),
        S("Valborgsbålen följs upp tillsammans med arrangörerna.", needs="coming:Valborg"),
        S("Inför Halloween väntas fler bränder i papperskorgar och containrar; extra rondering kvällstid.", needs="coming:Halloween"),
    ],
    "social": [
        S("Fältarbetet förstärks {when_coming} med extra pass {in_area}."),
        S("Inför {event_coming} planerar fältgruppen kvällspass tillsammans med fritid."),
        S("Uppsökande verksamhet fortsätter {in_area} med fokus på platser där unga samlas sent."),
        S("Nattvandrare är engagerade inför helgen {in_area}; socialtjänsten samordnar."),
        S("Fältgruppen deltar på föräldramöte {in_area} om droger och sociala medier."),
        S("Socialtjänsten och polisen stämmer av läget {in_hot} {when_coming}."),
    ],
    "school": [
        S("Inför {event_coming} informerar skolorna vårdnadshavare om vad som händer i området."),
        S("Skollov från måndag; skolgårdarna {in_area} är öppna men utan personal.", needs="lov"),
        S("Inför {lov_name} informeras vårdnadshavare om lovaktiviteterna {in_area}.", needs="lov"),
        S("Nationella prov på högstadiet kommande vecka.", SPRING_EXAMS),
        S("Föräldramöte om trygghet på en skola {in_area} {when_coming}."),
        S("Extra rastvakter på skolgården {in_area} efter den senaste veckans oro."),
        S("Skolavslutning med extra vuxennärvaro på skolorna {in_area}.", needs="coming:skolavslutningen"),
        S("Elevhälsan har extra närvaro på skolorna {in_hot} under veckan."),
    ],
    "preschool": [
        S("Förskolorna har studiedag {when_coming}; färre barn på plats."),
        S("Förskolorna {in_area} bjuder in till öppet hus; inget som kräver insatser från övriga."),
        S("Förskolan {in_area} ser över grindar och belysning efter skadegörelsen."),
        S("Inga särskilda händelser planerade; förskolorna håller ögonen öppna kring gårdarna {in_area}."),
    ],
    "care": [
        S("Värmebölja väntas; äldreomsorgen har förberett rutiner för brukarna.", SUMMER),
        S("Hemtjänsten ser över rutinerna för kvällsbesök {in_area}."),
        S("Träffpunkterna för äldre {in_area} har ordinarie öppettider; inget särskilt att lyfta."),
        S("Hemtjänsten tar del av polisens bild {in_hot} inför helgen."),
    ],
    "culture": [
        S("Konsert i parken {in_area} {when_coming}; väntas dra mycket publik.", GROWING),
        S("Biblioteket {in_area} har förlängda öppettider under lovet.", needs="lov"),
        S("Lovaktiviteter {in_area} med fokus på yngre barn.", needs="lov"),
        S("Kulturförvaltningen arrangerar ett evenemang {in_area} {when_coming}; värdar finns på plats."),
        S("Inför {event_coming} har kulturhusen extra personal."),
    ],
    "leisure": [
        S("Fritidsgårdarna har förlängda öppettider inför {event_coming}."),
        S("Lovaktiviteter {in_area} och {in_area2}; programmet går ut till skolorna.", needs="lov"),
        S("Nattfotboll {in_area} {when_coming} tillsammans med en lokal förening."),
        S("Fotbollsmatch på lördag; fritid har personal på plats vid arenan.", (4, 5, 6, 7, 8, 9, 10)),
        S("Fritidsgården {in_hot} har extra personal under helgen."),
    ],
    "housing": [
        S("{staff_cap} går trygghetsvandring {in_area} {when_coming} tillsammans med polisen."),
        S("Belysningen vid {place} {in_area} förbättras under veckan."),
        S("Inför {event_coming} töms containrar och grovsopor extra {in_area}."),
        S("Informationsbrev till boende {in_area} om inbrott i källarförråd."),
        S("Låsbyte i källarförråden {in_hot} under veckan."),
    ],
    "property": [
        S("Byte av belysning kring skolan {in_area}."),
        S("Ökad rondering med väktare kring kommunens fastigheter {when_coming}."),
        S("Klottersanering {in_hot} prioriteras under veckan."),
    ],
    "andts": [
        S("Tillsyn av serveringsställen inför {event_coming}."),
        S("ANDTS-samordnaren deltar på föräldramöte om droger {in_area}."),
        S("Kampanj mot langning inför helgen, tillsammans med butikerna {in_area}."),
    ],
    "security": [
        S("Översyn av larmrutinerna i kommunens lokaler {in_area}."),
        S("Säkerhetsgenomgång inför {event_coming}."),
        S("Utbildning för medarbetare om hot och våld {when_coming}."),
    ],
    "preparedness": [
        S("Övning i kommunens krisledning {when_coming}."),
        S("Varning för kraftig vind {when_coming}; förvaltningarna har informerats.", (10, 11, 12, 1, 2)),
        S("Inför {event_coming} finns en tjänsteman i beredskap."),
        S("Risk för snöoväder; vinterväghållningen är förberedd.", (12, 1, 2)),
    ],
    "generic": [
        S("Inga planerade händelser {in_area} som rör övriga aktörer."),
        S("Verksamheten följer läget {in_hot} och hör av sig vid förändring."),
    ],
}

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

SUMMARY: list[S] = [
    S("Fortsatt fokus {in_hot} kommande vecka."),
    S("Inför {event_coming} håller förvaltningarna varandra informerade vid behov."),
    S("Information till och från frånvarande förmedlas via ordföranden.", needs="absent"),
    S("Nästa möte {weekday} som vanligt."),
    S("Ingen fråga behöver lyftas vidare till styrgruppen denna vecka."),
    S("Inga individärenden har tagits upp; frågor på individnivå hanteras separat."),
]

ABSENT_IN_PREFIX = ("Via ordföranden: ", "Inskickat före mötet: ", "")
PASS_ON: list[str] = [
    "Ta del av polisens bild {in_hot} inför helgen; mer i minnesanteckningarna.",
    "{other} vill stämma av {topic} med er under veckan och hör av sig direkt.",
    "Kontakta ordföranden om ni har uppgifter om {topic} till nästa möte.",
    "Mötet efterfrågar er bild av läget {in_hot} till nästa vecka.",
    "Inför {event_coming}: ni ombeds skicka in er planering till ordföranden före nästa möte.",
]
TOPICS = ("läget {in_hot}", "bränderna {in_hot}", "skolgårdarna {in_area}", "lovaktiviteterna",
          "belysningen {in_area}", "grupperna av unga {in_hot}", "trygghetsvandringen {in_area}")

# Short notes: "nothing to report" (the only notes under 80 characters).
NOTHING_TURN = (
    "Inget att rapportera.",
    "Inget nytt sedan förra veckan.",
    "Inget särskilt att lyfta denna vecka.",
    "Inget som påverkar övriga aktörer.",
)
NOTHING_POINT = ("Inget att rapportera.", "Inget behov.", "Inget nytt.")
NOTHING = tuple(dict.fromkeys(NOTHING_TURN + NOTHING_POINT))
MIN_NOTE, MAX_NOTE = 80, 600


# -- the calendar ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Event:
    day: date
    coming: str  # after "inför"
    past: str  # after "under" / "i samband med"
    lov: bool = False


def easter(year: int) -> date:
    """Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _weekday_in(year: int, month: int, first: int, weekday: int) -> date:
    """The first `weekday` (0 = Monday) on or after year-month-first."""
    d = date(year, month, first)
    return d + timedelta(days=(weekday - d.weekday()) % 7)


def _iso_monday(year: int, week: int) -> date:
    return date.fromisocalendar(year, week, 1)


@lru_cache(maxsize=64)
def calendar(year: int, city: str) -> tuple[Event, ...]:
    e = easter(year)
    events = [
        Event(_iso_monday(year, 9 if city == "orebro" else 7), "sportlovet", "sportlovet", lov=True),
        Event(e - timedelta(days=2), "påskhelgen", "påskhelgen"),
        Event(e + timedelta(days=1), "påsklovet", "påsklovet", lov=True),
        Event(date(year, 4, 30), "Valborg", "Valborgsfirandet"),
        Event(_weekday_in(year, 6, 1, 4), "studentfirandet", "studentfirandet"),
        Event(date(year, 6, 6), "nationaldagen", "nationaldagsfirandet"),
        Event(_weekday_in(year, 6, 10, 4), "skolavslutningen", "skolavslutningen"),
        Event(_weekday_in(year, 6, 10, 4) + timedelta(days=3), "sommarlovet", "sommarlovets första vecka", lov=True),
        Event(_weekday_in(year, 6, 19, 4), "midsommarhelgen", "midsommarhelgen"),
        Event(_iso_monday(year, 34), "skolstarten", "skolstarten"),
        Event(_iso_monday(year, 44), "höstlovet", "höstlovet", lov=True),
        Event(date(year, 10, 31), "Halloween", "Halloweenhelgen"),
        Event(_weekday_in(year, 11, 27, 6), "första advent", "första advent"),
        Event(date(year, 12, 13), "Lucia", "Luciafirandet"),
        Event(date(year, 12, 21), "jullovet", "jullovets första dagar", lov=True),
        Event(date(year, 12, 31), "nyårsafton", "nyårsnatten"),
    ]
    if city == "malmo":
        events.append(Event(_iso_monday(year, 33) + timedelta(days=4), "Malmöfestivalen", "Malmöfestivalen"))
    for month in range(1, 13):
        payday = date(year, month, 25)
        while payday.weekday() > 4:
            payday -= timedelta(days=1)
        if month not in (6, 12):  # midsommar and jul speak louder
            events.append(Event(payday, "lönehelgen", "lönehelgen"))
    for week in range(14, 44, 2):  # a home match every other Saturday, April to October
        events.append(Event(_iso_monday(year, week) + timedelta(days=5),
                            "lördagens fotbollsmatch", "lördagens fotbollsmatch"))
    return tuple(sorted(events, key=lambda ev: ev.day))


def events_between(city: str, first: date, last: date) -> list[Event]:
    """Events with first <= day <= last."""
    years = range(first.year, last.year + 1)
    return [ev for y in years for ev in calendar(y, city) if first <= ev.day <= last]


# -- a week's context --------------------------------------------------------------------------

@dataclass
class Week:
    """What a meeting's notes share: the city, the block's hotspot and theme, the level, the
    events of the past and coming week."""

    day: date
    city: str
    areas: tuple[str, ...]
    hotspot: str
    theme: str
    level: str = "grönt"
    past_events: list[Event] = field(default_factory=list)
    coming_events: list[Event] = field(default_factory=list)
    absences: bool = False

    @property
    def coming_event(self) -> Event | None:
        """The event the coming week is about: the first notable one, else a routine one."""
        return _notable(self.coming_events)

    @property
    def past_event(self) -> Event | None:
        return _notable(self.past_events[::-1])

    @property
    def lov_coming(self) -> Event | None:
        """A school holiday that starts on a Monday within the coming week."""
        return next((ev for ev in self.coming_events if ev.lov and ev.day.weekday() == 0
                     and ev.day - self.day <= timedelta(days=7)), None)

    @property
    def lov_past(self) -> bool:
        return any(ev.lov for ev in self.past_events)


ROUTINE = ("lönehelgen", "lördagens fotbollsmatch")


def _notable(events: list[Event]) -> Event | None:
    return next((ev for ev in events if ev.coming not in ROUTINE), events[0] if events else None)


def make_week(day: date, city: str, block_rng: random.Random, week_in_block: int) -> Week:
    """The context of the meeting on `day`; `block_rng` is seeded by the block of weeks, so
    hotspot, theme and level run on for several meetings."""
    areas = areas_of(city)
    hotspot = block_rng.choice(areas)
    themes, weights = zip(*THEME_WEIGHTS)
    theme = block_rng.choices(themes, weights)[0]
    runs, run_weights = zip(*LEVEL_RUNS)
    run = block_rng.choices(runs, run_weights)[0]
    level = run[week_in_block % len(run)]
    if level in ("rött", "orange") and theme == "lugnt":
        theme = "bilbränder"
    return Week(
        day=day, city=city, areas=areas, hotspot=hotspot, theme=theme, level=level,
        past_events=events_between(city, day - timedelta(days=7), day - timedelta(days=1)),
        coming_events=events_between(city, day + timedelta(days=1), day + timedelta(days=10)),
    )


# -- composing notes ---------------------------------------------------------------------------

def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _values(rng: random.Random, week: Week) -> dict[str, str]:
    area = rng.choice(week.areas)
    others = [a for a in week.areas if a not in (area, week.hotspot)] or [area]
    area2 = rng.choice(others)
    n_word = rng.choice(_N_WORDS)
    wd = week.day.weekday()
    when_past = rng.choice([d for i, d in enumerate(_PAST_DAY) if i != wd] + list(_PAST_EXTRA))
    when_coming = rng.choice([f"på {d}" for i, d in enumerate(WEEKDAYS_SV[:6]) if i != wd]
                             + list(_COMING_EXTRA))
    coming = week.coming_event.coming if week.coming_event else "helgen"
    past = week.past_event.past if week.past_event else "helgen"
    lov = week.lov_coming
    staff = STAFF.get(week.city, "fastighetsägarna")
    return {
        "area": area, "in_area": in_area(area), "area2": area2, "in_area2": in_area(area2),
        "hot": week.hotspot, "in_hot": in_area(week.hotspot), "place": rng.choice(PLACES),
        "n_word": n_word, "n_word_cap": _cap(n_word),
        "when_past": when_past, "when_coming": when_coming,
        "weekday": WEEKDAYS_SV[wd], "weekday_past": rng.choice(WEEKDAYS_SV),
        "event_coming": coming, "event_coming_cap": _cap(coming),
        "event_past": past, "event_past_cap": _cap(past), "lov_name": lov.coming if lov else "lovet",
        "staff": staff, "staff_cap": _cap(staff),
        "level": week.level, "week": str(week.day.isocalendar()[1]),
    }


def _met(needs: str, week: Week) -> bool:
    if not needs:
        return True
    if needs == "lov":
        return week.lov_coming is not None
    if needs == "lov_past":
        return week.lov_past
    if needs == "event":
        return week.coming_event is not None
    if needs == "past_event":
        return week.past_event is not None
    if needs == "absent":
        return week.absences
    when, _, name = needs.partition(":")
    events = week.coming_events if when == "coming" else week.past_events
    return any(ev.coming == name for ev in events)


def _usable(bank: list[S], week: Week) -> list[str]:
    month = week.day.month
    return [s.text for s in bank if (not s.months or month in s.months) and _met(s.needs, week)]


def _fill(rng: random.Random, template: str, week: Week) -> str:
    return _cap(template.format_map(_values(rng, week)))


def _sentence_count(rng: random.Random) -> int:
    return rng.choices((1, 2, 3, 4, 5), (2, 5, 4, 2, 1))[0]


def compose(rng: random.Random, week: Week, pool: list[str], lead: list[str] = (),
            prefix: str = "", count: int | None = None) -> str:
    """1-5 sentences: the lead ones first, then from the pool without repeating, within
    MIN_NOTE..MAX_NOTE characters."""
    count = _sentence_count(rng) if count is None else count
    picked = list(lead)
    rest = [t for t in pool if t not in picked]
    rng.shuffle(rest)
    text = prefix
    used = 0
    for template in picked + rest:
        sentence = _fill(rng, template, week)
        joined = f"{text} {sentence}" if text and not text.endswith(" ") else text + sentence
        if len(joined) > MAX_NOTE:
            continue
        text, used = joined, used + 1
        if used >= count and len(text) >= MIN_NOTE:
            break
    if len(text) < MIN_NOTE:  # a very short pool: pad with a neutral sentence
        for filler in CALM["generic"] + CALM_COMING["generic"]:
            if filler not in text and len(text) + len(filler) + 1 <= MAX_NOTE:
                text = f"{text} {filler}".strip()
            if len(text) >= MIN_NOTE:
                break
    return text


def _banks(kind: str, rng: random.Random) -> str:
    blend = _BLENDS.get(kind)
    return rng.choice(blend) if blend else kind


def _theme_lead(rng: random.Random, kind: str, week: Week) -> list[str]:
    lines = THEMES.get(week.theme, {}).get(kind)
    if not lines and kind in _BLENDS:
        for k in _BLENDS[kind]:
            lines = THEMES.get(week.theme, {}).get(k)
            if lines:
                break
    if lines and rng.random() < (0.6 if week.level == "grönt" else 0.9):
        return [rng.choice(lines)]
    return []


def turn_note(rng: random.Random, kind: str, field_name: str, week: Week) -> str:
    """The note of a member's turn: past_week, coming_week or note."""
    if field_name == "coming_week":
        bank = _usable(COMING.get(_banks(kind, rng), COMING["generic"]), week)
        if rng.random() < 0.08:
            return compose(rng, week, CALM_COMING["generic"], count=1)
        return compose(rng, week, bank)
    calm_chance = 0.3 if week.theme == "lugnt" else 0.1
    if rng.random() < calm_chance:
        calm = CALM.get(kind, CALM["generic"])
        return compose(rng, week, calm, count=1)
    bank = _usable(PAST.get(_banks(kind, rng), PAST["generic"]), week)
    if field_name == "note":  # a single field: the past week and a line on the coming one
        bank = bank + _usable(COMING.get(_banks(kind, rng), COMING["generic"]), week)
    return compose(rng, week, bank, lead=_theme_lead(rng, kind, week))


def absent_in_note(rng: random.Random, kind: str, week: Week) -> str:
    """What an absent member sent in through the chair."""
    bank = _usable(PAST.get(_banks(kind, rng), PAST["generic"]), week)
    bank += _usable(COMING.get(_banks(kind, rng), COMING["generic"]), week)
    return compose(rng, week, bank, prefix=rng.choice(ABSENT_IN_PREFIX), count=rng.choice((1, 2, 2, 3)))


def pass_on_note(rng: random.Random, week: Week, other: str) -> str:
    """What the chair passes on to an absent member; `other` is a present member's short."""
    topic = rng.choice(TOPICS)
    pool = [t.replace("{other}", other).replace("{topic}", topic) for t in PASS_ON]
    return compose(rng, week, pool, count=rng.choice((1, 2)))


def orebro_point_note(rng: random.Random, number: int, week: Week,
                      speakers: list[tuple[str, str]]) -> str:
    """A point of the Örebro agenda; speakers are (short, kind) in the order they spoke."""
    if number in (1, 2):
        bank_of = PAST if number == 1 else COMING
        parts = []
        for short, kind in speakers:
            bank = _usable(bank_of.get(_banks(kind, rng), bank_of["generic"]), week)
            lead = _theme_lead(rng, kind, week) if number == 1 else []
            parts.append(compose(rng, week, bank, lead=lead, prefix=f"{short}: ",
                                 count=rng.choice((1, 1, 2))))
        text = ""
        for part in parts:
            if len(text) + len(part) + 1 > MAX_NOTE:
                break
            text = f"{text} {part}".strip()
        if number == 2 and week.coming_events and len(text) < MAX_NOTE - 120:
            ev = week.coming_events[0]
            text += f" Kommande: {ev.coming} ({WEEKDAYS_SV[ev.day.weekday()]})."
        return text
    if number == 3:
        level = _fill(rng, LEVEL_TEXT[week.level], week)
        return compose(rng, week, _usable(POINTS[3], week), prefix=level + " ",
                       count=rng.choice((1, 2, 2)))
    bank = _usable(POINTS.get(number, []), week)
    if not bank:
        return compose(rng, week, _usable(PAST["generic"] + COMING["generic"], week))
    if number in POINT_NONE and rng.random() < QUIET_CHANCE.get(week.level, 0.5):
        return POINT_NONE[number]
    return compose(rng, week, bank, count=rng.choice((1, 2, 2, 3)))


def summary_note(rng: random.Random, week: Week, pairs: list[tuple[str, str]]) -> str:
    """The wrap-up; pairs are (short, short) of present members who take a topic outside."""
    phrase = THEME_PHRASE.get(week.theme, "lugn vecka i stort")
    if week.theme == "lugnt":
        lead = "Sammanfattning: lugn vecka i stort, inga gemensamma åtgärder behövs utöver det ordinarie."
    else:
        lead = f"Sammanfattning: {phrase} {in_area(week.hotspot)} är veckans gemensamma fråga."
    if week.city == "orebro":
        lead = _fill(rng, LEVEL_TEXT[week.level], week)
    pool = _usable(SUMMARY, week)
    if pairs:
        a, b = rng.choice(pairs)
        topic = rng.choice(TOPICS)
        pool.append(f"{a} och {b} fortsätter dialogen utanför mötet om {topic}.")
    return compose(rng, week, pool, prefix=lead + " ", count=rng.choice((1, 2, 3)))
