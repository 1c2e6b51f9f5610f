"""Typing one capitalised run: known names inside it, titles and roles, name endings.

Each function takes the ``Story`` and token indices ``a``..``b``; what it decides goes to
``story.found`` (typed mentions) or ``story.deferred`` (single words typed later from the
whole story, see ``resolve``). A run no rule here types goes on to ``residual``.
"""

from __future__ import annotations

import re

from reader.entities.endings import body_office, ending_kind, has_strong_ending
from reader.entities.lexicon import CITY_RANK, COUNTRY_RANK, NOTE_RANK, Entry
from reader.entities.model import EVENT, ORG, OTHER, PERSON, PLACE
from reader.entities.story import Found, Story
from reader.entities.person_shapes import (
    INITIALS,
    country_as_surname,
    given_name_of_a_people,
    hyphenated_given_name,
    person_after,
    person_first,
    title_as_given_name,
    title_as_surname,
)
from reader.entities.role_words import BODY_WORDS, TITLE_MODIFIERS
from reader.entities.run_checks import (
    GROUP_LABEL,
    body_named_for_its_country,
    body_of_a_person,
    subject_of_study,
)
from reader.entities.residual import (
    EVENT_STARTS,
    PLACE_MODIFIERS,
    PLACE_STARTS,
    classify_residual,
    droppable,
    lone_month_name,
)
from reader.entities.teams import place_and_nickname
from reader.entities.wordlists import (
    CALENDAR,
    COMMON,
    CONNECTORS,
    DEMONYMS,
    ENDINGS,
    GREETINGS,
    NOT_NAMES,
    OF_CONNECTORS,
    PARTY_NOUNS,
    STREET_QUARTERS,
    THING_NOUNS,
    VESSEL_PREFIXES,
    WEEKDAYS,
    is_demonym,
    is_role,
    surname_like,
    vessel_kind,
)

#: Nouns that introduce the title of a work ("the film Match Point", "her album Lemonade").
WORK_NOUNS = frozenset("""film movie novel book album song single series sitcom show play musical opera poem painting
symphony documentary memoir novella anthology game videogame episode ep mixtape drama comedy thriller miniseries
mini-series serial telenovela""".split())
_WORK_DETERMINERS = frozenset("the a an his her their its my our your this".split())
"""Skipped back to a work's noun (not "that": "results show that Republicans ...")."""
_OPEN_QUOTES = frozenset("“\"‘«")
_CLOSE_QUOTES = frozenset("”\"’»")
#: Letters and digits in one word: models, versions, codes ("IE6", "RAV4", "MS-04"), not "22nd".
PRODUCT_CODE = re.compile(r"(?=.*\d)(?=.*[A-Za-z])(?!\d+(?:st|nd|rd|th|s)$)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")
_BRAND_SPELLING = re.compile(r"[a-z][A-Z][a-z]")
"""A product line spelt with a small first letter: "iPhone", "iPad", "eBook"."""
_MODEL_LETTERS = re.compile(r"[A-Z]{1,2}")
"""A model's letters after its product line: "iPhone X", "iPhone XS" (not a person's initial)."""
#: Words before the name of a storm, a ship, a spacecraft or an operation: "Space Shuttle Atlantis",
#: "Hurricane Florence", "USS Cole". The name alone later is that thing, whatever else it names
#: (a town in South Africa, a city in Italy).
NAMED_THING_KINDS = EVENT_STARTS | frozenset(VESSEL_PREFIXES) | frozenset(
    ["shuttle", "tropical storm", "super typhoon", "operation", "mv", "ss"])
HONOURS = frozenset("FRS FRSE FBA FREng KBE OBE MBE CBE DBE GBE KCB QC KC PhD".split())
"""Honours and degrees written after a person's name ("Daniel Bernoulli FRS"): not the name's."""
POST_NOMINALS = HONOURS | frozenset("SC MP MEP MSP MLA MPP MHA TD".split())
"""The same, with offices and ranks at the bar ("Jane Smith MP", "Tom Molomby SC"), which end
a name only after a person's ("an Ottawa New Democrat MP" is a party's)."""
_NAME_STARTERS = frozenset("first second third fourth fifth new great grand united national royal supreme central "
                           "general".split())


