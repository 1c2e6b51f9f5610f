"""The story as a whole: acronyms, short forms, single words, and one type per entity."""

from __future__ import annotations

import re
from collections import Counter

from reader.entities.knowledge import CONTRACTED_S
from reader.entities.land_kinds import land_kind_after
from reader.entities.lexicon import name_key
from reader.entities.model import EVENT, ORG, OTHER, PERSON, PLACE, Span
from reader.entities.notes import make_id
from reader.entities.retyping import beside, bodies_named_short, people_beside_people, people_by_their_family_name
from reader.entities.story import Found, Story, direct_current
from reader.entities.teams import countries_as_teams, nickname, plays_as_a_team, speaks_of_sport
from reader.entities.town_states import mark_towns_and_states, mark_towns_before_state_names
from reader.entities.tokens import WORD, Token, fold_token, follows_the, lower_word_after
from reader.entities.wordlists import (
    CALENDAR,
    COMMON,
    CONNECTORS,
    DEMONYMS,
    ENDINGS,
    GIVEN_NAMES,
    INTERJECTION,
    INTERJECTION_AFTER,
    KIN_WORDS,
    NOT_NAMES,
    PARTY_NOUNS,
    STANDALONE_EVENTS,
    STANDALONE_ORGS,
    THE_BODIES,
    is_demonym,
    is_role,
)
from reader.entities.classify import NAMED_THING_KINDS, POST_NOMINALS
from reader.entities.endings import ROMAN
from reader.entities.evidence import SAYS_HE, pool

from reader.entities.evidence import PLACE_BEFORE as _PLACE_PREPOSITIONS
_ADJECTIVE_ENDINGS = ("ese", "ian", "ians", "ean", "eans", "ish", "ans", "enic", "ical", "phobic", "phobia")
_PEOPLE_NOUNS = frozenset("women men children people".split())
_COMPASS_REGIONS = frozenset("west east north south midwest".split())
"""A region named by its direction after "the" ("Russia and the West", "the Midwest")."""
_POLITICAL_SIDES = frozenset("left right".split())
"""Plurals without an -s that a sentence may start with ("Women and minorities are encouraged")."""
_CAMEL = re.compile(r"^[A-Za-z][a-z]+[A-Z][a-z]|^[a-z][A-Z]")
_ACRONYM_AFTER = re.compile(r"\s*[(\[]\s*([A-Z][A-Za-z.&]{1,9})\s*[)\]]")


