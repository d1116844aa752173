"""Prepared input in the database (orat_tui.store.intake): for the series' next meeting until
it starts, then the meeting's own, audited when changed."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from orat_tui.store.intake import audit_field, mark_taken, prepared, save_prepared
from orat_tui.store.meetings import ApprovedError
from orat_tui.store.service import start_meeting

THURSDAY = datetime(2026, 11, 26, 9, 0)


def test_input_for_the_next_meeting_is_taken_over_when_it_starts(store, orebro):
    series = store.series_for_template(orebro, THURSDAY)
    n = save_prepared(store, series, {("kommun", "point-1"): "Bränder i Vivalla.",
                                      ("obo", "point-3"): "Oro kring centrum."},
                      who="anna", now=THURSDAY)
    assert n == 2
    assert {k: p.text for k, p in prepared(store, series).items()} == {
        ("kommun", "point-1"): "Bränder i Vivalla.", ("obo", "point-3"): "Oro kring centrum."}
    meeting = start_meeting(store, orebro, THURSDAY + timedelta(hours=1))
    assert prepared(store, series) == {}  # nothing left for the meeting after it
    mine = prepared(store, meeting_id=meeting.id)
    assert mine[("kommun", "point-1")].text == "Bränder i Vivalla."
    assert mine[("kommun", "point-1")].updated_by == "anna"
    # the next meeting's preparation starts empty and does not reach this one
    save_prepared(store, series, {("kommun", "point-1"): "Nästa vecka."}, who="anna",
                  now=THURSDAY + timedelta(days=1))
    assert prepared(store, meeting_id=meeting.id)[("kommun", "point-1")].text == "Bränder i Vivalla."


def test_saving_the_same_text_again_changes_nothing(store, orebro):
    series = store.series_for_template(orebro, THURSDAY)
    save_prepared(store, series, {("kommun", "point-1"): "A"}, who="a", now=THURSDAY)
    assert save_prepared(store, series, {("kommun", "point-1"): "A"}, who="a", now=THURSDAY) == 0
    assert save_prepared(store, series, {("kommun", "point-1"): "B"}, who="a", now=THURSDAY) == 1


def test_a_meetings_prepared_input_is_audited_when_edited(store, orebro):
    series = store.series_for_template(orebro, THURSDAY)
    save_prepared(store, series, {("polisen", "point-2"): "Match på lördag."}, who="p", now=THURSDAY)
    meeting = start_meeting(store, orebro, THURSDAY)
    assert store.audit_trail(meeting.id) == []  # before the meeting: not part of its trail
    save_prepared(store, series, {("polisen", "point-2"): "Match på söndag."}, who="sekr",
                  now=THURSDAY + timedelta(hours=2), meeting_id=meeting.id)
    [entry] = store.audit_trail(meeting.id)
    assert (entry.who, entry.field, entry.before, entry.after) == (
        store.identity("sekr"),  # on PostgreSQL: the database user
        audit_field("polisen", "point-2"), "Match på lördag.", "Match på söndag.")


def test_an_approved_meetings_prepared_input_does_not_change(store, orebro):
    series = store.series_for_template(orebro, THURSDAY)
    save_prepared(store, series, {("polisen", "point-2"): "X"}, who="p", now=THURSDAY)
    meeting = start_meeting(store, orebro, THURSDAY)
    meeting.state = "ended"
    store.save(meeting, now=THURSDAY)
    store.approve(meeting.id, "sekr", now=THURSDAY)
    with pytest.raises(ApprovedError):
        save_prepared(store, series, {("polisen", "point-2"): "Y"}, who="p", now=THURSDAY,
                      meeting_id=meeting.id)
    assert prepared(store, meeting_id=meeting.id)[("polisen", "point-2")].text == "X"


def test_taken_over_is_remembered(store, orebro):
    series = store.series_for_template(orebro, THURSDAY)
    save_prepared(store, series, {("obo", "point-1"): "X", ("obo", "point-2"): "Y"}, who="o",
                  now=THURSDAY)
    meeting = start_meeting(store, orebro, THURSDAY)
    mark_taken(store, meeting.id, [("obo", "point-1")], THURSDAY + timedelta(minutes=5))
    got = prepared(store, meeting_id=meeting.id)
    assert got[("obo", "point-1")].taken_at == THURSDAY + timedelta(minutes=5)
    assert got[("obo", "point-2")].taken_at is None


def test_deleting_a_meeting_deletes_its_prepared_input(store, orebro):
    from sqlmodel import Session, select

    from orat_tui.store.models import MeetingRow
    from orat_tui.store.models_intake import PreparedInputRow

    series = store.series_for_template(orebro, THURSDAY)
    save_prepared(store, series, {("obo", "point-1"): "X"}, who="o", now=THURSDAY)
    meeting = start_meeting(store, orebro, THURSDAY)
    with Session(store.engine) as s:
        s.delete(s.get(MeetingRow, meeting.id))
        s.commit()
        assert s.exec(select(PreparedInputRow)).all() == []
