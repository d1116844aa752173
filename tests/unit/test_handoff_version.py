"""The handoff file's format versions: a version 1 file (before what a meeting recorded
travelled) still imports, a newer one is refused in one line, a damaged version 2 file is
refused in one line, and the columns version 2 carries are pinned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orat_tui.cli import main
from orat_tui.store.handoff import (
    IMPORTED,
    TABLES,
    UP_TO_DATE,
    VERSION,
    HandoffError,
    checksum,
    import_handoff,
)
from orat_tui.store.handoff.recorded import RECORDED
from tests.unit.handoff_data import (  # noqa: F401 (laptop, shared, offline: fixtures)
    everything,
    hand,
    laptop,
    offline,
    recorded_rows,
    shared,
    table,
)


def _as_version_1(path: Path) -> Path:
    """The file as an orat of format version 1 wrote it: no recorded rows."""
    doc = json.loads(path.read_text())
    payload = {k: v for k, v in doc["payload"].items() if k not in RECORDED}
    old = path.with_name("old-" + path.name)
    old.write_text(json.dumps({"format": doc["format"], "version": 1,
                               "checksum": checksum(payload), "payload": payload}))
    return old


def test_a_version_1_file_still_imports(offline, laptop, shared, tmp_path):
    old = _as_version_1(offline.f1)
    result = import_handoff(shared, old, who="Sekr")
    assert result.status == IMPORTED and "action" not in result.line()
    assert shared.load(offline.m1) == laptop.load(offline.m1)
    assert table(shared, RECORDED["actions"]) == []
    # a version 1 file knows nothing of levels: it leaves the receiver's as they are
    f2 = hand(laptop, offline.m2, tmp_path / "m2.json")
    assert import_handoff(shared, f2, who="Sekr").status == IMPORTED
    levels = recorded_rows(shared)
    assert import_handoff(shared, _as_version_1(f2), who="Sekr").status == UP_TO_DATE
    assert recorded_rows(shared) == levels


def test_the_commands_say_what_went_and_came_in(offline, laptop, tmp_path, capsys):
    f2 = tmp_path / "m2.json"
    laptop_db = str(tmp_path / "laptop" / "orat.db")
    assert main(["--db", laptop_db, "handoff", offline.m2[:8], "-o", str(f2)]) == 0
    out = capsys.readouterr().out
    assert "1 note, 2 actions, 2 events, 3 levels, 2 ratings) to" in out
    target = tmp_path / "target.db"
    assert main(["--db", str(target), "import", str(f2)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("imported ") and "2 actions" in out and "2 events" in out
    doc = json.loads(f2.read_text())
    doc["version"] = VERSION + 1
    f2.write_text(json.dumps(doc))
    assert main(["--db", str(target), "import", str(f2)]) == 2
    err = capsys.readouterr().err
    assert "made by a newer orat" in err and err.count("\n") == 1


@pytest.mark.parametrize("change, match", [
    (lambda p: p.pop("actions"), "payload.actions is missing"),
    (lambda p: p.update(events={}), "events is not a list"),
    (lambda p: p["actions"][0].update(due="next friday"), r"actions\[0\].due has a value of "
                                                          "the wrong kind"),
    (lambda p: p["area_levels"][0].update(meeting_id="other"), "belongs to another meeting"),
    (lambda p: p["events"][0].update(series_id="other"), "belongs to another series"),
    (lambda p: p["signals"][0].update(area_id="nowhere"), "names an area the file does not hold"),
    (lambda p: p["action_changes"][0].update(action_id="gone"), "an action the file does not"),
    (lambda p: p["actions"].append(dict(p["actions"][0])), "repeats the id"),
    (lambda p: p["areas"][1].update(key=p["areas"][0]["key"]), "two areas have the same key"),
    (lambda p: p["actions"][0].update(colour="red"), "not known to this orat"),
])
@pytest.mark.sqlite_only  # refused before the database is written: the same on both
def test_a_damaged_version_2_file_is_refused_in_one_line(offline, laptop, shared, tmp_path,
                                                         change, match):
    path = hand(laptop, offline.m2, tmp_path / "m2.json")
    doc = json.loads(path.read_text())
    change(doc["payload"])
    doc["checksum"] = checksum(doc["payload"])  # well-formed but wrong: caught all the same
    path.write_text(json.dumps(doc))
    before = everything(shared)
    with pytest.raises(HandoffError, match=match) as info:
        import_handoff(shared, path, who="Sekr")
    assert "\n" not in str(info.value) and str(path) in str(info.value)
    assert everything(shared) == before


# the columns of every table a handoff of format version 2 carries, as that version wrote them
COLUMNS_V2 = {
    "series": "id template_id name created_at",
    "meeting": ("id series_id template_id title started_at planned_end ended_at state "
        "current_index warning_share substitutes_allowed version updated_at approved_at "
        "approved_by content_hash"),
    "attendees": "id meeting_id position key name short kind role chair present substitute",
    "steps": ("id meeting_id position kind member_key title number budget_seconds "
        "elapsed_seconds status prompts_json fields_json speakers_json"),
    "notes": "id meeting_id slot text updated_at version internal",
    "audit": "id meeting_id seq at who action field before after reason",
    "areas": "id series_id key name kind position retired created_at",
    "area_levels": "id meeting_id area_id level reason who at",
    "combined_levels": "id meeting_id level suggested reason who at",
    "signals": "id meeting_id area_id checklist question value",
    "note_focus": "id meeting_id slot focus_area",
    "prepared": ("id series_id meeting_id member_key field text source updated_at updated_by "
        "version taken_at"),
    "actions": ("id series_id meeting_id step_id what responsible responsible_name with_member "
        "with_name due status area_id focus_area goal goal_target result result_value "
        "evaluation created_at created_by updated_at closed_on version commitment_id "
        "commitment_count"),
    "action_changes": "id action_id seq at who meeting_id field before after",
    "events": ("id series_id area_id member_key title facts ability best_case likely_case "
        "worst_case consequences measures_taken measures_planned affects_others inform "
        "coordination higher_level questions internal focus_area raised_meeting_id "
        "closed_meeting_id raised_at closed_at closing_note updated_at"),
}


def test_a_column_added_to_a_carried_table_needs_a_new_format_version():
    """Rows must have exactly their table's columns: a migration that changes the columns of a
    table a handoff carries raises handoff.VERSION and reads older files with a rule for the
    column (see fileformat.VERSION); then this test gets the new version's columns."""
    now = {key: " ".join(c.name for c in model.__table__.columns)
           for key, model in {**TABLES, **RECORDED}.items()}
    assert VERSION == 2 and now == COLUMNS_V2
