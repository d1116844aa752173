"""Importing a handoff file into a database: all or nothing, in one transaction, with the
rules for new, already up to date, newer and conflicting copies (see orat_tui.store.handoff)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import Session, select

from orat_tui.config import ConfigError, UserConfig, user_name
from orat_tui.store.handoff.fileformat import HandoffError, read_handoff
from orat_tui.store.handoff.merging import Plan, apply_recorded, plan_recorded
from orat_tui.store.handoff.rows import (
    LISTS,
    TABLES,
    _begin_snapshot,
    _dump,
    _load,
    _rows_of,
)
from orat_tui.store.models import (
    AttendeeRow,
    AuditRow,
    MeetingRow,
    NoteRow,
    Series,
    StepRow,
)

IMPORTED, UPDATED, UP_TO_DATE, CONFLICT = "imported", "updated", "up to date", "conflict"


@dataclass(frozen=True)
class ImportResult:
    status: str  # imported, updated, up to date, conflict
    meeting_id: str
    title: str
    started_at: datetime
    differences: tuple[str, ...] = ()  # conflict: what the receiving copy has that the file has not
    notes: int = 0  # imported: notes in the file; updated: notes that changed
    audit: int = 0  # imported / updated: audit entries added from the file
    series_created: bool = False
    # imported / updated: what the meeting recorded that came in, as (noun, how many)
    recorded: tuple[tuple[str, int], ...] = ()
    # actions and events changed here after the file was made, left as they are here
    kept: tuple[str, ...] = ()
    # actions that count towards a citizen-promise commitment this database does not have
    unlinked: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return self.status in (IMPORTED, UPDATED)

    @property
    def conflict(self) -> bool:
        return self.status == CONFLICT

    def line(self) -> str:
        out = self._line()
        if self.conflict:
            return out
        if self.kept:
            out += f"; kept as they are here, newer than the file: {_some(self.kept)}"
        if self.unlinked:
            out += ("; not counted towards a citizen promise here (its commitment is not in "
                    f"this database): {_some(self.unlinked)}")
        return out

    def _line(self) -> str:
        what = f"{self.title} of {self.started_at:%Y-%m-%d %H:%M}"
        if self.status == IMPORTED:
            series = ", in a new series" if self.series_created else ""
            return (f"imported {what} ({_count(self.notes, 'note')}, "
                    f"{_count(self.audit, 'audit entry', 'audit entries')}{self._recorded()}"
                    f"{series})")
        if self.status == UPDATED:
            return (f"updated {what} to the file's newer copy ({_count(self.notes, 'note')} "
                    f"changed, {_count(self.audit, 'audit entry', 'audit entries')} added"
                    f"{self._recorded()})")
        if self.status == UP_TO_DATE:
            return f"already up to date: {what}"
        shown = "; ".join(self.differences[:3])
        more = len(self.differences) - 3
        if more > 0:
            shown += f"; and {more} more"
        return (f"conflict: {what} was changed here after the file was made ({shown}); "
                "nothing imported")


    def _recorded(self) -> str:
        return "".join(f", {_count(n, noun)}" for noun, n in self.recorded)


def _some(items: tuple[str, ...]) -> str:
    return ", ".join(items[:2]) + (f" and {len(items) - 2} more" if len(items) > 2 else "")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _note_label(slot: str, steps: list[dict], attendees: list[dict]) -> str:
    """A note's place as a person reads it: "Polisen / summary" rather than step:<uuid>:summary."""
    kind, _, rest = slot.partition(":")
    ref, _, name = rest.rpartition(":")
    if kind == "step":
        step = next((s for s in steps if s["id"] == ref), None)
        if step is not None:
            title = step["title"] or next(
                (a["short"] or a["name"] for a in attendees if a["key"] == step["member_key"]),
                step["kind"])
            return f"{title} / {name}"
    elif kind == "member":
        who = next((a["short"] or a["name"] for a in attendees if a["key"] == ref), ref)
        return f"{who} / {name}"
    return slot


def _state(meeting: dict, attendees: list[dict], steps: list[dict]) -> tuple:
    """What a save of the meeting's state writes (the notes' text aside)."""
    m = {k: v for k, v in meeting.items() if k != "updated_at"}
    return (m, sorted(attendees, key=lambda a: a["id"]), sorted(steps, key=lambda s: s["id"]))


