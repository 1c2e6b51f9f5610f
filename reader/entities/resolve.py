"""The story as a whole: short forms joined to their names, single words typed
(``single_words``), then one type per entity and the joins that need the whole story."""

from __future__ import annotations

import re

from reader.entities.evidence import PLACE_BEFORE as _PLACE_PREPOSITIONS
from reader.entities.evidence import pool
from reader.entities.land_kinds import land_kind_after
from reader.entities.lexicon import name_key
from reader.entities.model import ORG, OTHER, PERSON, PLACE, Span
from reader.entities.notes import make_id
from reader.entities.retyping import beside, bodies_named_short, people_beside_people, people_by_their_family_name
from reader.entities.role_words import is_role_word
from reader.entities.single_words import type_single_words
from reader.entities.story import Found, Story
from reader.entities.story_names import Names
from reader.entities.teams import countries_as_teams
from reader.entities.tokens import fold_token, lower_word_after
from reader.entities.town_states import mark_towns_and_states, mark_towns_before_state_names
from reader.entities.wordlists import is_demonym


def resolve(story: Story) -> list[Span]:
    """The story's spans: single words typed, short forms joined to their names, one type per key."""
    text = story.text
    people_by_their_family_name(story)
    bodies_named_short(story)
    _join_campuses(story)
    names = Names(story)
    found = story.found
    for f in found:
        if f.weak or (f.known and len(f.tokens) == 1 and f.type in (PLACE, ORG)):
            surface = text[f.start:f.end]
            named = names.short.get(surface) or names.titled.get(surface)
            if f.type == ORG and (named is None or named.type != PERSON or named.guessed):
                continue  # a company's note, unless a person of the story bears its name ("Nikola Tesla")
            if named is None and f.weak and not _after_a_place_word(text, f.start):
                _person_not_town(story, f, surface)
                continue
            if named is None or (named.guessed and named.type == PERSON):  # a guessed person does not
                continue  # outweigh a known city; "Space Shuttle" before a name says what it is
            if named.type == PERSON and (f.weak or f.type == ORG):
                f.type, f.key = PERSON, named.key
            elif named.type != PERSON:  # the name of a ship, a spacecraft or a storm, not a town
                f.type, f.key = named.type, named.key
    _towns_joined_to_bodies(story)
    _split_off_known_people(story, names)
    type_single_words(story, names)
    pool(story)
    people_beside_people(story)
    countries_as_teams(story)
    _join_epithets(story)
    _join_ordinals(story)
    _join_known_as(story)
    _join_places_to_their_kind(story)
    _join_nicknames(story, names)
    mark_towns_and_states(story)
    mark_towns_before_state_names(story)
    _key_names_of_notes(story)
    _join_bodies_to_their_country(story)
    return _spans(story.found)


_CLOSES = re.compile(r"\s*(?:[,.;:)!?]|$)")
_KNOWN_AS = re.compile(r",?\s+(?:better\s+|also\s+|more\s+|commonly\s+|widely\s+|popularly\s+)*known\s+as\s+"
                       r"(?:(?:Mr|Mrs|Ms|Dr|Miss|Lady|Lord|Sir|Dame)\.?\s+)?(?:the\s+)?")


def _join_places_to_their_kind(story: Story) -> None:
    """A place written before a lower-case word of its kind is the place the story also names
    with it: "Ninety Mile beach" is "Ninety Mile Beach", "the Sahara desert" the "Sahara Desert"."""
    text = story.text
    places = [f for f in story.found if f.type == PLACE and f.key and land_kind_after(text, f.end)]
    if not places:
        return
    keys = {text[f.start:f.end]: f.key for f in story.found if f.type == PLACE and f.key}
    for f in places:
        kind = lower_word_after(text, f.end)
        full = keys.get(f"{text[f.start:f.end]} {kind[:1].upper()}{kind[1:]}")
        if full is not None:
            f.key = full


def _join_known_as(story: Story) -> None:
    """A name given as another's ("Lawrence Tureaud, better known as Mr. T") is that person's:
    every mention of it takes the person's key, not an entity of its own."""
    found = story.found
    by_start = {f.start: f for f in found}
    renamed: dict[str, str] = {}
    for f in found:
        if f.type != PERSON or f.key is None:
            continue
        match = _KNOWN_AS.match(story.text, f.end)
        alias = by_start.get(match.end()) if match else None
        if alias is not None and alias.key not in (None, f.key) and alias.type in (PERSON, ORG, OTHER):
            renamed[alias.key] = f.key
    if renamed:
        for f in found:
            if f.key in renamed:
                f.key, f.type = renamed[f.key], PERSON


def _join_nicknames(story: Story, names: Names) -> None:
    """A team's nickname of two words is the team ("the Red Sox" after "Boston Red Sox"), whatever
    its words first looked like (a given name "Red"); one word is typed with the story's single
    words (``_type_single_words``)."""
    if not names.nicknames:
        return
    text = story.text
    for f in story.found:
        team = names.nicknames.get(text[f.start:f.end])
        if team is not None and f is not team:
            f.type, f.key = team.type, team.key


