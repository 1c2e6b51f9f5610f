"""Facts derived offline from an entity's own name and from the words of its story.

Nothing here is looked up or guessed from outside: each line says what the name or the
story states, and the facts say so in their ``source``. What the story's words state around
a mention is read by ``story_facts``; this module reads the name and gathers both:

- an organisation's kind from the word that names it ("Purdue University": a university;
  "Ministry of Fisheries": a government ministry), a company's legal form from cleanco's
  terms ("Alibaba Group Holding Ltd": Ltd), and for a state body named with a country or a
  nationality first ("Saudi Interior Ministry", "U.S. Army") that country;
- an event's year from its name ("2018 FIFA World Cup") or the story ("the 1895 Treaty of
  Shimonoseki", "World War II (1939–1945)");
- a person's years (life dates or a term: "Years", as written) ("Antonín Dvořák (8 September 1841 – 1 May 1904)", "(born 1962)") and
  age ("Anna Ruiz, 34,", "34-year-old Anna Ruiz") as the story gives them, a handle
  written after the name ("Conn Carroll (@conncarroll)", an embedded post's signature), and
  the name they are known by ("Lawrence Tureaud, better known as Mr. T,");
- a place's kind from its name ("Lake Merritt": a lake) or from the story ("the town of
  Yeoncheon", "the Zagros mountain range"), the place it is part of by its name ("Old
  Havana"), and where it lies when the story writes it ("Flag Land Base in Clearwater,
  Florida", "Kibbutz Kinneret, Tiberias").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.entities.countries import country_of_demonym
from reader.entities.kind_words import (
    EVENT_FIRST_WORDS,
    EVENT_KINDS,
    LAST_WORD_ONLY,
    ORG_FIRST_WORDS,
    ORG_KINDS,
    OTHER_KINDS,
    PAPER_AFTER_A_PLACE,
    PLACE_FIRST_WORDS,
    PLACE_KINDS,
    STATE_BODIES,
)
from reader.entities.legal_forms import legal_form
from reader.entities.model import EVENT, ORG, OTHER, PERSON, PLACE
from reader.entities.place_facts import PlaceFacts, place_table
from reader.entities.story_facts import (
    YEAR,
    acronym_lines,
    event_lines,
    person_lines,
    place_kind_in_story,
    place_where,
    thing_kind,
    work_kind,
)
from reader.entities.wordlists import SERVICE_DISTRICTS, SPORT_WORDS, WORK_YEAR, vessel_kind

FROM_NAME = "its name (reader's rules)"
FROM_STORY = "this story"


def _a_known_place(name: str) -> bool:
    table = place_table()
    return table.is_city(name) or table.country_code(name) is not None or table.home_country(name) is not None


_OF = re.compile(r"^(?P<head>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*)\s+(?:of|for|on)\s+", re.UNICODE)
_TOKEN = re.compile(r"[\w’'.&-]+")


_POSTS_THAT_ARE_NO_PAPER = frozenset("command trading border guard observation military police army checkpoint "
                                     "frontier".split())


def org_kind(name: str) -> tuple[str, str] | None:
    """(kind, the word that says it) for an organisation's name, else ``None``."""
    words = _TOKEN.findall(name)
    if len(words) < 2:
        return None
    match = _OF.match(name)
    heads = match.group("head").split() if match else []
    # the word before "of" ("Ministry of Fisheries"), then the last word
    for word, placed in ([(heads[-1], "before of")] if heads else []) + [(words[-1], "last")]:
        folded = word.casefold().strip(".")
        if folded in ORG_KINDS and (folded not in LAST_WORD_ONLY or placed == "last" or folded != "band"):
            if folded in PAPER_AFTER_A_PLACE and not _a_known_place(" ".join(words[:-1])):
                continue  # "Toronto Star", "Baltimore Sun" are papers; "Red Star" is a football club
            before = heads[-2] if placed == "before of" and len(heads) > 1 else words[-2] if placed == "last" else ""
            if folded == "post" and before.casefold() in _POSTS_THAT_ARE_NO_PAPER:
                return None  # "Airborne Command Post", "Command Post of the Army": a post, not a paper
            return ORG_KINDS[folded], word
    if len(words) >= 3 and words[-2].casefold() == "air" and words[-1].casefold() == "force":
        return "air force", "Air Force"
    if len(words) >= 3 and words[-1].casefold() == "district" and words[-2].casefold() in SERVICE_DISTRICTS:
        return f"{words[-2].casefold()} district", f"{words[-2]} District"  # "Irving Independent School District"
    return _kind_of_first_word(words, ORG_FIRST_WORDS)


