"""One entity of a story as the sidebar and the background see it: its key, name, type,
mentions in order, and note."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.entities.notes import Note


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
