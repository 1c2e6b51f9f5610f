"""The reader App: screens, global keys, theme defaults and palette commands."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode

from reader.config import DEFAULT_THEME, ConfigError, LoadedSettings, load_settings, save_theme
from reader.library import default_sources
from reader.library.problems import Problem
from reader.palette import OpenArticleCommands
from reader.screens.help import HelpScreen
from reader.screens.main import MainScreen
from reader.widgets.article_list import ArticleList
from reader.themes import LoadedThemes, builtin_theme_names, load_themes
from reader.widgets.article_view import ArticleView

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


class ReaderApp(App[int]):
    """A terminal news reader."""

    TITLE = "reader"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {OpenArticleCommands}

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("t", "change_theme", "Theme", id="app.theme"),
    ]

    def __init__(
        self,
        sources: list[Path] | None = None,
        *,
        theme: str | None = None,
        settings: LoadedSettings | None = None,
        themes: LoadedThemes | None = None,
    ) -> None:
        """``theme`` (from ``--theme``) wins over config.yaml's for this run; ``settings`` and
        ``themes`` default to reading config.yaml and the theme folders."""
        super().__init__()
        self.loaded_settings = settings if settings is not None else load_settings()
        self.settings = self.loaded_settings.settings
        self.startup_problems: list[Problem] = list(self.loaded_settings.problems)
        self.sources = list(sources) if sources else self._library_sources()
        self.loaded_themes = themes if themes is not None else load_themes()
        self.startup_problems += self.loaded_themes.problems
        self._save_theme_changes = False
        self._register_themes()
        self.theme = self._initial_theme(theme)
        self.set_keymap(self.settings.keymap)

    # -- settings and themes ---------------------------------------------------

    def _library_sources(self) -> list[Path]:
        """config.yaml's library folders that exist (each missing one is a problem), or the default."""
        folders = []
        for folder in self.settings.library:
            if folder.exists():
                folders.append(folder)
            else:
                self.startup_problems.append(Problem(self.loaded_settings.path, f"library folder {folder} does not exist"))
        return folders or default_sources()

    def _register_themes(self) -> None:
        """Offer reader's themes (shipped and the person's); Textual's only when none loaded."""
        for info in self.loaded_themes.themes.values():
            self.register_theme(info.theme)

    def _initial_theme(self, requested: str | None) -> str:
        """``--theme``, else config.yaml's theme, else the default (an unknown one is a problem)."""
        available = self.loaded_themes.themes
        if requested and (requested in available or (not available and requested in builtin_theme_names())):
            return requested
        chosen = self.settings.theme
        if chosen in available:
            return chosen
        fallback = DEFAULT_THEME if DEFAULT_THEME in available else next(iter(sorted(available)), "textual-dark")
        if chosen != DEFAULT_THEME or DEFAULT_THEME not in available:
            line = self.loaded_settings.lines.get("theme")
            where = f"line {line}: " if line else ""
            self.startup_problems.append(Problem(self.loaded_settings.path, f"{where}unknown theme {chosen!r}; using {fallback!r}"))
        return fallback

    def _drop_textual_themes(self) -> None:
        if self.loaded_themes.themes:
            for name in builtin_theme_names():
                if name not in self.loaded_themes.themes and name != self.theme:
                    self.unregister_theme(name)

    def known_binding_ids(self) -> set[str]:
        """Ids of every binding of the app and of reader's screens and widgets."""
        classes: list[type] = list(type(self).__mro__)
        pending = [DOMNode]
        while pending:
            cls = pending.pop()
            pending.extend(cls.__subclasses__())
            if cls.__module__.startswith("reader."):
                classes.append(cls)
        return {
            binding.id
            for cls in classes
            for binding in Binding.make_bindings(vars(cls).get("BINDINGS", []))
            if binding.id
        }

    def on_mount(self) -> None:
        self._drop_textual_themes()
        unknown = sorted(set(self.settings.keymap) - self.known_binding_ids())
        if unknown:
            line = self.loaded_settings.lines.get("keymap")
            where = f"line {line}: " if line else ""
            self.startup_problems.append(Problem(self.loaded_settings.path, f"{where}keymap: no binding with id "
                                                 f"{', '.join(map(repr, unknown))} (the help screen, ?, lists the keys)",
                                                 skipped=False))
        for problem in self.startup_problems:
            self.notify(str(problem), title="Settings" if problem.path == self.loaded_settings.path else "Theme",
                        severity="warning" if problem.skipped else "information", markup=False, timeout=10)
        self._save_theme_changes = True

    def watch_theme(self, theme_name: str) -> None:
        """Remember a theme chosen while the app runs (palette, the theme key) in config.yaml."""
        if self._save_theme_changes and theme_name != self.settings.theme:
            self.settings.theme = theme_name
            self.save_theme_choice(theme_name)

    @work(thread=True, exclusive=True, group="save-theme", exit_on_error=False)
    def save_theme_choice(self, theme_name: str) -> None:
        """Write the chosen theme to config.yaml off the UI thread."""
        try:
            save_theme(theme_name, self.loaded_settings.path)
        except (ConfigError, OSError) as error:
            self.call_from_thread(self.notify, f"The theme was not saved: {error}", severity="warning",
                                  markup=False, timeout=10)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **ENTITY_COLOUR_DEFAULTS}

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.sources)

    def help_sources(self) -> list[tuple[str, type]]:
        """The (pane, class) pairs whose keys the help screen lists."""
        return [
            ("Everywhere", type(self)),
            ("Main", MainScreen),
            ("Article list", ArticleList),
            ("Article", ArticleView),
        ]

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.help_sources()))
