"""Facts derived offline from an entity's own name and from the words of its story.

Nothing here is looked up or guessed from outside: each line says what the name or the
story states, and the facts say so in their ``source``.

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
from collections import Counter
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
from reader.entities.land_kinds import LAND_KINDS
from reader.entities.legal_forms import legal_form
from reader.entities.model import EVENT, ORG, OTHER, PERSON, PLACE
from reader.entities.place_facts import PlaceFacts, place_table
from reader.entities.roles import skip_aside
from reader.entities.tokens import follows_the
from reader.entities.wordlists import COMMON, SERVICE_DISTRICTS, SPORT_WORDS, THING_NOUNS, WORK_YEAR, vessel_kind

FROM_NAME = "its name (reader's rules)"
FROM_STORY = "this story"



def _a_known_place(name: str) -> bool:
    table = place_table()
    return table.is_city(name) or table.country_code(name) is not None or table.home_country(name) is not None


_OF = re.compile(r"^(?P<head>(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*)\s+(?:of|for|on)\s+", re.UNICODE)
_TOKEN = re.compile(r"[\w’'.&-]+")


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


_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_SPAN = re.compile(rf"\s*\((?:[^()]{{0,40}}?\b)?(?P<from>{_YEAR})\b(?:[^()–—]{{0,60}}?\s*(?:–|—|-|\bto\b)\s*"
                   rf"(?:(?P<short>[0-9]{{2}})(?=\s*[),;])|(?:[^()]{{0,60}}?\b)?(?P<to>{_YEAR})))?\b[^()]{{0,40}}\)")
_BORN = re.compile(rf"\s*\((?:born|b\.)\s+(?:[^()]{{0,30}}?\b)?(?P<born>{_YEAR})\b[^()]{{0,40}}\)")
_AGE_AFTER = re.compile(r",\s+(?:aged\s+)?(?P<age>[1-9][0-9]?),")
_AGE_BEFORE = re.compile(r"\b(?P<age>[1-9][0-9]?)-year-old\s+(?:[a-z]+\s+){0,3}$")
_YEAR_BEFORE = re.compile(rf"(?:^|\b[Tt]he\s+|\bof\s+|\bin\s+)(?P<year>{_YEAR})\s+$")
_YEAR_AFTER = re.compile(rf"\s+(?P<year>{_YEAR})\b(?![-–][0-9])")


def _years(match: re.Match) -> str:
    start, end = match.group("from"), match.group("to")
    if match.group("short"):  # "1914–18"
        end = start[:2] + match.group("short")
    if not end:
        return start
    return f"{start}–{end}" if int(end) >= int(start) else start


def person_lines(body: str, mentions: Sequence[tuple[int, int]]) -> list[tuple[str, str]]:
    """("Lived", "1841–1904"), ("Born", "1962") or ("Age", "34") as the story gives them, and
    ("Known as", "Mr. T") when it says so ("Lawrence Tureaud, better known as Mr. T,")."""
    alias = next((m.group("alias") for _, end in mentions if (m := _KNOWN_AS.match(body, end))), None)
    lines = _dates_of_person(body, mentions)
    return lines + [("Known as", alias)] if alias else lines


_KNOWN_AS = re.compile(r"(?:,\s*[1-9][0-9]?)?,\s+(?:better\s+|also\s+|commonly\s+|widely\s+|popularly\s+)?known\s+as\s+"
                       r"(?P<alias>[“\"]?[A-Z](?:[^,;:!?()\n.“”\"]|\.(?=\s?[A-Z])){0,50}[”\"]?)(?=,)")
"""The name after "…, better known as" closed by a comma, as an apposition is ("Mr. T")."""


def _dates_of_person(body: str, mentions: Sequence[tuple[int, int]]) -> list[tuple[str, str]]:
    """The first of: life or birth dates, an age, a handle, as the story gives them."""
    for start, end in mentions:
        aside_end = skip_aside(body, end)
        if aside_end > end:  # "(Arabic: …; 31 October 1950 – 31 March 2016)": the dates end the aside
            last = body[end:aside_end].rsplit(";", 1)[-1].strip(" ()")
            tail = f" ({last})"
        else:
            tail = body[end:end + 90]
        born = _BORN.match(tail)
        if born:
            return [("Born", born.group("born"))]
        span = _SPAN.match(tail)
        if span and (span.group("to") or span.group("short")):
            return [("Years", _years(span))]
    for start, end in mentions:
        age = _AGE_AFTER.match(body, end) or _AGE_BEFORE.search(body[max(0, start - 40):start])
        if age:
            return [("Age", f"{age.group('age')} at the time of the story")]
    for _, end in mentions:
        handle = _HANDLE_AFTER.match(body, end)
        if handle:  # an embedded post's signature: "— Conn Carroll (@conncarroll) November 8, 2017"
            return [("Handle", handle.group("handle"))]
    return []


_HANDLE_AFTER = re.compile(r"\s*\((?P<handle>@[A-Za-z0-9_]{1,30})\)")


#: Nouns that say what a work is when the story writes them before its title.
WORK_NOUNS = frozenset("""song single album record track film movie documentary book novel memoir poem
play opera musical series show sitcom programme program podcast game app magazine newspaper paper
painting sculpture symphony ballet comic manga anime drama comedy thriller miniseries mini-series
mini-serial serial broadcast column essay report study blog newsletter""".split())


def work_kind(body: str, mentions: Sequence[tuple[int, int]]) -> str | None:
    """What a work or a thing is, as the story writes it right before a mention of its title
    (the song "Songs My Mother Taught Me", the TV series Supernatural, his book Hydrodynamica,
    the cruise ship Freewinds): the
    noun with the up to two words before it that describe it ("TV series", "1999 film"),
    else ``None``."""
    for start, _ in mentions:
        words = body[max(0, start - 80):start].rstrip().rstrip("\"“‘'").split()
        if words and words[-1] in ("The", "A", "An"):  # the title's own article, left out of its name
            words = words[:-1]
        if not words or words[-1].casefold() not in WORK_NOUNS and words[-1] not in THING_NOUNS:
            continue  # (a thing's noun in lower case only: "the cruise ship Freewinds")
        kept = [words[-1]]
        for word in reversed(words[-3:-1]):
            if word.casefold() in _NOT_DESCRIBING or not word.replace("-", "").isalnum():
                break  # "the", "his", "and", a possessive, a comma: the description ends
            kept.insert(0, word)
        return " ".join(kept)
    return None


#: Nouns that say what a thing is when the story writes them right after "the" and its name
#: ("the NEMISIS database", "the ICI system", "the Hohokam culture"); kinds of body are the
#: roles' ("the Interfax news agency": ``body_roles.kind_after``).
THING_KINDS = frozenset("""system database software program programme framework kernel plugin plug-in library
language protocol standard format engine algorithm camera installation exhibit exhibition series mission
campaign project initiative scheme culture era period dynasty movement style technique method theory doctrine
treaty accord agreement act bill law award prize festival tournament game console device phone
vaccine drug virus scandal affair booster""".split())
_PHRASE_ENDS = (r"(?=\s*(?:,(?!\s*[A-Z“\"])|[;:.!?)]|$)|\s+(?:is|was|are|were|which|that|to|of|in|for|and|or|with|by|"
                r"on|at|has|had|have|will|would|can|could|from|as|uses|used)\b)")
_THING_AFTER = re.compile(r"\s+(?P<kind>[a-z][a-z-]+)" + _PHRASE_ENDS)
_THINGS_KIND_AFTER = re.compile(r"\s+(?P<kind>[a-z][a-z-]+\s+[a-z][a-z-]+)" + _PHRASE_ENDS)
"""The same with a word before the noun: "the Progress cargo ship had"."""


def thing_kind(body: str, mentions: Sequence[tuple[int, int]]) -> str | None:
    """What the story calls a thing by the noun right after "the" and its name ("the NEMISIS
    database which", "from the ICI system to", "the Progress cargo ship had"), the noun ending its phrase ("the Apple app
    store" is no app; "the WB series, Supernatural" names the series), else ``None``."""
    for start, end in mentions:
        if not follows_the(body, start):
            continue
        for pattern in (_THING_AFTER, _THINGS_KIND_AFTER):
            match = pattern.match(body, end)
            if match and match.group("kind").split()[-1] in THING_KINDS | THING_NOUNS:
                return match.group("kind")
    return None


_NOT_DESCRIBING = frozenset("""the a an his her their its our my your this that these those of in on and or
from with by for to as at own latest first new""".split())


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


def event_lines(name: str, body: str, mentions: Sequence[tuple[int, int]]) -> list[tuple[str, str]]:
    """("When", "1895") or ("When", "1939–1945") from the name or around a mention."""
    in_name = re.search(rf"\b{_YEAR}\b", name)
    if in_name:
        return [("When", in_name.group(0))]
    for start, end in mentions:
        span = _SPAN.match(body[end:end + 60])
        if span:
            return [("When", _years(span))]
        before = _YEAR_BEFORE.search(body[max(0, start - 12):start])
        after = _YEAR_AFTER.match(body, end)
        if before or after:
            return [("When", (before or after).group("year"))]
    return []


#: Words that make a place a part of another ("Upper Manhattan", "Kowloon West").
_PARTS = frozenset("north south east west northern southern eastern western central upper lower inner "
                   "outer greater old".split())

_SETTLEMENT_KINDS = frozenset("""town village city municipality borough parish neighbourhood neighborhood suburb
township hamlet settlement commune""".split())
_KINDS_BEFORE_ONLY = frozenset("state kingdom emirate territory kibbutz enclave quarter port".split())
"""Kinds only "the … of" says: after a name they begin a phrase of their own ("Chelsea state officials")."""


def _either(words: frozenset[str]) -> str:
    return "mountain range|" + "|".join(sorted(words, key=len, reverse=True))


_KIND_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<kind>"
                          + _either(LAND_KINDS | _SETTLEMENT_KINDS | _KINDS_BEFORE_ONLY) + r")\s+of\s+$")
