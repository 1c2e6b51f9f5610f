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

The package: ``settings`` (what can be set, with defaults and limits), ``reading`` (the
file checked into ``Settings``), ``writing`` (``reader config --show`` and the theme saved
in place).
"""

from __future__ import annotations

from reader.config.reading import load_settings, unknown_keymap_problems
from reader.config.settings import (
    CONFIG_FILE,
    DEFAULT_ARTICLE_WIDTH,
    DEFAULT_THEME,
    KNOWN_SETTINGS,
    SIDEBARS,
    BackgroundSettings,
    ConfigError,
    LoadedSettings,
    RefreshSettings,
    Settings,
    config_path,
    parse_duration,
)

_WRITING = frozenset({"save_theme", "settings_as_yaml"})


def __getattr__(name: str):
    """``save_theme`` and ``settings_as_yaml`` come from ``writing`` when first asked for:
    it needs PyYAML's writer, which starting the app does not."""
    if name in _WRITING:
        from reader.config import writing  # noqa: PLC0415

        return getattr(writing, name)
    raise AttributeError(f"module 'reader.config' has no attribute {name!r}")


__all__ = [
    "CONFIG_FILE",
    "BackgroundSettings",
    "RefreshSettings",
    "parse_duration",
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
