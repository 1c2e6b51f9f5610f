"""Typing what is left of a run once no known name, title or ending has typed it: a person,
an organisation, or one word left for later (``story.deferred``); and which words start
no name at all (``droppable``).

``classify`` hands a run here after its own rules; nothing here calls back into it.
"""

from __future__ import annotations

import re

from reader.entities.endings import ordinary_words_with_a_body_word
from reader.entities.land_kinds import land_kind_after
from reader.entities.model import EVENT, ORG, PERSON, PLACE
from reader.entities.person_shapes import (
    INITIALS,
    given_inside,
    given_name_of_a_people,
    hyphenated_given_name,
    person_after_acronym,
    person_first,
    regnal,
    title_as_surname,
)
from reader.entities.role_words import BODY_WORDS, is_role_word
from reader.entities.story import Found, Story
from reader.entities.teams import plays_as_a_team, speaks_of_sport
from reader.entities.tokens import follows_the, lower_word_after
from reader.entities.wordlists import (
    CALENDAR,
    COMMON,
    CONNECTORS,
    DEMONYMS,
    NOT_NAMES,
    ORG_STARTS,
    PARTY_NOUNS,
    STANDALONE_EVENTS,
    is_demonym,
    is_role,
    singular,
)

PLACE_MODIFIERS = frozenset("greater northern southern eastern western central north south east west upper lower "
                             "inner outer mainland metropolitan".split())
#: First words of place names ("Lake Erie", "Mount Talau", "Port Hutt", "River Ouse").
PLACE_STARTS = frozenset("""lake mount mt cape fort ft port river isle isla rio río mont monte lago rue piazza plaza
platz calle avenida via catedral iglesia museo palacio castillo puerta porte pont parc jardin mercado plac""".split())
#: First words of the names of storms ("Cyclone Phailin", "Hurricane Katrina").
EVENT_STARTS = frozenset("cyclone hurricane typhoon storm".split())
#: First words of competitions' names in other languages ("Copa Libertadores", "Campeonato
#: Brasileiro", "Coupe du Monde"); the name's other words alone are not the competition.
COMPETITION_STARTS = frozenset("campeonato copa torneo torneio championnat coupe mundial eurocopa".split())


def droppable(story: Story, k: int) -> bool:
    """A word that does not start a name: function words, dates, nationality words, lower case
    (but "the Democrats" and "Labour" are parties)."""
    tok = story.tokens[k]
    low = tok.folded
    party = tok.base_folded  # ("Labour's leader": the party's)
    if party in PARTY_NOUNS and tok.cap and (party == "labour" or (k and story.tokens[k - 1].folded == "the")):
        return False
    if tok.upper:  # an acronym that spells a word: "WHO", "LA", "FIRST"
        return low in NOT_NAMES or low in CALENDAR or low in DEMONYMS
    base = tok.base_folded
    if tok.cap and is_role(low) and k + 1 < len(story.tokens) and story.tokens[k + 1].cap:
        return False  # "Mr. Bashir": the title stays to mark the person
    if low in ("will", "can") and _will_as_a_given_name(story, k):
        return False  # "an injury to Will Middlebrooks", "Will Smith starred", "journalist Can Dündar"
    return (not tok.cap or low in COMMON or low in CALENDAR or low in NOT_NAMES or base in CALENDAR
            or low in CONNECTORS or low in DEMONYMS or base in DEMONYMS
            or (low.rstrip("s") in DEMONYMS and low not in STANDALONE_EVENTS and not _team_named(story, low)
                and not (plays_as_a_team(story.text, tok.start, tok.end) and speaks_of_sport(story))))


def _will_as_a_given_name(story: Story, k: int) -> bool:
    """True for "Will" (or "Can") before a name: mid-sentence (the verb is written small there), or
    opening a sentence that asks nothing, before a family name ("Will Smith starred"; not
    "Will Smith win?")."""
    tokens = story.tokens
    if k + 1 >= len(tokens) or not tokens[k + 1].cap or tokens[k + 1].upper or not story.joined(k):
        return False
    if not tokens[k].initial:
        return True
    end = _SENTENCE_END.search(story.text, tokens[k].end)
    return tokens[k + 1].base_folded in story.knowledge.family_names and (end is None or end.group(0) != "?")


