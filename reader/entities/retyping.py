"""Second looks at the type of a run, once the whole story is read: a guessed organisation
beside people ("Hala Ayala and Elizabeth Guzman"), or whose family name the story uses alone
as a person's ("Tiger Woods … Woods, 43,"), and a "person" that is a thing's name written
short ("Rice Krispies" of "Rice Krispies Treats"). Each changes ``Found.type`` in place
(``resolve.resolve`` calls them)."""

from __future__ import annotations

import re

from reader.entities.model import ORG, OTHER, PERSON
from reader.entities.story import Found, Story
from reader.entities.wordlists import ENDINGS

AND = re.compile(r" (?:and|or|&) ")
AND_BEFORE = re.compile(r" (?:and|or|&) $")
"""The words that join two names of a list, after one name and before the next."""


def beside(text: str, f: Found, starts: dict[int, Found], ends: dict[int, Found]) -> Found | None:
    """The name joined to ``f`` by "and", "or" or "&", after it (by its start in ``starts``) or
    before it (by its end in ``ends``)."""
    after = AND.match(text, f.end)
    before = AND_BEFORE.search(text, max(0, f.start - 5), f.start)
    return (starts.get(after.end()) if after else None) or (ends.get(before.start()) if before else None)


def people_beside_people(story: Story) -> None:
    """A guessed organisation of two or three plain words ending in a family name, joined by
    "and" or "or" to a person the story is sure of, is a person too: "Democrats Hala Ayala and
    Elizabeth Guzman won" ("hala" is also a word; "Civic Passion and Elizabeth Guzman" stays)."""
    text = story.text
    starts: dict[int, Found] = {}
    ends: dict[int, Found] = {}
    for f in story.found:
        if f.type == PERSON and not f.guessed and len(f.tokens) > 1:
            starts[f.start] = ends[f.end] = f
    if not starts:
        return
    family_names = story.knowledge.family_names
    for f in story.found:
        if f.type != ORG or not f.guessed or not 2 <= len(f.tokens) <= 3 \
                or f.tokens[-1].base_folded not in family_names \
                or any(t.upper or not t.cap or t.folded in ENDINGS or "&" in t.text for t in f.tokens):
            continue
        if beside(text, f, starts, ends) is not None:
            f.type = PERSON


def bodies_named_short(story: Story) -> None:
    """A "person" of two or more words, known to no list, that is how a longer name of the
    story, guessed to be an organisation's or a thing's, starts is that thing written short:
    "Rice Krispies" after "Rice Krispies Treats" ("Rice" is also a given name)."""
    starts = {tuple(t.folded for t in f.tokens[:n]) for f in story.found
              if f.type in (ORG, OTHER) and f.guessed and len(f.tokens) > 2 for n in range(2, len(f.tokens))}
    # (a guessed one only: "Andy Warhol Foundation" says by its ending it is named after a person)
    if not starts:
        return
    for f in story.found:
        if f.type == PERSON and not f.known and len(f.tokens) >= 2 and tuple(t.folded for t in f.tokens) in starts:
            f.type, f.guessed = ORG, True


def people_by_their_family_name(story: Story) -> None:
    """An organisation of two or three plain words ending in a family name, known to no list,
    is a person when the story writes that family name alone as only a person's: with an age
    ("Woods, 43, said") or saying "he" or "she" ("Woods said he"): "Tiger Woods" ("tiger" is a
    word)."""
    family_names = story.knowledge.family_names
    for f in story.found:
        if f.type != ORG or f.known or not 2 <= len(f.tokens) <= 3 \
                or f.tokens[-1].base_folded not in family_names \
                or any(t.upper or not t.cap or t.folded in ENDINGS or "&" in t.text for t in f.tokens):
            continue
        family = re.escape(f.tokens[-1].base)
        if re.search(rf"\b{family},\s+(?:aged\s+)?[1-9][0-9]?,|\b{family}\s+(?:said|says|told \w+)\s+(?:that\s+)?(?:he|she)\b",
                     story.text):
            f.type, f.guessed = PERSON, False
