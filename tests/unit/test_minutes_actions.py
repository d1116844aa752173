"""The minutes show the actions (åtgärder) agreed and followed up in the meeting and its
situational picture (levels, events), in every format; internal events only with the internal
notes; the personal-number guard reads their texts too. The record comes from the real store.

Golden files: tests/unit/golden/malmo-actions.* (ORAT_UPDATE_GOLDEN=1 rewrites them; read the
diff)."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from orat_tui import i18n
from orat_tui.config import discover_templates
from orat_tui.domain.actions import Action, carry_on, drop, finish
from orat_tui.domain.actions_picture import (
    CHANGED,
    CONTINUED,
    DROPPED_OUT,
    FINISHED,
    NOTHING,
    TrailEntry,
    as_of,
    outcome,
)
from orat_tui.domain.events import Event
from orat_tui.domain.focus import FocusArea
from orat_tui.domain.levels import GRONT, GULT
from orat_tui.export import FORMATS, export, minutes
from orat_tui.export.guard import ExportBlocked, blocked_slots
from orat_tui.store.actions import add_action, get_action, update_action

from test_exports import PNR, T0, as_text, check_golden, malmo_meeting

WEEK_BEFORE = T0 - timedelta(days=7)
DURING = T0 + timedelta(minutes=30)
FOCUS = (FocusArea("unga", "Unga i riskzonen", "Unga"),)
INTERNAL_EVENT = "Egen uppgift: personalbrist i fältgruppen i helgen"


@pytest.fixture(autouse=True)
def swedish():
    before = i18n.language()
    i18n.set_language("sv")
    yield
    i18n.set_language(before)


def _action(series_id: str, meeting_id: str, key: str, what: str, **kw) -> Action:
    return Action(series_id=series_id, what=what, meeting_id=meeting_id,
                  id=f"malmo-action-{key}", **kw)


def malmo_history(store, internal_event: bool = True):
    """Last week's Malmö meeting made three actions and raised an event; this week's (the
    Malmö meeting of test_exports) finishes one, continues one, drops one, makes a new one,
    sets Holma to yellow, raises an event (and an internal one) and closes last week's. A
    week later the new action is changed in another meeting: not in these minutes."""
    from orat_tui.store.service import start_meeting

    tpl = discover_templates()["malmo-orat"].template
    old = start_meeting(store, tpl, WEEK_BEFORE)
    series = old.series_id
    areas = {a.key: a for a in store.areas(series)}
    older = [
        _action(series, old.id, "1", "Trygghetsvandring i Holma med polis och fältgrupp",
                responsible="polisen", responsible_name="Polisen", due=date(2026, 11, 26)),
        _action(series, old.id, "2", "Se över belysningen vid gångtunneln i Kroksbäck",
                responsible="hvo", responsible_name="HVO", due=date(2026, 11, 27)),
        _action(series, old.id, "3", "Gemensamt informationsblad till boende i Bellevue",
                responsible="kultur", responsible_name="Kultur", due=date(2026, 11, 30)),
    ]
    for a in older:
        add_action(store, a, "Karin Lind", WEEK_BEFORE + timedelta(minutes=20))
    store.save_event(Event(series, "Bränder i soprum i Kroksbäck", area_id=areas["kroksback"].id,
                           member_key="raddningstjansten", raised_meeting_id=old.id,
                           id="malmo-event-old"), WEEK_BEFORE + timedelta(minutes=25))
    store.set_level(old.id, areas["kroksback"].id, GULT, "Bränder i soprum två nätter.",
                    "Karin Lind", GRONT, WEEK_BEFORE + timedelta(minutes=26))
    old.state, old.ended_at = "ended", WEEK_BEFORE + timedelta(minutes=50)
    store.save(old)

    m = malmo_meeting(approved=False)
    m.series_id = series
    store.save(m)
    who, today = "Karin Lind", T0.date()
    a1, a2, a3 = (get_action(store, a.id) for a in older)
    update_action(store, finish(a1, "Genomförd; boende och polis gick ihop.", today), who,
                  DURING, m.id)
    update_action(store, carry_on(a2, date(2026, 12, 11)), who, DURING, m.id)
    update_action(store, drop(a3, "Ersätts av stadsdelens nyhetsbrev.", today), who, DURING,
                  m.id)
    new = _action(series, m.id, "4", "Förstärkt fältarbete kvällstid i Lindängen",
                  responsible="hvo", responsible_name="HVO", with_member="fritid",
                  with_name="Fritid", due=date(2026, 12, 18), area_id=areas["holma"].id,
                  focus_area="unga", goal="Fler unga nås av fältgruppen", goal_target=25.0)
    add_action(store, new, who, DURING)
    store.set_level(m.id, areas["holma"].id, GULT, "Grupper av unga samlas kvällstid.", who,
                    GRONT, DURING)
    store.set_level(m.id, areas["kroksback"].id, GRONT, "Inga nya bränder.", who, GULT, DURING)
    store.set_combined(m.id, GULT, GULT, "", who, DURING)
    store.save_event(Event(series, "Stenkastning mot buss i Holma", area_id=areas["holma"].id,
                           member_key="polisen", facts="Två bussar träffade i tisdags.\n"
                           "Ingen skadad.", raised_meeting_id=m.id, id="malmo-event-new"),
                     DURING)
    if internal_event:
        store.save_event(Event(series, INTERNAL_EVENT, member_key="asf", internal=True,
                               raised_meeting_id=m.id, id="malmo-event-internal"),
                         DURING + timedelta(minutes=1))
    store.close_event("malmo-event-old", m.id, "Lugnt sedan två veckor.", DURING)
    # a week later, elsewhere: the new action is under way with another date
    later = replace(get_action(store, new.id), status="ongoing", due=date(2027, 1, 15))
    update_action(store, later, who, T0 + timedelta(days=7), "malmo-meeting-0002")
    # not approved here: on a server the approval names the database role, not `who`
    return store.load(m.id), store.actions_and_picture(m.id, FOCUS)


# -- the record ------------------------------------------------------------------------------
def test_the_record_of_the_meeting(store):
    m, r = malmo_history(store)
    [new] = r.new_actions
    assert (new.what, new.responsible_name, new.with_name, new.area, new.focus_area) == \
        ("Förstärkt fältarbete kvällstid i Lindängen", "HVO", "Fritid", "Holma",
         "Unga i riskzonen")
    # as it stood when the meeting ended: the change a week later is not in these minutes
    assert (new.status, new.due) == ("planned", date(2026, 12, 18))
    assert get_action(store, new.id).due == date(2027, 1, 15)
    assert [(f.action.id[-1], f.outcome, f.text) for f in r.followed_up] == [
        ("1", FINISHED, "Genomförd; boende och polis gick ihop."),
        ("2", CONTINUED, ""),
        ("3", DROPPED_OUT, "Ersätts av stadsdelens nyhetsbrev."),
    ]
    assert r.followed_up[1].action.due == date(2026, 12, 11)
    levels = {a.key: a for a in r.levels}
    assert (levels["holma"].level, levels["holma"].before, levels["holma"].changed) == \
        (GULT, GRONT, True)
    assert (levels["kroksback"].level, levels["kroksback"].before) == (GRONT, GULT)
    assert not levels["bellevue"].set_here and levels["bellevue"].level == GRONT
    assert r.combined.level == GULT and r.combined.confirmed
    assert [(e.id, e.raised_here, e.closed_here) for e in r.events] == [
        ("malmo-event-old", False, True), ("malmo-event-new", True, False),
        ("malmo-event-internal", True, False)]


def test_a_meeting_without_actions_or_picture_has_an_empty_record(store):
    from orat_tui.store.service import start_meeting

    m = start_meeting(store, discover_templates()["malmo-orat"].template, T0)
    assert store.actions_and_picture(m.id) == NOTHING
    with pytest.raises(KeyError):
        store.actions_and_picture("no-such-meeting")


def _trail(*entries):
    return [TrailEntry(at, mid, f, b, a) for at, mid, f, b, a in entries]


def test_as_of_undoes_later_changes_made_elsewhere_only():
    end = datetime(2026, 11, 27, 10, 0)
    a = Action("s", "x", status="done", due=date(2026, 12, 24), goal_target=12.5,
               result="klart")
    trail = _trail(
        (end - timedelta(minutes=5), "m1", "due", "2026-12-01", "2026-12-10"),
        (end + timedelta(days=1), None, "due", "2026-12-10", "2026-12-20"),  # the actions list
        (end + timedelta(days=2), "m1", "due", "2026-12-20", "2026-12-24"),  # m1 edited after
        (end + timedelta(days=7), "m2", "status", "ongoing", "done"),
        (end + timedelta(days=7), "m2", "result", "", "klart"),
        (end + timedelta(days=7), "m2", "goal_target", "10", "12,5"),
    )
    then = as_of(a, trail, "m1", end)
    assert (then.status, then.due, then.result, then.goal_target) == \
        ("ongoing", date(2026, 12, 24), "", 10.0)
    assert as_of(a, trail, "m1", None) is a  # a live meeting: as it is now


def test_outcome_of_a_follow_up():
    a = Action("s", "x")
    at = datetime(2026, 11, 27, 9, 30)
    assert outcome(a, _trail((at, "m2", "status", "planned", "done")), "m1") is None
    assert outcome(a, _trail((at, "m1", "status", "planned", "done")), "m1") == FINISHED
    assert outcome(a, _trail((at, "m1", "status", "planned", "dropped")), "m1") == DROPPED_OUT
    assert outcome(a, _trail((at, "m1", "status", "planned", "ongoing")), "m1") == CONTINUED
    assert outcome(a, _trail((at, "m1", "due", "", "2026-12-01")), "m1") == CONTINUED
    assert outcome(a, _trail((at, "m1", "what", "x", "y")), "m1") == CHANGED
    assert outcome(a, _trail((at, "m1", "created", "", "x")), "m1") is None


# -- the minutes ------------------------------------------------------------------------------
GOLDEN_NAMES = {"md": "malmo-actions.md", "html": "malmo-actions.html",
                "docx": "malmo-actions.docx.txt", "json": "malmo-actions.json",
                "txt": "malmo-actions.txt"}


@pytest.fixture
def history(store):
    return malmo_history(store)


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden_minutes_with_actions_and_picture(history, fmt):
    m, record = history
    text = as_text(fmt, export(m, fmt, record=record))
    # the series was made by the store, with an id of its own
    check_golden(GOLDEN_NAMES[fmt], text.replace(m.series_id, "malmo-series-0001"))


def test_golden_markdown_with_the_internal_event(history):
    m, record = history
    check_golden("malmo-actions-internal.md",
                 export(m, "md", include_internal=True, record=record))


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_holds_the_actions_and_the_picture(history, fmt):
    m, record = history
    text = as_text(fmt, export(m, fmt, record=record))
    if fmt == "html":  # the words as a reader sees them
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    if fmt == "txt":  # wrapped at 78 columns
        text = " ".join(text.split())
    for expected in ("Förstärkt fältarbete kvällstid i Lindängen", "Fler unga nås av fältgruppen",
                     "Genomförd; boende och polis gick ihop.",
                     "Ersätts av stadsdelens nyhetsbrev.", "Grupper av unga samlas kvällstid.",
                     "Stenkastning mot buss i Holma", "Två bussar träffade i tisdags.",
                     "Lugnt sedan två veckor.", "Unga i riskzonen"):
        assert expected in text, (fmt, expected)
    if fmt != "json":
        for expected in ("Åtgärder", "Nya åtgärder", "Uppföljda åtgärder", "Ansvarig: HVO",
                         "Tillsammans med: Fritid", "Klart senast: fre 18 dec 2026",
                         "Status: planerad", "Område: Holma", "Mål: Fler unga nås av "
                         "fältgruppen (25)", "Avslutad: Genomförd",
                         "Fortsätter, nytt datum: fre 11 dec 2026", "Struken, skäl: Ersätts",
                         "Lägesbild", "Samlad nivå: Gult", "Holma: Gult", "ändrad från Grönt",
                         "Kroksbäck: Grönt", "Händelser", "väckt på mötet", "avslutad på mötet",
                         "Väckt av: Polisen"):
            assert expected in text, (fmt, expected)
        # the steps come first, then the actions, then the picture
        assert text.index("Avslutning") < text.index("Nya åtgärder") < text.index("Nivåer")
    else:
        data = json.loads(text)
        assert [a["id"] for a in data["actions"]["new"]] == ["malmo-action-4"]
        assert data["actions"]["new"][0]["due"] == "2026-12-18"
        assert [a["outcome"] for a in data["actions"]["followed_up"]] == \
            ["finished", "continued", "dropped"]
        assert data["picture"]["combined"]["level"] == "gult"
        assert [e["id"] for e in data["picture"]["events"]] == \
            ["malmo-event-old", "malmo-event-new"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_internal_events_only_with_the_internal_notes(history, fmt):
    m, record = history
    without = as_text(fmt, export(m, fmt, record=record))
    assert INTERNAL_EVENT not in without
    with_internal = as_text(fmt, export(m, fmt, include_internal=True, record=record))
    assert INTERNAL_EVENT in with_internal
    if fmt == "json":
        [event] = [e for e in json.loads(with_internal)["picture"]["events"] if e["internal"]]
        assert event["title"] == INTERNAL_EVENT
    else:
        line = next(x for x in with_internal.splitlines() if INTERNAL_EVENT in x)
        assert "egen, delas inte" in line  # marked as internal


def test_an_internal_event_alone_is_flagged_as_internal_content(store):
    m, record = malmo_history(store)
    m.internal = set()  # no internal notes: the internal event alone holds internal content
    text = export(m, "md", include_internal=True, record=record)
    assert "Innehåller egna anteckningar" in text
    assert "Innehåller egna anteckningar" not in export(m, "md", record=record)


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_empty_headings_without_actions_or_picture(fmt):
    m = malmo_meeting()
    plain = as_text(fmt, export(m, fmt))
    assert as_text(fmt, export(m, fmt, record=NOTHING)) == plain
    for word in ("Nya åtgärder", "Lägesbild", "Nivåer", "Händelser"):
        assert word not in plain, (fmt, word)
    # an internal event alone, not shared: still no picture heading
    from orat_tui.domain.actions_picture import ActionsAndPicture, EventLine

    only_internal = ActionsAndPicture(events=(EventLine("e", "Eget", internal=True,
                                                        raised_here=True),))
    assert as_text(fmt, export(m, fmt, record=only_internal)) == plain


def test_the_minutes_screen_markdown_is_the_export(history):
    from orat_tui.export.markdown import minutes_markdown

    m, record = history
    assert minutes_markdown(m, record=record) == export(m, "md", record=record)


# -- the personal-number guard --------------------------------------------------------------
def test_a_personal_number_in_an_action_blocks_the_export(store):
    m, record = malmo_history(store)
    record = replace(record, new_actions=(replace(record.new_actions[0],
                                                  what=f"Kontakta familjen till {PNR}"),))
    assert blocked_slots(m, record=record) == [("action:malmo-action-4:what", PNR)]
    assert blocked_slots(m) == []  # the notes alone are clean
    for fmt in FORMATS:
        with pytest.raises(ExportBlocked) as info:
            export(m, fmt, record=record)
        assert "Nya åtgärder 1 · Vad (19121212-****)" in str(info.value)
        assert PNR not in str(info.value)
    assert PNR in export(m, "txt", record=record, override_reason="Ett diarienummer")


def test_a_personal_number_in_a_level_reason_or_an_event_blocks_too(store):
    m, record = malmo_history(store)
    levels = tuple(replace(a, reason=f"Gäller {PNR}") if a.key == "holma" else a
                   for a in record.levels)
    assert blocked_slots(m, record=replace(record, levels=levels)) == \
        [("level:holma:reason", PNR)]
    events = tuple(replace(e, facts=f"Anmälan om {PNR}") if e.internal else e
                   for e in record.events)
    with_event = replace(record, events=events)
    assert blocked_slots(m, record=with_event) == []  # the internal event is not exported
    assert blocked_slots(m, include_internal=True, record=with_event) == \
        [("event:malmo-event-internal:facts", PNR)]
    doc = minutes(m, include_internal=True, record=with_event)
    assert any(n.slot == "event:malmo-event-internal:facts" for n in doc.texts())
    # a closing note is in the minutes of the meeting that closed the event only
    noted = tuple(replace(e, closing_note=f"Gällde {PNR}") for e in record.events)
    assert blocked_slots(m, record=replace(record, events=noted)) == \
        [("event:malmo-event-old:closing_note", PNR)]


# -- the command ------------------------------------------------------------------------------
@pytest.fixture
def db_file(tmp_path, isolated):
    from orat_tui.store.meetings import Store

    path = tmp_path / "orat.db"
    store = Store.open(f"sqlite:///{path}")
    try:
        malmo_history(store)
    finally:
        store.close()
    return path


def test_command_exports_the_actions_and_the_picture(db_file, capsysbinary):
    from test_exports import orat_export

    assert orat_export("latest", "-f", "md", "--db", str(db_file)) == 0
    out = capsysbinary.readouterr().out.decode("utf-8")
    assert "## Åtgärder" in out and "## Lägesbild" in out
    assert "Förstärkt fältarbete kvällstid i Lindängen" in out
    assert "Struken, skäl: Ersätts av stadsdelens nyhetsbrev." in out
    assert INTERNAL_EVENT not in out
    assert orat_export("latest", "-f", "txt", "--include-internal", "--db", str(db_file)) == 0
    assert INTERNAL_EVENT in capsysbinary.readouterr().out.decode("utf-8")


def test_command_refuses_a_personal_number_in_an_action(db_file, tmp_path, capsys):
    from test_exports import audit, orat_export

    from orat_tui.store.meetings import Store

    store = Store.open(f"sqlite:///{db_file}")
    a = get_action(store, "malmo-action-4")
    update_action(store, replace(a, what=f"Ring vårdnadshavaren till {PNR}"), "Karin Lind",
                  DURING, "malmo-meeting-0001")
    store.close()
    target = tmp_path / "ut.md"
    assert orat_export("latest", "-f", "md", "-o", str(target), "--db", str(db_file)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Nya åtgärder 1 · Vad (19121212-****)" in err
    assert PNR not in err and not target.exists()
    assert orat_export("latest", "-f", "md", "-o", str(target), "--override-reason",
                       "Ett ärendenummer", "--db", str(db_file)) == 0
    assert PNR in target.read_text(encoding="utf-8")
    [entry] = [e for e in audit(db_file, "malmo-meeting-0001") if e.action == "override"]
    assert entry.field == "action:malmo-action-4:what" and entry.before == "19121212-****"
