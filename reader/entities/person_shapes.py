"""The shapes of people's names inside a capitalised run: a given name first ("Jordan
Henderson"), a title that is a family name ("Stephen King"), a ruler's number ("Louis XIV"),
a hyphenated Chinese given name ("Cheng Chung-tai"), a person after a body's acronym ("UMP
Laure de la Raudière")."""

from __future__ import annotations

import re

from reader.entities.endings import ROMAN
from reader.entities.story import Story
from reader.entities.tokens import GIVEN_WITH_HYPHEN, follows_the
from reader.entities.wordlists import COMMON, DEMONYMS, ENDINGS, GIVEN_NAMES, PARTY_NOUNS, is_role

INITIALS = re.compile(r"(?:[A-Z]\.){1,3}$|[A-Z]$")


_PEOPLES_AS_GIVEN_NAMES = frozenset({"christian", "roman", "tory"})
"""Nationality and faith words that are often given names in English ("Christian Bale")."""


def given_name_of_a_people(story: Story, a: int, b: int) -> bool:
    """True when a nationality or faith word starts a person's name: "Christian Bale", "Roman
    Polanski", "Christian Dior" (all three lost their first word, and "Christian Slater" was
    dropped); not "Christian Democrats", "Roman Empire", "French Open", "German Chancellor"."""
    tokens = story.tokens
    first = tokens[a]
    if b - a != 2 or first.folded not in _PEOPLES_AS_GIVEN_NAMES or not first.cap or first.upper:
        return False
    last = tokens[a + 1]
    low = last.base_folded
    if not last.cap or last.upper or low in ENDINGS or low in DEMONYMS or low in PARTY_NOUNS or is_role(low) \
            or low in COMMON or (a + 1) in story.anchors:
        return False
    knowledge = story.knowledge
    return low in knowledge.family_names or not knowledge.is_word(low)


def person_after(story: Story, i: int, b: int) -> bool:
    """True when tokens ``i`` to ``b`` read as a person's full name: a given name, then one
    surname (or an initial and a surname) that is no ordinary word ("Richard Haass", "Alia Salem")."""
    tokens = story.tokens
    if b - i not in (2, 3) or not story.is_given_name(tokens[i]) or (b - i == 3 and not INITIALS.match(tokens[i + 1].text)):
        return False
    last = tokens[b - 1]
    return not last.upper and not story.knowledge.is_word(last.base_folded) and i not in story.anchors


def given_inside(story: Story, i: int, b: int) -> bool:
    """A given name inside a run that starts the person's name ("Minister of Education Stefania
    Giannini", "Ottawa lawyer Anne Lee"): the hand list, or the long lists before a surname that is
    no ordinary word."""
    tokens = story.tokens
    if tokens[i].folded in GIVEN_NAMES:
        return True
    is_word = story.knowledge.is_word
    return story.is_given_name(tokens[i]) and i + 1 < b and not is_word(tokens[i].folded) \
        and not is_word(tokens[i + 1].base_folded)


def country_as_surname(story: Story, a: int, k: int, n: int, b: int) -> bool:
    """True for a country's one-word name that ends a run right after a given name: "Michael
    Jordan", "Jaden Jordan, 3" (not "Will Jordan join the talks?": an ordinary word first)."""
    tokens = story.tokens
    if n != 1 or k != b - 1 or k == a or (k - 1) in story.anchors:
        return False
    given = tokens[k - 1]
    return story.is_given_name(given) and not given.upper \
        and not (given.initial and story.knowledge.is_word(given.folded)) and given.folded not in COMMON


def person_after_acronym(story: Story, a: int, i: int, b: int) -> bool:
    """A given name and more right after a body's acronym start a person: "UMP Laure de la
    Raudière", "CNN Christiane Amanpour" (not "IBM Watson", nor a name ending in a kind word)."""
    tokens = story.tokens
    return i == a + 1 and tokens[a].upper and b - i >= 2 and story.is_given_name(tokens[i]) \
        and not any(t.folded in ENDINGS for t in tokens[i:b])


_TITLE_SURNAMES = frozenset({"king", "khan", "shah", "prince", "pope", "bishop", "duke", "major", "judge", "knight"})


_NAME_SUFFIXES = frozenset({"jr", "sr", "jr.", "sr."})


def title_as_surname(story: Story, a: int, k: int, b: int) -> bool:
    """A title word that ends a name after a given name is the family name: "Stephen King",
    "Amit Shah", "Sadiq Khan", "John Major" (not "Jordan King Abdullah", "Crown Prince")."""
    tokens = story.tokens
    if k == a or tokens[k].folded.rstrip(".") not in _TITLE_SURNAMES or not story.is_given_name(tokens[k - 1]):
        return False
    return all(t.folded in _NAME_SUFFIXES or ROMAN.fullmatch(t.text) for t in tokens[k + 1:b])


_GIVEN_NAME_TITLES = frozenset({"dean"})


def title_as_given_name(story: Story, a: int, k: int, b: int) -> bool:
    """A title that is also a given name, before one surname and no "the": "Dean Kamen"."""
    return k == a and b - a == 2 and story.tokens[k].folded in _GIVEN_NAME_TITLES \
        and not follows_the(story.text, story.tokens[k].start)


def person_first(story: Story, a: int, b: int) -> bool:
    """A run that starts with a given name that is also a place: "Jordan Henderson", "Isabel Ruiz"; from
    the long lists only when no other word is an ordinary word (not "York Minster", "Cleveland Orchestra")."""
    tokens = story.tokens
    if tokens[a].folded in GIVEN_NAMES:
        return True
    return story.is_given_name(tokens[a]) and not any(story.knowledge.is_word(t.base_folded) for t in tokens[a + 1:b])


def hyphenated_given_name(toks) -> bool:
    """A short family name and a hyphenated given name: "Cheng Chung-tai", "Hsieh Pei-fen"."""
    return len(toks) == 2 and len(toks[0].base) <= 6 and toks[0].base.isalpha() and not toks[0].upper \
        and GIVEN_WITH_HYPHEN.fullmatch(toks[1].base) is not None


def regnal(story: Story, toks) -> bool:
    """Given names and a ruler's number: "Elizabeth II", "Louis XIV" (not "World War II")."""
    number = toks[-1].text
    return len(number) >= 2 and ROMAN.fullmatch(number) is not None and toks[0].folded not in _NUMBERED_THINGS \
        and all(story.is_given_name(t) for t in toks[:-1])


_NUMBERED_THINGS = frozenset("mark rocky apollo gemini star super final grand".split())
"""Given names that also name numbered things: "Mark II", "Rocky IV", "Apollo XI"."""
