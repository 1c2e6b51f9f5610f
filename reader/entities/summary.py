"""What a story says about its entities: grouped mentions, first sentence, role words.

Plain functions over the article body and the recogniser's spans (no UI), used by the
entities sidebar and the notes panel.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.entities.model import TYPES, Span
from reader.entities.notes import KnowledgeBase, Note
from reader.entities.wordlists import ROLES

_SENTENCE_START = re.compile(r"(?:[.!?][\"”’')\]]*\s+|\n\s*)(?=[\"“‘(\[]?[A-Z0-9])")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s|$)")
_WORD = re.compile(r"[\w’'.-]+")


@dataclass
class EntityInfo:
    """One entity of a story: its mentions in order and its note, if any."""

    key: str
    name: str
    type: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    note: Note | None = None

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def first(self) -> int:
        return self.mentions[0][0]


def summarise(body: str, spans: Sequence[Span], kb: KnowledgeBase) -> list[EntityInfo]:
    """Entities in order of first appearance, each with all its mentions."""
    by_key: dict[str, EntityInfo] = {}
    for span in spans:
        key = span.key or body[span.start:span.end].casefold()
        info = by_key.get(key)
        if info is None:
            note = kb.get(span.key)
            name = note.name if note else " ".join(body[span.start:span.end].split())
            info = by_key[key] = EntityInfo(key, name, note.type if note else span.type, note=note)
        elif note_less_longer(info, body, span):
            info.name = " ".join(body[span.start:span.end].split())
        info.mentions.append((span.start, span.end))
    return list(by_key.values())


def note_less_longer(info: EntityInfo, body: str, span: Span) -> bool:
    """Without a note, show the longest form the story uses ("Hua Chunying" over "Hua")."""
    return info.note is None and len(body[span.start:span.end]) > len(info.name)


def grouped(infos: Iterable[EntityInfo]) -> list[tuple[str, list[EntityInfo]]]:
    """Entities grouped by type (people, organisations, places, events, other), order kept."""
    groups: dict[str, list[EntityInfo]] = {t: [] for t in TYPES}
    for info in infos:
        groups.setdefault(info.type, []).append(info)
    return [(kind, items) for kind, items in groups.items() if items]


def sentence_at(body: str, offset: int) -> str:
    """The sentence holding ``offset``."""
    start = 0
    for match in _SENTENCE_START.finditer(body, 0, offset + 1):
        if match.end() <= offset:
            start = match.end()
    paragraph_start = body.rfind("\n", 0, offset) + 1
    start = max(start, paragraph_start)
    end_match = _SENTENCE_END.search(body, offset)
    paragraph_end = body.find("\n", offset)
    end = end_match.end() if end_match else len(body)
    if paragraph_end != -1:
        end = min(end, paragraph_end)
    return " ".join(body[start:end].split())


def role_before(body: str, start: int) -> str | None:
    """A role written just before a mention: "DPP spokesperson", "Foreign Affairs Division Director"."""
    before = body[max(0, start - 80):start]
    cut = max(before.rfind(c) for c in ".;:!?\n,“”\"(")
    words = _WORD.findall(before[cut + 1:])
    if not words or words[-1].casefold().rstrip(".") not in ROLES:
        return None
    role = [words[-1]]
    for word in reversed(words[:-1]):
        if len(role) >= 5:
            break
        if word[:1].isupper() or word.casefold() in ROLES:
            role.insert(0, word)
        else:
            break
    return " ".join(role)


def role_of(body: str, info: EntityInfo) -> str | None:
    """The first role the story gives an entity."""
    for start, _ in info.mentions:
        role = role_before(body, start)
        if role:
            return role
    return None


def names_of(info: EntityInfo, body: str) -> set[str]:
    """Every form the story and the note use for an entity."""
    names = {" ".join(body[s:e].split()) for s, e in info.mentions}
    if info.note:
        names.update(info.note.names)
    return {n for n in names if len(n) > 1}
