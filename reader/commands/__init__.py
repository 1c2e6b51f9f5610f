"""Sub-commands of the ``reader`` command line, one module each.

Each module has ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``.
They call the same core functions the app uses, and never import textual.
"""

from reader.commands import (
    add,
    config,
    entities,
    export,
    import_state,
    index,
    list_articles,
    notes,
    refresh,
    search,
    themes,
)

COMMANDS = (list_articles, add, refresh, index, search, entities, notes, export, import_state, themes, config)

__all__ = ["COMMANDS"]
