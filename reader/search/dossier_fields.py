"""What the index holds for the library dossier (``reader.search.dossier`` reads it).

Three fields beside ``entity``, all small next to the body:

- ``entity_month``: one term ``<entity>@<YYYY-MM>`` per entity of a dated story, so a
  dossier counts stories per month (and finds the first and the latest) from the lexicon
  and a few postings, without reading any story;
- ``entity_role``: one term ``<entity>@<role>`` per role a story gives an entity
  ("hsieh_pei_fen@DPP spokesperson"): the library's roles with their story counts;
- ``story_entities``: a column with the story's main entities (key, name, kind), read for
  the latest stories of an entity to count what is mentioned with it.

``<entity>`` is the ``entity`` field's slug. The index schema's version is bumped when
any of this changes (``reader.search.schema.SCHEMA_VERSION``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from whoosh import columns, fields

from reader.search.slugs import entity_slug
from reader.text import shorten

MONTH_FIELD = "entity_month"
ROLE_FIELD = "entity_role"
COLUMN_FIELD = "story_entities"
SEPARATOR = "@"
MAX_COLUMN_ENTITIES = 24
MAX_ROLE_CHARS = 60
_RECORD, _UNIT = "\x1e", "\x1f"


def dossier_schema_fields() -> dict[str, fields.FieldType]:
    """The dossier's fields, for ``make_schema``."""
    return {
        MONTH_FIELD: fields.KEYWORD(commas=True, lowercase=False),
        ROLE_FIELD: fields.KEYWORD(commas=True, lowercase=False),
        COLUMN_FIELD: fields.COLUMN(columns.VarBytesColumn()),
    }


def dossier_document(items: Iterable[Any], published: Any) -> dict[str, Any]:
    """The dossier's values for one story: ``items`` are the entity hook's objects (with
    ``key``, ``type`` and, from the recogniser, ``name``, ``count`` and ``roles``);
    ``published`` the story's datetime or ``None``."""
    month = published.strftime("%Y-%m") if published is not None else None
    months: set[str] = set()
    roles: set[str] = set()
    ranked: list[tuple[int, int, str, str]] = []
    for n, item in enumerate(items):
        key = getattr(item, "key", None)
        if key is None:
            continue
        slug = entity_slug(str(key))
        if not slug:
            continue
        if month:
            months.add(f"{slug}{SEPARATOR}{month}")
        for role in getattr(item, "roles", ()) or ():
            text = shorten(role.replace(",", " "), MAX_ROLE_CHARS)  # at a word, not "… of Technolog"
            if text:
                roles.add(f"{slug}{SEPARATOR}{text}")
        if str(getattr(item, "type", "")).upper() != "OTHER":
            name = " ".join(str(getattr(item, "name", key)).split()).replace(_RECORD, " ").replace(_UNIT, " ")
            kind = str(getattr(item, "type", "") or "")
            ranked.append((-int(getattr(item, "count", 1) or 1), n, slug, f"{name}{_UNIT}{kind}"))
    doc: dict[str, Any] = {}
    if months:
        doc[MONTH_FIELD] = ",".join(sorted(months))
    if roles:
        doc[ROLE_FIELD] = ",".join(sorted(roles))
    top = sorted(ranked)[:MAX_COLUMN_ENTITIES]
    if top:
        doc[COLUMN_FIELD] = _RECORD.join(f"{slug}{_UNIT}{name}" for _, _, slug, name in top).encode("utf-8")
    return doc


def column_entities(value: bytes) -> list[tuple[str, str, str]]:
    """The (slug, name, type) of each entity in a ``story_entities`` column value."""
    if not value:
        return []
    found = []
    for record in value.decode("utf-8", "replace").split(_RECORD):
        slug, _, rest = record.partition(_UNIT)
        name, _, kind = rest.partition(_UNIT)
        if slug:
            found.append((slug, name or slug, kind))
    return found


def named_in_column(reader, slug: str, docs: list[int], looks: int) -> tuple[str, str, str] | None:
    """(slug, name, kind) of the entity ``slug`` as the latest of its stories ``docs`` (document
    numbers, oldest first) that keeps it in its column names it, reading at most ``looks`` of
    them; ``None`` when none does (a column keeps a story's main entities only)."""
    if not docs or COLUMN_FIELD not in reader.schema:
        return None
    column = reader.column_reader(COLUMN_FIELD)
    for docnum in reversed(docs[-looks:]):
        found = next((found for found in column_entities(column[docnum]) if found[0] == slug), None)
        if found is not None:
            return found
    return None

