"""Plain data for recognised entities: spans and the kinds of entity."""

from __future__ import annotations

from typing import NamedTuple

PERSON = "PERSON"
ORG = "ORG"
PLACE = "PLACE"
EVENT = "EVENT"
OTHER = "OTHER"

#: The kinds a recogniser reports, in the order the sidebar lists them.
TYPES = (PERSON, ORG, PLACE, EVENT, OTHER)

MAX_RECOGNISED_CHARS = 2_000_000
"""Entities are found in the first 2 M characters of a story (the app's entity worker and the
search index's entity keys): recognition needs about 60 bytes of memory per character, so a
50 MB file would otherwise take some 3 GB (bench/bench_reliability.py)."""

#: Plural headings for the sidebar and tables.
TYPE_LABELS = {PERSON: "People", ORG: "Organisations", PLACE: "Places", EVENT: "Events", OTHER: "Other"}
#: The same for one entity ("Starry Lee  (Person)").
TYPE_NAMES = {PERSON: "Person", ORG: "Organisation", PLACE: "Place", EVENT: "Event", OTHER: "Other"}


class Span(NamedTuple):
    """One mention: ``text[start:end]`` is an entity of ``type``.

    ``key`` is the canonical id of the entity (a knowledge-base note id, or a
    normalised name that groups the mentions of an entity without a note);
    ``None`` when the recogniser could not tell which entity it is.
    """

    start: int
    end: int
    type: str
    key: str | None = None


def team_key(place_key: str) -> str:
    """The key of a country's (or a city's) team in a match report: kept apart from the place."""
    return f"{place_key}-team"


def normalise_type(value: object) -> str:
    """Map a type name from a notes file to one of ``TYPES`` (unknown kinds become OTHER)."""
    text = str(value or "").strip().upper()
    aliases = {"PER": PERSON, "PEOPLE": PERSON, "ORGANIZATION": ORG, "ORGANISATION": ORG,
               "LOC": PLACE, "LOCATION": PLACE, "GPE": PLACE}
    text = aliases.get(text, text)
    return text if text in TYPES else OTHER
