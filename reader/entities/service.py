"""One shared recogniser and knowledge base, built lazily on first use.

Building costs about 50 ms (place names and words come memory-mapped from the cache
after the first run), so nothing is built when ``reader`` starts: the app builds it in a
worker when the first article opens, the CLI when it needs it. The recogniser belongs to
the person's notes folder: when that folder changes (another ``READER_HOME``), it is
built again, so its ``version`` always names the notes it uses.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reader.entities import gazetteer
from reader.entities.knowledge import Knowledge, load_knowledge
from reader.entities.lexicon import PlaceIndex
from reader.entities.notes import KnowledgeBase, load_knowledge_base, user_notes_dir
from reader.entities.recognizer import Recognizer

_lock = threading.Lock()
_recognizer: Recognizer | None = None
_places: PlaceIndex | None = None
_knowledge: Knowledge | None = None
_notes_dir: Path | None = None


def get_recognizer() -> Recognizer:
    """The shared recogniser (built on first call, and again for another notes folder; thread-safe)."""
    global _recognizer
    with _lock:
        if _recognizer is None or _notes_dir != user_notes_dir():
            _recognizer = _build(load_knowledge_base())
        return _recognizer


def _build(kb: KnowledgeBase) -> Recognizer:
    global _places, _knowledge, _notes_dir
    _notes_dir = user_notes_dir()
    if _places is None:
        _places = gazetteer.load_place_index()
    if _knowledge is None:
        _knowledge = load_knowledge()
    return Recognizer(kb, place_index=_places, places_digest=gazetteer.digest(), knowledge=_knowledge)


def first_build_ahead() -> bool:
    """True when the place names are neither in memory nor cached: the first recognition
    reads the name lists (a few seconds, once per data folder and version)."""
    with _lock:
        if _recognizer is not None or _places is not None:
            return False
    return not gazetteer.place_index_cached()


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