_LOWER_WORDS = re.compile(r"[a-z][a-z-]*")


def team_kind(name: str, body: str) -> bool:
    """True for a place and a plural ("Pittsburgh Pirates", "Boston Red Sox") in a story that
    speaks of sport (three different words of it): a team, not a firm ("Texas Instruments")."""
    words = _TOKEN.findall(name)
    last = words[-1].casefold() if words else ""
    if len(words) < 2 or not (last == "sox" or last.endswith("s") and not last.endswith("ss")):
        return False
    if not any(_a_known_place(" ".join(words[:i])) for i in range(len(words) - 1, 0, -1)):
        return False
    return len(SPORT_WORDS.intersection(_LOWER_WORDS.findall(body.casefold()))) >= 3


def _kind_of_first_word(words: list[str], kinds: dict[str, str]) -> tuple[str, str] | None:
    """(kind, word) when a name's first word says what it is, by ``kinds``, else ``None``."""
    folded = words[0].casefold()
    return (kinds[folded], words[0]) if folded in kinds else None


def country_named_first(name: str) -> str | None:
    """The ISO code of a country or nationality that starts a name ("Saudi Interior
    Ministry", "U.S. Army", "United Kingdom Home Office"), else ``None``."""
    words = name.split()
    table = place_table()
    for size in (3, 2, 1):
        if len(words) > size:
            first = " ".join(words[:size]).removesuffix("'s").removesuffix("’s")
            code = table.country_code(first) if first[:1].isupper() else None
            if code and code != "US" and table.is_state(first):
                return None  # Georgia: the country or the US state?
            if code:
                return code
    return country_of_demonym(words[0]) if len(words) > 1 else None


def event_kind(name: str) -> str | None:
    """What an event is by its name: its last word ("Viking Festival", "World War II" past a
    number), the word before its "of" ("Battle of Hastings") or a first word that says it
    ("Hurricane Katrina"), else ``None``."""
    words = [w for w in _TOKEN.findall(name) if not _ORDINAL.fullmatch(w)]
    if len(words) < 2:
        return None
    match = _OF.match(name)
    for word in ([match.group("head").split()[-1]] if match else []) + [words[-1]]:
        if word.casefold() in EVENT_KINDS:
            return EVENT_KINDS[word.casefold()]
    first = _kind_of_first_word(words, EVENT_FIRST_WORDS)
    return first[0] if first else None


_ORDINAL = re.compile(r"[IVX]+|[0-9]+(?:st|nd|rd|th)?")


#: Words that make a place a part of another ("Upper Manhattan", "Kowloon West").
_PARTS = frozenset("north south east west northern southern eastern western central upper lower inner "
                   "outer greater old".split())

def place_kind(name: str) -> tuple[str, str] | None:
    """(kind, the word that says it) for a place's name: "Lake Merritt", "Bay of Bengal";
    none for the name of a town ("Falls Church" is a city, not a church)."""
    words = _TOKEN.findall(name)
    if len(words) < 2 or place_table().is_city(name):
        return None
    match = _OF.match(name)
    candidates = ([match.group("head").split()[-1]] if match else []) + [words[-1], words[0]]
    for word in candidates:
        folded = word.casefold().strip(".")
        if folded in PLACE_KINDS and (word is not words[0] or folded in ("lake", "mount", "cape")):
            return PLACE_KINDS[folded], word
    return _kind_of_first_word(words, PLACE_FIRST_WORDS)


