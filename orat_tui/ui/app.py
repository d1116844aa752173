"""The App: holds the clock, the config, the templates and the store; screens do the rest."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Callable

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.theme import Theme

from orat_tui.config import TemplateEntry, UserConfig
from orat_tui.domain.clock import Clock, SystemClock
from orat_tui.i18n import _
from orat_tui.ui.type_ahead import TypeAheadMixin

HIGH_CONTRAST = Theme(
    name="orat-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFFFF",
    warning="#FFB000",
    error="#FF3030",
    success="#00FF00",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    dark=True,
)


def error_line(exc: BaseException) -> str:
    """A store error in one line. orat's own ValueErrors (LevelError, AreaError, EventError,
    ActionConflict, ...) carry a message for the user, shown as it is; anything else is named
    by its class, for the report it may end up in."""
    if isinstance(exc, ValueError) and type(exc).__module__.startswith("orat_tui."):
        text = str(exc)
    else:
        text = f"{type(exc).__name__}: {exc}"
    return (text.splitlines() or [""])[0]


class OratApp(TypeAheadMixin, App[None]):
    """orat: the live meeting, from the keyboard."""

    TITLE = "orat"
    CSS_PATH = Path(__file__).resolve().parent / "app.tcss"  # absolute: subclasses too
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", _("Help"), id="help", tooltip=_("All keys")),
        Binding("alt+q", "quit", _("Quit"), show=False, id="quit-alt",
                tooltip=_("Quit (saves first); the same as ctrl+q")),
        Binding("alt+t", "toggle_contrast", _("High contrast"), show=False, id="contrast",
                tooltip=_("Switch the high-contrast theme for projectors")),
    ]

    class StoreReady(Message, bubble=False):
        """The database is open (posted once, after the first frame); the app passes it on
        to the screen on show, where it must not bubble back."""

    class StoreFailed(Message):
        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    def __init__(
        self,
        db_url: str,
        config: UserConfig,
        templates: dict[str, TemplateEntry],
        start_template: str | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__()
        self.db_url = db_url
        self.config = config
        self.templates = templates
        self.start_template = start_template
        self.clock: Clock = clock or SystemClock()
        self.store: Any = None  # orat_tui.store.meetings.Store once opened
        self.autosave_every = 0.5  # seconds; typed text reaches the disk within a second
        self.register_theme(HIGH_CONTRAST)
        if config.theme == "high-contrast":
            self.theme = "orat-high-contrast"
        if config.keys:
            self.set_keymap(config.keys)  # binding id -> key(s), from [keys] in config.toml

    @property
    def who(self) -> str:
        """The name recorded in the audit trail: on a database server the database user,
        else the user config's, else the login name."""
        from orat_tui.config import user_name

        name = user_name(self.config)
        return self.store.identity(name) if self.store is not None else name

    def get_system_commands(self, screen) -> Iterable[SystemCommand]:
        """The palette offers every action of the screen (with its key), then Textual's own."""
        from textual.binding import Binding

        seen: set[str] = set()
        for node in (screen, *screen.query("*")):
            for binding in getattr(node, "BINDINGS", ()):
                if not isinstance(binding, Binding) or not binding.id or binding.id in seen:
                    continue
                seen.add(binding.id)
                action = binding.action.partition("(")[0]
                if hasattr(node, "check_action") and node.check_action(action, ()) is False:
                    continue
                key = self.get_key_display(Binding(self._keymap.get(binding.id, binding.key).split(",")[0], ""))
                yield SystemCommand(
                    f"{binding.description}  ({key})",
                    binding.tooltip or binding.description,
                    lambda n=node, a=binding.action: self.call_later(n.run_action, a),
                )
        yield from super().get_system_commands(screen)

    def get_default_screen(self):
        """The home screen is the app's first screen (not pushed over a blank one: one
        screen less to build and draw before the first frame)."""
        from orat_tui.ui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        self.check_size()

    def on_ready(self) -> None:
        """The first frame is on the screen: now open the database. Started earlier, the
        import of the database layer in its thread competes with drawing that frame."""
        self.open_store()

    def on_resize(self, event) -> None:
        self.check_size(event.size)

    def check_size(self, size=None) -> None:
        """Cover the screen with a clear message while the terminal is too small."""
        from orat_tui.ui.screens.too_small import TooSmallScreen, too_small

        width, height = size or self.size
        if too_small(width, height) and not isinstance(self.screen, TooSmallScreen):
            self.push_screen(TooSmallScreen())

    @work(thread=True, exclusive=True, group="open-store")
    def open_store(self) -> None:
        """Import the database layer and open the database, off the UI thread, so the first
        frame never waits for SQLAlchemy."""
        try:
            from orat_tui.store.db import StoreError
            from orat_tui.store.meetings import Store
        except ImportError as exc:  # a broken install
            self.post_message(self.StoreFailed(str(exc)))
            return
        try:
            self.store = Store.open(self.db_url)
        except StoreError as exc:
            self.post_message(self.StoreFailed(str(exc)))
            return
        except Exception as exc:  # noqa: BLE001 - shown to the user, in one line
            self.post_message(self.StoreFailed(f"{type(exc).__name__}: {exc}"))
            return
        self.post_message(self.StoreReady())

    def on_orat_app_store_ready(self, _msg: StoreReady) -> None:
        self.screen.post_message(self.StoreReady())

    def on_orat_app_store_failed(self, msg: StoreFailed) -> None:
        self.exit(return_code=2, message=_("Cannot open the database: {error}").format(error=msg.error))

    def call_store(self, fn: Callable[..., Any], *args: Any,
                   done: Callable[[Any], None] | None = None,
                   failed: Callable[[str], None] | None = None) -> None:
        """Run a store function in a worker thread; `done` gets its result on the UI thread.
        An answer that comes back after orat began to quit, or after the screen that asked
        closed (and finds its widgets gone), has nobody to show it to: it is dropped."""
        from textual.css.query import NoMatches

        asker = self.screen_stack[-1] if self.screen_stack else None

        def deliver(callback: Callable[[Any], None], value: Any) -> None:
            if not self._running:
                return
            try:
                callback(value)
            except NoMatches:
                if asker is None or asker.is_attached:
                    raise

        def job() -> None:
            try:
                result = fn(*args)
            except Exception as exc:  # noqa: BLE001 - reported in one line, never swallowed
                self.call_from_thread(deliver, failed or self._store_error, error_line(exc))
                return
            if done is not None:
                self.call_from_thread(deliver, done, result)

        self.run_worker(job, thread=True, group="store")

    def open_meeting_at(self, meeting_id: str, slot: str | None = None) -> None:
        """Open a meeting from anywhere (the meetings list, a search hit), at a note if given:
        a live meeting continues; an ended or approved one opens for reading and editing."""
        from orat_tui.ui.screens.meeting_followup import focus_areas
        from orat_tui.ui.screens.minutes import MinutesScreen, read_minutes

        def loaded(result) -> None:
            meeting, record = result
            if meeting.state == "live":
                from orat_tui.ui.screens.meeting import MeetingScreen

                self.push_screen(MeetingScreen(meeting))
            else:
                self.push_screen(MinutesScreen(meeting, slot=slot, record=record))

        self.call_store(read_minutes, self.store, meeting_id, focus_areas(self), done=loaded)

    def _store_error(self, text: str) -> None:
        self.notify(text, title=_("Database error"), severity="error", timeout=10)

    async def action_quit(self) -> None:
        from orat_tui.ui.screens.discard import quit_asking

        quit_asking(self)

    def action_help(self) -> None:
        from orat_tui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_toggle_contrast(self) -> None:
        self.theme = "textual-dark" if self.theme == "orat-high-contrast" else "orat-high-contrast"
