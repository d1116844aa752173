"""The preparation form (orat_tui.intake_form): written from the template, filled in, read back;
a malformed form gets one clear line naming the line that is wrong."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orat_tui.domain.intake import canonical, intake_fields, next_meeting_date
from orat_tui.i18n import set_language
from orat_tui.intake_form import (
    MARKER, FormError, check_form, decode, escape, first_difference, parse_form, plan_read,
    write_form,
)

DAY = date(2026, 11, 26)


@pytest.fixture(autouse=True)
def swedish():
    set_language("sv")
    yield
    set_language("sv")


def fill(form: str, answers: dict[str, str]) -> str:
    """What a person does: write each answer under its heading (after the guidance lines),
    following the form's rule for lines beginning with #, ===== or \\."""
    out, pending = [], None
    for line in form.split("\n"):
        if pending is not None and not line.startswith("#"):
            out.append(escape(pending))
            pending = None
        out.append(line)
        if line.startswith(MARKER):
            pending = answers.get(line[len(MARKER):].split()[0])
    return "\n".join(out)


def read(text: str, template) -> dict[str, str]:
    return check_form(parse_form(text), template)


# --------------------------------------------------------------------------- the fields


def test_orebro_fields_are_the_seven_points_with_their_hints(orebro):
    fields = intake_fields(orebro, "kommun")
    assert [f.key for f in fields] == [f"point-{n}" for n in range(1, 8)]
    assert fields[2].title == "Samlad lägesbild, Hotspots. Trolig utveckling."
    assert "Bilaga 3" in fields[2].hint  # the warning signals, for the assessment


def test_malmo_fields_are_past_and_coming_week_with_the_police_prompts(malmo):
    police = intake_fields(malmo, "polisen")
    assert [f.key for f in police] == ["past_week", "coming_week"]
    assert "Våldsbrott?" in police[0].prompts and police[1].prompts == ()
    assert [f.key for f in intake_fields(malmo, "kultur")] == ["past_week", "coming_week"]
    assert intake_fields(malmo, "kultur")[0].prompts == ()


def test_bromolla_fields_follow_its_turn_fields(bromolla):
    assert [f.key for f in intake_fields(bromolla, "andts")] == list(bromolla.turn_fields)


def test_the_next_meeting_day_is_the_templates_weekday(orebro):
    assert next_meeting_date(orebro, date(2026, 11, 24)) == date(2026, 11, 26)  # tue -> thu
    assert next_meeting_date(orebro, date(2026, 11, 26)) == date(2026, 11, 26)
    assert next_meeting_date(orebro, date(2026, 11, 27)) == date(2026, 12, 3)


# --------------------------------------------------------------------------- writing


def test_the_form_has_instructions_a_header_and_a_section_per_point(orebro):
    form = write_form(orebro, "kommun", DAY)
    assert form.startswith("# orat · Förberedelse inför mötet")
    assert "orat-formulär: 1\nmall: orebro-samordning\nmedlem: kommun  (Samordnare Örebro kommun)\n" \
           "möte: 2026-11-26\n" in form
    markers = [line for line in form.split("\n") if line.startswith(MARKER)]
    assert markers[0] == "===== point-1 · 1. Fakta/händelser under senaste veckan."
    assert len(markers) == 7
    assert "Skriv under varje rubrik" in form


def test_in_english_the_header_reads_english_and_is_read_back_the_same(orebro):
    set_language("en")
    form = write_form(orebro, "obo", DAY)
    assert "orat-form: 1\ntemplate: orebro-samordning\nmember: obo" in form
    assert "How to fill in this form" in form
    set_language("sv")  # read by a Swedish orat: the header words of both are known
    assert read(fill(form, {"point-4": "Extra väktare."}), orebro) == {"point-4": "Extra väktare."}


def test_an_unfilled_form_reads_as_nothing(malmo):
    assert read(write_form(malmo, "polisen", DAY), malmo) == {}


def test_a_form_without_a_member_says_which_keys_there_are(malmo):
    form = write_form(malmo, "", DAY)
    assert "medlem: \n" in form and "hvo (Hälsa-, vård- och omsorgsförvaltningen)" in form
    with pytest.raises(FormError) as err:
        read(fill(form, {"past_week": "X"}), malmo)
    assert err.value.line == form.split("\n").index("medlem: ") + 1
    assert "lacks the member" in err.value.message
    filled = fill(form, {"past_week": "Lugnt."}).replace("medlem: \n", "medlem: hvo\n")
    assert read(filled, malmo) == {"past_week": "Lugnt."}


def test_a_named_unit_marks_its_text(orebro):
    form = write_form(orebro, "kommun", DAY).replace("verksamhet: \n", "verksamhet: Fältgruppen\n")
    assert read(fill(form, {"point-1": "Lugnt i centrum."}), orebro) == {
        "point-1": "[Fältgruppen] Lugnt i centrum."}


# --------------------------------------------------------------------------- round trip

TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=200)
LINES = st.lists(st.one_of(
    TEXT, st.sampled_from(["#", "# kommentar", "=====", "===== point-1 · 1. Fakta",
                           "\\", "\\#", "\\=====", "orat-formulär: 1", "medlem: polisen",
                           "", "  ", "\r", "   # indragen"])), max_size=8).map("\n".join)


@settings(max_examples=150, deadline=None)
@given(texts=st.lists(LINES, min_size=7, max_size=7))
def test_form_fill_read_round_trips_any_text(orebro_template, texts):
    answers = {f"point-{i}": t for i, t in enumerate(texts, start=1)}
    form = write_form(orebro_template, "polisen", DAY)
    got = read(fill(form, answers), orebro_template)
    assert got == {k: canonical(v) for k, v in answers.items() if canonical(v)}