class Names:
    """What the story's confident mentions define: acronyms, short forms, surfaces."""

    def __init__(self, story: Story) -> None:
        text = story.text
        self.acronyms: dict[str, Found] = {}
        self.short: dict[str, Found] = {}
        self.surface: dict[str, Found] = {}
        self.titled: dict[str, Found] = {}  # one-word people named after a title ("President Obama")
        self.heads: dict[str, Found] = {}  # "Church" of "Church of Scientology", for "the Church"
        self.nicknames: dict[str, Found] = {}  # "Red Sox" of "Boston Red Sox", "Celtics" of "Boston Celtics"
        for f in story.found:
            if f.key is None:
                f.key = make_id(text[f.start:f.end])
        # people whose name starts with a given name lend their short forms first ("Warhol" → Andy Warhol)
        order = sorted(story.found, key=lambda f: (
            not (f.type == PERSON and f.tokens and story.is_given_name(f.tokens[0])), f.start))
        for f in order:
            surface = text[f.start:f.end]
            words = WORD.findall(surface)
            after = _ACRONYM_AFTER.match(text, f.end, f.end + 16)  # "Liberal Democratic Party (LDP)"
            if after and after.group(1).upper() == after.group(1) and words \
                    and after.group(1)[0] == words[0][0].upper() and f.type != PERSON:
                self.acronyms.setdefault(after.group(1), f)
            if f.type != PERSON and len(words) >= 2:
                caps = [w for w in words if w[:1].isupper() and fold_token(w) not in CONNECTORS]
                if len(caps) >= 2:
                    self.acronyms.setdefault("".join(w[0] for w in caps), f)
            if f.type != PERSON and len(words) >= 2 and fold_token(" ".join(words[:-1])) in NAMED_THING_KINDS:
                self.short.setdefault(words[-1], f)  # "Phailin" after "Cyclone Phailin", "Atlantis" after
                # "Space Shuttle Atlantis"
            if f.type == PERSON and len(words) >= 2:
                for w in (words[0], words[-1]):
                    low = fold_token(w)
                    if not (is_role(low) or low in CONNECTORS or low in COMMON or low in ENDINGS or w.isupper()):
                        self.short.setdefault(w, f)
            if not f.initial:
                self.surface.setdefault(surface, f)
            if f.forced_person and len(words) == 1:
                self.titled.setdefault(surface, f)
            if (tail := nickname(story, f)) is not None:  # "the Rangers", "the Red Sox" for the team
                tail_surface = text[tail[0].start:tail[-1].base_end]
                self.nicknames.setdefault(tail_surface, f)
            if f.type in (ORG, PLACE) and len(words) >= 2 and not f.guessed:
                head = next((w for w in words if w[:1].isupper() and fold_token(w) in ENDINGS), None)
                if head is not None:
                    self.heads.setdefault(head, f)
        self._lend_noted_surnames(story)
        self.people_by_last: dict[str, list[Found]] = {}  # for ``person_named``
        self._person_of: dict[str, Found | None] = {}
        for f in story.found:
            if f.type == PERSON and not f.guessed and f.tokens:
                self.people_by_last.setdefault(f.tokens[-1].base, []).append(f)

    def _lend_noted_surnames(self, story: Story) -> None:
        """A name two people of the story share goes alone to the one whose note names them
        by it ("Trump" on a page naming Melania Trump first, then Donald Trump), not to the first."""
        lone_names, text = story.lexicon.lone_names, story.text
        for word, lender in list(self.short.items()):
            entry = lone_names.get(fold_token(word))
            if entry is None or lender.type != PERSON or lender.key == entry.key:
                continue
            noted = next((f for f in story.found if f.type == PERSON and f.key == entry.key
                          and word in WORD.findall(text[f.start:f.end])), None)
            if noted is not None:
                self.short[word] = noted

    def target(self, word: str) -> Found | None:
        """The mention a single word stands for, if the story defined it."""
        return self.acronyms.get(word) or self.short.get(word) or self.surface.get(word)

    def person_named(self, word: str) -> Found | None:
        """The one person of the story (not a guess) whose name ends in ``word``: "Theresa May"
        or "Prime Minister May" for a month that is a name only where the story says so (None
        when two people share it). Short forms themselves are joined to their full names later,
        by ``summary.merge_short_forms``, for every one-word name alike."""
        if word in self._person_of:
            return self._person_of[word]
        named = self.people_by_last.get(word, ())
        people = {f.key: f for f in named if len(f.tokens) > 1} or {f.key: f for f in named if f.forced_person}
        self._person_of[word] = person = next(iter(people.values())) if len(people) == 1 else None
        return person


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
    _type_single_words(story, names)
    pool(story)
    people_beside_people(story)
    countries_as_teams(story)
    _join_epithets(story)
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


def _join_epithets(story: Story) -> None:
    """ "Peter the Great", "Pliny the Elder": an epithet after a person's name is part of it
    (not an organisation "Great" of its own)."""
    text = story.text
    joined = [(f, match) for f in story.found if f.type == PERSON and (match := _EPITHET.match(text, f.end))]
    if not joined:
        return
    epithets = {match.start(1) for _, match in joined}
    story.found = [f for f in story.found if f.start not in epithets]
    for f, match in joined:
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


