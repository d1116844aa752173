"""Where the demo meetings are held: the three cities and their areas, places in an area, how
the housing company's staff are named, and the words for days ("i måndags", "på tisdag")."""

from __future__ import annotations

AREAS: dict[str, tuple[str, ...]] = {
    "malmo": ("Holma", "Kroksbäck", "Bellevue", "Rosengård", "Möllevången", "Lindängen", "Centrum"),
    "orebro": ("Vivalla", "Baronbackarna", "Brickebacken", "Oxhagen", "Varberga"),
    "bromolla": ("Centrum", "Näsum", "Edenryd", "Ivö"),
}
# "på Ivö", "på Möllevången", "på Kirseberg", ...; "i" for the others.
_PA = {"Ivö", "Möllevången", "Oxhagen", "Värnhem", "Kirseberg", "Segevång", "Lindängen",
       "Törnrosen", "Kryddgården"}

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
