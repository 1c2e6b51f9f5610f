"""Sub-commands of the ``reader`` command line, one module each.

Each module has ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``.
They call the same core functions the app uses, and never import textual. Modules are
imported only when a sub-command runs, so opening the app pays for none of them.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

COMMAND_MODULES = {
    "list": "list_articles",
    "show": "show",
    "add": "add",
    "refresh": "refresh",
    "feeds": "feeds",
    "subscribe": "subscribe",
    "unsubscribe": "unsubscribe",
    "opml": "opml",
    "index": "index",
    "search": "search",
    "entities": "entities",
    "notes": "notes",
    "about": "about",
    "export": "export",
    "import-state": "import_state",
    "themes": "themes",
    "config": "config",
}
"""Sub-command name → module in this package, in the order ``reader --help`` lists them."""


def load_command(name: str) -> ModuleType:
    """Import the module of one sub-command."""
    return import_module(f"{__name__}.{COMMAND_MODULES[name]}")


def load_commands() -> list[ModuleType]:
    """Import every sub-command module."""
    return [load_command(name) for name in COMMAND_MODULES]


__all__ = ["COMMAND_MODULES", "load_command", "load_commands"]