def _type_single_words(story: Story, names: Names) -> None:
    text = story.text
    found = story.found
    surface_counts = Counter(text[f.start:f.end] for f in story.deferred if not f.initial)
    paired: list[Found] = []
    for f in story.deferred:
        word = text[f.start:f.end]
        tok = f.tokens[0]
        low = fold_token(word)
        if low in PARTY_NOUNS and (low == "labour" or follows_the(text, f.start)):
            found.append(Found(f.start, f.end, ORG, make_id(word), f.tokens))  # "the Democrats", "Labour"
            continue
        if (word in POST_NOMINALS or low in ("jr", "sr")) and _after_a_person(story, f.start):
            continue  # "Mark Tedeschi, QC,": Queen's Counsel, a rank at the bar; "Iván DeJesús, Jr."
        if len(word) == 1 or low in _PEOPLE_NOUNS or (word == "DC" and direct_current(text, f.start, f.end)):
            continue  # a letter alone: a grade, a unit (°C), an initial; "Women", "Children"; "a DC motor"
        if not tok.upper and INTERJECTION.fullmatch(word) and INTERJECTION_AFTER.match(text, f.end):
            continue  # "Ahh, if only", "Hmm," he said: a sound
        if tok.upper and (len(low) >= 4 and low in COMMON or len(low) >= 6 and story.knowledge.is_word(low)):
            continue  # "UNLESS of course", "Don't let TERRORISM take over": a word in capitals for emphasis
            # (not "US", "WHO", "IT", "NASA")
        team = names.nicknames.get(word)
        if team is not None:
            found.append(Found(f.start, f.end, team.type, team.key, f.tokens))  # "the Celtics" (no Celt)
            continue
        if low in _COMPASS_REGIONS and follows_the(text, f.start) and not tok.upper:
            found.append(Found(f.start, f.end, PLACE, make_id(word), f.tokens))  # "sea lanes for the West"
            continue
        if low in _POLITICAL_SIDES and follows_the(text, f.start) and not tok.upper:
            continue  # "a revival of the Left": a side of politics, no body
        if low in STANDALONE_EVENTS:
            found.append(Found(f.start, f.end, EVENT, make_id(word), f.tokens))
            continue
        if low in CALENDAR and _NAME_ACTS.match(text, f.end) and not _after_a_time_word(text, f.start) \
                and (person := names.person_named(word)):
            found.append(Found(f.start, f.end, PERSON, person.key, f.tokens))  # "Theresa May ... May said"
            continue
        if not f.initial and plays_as_a_team(text, f.start, f.end) and speaks_of_sport(story):
            found.append(Found(f.start, f.end, ORG, make_id(word), f.tokens))  # "the Lakers beat", "the Celtics"
            continue
        if is_demonym(low) or low.rstrip("s") in DEMONYMS or low in NOT_NAMES or low in CALENDAR:
            continue
        if (low in STANDALONE_ORGS or low in THE_BODIES and follows_the(text, f.start)) and not f.initial:
            found.append(Found(f.start, f.end, ORG, make_id(word), f.tokens))  # "Parliament", "Congress"
            continue
        head_of = names.heads.get(word)
        if head_of is not None and not f.initial and follows_the(text, f.start):
            found.append(Found(f.start, f.end, head_of.type, head_of.key, f.tokens))  # "the Church" of Scientology
            continue
        if is_role(low) or (low in ENDINGS and not tok.upper) or ROMAN.fullmatch(word):
            continue
        if low.endswith("ing") and not tok.upper and word not in names.short \
                and (f.initial or story.knowledge.is_word(low)):
            continue  # "Refusing", "Planning", a sentence's "Crowdfunding": a capitalised gerund is not a
            # name (mid-sentence "Boeing", "Xining" are)
        target = names.target(word)
        if target is None and not tok.upper and _region_after_a_place(story, f):
            found.append(Found(f.start, f.end, PLACE, make_id(word), f.tokens))  # "born in Exeter, Devon."
            continue
        if target is None and (lone := story.lexicon.lone_names.get(low)) is not None \
                and not (f.initial and story.knowledge.is_word(low) and word not in surface_counts
                         and not _NAME_ACTS.match(text, f.end)):
            found.append(Found(f.start, f.end, PERSON, lone.key, f.tokens))  # "Merkel said", no other Merkel;
            # a sentence's "Trump said" (not "Trump cards are ...")
            continue
        if target is None and not tok.upper and (low in story.lower_words or (
                low.endswith(_ADJECTIVE_ENDINGS) and low not in GIVEN_NAMES and len(low) > 5)):
            continue  # "Tourism" when the story also says "tourism"; "Gabonese", "Texans", "Hellenic"
        if target is None and text[f.end:f.end + 1] == ":":
            continue  # "Image:", "Update:" labels
        if target is not None and target.type is not None:
            found.append(Found(f.start, f.end, target.type, target.key, f.tokens, guessed=target.guessed))
            continue
        ordinary = not tok.upper and low not in GIVEN_NAMES and (
            story.knowledge.is_word(low) or _contraction(low, story))
        if _plural_of_a_name(story, tok):
            continue  # "Polaroids", "Stormtroopers", "YouTubers": products or groups, not one entity
        if ordinary and (f.initial or surface_counts.get(word, 0) < 2) and not (
                tok.base_end != tok.end and (not f.initial or surface_counts.get(word, 0) > 0 and low not in story.lower_all)
                and low not in COMMON and low not in KIN_WORDS and low not in CONTRACTED_S) \
                and not _acts_as_a_name(story, low, f, surface_counts.get(word, 0) > 0):
            if not f.initial and low not in COMMON:
                paired.append(f)  # unless a name stands beside it: "Honda and Nissan"
            continue  # "Great", "Fellow": an ordinary word, capitalised once for emphasis or in a title
            # (but not "Apple’s" mid-sentence: a possessive is not capitalised for emphasis; "That's",
            # "Dad's" are no names)
        if f.initial:
            # a capitalised first word is a name when the story also uses it mid-sentence, or when it is no
            # ordinary word ("Socotra is ...")
            if (low in COMMON and not tok.upper) or low in story.lower_all or (
                    surface_counts.get(word, 0) == 0 and not (story.knowledge.words and story.english)):
                continue  # without English words to tell ordinary ones ("Revivez", "Aucune"): used mid-sentence only
        f.type, f.guessed = _single_kind(story, tok, f)
        f.key = make_id(word)
        found.append(f)
        if not f.initial:
            names.surface.setdefault(word, f)
    _pair_with_names(story, paired)


