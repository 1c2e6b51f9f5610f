"""The app's side of settings and themes: register themes, choose the starting one, apply the
keymap, report problems once, and remember a theme chosen while the app runs.

A mixin for ``ReaderApp`` so app.py stays short. It calls the core (``reader.config``,
``reader.themes``) and never reads or writes files itself; saving runs in a worker.
"""

from __future__ import annotations

import threading
from pathlib import Path

from textual import work
from textual.binding import Binding
from textual.message import Message

from reader.config import (
    DEFAULT_THEME,
    ConfigError,
    LoadedSettings,
    Settings,
    load_settings,
    unknown_keymap_problems,
)
from reader.problems import Problem
from reader.themes import LoadedThemes, builtin_theme_names, load_themes

__all__ = ["APP_BINDINGS", "SettingsAndThemes", "binding_ids", "keymap_problems"]

APP_BINDINGS = [
    Binding("q", "quit", "Quit", id="app.quit"),
    Binding("question_mark,f1", "help", "Help", id="app.help"),
    Binding("t", "change_theme", "Theme", show=False, id="app.theme"),
    Binding("ctrl+p", "command_palette", "Commands", show=False, priority=True, id="app.palette",
            tooltip="Open the command palette"),
]
"""The app's own keys (here, so ``reader config`` can know their ids without the app)."""


def binding_ids() -> set[str]:
    """The id of every binding of reader: the app's, and every screen's and widget's."""
    from reader.screens.help import reader_classes

    return {binding.id for binding in Binding.make_bindings(APP_BINDINGS) if binding.id} | {
        binding.id
        for cls in reader_classes()
        for binding in Binding.make_bindings(vars(cls).get("BINDINGS", []))
        if binding.id
    }


def keymap_problems(loaded: LoadedSettings) -> list[Problem]:
    """config.yaml's keymap entries that name no binding, each on its line."""
    return unknown_keymap_problems(loaded, binding_ids())


class SettingsAndThemes:
    """Mixin for the App: settings from config.yaml, themes from the theme folders."""

    settings: Settings
    loaded_settings: LoadedSettings
    loaded_themes: LoadedThemes
    startup_problems: list[Problem]

    def setup_settings(
        self,
        theme: str | None = None,
        settings: LoadedSettings | None = None,
        themes: LoadedThemes | None = None,
    ) -> None:
        """Read settings and themes (unless given), register the themes, set the starting
        theme (``theme`` from ``--theme`` wins for this run) and the keymap. Call from ``__init__``."""
        self.loaded_settings = settings if settings is not None else load_settings()
        self.settings = self.loaded_settings.settings
        self.loaded_themes = themes if themes is not None else load_themes()
        self.startup_problems = [*self.loaded_settings.problems, *self.loaded_themes.problems]
        self._save_theme_changes = False
        self._save_lock = threading.Lock()
        for info in self.loaded_themes.themes.values():
            self.register_theme(info.theme)
        self.theme = self._initial_theme(theme)
        if self.loaded_themes.themes:
            # Textual's own themes have no entity colours chosen for their background.
            for name in builtin_theme_names():
                if name not in self.loaded_themes.themes:
                    self.unregister_theme(name)
        self.set_keymap(self.settings.keymap)

    def _settings_problem(self, key: str, message: str, skipped: bool = True) -> None:
        line = self.loaded_settings.lines.get(key)
        where = f"line {line}: " if line else ""
        self.startup_problems.append(Problem(self.loaded_settings.path, f"{where}{message}", skipped=skipped))

    def _initial_theme(self, requested: str | None) -> str:
        """``requested``, else config.yaml's theme, else the default; an unknown name is a problem."""
        available = self.loaded_themes.themes or dict.fromkeys(builtin_theme_names())
        fallback = DEFAULT_THEME if DEFAULT_THEME in available else min(available, default="textual-dark")
        if requested:
            if requested in available:
                return requested
            self.startup_problems.append(Problem("--theme", f"unknown theme {requested!r}"))
        chosen = self.settings.theme
        if chosen in available:
            return chosen
        self._settings_problem("theme", f"unknown theme {chosen!r}; using {fallback!r}")
        return fallback

    def report_startup_problems(self) -> None:
        """One notification per problem in config.yaml or a theme file. Call from ``on_mount``.
        Keymap ids are checked after the first frame (knowing them all imports every pane)."""
        for problem in self.startup_problems:
            self._notify_problem(problem)
        if self.settings.keymap:
            self.call_after_refresh(self._report_keymap_problems)
        self._save_theme_changes = True

    def _report_keymap_problems(self) -> None:
        for problem in keymap_problems(self.loaded_settings):
            self._notify_problem(problem)

    def _notify_problem(self, problem: Problem) -> None:
        title = "Theme" if Path(problem.path).parent.name == "themes" else "Settings"
        self.notify(str(problem), title=title, severity="warning" if problem.skipped else "information",
                    markup=False, timeout=10)

    def watch_theme(self, theme_name: str) -> None:
        """Remember a theme chosen while the app runs (palette, the theme key) in config.yaml."""
        if self._save_theme_changes and theme_name != self.settings.theme:
            self.settings.theme = theme_name
            self.save_theme_choice()

    class ThemeNotSaved(Message):
        """The theme chosen could not be written to config.yaml."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    @work(thread=True, group="save-theme", exit_on_error=False, description="The theme was not saved")
    def save_theme_choice(self) -> None:
        """Write the current theme to config.yaml off the UI thread; one writer at a time, and
        each writes the latest choice, so quick changes cannot leave an older theme saved."""
        from reader.config.writing import save_theme  # noqa: PLC0415 - PyYAML's writer, when first saving

        with self._save_lock:
            try:
                save_theme(self.settings.theme, self.loaded_settings.path)
            except (ConfigError, OSError) as error:
                self.post_message(self.ThemeNotSaved(str(error)))

    def on_settings_and_themes_theme_not_saved(self, message: ThemeNotSaved) -> None:
        self.notify(f"The theme was not saved: {message.reason}", severity="warning", markup=False, timeout=10)