def classify_run(story: Story, i: int, j: int) -> None:
    """Type the run ``i``..``j`` after splitting it at connectors that join no name."""
    if j - i == 1:  # one word, as most runs are: nothing to split
        classify_segment(story, i, j, initial=story.tokens[i].initial)
        return
    for a, b in story.split_connectors(i, j):
        classify_segment(story, a, b, initial=story.tokens[a].initial)


def from_entry(story: Story, a: int, b: int, entry: Entry) -> Found:
    """A mention of a known name."""
    tokens = story.tokens
    found = Found(tokens[a].start, tokens[b - 1].base_end, entry.type, entry.key, tokens[a:b], known=True)
    found.weak = entry.rank == CITY_RANK and b - a == 1
    return found


def is_work_title(story: Story, a: int, b: int) -> bool:
    """A film, book, song or other work: after "the film", "his novel", "the album", or in quotation
    marks of its own (“Chasing Liberty”); or a vehicle or a product, a thing rather than a name of
    the kinds the recogniser types: "the cruise ship Freewinds", "USS Potomac", "Space Shuttle
    Columbia", "the browser Chrome"."""
    tokens, text = story.tokens, story.text
    start, end = tokens[a].start, tokens[b - 1].end
    closes = text[end:end + 1] in _CLOSE_QUOTES or (
        # American punctuation puts the stop inside: “Dreams From My Father.” (not the "Cherokee
        # Turnpike." a road is called, its kind in its name, nor "L. D." initials)
        text[end:end + 1] in ".,!?" and text[end + 1:end + 2] in _CLOSE_QUOTES
        and tokens[b - 1].folded not in ENDINGS and not INITIALS.match(tokens[a].text))
    if text[start - 1:start] in _OPEN_QUOTES and closes and b - a >= 2:
        return True
    if b - a >= 2 and vessel_kind([tokens[a].text, tokens[a + 1].text]):
        return True
    for written in reversed(text[max(0, start - 40):start].split()[-3:]):
        word = written.strip(",;:()").casefold()
        if word not in _WORK_DETERMINERS and not word.isdigit():  # the last word before, past "the", "his", "2"
            return (word in WORK_NOUNS or word.rstrip("s") in WORK_NOUNS or word in THING_NOUNS and written == word) \
                and not _known_person(story, a, b)  # "books Obama had authored": the author, not a title
            # (a thing's noun right before the name: not "earlier spacecraft, the International Space Station")
    return False


def _known_person(story: Story, a: int, b: int) -> bool:
    """True when the run is a person the notes name: all of a noted name, or a noted person's
    name alone ("Obama")."""
    anchor = story.anchors.get(a)
    if anchor is not None and anchor[0] == b - a and anchor[1].type == PERSON:
        return True
    return b - a == 1 and story.tokens[a].base_folded in story.lexicon.lone_names


#: The words that make a party of a party's plural: "Liberal Democrats", "Senate Republicans".
_PARTY_QUALIFIERS = frozenset("""liberal social christian free neo new young national senate house congressional
progressive""".split())


