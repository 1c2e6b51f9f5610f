"""When only the notes changed since the index was written: which stories to index again.

Saving a note (by hand, or a Wikipedia summary) gives the recogniser a name or alias it
did not have, and so a new version. Rebuilding the whole index for that took minutes at
100,000 stories, with search empty meanwhile. What the recogniser and the index take
from the notes is each name and alias with its note's id, type and name
(``reader.entities.recognizer.note_forms``); a story that has no word of any name of a
changed note is recognised and indexed as before. The manifest keeps those forms and the
rest of the version (``record``). The stories to index again are found through the index
itself: every term of the body field that holds such a word, compared as the recogniser
compares words (case folded, accents and ligatures undone, "again.Okafor" or
"Amazon.com" taken apart), then one query for any of those terms.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from reader.search.batches import INDEX_NAME
from reader.search.documents import entities_id, entities_name
from reader.search.manifest import articles_of
from reader.search.schema import plain_word, term_of
from reader.text import fold_name

ID = "entities"
BASE = "entities_base"
FORMS = "note_forms"
_WORD = re.compile(r"[^\W_]+")


def record(entity_keys: Any) -> dict[str, Any]:
    """The recogniser as the manifest records it: its id and, when it can tell a change of
    notes from any other change, the rest of its version and the notes' forms."""
    snapshot = getattr(entity_keys, "snapshot", None)
    if snapshot is None:
        return {ID: entities_id(entity_keys)}
    version, base, forms = snapshot()
    entry: dict[str, Any] = {ID: f"{entities_name(entity_keys)}:{version}"}
    if base:
        entry.update({BASE: base, FORMS: forms})
    return entry


def changed_words(manifest: dict[str, Any], now: dict[str, Any]) -> set[str] | None:
    """The words (folded) of the forms that changed between the manifest's ``record`` and
    ``now``; ``None`` when something besides the notes changed, or it cannot be told (then
    the index is rebuilt)."""
    if not now.get(BASE) or manifest.get(BASE) != now[BASE]:
        return None
    old, new = _forms(manifest.get(FORMS)), _forms(now.get(FORMS))
    if old is None or new is None or old == new:
        return None
    words: set[str] = set()
    for form, *_ in old ^ new:  # a note's name is in each of its forms: a rename changes them all
        # as the recogniser folds it ("Strauß" is "strauss") and as the index folds it ("straus")
        found = {word for text in (fold_name(form), plain_word(form)) for word in _WORD.findall(text)
                 if term_of(word) is not None}
        if not found:
            return None  # a name of stop words or single letters alone cannot be looked up
        words |= found
    return words


def files_naming(directory: Path, words: set[str], manifest: dict[str, Any]) -> set[str]:
    """The manifest's article files holding a story with any of ``words`` in its title or body."""
    if not words:
        return set()
    from whoosh.query import Or, Term  # noqa: PLC0415 - only when notes changed

    stems = {term_of(word) for word in words} | words
    ix = whoosh_index.open_dir(str(directory), indexname=INDEX_NAME)
    try:
        with ix.searcher() as searcher:
            reader = searcher.reader()
            terms = [term for term in reader.lexicon("body") if _names(term.decode("utf-8", "replace"), words, stems)]
            query = Or([Term("body", term.decode("utf-8", "replace")) for term in terms])
            ids = {searcher.stored_fields(docnum)["id"] for docnum in (query.docs(searcher) if terms else ())
                   if not reader.is_deleted(docnum)}
    finally:
        ix.close()
    file_of = {article_id: key for key, entry in articles_of(manifest).items() for article_id in entry[0]}
    return {file_of[article_id] for article_id in ids if article_id in file_of}


def _names(term: str, words: set[str], stems: set[str]) -> bool:
    """True when an index term holds one of ``words`` (or their stems)."""
    if term in stems:
        return True
    if term.isascii() and term.isalnum():
        return False
    return any(piece in stems or term_of(piece) in stems for piece in _WORD.findall(fold_name(term)))


def _forms(value: Any) -> frozenset[tuple[str, ...]] | None:
    """The manifest's note forms as a set, or ``None`` when they are not what ``record`` writes."""
    if not isinstance(value, list):
        return None
    forms = set()
    for form in value:
        if not (isinstance(form, list) and len(form) == 5 and all(isinstance(part, str) for part in form)):
            return None
        forms.add(tuple(form))
    return frozenset(forms)
