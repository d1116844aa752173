"""Handing a meeting from one machine to another (orat_tui.store.handoff): two real SQLite
files in tmp_path are the two machines. And `orat handoff` / `orat import`
(orat_tui.commands.handoff) through argparse."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from orat_tui.commands import handoff as command
from orat_tui.domain.meeting import new_meeting, note_slot
from orat_tui.store.demo import generate_demo
from orat_tui.store.handoff import (
    CONFLICT,
    FORMAT,
    IMPORTED,
    UP_TO_DATE,
    UPDATED,
    VERSION,
    HandoffError,
    checksum,
    import_handoff,
    parse_handoff,
    read_handoff,
    resolve_meeting,
    write_handoff,
)
from orat_tui.store.meetings import Store
from orat_tui.store.service import start_meeting

TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 12, 0, 0)
LATER = NOW + timedelta(hours=2)
TABLES = ("series", "meeting", "attendee", "step", "note", "audit")


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of the database file, in id order."""
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}
    finally:
        con.close()


def rows_of(path: Path, meeting_id: str) -> dict[str, list[tuple]]:
    """The meeting's own rows (its series and meeting row, and what belongs to it)."""
    con = sqlite3.connect(path)
    try:
        series = con.execute("SELECT series_id FROM meeting WHERE id = ?", (meeting_id,)).fetchone()
        out = {
            "series": con.execute("SELECT * FROM series WHERE id = ?", series).fetchall(),
            "meeting": con.execute("SELECT * FROM meeting WHERE id = ?", (meeting_id,)).fetchall(),
        }
        for t in ("attendee", "step", "note", "audit"):
            out[t] = con.execute(f"SELECT * FROM {t} WHERE meeting_id = ? ORDER BY id",
                                 (meeting_id,)).fetchall()
        return out
    finally:
        con.close()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


class Machine:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.store = Store.open(url_of(path))

    def close(self) -> None:
        self.store.close()


@pytest.fixture
def chair(tmp_path, isolated):
    m = Machine(tmp_path / "chair" / "orat.db")
    yield m
    m.close()


@pytest.fixture
def secretary(tmp_path, isolated):
    m = Machine(tmp_path / "secretary" / "orat.db")
    yield m
    m.close()


@pytest.fixture
def meeting_id(chair) -> str:
    """A demo meeting on the chair's machine, with an edited note, an internal note, an
    approval and a reopening in its audit trail."""
    generate_demo(chair.store, weeks=2, today=TODAY)
    store = chair.store
    mid = store.recent_meetings(limit=1)[0].id
    m = store.load(mid)
    slots = sorted(m.notes)
    store.save_notes(mid, {slots[0]: m.notes[slots[0]] + " Tillägg efter mötet."},
                     now=NOW, note_versions=m.note_versions)
    store.record(mid, "Ordföranden", "edit", field=slots[0], before=m.notes[slots[0]],
                 after="…", now=NOW)
    m = store.load(mid)
    m.internal = {slots[1]}
    store.save(m, notes={}, now=NOW, note_versions=m.note_versions)
    store.approve(mid, "Ordföranden", now=NOW)
    store.reopen(mid, "Ordföranden", reason="fel i punkt 2", now=NOW)
    return mid


def hand(chair: Machine, meeting_id: str, tmp_path: Path, name: str = "meeting.json") -> Path:
    return write_handoff(chair.store, meeting_id, tmp_path / name)


# -- the round trip -------------------------------------------------------------------------

def test_round_trip_loses_nothing(chair, secretary, meeting_id, tmp_path):
    path = hand(chair, meeting_id, tmp_path)
    result = import_handoff(secretary.store, path, who="Sekreteraren", now=LATER)
    assert result.status == IMPORTED and result.changed and result.series_created
    assert result.line().startswith("imported ")

    a, b = chair.store.load(meeting_id), secretary.store.load(meeting_id)
    assert a == b
    assert a.note_versions == b.note_versions and max(a.note_versions.values()) == 1
    assert a.internal == b.internal and len(b.internal) == 1
    assert [x.id for x in a.attendees] == [x.id for x in b.attendees]
    assert [x.id for x in a.steps] == [x.id for x in b.steps]
    assert (a.state, a.version, a.series_id) == (b.state, b.version, b.series_id)

    # row for row, ids and columns equal; the receiver's trail has the import at the end
    sent, got = rows_of(chair.path, meeting_id), rows_of(secretary.path, meeting_id)
    for table in ("series", "meeting", "attendee", "step", "note"):
        assert sent[table] == got[table], table
    assert [r for r in got["audit"] if r[5] != "import"] == sent["audit"]
    trail_a, trail_b = chair.store.audit_trail(meeting_id), secretary.store.audit_trail(meeting_id)
    assert trail_b[:-1] == trail_a
    assert [e.action for e in trail_a] == ["edit", "approve", "reopen"]
    last = trail_b[-1]
    assert (last.action, last.who, last.reason, last.at) == ("import", "Sekreteraren",
                                                             "meeting.json", LATER)


