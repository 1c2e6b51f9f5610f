"""What the index holds of an article: its Whoosh document, and the entity recogniser's
keys for it (``entity:`` and ``type:`` queries)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from reader.dates import DATELINE_FORMATS
from reader.library.article import Article
from reader.search.dossier_fields import dossier_document
from reader.search.slugs import entity_slug

HASH_BYTES = 16

EntityKeys = Callable[[Article], Iterable[Any]]
"""The entity recogniser's hook: for an article, its entities as ``(key, type)`` pairs or
objects with ``key`` and ``type`` (or ``kind``) attributes."""


def file_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=HASH_BYTES).hexdigest()


def entities_id(entity_keys: EntityKeys | None) -> str:
    """A name for the recogniser, stored in the manifest: a different one means re-index."""
    if entity_keys is None:
        return ""
    return f"{entities_name(entity_keys)}:{getattr(entity_keys, 'version', '')}"


def entities_name(entity_keys: EntityKeys | None) -> str:
    """``entities_id`` without the version (known without building the recogniser)."""
    if entity_keys is None:
        return ""
    name = getattr(entity_keys, "__qualname__", type(entity_keys).__qualname__)
    return f"{getattr(entity_keys, '__module__', '')}.{name}"


def _entity_fields(items: Iterable[Any]) -> tuple[str, str]:
    keys: set[str] = set()
    types: set[str] = set()
    for item in items:
        if isinstance(item, tuple | list):
            key, kind = (item[0], item[1]) if len(item) > 1 else (item[0], "")
        else:
            key = getattr(item, "key", None) or getattr(item, "name", "")
            kind = getattr(item, "type", None) or getattr(item, "kind", "") or ""
        key = entity_slug(str(key))
        if key:
            keys.add(key)
        kind = str(getattr(kind, "value", kind)).strip().lower()
        if kind:
            types.add(kind)
    return ",".join(sorted(keys)), ",".join(sorted(types))


def parse_published(text: str | None) -> dt.datetime | None:
    """A datetime for ``2021``, ``2021-05``, ``2021-05-03`` or an ISO timestamp; else ``None``."""
    if not text:
        return None
    text = text.strip()
    try:  # the common case first: an ISO date or timestamp (each strptime that fails costs an exception)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        pass
    for fmt in ("%Y-%m", "%Y", "%Y/%m/%d", *DATELINE_FORMATS):  # and the dates a story's date line has
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            pass
    return None


def article_document(article: Article, entity_keys: EntityKeys | None = None) -> dict[str, Any]:
    """The Whoosh document of one article."""
    items = list(entity_keys(article) or ()) if entity_keys is not None else []
    entities, entity_types = _entity_fields(items)
    doc: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "body": (article.title, _with_byline(article)),  # the title's words count in the body too (BM25F)
        "path": str(article.path) if article.path else "",
        "published_text": article.published or "",
        "body_text": article.body,
    }
    if article.source:
        doc["source"] = article.source
    published = parse_published(article.published)
    if published is not None:
        doc["published"] = published
    doc.update(dossier_document(items, published))  # roles, months, co-mentions (the dossier)
    if entities:
        doc["entity"] = entities
        doc["entity_type"] = entity_types
    return doc


def _with_byline(article: Article) -> str:
    """The body as indexed: with the byline after it, so that a writer's name finds their
    stories ("Gettleman" found none) as one more mention, not a title's weight."""
    byline = (article.byline or "").strip()
    return f"{article.body}\n\n{byline}" if byline else article.body


def default_entity_keys() -> EntityKeys:
    """The entity recogniser's keys for an article (``reader.entities``, imported and
    built when first used: searching needs neither). A change of its ``version``
    re-indexes the library."""

    def get_recognizer():
        from reader.entities.service import get_recognizer as shared  # noqa: PLC0415 - only to recognise

        return shared()

    get_recognizer.__module__ = "reader.entities.service"  # its name in the manifest
    return RecogniserKeys(get_recognizer)


class RecogniserKeys:
    """Entity keys of an article from a recogniser with ``recognise(text) -> spans``.

    ``version`` is the current recogniser's own version (its rules, word lists, place names
    and the notes it uses), read each time it is asked for: after the person saves a note,
    or after an upgrade changes a rule, the index sees another version and re-derives
    entity keys: of the stories that name a changed note when only the notes changed
    (``snapshot``), else of every article."""

    def __init__(self, get_recognizer: Callable[[], Any]) -> None:
        self._get = get_recognizer
        self._module = getattr(get_recognizer, "__module__", "")

    @property
    def version(self) -> str:
        return self.snapshot()[0]

    def snapshot(self) -> tuple[str, str, list[list[str]]]:
        """``version``, the same without what the notes add, and what the notes add
        (``recognizer.note_forms``), all from one recogniser: when only the notes changed,
        the stories that name a changed note are enough to index again."""
        from reader.entities.profile import profile_digest  # noqa: PLC0415
        from reader.entities.recognizer import note_forms  # noqa: PLC0415

        recognizer = self._get()
        kb = getattr(recognizer, "kb", None)
        base = getattr(recognizer, "base_version", None)
        forms = [list(form) for form in note_forms(kb)] if kb is not None and base is not None else []
        version = f"{self._module}:{getattr(recognizer, 'version', '')}:{profile_digest()}"
        return version, (f"{self._module}:{base}:{profile_digest()}" if base is not None else ""), forms

    def start_stamp(self) -> dict[str, Any]:
        """What can change the recogniser, read cheaply at start (no recogniser is built):
        the note files' sizes and times, and a hash of the entities package's source. Another
        stamp sends the start's quick check to the full one, which compares versions."""
        from reader.entities.digests import package_digest  # noqa: PLC0415
        from reader.entities.notes import notes_files, shipped_notes_dir, user_notes_dir  # noqa: PLC0415

        stamps = []
        for folder in (shipped_notes_dir(), user_notes_dir()):
            for path in notes_files(folder):
                try:
                    st = path.stat()
                except OSError:
                    continue
                stamps.append([str(path), st.st_size, st.st_mtime_ns])
        return {"notes": stamps, "code": package_digest()}

    def __call__(self, article: Article) -> list:
        from reader.entities.model import MAX_RECOGNISED_CHARS  # noqa: PLC0415
        from reader.entities.profile import story_entities  # noqa: PLC0415

        recognizer = self._get()
        body = article.body[:MAX_RECOGNISED_CHARS]
        knowledge = getattr(recognizer, "knowledge", None)
        return story_entities(body, recognizer.recognise(body), getattr(recognizer, "kb", None), article.title,
                              knowledge.given_names if knowledge is not None else frozenset())