_CLOSES_A_PLACE = re.compile(r"[.;)]|\s*$|\s*\n|, (?:and|where|which|before|after|near|in|on|at|for|then|but)\b|, \[")
"""What may follow a region named after a town: the sentence's end, ", where", ", [4]" (not "In
Paris, Kate, a nurse, said": the person the sentence is about)."""


def _region_after_a_place(story: Story, f: Found) -> bool:
    """True when the word comes after a place and a comma and closes the phrase: "born in
    Exeter, Devon." (Devon is also a given name), "in Perth, Tayside, where"."""
    text = story.text
    return text[f.start - 2:f.start] == ", " and _CLOSES_A_PLACE.match(text, f.end) is not None \
        and any(other.type == PLACE and other.end == f.start - 2 for other in story.found)


def _after_a_person(story: Story, start: int) -> bool:
    """True when a person the story found ends right before ``start``, a comma or a space between."""
    return any(f.type == PERSON and story.text[f.end:start] in (", ", " ") for f in story.found)


_TIME_WORDS = frozenset("in by since until till of from through during early late mid last next this before after".split())


def _after_a_time_word(text: str, start: int) -> bool:
    """True when a preposition or a time word stands right before ``start``: "published in
    May warned" is the month."""
    before = text[max(0, start - 12):start].split()
    return bool(before) and before[-1].casefold() in _TIME_WORDS


def _pair_with_names(story: Story, words: list[Found]) -> None:
    """A dictionary word capitalised mid-sentence and joined by "and" or "or" to an organisation
    or a person the story is sure of, or to a word no dictionary has, is one of the same kind:
    "Honda and Nissan", "Apple or Google" (a honda is also a lariat's loop); not "Pride and
    Prejudice", "Food and Arts". (A guess's kind is left alone: "Lorde and Lana Del Rey" are
    people, "Nissan and Carlos Ghosn" are not.)"""
    if not words:
        return
    text = story.text
    knowledge = story.knowledge
    starts: dict[int, Found] = {}
    ends: dict[int, Found] = {}
    for f in story.found:  # a name the story is sure of, or a word no dictionary has ("Nissan")
        if f.type in (ORG, PERSON) and (not f.guessed or len(f.tokens) == 1
                                        and not knowledge.is_word(f.tokens[0].base_folded)):
            starts[f.start] = ends[f.end] = f
    for f in words:
        partner = beside(text, f, starts, ends)
        if partner is not None:
            story.found.append(Found(f.start, f.end, partner.type, make_id(text[f.start:f.end]), f.tokens,
                                     guessed=True))


_NAME_ACTS = re.compile(r"(?:'s|’s)? administration\b| (?:said|says|told|tweeted|wrote|insisted|argued|"
                        r"announced|unveiled|launched|acquired|denied|confirmed|warned)\b")
"""What only a name does after it: speak or announce ("Trump said", "Apple unveiled"), or head an
administration ("the Obama administration")."""


