"""Settings from ``config.yaml`` in the config folder (no UI here).

The file is optional; every setting has a default::

    theme: ink                 # a theme name (``reader themes`` lists them)
    keymap:                    # binding id: keys (comma-separated, or a list)
      app.quit: ctrl+q         #   (ids: the help screen, ?, and each widget's BINDINGS)
      main.find: slash,ctrl+f
    sidebars:                  # which sidebars show at start
      entities: true
      note: true
    article_width: 80          # columns of article text; 0 or "full" for the whole pane
    list_width: 44             # columns of the article list (default: a quarter of the screen)
    library:                   # folders (or files) of articles; ~ and relative paths
      - ~/news                 #   (relative to the config folder) are allowed
    background:                # background notes from Wikipedia
      wikipedia: ask           #   off (never), ask (W on an entity; the default), auto (the open story's)
      language: en
      base_url: https://{language}.wikipedia.org   # another wiki or a local mirror
    refresh:                   # fetching your feeds while the app runs
      on_start: true           #   once, in the background, after the library is on screen
      every: 30m               #   then every 30 minutes (90s, 2h, …; 0 or off: never)

Reading never fails: a broken file or a bad value becomes a ``Problem`` naming the file,
the line and what is wrong, and the default is used for what could not be read. Unknown
settings are warned about (``Problem(skipped=False)``) and ignored.

Saving the theme (``save_theme``) edits only the ``theme:`` value in the text, so the
person's comments and layout survive; the file is replaced atomically (temp file + fsync
+ ``os.replace``). When the file's layout does not allow a safe in-place edit (say, a flow
mapping ``{…}``), the whole file is rewritten from its data and its comments are lost; a
file that does not parse is never overwritten.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reader import paths
from reader.atomic import write_atomic
from reader.problems import Problem
from reader.yamlfile import YamlDocument, YamlFileError, read_yaml

__all__ = [
    "CONFIG_FILE",
    "BackgroundSettings",
    "DEFAULT_ARTICLE_WIDTH",
    "DEFAULT_THEME",
    "KNOWN_SETTINGS",
    "SIDEBARS",
    "ConfigError",
    "LoadedSettings",
    "Settings",
    "config_path",
    "load_settings",
    "save_theme",
    "settings_as_yaml",
    "unknown_keymap_problems",
]

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

_KEY_TOKEN = re.compile(r"^\S+$")


class ConfigError(Exception):
    """A setting that cannot be saved (the message says why and names the file)."""


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


class _Reader:
    """Turns a parsed document into Settings, collecting problems with line numbers."""

    def __init__(self, doc: YamlDocument, path: Path) -> None:
        self.doc = doc
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, message: str, *key_path: Any, skipped: bool = True) -> None:
        line = self.doc.line(*key_path)
        where = f"line {line}: " if line else ""
        self.problems.append(Problem(self.path, f"{where}{message}", skipped=skipped))

    def read(self) -> Settings:
        settings = Settings()
        data = self.doc.data
        if data is None:
            return settings
        if not isinstance(data, Mapping):
            self.problem(f"settings must be a mapping of name: value (such as `theme: ink`), "
                         f"not {type(data).__name__}; using the defaults")
            return settings
        for key, value in data.items():
            if key not in KNOWN_SETTINGS:
                hint = difflib.get_close_matches(str(key), KNOWN_SETTINGS, n=1)
                suggestion = f" (did you mean {hint[0]!r}?)" if hint else f" (known: {', '.join(KNOWN_SETTINGS)})"
                self.problem(f"unknown setting {key!r} ignored{suggestion}", key, skipped=False)
                continue
            getattr(self, f"_read_{key}")(settings, value)
        return settings

    def _read_theme(self, settings: Settings, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, str) or not value.strip() or " " in value.strip():
            self.problem(f"theme must be a theme name such as `ink`, not {value!r}", "theme")
            return
        settings.theme = value.strip()

    def _read_keymap(self, settings: Settings, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, Mapping):
            self.problem("keymap must be a mapping of binding id: keys (such as `quit: ctrl+q`)", "keymap")
            return
        keymap: dict[str, str] = {}
        for binding_id, keys in value.items():
            where = ("keymap", binding_id)
            if not isinstance(binding_id, str) or not binding_id:
                self.problem(f"keymap: binding id {binding_id!r} must be text", *where)
                continue
            if isinstance(keys, str):
                tokens = [k.strip() for k in keys.split(",")]
            elif isinstance(keys, list) and all(isinstance(k, str) for k in keys):
                tokens = [k.strip() for k in keys]
            else:
                self.problem(f"keymap: keys for {binding_id!r} must be text such as \"ctrl+q\" "
                             f"or a list of keys, not {keys!r}", *where)
                continue
            if not tokens or any(not token or not _KEY_TOKEN.match(token) for token in tokens):
                self.problem(f"keymap: keys for {binding_id!r} must be key names separated by commas "
                             f"(such as \"q,ctrl+c\"), not {keys!r}", *where)
                continue
            keymap[binding_id] = ",".join(tokens)
        settings.keymap = keymap

    def _read_sidebars(self, settings: Settings, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, Mapping):
            self.problem(f"sidebars must be a mapping such as `entities: true` "
                         f"(sidebars: {', '.join(SIDEBARS)})", "sidebars")
            return
        sidebars = dict(settings.sidebars)
        for name, shown in value.items():
            where = ("sidebars", name)
            if name not in SIDEBARS:
                hint = difflib.get_close_matches(str(name), SIDEBARS, n=1)
                suggestion = f"did you mean {hint[0]!r}?" if hint else f"sidebars: {', '.join(SIDEBARS)}"
                self.problem(f"unknown sidebar {name!r} ignored ({suggestion})", *where, skipped=False)
                continue
            if not isinstance(shown, bool):
                self.problem(f"sidebars: {name} must be true or false, not {shown!r}", *where)
                continue
            sidebars[name] = shown
        settings.sidebars = sidebars

    def _read_article_width(self, settings: Settings, value: Any) -> None:
        if value is None or value == 0 or (isinstance(value, str) and value.strip().lower() == "full"):
            settings.article_width = None
            return
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(f"article_width must be a whole number of columns (or 0 / \"full\"), not {value!r}",
                         "article_width")
            return
        if not MIN_ARTICLE_WIDTH <= value <= MAX_ARTICLE_WIDTH:
            self.problem(f"article_width must be between {MIN_ARTICLE_WIDTH} and {MAX_ARTICLE_WIDTH} columns "
                         f"(or 0 for the whole pane), not {value}", "article_width")
            return
        settings.article_width = value

    def _read_list_width(self, settings: Settings, value: Any) -> None:
        if value is None or (isinstance(value, str) and value.strip().lower() == "auto"):
            return
        if isinstance(value, bool) or not isinstance(value, int) \
                or not MIN_LIST_WIDTH <= value <= MAX_LIST_WIDTH:
            self.problem(f"list_width must be a whole number of columns from {MIN_LIST_WIDTH} to "
                         f"{MAX_LIST_WIDTH} (or \"auto\"), not {value!r}", "list_width")
            return
        settings.list_width = value

    def _read_library(self, settings: Settings, value: Any) -> None:
        if value is None:
            return
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list):
            self.problem("library must be a list of folders (such as `- ~/news`)", "library")
            return
        folders: list[Path] = []
        for index, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                self.problem(f"library: entry {index + 1} must be a folder path, not {item!r}",
                             "library", index)
                continue
            folder = Path(item.strip()).expanduser()
            if not folder.is_absolute():
                folder = self.path.parent / folder
            folders.append(folder)
        settings.library = folders

    def _read_refresh(self, settings: Settings, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, Mapping):
            self.problem("refresh must be a mapping such as `{on_start: true, every: 30m}`", "refresh")
            return
        refresh = RefreshSettings(settings.refresh.on_start, settings.refresh.every)
        for key, item in value.items():
            where = ("refresh", key)
            if key == "on_start":
                if not isinstance(item, bool):
                    self.problem(f"refresh: on_start must be true or false, not {item!r}", *where)
                    continue
                refresh.on_start = item
            elif key == "every":
                try:
                    seconds = parse_duration(item)
                except ValueError:
                    self.problem(f"refresh: every must be a duration such as 30m, 2h or 90s (or off), not {item!r}",
                                 *where)
                    continue
                if seconds is not None and seconds < MIN_REFRESH_EVERY:
                    self.problem(f"refresh: every must be at least 1m (feeds are asked politely), not {item!r}", *where)
                    continue
                refresh.every = seconds
            else:
                self.problem(f"unknown refresh setting {key!r} ignored (refresh: on_start, every)", *where,
                             skipped=False)
        settings.refresh = refresh

    def _read_background(self, settings: Settings, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, Mapping):
            self.problem("background must be a mapping such as `wikipedia: ask`", "background")
            return
        background = BackgroundSettings()
        for name, item in value.items():
            where = ("background", name)
            if name == "wikipedia":
                item = "off" if item is False else item
                if item not in WIKIPEDIA_MODES:
                    self.problem(f"background: wikipedia must be one of {', '.join(WIKIPEDIA_MODES)}, not {item!r}",
                                 *where)
                    continue
                background.wikipedia = item
            elif name == "language":
                if not isinstance(item, str) or not re.fullmatch(r"[a-z][a-z-]{1,15}", item):
                    self.problem(f"background: language must be a wiki language code such as `en`, not {item!r}",
                                 *where)
                    continue
                background.language = item
            elif name == "base_url":
                if not isinstance(item, str) or not re.match(r"https?://\S+$", item):
                    self.problem(f"background: base_url must be an http(s) address, not {item!r}", *where)
                    continue
                background.base_url = item
            else:
                self.problem(f"unknown setting background.{name} ignored (known: wikipedia, language, base_url)",
                             *where, skipped=False)
        settings.background = background


def _from_document(doc: YamlDocument, path: Path) -> LoadedSettings:
    reader = _Reader(doc, path)
    settings = reader.read()
    lines = {str(key[0]): line for key, line in doc.lines.items() if len(key) == 1}
    lines.update({f"keymap.{key[1]}": line for key, line in doc.lines.items()
                  if len(key) == 2 and key[0] == "keymap"})
    return LoadedSettings(settings, path, True, reader.problems, lines)


def unknown_keymap_problems(loaded: LoadedSettings, known_ids: set[str]) -> list[Problem]:
    """A warning for each keymap entry whose binding id is not one of ``known_ids``, on its
    own line, with the nearest id as a suggestion (the app and ``reader config --show`` say
    the same thing)."""
    problems = []
    for binding_id in loaded.settings.keymap:
        if binding_id in known_ids:
            continue
        line = loaded.lines.get(f"keymap.{binding_id}") or loaded.lines.get("keymap")
        where = f"line {line}: " if line else ""
        hint = difflib.get_close_matches(binding_id, sorted(known_ids), n=1)
        suggestion = f"did you mean {hint[0]!r}?" if hint else "the help screen, ?, lists the keys"
        problems.append(Problem(loaded.path, f"{where}keymap: no binding with id {binding_id!r} ({suggestion})",
                                skipped=False))
    return problems


def load_settings(path: Path | None = None) -> LoadedSettings:
    """Read config.yaml (by default in the config folder). Never raises: problems are listed."""
    path = path if path is not None else config_path()
    try:
        doc = read_yaml(path)
    except YamlFileError as error:
        if not path.exists():
            return LoadedSettings(Settings(), path, False)
        where = f"line {error.line}: " if error.line else ""
        problem = Problem(path, f"{where}{error.message}; using the default settings")
        return LoadedSettings(Settings(), path, True, [problem])
    return _from_document(doc, path)


def settings_as_yaml(settings: Settings) -> str:
    """The effective settings as config.yaml text (for ``reader config --show``)."""
    data = {
        "theme": settings.theme,
        "keymap": dict(settings.keymap),
        "sidebars": dict(settings.sidebars),
        "article_width": settings.article_width if settings.article_width is not None else "full",
        "list_width": settings.list_width if settings.list_width is not None else "auto",
        "library": [str(p) for p in settings.library],
        "background": {"wikipedia": settings.background.wikipedia, "language": settings.background.language,
                       "base_url": settings.background.base_url},
        "refresh": {"on_start": settings.refresh.on_start, "every": _duration_text(settings.refresh.every)},
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)


def _duration_text(seconds: float | None) -> str:
    if seconds is None:
        return "off"
    for unit, size in (("d", 86_400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{int(seconds)}s"


def _yaml_scalar(value: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]*", value):
        try:
            if yaml.safe_load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _with_top_level(text: str, key: str, value: str) -> str | None:
    """``text`` with the top-level ``key`` set to the scalar ``value``, editing only that value.

    None when the file's layout does not allow a safe text edit.
    """
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    scalar = _yaml_scalar(value)
    if node is None:
        prefix = text if (not text or text.endswith("\n")) else text + "\n"
        return f"{prefix}{key}: {scalar}\n"
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            if not isinstance(value_node, yaml.ScalarNode):
                return None
            start, end = value_node.start_mark.index, value_node.end_mark.index
            if start == end:  # `theme:` with no value
                start = end = key_node.end_mark.index + 1  # just after the colon
                return text[:start] + " " + scalar + text[end:]
            return text[:start] + scalar + text[end:]
    if node.flow_style:
        return None
    prefix = text if text.endswith("\n") else text + "\n"
    return f"{prefix}{key}: {scalar}\n"


def save_theme(name: str, path: Path | None = None) -> Path:
    """Record ``name`` as the chosen theme in config.yaml, keeping everything else.

    Raises ``ConfigError`` (and leaves the file alone) when the file cannot be read or
    does not parse, or the theme name is not a single word.
    """
    path = path if path is not None else config_path()
    if not name or not name.strip() or " " in name.strip():
        raise ConfigError(f"reader: cannot save theme {name!r}: a theme name is one word")
    name = name.strip()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"reader: cannot read {path}: {error}") from None
    try:
        old = yaml.safe_load(text) if text.strip() else None
    except yaml.YAMLError:
        raise ConfigError(f"reader: {path} has a YAML error, so the theme was not saved "
                          f"(fix it, then choose the theme again)") from None
    if old is not None and not isinstance(old, dict):
        raise ConfigError(f"reader: {path} is not a mapping of settings, so the theme was not saved")
    expected = dict(old or {})
    expected["theme"] = name
    new_text = _with_top_level(text, "theme", name)
    if new_text is not None:
        try:
            if yaml.safe_load(new_text) != expected:
                new_text = None
        except yaml.YAMLError:
            new_text = None
    if new_text is None:  # no safe in-place edit: rewrite from the data (comments are lost)
        new_text = yaml.safe_dump(expected, sort_keys=False, allow_unicode=True, default_flow_style=False)
    write_atomic(path, new_text)
    return path
