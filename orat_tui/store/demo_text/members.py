"""Kinds of member: the phrase bank each member of a forum speaks from, by key for the shipped
templates, else by name."""

from __future__ import annotations

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