def classify_segment(story: Story, a: int, b: int, initial: bool = False, forced_person: bool = False,
                     left_of_role: bool = False) -> None:
    tokens, anchors = story.tokens, story.anchors
    if story.text.endswith((" of ", " in ", " from "), 0, tokens[a].start):  # (one cheap test for the
        # next two: most runs follow no "of", "in" or "from")
        if subject_of_study(story, a, b):
            return  # "Professor of Oriental Languages", "a Master of Education in Sport Psychology"
        if body_of_a_person(story, a, b):
            story.found.append(Found(tokens[a].start, tokens[b - 1].base_end, ORG, None, tokens[a:b],
                                     initial=initial))
            return  # "Raymond Chan of People Power": ordinary words, capitalised, after a person and "of"
    if b - a == 2 and tokens[a].folded in ("group", "pool") and GROUP_LABEL.fullmatch(tokens[a + 1].text):
        story.found.append(Found(tokens[a].start, tokens[a + 1].end, ORG, None, tokens[a:b], initial=initial))
        return  # "Group G" of a tournament, however the words around it vote
    if b - a >= 2 and body_named_for_its_country(story, a, b):
        story.found.append(Found(tokens[a].start, tokens[b - 1].base_end, ORG, None, tokens[a:b]))
        return
    if b - a >= 2 and tokens[b - 1].folded in PARTY_NOUNS and tokens[b - 2].folded in _PARTY_QUALIFIERS \
            and tokens[b - 2].cap and (b - 2 not in anchors or anchors[b - 2][0] == 2) \
            and (b - a == 2 or tokens[b - 3].folded == "the"):
        # one party: "The Liberal Democrats", "Senate Democrats" (not "Texas Republicans", "Trump Republicans");
        # a known name of the party itself is no other name in the way
        story.found.append(Found(tokens[b - 2].start, tokens[b - 1].base_end, ORG, None, tokens[b - 2:b]))
        return
    # trim leading function words ("The", "Meanwhile", "Both") unless a known name starts there;
    # nationality words and ordinals stay when the run ends like a name ("Indonesian Navy")
    # ("Cheng Chung-tai spoke": "Cheng" is his name; "Prime Minister May": so may "May" be)
    while a < b and a not in anchors and (droppable(story, a) or _ordinary_opener(story, a, b)
                                          or _greets(story, a, b)) \
            and not given_name_of_a_people(story, a, b) \
            and not (b - a == 2 and hyphenated_given_name(tokens[a:b])) and not lone_month_name(story, a, b):
        if (tokens[a].folded in DEMONYMS or tokens[a].folded in _NAME_STARTERS) and tokens[a].cap \
                and b - a >= 2 and (ending_kind(story, a, b) or _ends_like_a_name_before_a_title(story, a, b)):
            break
        if tokens[a].upper and tokens[a].folded in NOT_NAMES and b - a >= 3 and ending_kind(story, a, b) == ORG:
            break  # an abbreviation that begins a body's name: "XML Error Recovery Community Group"
        forced_person = forced_person or _greets(story, a, b)  # the one greeted is a person ("Hi Mary,")
        a += 1
        initial = False
    if b - a > 2 and tokens[b - 1].text in POST_NOMINALS and story.is_given_name(tokens[a]):
        b -= 1  # "Tom Molomby SC": Senior Counsel, not South Carolina
    while b > a and (not tokens[b - 1].cap or b - a > 1 and tokens[b - 1].folded in _NEVER_LAST
                     or b - a > 2 and _shouted_after(story, b - 1)
                     or b - a > 2 and tokens[b - 1].text in HONOURS
                     or b - a > 1 and tokens[b - 1].folded in _CREDIT_WORDS and story.text.startswith("/", tokens[b - 1].end)) \
            and (b - 1) not in anchors and not story.covered(b - 1):
        b -= 1  # "in Denver Monday", "the Ralph Northam For (Governor party)": not the name's words
    if a >= b:
        return
    if b - a >= 2 and tokens[b - 1].folded in DEMONYMS and (b - a == 2 or all(
            t.folded in PLACE_MODIFIERS or t.folded in DEMONYMS for t in tokens[a:b - 1])) \
            and not (b - 1 in anchors and anchors[b - 1][1].type == ORG):
        return  # "South Korean", "Roman Catholic", "Theravada Buddhist": a nationality or a faith (not "UK
        # Labour", a party a note knows)
    if is_work_title(story, a, b) or (PRODUCT_CODE.fullmatch(tokens[b - 1].text)
                                      and not (a in anchors and anchors[a][0] == b - a)
                                      and not (a and not tokens[a - 1].cap and tokens[a - 1].folded in BODY_WORDS)) \
            or (b - a == 2 and _BRAND_SPELLING.match(tokens[a].text) and _MODEL_LETTERS.fullmatch(tokens[b - 1].text)):
        # a work, or a product or model ("IE6", "Toyota RAV4", "Windows XP" is left to its words; not "team
        # Cloud9": a body's word before it)
        story.found.append(Found(tokens[a].start, tokens[b - 1].base_end, OTHER, None, tokens[a:b]))
        return
    # one known name
    if a in anchors and anchors[a][0] == b - a:
        entry = anchors[a][1]
        if not forced_person or entry.type == PERSON or entry.rank == NOTE_RANK:
            story.found.append(from_entry(story, a, b, entry))
            return
    # a known place and a quarter of it, read as an area: "the Kowloon East constituency", "in
    # London West" (not "Kanye West": Kanye is a town too)
    if b - a >= 2 and a in anchors and anchors[a][0] == b - a - 1 and anchors[a][1].type == PLACE \
            and tokens[b - 1].folded in _QUARTERS and not forced_person \
            and _placed(story, tokens[a].start, tokens[b - 1].end):
        story.found.append(Found(tokens[a].start, tokens[b - 1].base_end, PLACE, None, tokens[a:b]))
        return
    # titles and roles split the run: what follows the last role is a person
    role_at = None
    k = a
    while k < b and b - a > 1:  # (a title alone is no title before a name)
        if k in anchors:
            k += anchors[k][0]
            continue
        if is_role(tokens[k].folded) and tokens[k].cap and not title_as_surname(story, a, k, b) \
                and not title_as_given_name(story, a, k, b) \
                and not (k + 1 < b and ENDINGS.get(tokens[k + 1].base_folded) == ORG):
            role_at = k  # (not before a body's word: "Major League Baseball" has no major in it)
        k += 1
    if role_at is not None and role_at == b - 1 and tokens[b - 1].folded == "dr" and _after_a_house_number(story, a):
        story.found.append(Found(tokens[a].start, tokens[b - 1].end, PLACE, None, tokens[a:b], initial=initial))
        return  # "3950 Ferrara Dr., Wheaton": a drive, not a doctor
    if role_at is not None and role_at == b - 1 and b - a > 1 and not has_strong_ending(tokens, a, b):
        # the run ends in a title ("Prime Minister’s", "NASA Administrator"): what stands before it
        # is the body or place the title belongs to
        left_end = role_at
        while left_end > a and (is_role(tokens[left_end - 1].folded) or tokens[left_end - 1].folded in TITLE_MODIFIERS) \
                and (left_end - 1) not in anchors:
            left_end -= 1
        if left_end > a:
            classify_segment(story, a, left_end, initial=initial, left_of_role=True)
        return
    if role_at is not None and role_at == b - 1:
        role_at = None
    if role_at is not None and role_at > a and tokens[role_at + 1].folded in OF_CONNECTORS \
            and body_office(story, a, role_at, b):
        # a body's office, no one named: "United Nations High Commissioner for Refugees"
        story.found.append(Found(tokens[a].start, tokens[b - 1].base_end, ORG, None, tokens[a:b], initial=initial))
        return
    if role_at is not None and (not has_strong_ending(tokens, a, b)
                                or (role_at == a and tokens[role_at + 1].folded in OF_CONNECTORS)):
        left_end = role_at
        while left_end > a and (is_role(tokens[left_end - 1].folded) or tokens[left_end - 1].folded in TITLE_MODIFIERS) \
                and (left_end - 1) not in anchors:
            left_end -= 1
        if left_end > a:
            classify_segment(story, a, left_end, initial=initial, left_of_role=True)
        if tokens[role_at + 1].folded in CONNECTORS:  # "Co-founder of Google", "Minister of Defence"
            classify_segment(story, role_at + 2, b, left_of_role=True)
        else:
            classify_segment(story, role_at + 1, b, forced_person=True)
        return
    if forced_person:
        # a known place or organisation right after a role word is not the person (a town may be)
        if a in anchors and anchors[a][0] == b - a and anchors[a][1].rank >= COUNTRY_RANK:
            story.found.append(from_entry(story, a, b, anchors[a][1]))
            return
        if b - a == 1 and tokens[a].folded in COMMON | CALENDAR | DEMONYMS and not lone_month_name(story, a, b):
            return
        story.found.append(Found(tokens[a].start, tokens[b - 1].base_end, PERSON, None, tokens[a:b],
                                 forced_person=True))
        return
    if tokens[b - 1].text == "TV" and _nationality_tv(story, a, b):
        return  # "a Canadian TV station": a kind of station, no name
    if b - a >= 2 and tokens[a].base_end != tokens[a].end and (a + 1) in anchors \
            and anchors[a + 1][0] == b - a - 1 and anchors[a + 1][1].type == ORG:
        # "Trump’s Justice Department": the possessor, then the body a note knows (not "McDonald's Corporation")
        classify_residual(story, a, a + 1, initial, left_of_role)
        story.found.append(from_entry(story, a + 1, b, anchors[a + 1][1]))
        return
    # a body's name with what it is of or on, then a person's: "the Council on Foreign Relations
    # Richard Haass" (its ending would make the whole run the body)
    for e in (b - 3, b - 4):  # the person's name: two words, or three with an initial
        if e > a + 1 and person_after(story, e + 1, b) and _body_with_its_complement(story, a, e):
            classify_segment(story, a, e + 1, initial=initial, left_of_role=left_of_role)
            classify_segment(story, e + 1, b)
            return
    # a name ending tells the kind of the whole run
    kind = ending_kind(story, a, b)
    if kind and b - a == 2 and story.is_given_name(tokens[a]) and surname_like(kind, tokens[b - 1].folded):
        kind = PERSON  # "Nathan Law", "Doris Day": a given name and a surname that is also a kind word
    if kind:
        story.found.append(Found(tokens[a].start, tokens[b - 1].base_end, kind, None, tokens[a:b], initial=initial))
        return
    # a body's name followed by a person's ("Refugee Council Enver Solomon")
    for e in range(b - 3, a, -1):
        kind = ENDINGS.get(tokens[e].folded)
        if kind in (ORG, PLACE) and e not in anchors and not story.covered(e) and story.is_given_name(tokens[e + 1]):
            classify_segment(story, a, e + 1, initial=initial, left_of_role=left_of_role)
            classify_segment(story, e + 1, b)
            return
    kind = place_and_nickname(story, a, b)
    if kind is not None:  # "Texas Rangers", "New England Patriots": a team, not the state and a word
        # (nor "Boston" and a person "Red Sox" before "player David Ortiz")
        story.found.append(Found(tokens[a].start, tokens[b - 1].base_end, kind, None, tokens[a:b], initial=initial))
        return
    if left_of_role and a in anchors and anchors[a][1].type == PLACE and b - a - anchors[a][0] >= 2:
        # the office's place, then its holder: "(Governor of) Washington Chris Gregoire"
        story.found.append(from_entry(story, a, a + anchors[a][0], anchors[a][1]))
        classify_residual(story, a + anchors[a][0], b, False, False)
        return
    if b - a >= 2 and tokens[a].folded == "old" and (a + 1) in anchors and anchors[a + 1][0] == b - a - 1 \
            and anchors[a + 1][1].type == PLACE and not story.knowledge.is_word(tokens[b - 1].base_folded):
        # a city's historic quarter, a place of its own: "Old Havana", "Old Montreal" (not a person
        # whose surname is a town; "the Old Man" is no quarter of Man)
        story.found.append(Found(tokens[a].start, tokens[b - 1].base_end, PLACE, None, tokens[a:b], initial=initial))
        return
    if (left_of_role or b < len(tokens) and is_role(tokens[b].folded)) and _body_named_with_its_country(story, a, b):
        story.found.append(Found(tokens[a].start, tokens[b - 1].base_end, ORG, None, tokens[a:b], initial=initial))
        return
    # split around known names inside the run; cities only count as a whole run
    pieces: list[tuple[int, int]] = []
    k = last = a
    while k < b:
        if k in anchors:
            n, entry = anchors[k]
            given = k == a and n == 1 and b - a >= 2 and entry.rank < NOTE_RANK and person_first(story, a, b)
            if given or country_as_surname(story, a, k, n, b):
                # "Jordan Henderson", "Georgia Smith": a first name; "Michael Jordan": a surname, not the country
                k += n
                continue
            if entry.rank >= COUNTRY_RANK or (k == a and k + n == b):
                if k > last:
                    pieces.append((last, k))
                story.found.append(from_entry(story, k, k + n, entry))
                last = k + n
            k += n
            continue
        k += 1
    if last < b:
        pieces.append((last, b))
    found = story.found
    for p, q in pieces:
        if q - p == 1 and tokens[p].folded in PLACE_MODIFIERS and q < b and q in anchors \
                and anchors[q][1].type == PLACE and found and found[-1].start == tokens[q].start:
            found[-1].start = tokens[p].start  # "Greater China", "Southern California"
            found[-1].key = None
            found[-1].known = False
            continue
        kind = ending_kind(story, p, q) if q - p >= 2 else None
        if kind in (ORG, PLACE, EVENT) and not (q - p == 2 and story.is_given_name(tokens[p])
                                                and surname_like(kind, tokens[q - 1].folded)):
            # a piece before a known name ends as its kind: "Fan Expo" of "Fan Expo Canada"
            found.append(Found(tokens[p].start, tokens[q - 1].base_end, kind, None, tokens[p:q], initial=initial and p == a))
            continue
        classify_residual(story, p, q, initial and p == a, left_of_role)


