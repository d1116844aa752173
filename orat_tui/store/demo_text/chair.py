"""What the chair writes: the summary at the end, what is passed on to an absent member (and
the topics named in it), and how what an absent member sent in is introduced."""

from __future__ import annotations

from orat_tui.store.demo_text.sentence import S

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
