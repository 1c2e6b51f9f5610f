"""Typing the single capitalised words a story leaves for last (``story.deferred``), once
its longer names are known: a short form of one of them, a known lone name, a party, a
team's nickname, an ordinary word capitalised for emphasis (dropped), or a guess the
words around it settle later (``evidence.pool``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from reader.entities.classify import POST_NOMINALS
from reader.entities.endings import ROMAN
from reader.entities.evidence import SAYS_HE, after_given_names_in_brackets
from reader.entities.knowledge import CONTRACTED_S
from reader.entities.land_kinds import land_kind_after
from reader.entities.model import EVENT, ORG, OTHER, PERSON, PLACE
from reader.entities.notes import make_id
from reader.entities.retyping import beside
from reader.entities.story import Found, Story, direct_current
from reader.entities.story_names import Names
from reader.entities.teams import plays_as_a_team, speaks_of_sport
from reader.entities.tokens import Token, fold_token, follows_the
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

_ADJECTIVE_ENDINGS = ("ese", "ian", "ians", "ean", "eans", "ish", "ans", "enic", "ical", "phobic", "phobia")
_PEOPLE_NOUNS = frozenset("women men children people".split())
"""Plurals without an -s that a sentence may start with ("Women and minorities are encouraged")."""
_COMPASS_REGIONS = frozenset("west east north south midwest".split())
"""A region named by its direction after "the" ("Russia and the West", "the Midwest")."""
_POLITICAL_SIDES = frozenset("left right".split())
"""A side of politics after "the" ("a revival of the Left"): no body."""
_CAMEL = re.compile(r"^[A-Za-z][a-z]+[A-Z][a-z]|^[a-z][A-Z]")


def type_single_words(story: Story, names: Names) -> None:
    text = story.text
    found = story.found
    surface_counts = Counter(text[f.start:f.end] for f in story.deferred if not f.initial)
    peoples = _peoples(text, story.deferred)
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
        the_body = low in THE_BODIES and follows_the(text, f.start) and names.target(word) is None \
            and word not in names.heads and low not in story.lexicon.lone_names  # ("the Times" after "The New
        # York Times" is that paper)
        if (low in STANDALONE_ORGS or the_body) and not f.initial:
            found.append(Found(f.start, f.end, ORG, make_id(word), f.tokens))  # "Parliament", "Congress", "the Army"
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
                low.endswith(_ADJECTIVE_ENDINGS) and low not in GIVEN_NAMES and len(low) > 5
                and not (low.endswith(("ese", "ian", "ean")) and _named_after_a_preposition(text, f.start, f.end)))):
            continue  # "Tourism" when the story also says "tourism"; "Gabonese", "Texans", "Hellenic"
            # (not "Theodorus of Tabennese (c. 314", "travelling to Tabennese by": a name, no noun after it)
        if target is None and text[f.end:f.end + 1] == ":":
            continue  # "Image:", "Update:" labels
        if target is not None and target.type is not None:
            found.append(Found(f.start, f.end, target.type, target.key, f.tokens, guessed=target.guessed))
            continue
        ordinary = not tok.upper and low not in GIVEN_NAMES and (
            story.knowledge.is_word(low) or _contraction(low, story))
        if _plural_of_a_name(story, tok):
            continue  # "Polaroids", "Stormtroopers", "YouTubers": products or groups, not one entity
        if word in peoples and (target is None or target.guessed):
            continue  # "the Moriori" of "the Moriori people": a people, as "the Maori" is
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


_PEOPLES_NOUN_AFTER = re.compile(r"\s+(?:(?P<group>people|peoples|culture|ancestors|descendants)|language|languages)\b")
_PEOPLES_ADJECTIVE_BEFORE = re.compile(r"\b(?:indigenous|native|ethnic)\s+$")


def _peoples(text: str, words: Iterable[Found]) -> frozenset[str]:
    """The single words the story writes before "people", "language" or "culture", or after
    "indigenous", at any of their mentions ("the Moriori people", "the indigenous
    Moriori language"): peoples, not a person or a body, like the nationalities the word
    lists know."""
    return frozenset(text[f.start:f.end] for f in words if not f.tokens[0].upper and (
        _peoples_noun(text, f) or _PEOPLES_ADJECTIVE_BEFORE.search(text, max(0, f.start - 12), f.start)))


def _peoples_noun(text: str, f: Found) -> bool:
    """True before "language", or after "the" and before "people" or "culture" ("the Moriori
    people"; a firm's "Halliburton people", "Theranos culture" are the firm's)."""
    match = _PEOPLES_NOUN_AFTER.match(text, f.end)
    return match is not None and (not match.group("group") or follows_the(text, f.start))
    # (not "IETF language tags": a body's letters; nor "the Ngātiwai tribe", which acts as a body)


_PREPOSITION_BEFORE = re.compile(r"(?:^|\s)(?:in|at|to|from|of|near|via|toward|towards)\s+$")
_LANGUAGE_BEFORE = re.compile(r"\b(?:translated|written|spoken|speaks?|spoke|sung|dubbed|published|words?|terms?|"
                              r"phrases?|means|called|known|names?|texts?|versions?|editions?|dialects?|fluent)\s+in\s+$",
                              re.IGNORECASE)
"""A language's name after "in" ("translated in Sundanese", "a word in Balinese"): no place."""
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,.;:!?()\[\]]|$)|\s+(?:and|or|but|by|around|in|at|for|with|after|before|"
                            r"while|to|from|on|since|until|where|which|who|when|as)\b")


def _named_after_a_preposition(text: str, start: int, end: int) -> bool:
    """True for a word right after a preposition with no noun after it: "of Tabennese (",
    "at Tabennese for": a name that only looks like an adjective ("in Victorian times",
    "of Darwinian evolution" describe a noun)."""
    return _PREPOSITION_BEFORE.search(text, max(0, start - 8), start) is not None \
        and _NO_NOUN_AFTER.match(text, end) is not None \
        and _LANGUAGE_BEFORE.search(text, max(0, start - 24), start) is None


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
    Arsenal 2-1"); given names in brackets before it, a person ("[George H. W.] Bush")."""
    if after_given_names_in_brackets(story, f.start):
        return True  # "[George H. W.] Bush in 88"
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
