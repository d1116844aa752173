"""The picture from the home screen: l opens the Lägesbild of the highlighted series, e starts
an extra meeting of it while its combined level is Yellow or Red (the seed asks for closer
contact then). A mixin of HomeScreen; its bindings are added to HomeScreen.BINDINGS."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList

from orat_tui.i18n import _

HOME_PICTURE_BINDINGS = [
    Binding("l", "picture", _("Picture"), id="home-picture",
            tooltip=_("The situational picture of the highlighted series")),
    Binding("e", "extra_meeting", _("Extra meeting"), id="home-extra-meeting",
            tooltip=_("An extra meeting of the series while its combined level is yellow or red")),
]


class HomePictureMixin:
    def highlighted_template(self) -> str | None:
        ol = self.query_one("#series-list", OptionList)
        if ol.highlighted is None or not ol.option_count:
            return None
        return ol.get_option_at_index(ol.highlighted).id

    def action_picture(self) -> None:
        key = self.highlighted_template()
        if key is None or self.app.store is None:
            return
        from orat_tui.ui.screens.picture import PictureScreen

        template = self.app.templates[key].template
        self.app.call_store(self.app.store.series_for_template, template, self.app.clock.now(),
                            done=lambda sid: self.app.push_screen(PictureScreen(sid, key)))

    def action_extra_meeting(self) -> None:
        key = self.highlighted_template()
        if key is None or self.app.store is None:
            return
        store, template = self.app.store, self.app.templates[key].template
        info = self.series_by_template.get(key)
        if self.unfinished is not None and info is not None and self.unfinished.series_id == info.id:
            self.notify(_("Continuing the unfinished meeting of this series."))
            self.open_meeting(self.unfinished.id)
            return
        if info is None:
            self.notify(_("This series has no meetings yet, so no combined level."),
                        severity="warning")
            return

        def level():
            data = store.picture(info.id)
            return data.combined_level(data.latest())

        self.app.call_store(level, done=lambda result: self._offer_extra(template, result))

    def _offer_extra(self, template, result) -> None:
        from orat_tui.domain.levels import needs_closer_contact
        from orat_tui.labels_picture import level_name

        level, _confirmed = result
        if not needs_closer_contact(level):
            self.notify(_("Extra meetings are for yellow and red; the combined level is {level}."
                          ).format(level=level_name(level)), severity="warning")
            return
        from orat_tui.ui.screens.dialogs import ConfirmScreen

        def answer(yes) -> None:
            if yes:
                self.start_extra(template)

        self.app.push_screen(ConfirmScreen(
            _("The combined level is {level}. Start an extra meeting with a short agenda: "
              "levels, events, planned measures, who must be informed?").format(
                level=level_name(level)), yes=_("Extra meeting")), answer)

    def start_extra(self, template) -> None:
        from orat_tui.domain.extra_meeting import extra_template
        from orat_tui.ui.screens.meeting import create_meeting

        extra = extra_template(template, _("extra meeting"), (
            _("Levels per area"), _("Events"), _("Planned measures"),
            _("Who must be informed"),
        ))
        self.app.call_store(create_meeting, self.app.store, extra, self.app.clock.now(),
                            done=self._show_meeting)
