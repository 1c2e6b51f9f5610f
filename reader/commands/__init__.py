"""Sub-commands of the ``reader`` command line, one module each.

Each module has ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``.
They call the same core functions the app uses, and never import textual.
"""

from reader.commands import add, config, entities, export, import_state, list_articles, notes, refresh, themes

COMMANDS = (list_articles, add, refresh, export, import_state, entities, notes, themes, config)

__all__ = ["COMMANDS"]