_SENTENCE_END = re.compile(r"[.!?]")


def _team_named(story: Story, low: str) -> bool:
    """True when a body the story found earlier ends in this plural: "the Celtics" after "Boston
    Celtics", "the Canadiens" (elsewhere a people: "Celtics" is no Celt)."""
    return any(f.type == ORG and len(f.tokens) > 1 and f.tokens[-1].folded == low for f in story.found)


def lone_month_name(story: Story, a: int, b: int) -> bool:
    """The run ``a``..``b`` is one month that is also a family name, before no day: "Prime
    Minister May spoke", "May said" (which the story's "Theresa May" decides; not "President
    May 3"), so it is kept for later instead of dropped as a calendar word."""
    if b - a != 1:
        return False
    tok = story.tokens[a]
    return tok.folded in CALENDAR and tok.base_folded in story.knowledge.family_names \
        and not story.text[tok.end:tok.end + 3].strip()[:1].isdigit()


_ACRONYM_LED = re.compile(r"[A-Z]{2,}[A-Z][a-z]")
"""A word led by capitals run into a capitalised word ("JPMorgan", "PRNewswire"): a
company's spelling; no given name is written so ("LeBron", "DeShawn", "McDonald" are not)."""


_HEAD_ENDS = re.compile(r"\s*(?:[,.;:)!?]|$)|\s+(?:and|or|in|at|on|of|for|to|with|from|by|as|but|than)\b")
"""What follows a name that heads its phrase: punctuation, the end, a joining word."""


def _the_name(story: Story, start: int, end: int) -> bool:
    """A name after "the" that heads its phrase ("against the Houston Astros,", "bands such as
    the Velvet Underground."): a body, a team or a work; people are seldom "the". Not a name
    used as a modifier ("the Gregory Maguire novel"), nor one a verb follows."""
    text = story.text
    return follows_the(text, start) and _HEAD_ENDS.match(text, end) is not None


def _the_ordinary_words(story: Story, a: int, b: int) -> bool:
    """Ordinary words after "the" and any nationality words ("the British Red Cross", "The
    Red Cross said"): a body's name, though "Red" is also a given name. People are seldom
    "the", and a person's name is seldom all dictionary words."""
    tokens = story.tokens
    k = a - 1
    while k >= 0 and is_demonym(tokens[k].folded) and tokens[k].cap and tokens[k].end + 1 == tokens[k + 1].start:
        k -= 1
    if k < 0 or tokens[k].folded != "the" or tokens[k].end + 1 != tokens[k + 1].start:
        return False
    end = tokens[b - 1].end
    after = _NEXT_WORD.match(story.text, end)
    if _HEAD_ENDS.match(story.text, end) is None and (after is None or after.group(1) not in _VERBS_AFTER):
        return False  # "the Bill Gates foundation": a person's name used as a modifier
    is_word = story.knowledge.is_word
    return all(len(t.base) > 2 and t.base_folded in COMMON or is_word(t.base_folded) for t in tokens[a:b])


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_VERBS_AFTER = frozenset("said says told is was has had have will would could can may might must announced "
                         "warned called urged added".split())


def _body_named_before_its_kind(story: Story, start: int, end: int) -> bool:
    """ "the D.A. Davidson brokerage", "the John Lewis chain": a name between "the" and a
    lower-case word for a kind of body is that body, whatever its words look like."""
    if not follows_the(story.text, start):
        return False
    return lower_word_after(story.text, end) in BODY_WORDS


_CLOSES_A_LIST = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:and|or|in|of|at|on)\b")
_LAST_WORD = re.compile(r"(?:^|\s)([a-z]+)\s+$")


def _after_bodies_plural(text: str, start: int, end: int) -> bool:
    """True after a plural word for bodies in lower case, the name closing its phrase or a
    list: "the religious schools Santo Spirito and Immacolata", "rival carmakers Tata Motors,"
    (not a clause's subject: "the banks Jamie Dimon criticised")."""
    if _CLOSES_A_LIST.match(text, end) is None:
        return False
    match = _LAST_WORD.search(text, max(0, start - 24), start)
    word = match.group(1) if match else ""
    kind = singular(word) if len(word) > 4 and word.endswith("s") else ""
    return kind in BODY_WORDS and not is_role_word(kind)  # ("publishers Jann Wenner": people too)