def test_every_demo_meeting_round_trips(chair, secretary, tmp_path):
    generate_demo(chair.store, weeks=2, today=TODAY)
    ids = [m.id for m in chair.store.recent_meetings(limit=100)]
    assert len(ids) >= 6
    for i, mid in enumerate(ids):
        path = write_handoff(chair.store, mid, tmp_path / f"m{i}.json")
        assert import_handoff(secretary.store, path, who="s").status == IMPORTED
        assert chair.store.load(mid) == secretary.store.load(mid)
    a, b = dump(chair.path), dump(secretary.path)
    for table in ("series", "meeting", "attendee", "step", "note"):
        assert a[table] == b[table], table


def test_the_file_is_json_with_a_format_a_version_and_a_checksum(chair, meeting_id, tmp_path):
    path = hand(chair, meeting_id, tmp_path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert (doc["format"], doc["version"]) == (FORMAT, VERSION)
    assert doc["checksum"] == checksum(doc["payload"]) and doc["checksum"].startswith("sha256:")
    payload = doc["payload"]
    assert payload["meeting"]["id"] == meeting_id
    assert {n["slot"] for n in payload["notes"]} == set(chair.store.load(meeting_id).notes)
    assert all({"text", "version", "internal", "updated_at", "id"} <= set(n)
               for n in payload["notes"])
    assert "Tillägg efter mötet." in path.read_text(encoding="utf-8")  # UTF-8, not \u escapes
    handoff = read_handoff(path)
    assert handoff.meeting_id == meeting_id and len(handoff.audit) == 3


def test_the_file_is_readable_by_its_owner_only(chair, meeting_id, tmp_path):
    old = os.umask(0)
    try:
        path = hand(chair, meeting_id, tmp_path)
        assert mode(path) == 0o600
        path = write_handoff(chair.store, meeting_id, path)  # replaced: still 0600
        assert mode(path) == 0o600
    finally:
        os.umask(old)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["meeting.json"]


def test_an_existing_file_is_kept_unless_replacing(chair, meeting_id, tmp_path):
    path = tmp_path / "meeting.json"
    path.write_text("mine", encoding="utf-8")
    with pytest.raises(HandoffError, match="already exists"):
        write_handoff(chair.store, meeting_id, path, replace=False)
    assert path.read_text(encoding="utf-8") == "mine"
    write_handoff(chair.store, meeting_id, path)
    assert read_handoff(path).meeting_id == meeting_id
    with pytest.raises(HandoffError, match="no meeting"):
        write_handoff(chair.store, "no-such-id", tmp_path / "x.json")
    with pytest.raises(HandoffError, match="no such folder"):
        write_handoff(chair.store, meeting_id, tmp_path / "nope" / "x.json")


# -- importing again, newer, conflicts --------------------------------------------------------

def test_importing_the_same_file_twice_changes_nothing(chair, secretary, meeting_id, tmp_path):
    path = hand(chair, meeting_id, tmp_path)
    import_handoff(secretary.store, path, who="s")
    before = dump(secretary.path)
    result = import_handoff(secretary.store, path, who="s")
    assert result.status == UP_TO_DATE and not result.changed
    assert result.line().startswith("already up to date")
    assert dump(secretary.path) == before
    # a new file of the unchanged meeting is the same content
    again = write_handoff(chair.store, meeting_id, tmp_path / "again.json")
    assert import_handoff(secretary.store, again, who="s").status == UP_TO_DATE
    assert dump(secretary.path) == before


def test_a_strictly_newer_file_updates_the_receiver(chair, secretary, meeting_id, tmp_path):
    import_handoff(secretary.store, hand(chair, meeting_id, tmp_path), who="s", now=NOW)
    # the chair goes on: a note, the attendance, the trail
    m = chair.store.load(meeting_id)
    slot = sorted(m.notes)[2]
    chair.store.save_notes(meeting_id, {slot: "Ny text från ordföranden"}, now=LATER,
                           note_versions=m.note_versions)
    chair.store.record(meeting_id, "Ordföranden", "edit", field=slot, after="Ny text", now=LATER)
    m = chair.store.load(meeting_id)
    m.attendees[0].present = not m.attendees[0].present
    chair.store.save(m, notes={}, now=LATER, note_versions=m.note_versions)

    newer = hand(chair, meeting_id, tmp_path, "newer.json")
    result = import_handoff(secretary.store, newer, who="s", now=LATER)
    assert result.status == UPDATED and result.notes == 1 and result.audit == 1
    a, b = chair.store.load(meeting_id), secretary.store.load(meeting_id)
    assert a == b and a.note_versions == b.note_versions
    assert b.notes[slot] == "Ny text från ordföranden"
    sent, got = rows_of(chair.path, meeting_id), rows_of(secretary.path, meeting_id)
    for table in ("meeting", "attendee", "step", "note"):
        assert sent[table] == got[table], table
    # the receiver's own imports stay, after the file's entries, in order
    trail = secretary.store.audit_trail(meeting_id)
    assert trail[:4] == chair.store.audit_trail(meeting_id)
    assert [e.action for e in trail[4:]] == ["import", "import"]
    assert [e.reason for e in trail[4:]] == ["meeting.json", "newer.json"]
    seqs = [r[1] for r in sqlite3.connect(secretary.path).execute(
        "SELECT id, seq FROM audit WHERE meeting_id = ? ORDER BY seq", (meeting_id,))]
    assert seqs == list(range(1, len(trail) + 1))
    # and once more: nothing new
    assert import_handoff(secretary.store, newer, who="s").status == UP_TO_DATE


def test_the_secretary_hands_back_to_the_chair(chair, secretary, meeting_id, tmp_path):
    import_handoff(secretary.store, hand(chair, meeting_id, tmp_path), who="s")
    m = secretary.store.load(meeting_id)
    slot = min(m.notes)
    secretary.store.save_notes(meeting_id, {slot: "Justerad text"}, now=LATER,
                               note_versions=m.note_versions)
    back = write_handoff(secretary.store, meeting_id, tmp_path / "back.json")
    result = import_handoff(chair.store, back, who="c")
    assert result.status == UPDATED
    assert chair.store.load(meeting_id).notes[slot] == "Justerad text"
    assert [e.action for e in chair.store.audit_trail(meeting_id)][-2:] == ["import", "import"]


def test_conflict_when_the_receiver_edited_after_the_handoff(chair, secretary, meeting_id,
                                                             tmp_path):
    path = hand(chair, meeting_id, tmp_path)
    import_handoff(secretary.store, path, who="s")
    m = secretary.store.load(meeting_id)
    slot = sorted(m.notes)[3]
    secretary.store.save_notes(meeting_id, {slot: "Sekreterarens text"}, now=LATER,
                               note_versions=m.note_versions)
    before = dump(secretary.path)
    result = import_handoff(secretary.store, path, who="s")
    assert result.status == CONFLICT and result.conflict and not result.changed
    assert any("version 1 here, 0 in the file" in d for d in result.differences)
    line = result.line()
    assert line.startswith("conflict: ") and line.endswith("nothing imported")
    assert "\n" not in line and "step:" not in line  # the note is named as a person reads it
    assert dump(secretary.path) == before
    assert secretary.store.load(meeting_id).notes[slot] == "Sekreterarens text"


def test_conflict_when_both_sides_changed_the_same_note(chair, secretary, meeting_id, tmp_path):
    import_handoff(secretary.store, hand(chair, meeting_id, tmp_path), who="s")
    slot = sorted(chair.store.load(meeting_id).notes)[4]
    for machine, text in ((chair, "Ordförandens"), (secretary, "Sekreterarens")):
        m = machine.store.load(meeting_id)
        machine.store.save_notes(meeting_id, {slot: text}, now=LATER,
                                 note_versions=m.note_versions)
    newer = hand(chair, meeting_id, tmp_path, "newer.json")
    before = dump(secretary.path)
    result = import_handoff(secretary.store, newer, who="s")
    assert result.status == CONFLICT
    assert any("changed both here and in the file" in d for d in result.differences)
    assert dump(secretary.path) == before
    assert secretary.store.load(meeting_id).notes[slot] == "Sekreterarens"


def test_conflict_when_the_receiver_has_audit_entries_or_a_newer_meeting(chair, secretary,
                                                                         meeting_id, tmp_path):
    path = hand(chair, meeting_id, tmp_path)
    import_handoff(secretary.store, path, who="s")
    secretary.store.record(meeting_id, "Sekreteraren", "override", field="x", reason="ok",
                           now=LATER)
    before = dump(secretary.path)
    result = import_handoff(secretary.store, path, who="s")
    assert result.status == CONFLICT
    assert result.differences == ("1 audit entry only here",)
    assert dump(secretary.path) == before

    secretary.store.approve(meeting_id, "Sekreteraren", now=LATER)  # meeting version +1
    result = import_handoff(secretary.store, path, who="s")
    assert result.status == CONFLICT
    assert any(d.startswith("the meeting (attendance, agenda, state) is version")
               for d in result.differences)
    assert secretary.store.load(meeting_id).state == "approved"


def test_a_note_only_the_receiver_has_is_a_conflict(chair, secretary, tmp_path, malmo):
    m = start_meeting(chair.store, malmo, NOW)
    path = write_handoff(chair.store, m.id, tmp_path / "m.json")
    import_handoff(secretary.store, path, who="s")
    slot = note_slot(m.steps[0], "past_week")
    secretary.store.save_notes(m.id, {slot: "Bara här"}, now=LATER)
    result = import_handoff(secretary.store, path, who="s")
    assert result.status == CONFLICT and "is only here" in result.differences[0]
    assert secretary.store.note_texts(m.id)[slot] == "Bara här"


# -- the series -------------------------------------------------------------------------------

def test_the_series_is_matched_by_template_when_the_receiver_has_its_own(chair, secretary,
                                                                         tmp_path, malmo):
    m = start_meeting(chair.store, malmo, NOW)
    own = secretary.store.series_for_template(malmo, NOW - timedelta(days=30))
    assert own != m.series_id
    result = import_handoff(secretary.store, write_handoff(chair.store, m.id, tmp_path / "m.json"),
                            who="s")
    assert result.status == IMPORTED and not result.series_created
    got = secretary.store.load(m.id)
    assert got.series_id == own
    assert [s.id for s in secretary.store.list_series()] == [own]
    got.series_id = m.series_id
    assert got == chair.store.load(m.id)
    # and again: up to date, although the series ids differ
    path = write_handoff(chair.store, m.id, tmp_path / "again.json")
    assert import_handoff(secretary.store, path, who="s").status == UP_TO_DATE


def test_a_new_series_keeps_the_files_id(chair, secretary, tmp_path, malmo):
    m = start_meeting(chair.store, malmo, NOW)
    import_handoff(secretary.store, write_handoff(chair.store, m.id, tmp_path / "m.json"), who="s")
    assert [s.id for s in secretary.store.list_series()] == [m.series_id]
    assert rows_of(chair.path, m.id)["series"] == rows_of(secretary.path, m.id)["series"]


# -- damaged files ----------------------------------------------------------------------------

@pytest.fixture
def small(chair, tmp_path, malmo) -> Path:
    m = start_meeting(chair.store, malmo, NOW)
    chair.store.save_notes(m.id, {note_slot(m.steps[0], "past_week"): "Inbrott i Rosengård."},
                           now=NOW)
    return write_handoff(chair.store, m.id, tmp_path / "small.json")


def refused(secretary: Machine, path: Path, match: str) -> str:
    before = dump(secretary.path)
    with pytest.raises(HandoffError, match=match) as info:
        import_handoff(secretary.store, path, who="s")
    assert dump(secretary.path) == before
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    return message


def test_a_flipped_byte_in_a_note_is_detected(secretary, small):
    raw = bytearray(small.read_bytes())
    at = raw.index("Rosengård".encode())
    raw[at] ^= 0x01  # R -> S
    small.write_bytes(bytes(raw))
    refused(secretary, small, "checksum does not match")


def test_a_file_cut_short_is_detected(secretary, small):
    raw = small.read_bytes()
    small.write_bytes(raw[: len(raw) // 2])
    refused(secretary, small, "cut short")


def test_flipped_bytes_are_refused_or_harmless(small):
    raw = small.read_bytes()
    original = json.loads(raw)["payload"]
    # every byte of the head (format, version, checksum) and the tail, every 7th between
    where = sorted({*range(400), *range(len(raw) - 300, len(raw)), *range(0, len(raw), 7)})
    for i in where:
        damaged = bytearray(raw)
        damaged[i] ^= 0x01
        try:
            handoff = parse_handoff(bytes(damaged), small)
        except HandoffError:
            continue
        # accepted only if it reads as exactly the same content
        assert json.loads(bytes(damaged).decode())["payload"] == original, i
        assert handoff.meeting["id"] == original["meeting"]["id"]


@pytest.mark.parametrize("change, match", [
    (lambda d: d.update(format="something-else"), "not an orat handoff file"),
    (lambda d: d.pop("format"), "no format name"),
    (lambda d: d.update(version=VERSION + 1), "newer orat"),
    (lambda d: d.update(version="1"), "not a format version"),
    (lambda d: d.pop("checksum"), "checksum is missing"),
    (lambda d: d["payload"].pop("notes"), "payload.notes is missing"),
    (lambda d: d["payload"]["notes"][0].pop("version"), r"notes\[0\].version is missing"),
    (lambda d: d["payload"]["notes"][0].update(version="3"), "wrong kind"),
    (lambda d: d["payload"]["notes"][0].update(meeting_id="other"), "another meeting"),
    (lambda d: d["payload"]["meeting"].update(started_at="friday"), "wrong kind"),
    (lambda d: d["payload"]["audit"].append(dict(d["payload"]["notes"][0])), r"audit\[0\]"),
])
def test_a_wrong_file_is_refused_with_one_line(secretary, small, change, match):
    doc = json.loads(small.read_text(encoding="utf-8"))
    change(doc)
    if "payload" in doc and "checksum" in doc:
        doc["checksum"] = checksum(doc["payload"])  # well-formed but wrong: caught all the same
    small.write_text(json.dumps(doc), encoding="utf-8")
    refused(secretary, small, match)


@pytest.mark.parametrize("content, match", [
    (b"", "empty file"),
    (b"\xff\xfe not text", "not UTF-8"),
    (b"SQLite format 3\x00", "not UTF-8|not valid JSON"),
    (b"[1, 2, 3]", "no format name"),
    (b"# orat minutes\n", "not valid JSON"),
])
def test_not_a_handoff_file(secretary, tmp_path, content, match):
    path = tmp_path / "other.json"
    path.write_bytes(content)
    refused(secretary, path, match)


def test_a_missing_file(secretary, tmp_path):
    with pytest.raises(HandoffError, match="no such file"):
        import_handoff(secretary.store, tmp_path / "none.json")


# -- naming a meeting -------------------------------------------------------------------------

def test_resolve_a_meeting_by_id_prefix_or_latest(chair, malmo):
    series = chair.store.series_for_template(malmo, NOW)
    for i, mid in enumerate(("abcd0000-0000-4000-8000-000000000000",
                             "abcd1111-0000-4000-8000-000000000000",
                             "ef012345-0000-4000-8000-000000000000")):
        m = new_meeting(series, malmo, NOW + timedelta(days=i))
        m.id = mid
        chair.store.save(m, now=NOW)
    assert resolve_meeting(chair.store, "latest") == "ef012345-0000-4000-8000-000000000000"
    assert resolve_meeting(chair.store, " LATEST ") == "ef012345-0000-4000-8000-000000000000"
    assert resolve_meeting(chair.store, "abcd1") == "abcd1111-0000-4000-8000-000000000000"
    assert resolve_meeting(chair.store, "ef") == "ef012345-0000-4000-8000-000000000000"
    assert (resolve_meeting(chair.store, "abcd0000-0000-4000-8000-000000000000")
            == "abcd0000-0000-4000-8000-000000000000")
    with pytest.raises(HandoffError, match="more than one meeting: abcd1111 .*, abcd0000"):
        resolve_meeting(chair.store, "abcd")
    with pytest.raises(HandoffError, match="no meeting with an id starting"):
        resolve_meeting(chair.store, "zz")
    with pytest.raises(HandoffError, match="no meeting with an id starting"):
        resolve_meeting(chair.store, "%")  # not a wildcard
    with pytest.raises(HandoffError, match="name a meeting"):
        resolve_meeting(chair.store, " ")


def test_latest_in_an_empty_database(secretary):
    with pytest.raises(HandoffError, match="no meetings"):
        resolve_meeting(secretary.store, "latest")


# -- the commands -----------------------------------------------------------------------------

def run(argv: list[str]) -> int:
    """What cli.main does with a sub-command module: parse, then call args.run."""
    parser = argparse.ArgumentParser(prog="orat")
    sub = parser.add_subparsers(dest="command")

    def add_command(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help)
        p.add_argument("--db")
        p.add_argument("--lang")
        return p

    command.register(add_command)
    args = parser.parse_args(argv)
    return args.run(args)


def test_handoff_and_import_commands(chair, secretary, meeting_id, tmp_path, capsys, isolated):
    isolated.config_dir.mkdir(parents=True, exist_ok=True)
    (isolated.config_dir / "config.toml").write_text('user = "Sekreteraren"\n', encoding="utf-8")
    out = tmp_path / "to-secretary.json"
    a, b = str(chair.path), str(secretary.path)

    assert run(["handoff", meeting_id[:8], "-o", str(out), "--db", a]) == 0
    said = capsys.readouterr().out
    assert said.startswith("handed off ") and str(out) in said and said.count("\n") == 1
    assert mode(out) == 0o600

    written = out.read_bytes()
    assert run(["handoff", "latest", "-o", str(out), "--db", a]) == 2
    assert "already exists; add --force" in capsys.readouterr().err
    assert out.read_bytes() == written
    assert run(["handoff", "latest", "--output", str(out), "--force", "--db", a]) == 0
    capsys.readouterr()
    assert run(["handoff", "nope", "-o", str(tmp_path / "x.json"), "--db", a]) == 2
    assert "no meeting with an id starting 'nope'" in capsys.readouterr().err

    out = tmp_path / "m.json"
    assert run(["handoff", meeting_id, "-o", str(out), "--db", a]) == 0
    capsys.readouterr()
    assert run(["import", str(out), "--db", b]) == 0
    said = capsys.readouterr().out
    assert said.startswith("imported ") and said.count("\n") == 1
    assert secretary.store.audit_trail(meeting_id)[-1].who == "Sekreteraren"

    assert run(["import", str(out), "--db", b]) == 0
    assert capsys.readouterr().out.startswith("already up to date")

    m = secretary.store.load(meeting_id)
    slot = min(m.notes)
    secretary.store.save_notes(meeting_id, {slot: "Ändrad här"}, note_versions=m.note_versions)
    assert run(["import", str(out), "--db", b]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("orat: conflict: ") and captured.err.count("\n") == 1
    assert captured.out == ""
    assert secretary.store.note_texts(meeting_id)[slot] == "Ändrad här"

    bad = tmp_path / "bad.json"
    bad.write_bytes(out.read_bytes()[:100])
    before = dump(secretary.path)
    assert run(["import", str(bad), "--db", b]) == 2
    assert "cut short" in capsys.readouterr().err
    assert dump(secretary.path) == before


def test_import_into_a_new_database_with_the_login_name(chair, meeting_id, tmp_path, capsys,
                                                        monkeypatch):
    import getpass

    monkeypatch.setattr(getpass, "getuser", lambda: "kalle")
    out = tmp_path / "m.json"
    write_handoff(chair.store, meeting_id, out)
    fresh = tmp_path / "new" / "orat.db"
    assert run(["import", str(out), "--db", str(fresh)]) == 0
    capsys.readouterr()
    store = Store.open(url_of(fresh))
    try:
        assert store.audit_trail(meeting_id)[-1].who == "kalle"
        assert store.load(meeting_id) == chair.store.load(meeting_id)
    finally:
        store.close()


def test_handoff_from_a_mistyped_database_makes_no_empty_one(tmp_path, capsys, isolated):
    from orat_tui.cli import main

    missing = tmp_path / "typo.db"
    code = main(["handoff", "latest", "--db", str(missing), "-o", str(tmp_path / "m.json")])
    assert code == 2
    assert f"no database at {missing}" in capsys.readouterr().err
    assert not missing.exists() and not (tmp_path / "m.json").exists()
