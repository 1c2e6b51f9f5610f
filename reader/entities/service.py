"""One shared recogniser and knowledge base, built lazily on first use.

Building costs about 50 ms (the gazetteer comes from a cache
file after the first run), so nothing is built when ``reader`` starts: the app
builds it in a worker when the first article opens, the CLI when it needs it.
"""

from __future__ import annotations

import threading

from reader.entities import gazetteer
from reader.entities.knowledge import Knowledge, load_knowledge
from reader.entities.notes import KnowledgeBase, load_knowledge_base
from reader.entities.recognizer import Recognizer

_lock = threading.Lock()
_recognizer: Recognizer | None = None
_places: dict | None = None
_knowledge: Knowledge | None = None


def get_recognizer() -> Recognizer:
    """The shared recogniser (built on first call; thread-safe)."""
    global _recognizer
    with _lock:
        if _recognizer is None:
            _recognizer = _build(load_knowledge_base())
        return _recognizer


def _build(kb: KnowledgeBase) -> Recognizer:
    global _places, _knowledge
    if _places is None:
        _places = gazetteer.load_place_index()
    if _knowledge is None:
        _knowledge = load_knowledge()
    return Recognizer(kb, place_index=_places, places_digest=gazetteer.digest(), knowledge=_knowledge)


def reload_knowledge_base() -> Recognizer:
    """Re-read the notes (after the person saved one) and rebuild the recogniser."""
    global _recognizer
    kb = load_knowledge_base()
    with _lock:
        _recognizer = _build(kb)
        return _recognizer


def reset(places: bool = False) -> None:
    """Forget the shared recogniser (tests use this after changing READER_HOME); the place
    names are kept unless ``places`` is true (they do not depend on the person's files)."""
    global _recognizer, _places, _knowledge
    with _lock:
        _recognizer = None
        if places:
            _places = _knowledge = None
