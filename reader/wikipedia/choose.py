"""Which Wikipedia page is about this entity: ranking candidates by name, kind and story.

A candidate scores for its title matching the name, for a description that fits the
entity's kind (a person's "American politician (born 1950)", a place's "city in ...")
and for sharing words with the story. A page is taken without asking only when it
scores well and clearly above the next; otherwise the person chooses. Disambiguation
pages are never taken.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.entities.notes import fold
from reader.entities.role_words import is_role_word
from reader.wikipedia.client import Candidate

KIND_WORDS = {
    "PERSON": set("born died politician actor actress singer writer player footballer author journalist "
                  "businessman businesswoman activist artist painter composer mathematician scientist "
                  "president minister official diplomat lawyer judge general officer musician rapper "
                  "economist philosopher historian bishop priest king queen prince princess emperor".split()),
    "PLACE": set("city town village capital country state province region island river lake mountain county "
                 "district municipality neighbourhood neighborhood commune prefecture territory sea ocean "
                 "peninsula metropolitan borough archipelago continent desert valley".split()),
    "ORG": set("company organization organisation party agency university college school club team band "
               "newspaper magazine ministry department corporation group association foundation institute "
               "council government army navy bank court committee union league network broadcaster "
               "charity movement firm airline brand publisher".split()),
    "EVENT": set("war battle election treaty championship cup olympics festival disaster earthquake summit "
                 "attack conference tournament revolution crisis protest protests massacre hurricane "
                 "cyclone storm pandemic season games".split()),
}
DISAMBIGUATION = ("topics referred to by the same term", "disambiguation", "may refer to")
CONFIDENT = 5.0
MARGIN = 1.5
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_LIFESPAN = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\s*[–-]\s*(1[0-9]{3}|20[0-9]{2})?|\bborn\b")


@dataclass(frozen=True)
class Ranked:
    """A candidate and its score."""

    candidate: Candidate
    score: float


def is_disambiguation(candidate: Candidate) -> bool:
    text = f"{candidate.description} {candidate.excerpt[:80]}".casefold()
    return any(marker in text for marker in DISAMBIGUATION) or candidate.title.endswith("(disambiguation)")


def kind_fit(kind: str, description: str) -> float:
    """+2 when the description says the entity's kind, -2 when it says another kind."""
    words = {w.casefold() for w in _WORD.findall(description)}
    if not words:
        return 0.0
    fits = words & KIND_WORDS.get(kind, set())
    if kind == "PERSON" and (_LIFESPAN.search(description) or any(is_role_word(w) for w in words)):
        fits = fits or {"person"}
    if fits:
        return 2.0
    others = [k for k, kind_words in KIND_WORDS.items() if k != kind and words & kind_words]
    return -2.0 if others and kind in KIND_WORDS else 0.0


def story_words(text: str) -> set[str]:
    """The words of a story, for matching against candidates."""
    return {w.casefold() for w in _WORD.findall(text)}


def score(name: str, kind: str, words: set[str], candidate: Candidate) -> float:
    title = fold(re.sub(r"\s*\([^)]*\)$", "", candidate.title))
    wanted = fold(name)
    if title == wanted:
        points = 3.0
    elif wanted in title or title in wanted:
        points = 1.5
    else:
        points = 0.0
    points += kind_fit(kind, candidate.description or candidate.excerpt)
    shared = words & story_words(f"{candidate.description} {candidate.excerpt}") - story_words(name)
    points += min(2.0, 0.4 * len(shared))
    return points


def rank(name: str, kind: str, text: str, candidates: Iterable[Candidate]) -> list[Ranked]:
    """Candidates best first (disambiguation pages left out)."""
    words = story_words(text)
    ranked = [Ranked(c, score(name, kind, words, c)) for c in candidates if not is_disambiguation(c)]
    return sorted(ranked, key=lambda r: -r.score)


def confident(ranked: list[Ranked]) -> bool:
    """True when the best candidate may be taken without asking."""
    if not ranked or ranked[0].score < CONFIDENT:
        return False
    return len(ranked) == 1 or ranked[0].score - ranked[1].score >= MARGIN