def _join_campuses(story: Story) -> None:
    """A university named with its campus is one body: "the University of North Carolina at
    Greensboro", "University of Texas at Austin" (not the university and a town)."""
    text = story.text
    if "University of" not in text:
        return
    by_start = {f.start: f for f in story.found}
    for f in list(story.found):
        place = by_start.get(f.end + 4)
        if f.type == ORG and place is not None and place.type == PLACE and text[f.end:place.start] == " at " \
                and "University of" in text[f.start:f.end] and place in story.found:
            f.end, f.tokens = place.end, f.tokens + place.tokens
            f.key = make_id(text[f.start:f.end]) if f.key is not None else None
            story.found.remove(place)


def _towns_joined_to_bodies(story: Story) -> None:
    """A town's name joined by "and" or "or" to a body the story is sure of, and ending the
    phrase, is a body too: "executives from News Corporation and Fairfax," (the media company,
    not Fairfax, Virginia); not "Microsoft and Redmond officials", "Birmingham and London's"."""
    towns = [f for f in story.found if f.weak and f.type == PLACE]
    if not towns:
        return
    starts: dict[int, Found] = {}
    ends: dict[int, Found] = {}
    for f in story.found:
        if f.type == ORG and not f.guessed:
            starts[f.start] = ends[f.end] = f
    text = story.text
    for f in towns:
        if _CLOSES.match(text, f.end) and beside(text, f, starts, ends) is not None:
            f.type, f.key = ORG, make_id(text[f.start:f.end])


def _after_a_place_word(text: str, start: int) -> bool:
    """True when "in", "near", "from", "of" … stands right before ``start`` ("a hospital in Obama")."""
    before = text[max(0, start - 12):start].split()
    return bool(before) and fold_token(before[-1]) in _PLACE_PREPOSITIONS | {"of"}  # "the mayor of Clinton"


def _person_not_town(story: Story, f: Found, surface: str) -> None:
    """A town's name standing alone that a noted person goes by is that person ("Obama's
    national security advisor", Obama in Japan; "Mandela", "Gagarin"), and one that noted
    people share as a surname is a person without a note ("Clinton came into office": Bill or
    Hillary, not Clinton, Massachusetts; "Darwin", one note's surname, stays the city)."""
    low = fold_token(surface)
    lone = story.lexicon.lone_names.get(low)
    if lone is not None:
        f.type, f.key = PERSON, lone.key
    elif low in story.lexicon.noted_surnames:
        f.type, f.key = PERSON, make_id(surface)


def _key_names_of_notes(story: Story) -> None:
    """A name the rules found on their own that is a note's name or alias, of the note's type,
    is the note's: "Mr Obama", "President Donald J. Trump", "Labour, Britain's main opposition
    party" opening a sentence (which the known names leave to the rules). A name the story
    gives to one of its own ("Trump" of its Ivanka Trump) keeps it; ``_join_bodies_to_their_country``
    decides after this for a body the story also names with a country."""
    text, lexicon = story.text, story.lexicon
    for f in story.found:
        if f.type is None:
            continue
        surface = " ".join(text[f.start:f.end].split())
        keyed = name_key(surface) if f.key == make_id(surface) else None
        if keyed is None:
            continue
        entry = lexicon.notes.get(keyed[0]) or (lexicon.lone_names.get(keyed[0]) if f.type == PERSON else None)
        if entry is not None and entry.type == f.type and (not entry.exact_case or surface.isupper()):
            f.key = entry.key


def _join_bodies_to_their_country(story: Story) -> None:
    """ "the Home Office" after "the United Kingdom Home Office", "the Interior Ministry" after
    "the Saudi Interior Ministry": a body named without its country is the country's (when one
    country's body of that name is in the story; when two are, it is neither, nor the body a
    note gives that name: "the Justice Department" beside the US and the Saudi one)."""
    text = story.text
    full: dict[str, Found | None] = {}
    for f in story.found:
        if f.type != ORG or len(f.tokens) < 3:
            continue
        for n in (1, 2):
            head = text[f.tokens[0].start:f.tokens[n - 1].end]
            if len(f.tokens) - n >= 2 and (story.lexicon.is_country(head) or is_demonym(fold_token(head))):
                rest = text[f.tokens[n].start:f.end]
                before = full.get(rest, f)
                full[rest] = f if before is not None and before.key == f.key else None  # two countries': neither
    if not full:
        return
    for f in story.found:
        surface = text[f.start:f.end]
        if f.type != ORG or surface not in full:
            continue
        owner = full[surface]
        if owner is None:
            f.key = make_id(surface)  # two countries' bodies of that name: neither, nor a note's
        elif owner is not f:
            f.key = owner.key


