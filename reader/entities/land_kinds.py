"""A name followed by a lower-case word for a kind of land is a place: "the Sahara desert",
"Morocco's High Atlas mountains", "the Tigray region", "the Yangtze river" (whatever the
name's words look like: "Sahara" alone read as an organisation)."""

from __future__ import annotations

from reader.entities.tokens import lower_word_after

LAND_KINDS = frozenset("""mountains mountain range river valley desert region province peninsula plateau basin
delta canyon lake sea coast coastline island islands archipelago strait gulf bay forest rainforest glacier
volcano county district prefecture governorate oblast highlands lowlands wetlands beach beaches cape headland
reef lagoon cove fjord dunes estuary atoll isthmus marsh swamp steppe tundra hills""".split())


def land_kind_after(text: str, end: int) -> bool:
    """True when the word right after ``text[:end]`` is a lower-case kind of land."""
    return lower_word_after(text, end) in LAND_KINDS