def place_part(name: str) -> str | None:
    """The place the gazetteer knows (a country, a state, a town) that a place is a part of
    by its name ("Upper Manhattan", "Kowloon West"), else ``None``; none for a place of
    its own ("South Africa", "West Virginia")."""
    words = name.split()
    if len(words) < 2:
        return None
    table = place_table()
    if table.facts(name) is not None:
        return None  # a place of its own ("South Africa", "West Virginia")
    from reader.entities.knowledge import shared_knowledge  # noqa: PLC0415 - the cached word lists

    words_known = shared_knowledge()
    for rest, part in ((words[1:], words[0]), (words[:-1], words[-1])):
        whole = " ".join(rest)
        if part.casefold() not in _PARTS:
            continue
        facts = table.facts(whole)
        if facts is None or (facts.kind not in ("country", "region", "continent") and len(rest) == 1
                             and words_known.is_word(whole.casefold())):
            continue  # "South Side": an ordinary word, not Side in Turkey, nor "Old City" Yemen's municipality
            # (the "South Pacific" is the ocean's)
        return whole
    return None


def derived_facts(name: str, kind: str, body: str = "",
                  mentions: Sequence[tuple[int, int]] = ()) -> PlaceFacts | None:
    """The facts this module can derive for an entity of type ``kind``, or ``None``."""
    lines: list[tuple[str, str]] = []
    sources: list[str] = []
    if kind == ORG:
        what = org_kind(name)
        form = legal_form(name)
        if form:
            lines.append(("What", f"company (legal form {form})"))
        elif what:
            lines.append(("What", what[0]))
        country = country_named_first(name) if what and what[1].casefold().replace(" ", "-") in STATE_BODIES else None
        if country and country in place_table().countries:
            lines.append(("Country", place_table().countries[country]["name"]))
        if lines:
            sources.append(FROM_NAME + (" and cleanco's legal forms" if form else ""))
        elif team_kind(name, body):
            lines.append(("What", "sports team"))
            sources += [FROM_NAME, FROM_STORY]
        if not lines and (thing := thing_kind(body, mentions, made=False)):
            lines.append(("What", thing))  # "the NEMISIS database": a thing the recogniser took for a body
            sources.append(FROM_STORY)
        acronym = acronym_lines(name, body)
        if acronym:
            lines += acronym
            sources.append(FROM_STORY)
    elif kind == OTHER:
        words = _TOKEN.findall(name)
        what = OTHER_KINDS.get(words[-1].casefold()) if len(words) >= 2 else None
        what = vessel_kind(words) or what  # "USS Potomac", "Space Shuttle Columbia"
        if what:
            lines.append(("What", what))
            sources.append(FROM_NAME)
        elif work := work_kind(body, mentions) or thing_kind(body, mentions):
            lines.append(("What", work))
            sources.append(FROM_STORY)
        year = next((m.group(1) for start, end in mentions if (m := WORK_YEAR.match(body, end))), None)
        if year:
            lines.append(("Year", year))  # "Match Point (2005)"
            if FROM_STORY not in sources:
                sources.append(FROM_STORY)
    elif kind == EVENT:
        what = event_kind(name)
        if what:
            lines.append(("What", what))
            sources.append(FROM_NAME)
        when = event_lines(name, body, mentions)
        if when:
            lines += when
            sources.append(FROM_NAME if re.search(rf"\b{YEAR}\b", name) else FROM_STORY)
    elif kind == PERSON:
        lines += person_lines(body, mentions)
        if lines:
            sources.append(FROM_STORY)
    elif kind == PLACE:
        what = place_kind(name)
        if what:
            lines.append(("What", what[0]))
        whole = place_part(name)
        if whole:
            lines.append(("Part of", whole))
        if what or whole:
            sources.append(FROM_NAME)
        said = None if what else place_kind_in_story(body, mentions)
        if said:
            lines.append(("What", said))  # "the town of Yeoncheon"
            sources.append(FROM_STORY)
        where = place_where(body, mentions)
        if where:
            lines.append(("Where", where))
            sources.append(FROM_STORY)
    if not lines:
        return None
    labels = {ORG: "organisation", EVENT: "event", PERSON: "person", PLACE: "place", OTHER: "other"}
    return PlaceFacts(name, labels.get(kind, kind.lower()), tuple(lines), " and ".join(dict.fromkeys(sources)), "",
                      derived=True)
