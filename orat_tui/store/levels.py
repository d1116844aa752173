"""Levels per area and meeting, the series' combined level, and the warning-signal ratings.
A mixin of Store (orat_tui.store.meetings). A level is stored only where the chair set one;
the meetings after carry it (orat_tui.domain.levels.carried). A change of level is recorded
in the meeting's audit trail with its reason. An approved meeting's levels and ratings are
locked with it."""

from __future__ import annotations

import threading
import uuid
from datetime import datetime

from sqlalchemy import Engine
from sqlmodel import Session, select

from orat_tui.domain.levels import LevelChange, is_level
from orat_tui.domain.meeting import APPROVED
from orat_tui.domain.signals import valid_rating
from orat_tui.i18n import _
from orat_tui.store.models import AuditRow, MeetingRow
from orat_tui.store.models_picture import AreaLevelRow, AreaRow, CombinedLevelRow, SignalRow


class LevelError(ValueError):
    """A level or rating that cannot be set: one line, for the user."""


class LevelMixin:
    engine: Engine
    _write: threading.Lock

    @staticmethod
    def _open_meeting(s: Session, meeting_id: str) -> MeetingRow:
        row = s.get(MeetingRow, meeting_id)
        if row is None:
            raise LevelError(_("No meeting {id}.").format(id=meeting_id))
        if row.state == APPROVED:
            raise LevelError(_("The meeting of {date} is approved: reopen it to change its "
                               "picture.").format(date=f"{row.started_at:%Y-%m-%d}"))
        return row

    @staticmethod
    def _audit(s: Session, meeting_id: str, who: str, now: datetime, field: str, before: str,
               after: str, reason: str) -> None:
        from orat_tui.store.audit import AuditMixin

        s.add(AuditRow(id=str(uuid.uuid4()), meeting_id=meeting_id, at=now, who=who,
                       action="level", field=field, before=before, after=after, reason=reason,
                       seq=AuditMixin._next_seq(s, meeting_id)))

    def set_level(self, meeting_id: str, area_id: str, level: str, reason: str, who: str,
                  before: str, now: datetime) -> None:
        """Set an area's level in a meeting. `before` is the level the chair saw (carried or
        set); a change needs a one-line reason, recorded with it in the audit trail."""
        if not is_level(level):
            raise LevelError(_("Unknown level {level}.").format(level=level))
        reason = " ".join(reason.split())
        if level != before and not reason:
            raise LevelError(_("A change of level needs a one-line reason."))
        with self._write, Session(self.engine) as s:
            meeting = self._open_meeting(s, meeting_id)
            area = s.get(AreaRow, area_id)
            if area is None or area.series_id != meeting.series_id:
                raise LevelError(_("No area {id} in this series.").format(id=area_id))
            row = s.exec(select(AreaLevelRow).where(AreaLevelRow.meeting_id == meeting_id,
                                                    AreaLevelRow.area_id == area_id)).first()
            if row is None:
                row = AreaLevelRow(id=str(uuid.uuid4()), meeting_id=meeting_id,
                                   area_id=area_id, level=level, at=now)
            row.level, row.reason, row.who, row.at = level, reason, who, now
            s.add(row)
            if level != before:
                self._audit(s, meeting_id, who, now, f"level:{area.key}", before, level, reason)
            s.commit()

    def level_changes(self, series_id: str) -> list[LevelChange]:
        """Every level set in the series' meetings (for carrying them forward)."""
        with Session(self.engine) as s:
            rows = s.exec(select(AreaLevelRow).join(MeetingRow,
                                                    MeetingRow.id == AreaLevelRow.meeting_id)
                          .where(MeetingRow.series_id == series_id)).all()
            return [LevelChange(r.meeting_id, r.area_id, r.level, r.reason) for r in rows]

    def set_combined(self, meeting_id: str, level: str, suggested: str, reason: str, who: str,
                     now: datetime) -> None:
        """The chair confirms orat's suggestion (level == suggested) or sets another level,
        which needs a reason."""
        if not is_level(level):
            raise LevelError(_("Unknown level {level}.").format(level=level))
        reason = " ".join(reason.split())
        if level != suggested and not reason:
            raise LevelError(_("A combined level other than the suggestion needs a one-line "
                               "reason."))
        with self._write, Session(self.engine) as s:
            self._open_meeting(s, meeting_id)
            row = s.exec(select(CombinedLevelRow)
                         .where(CombinedLevelRow.meeting_id == meeting_id)).first()
            before = row.level if row else ""
            if row is None:
                row = CombinedLevelRow(id=str(uuid.uuid4()), meeting_id=meeting_id, level=level,
                                       at=now)
            row.level, row.suggested, row.reason, row.who, row.at = level, suggested, reason, who, now
            s.add(row)
            self._audit(s, meeting_id, who, now, "level:combined", before, level,
                        reason or "confirmed")
            s.commit()

    def combined_levels(self, series_id: str) -> dict[str, str]:
        """meeting id -> the combined level the chair set in it."""
        with Session(self.engine) as s:
            # columns, not rows as objects: ten years of a weekly forum read at once
            rows = s.exec(select(CombinedLevelRow.meeting_id, CombinedLevelRow.level).join(
                MeetingRow, MeetingRow.id == CombinedLevelRow.meeting_id)
                .where(MeetingRow.series_id == series_id)).all()
            return dict(rows)

    # -- warning signals -----------------------------------------------------------------
    def rate_signal(self, meeting_id: str, area_id: str, question: int, value: int | None,
                    checklist: str = "social-oro") -> None:
        """Rate one question for an area in a meeting: 1-4, 0 for "vet ej", None clears it."""
        if value is not None and not valid_rating(value):
            raise LevelError(_("A rating is 1 to 4, or 0 for “don't know”."))
        with self._write, Session(self.engine) as s:
            self._open_meeting(s, meeting_id)
            row = s.exec(select(SignalRow).where(SignalRow.meeting_id == meeting_id,
                                                 SignalRow.area_id == area_id,
                                                 SignalRow.question == question)).first()
            if value is None:
                if row is not None:
                    s.delete(row)
            else:
                if row is None:
                    row = SignalRow(id=str(uuid.uuid4()), meeting_id=meeting_id,
                                    area_id=area_id, question=question, value=value)
                row.value, row.checklist = value, checklist
                s.add(row)
            s.commit()

    def signal_ratings(self, series_id: str) -> dict[str, dict[str, dict[int, int]]]:
        """meeting id -> area id -> question -> rating, for the whole series."""
        with Session(self.engine) as s:
            rows = s.exec(select(SignalRow.meeting_id, SignalRow.area_id, SignalRow.question,
                                 SignalRow.value)
                          .join(MeetingRow, MeetingRow.id == SignalRow.meeting_id)
                          .where(MeetingRow.series_id == series_id)).all()
        out: dict[str, dict[str, dict[int, int]]] = {}
        for meeting_id, area_id, question, value in rows:
            out.setdefault(meeting_id, {}).setdefault(area_id, {})[question] = value
        return out