@settings(max_examples=100, deadline=None)
@given(text=LINES)
def test_canonical_text_is_kept_as_it_is(text):
    assert canonical(canonical(text)) == canonical(text)


@pytest.fixture(scope="module")
def orebro_template():
    import tomllib

    from orat_tui import paths
    from orat_tui.domain.template import parse_template

    path = paths.shipped_templates_dir() / "orebro-samordning.toml"
    return parse_template("orebro-samordning", tomllib.loads(path.read_text(encoding="utf-8")))


def test_windows_line_ends_and_a_byte_order_mark_are_read(orebro):
    form = fill(write_form(orebro, "kommun", DAY), {"point-2": "Skollov.\nMatch lördag."})
    data = b"\xef\xbb\xbf" + form.replace("\n", "\r\n").encode("utf-8")
    assert read(decode(data), orebro) == {"point-2": "Skollov.\nMatch lördag."}


# --------------------------------------------------------------------------- errors


def line_of(form: str, start: str) -> int:
    return next(i for i, line in enumerate(form.split("\n"), start=1) if line.startswith(start))


@pytest.mark.parametrize("change, start, message", [
    (lambda f: f.replace("orat-formulär: 1\n", ""), "mall:", "not an orat form"),
    (lambda f: f.replace("orat-formulär: 1", "orat-formulär: 7"), "orat-formulär", "version '7'"),
    (lambda f: f.replace("medlem: kommun", "medlem: brandkåren"), "medlem:", "unknown member 'brandkåren'"),
    (lambda f: f.replace("===== point-5", "===== point-55"), "===== point-55", "unknown section 'point-55'"),
    (lambda f: f.replace("===== point-5", "===== point-2"), "===== point-2 · 5.", "appears twice"),
    (lambda f: f.replace("mall: orebro-samordning", "mall: malmo-orat"), "mall:", "not 'orebro-samordning'"),
    (lambda f: f.replace("möte: 2026-11-26", "möte: torsdag"), "möte:", "not a date"),
    (lambda f: f.replace("verksamhet: \n", "verksamhet: \nHej!\n"), "Hej!", "text before the first section"),
    (lambda f: f.replace("===== point-3 · 3. Samlad lägesbild, Hotspots. Trolig utveckling.", "======="),
     "=======", "without a section name"),
    (lambda f: f.replace("mall: orebro-samordning\n", "mall: orebro-samordning\nmall: x\n"), "mall: x", "twice"),
])
def test_a_malformed_form_names_its_line(orebro, change, start, message):
    form = change(write_form(orebro, "kommun", DAY))
    with pytest.raises(FormError) as err:
        read(form, orebro)
    assert message in err.value.message
    assert err.value.line == line_of(form, start), str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("text", ["", "   \n\n", "# bara kommentarer\n# inget mer\n"])
def test_an_empty_file_or_only_guidance_is_refused(orebro, text):
    with pytest.raises(FormError) as err:
        read(text, orebro)
    assert "empty" in err.value.message or "not an orat form" in err.value.message


def test_a_file_that_is_not_utf8_names_the_line():
    with pytest.raises(FormError) as err:
        decode("rad ett\nrad två\n".encode("utf-8") + "Örebro\n".encode("latin-1"))
    assert err.value.line == 3 and "UTF-8" in err.value.message


def test_a_nul_character_is_refused(orebro):
    form = fill(write_form(orebro, "kommun", DAY), {"point-1": "a\x00b"})
    with pytest.raises(FormError) as err:
        read(form, orebro)
    assert "NUL" in err.value.message


# --------------------------------------------------------------------------- reading into what is there


def test_reading_plans_new_same_and_different_text():
    plan = plan_read({"point-1": "A", "point-2": "B"}, {"point-1": "A", "point-2": "C", "point-3": "D"})
    assert plan.write == {"point-3": "D"} and plan.unchanged == ["point-1"] and plan.differs == ["point-2"]
    plan = plan_read({"point-2": "B"}, {"point-2": "C"}, "replace")
    assert plan.write == {"point-2": "C"}
    plan = plan_read({"point-2": "B"}, {"point-2": "C"}, "append")
    assert plan.write == {"point-2": "B\n\nC"}
    plan = plan_read({"point-2": "B\n\nC"}, {"point-2": "C"}, "append")  # the same form again
    assert plan.write == {} and plan.unchanged == ["point-2"]


def test_the_first_difference_is_named():
    assert first_difference("a\nb\nc", "a\nB\nc") == (2, "b", "B")
    assert first_difference("a", "a\nmer") == (2, "", "mer")


@pytest.mark.parametrize("number, clear", [("811218-9876", True), ("8112189876", False)])
def test_a_personal_identity_number_in_a_form_is_refused_naming_its_line(orebro, number, clear):
    from orat_tui.intake_form import refuse_personal_numbers

    form = fill(write_form(orebro, "kommun", DAY), {"point-4": f"Åtgärd.\nGäller {number} i Vivalla."})
    parsed = parse_form(form)
    check_form(parsed, orebro)
    with pytest.raises(FormError) as err:
        refuse_personal_numbers(parsed)
    assert err.value.line == line_of(form, "Gäller")
    assert number in err.value.message
    assert ("phone number" in err.value.message) is not clear
    refuse_personal_numbers(parse_form(fill(write_form(orebro, "kommun", DAY),
                                            {"point-4": "Ring 070-123 45 67."})))