def _acts_as_a_name(story: Story, low: str, f: Found, also_mid_sentence: bool) -> bool:
    """True when a dictionary word capitalised once ("Trump", "Brown") is followed by what only a
    name does (``_NAME_ACTS``), and is no plural ("Officials said"), common word ("Nobody said")
    or word the story also writes in lower case. At a sentence's start, where every word is
    capitalised, only a family name counts ("Brown said", never "Research says"), or a word
    the story also capitalises mid-sentence that speaks of itself as he or she ("Trump said he
    would"; not "Security said he was arrested"). A score after it makes it a team ("beat
    Arsenal 2-1")."""
    knowledge = story.knowledge
    return (not low.endswith("s") and low not in COMMON and low not in story.lower_all
            and (not f.initial or low in knowledge.family_names
                 or also_mid_sentence and SAYS_HE.match(story.text, f.end) is not None)
            and (_NAME_ACTS.match(story.text, f.end) is not None
                 or not f.initial and _DONE_BY.search(story.text, max(0, f.start - 24), f.start) is not None
                 or _SCORE_AFTER.match(story.text, f.end) is not None))


_SCORE_AFTER = re.compile(r" \d{1,2}[-–]\d{1,2}\b(?![-–]\d)")
"""A match's score right after a word: "beat Arsenal 2-1" names a team (not a date, "2-1-2025")."""


_DONE_BY = re.compile(r"\b(?:set|written|directed|founded|led|made|played|sung|performed|produced|signed|"
                      r"won|held|owned|bought|acquired|published|released|painted|built|designed) by $")
"""A deed's doer: "the record set by Drake", "a song written by Prince"."""


def _plural_of_a_name(story: Story, tok: Token) -> bool:
    """A capitalised plural whose singular the story also uses as a name, or a plural of an ordinary
    word ("Superheroes"): members of a group or copies of a product."""
    low = tok.base_folded
    if tok.upper or len(low) < 5 or not low.endswith("s") or low.endswith(("ss", "us", "is")):
        return False
    singular = low[:-1]
    return singular in story.cap_words or (low not in story.knowledge.words and story.knowledge.is_word(low)
                                           and singular not in story.lower_all)


def _contraction(low: str, story: Story) -> bool:
    """ "Don't", "You're", "We'll": a word with a contracted ending."""
    stem, mark, rest = low.partition("'")
    return bool(mark) and rest in ("t", "re", "ll", "ve", "d", "m", "s") and (
        stem in COMMON or story.knowledge.is_word(stem) or stem.endswith("n"))






_MODEL_BEFORE = re.compile(r"\b(?P<maker>[A-Za-z][\w’'-]*)(?:['’]s)?\s+\d{1,4}\s+$")
"""A name (a maker's, possessive or not) and a number right before a word: a model ("737 Max")."""


def _model_name(text: str, start: int) -> bool:
    """True for a word after a maker's name and a number ("Boeing's 737 Max"), not after a
    sentence's first word or a month ("In 2019 Max left", "On March 3 Max won")."""
    match = _MODEL_BEFORE.search(text, max(0, start - 40), start)
    if match is None:
        return False
    maker = match.group("maker")
    low = maker.casefold()
    return any(c.isupper() for c in maker) and low not in COMMON and low not in CALENDAR and low not in CONNECTORS


def _single_kind(story: Story, tok: Token, f: Found) -> tuple[str, bool]:
    """The type of a single unknown word, and whether it is a guess (left to ``evidence.pool``)."""
    if tok.upper:
        return ORG, False
    if _model_name(story.text, f.start):
        return OTHER, False  # "Boeing's 737 Max", "the iPhone 15 Pro": a model's name, not a person called Max
    if tok.folded in GIVEN_NAMES:
        return PERSON, False
    if f.left_of_role or _CAMEL.search(tok.text):
        return ORG, False  # "YouTube", "LibriVox", "eHow": a brand's spelling
    knowledge = story.knowledge
    named = tok.folded in knowledge.family_names or tok.folded in knowledge.given_names
    if named and not knowledge.is_word(tok.folded) or tok.folded in knowledge.family_names and (
            _NAME_ACTS.match(story.text, f.end) and not follows_the(story.text, f.start)):
        return PERSON, True  # "Chao", "Byron", "Brown said": a person's name, unless the story says otherwise
        # (not "the Fed said": a body is "the")
    if land_kind_after(story.text, f.end):
        return PLACE, False  # "the Sahara desert"
    return ORG, True


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
