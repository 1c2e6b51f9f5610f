"""The article model: plain data, no UI."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reader.text import CJK_CHARACTERS, first_sentence

WORDS_PER_MINUTE = 230
"""Reading speed in words, or in characters of Chinese and Japanese (read at about the
same rate: 255 and 357 characters a minute in Trauzettel-Klosinski et al. 2012)."""
_CJK_PUNCTUATION = "\u3000-\u303f\uff00-\uffef"
_FIRST_CJK = "\u3000"
"""Below this character there is neither a CJK character nor CJK punctuation."""


@cache
def _word_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A word, and a CJK character: compiled when first needed (their ranges take milliseconds)."""
    return (re.compile(f"[{CJK_CHARACTERS}]|[^\\s{CJK_CHARACTERS}{_CJK_PUNCTUATION}]+"),  # each one a word
            re.compile(f"[{CJK_CHARACTERS}]"))


PARAGRAPH_BREAK = "\n\n"
_NORMALISED = ("title", "body", "source", "byline", "credit")
"""The text fields kept in Unicode's composed form (NFC): a page written on a Mac may spell
"Española" as "n" and a combining tilde, which no word pattern, index term or typed query
would match whole."""


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
        for name in _NORMALISED:
            value = getattr(self, name)
            if value:
                object.__setattr__(self, name, unicodedata.normalize("NFC", value))
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
        """Source · date · words (or characters) · minutes · #tags, leaving out what is unknown."""
        from reader.dates import display_date

        parts = [p for p in (self.source, display_date(self.published)) if p]
        unit = "characters" if counted_in_characters(self.body) else "words"
        parts.append(f"{self.word_count:,} {unit}")
        parts.append(f"{self.reading_minutes} min")
        if self.tags:
            parts.append(" ".join(f"#{tag}" for tag in self.tags))
        return " · ".join(parts)


def count_words(text: str) -> int:
    """Count words: runs of non-space characters, and each Chinese or Japanese character
    (those scripts put no spaces between words; their punctuation is not counted)."""
    if not text or max(text) < _FIRST_CJK:
        return len(text.split())  # no CJK character or punctuation: the runs are split()'s words
    return sum(1 for _ in _word_patterns()[0].finditer(text))


def counted_in_characters(text: str, sample: int = 5000) -> bool:
    """True when most of what ``count_words`` counts in ``text`` are CJK characters."""
    head = text[:sample]
    if not head or max(head) < _FIRST_CJK:
        return False  # (without compiling the patterns: a story with no CJK opens sooner)
    cjk = len(_word_patterns()[1].findall(head))
    return cjk > 0 and cjk * 2 > count_words(head)


def lead_length(article: Article) -> int:
    """The length of the body's first sentence when the title is that sentence (cut or
    not), so the headline is drawn there, once; else 0."""
    title = " ".join(article.title.removesuffix("…").split())
    if not title:
        return 0
    sentence = first_sentence(article.body[:20_000].split(PARAGRAPH_BREAK, 1)[0])
    flat = " ".join(sentence.split())
    cut = article.title.endswith("…")
    if not article.body.startswith(sentence) or not (flat == title or (cut and flat.startswith(title))):
        return 0
    return len(sentence)
