"""What config.yaml can say: the settings, their defaults and limits (plain data)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reader import paths
from reader.problems import Problem

CONFIG_FILE = "config.yaml"
DEFAULT_THEME = "ink"
"""The theme used when neither ``--theme`` nor config.yaml chooses one (a shipped theme)."""
DEFAULT_ARTICLE_WIDTH = 80
MIN_ARTICLE_WIDTH = 20
MAX_ARTICLE_WIDTH = 1000
MIN_LIST_WIDTH, MAX_LIST_WIDTH = 20, 200
SIDEBARS = ("entities", "note")
KNOWN_SETTINGS = ("theme", "keymap", "sidebars", "article_width", "library", "refresh", "background", "list_width")
DEFAULT_REFRESH_EVERY = 30 * 60.0
MIN_REFRESH_EVERY = 60.0
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?|d|days?)?\s*$",
                       re.IGNORECASE)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86_400}
WIKIPEDIA_MODES = ("off", "ask", "auto")
DEFAULT_WIKIPEDIA_URL = "https://{language}.wikipedia.org"

KEY_TOKEN = re.compile(r"^\S+$")


class ConfigError(Exception):
    """A setting that cannot be saved (the message says why and names the file)."""


WIKIPEDIA_OFF = ("Wikipedia look-ups are off: to use W, set 'wikipedia: ask' under 'background:' in config.yaml "
                 "(reader config --path shows the file).")
"""What ``W`` and ``reader about --wikipedia`` say while look-ups are off."""


@dataclass
class BackgroundSettings:
    """The ``background:`` section: Wikipedia look-ups."""

    wikipedia: str = "ask"
    """off: never; ask: when the person presses W on an entity; auto: the open story's entities."""
    language: str = "en"
    base_url: str = DEFAULT_WIKIPEDIA_URL


@dataclass
class RefreshSettings:
    """When the app fetches the feeds by itself."""

    on_start: bool = True
    """Once after start (in the background, after the library is on screen)."""
    every: float | None = DEFAULT_REFRESH_EVERY
    """Seconds between refreshes while the app runs; None for never."""


def parse_duration(value: object) -> float | None:
    """Seconds in "30m", "90s", "2h", "1d" or a number of minutes; None for 0, false, "off"
    or "never". Raises ValueError for anything else."""
    if value is None or value is False or value == 0 or (isinstance(value, str) and value.strip().lower()
                                                          in ("0", "off", "never", "no", "false")):
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        return float(value) * 60
    match = _DURATION.match(str(value))
    if not match:
        raise ValueError(value)
    unit = (match.group(2) or "m")[0].lower()
    seconds = float(match.group(1)) * _UNIT_SECONDS[unit]
    return seconds or None


@dataclass
class Settings:
    """Everything config.yaml can set, with its default."""

    theme: str = DEFAULT_THEME
    """The chosen theme's name."""
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id → keys ("ctrl+q" or "q,ctrl+c"), applied with ``App.set_keymap``."""
    sidebars: dict[str, bool] = field(default_factory=lambda: {name: True for name in SIDEBARS})
    """Which sidebars show at start: "entities" and "note"."""
    article_width: int | None = DEFAULT_ARTICLE_WIDTH
    """Columns of article text; None for the whole pane."""
    library: list[Path] = field(default_factory=list)
    """The person's library folders; empty means the default library."""
    background: BackgroundSettings = field(default_factory=BackgroundSettings)
    """Wikipedia look-ups (``background:``)."""
    refresh: RefreshSettings = field(default_factory=RefreshSettings)
    """When the app refreshes the feeds by itself."""
    list_width: int | None = None
    """Columns of the article list; None: sized with the screen (a quarter of it, 32–56)."""

    @property
    def show_entities(self) -> bool:
        return self.sidebars.get("entities", True)

    @property
    def show_note(self) -> bool:
        return self.sidebars.get("note", True)

    @property
    def show_sidebar(self) -> bool:
        """Whether the sidebar shows at all: one of its parts is wanted."""
        return any(self.sidebars.get(name, True) for name in SIDEBARS)


@dataclass
class LoadedSettings:
    """Settings read from ``path`` (``exists`` false when there is no file yet) and the problems met."""

    settings: Settings
    path: Path
    exists: bool
    problems: list[Problem] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    """The 1-based line of each top-level setting in the file, and of each keymap entry
    (as "keymap.<binding id>")."""

    @property
    def errors(self) -> list[Problem]:
        """Problems where a value was ignored (the default is used instead)."""
        return [p for p in self.problems if p.skipped]

    @property
    def warnings(self) -> list[Problem]:
        """Problems that changed nothing (unknown settings)."""
        return [p for p in self.problems if not p.skipped]


def config_path() -> Path:
    """Where config.yaml lives (it may not exist yet)."""
    return paths.config_dir() / CONFIG_FILE

