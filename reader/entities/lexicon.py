"""Known names: the notes' names and aliases, and place names, matched word by word.

Names are keyed by their folded words joined with spaces ("east china sea"). Every
proper prefix of a longer name is marked too, so matching at a capitalised word stops as
soon as no known name goes on that way: one look-up per word of a match. Place names
(about 60,000) live in a ``PlaceIndex``, a marisa-trie that the gazetteer writes to its
cache once and memory-maps afterwards: no per-name work at start.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reader.entities.countries import country_name_of_alias
from reader.entities.us_states import state_name_of_abbreviation
from reader.entities.model import PERSON, PLACE
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


_MOST_SEEN_CODES = 100_000
_IS_NAME, _EXACT, _IS_PREFIX = 4, 8, 16  # code bits beside the rank (bits 0-1); capitals mask from bit 5


class PlaceIndex:
    """Place names by lexicon key, with every proper prefix of a longer name marked, in one
    marisa-trie (memory-mapped from the cache: nothing to parse at start) and one array of codes."""

    def __init__(self, trie, codes: array) -> None:
        self._trie, self._codes = trie, codes

    @classmethod
    def from_names(cls, names: Mapping[str, int]) -> PlaceIndex:
        """Build from place names mapped to their rank (2 country-level, 1 city)."""
        import marisa_trie  # noqa: PLC0415

        codes: dict[str, int] = {}
        for name, rank in names.items():
            keyed = name_key(name)
            if keyed is None:
                continue
            key, caps, exact = keyed
            rank = COUNTRY_RANK if rank >= COUNTRY_RANK else CITY_RANK
            old = codes.get(key, 0)
            if old & _IS_NAME:
                rank = max(rank, old & 3)
                caps &= old >> 5
                exact = exact and bool(old & _EXACT)
            codes[key] = (old & _IS_PREFIX) | rank | _IS_NAME | (_EXACT if exact else 0) | caps << 5
            words = key.split(" ")
            for n in range(1, len(words)):
                prefix = " ".join(words[:n])
                codes[prefix] = codes.get(prefix, 0) | _IS_PREFIX
        trie = marisa_trie.Trie(list(codes))
        table = array("I", bytes(4 * len(codes)))
        for key, code in codes.items():
            table[trie[key]] = code
        return cls(trie, table)

    def save(self, path: Path) -> None:
        self._trie.save(str(path))
        path.with_suffix(".codes").write_bytes(self._codes.tobytes())

    @classmethod
    def load(cls, path: Path) -> PlaceIndex:
        import marisa_trie  # noqa: PLC0415

        trie = marisa_trie.Trie()
        trie.mmap(str(path))
        codes = array("I")
        codes.frombytes(path.with_suffix(".codes").read_bytes())
        if len(codes) != len(trie):
            raise ValueError(f"{path}: the codes do not match the names")
        return cls(trie, codes)

    def code(self, key: str) -> int:
        """0 when unknown; else the bits: rank, name, exact case, prefix of a longer name, capitals."""
        index = self._trie.get(key)
        return 0 if index is None else self._codes[index]

    def __len__(self) -> int:
        return len(self._trie)

    def digest(self) -> str:
        """A hash of the names and their codes (for a recogniser's version)."""
        return hashlib.blake2b(self._trie.tobytes() + self._codes.tobytes(), digest_size=8).hexdigest()


class Lexicon:
    """Notes' names (rank 3) over place names (rank 2 countries, 1 cities)."""

    def __init__(self, kb: KnowledgeBase, places: PlaceIndex | None = None) -> None:
        self.places = places
        self.notes: dict[str, Entry] = {}
        self.prefixes: set[str] = set()  # proper prefixes of the notes' longer names
        self.symbols: dict[str, Entry] = {}
        #: place codes of the keys looked up so far (a dict look-up is a fraction of the trie's)
        self._seen_codes: dict[str, int] = {}
        #: folded words found to start no known name ("the", most capitalised words): the story
        #: does not ask ``longest`` about them again
        self.starts_nothing: set[str] = set()
        #: a person's one-word alias ("Merkel", "Xi"): the name a story uses for them alone, given to a
        #: single word the story does not give to someone else; never a known name that splits a longer
        #: one ("Ivanka Trump")
        self.lone_names: dict[str, Entry] = {}
        #: the last words that two noted people's names or more share ("clinton": Bill and Hillary): a
        #: town of that name standing alone in a story is more often one of them ("Clinton came into
        #: office", not Clinton, Massachusetts). One note's surname is no such sign: "Darwin" is a city.
        surnames = Counter(fold_token(words[-1]) for note in kb.notes.values() if note.type == PERSON
                           and len(words := WORD.findall(note.name)) > 1)
        self.noted_surnames: frozenset[str] = frozenset(name for name, count in surnames.items() if count > 1)
        for name, note_id in kb.surface_forms():
            note = kb.notes[note_id]
            if note.type == PERSON and name != note.name and len(WORD.findall(name)) == 1 \
                    and is_cap_word(name):
                self.lone_names.setdefault(fold_token(name), Entry(note.type, note.id, NOTE_RANK))
                continue
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
        if entry is not None or self.places is None:
            return entry
        code = self.places.code(key)
        if not code & _IS_NAME:
            return None
        return Entry(PLACE, place_key(key), code & 3, bool(code & _EXACT), code >> 5)

    def is_prefix(self, key: str) -> bool:
        """True when a longer known name starts with these words."""
        return key in self.prefixes or (self.places is not None and bool(self.places.code(key) & _IS_PREFIX))

    def __contains__(self, key: str) -> bool:
        return key in self.notes or (self.places is not None and bool(self.places.code(key) & _IS_NAME))

    def longest(self, tokens: list[Token], i: int, joined) -> tuple[int, Entry] | None:
        """The longest known name starting at token ``i`` (number of tokens, entry)."""
        first = tokens[i]
        if not first.cap and not first.text[:1].isdigit():
            return None
        best = None
        key = ""
        notes, prefixes, seen = self.notes, self.prefixes, self._seen_codes
        code_of = self.places.code if self.places is not None else _no_code
        for n in range(1, len(tokens) - i + 1):
            tok = tokens[i + n - 1]
            if n > 1 and not joined(i + n - 2):
                break
            stem = key + " " if key else ""
            key = stem + tok.folded
            code = seen.get(key)
            if code is None:
                code = code_of(key)
                if len(seen) < _MOST_SEEN_CODES:
                    seen[key] = code
            entry = notes.get(key)
            if entry is None and code & _IS_NAME:
                entry = _entry(notes, key, code)
            if entry is not None and _case_ok(entry, tokens, i, n):
                best = (n, entry)
            elif tok.base_end != tok.end:  # "Japan's": the name without its ’s
                base = stem + tok.base_folded
                entry = _entry(notes, base, code_of(base))
                if entry is not None and _case_ok(entry, tokens, i, n):
                    best = (n, entry)
            if not (code & _IS_PREFIX or key in prefixes):
                if n == 1 and entry is None and tok.base_end == tok.end \
                        and len(self.starts_nothing) < _MOST_SEEN_CODES:
                    self.starts_nothing.add(key)
                break
        return best

    def is_country(self, word: str) -> bool:
        """True for a country, continent or state name of one word."""
        entry = self.get(fold_token(word))
        return entry is not None and entry.rank >= COUNTRY_RANK and entry.type == PLACE


def place_key(folded: str) -> str:
    """The key of a gazetteer place: a country's aliases share its own ("U.S.", "US" and
    "United States" are one entity of a story), and so do a state's abbreviations ("N.J.")."""
    return make_id(country_name_of_alias(folded) or state_name_of_abbreviation(folded) or folded)


def _entry(notes: dict[str, Entry], key: str, code: int) -> Entry | None:
    """The notes' entry for ``key``, else the place its ``code`` names, if any."""
    entry = notes.get(key)
    if entry is None and code & _IS_NAME:
        return Entry(PLACE, place_key(key), code & 3, bool(code & _EXACT), code >> 5)
    return entry


def _no_code(key: str) -> int:
    return 0


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
    if n == 1 and entry.rank == CITY_RANK and tokens[i].upper and not _dateline(tokens, i):
        return False  # "NATO" is not the town of Nato (but a dateline "CAIRO —" is Cairo)
    caps = entry.caps
    for k in range(n):
        if caps >> k & 1 and not tokens[i + k].cap:
            return False
    return True
