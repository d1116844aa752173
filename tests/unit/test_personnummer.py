"""Tests for orat_tui.domain.personnummer.

The corpus (personnummer_corpus.toml) holds realistic Swedish sentences that
must / must not be flagged.  The property tests build identity numbers with an
independent Luhn implementation and ``datetime.date`` and compare the detector
against them and against a slow reference implementation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import time
import tomllib
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from orat_tui.domain.personnummer import (
    Finding,
    contains_personal_number,
    find_personal_numbers,
    redact,
)

CORPUS = tomllib.loads(
    (Path(__file__).with_name("personnummer_corpus.toml")).read_text(encoding="utf-8")
)
FLAGGED = CORPUS["flagged"]
NOT_FLAGGED = CORPUS["not_flagged"]


# --------------------------------------------------------------- helpers


def luhn_check_digit(nine_digits: str) -> int:
    """Check digit, computed the textbook way: from the right, double every
    second digit starting with the rightmost payload digit."""
    total = 0
    for pos, ch in enumerate(reversed(nine_digits)):
        d = int(ch)
        if pos % 2 == 0:
            d = sum(divmod(d * 2, 10))
        total += d
    return (10 - total % 10) % 10


def as_tuples(findings):
    return [(f.start, f.end, f.text, f.kind, f.ambiguous) for f in findings]


# ---------------------------------------------------------------- corpus


def test_corpus_is_substantial():
    # Guard against a corpus that silently loads empty.
    assert len(FLAGGED) >= 15
    assert len(NOT_FLAGGED) >= 30
    assert sum(len(c["matches"]) for c in FLAGGED) > len(FLAGGED)
    assert any(m["ambiguous"] for c in FLAGGED for m in c["matches"])
    assert any(m["kind"] == "samordningsnummer" for c in FLAGGED for m in c["matches"])


@pytest.mark.parametrize("case", FLAGGED, ids=lambda c: c["text"][:40])
def test_corpus_flagged(case):
    text = case["text"]
    findings = find_personal_numbers(text)
    got = [{"text": f.text, "kind": f.kind, "ambiguous": f.ambiguous} for f in findings]
    assert got == case["matches"]
    for f in findings:
        assert text[f.start : f.end] == f.text
    assert contains_personal_number(text)
    redacted = redact(text)
    for m in case["matches"]:
        assert m["text"] not in redacted
    assert redacted.count("[borttaget]") == len(case["matches"])
    assert find_personal_numbers(redacted) == []


@pytest.mark.parametrize("case", NOT_FLAGGED, ids=lambda c: c["why"])
def test_corpus_not_flagged(case):
    text = case["text"]
    assert find_personal_numbers(text) == []
    assert not contains_personal_number(text)
    assert redact(text) == text


# ------------------------------------------------------------ unit tests


def test_finding_api():
    (f,) = find_personal_numbers("x 850315-1238 y")
    assert f == Finding(start=2, end=13, text="850315-1238", kind="personnummer", ambiguous=False)
    assert [fld.name for fld in dataclasses.fields(Finding)] == [
        "start",
        "end",
        "text",
        "kind",
        "ambiguous",
    ]
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.start = 0  # type: ignore[misc]


def test_empty_and_digitless_text():
    assert find_personal_numbers("") == []
    assert not contains_personal_number("")
    assert redact("") == ""
    assert find_personal_numbers("Inga siffror här alls.") == []


def test_findings_in_order_of_start():
    text = "A 071105-3215, B 19640823-3325, C 8503151238, D 120671-2349."
    findings = find_personal_numbers(text)
    assert [f.text for f in findings] == [
        "071105-3215",
        "19640823-3325",
        "8503151238",
        "120671-2349",
    ]
    assert [f.start for f in findings] == sorted(f.start for f in findings)
    assert [f.ambiguous for f in findings] == [False, False, True, False]
    assert [f.kind for f in findings] == ["personnummer"] * 3 + ["samordningsnummer"]


def test_adjacent_to_letters_and_numbers_in_list():
    text = "pnr8503151238x,850315-1238;850315-1238"
    assert [f.text for f in find_personal_numbers(text)] == [
        "8503151238",
        "850315-1238",
        "850315-1238",
    ]


def test_redact_custom_replacement_and_surroundings_kept():
    text = "Före 850315-1238, mitt 0701234569, efter."
    assert redact(text, "***") == "Före ***, mitt ***, efter."
    assert redact(text) == "Före [borttaget], mitt [borttaget], efter."


@pytest.mark.parametrize(
    "text",
    ["19850315-1238", "198503151238", "20000229-7893", "19990891-2356"],
)
def test_twelve_digit_not_ambiguous(text):
    (f,) = find_personal_numbers(text)
    assert (f.start, f.end, f.ambiguous) == (0, len(text), False)


@pytest.mark.parametrize("century", ["00", "17", "21", "99"])
def test_twelve_digit_century_must_be_plausible(century):
    assert find_personal_numbers(century + "850315-1238") == []
    assert find_personal_numbers(century + "8503151238") == []


@pytest.mark.parametrize("sep", ["-", "+", "\u2010", "\u2011", "\u2013", "\u2212"])
def test_separators_accepted(sep):
    (f,) = find_personal_numbers(f"nr 850315{sep}1238.")
    assert f.text == f"850315{sep}1238"
    assert not f.ambiguous


@pytest.mark.parametrize("sep", [" ", "/", ".", "_", "--", "\u2014"])
def test_other_separators_rejected(sep):
    assert find_personal_numbers(f"nr 850315{sep}1238.") == []


def test_non_ascii_digits_are_not_digits():
    # Arabic-Indic digits neither form a number nor count as adjacent digits.
    assert find_personal_numbers("٨٥٠٣١٥-١٢٣٨") == []
    assert [f.text for f in find_personal_numbers("٣850315-1238٣")] == ["850315-1238"]


def test_leap_years():
    # 10 digits: accepted if valid in some century (2000 was a leap year).
    assert find_personal_numbers("000229-7893")
    assert find_personal_numbers("040229-8764")
    assert not find_personal_numbers("010229-1234")
    # 12 digits: the century decides.
    assert find_personal_numbers("20000229-7893")
    assert not find_personal_numbers("19000229-7893")
    assert find_personal_numbers("20040229-8764")


def test_large_input_is_linear():
    # 1 MB of realistic text, and adversarial inputs made of digits and
    # separators only.  Not a strict benchmark: a catastrophically
    # backtracking regex would take far longer than the generous bound.
    chunk = "Mötet 2024-05-17 10:00, tel 070-123 45 67, pnr 850315-1238. "
    big = chunk * (1_000_000 // len(chunk))
    adversarial = [
        big,
        "1" * 1_000_000,
        "850315-" * 150_000,
        "12345678-+" * 100_000,
        "8503151238 " * 90_000,
    ]
    for text in adversarial:
        t0 = time.perf_counter()
        find_personal_numbers(text)
        redact(text)
        assert time.perf_counter() - t0 < 10.0
    assert len(find_personal_numbers(big)) == big.count("850315-1238")
    assert find_personal_numbers("1" * 1_000_000) == []


# ------------------------------------------------------ property tests

SEPARATORS_10 = ["-", "+", "", "\u2013"]
SEPARATORS_12 = ["-", ""]

# Surrounding text: letters, spaces, punctuation (no digits of any kind).
surrounding = st.text(
    alphabet=st.characters(categories=("L", "Zs", "P"), exclude_characters="\x00"),
    max_size=30,
)


@st.composite
def valid_numbers(draw, coordination=None):
    """(written form, kind, ambiguous) of a random valid identity number."""
    date = draw(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2099, 12, 31)))
    is_coord = draw(st.booleans()) if coordination is None else coordination
    day = date.day + (60 if is_coord else 0)
    yymmdd = f"{date.year % 100:02d}{date.month:02d}{day:02d}"
    serial = draw(st.integers(0, 999))
    nine = f"{yymmdd}{serial:03d}"
    check = luhn_check_digit(nine)
    twelve = draw(st.booleans())
    if twelve:
        sep = draw(st.sampled_from(SEPARATORS_12))
        written = f"{date.year // 100:02d}{yymmdd}{sep}{serial:03d}{check}"
    else:
        sep = draw(st.sampled_from(SEPARATORS_10))
        written = f"{yymmdd}{sep}{serial:03d}{check}"
    kind = "samordningsnummer" if is_coord else "personnummer"
    ambiguous = not twelve and sep == ""
    return written, kind, ambiguous


@settings(max_examples=400)
@given(valid_numbers(), surrounding, surrounding)
def test_valid_number_is_found_with_right_span(number, before, after):
    written, kind, ambiguous = number
    text = before + written + after
    findings = find_personal_numbers(text)
    assert as_tuples(findings) == [
        (len(before), len(before) + len(written), written, kind, ambiguous)
    ]
    assert contains_personal_number(text)
    assert redact(text, "#") == before + "#" + after


@settings(max_examples=400)
@given(valid_numbers(), surrounding, surrounding, st.integers(1, 9))
def test_wrong_check_digit_is_not_found(number, before, after, delta):
    written, _, _ = number
    bad = written[:-1] + str((int(written[-1]) + delta) % 10)
    text = before + bad + after
    assert find_personal_numbers(text) == []
    assert not contains_personal_number(text)
    assert redact(text) == text


@settings(max_examples=200)
@given(valid_numbers(), st.sampled_from(["0", "12", "9", "123"]), st.sampled_from(["", "0", "55"]))
def test_valid_number_inside_longer_digit_run_is_not_found(number, pre, post):
    written, _, _ = number
    assume(not (pre == "" and post == ""))
    text = f"x {pre}{written}{post} y"
    # None of the prefixes/suffixes can turn the run into a valid 12-digit
    # number (the century would be 0x, 1[0-7], 9x or the run is 11/13+ long).
    assert find_personal_numbers(text) == []
    assert not contains_personal_number(text)


# Phone numbers as people write them.
def _d(n):
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


@st.composite
def written_phone_numbers(draw):
    mobile_prefix = draw(st.sampled_from(["70", "72", "73", "76", "79"]))
    a, b, c, d = draw(_d(3)), draw(_d(2)), draw(_d(2)), draw(_d(2))
    area2 = draw(st.sampled_from(["31", "40", "46", "18", "13", "90"]))
    area3 = draw(st.sampled_from(["480", "411", "370", "920"]))
    s6, s7 = draw(_d(6)), draw(_d(7))
    forms = [
        f"0{mobile_prefix}-{a} {b} {c}",  # 070-123 45 67
        f"0{mobile_prefix} {a} {b} {c}",  # 070 123 45 67
        f"0{mobile_prefix}-{a}{b}{c}",  # 070-1234567
        f"0{mobile_prefix}{a[0]}-{a[1:]} {b} {c}",  # 0701-23 45 67
        f"+46 {mobile_prefix} {a} {b} {c}",  # +46 70 123 45 67
        f"+46{mobile_prefix}{a}{b}{c}",  # +46701234567
        f"+46 (0){mobile_prefix}-{a} {b} {c}",
        f"0046{mobile_prefix}{a}{b}{c}",
        f"0{area2}-{s6[:2]} {s6[2:4]} {s6[4:]}",  # 040-34 10 00
        f"0{area2}-{s6[:3]} {s6[3:]}",  # 040-341 000
        f"08-{a} {s6[:3]} {b}",  # 08-123 456 78
        f"08-{s7[:3]} {s7[3:5]} {s7[5:]}",  # 08-123 45 67
        f"08-{s6[:2]} {s6[2:4]} {s6[4:]}",  # 08-12 34 56
        f"0{area3}-{s6[:2]} {s6[2:4]} {s6[4:]}",  # 0480-12 34 56
        f"+46 8 {s7[:3]} {s7[3:5]} {s7[5:]}",
        f"0{mobile_prefix}{a}{b}{c}",  # 0701234567 (bare, may be ambiguous)
        f"08{s6}{b}",  # 0812345678 (bare)
    ]
    return draw(st.sampled_from(forms))


@settings(max_examples=600)
@given(
    st.lists(written_phone_numbers(), min_size=1, max_size=4),
    st.sampled_from([" ", ", ", " eller ", "\n", "; ", " / "]),
    surrounding,
)
def test_phone_numbers_never_give_unambiguous_findings(phones, joiner, before):
    text = before + " " + joiner.join(phones) + "."
    for f in find_personal_numbers(text):
        assert f.ambiguous
        # Only a bare 10-digit number can be ambiguous.
        assert re.fullmatch(r"[0-9]{10}", f.text)
        assert f.text in phones


def test_bare_phone_with_valid_date_and_check_digit_is_ambiguous():
    (f,) = find_personal_numbers("Ring 0701234569!")
    assert f.ambiguous and f.kind == "personnummer"
    assert find_personal_numbers("Ring 070-123 45 69!") == []
    assert find_personal_numbers("Ring 0701234567!") == []  # check digit fails


# Random texts mixing numbers, phone numbers, random digit runs and noise.
noise_chunk = st.one_of(
    valid_numbers().map(lambda n: n[0]),
    written_phone_numbers(),
    st.text(alphabet="0123456789", min_size=1, max_size=14),
    st.text(alphabet="0123456789-+ /.,:\u2013", min_size=1, max_size=6),
    st.text(alphabet="abcåäö ÅÄÖ()[]", min_size=1, max_size=6),
)
noisy_texts = st.lists(noise_chunk, max_size=12).map("".join)


@settings(max_examples=500)
@given(noisy_texts)
def test_redact_leaves_no_finding(text):
    findings = find_personal_numbers(text)
    redacted = redact(text)
    assert find_personal_numbers(redacted) == []
    assert not contains_personal_number(redacted)
    assert redacted.count("[borttaget]") == text.count("[borttaget]") + len(findings)
    assert contains_personal_number(text) == bool(findings)


def reference_find(text: str) -> list[tuple]:
    """Slow, independent reimplementation of the specification."""
    hyphens = "-\u2010\u2011\u2013\u2212"
    runs = [(m.start(), m.end()) for m in re.finditer(r"[0-9]+", text)]
    out = []
    i = 0
    while i < len(runs):
        s, e = runs[i]
        n = e - s
        digits = sep = None
        if n in (10, 12):
            digits, sep, end = text[s:e], "", e
        elif (
            n in (6, 8)
            and i + 1 < len(runs)
            and runs[i + 1][0] == e + 1
            and runs[i + 1][1] - runs[i + 1][0] == 4
            and text[e] in hyphens + "+"
        ):
            digits, sep, end = text[s:e] + text[e + 1 : runs[i + 1][1]], text[e], runs[i + 1][1]
            i += 1
        i += 1
        if digits is None:
            continue
        ten = digits[-10:]
        if luhn_check_digit(ten[:9]) != int(ten[9]):
            continue
        month, day = int(ten[2:4]), int(ten[4:6])
        kind = "personnummer"
        if day > 60:
            day -= 60
            kind = "samordningsnummer"
        if len(digits) == 12:
            years = [int(digits[:4])] if digits[:2] in ("18", "19", "20") else []
        else:
            years = [1900 + int(ten[:2]), 2000 + int(ten[:2])]
        ok = False
        for y in years:
            try:
                dt.date(y, month, day)
                ok = True
            except ValueError:
                pass
        if ok:
            out.append((s, end, text[s:end], kind, len(digits) == 10 and sep == ""))
    return out


@settings(max_examples=800)
@given(noisy_texts)
def test_matches_reference_implementation(text):
    assert as_tuples(find_personal_numbers(text)) == reference_find(text)


def test_reference_implementation_is_not_vacuous():
    # The differential test is only meaningful if the reference finds things.
    text = "a 850315-1238 b 19640823-3325 c 0701234569 d 850315-1234 e 212000-1124"
    assert [r[2] for r in reference_find(text)] == ["850315-1238", "19640823-3325", "0701234569"]
