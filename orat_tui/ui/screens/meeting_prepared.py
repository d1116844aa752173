"""The members' prepared input in the meeting (a mixin of MeetingScreen): shown at their turn,
or at a point, and taken over into the live note with alt+p: appended after what is typed,
once, and marked taken (in the database too, so it stays marked after a restart)."""

from __future__ import annotations

from textual.binding import Binding

from orat_tui.i18n import _
from orat_tui.labels import field_label

BINDINGS = [
    # priority: in a real terminal alt+p arrives as ESC p, a key with a printable character,
    # which the focused note would otherwise type as "p" before any screen binding sees it
    Binding("alt+p", "take_prepared", _("Take prepared"), show=False, id="take-prepared",
            priority=True,
            tooltip=_("Take the member's prepared input into the note (added after your text)")),
]


class PreparedMixin:
    """Uses MeetingScreen's `meeting`, `walk`, `view`, `review`, `dirty` and the app's store."""

    prepared: dict | None = None  # (member, field) -> store.intake.Prepared

    def load_prepared(self) -> None:
        from orat_tui.store.intake import prepared

        self.app.call_store(prepared, self.app.store, "", self.meeting.id, done=self._prepared)

    def _prepared(self, items: dict) -> None:
        # taken over here but perhaps not yet written: what this screen knows stays
        for key, old in (self.prepared or {}).items():
            if key in items and old.taken_at is not None and items[key].taken_at is None:
                items[key] = _taken(items[key], old.taken_at)
        self.prepared = items
        self.show_prepared()

    def _point_field(self, step) -> str | None:
        from orat_tui.domain.intake import point_field

        entry = self.app.templates.get(self.meeting.template_id)
        if entry is not None:
            return point_field(step.number, step.title, entry.template)
        return f"point-{step.number}" if step.number else None

    def prepared_for_step(self, step) -> list[tuple[tuple[str, str], str]]:
        """((member, field), label) of what was prepared for this step, in order."""
        if not self.prepared:
            return []
        if step.kind == "turn":
            keys = [k for k in self.prepared if k[0] == step.member and not k[1].startswith("point-")]
            order = {f: i for i, f in enumerate(step.fields)}
            keys.sort(key=lambda k: order.get(k[1], len(order)))
            return [(k, field_label(k[1])) for k in keys]
        if step.kind == "point":
            field = self._point_field(step)
            members = [a.key for a in self.meeting.attendees]
            keys = [k for k in self.prepared if k[1] == field]
            keys.sort(key=lambda k: members.index(k[0]) if k[0] in members else len(members))
            return [(k, self.meeting.short_of(k[0])) for k in keys]
        return []

    def show_prepared(self) -> None:
        from orat_tui.ui.widgets.prepared_panel import PanelItem, PreparedPanel

        view = getattr(self, "view", None)  # the step's view, perhaps still mounting
        if view is None or self.walk is None:
            return
        items = [PanelItem(label, self.prepared[key].text, self.prepared[key].taken_at is not None)
                 for key, label in self.prepared_for_step(view.step)]
        for panel in view.query(PreparedPanel):
            panel.show(items)

    def redact_prepared(self, replacement: str) -> int:
        """alt+x: personal identity numbers out of the prepared input on show too; returns
        how many texts held one (the store's copy is cleaned by store.intake.redact_prepared)."""
        from dataclasses import replace

        from orat_tui.domain.personnummer import redact

        changed = 0
        for key, item in (self.prepared or {}).items():
            clean = redact(item.text, replacement)
            if clean != item.text:
                self.prepared[key] = replace(item, text=clean)
                changed += 1
        if changed:
            self.show_prepared()
        return changed

    def action_take_prepared(self) -> None:
        from orat_tui.domain.meeting import note_slot
        from orat_tui.ui.widgets.note_area import NoteArea

        view = self.current_view()
        if view is None or self.meeting.state == "approved":
            return
        step = view.step
        wanted = [(k, label) for k, label in self.prepared_for_step(step)
                  if self.prepared[k].taken_at is None]
        if step.kind == "point" and self.walk.floor:
            wanted = [(k, label) for k, label in wanted if k[0] == self.walk.floor]
        if not wanted:
            self.notify(_("Nothing prepared to take over here.") if not self.prepared_for_step(step)
                        else _("The prepared input is already taken over."))
            return
        areas = {a.slot: a for a in view.query(NoteArea)}
        for (member, field), label in wanted:
            text = self.prepared[(member, field)].text
            if step.kind == "turn" and field in step.fields:
                slot = note_slot(step, field)
            else:  # a point's one note, or a field this turn does not have: say whose/which
                slot = note_slot(step, step.fields[0]) if step.fields else None
                text = f"{label}: {text}"
            area = areas.get(slot)
            if area is None:
                continue
            before = area.text
            sep = "" if not before else ("\n" if before.endswith("\n") else "\n\n")
            area.insert(sep + text, area.document.end)
            area.move_cursor(area.document.end)
        now = self.app.clock.now()
        keys = [k for k, _label in wanted]
        for k in keys:
            self.prepared[k] = _taken(self.prepared[k], now)
        from orat_tui.store.intake import mark_taken

        self.app.call_store(mark_taken, self.app.store, self.meeting.id, keys, now)
        self.show_prepared()
        self.notify(_("Prepared input taken over into the note."))


def _taken(item, now):
    from dataclasses import replace

    return replace(item, taken_at=now)
