"""Where reader keeps things: user folders and the data shipped with the package.

User folders come from platformdirs (XDG on Linux). ``READER_HOME`` overrides
them all, so tests and portable installs never touch a real home.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "reader"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _home_override() -> Path | None:
    home = os.environ.get("READER_HOME")
    return Path(home).expanduser() if home else None


def config_dir() -> Path:
    """Folder for config.yaml, the person's themes and notes."""
    home = _home_override()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    """Folder for the person's library, state and search index."""
    home = _home_override()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME))


def cache_dir() -> Path:
    """Folder for caches that can be rebuilt at any time."""
    home = _home_override()
    return home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME))


def library_dir() -> Path:
    """The person's own articles."""
    return data_dir() / "library"


def _shipped(name: str) -> Path:
    # A source checkout (or editable install) has the folder beside the package;
    # a wheel carries it inside the package under _data/.
    beside = _PACKAGE_DIR.parent / name
    if beside.is_dir():
        return beside
    return _PACKAGE_DIR / "_data" / name


def seeds_dir() -> Path:
    """The sample library shipped with reader."""
    return _shipped("seeds")


def themes_dir() -> Path:
    """The themes shipped with reader."""
    return _shipped("themes")