def _differences(local: dict, file: dict, local_audit_extra: list[dict]) -> list[str]:
    """What the receiving copy has that the file has not: not empty means a conflict."""
    out: list[str] = []
    lm, fm = local["meeting"], file["meeting"]
    fnotes = {n["slot"]: n for n in file["notes"]}
    lnotes = {n["slot"]: n for n in local["notes"]}

    def label(slot: str) -> str:
        return _note_label(slot, local["steps"], local["attendees"])

    for slot, n in sorted(lnotes.items()):
        f = fnotes.get(slot)
        if f is None:
            if n["text"] or n["version"]:
                out.append(f"note {label(slot)} is only here")
            elif n["internal"] and lm["version"] >= fm["version"]:
                out.append(f"note {label(slot)} was marked internal here")
        elif n["version"] > f["version"]:
            out.append(f"note {label(slot)} is version {n['version']} here, {f['version']} "
                       "in the file")
        elif n["version"] == f["version"] and (n["text"] != f["text"] or n["id"] != f["id"]):
            out.append(f"note {label(slot)} was changed both here and in the file")
    if lm["version"] > fm["version"]:
        out.append(f"the meeting (attendance, agenda, state) is version {lm['version']} here, "
                   f"{fm['version']} in the file")
    elif lm["version"] == fm["version"]:
        common = set(lnotes) & set(fnotes)
        if (_state(lm, local["attendees"], local["steps"])
                != _state(fm, file["attendees"], file["steps"])
                or any(lnotes[s]["internal"] != fnotes[s]["internal"] for s in common)):
            out.append("the meeting (attendance, agenda, state) was changed both here and in "
                       "the file")
    if local_audit_extra:
        out.append(f"{_count(len(local_audit_extra), 'audit entry', 'audit entries')} "
                   "only here")
    return out


def _same(local: dict, file: dict, local_audit: list[dict]) -> bool:
    def by_id(rows: list[dict]) -> list[dict]:
        return sorted(rows, key=lambda r: r["id"])

    return (local["meeting"] == file["meeting"]
            and all(by_id(local[k]) == by_id(file[k]) for k in ("attendees", "steps", "notes"))
            and by_id(local_audit) == by_id(file["audit"]))


def _local_series(s: Session, series: dict) -> tuple[str, bool, bool]:
    """(series id to use, whether the file's series must be created, matched by template)."""
    if s.get(Series, series["id"]) is not None:
        return series["id"], False, False
    same = s.exec(select(Series).where(Series.template_id == series["template_id"])
                  .order_by(Series.created_at, Series.id)).first()
    if same is not None:
        return same.id, False, True
    return series["id"], True, False


def import_handoff(store, path, who: str = "", now: datetime | None = None) -> ImportResult:
    """Bring the meeting in the handoff file at `path` into `store` (see the module's doc).
    Raises HandoffError for a file that cannot be used; a conflict is a result, not an error,
    and changes nothing."""
    handoff = read_handoff(path)
    now = now or datetime.now()
    if not who:
        try:
            who = user_name()
        except ConfigError:  # a broken config must not stop an import
            who = user_name(UserConfig())
    who = store.identity(who)  # on a database server: the database user
    fm = handoff.meeting
    started = datetime.fromisoformat(fm["started_at"])
    file_rows = {"meeting": fm, **{k: getattr(handoff, k) for k in LISTS}}
    try:
        with store._write, Session(store.engine) as s:
            _begin_snapshot(s, immediate=True)
            existing = s.get(MeetingRow, fm["id"])
            if existing is None:
                series_id, create_series, _ = _local_series(s, handoff.series)
                file_rows["meeting"] = {**fm, "series_id": series_id}
                plan = _plan(s, handoff, series_id, True, handoff.steps, handoff.attendees)
                if plan is not None and plan.differences:
                    s.rollback()
                    return ImportResult(CONFLICT, fm["id"], fm["title"], started,
                                        differences=tuple(plan.differences))
                if create_series:
                    s.add(_load(Series, handoff.series))
                    s.flush()
                _insert(s, file_rows)
                if plan is not None:
                    apply_recorded(s, plan, fm["id"])
                _record(s, fm["id"], who, handoff.path.name, now)
                s.commit()
                return ImportResult(IMPORTED, fm["id"], fm["title"], started,
                                    notes=len(handoff.notes), audit=len(handoff.audit),
                                    series_created=create_series, recorded=_counts(plan),
                                    **_said(plan))
            rows = _rows_of(s, fm["id"])
            local = {"meeting": _dump(rows["meeting"]),
                     **{k: [_dump(r) for r in rows[k]] for k in LISTS}}
            file_rows["meeting"] = {**fm, "series_id": existing.series_id}
            file_ids = {a["id"] for a in handoff.audit}
            # the receiver's own imports are not changes to the meeting
            own_imports = [a for a in local["audit"]
                           if a["id"] not in file_ids and a["action"] == "import"]
            local_audit = [a for a in local["audit"]
                           if a["id"] in file_ids or a["action"] != "import"]
            extra = [a for a in local_audit if a["id"] not in file_ids]
            added = len(file_ids - {a["id"] for a in local["audit"]})
            file_newer = fm["version"] > local["meeting"]["version"] or added > 0
            plan = _plan(s, handoff, existing.series_id, file_newer, local["steps"],
                         local["attendees"])
            same = _same(local, file_rows, local_audit)
            if same and (plan is None or not (plan.changed or plan.differences)):
                s.rollback()
                return ImportResult(UP_TO_DATE, fm["id"], fm["title"], started,
                                    **_said(plan))
            differences = _differences(local, file_rows, extra)
            differences += plan.differences if plan is not None else []
            if differences:
                s.rollback()
                return ImportResult(CONFLICT, fm["id"], existing.title, existing.started_at,
                                    differences=tuple(differences))
            lnotes = {n["slot"]: n for n in local["notes"]}
            changed = sum(1 for n in handoff.notes if lnotes.get(n["slot"]) != n)
            if not same:
                _replace(s, file_rows, [a["id"] for a in own_imports])
            if plan is not None:
                apply_recorded(s, plan, fm["id"])
            _record(s, fm["id"], who, handoff.path.name, now)
            s.commit()
            return ImportResult(UPDATED, fm["id"], fm["title"], started, notes=changed,
                                audit=added, recorded=_counts(plan), **_said(plan))
    except IntegrityError as exc:
        raise HandoffError(f"{handoff.path}: cannot be imported, its ids clash with other rows "
                           f"in this database ({str(exc.orig).splitlines()[0]}); nothing "
                           "imported") from None
    except DBAPIError as exc:
        raise HandoffError(f"{handoff.path}: import failed ({str(exc.orig).splitlines()[0]}); "
                           "nothing imported") from None


