"""Saved searches as virtual feeds: which stories of the index each one matches, all of them.

A saved search is a library query with a name (newsboat's query feeds); following an
entity is one on ``entity:``, matched by the entity key the index stored for each story,
so "Hua Chunying", "Hua" and "spokeswoman Hua Chunying" all count. Counts come from the
index, so they follow the stories as they are indexed.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.feeds.store import SavedSearch

__all__ = ["entity_query", "matching_ids"]


def entity_query(name: str) -> str:
    """The query text that follows an entity: ``entity:"Hua Chunying"``."""
    return 'entity:"' + " ".join(name.replace('"', " ").split()) + '"'


def matching_ids(index, searches: Iterable[SavedSearch]) -> dict[str, set[str] | None]:  # noqa: ANN001
    """Saved search name -> ids of the indexed stories it matches (None: the index cannot
    answer, for now: there is none yet, or it is being rebuilt)."""
    from reader.search.index import IndexProblem
    from reader.search.query import parse_query
    from reader.search.slugs import entity_slug

    found: dict[str, set[str] | None] = {}
    searches = list(searches)
    if not searches:
        return found
    try:
        searcher = index.searcher()
    except IndexProblem:
        return {s.name: None for s in searches}
    for search in searches:
        try:
            if search.entity_key is not None:
                from whoosh import query as wq

                slug = entity_slug(search.entity_key)
                query = wq.Term("entity", slug) if slug else None
            else:
                parsed = parse_query(search.query)
                query = None if parsed.is_empty else parsed.query
            found[search.name] = set() if query is None else \
                {searcher.stored_fields(doc)["id"] for doc in searcher.docs_for_query(query)}
        except IndexProblem:
            found[search.name] = None
    return found
