"""Search: the library's Whoosh index, queries, hits with snippets, and find-in-article.

No textual imports here: the CLI and the app call the same functions.
"""

from reader.search.index import IndexBusy, IndexProblem, LibraryIndex, UpdateResult
from reader.search.query import ParsedQuery, parse_query
from reader.search.searching import Hit, SearchResults, search

__all__ = [
    "Hit",
    "IndexBusy",
    "IndexProblem",
    "LibraryIndex",
    "ParsedQuery",
    "SearchResults",
    "UpdateResult",
    "parse_query",
    "search",
]