def _plan(s: Session, handoff, series_id: str, file_newer: bool, steps: list[dict],
          attendees: list[dict]) -> Plan | None:
    """What the file's recorded rows would change (None: a version 1 file has none)."""
    if handoff.recorded is None:
        return None
    return plan_recorded(s, handoff.recorded, handoff.meeting_id, series_id, file_newer,
                         lambda slot: _note_label(slot, steps, attendees))


def _counts(plan: Plan | None) -> tuple[tuple[str, int], ...]:
    return tuple(plan.counts.items()) if plan is not None else ()


def _said(plan: Plan | None) -> dict:
    """What the result's line says besides the counts: rows kept, actions left unlinked."""
    if plan is None:
        return {}
    return {"kept": tuple(plan.kept), "unlinked": tuple(plan.unlinked)}


def _insert(s: Session, rows: dict) -> None:
    s.add(_load(MeetingRow, rows["meeting"]))
    s.flush()
    for key in LISTS:
        for row in rows[key]:
            s.add(_load(TABLES[key], row))
    s.flush()


def _replace(s: Session, rows: dict, keep_audit: list[str]) -> None:
    """The meeting becomes the file's; the receiver's own import entries stay, after the
    file's entries."""
    meeting_id = rows["meeting"]["id"]
    for model in (AttendeeRow, StepRow, NoteRow):
        s.exec(delete(model).where(model.meeting_id == meeting_id))
    s.exec(delete(AuditRow).where(AuditRow.meeting_id == meeting_id,
                                  AuditRow.id.not_in(keep_audit)))
    s.flush()
    s.merge(_load(MeetingRow, rows["meeting"]))
    s.flush()
    for key in LISTS:
        for row in rows[key]:
            s.add(_load(TABLES[key], row))
    s.flush()
    top = max((a["seq"] for a in rows["audit"]), default=0)
    kept = s.exec(select(AuditRow).where(AuditRow.id.in_(keep_audit))
                  .order_by(AuditRow.seq, AuditRow.at)).all()
    for i, row in enumerate(kept, start=1):
        row.seq = top + i
        s.add(row)
    s.flush()


def _record(s: Session, meeting_id: str, who: str, reason: str, now: datetime) -> None:
    """The "import" entry, as Store.record writes it, inside the import's own transaction."""
    top = s.exec(select(func.max(AuditRow.seq)).where(AuditRow.meeting_id == meeting_id)).first()
    s.add(AuditRow(id=str(uuid.uuid4()), meeting_id=meeting_id, at=now, who=who,
                   action="import", field="", before="", after="", reason=reason,
                   seq=(top or 0) + 1))
    s.flush()