def _ordinary_before(story: Story, a: int, i: int) -> bool:
    """True when the words before a given name inside a run are ordinary words or known
    names ("Nonpartisan Paul Tse"), not more of a name ("Te Kaurinui Robert Parata"). (One
    word before it is taken as a title either way: "Tsarevna Sophia Alekseyevna".)"""
    is_word, lexicon = story.knowledge.is_word, story.lexicon
    return all(is_word(t.folded) or t.folded in lexicon or t.upper for t in story.tokens[a:i])


def _shape_kind(story: Story, a: int, b: int) -> str | None:
    """The kind told by a run's first or last word: "Lake Erie", "North Oakland", "Pittsburgh Pirates"."""
    tokens = story.tokens
    first, last = tokens[a], tokens[b - 1]
    if first.folded in PLACE_STARTS or first.folded in PLACE_MODIFIERS:
        return PLACE
    if first.folded in EVENT_STARTS or first.folded in COMPETITION_STARTS:
        return EVENT
    if first.folded in ORG_STARTS:
        return ORG
    knowledge = story.knowledge
    if last.folded.endswith("s") and not last.upper and last.folded not in knowledge.words \
            and knowledge.is_word(last.folded) and not story.is_given_name(first):
        return ORG  # a plural noun after a name: a team or a band ("Pittsburgh Pirates", "Arctic Monkeys")
    return None


_PARTY_ADJECTIVES = frozenset("democratic republican conservative liberal socialist libertarian".split())


def _party_adjective_phrase(story: Story, a: int, b: int) -> bool:
    """True for ordinary words and a party's adjective before a lower-case noun: "Diverse
    Democratic candidates", "Progressive Republican voters" open a sentence, they name nothing."""
    tokens = story.tokens
    if tokens[b - 1].folded not in _PARTY_ADJECTIVES or b >= len(tokens) or not story.joined(b - 1) \
            or not tokens[b].text[:1].islower():
        return False
    return all(not t.upper and story.knowledge.is_word(t.folded) and not story.is_given_name(t) for t in tokens[a:b - 1])


_MIDDLE_CAPITAL = re.compile(r"[A-Z][a-z]{3,}[A-Z]")
"""A word with a capital inside after four letters or more, as products and firms are written
("PlayStation", "HeatGear"); people's are after a prefix of two or three ("DeSantis", "McConnell",
"MacArthur", "LeBron")."""


def _ends_with_a_plural_noun(story: Story, last) -> bool:
    """True for a name's last word that is an ordinary plural and no family name: "Treats",
    "Clouds", "Connections" end no person's name (where "Woods", "Rivers", "Waters" may)."""
    folded = last.base_folded
    if len(folded) < 5 or folded[-1] != "s" or folded.endswith(("ss", "us", "is")) or last.upper:
        return False
    knowledge = story.knowledge
    return folded not in knowledge.family_names and knowledge.is_word(folded) and knowledge.is_word(
        folded[:-3] + "y" if folded.endswith("ies") else folded[:-1])


