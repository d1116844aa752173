"""Where notes sit (step and member), looked up for a list of hits in two queries: for
PostgreSQL's search (store/search_pg.py); SQLite's search finds them in its one query."""

from __future__ import annotations

from orat_tui.store.search import Place


def _places(conn, notes: list[tuple[str, str]]) -> dict[tuple[str, str], Place]:
    """The step and member of each (meeting id, slot), in two queries (PostgreSQL's search;
    SQLite's finds them in its one query)."""
    from sqlalchemy import select

    from orat_tui.store.models import AttendeeRow, StepRow

    step_ids, meeting_ids = set(), {mid for mid, _ in notes}
    for _mid, slot in notes:
        kind, _, rest = slot.partition(":")
        if kind == "step":
            step_ids.add(rest.partition(":")[0])
    steps, people = {}, {}
    for chunk in _chunks(sorted(step_ids)):
        for row in conn.execute(select(StepRow.id, StepRow.kind, StepRow.title, StepRow.number,
                                       StepRow.member_key).where(StepRow.id.in_(chunk))):
            steps[row.id] = row
    for chunk in _chunks(sorted(meeting_ids)):
        for row in conn.execute(select(AttendeeRow.meeting_id, AttendeeRow.key,
                                       AttendeeRow.short, AttendeeRow.name)
                                .where(AttendeeRow.meeting_id.in_(chunk))):
            people[(row.meeting_id, row.key)] = row
    places = {}
    for mid, slot in notes:
        kind, ident, field_name = (slot.split(":", 2) + ["", ""])[:3]
        member = ident if kind == "member" else ""
        step = steps.get(ident) if kind == "step" else None
        if step is not None:
            member = step.member_key
        person = people.get((mid, member))
        places[(mid, slot)] = Place(
            field=field_name if kind in ("step", "member") else slot,
            step_kind=step.kind if step is not None else "",
            step_title=step.title if step is not None else "",
            step_number=step.number if step is not None else 0,
            member_key=member,
            member_short=person.short if person is not None else member,
            member_name=person.name if person is not None else member)
    return places


def _chunks(items: list, size: int = 500):
    """`items` in slices small enough for SQLite's limit on bound parameters."""
    for i in range(0, len(items), size):
        yield items[i:i + size]