_EPITHET = re.compile(r" the (Great|Elder|Younger|Conqueror|Bold|Magnificent|Terrible|Wise|Pious|Confessor|Navigator|"
                      r"Liberator|Lionheart)\b")


_ORDINAL_BEFORE = re.compile(r"(?<![\w.,])(\d{1,3}(?:st|nd|rd|th)) $")


def _join_ordinals(story: Story) -> None:
    """An ordinal number written before a body's name is part of it: "21st Century Fox", "the
    101st Airborne Division" (not an event's, whose editions are one event in the library: "the
    33rd Berlin International Film Festival"; nor a title's: "2nd Earl of Clare")."""
    text = story.text
    for f in story.found:
        if f.start >= 3 and f.type == ORG and not f.known and text[f.start - 3:f.start - 1] in ("st", "nd", "rd", "th") \
                and not is_role_word(f.tokens[0].folded):
            match = _ORDINAL_BEFORE.search(text, max(0, f.start - 6), f.start)
            if match and _ordinal_of_a_name(text, match, f):
                f.start = match.start(1)
                f.key = make_id(text[f.start:f.end])


_UNITS = frozenset("division regiment battalion brigade corps army fleet squadron wing infantry cavalry airborne "
                   "district precinct ward congress parliament".split())
_DAY_BEFORE = re.compile(r"(?:\b(?:the|on|by|of|from|until|since)|[A-Z][a-z]+\.?)\s+$")


def _ordinal_of_a_name(text: str, match: re.Match, f: Found) -> bool:
    """True when the ordinal is the name's, not a day's: above 31, or before "Century", or
    before a military unit or an assembly ("3rd Infantry Division"); never after a month or
    "on", "by", "the" alone ("On July 4th Acme Holdings", "By the 19th Wexford Council")."""
    number = int(re.match(r"\d+", match.group(1)).group(0))
    words = [t.folded for t in f.tokens]
    if number > 31 or words[0] == "century":
        return True
    return any(w in _UNITS for w in words) and not _DAY_BEFORE.search(text, max(0, match.start() - 12),
                                                                     match.start()) or words[-1] in _UNITS


def _join_epithets(story: Story) -> None:
    """ "Peter the Great", "Pliny the Elder": an epithet after a person's name is part of it
    (not an organisation "Great" of its own); after one word that names a town or a body
    it makes a person of that word, in all its mentions ("Constantine the Great", not the
    Algerian city; a country stays one: no country is "the Great")."""
    text = story.text
    joined = [(f, match) for f in story.found if (match := _EPITHET.match(text, f.end)) and (
        f.type == PERSON or len(f.tokens) == 1 and not story.lexicon.is_country(f.tokens[0].base))]
    if not joined:
        return
    epithets = {match.start(1) for _, match in joined}
    story.found = [f for f in story.found if f.start not in epithets]
    for f, match in joined:
        if f.type != PERSON:
            word, key = text[f.start:f.end], make_id(text[f.start:match.end(1)])
            for other in story.found:  # "Constantine" alone later: the same man
                if other is not f and text[other.start:other.end] == word:
                    other.type, other.key, other.guessed = PERSON, key, False
            f.type, f.guessed = PERSON, False
        f.end = match.end(1)
        f.key = make_id(text[f.start:f.end])


def _split_off_known_people(story: Story, names: Names) -> None:
    """A guessed pair that starts with a known person's surname is that person and a thing of
    theirs: "Warhol Polaroids", "Warhol Factory", "Obama Administration"."""
    kept = []
    for f in story.found:
        if not (f.guessed and f.type == PERSON and len(f.tokens) >= 2):
            kept.append(f)
            continue
        person = names.short.get(f.tokens[0].text)
        first, rest = f.tokens[0], f.tokens[1:]
        if person is None or person.guessed or person.key == f.key \
                or not all(story.knowledge.is_word(t.base_folded) for t in rest):
            kept.append(f)  # "Leung Yiu-chung" is another Leung
            continue
        kept.append(Found(first.start, first.base_end, PERSON, person.key, [first]))
        if len(rest) == 1:
            story.deferred.append(Found(rest[0].start, rest[0].base_end, None, None, rest))
    story.found = kept


def _spans(found: list[Found]) -> list[Span]:
    """Sorted spans without overlaps; the first confident mention of a key decides its type."""
    ordered = sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
    key_type: dict[str, str] = {}
    for f in ordered:  # evidence first, then guesses
        if f.type is not None and not f.guessed:
            key_type.setdefault(f.key, f.type)
    for f in ordered:
        if f.type is not None:
            key_type.setdefault(f.key, f.type)
    spans: list[Span] = []
    last_end = -1
    for f in ordered:
        if f.type is None or f.start < last_end or f.end <= f.start:
            continue
        spans.append(Span(f.start, f.end, key_type.get(f.key, f.type), f.key))
        last_end = f.end
    return spans