def classify_residual(story: Story, a: int, b: int, initial: bool, left_of_role: bool) -> None:
    """A run with no known name and no telling ending: a person, an organisation, or one word for later."""
    tokens = story.tokens
    while a < b and droppable(story, a) and not lone_month_name(story, a, b) and not given_name_of_a_people(story, a, b):
        a += 1
        initial = False
    while b > a and not tokens[b - 1].cap:
        b -= 1
    if a >= b:
        return
    if b - a > 1 and is_role(tokens[b - 1].folded) and not title_as_surname(story, a, b - 1, b):
        return  # "Los Angeles County Sheriff", "NASA Administrator": a title, not a name
    toks = tokens[a:b]
    start, end = toks[0].start, toks[-1].base_end
    if b - a > 1 and _party_adjective_phrase(story, a, b):
        return  # "Diverse Democratic candidates": a party's adjective before a noun, not a name
    if b - a == 1:
        story.deferred.append(Found(start, end, None, None, toks, initial=initial, left_of_role=left_of_role))
        return
    if any(t.text == "&" for t in toks[1:-1]):
        story.found.append(Found(start, end, ORG, None, toks, initial=initial))  # "Procter & Gamble": a firm
        return
    if regnal(story, toks) or hyphenated_given_name(toks):
        story.found.append(Found(start, end, PERSON, None, toks, initial=initial))
        return
    kind = _shape_kind(story, a, b)
    if kind is not None:
        story.found.append(Found(start, end, kind, None, toks, initial=initial))
        return
    if _body_named_before_its_kind(story, start, end) or _after_bodies_plural(story.text, start, end):
        story.found.append(Found(start, end, ORG, None, toks))  # "the D.A. Davidson brokerage", "the
        # religious schools Santo Spirito and Immacolata"
        return
    if land_kind_after(story.text, end):
        story.found.append(Found(start, end, PLACE, None, toks))  # "Morocco's High Atlas mountains"
        return
    if _the_name(story, start, end) and not INITIALS.match(toks[0].text) or _the_ordinary_words(story, a, b) \
            or ordinary_words_with_a_body_word(story, toks):
        story.found.append(Found(start, end, ORG, None, toks, guessed=True))  # "against the Houston Astros,"
        return
    if any(_MIDDLE_CAPITAL.match(t.text) for t in toks) and not story.is_given_name(toks[0]):
        story.found.append(Found(start, end, ORG, None, toks, guessed=True))  # "Sony PlayStation", "Armour HeatGear"
        return
    if _ends_with_a_plural_noun(story, toks[-1]) and (len(toks) > 2 or not story.is_given_name(toks[0])):
        # (not "Tom Hanks", "Jenna Marbles": a given name and two words make a person still)
        story.found.append(Found(start, end, ORG, None, toks, guessed=True))  # "Rice Krispies Treats", "Silver Clouds"
        return
    if not any(t.upper for t in toks[1:]) and (person_first(story, a, b) if toks[0].folded in story.lexicon
                                                  else story.is_given_name(toks[0])):  # (not "Mac OS X")
        story.found.append(Found(start, end, PERSON, None, toks, initial=initial))
        return
    if INITIALS.match(toks[0].text) and not toks[-1].upper and not toks[-1].text[:1].isdigit():
        story.found.append(Found(start, end, PERSON, None, toks, initial=initial))  # "K.C. Maurer", "L. Ron Hubbard"
        return
    for i in range(a + 1, b - 1):
        if (given_inside(story, i, b) or person_after_acronym(story, a, i, b)) and not tokens[b - 1].upper \
                and not story.covered(i) and (i - a == 1 or _ordinary_before(story, a, i)):
            # "Nonpartisan Paul Tse", "Ottawa lawyer Anne Lee": the name starts at the given name
            classify_residual(story, a, i, initial, True)
            story.found.append(Found(tokens[i].start, end, PERSON, None, tokens[i:b]))
            return
    text = story.text
    after_the = follows_the(text, start)  # people are seldom "the Red Cross"
    lexicon = story.lexicon
    if any(t.upper for t in toks) or left_of_role or any(lexicon.is_country(t.base) for t in toks) \
            or all(t.folded in story.lower_words for t in toks) or after_the:
        story.found.append(Found(start, end, ORG, None, toks))
        return
    if _ACRONYM_LED.match(toks[0].text):
        story.found.append(Found(start, end, ORG, None, toks, guessed=True))  # "JPMorgan Chase": no given name
        return
    knowledge = story.knowledge
    if toks[-1].base_folded in knowledge.family_names and not (len(toks[0].base) > 3 and knowledge.is_word(toks[0].folded)):
        story.found.append(Found(start, end, PERSON, None, toks, initial=initial))  # "Hu Shih": a family name
        return
    if any(len(t.base) > 3 and "-" not in t.text and knowledge.is_word(t.base_folded) for t in toks) \
            and not story.is_given_name(toks[0]):
        story.found.append(Found(start, end, ORG, None, toks, guessed=True))  # "Civic Passion", "Red Cross"
        return
    story.found.append(Found(start, end, PERSON, None, toks, initial=initial, guessed=True))
