"""The reader App: screens, global keys, theme defaults and palette commands."""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import App
from textual.command import CommandPalette
from textual.worker import Worker

from reader.app_settings import APP_BINDINGS, SettingsAndThemes
from reader.config import LoadedSettings
from reader.core import open_library
from reader.startup import RESUME_AFTER_SECONDS, resume_collections
from reader.text import make_safe
from reader.palette import LibraryCommands, OpenArticleCommands, ThemeCommands
from reader.screens.main import MainScreen
from reader.themes import LoadedThemes
from reader.widgets.failures import worker_failed

ENTITY_COLOUR_DEFAULTS = {
    "entity-person": "#e5c07b",
    "entity-org": "#61afef",
    "entity-place": "#98c379",
    "entity-event": "#c678dd",
    "entity-other": "#56b6c2",
    "entity-selected": "#3e4451",
    "match": "#5c4a1e",
    "match-current": "#a86f00",
}
"""Colours of entity kinds and matches, used when a theme does not set them."""


class ReaderApp(SettingsAndThemes, App[int]):
    """A terminal news reader."""

    TITLE = "reader"
    CSS_PATH = Path(__file__).with_name("app.tcss")
    COMMANDS = App.COMMANDS | {OpenArticleCommands, LibraryCommands}

    BINDINGS = APP_BINDINGS
    HELP_NAME = "Everywhere"

    def __init__(
        self,
        sources: list[Path] | None = None,
        *,
        theme: str | None = None,
        settings: LoadedSettings | None = None,
        themes: LoadedThemes | None = None,
    ) -> None:
        """``sources``: the paths given on the command line (none: the person's library);
        ``theme`` (``--theme``) wins over config.yaml's for this run; ``settings`` and
        ``themes`` default to reading config.yaml and the theme folders. A path that does
        not exist raises ``MissingPath``."""
        super().__init__()
        if not os.environ.get("TEXTUAL_ANIMATIONS"):
            self.animation_level = "none"  # paging must feel instant on a busy machine
        self.setup_settings(theme, settings, themes)
        self.library = open_library(sources or (), settings=self.settings)
        self.startup_problems.extend(self.library.problems)

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Notifications quote file names, worker errors and story text: a message shown as
        plain text (``markup=False``) has its control characters made visible, so a file named
        with an escape sequence cannot act on the terminal. (Widgets' ``notify`` comes here.)"""
        if not markup:
            message, title = make_safe(message), make_safe(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def on_mount(self) -> None:
        self.report_startup_problems()
        self.set_timer(RESUME_AFTER_SECONDS, resume_collections)  # the main screen resumes them sooner

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker_failed(self, event)  # the app's own worker: saving the theme

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **ENTITY_COLOUR_DEFAULTS}

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.library)

    def search_themes(self) -> None:
        """Textual's theme picker (Ctrl+P, Theme; the t key), with the theme in use marked."""
        self.push_screen(CommandPalette(providers=[ThemeCommands], placeholder="Search for themes…"))

    async def action_quit(self) -> None:
        """Quit (``q``, Ctrl+Q), unless the screen on top holds something unsaved and says so
        first (the note editor: a second Ctrl+Q quits without saving)."""
        may_quit = getattr(self.screen, "may_quit", None)
        if may_quit is not None and not may_quit():
            return
        await super().action_quit()

    def action_help(self) -> None:
        from reader.screens.help import HelpScreen  # with the first ?, not at start-up

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
