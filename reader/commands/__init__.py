"""Sub-commands of the ``reader`` command line, one module each.

Each module has ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``.
They call the same core functions the app uses, and never import textual. Modules are
imported only when a sub-command runs, so opening the app pays for none of them.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType
from typing import NamedTuple


class Command(NamedTuple):
    """A sub-command as ``reader --help`` lists it: its module and its one line of help
    (the module's ``HELP`` is this line, so the listing imports no command)."""

    module: str
    help: str


COMMANDS = {
    "list": Command("list_articles", "list the articles of the library (id, title, words)"),
    "show": Command("show", "print an article: by its id (reader list prints them) or its file"),
    "add": Command("add", "import articles: .txt, .md, .html, RSS/Atom feed files, folders, or page/feed URLs"),
    "refresh": Command("refresh", (
        "fetch your feeds (conditional requests: unchanged feeds cost a 304) and import new entries"
    )),
    "feeds": Command("feeds", "list your feeds and saved searches: unread/total, last update, last error"),
    "subscribe": Command("subscribe", (
        "follow a feed: an http(s) URL or a feed file; it is fetched now and by every refresh"
    )),
    "unsubscribe": Command("unsubscribe", (
        "stop following a feed (by address or title); asks whether to keep its stories"
    )),
    "opml": Command("opml", "import feeds from an OPML file, or export yours (folders and categories are tags)"),
    "index": Command("index", "update the search index of the library (only new, changed and removed articles)"),
    "search": Command("search", (
        "search the library: words (all must match), \"phrases\", prefix*, fuzzy~, -excluded, OR, fields"
    )),
    "entities": Command("entities", "list the people, organisations, places and events named in article files"),
    "notes": Command("notes", "print the background note on an entity (by name or alias), or list the notes"),
    "about": Command("about", (
        "print the background of an entity: its note, facts for a place, and the library's dossier"
    )),
    "export": Command("export", (
        "back up your library, reading state (state.json), settings, notes and themes to a folder"
    )),
    "import-state": Command("import_state", (
        "restore an export: reading state (read, stars, positions, feeds), and from its folder your "
        "settings, notes and themes"
    )),
    "themes": Command("themes", (
        "list the themes (shipped and your own; * marks the chosen one) with their lowest WCAG contrast "
        "ratio; choose one with --theme, the command palette or config.yaml"
    )),
    "config": Command("config", "show where config.yaml is (--path) or the settings in effect (--show, the default)"),
}
"""Sub-command name → its module in this package and help, in the order ``reader --help`` lists them."""

COMMAND_MODULES = {name: command.module for name, command in COMMANDS.items()}
"""Sub-command name → module in this package."""


def load_command(name: str) -> ModuleType:
    """Import the module of one sub-command."""
    return import_module(f"{__name__}.{COMMAND_MODULES[name]}")


def command_help(name: str) -> str:
    """The one line of help of a sub-command (without importing it)."""
    return COMMANDS[name].help


def load_commands() -> list[ModuleType]:
    """Import every sub-command module."""
    return [load_command(name) for name in COMMAND_MODULES]


__all__ = ["COMMANDS", "COMMAND_MODULES", "Command", "command_help", "load_command", "load_commands"]
