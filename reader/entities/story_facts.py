"""Facts an entity's story states around its mentions (no data, no look-up): a person's
years, age, handle and other name; what the story calls a work or a thing ("the TV series
Supernatural", "the NEMISIS database"); an event's year; the kind of place it names ("the
town of Yeoncheon") and where it puts it ("…, Tiberias"); what an acronym stands for.

``derived_facts`` gathers these with what the entity's own name says.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reader.entities.land_kinds import LAND_KINDS
from reader.entities.place_facts import place_table
from reader.entities.roles import skip_aside
from reader.entities.tokens import follows_the
from reader.entities.wordlists import COMMON, THING_NOUNS


YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
"""A year as news write it, 1000 to 2099."""
_SPAN = re.compile(rf"\s*\((?:[^()]{{0,40}}?\b)?(?P<from>{YEAR})\b(?:[^()–—]{{0,60}}?\s*(?:–|—|-|\bto\b)\s*"
                   rf"(?:(?P<short>[0-9]{{2}})(?=\s*[),;])|(?:[^()]{{0,60}}?\b)?(?P<to>{YEAR})))?\b[^()]{{0,40}}\)")
_BORN = re.compile(rf"\s*\((?:born|b\.)\s+(?:[^()]{{0,30}}?\b)?(?P<born>{YEAR})\b[^()]{{0,40}}\)")
_AGE_AFTER = re.compile(r",\s+(?:aged\s+)?(?P<age>[1-9][0-9]?),")
_AGE_BEFORE = re.compile(r"\b(?P<age>[1-9][0-9]?)-year-old\s+(?:[a-z]+\s+){0,3}$")
_YEAR_BEFORE = re.compile(rf"(?:^|\b[Tt]he\s+|\bof\s+|\bin\s+)(?P<year>{YEAR})\s+$")
_YEAR_AFTER = re.compile(rf"\s+(?P<year>{YEAR})\b(?![-–][0-9])")


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
culture era period dynasty movement style technique method theory doctrine console device phone vaccine drug
virus booster""".split())
#: Nouns that say what a thing is after its name, but that follow a body's name for what the body
#: makes or does ("the Senate bill", "the Ofsted report"): taken for things, never for a body.
MADE_KINDS = frozenset("""campaign project initiative scheme treaty accord agreement act bill law award prize
festival tournament game scandal affair study survey report plan policy strategy inquiry investigation review
poll index trial""".split())
_PHRASE_ENDS = (r"(?=\s*(?:,(?!\s*[A-Z“\"])|[;:.!?)]|$)|\s+(?:is|was|are|were|which|that|to|of|in|for|and|or|with|by|"
                r"on|at|has|had|have|will|would|can|could|from|as|uses|used)\b)")
_THING_AFTER = re.compile(r"\s+(?P<kind>[a-z][a-z-]+)" + _PHRASE_ENDS)
_THINGS_KIND_AFTER = re.compile(r"\s+(?P<kind>[a-z][a-z-]+\s+[a-z][a-z-]+)" + _PHRASE_ENDS)
"""The same with a word before the noun: "the Progress cargo ship had"."""


def thing_kind(body: str, mentions: Sequence[tuple[int, int]], made: bool = True) -> str | None:
    """What the story calls a thing by the noun right after "the" and its name ("the NEMISIS
    database which", "from the ICI system to", "the Progress cargo ship had"), the noun ending its phrase ("the Apple app
    store" is no app; "the WB series, Supernatural" names the series), else ``None``. ``made``
    False (a body's name): not a noun for what a body makes ("the Senate bill")."""
    for start, end in mentions:
        if not follows_the(body, start):
            continue
        for pattern in (_THING_AFTER, _THINGS_KIND_AFTER):
            match = pattern.match(body, end)
            noun = match.group("kind").split()[-1] if match else ""
            if noun in THING_KINDS or noun in THING_NOUNS or made and noun in MADE_KINDS:
                return match.group("kind")
    return None


_NOT_DESCRIBING = frozenset("""the a an his her their its our my your this that these those of in on and or
from with by for to as at own latest first new""".split())


def event_lines(name: str, body: str, mentions: Sequence[tuple[int, int]]) -> list[tuple[str, str]]:
    """("When", "1895") or ("When", "1939–1945") from the name or around a mention."""
    in_name = re.search(rf"\b{YEAR}\b", name)
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
