"""Reading config.yaml into ``Settings``: every value checked, every problem named with its line."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reader.config.settings import (
    KEY_TOKEN,
    KNOWN_SETTINGS,
    MAX_ARTICLE_WIDTH,
    MAX_LIST_WIDTH,
    MIN_ARTICLE_WIDTH,
    MIN_LIST_WIDTH,
    MIN_REFRESH_EVERY,
    SIDEBARS,
    WIKIPEDIA_MODES,
    BackgroundSettings,
    LoadedSettings,
    RefreshSettings,
    Settings,
    config_path,
    parse_duration,
)
from reader.problems import Problem
from reader.yamlfile import YamlDocument, YamlFileError, read_yaml


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

    def _section(self, value: Any, name: str, shape: str) -> Mapping | None:
        """A section of config.yaml as a mapping; None when it is absent or (with a problem
        saying what it should look like) not a mapping."""
        if value is None:
            return None
        if not isinstance(value, Mapping):
            self.problem(f"{name} must be a mapping {shape}", name)
            return None
        return value

    def _read_keymap(self, settings: Settings, value: Any) -> None:
        value = self._section(value, "keymap", "of binding id: keys (such as `quit: ctrl+q`)")
        if value is None:
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
            if not tokens or any(not token or not KEY_TOKEN.match(token) for token in tokens):
                self.problem(f"keymap: keys for {binding_id!r} must be key names separated by commas "
                             f"(such as \"q,ctrl+c\"), not {keys!r}", *where)
                continue
            keymap[binding_id] = ",".join(tokens)
        settings.keymap = keymap

    def _read_sidebars(self, settings: Settings, value: Any) -> None:
        value = self._section(value, "sidebars", f"such as `entities: true` (sidebars: {', '.join(SIDEBARS)})")
        if value is None:
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
        value = self._section(value, "refresh", "such as `{on_start: true, every: 30m}`")
        if value is None:
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
        value = self._section(value, "background", "such as `wikipedia: ask`")
        if value is None:
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
