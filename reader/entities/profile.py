"""What the index keeps of a story's entities for the library dossier: each entity's key,
kind, name, mention count and the roles the story gives it.

Made once per story at index time from the recogniser's spans (``summarise`` joins short
forms to their own story's full name, so "Bassi" in a story about Wade Bassi counts for
Wade Bassi and for no other Bassi). Plain data, no UI, no index.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from functools import lru_cache
from typing import NamedTuple

from reader.entities.digests import source_digest
from reader.entities.model import Span
from reader.entities.notes import KnowledgeBase
from reader.entities.summary import story_roles, summarise


class StoryEntity(NamedTuple):
    """One entity of a story as the index keeps it (``key`` and ``type`` are what the
    ``entity:`` and ``type:`` fields index)."""

    key: str
    type: str
    name: str
    count: int
    roles: tuple[str, ...] = ()


def story_entities(body: str, spans: Sequence[Span], kb: KnowledgeBase | None = None, title: str = "",
                   given_names: Container[str] = frozenset()) -> list[StoryEntity]:
    """The story's entities, in order of first appearance, with their roles (``title`` and
    ``given_names`` as ``summarise`` takes them)."""
    infos = summarise(body, spans, kb if kb is not None else KnowledgeBase(), title, given_names)
    roles = story_roles(body, infos)
    return [StoryEntity(i.key, i.type, i.name, i.count, tuple(roles.get(i.key, ()))) for i in infos]


#: The modules whose rules shape what the index keeps of a story's entities (besides the
#: recogniser's own): a change to any of them re-derives the index (``profile_digest``).
PROFILE_MODULES = ("summary", "given_name_forms", "title_names", "legal_forms", "roles", "role_shapes", "role_relations", "role_clauses", "role_lists",
                   "role_phrases", "body_roles", "role_words", "party_tags", "profile")


@lru_cache(maxsize=1)
def profile_digest() -> str:
    """A hash of the source of ``PROFILE_MODULES`` (part of the index's entity version)."""
    return source_digest(PROFILE_MODULES, 6)
