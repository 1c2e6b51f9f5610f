"""When only the notes changed since the index was written: which stories to index again.

Saving a note (by hand, or a Wikipedia summary) gives the recogniser a name or alias it
did not have, and so a new version. Rebuilding the whole index for that took minutes at
100,000 stories, with search empty meanwhile. What the recogniser takes from the notes is
their names and aliases with each note's id and type (``RecogniserKeys.note_forms``); a
story whose text has none of the words of a name that was added, removed or retyped is
recognised as before. The manifest keeps those forms and the rest of the version
(``record``), and the stories to index again are found through the index itself: one
query for any of those words in the body field.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from reader.search.batches import INDEX_NAME
from reader.search.manifest import articles_of
from reader.search.schema import iter_terms

BASE = "entities_base"
FORMS = "note_forms"


def record(entity_keys: Any) -> dict[str, Any]:
    """What the manifest keeps to tell a change of notes from any other change (nothing
    for a recogniser that cannot say: any change of it rebuilds the index)."""
    base = getattr(entity_keys, "base_version", None)
    forms = getattr(entity_keys, "note_forms", None)
    if base is None or forms is None:
        return {}
    return {BASE: base, FORMS: forms()}


def changed_words(manifest: dict[str, Any], now: dict[str, Any]) -> set[str] | None:
    """The index terms of the names that changed between the manifest's ``record`` and
    ``now``; ``None`` when something besides the notes changed, or it cannot be told."""
    old_forms = manifest.get(FORMS)
    if BASE not in now or manifest.get(BASE) != now[BASE] or not isinstance(old_forms, list):
        return None
    old = {tuple(form) for form in old_forms if isinstance(form, list) and len(form) == 3}
    new = {tuple(form) for form in now[FORMS]}
    words: set[str] = set()
    for name, _, _ in old ^ new:
        terms = {term for text in (str(name), _unaccented(str(name))) for term, _, _ in iter_terms(text)}
        if not terms:
            return None  # a name of stop words alone cannot be looked up
        words |= terms
    return words


def files_naming(directory: Path, words: set[str], manifest: dict[str, Any]) -> set[str]:
    """The manifest's article files holding a story indexed with any of ``words``."""
    if not words:
        return set()
    ix = whoosh_index.open_dir(str(directory), indexname=INDEX_NAME)
    try:
        with ix.searcher() as searcher:
            ids = stories_with_words(searcher, words)
    finally:
        ix.close()
    file_of = {article_id: key for key, entry in articles_of(manifest).items() for article_id in entry[0]}
    return {file_of[article_id] for article_id in ids if article_id in file_of}


def stories_with_words(searcher, words: set[str]) -> set[str]:
    """The ids of the indexed stories whose title or body has any of ``words`` (index terms)."""
    from whoosh.query import Or, Term  # noqa: PLC0415 - only when notes changed

    if not words:
        return set()
    query = Or([Term("body", word) for word in sorted(words)])
    reader = searcher.reader()
    return {searcher.stored_fields(docnum)["id"] for docnum in query.docs(searcher)
            if not reader.is_deleted(docnum)}


def _unaccented(text: str) -> str:
    """``text`` without its accents ("José" → "Jose"), as a story may write a name."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