_KIND_AFTER = re.compile(r"\s+(?P<kind>" + _either(LAND_KINDS | _SETTLEMENT_KINDS) + r")\b(?![-’'])")
"""The kind of place a story names before or after it: "the town of Yeoncheon", "the island
of Busuanga", "the Zagros mountain range", "the remote Russian Tuva region" (the recogniser's
kinds of land, and of settlement)."""


def place_kind_in_story(body: str, mentions: Sequence[tuple[int, int]]) -> str | None:
    """The kind of place the story calls it ("town", "mountain range"), else ``None``."""
    for start, end in mentions:
        match = _KIND_BEFORE.search(body, max(0, start - 40), start) or _KIND_AFTER.match(body, end)
        if match:
            return match.group("kind")
    return None


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


_WHERE = re.compile(r"(?:,\s+|\s+in\s+)(?P<where>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}"
                    r"(?:,\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})?)")


_LIST_GOES_ON = re.compile(r"\s+(?:and|or)\s")


def place_where(body: str, mentions: Sequence[tuple[int, int]]) -> str | None:
    """Where the story puts a place: the known place right after it ("…, Tiberias",
    "… in Clearwater, Florida"), when GeoNames knows that one."""
    table = place_table()
    for start, end in mentions:
        match = _WHERE.match(body, end)
        if not match:
            continue
        where = match.group("where").split(". ", 1)[0].rstrip(".")  # (not into the next sentence)
        parts = [p.strip() for p in where.split(",")]
        if match.group(0).startswith(",") and _LIST_GOES_ON.match(body, match.end()) \
                and not _within(table, body[start:end], parts[-1]):
            continue  # "… with Tyneside, Northumberland and south-eastern Scotland": a list of places
        if any(p.split()[0].casefold() in COMMON for p in parts):  # ", The ..." / ", But ..."
            continue
        if all(table.country_code(p) or table.home_country(p) for p in parts[-1:]) \
                and (table.country_code(parts[0]) or table.home_country(parts[0]) or len(parts) > 1):
            return where
    return None


