"""Names written surname first, as book lists and references write them: "Marx, Karl and
Engels, Friedrich. The Communist Manifesto". Without this, "Engels" is the Russian city of
that name and "Friedrich" a person of their own.

A surname is joined to the given name after it into one person when the pair stands where
a reference puts it: the given name ends the entry (a full stop, a semicolon, a bracket, the
line's end, or "and" before the next author), and the surname is a family name the word lists
or the notes know, not a word after "in" or "to" ("flew to Jordan, Michael said" has no
author in it).
"""

from __future__ import annotations

import re

from reader.entities.evidence import PLACE_BEFORE
from reader.entities.knowledge import Knowledge
from reader.entities.lexicon import COUNTRY_RANK, Lexicon, name_key
from reader.entities.model import PERSON, Span
from reader.entities.notes import make_id
from reader.entities.tokens import fold_token
from reader.entities.wordlists import GIVEN_NAMES

_ENTRY_END = re.compile(r"(?:[.;)(\[]|\s+and\s+[A-Z]|\s*$|\s*\n)")
"""What follows a given name that ends a reference's author ("Friedrich.", "Karl and Engels")."""
_BEFORE_SURNAME = PLACE_BEFORE | {"to", "at", "of", "on", "for", "with"}


def join_inverted_names(text: str, spans: list[Span], lexicon: Lexicon, knowledge: Knowledge) -> list[Span]:
    """``spans`` with each "Surname, Given" pair of one-word spans made one person."""
    if ", " not in text:
        return spans
    joined: list[Span] = []
    k = 0
    while k < len(spans):
        first = spans[k]
        second = spans[k + 1] if k + 1 < len(spans) else None
        if second is not None and _inverted(text, first, second, lexicon, knowledge):
            joined.append(Span(first.start, second.end, PERSON, _key(text, first, second, lexicon)))
            k += 2
            continue
        joined.append(first)
        k += 1
    return joined


def _inverted(text: str, surname: Span, given: Span, lexicon: Lexicon, knowledge: Knowledge) -> bool:
    if text[surname.end:given.start] != ", " or not _ENTRY_END.match(text, given.end):
        return False
    family, first = text[surname.start:surname.end], text[given.start:given.end]
    if not (family.isalpha() and first.isalpha() and family[:1].isupper() and first[:1].isupper()):
        return False  # one word each, capitalised
    low_first, low_family = fold_token(first), fold_token(family)
    if low_first not in GIVEN_NAMES and low_first not in knowledge.given_names:
        return False
    if surname.type != PERSON and low_family not in knowledge.family_names \
            and low_family not in lexicon.noted_surnames and low_family not in lexicon.lone_names:
        return False
    if _country_level(lexicon, low_first) or _country_level(lexicon, low_family):
        return False  # "Paris, Texas": a state, a country or a note's place is no given name
    before = text[max(0, surname.start - 12):surname.start].split()
    return not (before and fold_token(before[-1]) in _BEFORE_SURNAME)


def _country_level(lexicon: Lexicon, folded: str) -> bool:
    entry = lexicon.get(folded)
    return entry is not None and entry.type != PERSON and entry.rank >= COUNTRY_RANK


def _key(text: str, surname: Span, given: Span, lexicon: Lexicon) -> str:
    """The note's key for "Given Surname" when there is one ("karl-marx"), else its own."""
    name = f"{text[given.start:given.end]} {text[surname.start:surname.end]}"
    keyed = name_key(name)
    entry = lexicon.notes.get(keyed[0]) if keyed is not None else None
    return entry.key if entry is not None and entry.type == PERSON else make_id(name)