_HOUSE_NUMBER = re.compile(r"(?:^|[\s,(])\d{1,6}[A-Za-z]?\s+$")


def _after_a_house_number(story: Story, a: int) -> bool:
    """True when a house number comes right before the run: "3950 Ferrara Dr."."""
    start = story.tokens[a].start
    return _HOUSE_NUMBER.search(story.text, max(0, start - 10), start) is not None


def _ends_like_a_name_before_a_title(story: Story, a: int, b: int) -> bool:
    """True when the run's words before its first title end like a name: "Republican National
    Committee Chairman Ed Gillespie" (so "Republican" is a word of the committee's name)."""
    tokens = story.tokens
    title = next((k for k in range(a + 2, b) if tokens[k].cap and is_role(tokens[k].folded)), None)
    return title is not None and bool(ending_kind(story, a, title))


def _body_named_with_its_country(story: Story, a: int, b: int) -> bool:
    """Unknown words, then a country, before a title: the body the title belongs to ("Reform UK
    leader Nigel Farage", "Fine Gael Ireland"), not the country ("UK Prime Minister")."""
    anchors = story.anchors
    country = next((k for k in range(a + 1, b) if k in anchors and k + anchors[k][0] == b), None)
    return country is not None and anchors[country][1].type == PLACE and anchors[country][1].rank >= COUNTRY_RANK \
        and all(k not in anchors and story.tokens[k].cap and not story.tokens[k].upper for k in range(a, country))