def _within(table, place: str, where: str) -> bool:
    """True when a known town ``place`` is in the country ``where`` names ("Clearwater", "Florida")."""
    home = table.home_country(place)
    return home is not None and home == table.home_country(where)


_ACRONYM = r"[A-Z][A-Za-z&.]*[A-Z]"


def acronym_lines(name: str, body: str) -> list[tuple[str, str]]:
    """What the story says an acronym stands for ("CEI (Italian Episcopal Conference)", "the
    Union of Rationalist Atheists (UAAR)"): ("Stands for", ...) or ("Short form", ...)."""
    if not body:
        return []
    escaped = re.escape(name)
    if re.fullmatch(_ACRONYM, name) and len(name) <= 8:
        match = re.search(rf"\b{escaped}\s*\((?:the\s+)?(?P<long>[A-Z][^()]{{3,80}}?)\)", body)
        long = match.group("long") if match and _initials_fit(name, match.group("long")) else _long_form_before(name, body)
        return [("Stands for", " ".join(long.split()).removeprefix("The "))] if long else []
    match = re.search(rf"{escaped}\s*\((?P<short>{_ACRONYM})\)", body)
    if match and len(match.group("short")) <= 8 and _initials_fit(match.group("short"), name):
        return [("Short form", match.group("short"))]
    return []


_LONG_FORM_WORD = re.compile(r"[^\W\d_][\w’'.&-]*")
_MAX_LONG_WORDS = 12


def _long_form_before(short: str, body: str) -> str | None:
    """The name written just before "(SHORT)" whose initials hold its letters, its words in
    any case ("the Committee to Protect Journalists (CPJ)", "la Commission nationale
    informatique et libertés (CNIL)"): the fewest words, from a capitalised word with the
    acronym's first letter, never across a stop or a comma."""
    for match in re.finditer(rf"\(\s*{re.escape(short)}\s*\)", body):
        clause = re.split(r"[.,;:!?()\[\]\n“”\"]", body[max(0, match.start() - 200):match.start()])[-1]
        words = _LONG_FORM_WORD.findall(clause)[-_MAX_LONG_WORDS:]
        for first in range(len(words) - 2, -1, -1):
            word = words[first]
            if word[0].isupper() and word[0] == short[0] and _initials_fit(short, " ".join(words[first:])):
                return " ".join(words[first:])
    return None


def _initials_fit(short: str, long: str) -> bool:
    """True when the letters of ``short`` are initials of words of ``long``, in any order (a
    translated name keeps its acronym: "CEI (Italian Episcopal Conference)")."""
    letters = Counter(c for c in short.upper() if c.isalpha())
    initials = Counter(w[0].upper() for w in re.findall(r"[\w’']+", long))
    return sum(letters.values()) >= 2 and not letters - initials


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
        if not lines and (thing := thing_kind(body, mentions)):
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
            sources.append(FROM_NAME if re.search(rf"\b{_YEAR}\b", name) else FROM_STORY)
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
