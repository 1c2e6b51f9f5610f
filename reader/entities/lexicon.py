"""Known names: the notes' names and aliases, and place names, matched word by word.

Names are keyed by their folded words joined with spaces ("east china sea"). Every
proper prefix of a longer name is kept too, so matching at a capitalised word stops as
soon as no known name goes on that way: one dictionary look-up per word of a match.
Place names come precomputed in this form from the gazetteer cache (see
``gazetteer.load_place_index``): no per-name work at start.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reader.entities.model import PLACE
from reader.entities.notes import KnowledgeBase, make_id
from reader.entities.tokens import WORD, Token, fold_token, is_cap_word

NOTE_RANK = 3
COUNTRY_RANK = 2
CITY_RANK = 1
_SPACES_AND_DOTS = re.compile(r"[\s.]")


@dataclass
class Entry:
    """What a known name is: its type, its key, how much to trust it, and which words need a capital."""

    type: str
    key: str
    rank: int  # 3 knowledge base, 2 country-level place, 1 city
    exact_case: bool = False  # a short acronym: matches only in capitals ("WHO", not "who")
    caps: int = 0  # bit i set: word i must be capitalised


def name_key(name: str) -> tuple[str, int, bool] | None:
    """The lexicon key of a name, its capitals mask and whether it needs exact case."""
    words = [name] if name.isalpha() else WORD.findall(name)
    if not words:
        return None
    if len(words) > 1 and "".join(words).replace(".", "") != _SPACES_AND_DOTS.sub("", name):
        return None  # symbols inside ("2+2", "Japan–Taiwan relations"): matched by a regex instead
    caps = 0
    for i, word in enumerate(words):
        if is_cap_word(word):
            caps |= 1 << i
    exact = len(words) == 1 and words[0].isupper() and len(words[0]) <= 5
    return " ".join(fold_token(w) for w in words), (1 if exact else caps), exact


class Lexicon:
    """Notes' names (rank 3) over place names (rank 2 countries, 1 cities)."""

    def __init__(self, kb: KnowledgeBase, places: Mapping[str, list] | None = None,
                 place_prefixes: Iterable[str] = ()) -> None:
        self.places = places or {}
        self.notes: dict[str, Entry] = {}
        self.prefixes: set[str] = set(place_prefixes)
        self.symbols: dict[str, Entry] = {}
        for name, note_id in kb.surface_forms():
            note = kb.notes[note_id]
            self._add(name, Entry(note.type, note.id, NOTE_RANK))
        self.symbol_pattern = None
        if self.symbols:
            names = sorted(self.symbols, key=len, reverse=True)
            self.symbol_pattern = re.compile(r"(?<![\w+])(?:" + "|".join(map(re.escape, names)) + r")(?![\w+])")

    def _add(self, name: str, entry: Entry) -> None:
        keyed = name_key(name)
        if keyed is None:
            if WORD.findall(name):
                self.symbols[name] = entry
            return
        key, entry.caps, entry.exact_case = keyed
        words = key.split(" ")
        for n in range(1, len(words)):
            self.prefixes.add(" ".join(words[:n]))
        old = self.notes.get(key)
        if old is not None and old.key == entry.key:
            # the same name spelt twice ("Qing dynasty", "Qing Dynasty"): a capital only where both have one
            old.caps &= entry.caps
            old.exact_case = old.exact_case and entry.exact_case
        elif old is None:
            self.notes[key] = entry

    def get(self, key: str) -> Entry | None:
        """The entry for a folded key, the notes' first."""
        entry = self.notes.get(key)
        if entry is not None:
            return entry
        place = self.places.get(key)
        if place is None:
            return None
        rank, caps, exact = place
        return Entry(PLACE, make_id(key), rank, bool(exact), caps)

    def __contains__(self, key: str) -> bool:
        return key in self.notes or key in self.places

    def longest(self, tokens: list[Token], i: int, joined) -> tuple[int, Entry] | None:
        """The longest known name starting at token ``i`` (number of tokens, entry)."""
        first = tokens[i]
        if not first.cap and not first.text[:1].isdigit():
            return None
        best = None
        key = ""
        n = 0
        for n in range(1, len(tokens) - i + 1):
            tok = tokens[i + n - 1]
            if n > 1 and not joined(i + n - 2):
                break
            stem = key + " " if key else ""
            key = stem + tok.folded
            for form in (key, stem + tok.base_folded) if tok.base_end != tok.end else (key,):
                entry = self.get(form)
                if entry is not None and _case_ok(entry, tokens, i, n):
                    best = (n, entry)
                    break
            if key not in self.prefixes:
                break
        return best

    def is_country(self, word: str) -> bool:
        """True for a country, continent or state name of one word."""
        entry = self.get(fold_token(word))
        return entry is not None and entry.rank >= COUNTRY_RANK and entry.type == PLACE


def _dateline(tokens: list[Token], i: int) -> bool:
    """A word in capitals first on its line and followed by punctuation ("CAIRO —", "LONDON (Reuters)")."""
    if not tokens[i].initial:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is None or nxt.start - tokens[i].end != 1


def _case_ok(entry: Entry, tokens: list[Token], i: int, n: int) -> bool:
    if entry.exact_case:
        base = tokens[i].base
        return base.isupper() or base.rstrip(".").replace(".", "").isupper()
    if n == 1 and entry.rank == CITY_RANK and tokens[i].is_upper and not _dateline(tokens, i):
        return False  # "NATO" is not the town of Nato (but a dateline "CAIRO —" is Cairo)
    caps = entry.caps
    for k in range(n):
        if caps >> k & 1 and not tokens[i + k].cap:
            return False
    return True
