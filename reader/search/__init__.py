"""Search: the library's Whoosh index, queries, hits with snippets, and find-in-article.

No textual imports here: the CLI and the app call the same functions. The names below
are imported when first used (``reader.search.find`` needs no Whoosh, and a command
that only lists articles should not pay for the search stack).
"""

from __future__ import annotations

import importlib

_WHERE = {
    "Hit": "searching",
    "IndexBusy": "index",
    "IndexProblem": "index",
    "LibraryIndex": "index",
    "ParsedQuery": "query",
    "SearchResults": "searching",
    "UpdateResult": "index",
    "parse_query": "query",
    "search": "searching",
    "suggest": "spelling",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(f"reader.search.{_WHERE[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'reader.search' has no attribute {name!r}")