_ADDRESS_BEFORE = frozenset(".!?:;,\"“‘'(—–-\n")
_ADDRESS_AFTER = frozenset(",.!?;:\"”’')—–")


def _greets(story: Story, a: int, b: int) -> bool:
    """A greeting before the name of the one it addresses, the two on their own between marks:
    "'Hey John, my name is Frank'", "Dear Mary,", "Goodbye Peter." (not "Hello Kitty is",
    "a Hello Kitty bag", "Hey Jude is a song", nor "Hello World," an ordinary word)."""
    tokens, text = story.tokens, story.text
    if b - a < 2 or tokens[a].folded not in GREETINGS or not tokens[a].cap or tokens[a].upper:
        return False
    name = tokens[a + 1]
    if story.knowledge.is_word(name.base_folded) and not story.is_given_name(name):
        return False  # "Hello World", "Greetings Adventurers": no one's name
    before = text[:tokens[a].start].rstrip(" \t")
    after = text[tokens[b - 1].end:tokens[b - 1].end + 1]
    return (not before or before[-1] in _ADDRESS_BEFORE) and (not after or after in _ADDRESS_AFTER)


def _ordinary_opener(story: Story, a: int, b: int) -> bool:
    """An ordinary word capitalised only because it opens a sentence or a heading, before a name
    that is no ordinary word: "Considering Socotra", "Experience Moriori" (not "Civic Passion")."""
    tok = story.tokens[a]
    if not tok.initial or b - a < 2 or tok.upper or story.is_given_name(tok) \
            or tok.folded in story.knowledge.family_names:
        return False
    is_word = story.knowledge.is_word
    return is_word(tok.folded) and not is_word(story.tokens[a + 1].base_folded) \
        and tok.folded not in PLACE_MODIFIERS and tok.folded not in PLACE_STARTS and tok.folded not in EVENT_STARTS \
        and tok.folded not in ENDINGS and not is_role(tok.folded) and not ending_kind(story, a, b)


