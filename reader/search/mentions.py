"""Which stories of the index mention an entity or a name: every match, ids only."""

from __future__ import annotations

from whoosh import query as wq

from reader.search.index import IndexProblem, LibraryIndex
from reader.search.query import parse_query
from reader.search.slugs import entity_slug


def ids_mentioning(index: LibraryIndex, key: str) -> set[str] | None:
    """Ids of the indexed stories whose entities include ``key`` (stored at index time);
    ``None`` when the index cannot answer (there is none yet, or it cannot be opened)."""
    slug = entity_slug(key)
    return _ids(index, wq.Term("entity", slug)) if slug else set()


def ids_naming(index: LibraryIndex, name: str) -> set[str] | None:
    """Ids of the indexed stories whose title or text holds ``name`` as a phrase (in any
    case); ``None`` when the index cannot answer."""
    words = name.replace('"', " ").split()
    if not words:
        return set()
    parsed = parse_query('"' + " ".join(words) + '"')
    return set() if parsed.is_empty else _ids(index, parsed.query)


def _ids(index: LibraryIndex, q: wq.Query) -> set[str] | None:
    try:
        searcher = index.searcher()
        return {searcher.stored_fields(doc)["id"] for doc in searcher.docs_for_query(q)}
    except IndexProblem:
        return None
