"""The article model: plain data, no UI."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

WORDS_PER_MINUTE = 230
_WORD = re.compile(r"\S+")
PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True)
class Article:
    """One story.

    ``body`` is the story text, paragraphs separated by a blank line
    (``PARAGRAPH_BREAK``). Offsets used for entities, find matches and search
    highlights are offsets into ``body``.
    """

    id: str
    title: str
    body: str
    source: str | None = None
    published: str | None = None
    url: str | None = None
    byline: str | None = None
    credit: str | None = None
    tags: tuple[str, ...] = ()
    path: Path | None = None
    links: tuple[str, ...] = field(default=(), compare=False)
    """Links the story's text pointed to (a feed entry's HTML), in order; the story's own
    ``url`` is not among them."""
    word_count: int = field(default=-1, compare=False)

    def __post_init__(self) -> None:
        if self.word_count < 0:
            object.__setattr__(self, "word_count", count_words(self.body))

    @property
    def paragraphs(self) -> list[str]:
        """The body split into paragraphs."""
        return [p for p in self.body.split(PARAGRAPH_BREAK) if p]

    @property
    def reading_minutes(self) -> int:
        """Estimated reading time in whole minutes (at least 1 for any text)."""
        if self.word_count == 0:
            return 0
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    @property
    def meta_line(self) -> str:
        """Source · date · words · minutes · #tags, leaving out what is unknown."""
        from reader.dates import display_date

        parts = [p for p in (self.source, display_date(self.published)) if p]
        parts.append(f"{self.word_count:,} words")
        parts.append(f"{self.reading_minutes} min")
        if self.tags:
            parts.append(" ".join(f"#{tag}" for tag in self.tags))
        return " · ".join(parts)


def count_words(text: str) -> int:
    """Count whitespace-separated words."""
    return sum(1 for _ in _WORD.finditer(text))