def _body_with_its_complement(story: Story, a: int, e: int) -> bool:
    """True when the run from ``a`` to ``e`` is a body's name with what it is of or on, the
    complement's last word at ``e``: "Council on Foreign Relations", "Bureau of Labor Statistics"."""
    tokens = story.tokens
    return e not in story.anchors and not story.covered(e) and tokens[e].cap and any(
        ENDINGS.get(tokens[k].folded) == ORG and tokens[k + 1].folded in OF_CONNECTORS for k in range(a, e - 1))


_CREDIT_WORDS = frozenset("photo photos video".split())
"""What an agency's credit adds to its name before the photographer's: "(AP Photo/Cliff Owen)" is AP's."""
_QUARTERS = frozenset("east west north south central".split())
_NEVER_LAST = WEEKDAYS | CONNECTORS | STREET_QUARTERS
"""Words a name does not end with: a weekday (news write "in Denver Monday"), a joining word,
or the quarter after a street ("4125 Albemarle St. NW")."""


def _shouted_after(story: Story, k: int) -> bool:
    """An ordinary word in capitals after a word that is not ("Randall Stephenson DENIES that"):
    emphasis, not the end of the name (asked only of a run of three words or more: "Emmanuel
    MACRON", "Tyson FURY" are a name with its surname in capitals, as some copy writes them)."""
    tok = story.tokens[k]
    return tok.upper and len(tok.text) >= 4 and not story.tokens[k - 1].upper \
        and (tok.folded in COMMON or story.knowledge.is_word(tok.folded))


