"""Sub-commands of the ``reader`` command line, one module each.

Each module has ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``.
They call the same core functions the app uses, and never import textual.
"""

from reader.commands import config, index, list_articles, search, themes

COMMANDS = (list_articles, index, search, themes, config)

__all__ = ["COMMANDS"]