_AREA_AFTER = re.compile(r"(?:\s+[a-z]+){0,2}?\s+(?:constituency|constituencies|district|ward|riding|electorate|"
                         r"division|seat|suburbs?|area|region)\b")


def _placed(story: Story, start: int, end: int) -> bool:
    """True when the name at ``start:end`` reads as an area: after "in" ("in London West", not
    "in Kanye West's"), or after "the" before a word for an area ("the Kowloon East geographical
    constituency", not "the Kanye West album")."""
    text = story.text
    before = text[max(0, start - 12):start].split()
    if not before or text.startswith(("'s", "’s"), end):
        return False
    last = before[-1].casefold()
    return last == "in" or last == "the" and _AREA_AFTER.match(text, end) is not None


_TV_NOUNS = frozenset("""station stations channel channels network networks host hosts presenter presenters anchor
show shows programme program broadcast broadcasts interview reporter reporters journalist journalists crew crews
footage series drama dramas audience audiences viewers documentary personality personalities star stars ad ads
advert adverts advertisement advertisements news""".split())


def _nationality_tv(story: Story, a: int, b: int) -> bool:
    """True for a nationality and "TV" before the noun they describe: "a Canadian TV station",
    "Russian TV footage" (but "told Canadian TV" may be a broadcaster's name)."""
    tokens = story.tokens
    return b - a == 2 and tokens[b - 1].text == "TV" and is_demonym(tokens[a].folded) and b < len(tokens) \
        and story.joined(b - 1) and tokens[b].folded in _TV_NOUNS and tokens[b].text[:1].islower()


