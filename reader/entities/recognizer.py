"""Recognise named entities in text: text in, spans out.

The recogniser combines, in this order of trust:

1. a lexicon of known names: every note's name and aliases from the
   knowledge base, and place names from the gazetteer. It is a dictionary keyed
   by tuples of folded tokens (a token trie flattened into one hash lookup per
   candidate length), built once; matching is one lookup per candidate length
   at each capitalised token, so the cost grows with the text, not the lexicon;
2. runs of capitalised words (with connectors such as "of", "de", "al-"),
   split at titles and roles ("spokesperson Hsieh Pei-fen", "Director Taku
   Otsuka": what follows is a person), typed by their last word or the word
   before "of" ("Party", "Ministry" → ORG; "Islands", "Strait" → PLACE;
   "War", "Treaty" → EVENT), otherwise a person when they have two or more words;
3. the story itself: acronyms defined next to a name ("Liberal Democratic
   Party (LDP)") or matching the initials of a name in the story, short forms
   of names seen in full ("Hua" after "Hua Chunying"), and capitalised single
   words typed from their surroundings.

Sentence-initial words, function words, days, months and nationality words
("Meanwhile", "Both", "She", "Monday", "Chinese") are never entities on their own.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from reader.entities.model import EVENT, ORG, PERSON, PLACE, Span
from reader.entities.notes import KnowledgeBase, make_id
from reader.entities.wordlists import (
    CALENDAR,
    COMMON,
    CONNECTORS,
    DEMONYMS,
    ENDINGS,
    GIVEN_NAMES,
    HONORIFICS,
    NOT_NAMES,
    OF_CONNECTORS,
    ROLES,
    STANDALONE_EVENTS,
    WEAK_ENDINGS,
)

# A word: dotted abbreviations (U.S., D.C.), or letters/digits joined by hyphens and apostrophes.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[A-Z]{1,3}&[A-Z]{1,3}\b|[^\W_]+(?:(?:['’]|[-‐‑])[^\W_]+)*|&")
_HYPHEN = re.compile(r"[-‐‑]")
_GAP = re.compile(r"[ \t\u00a0]{1,2}")
_SENTENCE_END = set(".!?")
_OPENERS = set("\"“‘'«—–")
_INITIAL = re.compile(r"[A-Z]$")
_LOWER_PREFIXES = ("al-", "el-", "ad-", "an-", "ar-", "as-", "at-", "az-", "bin-", "ibn-", "abu-", "ul-", "d'", "d’", "l'", "l’", "o'", "o’", "mc", "mac")
_LOWER_PREFIX_SET = frozenset(p.replace("’", "'") for p in _LOWER_PREFIXES) | frozenset(_LOWER_PREFIXES)
_PLACE_PREPOSITIONS = frozenset("in near across into throughout outside inside around from".split())
_SPEECH_VERBS = frozenset("said says told added explained stated wrote argued noted asked replied tweeted claimed".split())
_POSSESSIVE_NAMES = frozenset("people's peoples' women's men's children's workers' veterans' nations' nation's "
                              "st. saint".split())
#: Title words that may stand before a role without being a name ("Foreign Minister").
_TITLE_MODIFIERS = frozenset("""
foreign defence defense interior home finance health education trade justice economy economic environment
energy transport agriculture labour labor culture security intelligence information communications press
former acting senior junior assistant associate managing executive deputy vice chief general first
state federal national regional local supreme grand principal opposition party military affairs division
prime lead head then current incoming outgoing""".split())
MAX_NAME_TOKENS = 8
_PLAIN_AFTER = re.compile(r"(?:[\s,;:!?)\]”\"]|\.(?!\w)|$)")  # a word in running text, not in a URL or address
_ADJECTIVE_ENDINGS = ("ese", "ian", "ians", "ean", "eans", "ish", "ans", "enic", "ical")
_PLACE_MODIFIERS = frozenset("greater northern southern eastern western central north south east west upper lower "
                             "inner outer mainland metropolitan".split())
#: Short words that title case capitalises and running text does not.
_TITLE_FUNCTION_WORDS = frozenset("to in on at by for with from into is are be its as of and or after over up not "
                                  "will has have was were says than that this how why".split())
_SPORT_CUES = re.compile(r"\b(?:goalkeeper|striker|midfielder|penalty|kick-off|kickoff|scored|equaliser|equalizer|"
                         r"halftime|half-time|stoppage time|extra time|match|coach|referee|group stage|"
                         r"world cup|semi-final|quarter-final|innings|wicket|touchdown)\b", re.IGNORECASE)
_ROMAN = re.compile(r"[IVX]{1,5}")
_NAME_STARTERS = frozenset("first second third fourth fifth new great grand united national royal supreme central general".split())


_per_thread = threading.local()
"""What ``recognise`` learns about the story it is reading (one story per thread at a time)."""


def fold_token(word: str) -> str:
    """The form tokens are compared in."""
    if word.isascii():
        return word.lower()
    return word.replace("’", "'").replace("‐", "-").replace("‑", "-").casefold()


class Token:
    """One word of the text with what the rules need to know about it (computed once)."""

    __slots__ = ("start", "end", "text", "cap", "initial", "folded", "base_end")

    def __init__(self, start: int, end: int, text: str, cap: bool, initial: bool = False) -> None:
        self.start, self.end, self.text, self.cap, self.initial = start, end, text, cap, initial
        self.folded = fold_token(text)
        base_end = end
        if len(text) > 3 and text[-2:] in ("'s", "’s"):
            base_end = end - 2
        self.base_end = base_end

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start})"

    @property
    def base(self) -> str:
        """The word without a possessive ’s."""
        return self.text[: self.base_end - self.start]

    @property
    def is_upper(self) -> bool:
        letters = [c for c in self.base if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass
class Entry:
    type: str
    key: str
    rank: int  # 3 knowledge base, 2 country-level place, 1 city
    exact_case: bool = False
    caps: tuple[bool, ...] = ()


@dataclass
class _Found:
    start: int
    end: int
    type: str | None
    key: str | None
    tokens: list[Token] = field(default_factory=list)
    initial: bool = False
    forced_person: bool = False
    left_of_role: bool = False
    weak: bool = False  # a one-word city name: a person's short name wins over it
    known: bool = False  # from the knowledge base or the gazetteer


def _is_cap_word(word: str) -> bool:
    """True for a word written like a name: "Taiwan", "al-Amr", "iPhone"."""
    if not word:
        return False
    first = word[0]
    if first.isupper():
        return True
    if not first.islower() or len(word) < 2:
        return False
    if word[1].isupper():
        return True  # iPhone, eBay
    for mark in ("-", "'", "’"):
        at = word.find(mark, 0, 5)
        if at > 0 and at + 1 < len(word) and word[at + 1].isupper() and word[:at + 1].casefold() in _LOWER_PREFIX_SET:
            return True  # al-Amr, d'Estaing
    return False


def tokenize(text: str) -> list[Token]:
    """Words with their offsets, each marked capitalised or not and sentence-initial or not."""
    tokens: list[Token] = []
    prev_end = 0
    prev: Token | None = None
    for match in _TOKEN.finditer(text):
        word = match.group()
        start = match.start()
        between = text[prev_end:start]
        if prev is None:
            initial = not between.strip() or _after_boundary(between, None)
        else:
            initial = "\n" in between or _after_boundary(between, prev)
        tok = Token(start, match.end(), word, _is_cap_word(word), initial)
        tokens.append(tok)
        prev, prev_end = tok, match.end()
    return tokens


def _after_boundary(between: str, prev: Token | None) -> bool:
    """True when the characters between two words end a sentence or open a quotation."""
    stripped = between.strip()
    if not stripped:
        return False
    if stripped[-1] in _OPENERS and stripped[-1] not in "'":
        return True
    core = stripped.rstrip("\"”’')]}»")
    if not core:
        return False
    if core[-1] == ":":
        return True
    if core[-1] in _SENTENCE_END:
        if core[-1] == "." and core == "." and prev is not None:
            low = prev.text.casefold()
            if low in HONORIFICS or _INITIAL.match(prev.text) or low in ("no", "vs", "st", "jr", "sr", "inc", "co", "corp", "ltd"):
                return False
        return True
    return False


class Recognizer:
    """Finds entities in text. Build once (``build_recognizer``), call ``recognise`` per article."""

    def __init__(self, kb: KnowledgeBase | None = None, places: Mapping[str, int] | None = None) -> None:
        self.kb = kb or KnowledgeBase()
        self.lexicon: dict[tuple[str, ...], Entry] = {}
        self._starts: set[str] = set()  # first words of longer names ("one-china" of "One-China policy")
        self.max_len = 1
        self._symbol_entries: dict[str, Entry] = {}
        self._symbol_pattern: re.Pattern[str] | None = None
        for name, rank in (places or {}).items():
            self._add(name, Entry(PLACE, make_id(name), 2 if rank >= 2 else 1))
        for name, note_id in self.kb.surface_forms():
            note = self.kb.notes[note_id]
            self._add(name, Entry(note.type, note.id, 3))
        if self._symbol_entries:
            names = sorted(self._symbol_entries, key=len, reverse=True)
            self._symbol_pattern = re.compile(r"(?<![\w+])(?:" + "|".join(map(re.escape, names)) + r")(?![\w+])")

    def _add(self, name: str, entry: Entry) -> None:
        if name.isalpha():  # most names: one plain word
            key = (fold_token(name),)
            entry.caps = (_is_cap_word(name),)
            entry.exact_case = name.isupper() and len(name) <= 5
            self._enter(key, entry)
            return
        words = _TOKEN.findall(name)
        if not words:
            return
        if "".join(words) != re.sub(r"\s", "", name):
            # names with symbols ("2+2", "Japan–Taiwan relations") are found by one regex instead
            old = self._symbol_entries.get(name)
            if old is None or entry.rank >= old.rank:
                self._symbol_entries[name] = entry
            return
        key = tuple(fold_token(w) for w in words)
        if len(key) > 1:
            self._starts.add(key[0])
        entry.caps = tuple(_is_cap_word(w) for w in words)
        entry.exact_case = len(words) == 1 and words[0].isupper() and len(words[0]) <= 5
        if entry.exact_case:
            entry.caps = (True,)
        self._enter(key, entry)
        self.max_len = max(self.max_len, len(key))

    def _enter(self, key: tuple[str, ...], entry: Entry) -> None:
        """Put ``entry`` in the lexicon under ``key``, unless a higher-ranked one is there."""
        old = self.lexicon.get(key)
        if old is not None and old.key == entry.key:
            # the same name spelt twice ("Qing dynasty", "Qing Dynasty"): a capital is needed only where all have one
            old.caps = tuple(x and y for x, y in zip(old.caps, entry.caps))
            old.exact_case = old.exact_case and entry.exact_case
        elif old is None or entry.rank >= old.rank:
            self.lexicon[key] = entry

    # -- lexicon ---------------------------------------------------------------------------------

    def _lookup(self, text: str, tokens: list[Token], i: int) -> tuple[int, Entry] | None:
        """The longest lexicon match starting at token ``i`` (number of tokens, entry)."""
        first = tokens[i]
        if not first.cap and not first.text[:1].isdigit():
            return None
        best = None
        n_max = min(self.max_len, len(tokens) - i)
        folded: list[str] = []
        for n in range(1, n_max + 1):
            tok = tokens[i + n - 1]
            if n > 1 and not self._joined(text, tokens, i + n - 2, i + n - 1):
                break
            folded.append(tok.folded)
            for form in self._forms(tok, folded):
                entry = self.lexicon.get(form)
                if entry is not None and self._case_ok(entry, tokens[i:i + n]):
                    best = (n, entry)
                    break
        return best

    @staticmethod
    def _forms(tok: Token, folded: list[str]) -> Iterable[tuple[str, ...]]:
        yield tuple(folded)
        if tok.base_end != tok.end:
            yield (*folded[:-1], fold_token(tok.base))

    def _case_ok(self, entry: Entry, toks: list[Token]) -> bool:
        if entry.exact_case:
            return toks[0].base.isupper() or toks[0].base.rstrip(".").replace(".", "").isupper()
        for tok, cap in zip(toks, entry.caps):
            if cap and not tok.cap:
                return False
        return True

    def _country_word(self, tok: Token) -> bool:
        entry = self.lexicon.get((fold_token(tok.base),))
        return entry is not None and entry.rank >= 2 and entry.type == PLACE

    @staticmethod
    def _cap_neighbour(tokens: list[Token], tok: Token) -> bool:
        index = tokens.index(tok)
        for other in (tokens[index - 1] if index else None, tokens[index + 1] if index + 1 < len(tokens) else None):
            if other is not None and other.cap and (other.end == tok.start - 1 or other.start == tok.end + 1):
                return True
        return False

    def _known_word(self, word: str) -> bool:
        return (fold_token(word),) in self.lexicon

    def _split_compounds(self, tokens: list[Token]) -> list[Token]:
        """Split hyphenated words whose parts are names ("Japan-Taiwan", "Japan-controlled", "pro-Beijing")."""
        out: list[Token] = []
        for tok in tokens:
            if not _HYPHEN.search(tok.text) or (tok.folded,) in self.lexicon or tok.folded in self._starts:
                out.append(tok)
                continue
            parts = []
            pos = tok.start
            for piece in _HYPHEN.split(tok.text):
                parts.append(Token(pos, pos + len(piece), piece, _is_cap_word(piece)))
                pos += len(piece) + 1
            caps = [p.cap for p in parts]
            known = [self._known_word(p.text) for p in parts]
            lower_prefix = tok.text.casefold().startswith(_LOWER_PREFIXES)
            split = False
            if not caps[0] and any(caps[1:]) and not lower_prefix:
                split = True  # pro-Beijing, anti-Japan
            elif all(caps) and (all(known) or any(self._country_word(p) for p in parts)):
                split = True  # Japan-Taiwan, China-Japan (but not "Okonkwo-Bell")
            elif caps[0] and not caps[-1] and (known[0] or not self._cap_neighbour(tokens, tok)):
                split = True  # Japan-controlled, Scientology-critic (but "Hsieh Pei-fen" stays whole)
            if split and parts[0].text:
                parts[0].initial = tok.initial
                out.extend(p for p in parts if p.text)
            else:
                out.append(tok)
        return out

    # -- recognition -----------------------------------------------------------------------------

    def recognise(self, text: str) -> list[Span]:
        """Entities in ``text`` as spans sorted by start (no overlaps)."""
        tokens = self._split_compounds(tokenize(text))
        # words the story also writes in lower case are ordinary words ("Space Shuttle", "Group G")
        # per story and per thread: the shared recogniser runs in several threads at once
        _per_thread.lower_words = {t.folded for t in tokens if t.text.islower() and len(t.text) > 2
                                   and text[t.start - 1:t.start] in (" ", "\n", "") and _PLAIN_AFTER.match(text, t.end)}
        n = len(tokens)
        anchors: dict[int, tuple[int, Entry]] = {}
        i = 0
        while i < n:
            hit = self._lookup(text, tokens, i)
            if hit:
                anchors[i] = hit
                i += hit[0]
            else:
                i += 1
        found: list[_Found] = []
        deferred: list[_Found] = []
        i = 0
        while i < n:
            tok = tokens[i]
            if not (tok.cap or i in anchors):
                i += 1
                continue
            j = self._run_end(text, tokens, anchors, i)
            self._classify_run(text, tokens, anchors, i, j, found, deferred)
            i = j
        if self._symbol_pattern is not None:
            for match in self._symbol_pattern.finditer(text):
                entry = self._symbol_entries[match.group()]
                found.append(_Found(match.start(), match.end(), entry.type, entry.key, known=True))
        titles = self._title_lines(text, tokens)
        if titles:
            found, deferred = self._trust_titles(text, titles, found, deferred)
        return self._resolve(text, tokens, found, deferred)

    @staticmethod
    def _title_lines(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
        """Lines Written In Title Case (headlines), where capitals say nothing about names."""
        lines: list[tuple[int, int]] = []
        start = 0
        words = capped = 0
        index = 0
        n = len(tokens)
        for end in [*(m.start() for m in re.finditer("\n", text)), len(text)]:
            words = capped = common_capped = common_lower = 0
            first = True
            while index < n and tokens[index].start < end:
                tok = tokens[index]
                if len(tok.text) >= 4 and tok.text.isalpha():
                    words += 1
                    capped += tok.cap
                if tok.folded in _TITLE_FUNCTION_WORDS and not first and not tok.initial:
                    if tok.cap:
                        common_capped += 1
                    else:
                        common_lower += 1
                first = False
                index += 1
            # most words capitalised, function words too ("To", "With", "Its"): a title-case headline
            if words >= 3 and capped >= 0.75 * words and common_capped >= 1 and common_lower <= common_capped:
                lines.append((start, end))
            start = end + 1
        return lines

    @staticmethod
    def _trust_titles(text, titles, found, deferred):
        """In title-case lines keep known names, and names the rest of the story also uses."""
        def in_title(f: _Found) -> bool:
            return any(a <= f.start < b for a, b in titles)

        elsewhere = {text[f.start:f.end] for f in found if not in_title(f)}
        elsewhere |= {text[f.start:f.end] for f in deferred if not in_title(f) and not f.initial}
        kept = [f for f in found if not in_title(f) or f.known or text[f.start:f.end] in elsewhere]
        for f in deferred:
            if in_title(f):
                f.initial = True  # needs the same evidence as a sentence's first word
        return kept, deferred

    def _run_end(self, text: str, tokens: list[Token], anchors: dict, i: int) -> int:
        """Index after the last token of the capitalised run starting at ``i``."""
        n = len(tokens)
        j = i
        while j < n:
            if j in anchors:
                j += anchors[j][0]
            elif tokens[j].cap or (j > i and _INITIAL.match(tokens[j].text)):
                j += 1
            else:
                break
            if j >= n or not self._joined(text, tokens, j - 1, j):
                break
            if tokens[j - 1].base_end != tokens[j - 1].end and tokens[j - 1].folded not in _POSSESSIVE_NAMES \
                    and not self._ending_ahead(text, tokens, j):
                break  # "Tokyo’s officials", "Obama's Secretary" (but "Sheriff's Department" goes on)
            nxt = tokens[j]
            if nxt.cap or j in anchors:
                continue
            # connectors: "of", "of the", "de la", "&", "and"
            k = j
            while k < n and tokens[k].folded in CONNECTORS | {"and"} and k - j < 2 and self._joined(text, tokens, k, k + 1) \
                    and not tokens[k].cap:
                if tokens[k].folded == "the" and (k == j or tokens[k - 1].folded not in OF_CONNECTORS):
                    break
                k += 1
            if k > j and k < n and (tokens[k].cap or k in anchors) and self._joined(text, tokens, j - 1, j):
                j = k
                continue
            break
        return j

    def _ending_ahead(self, text: str, tokens: list[Token], j: int) -> bool:
        """True when the capitalised words from ``j`` end like an organisation or place name."""
        k = j
        while k < len(tokens) and k - j < 4 and tokens[k].cap:
            if tokens[k].folded in ENDINGS and ENDINGS[tokens[k].folded] != PERSON:
                return True
            if not self._joined(text, tokens, k, k + 1):
                break
            k += 1
        return False

    @staticmethod
    def _joined(text: str, tokens: list[Token], a: int, b: int) -> bool:
        if b >= len(tokens):
            return False
        gap = text[tokens[a].end:tokens[b].start]
        if gap == "" or _GAP.fullmatch(gap):
            return True
        return gap == ". " and _INITIAL.match(tokens[a].text) is not None and tokens[a].cap

    def _classify_run(self, text, tokens, anchors, i, j, found, deferred) -> None:
        # split at "and"/"&"/connectors that do not belong to the name
        segments = self._split_connectors(tokens, anchors, i, j)
        for a, b in segments:
            self._classify_segment(text, tokens, anchors, a, b, found, deferred, initial=tokens[a].initial)

    def _split_connectors(self, tokens, anchors, i, j) -> list[tuple[int, int]]:
        """Split a run at connectors that do not join a name ("Sweden and Belgium")."""
        cuts: list[tuple[int, int]] = []  # (index of first connector, index after connectors)
        k = i
        while k < j:
            if k in anchors:
                k += anchors[k][0]
                continue
            if not tokens[k].cap and tokens[k].folded in CONNECTORS | {"and"}:
                m = k
                while m < j and not tokens[m].cap and m not in anchors:
                    m += 1
                words = {t.folded for t in tokens[k:m]}
                before = tokens[k - 1]
                ok = True
                if words & {"and", "&"}:
                    ok = self._has_ending(tokens, m, j) and not (k - 1 in anchors or self._anchor_ends_at(anchors, k))
                elif words & OF_CONNECTORS:
                    head = before.folded
                    ok = head in ENDINGS or head in ROLES
                if not ok:
                    cuts.append((k, m))
                k = m
                continue
            k += 1
        segments = []
        start = i
        for a, b in cuts:
            segments.append((start, a))
            start = b
        segments.append((start, j))
        return [(a, b) for a, b in segments if b > a]

    @staticmethod
    def _anchor_ends_at(anchors: dict, k: int) -> bool:
        return any(s + n == k for s, (n, _) in anchors.items() if s < k)

    @staticmethod
    def _has_ending(tokens, a, b) -> bool:
        if b <= a:
            return False
        return tokens[b - 1].folded in ENDINGS

    def _classify_segment(self, text, tokens, anchors, a, b, found, deferred, initial=False,
                          forced_person=False, left_of_role=False) -> None:
        # trim leading function words ("The", "Meanwhile", "Both") unless a known name starts there;
        # nationality words and ordinals stay when the run ends like a name ("Indonesian Navy")
        while a < b and a not in anchors and self._droppable(tokens[a]):
            if (tokens[a].folded in DEMONYMS or tokens[a].folded in _NAME_STARTERS) and tokens[a].cap \
                    and b - a >= 2 and self._ending_kind(tokens, anchors, a + 1, b):
                break
            a += 1
            initial = False
        while b > a and not tokens[b - 1].cap and (b - 1) not in anchors and not self._anchor_covers(anchors, b - 1):
            b -= 1
        if a >= b:
            return
        # one known name
        if a in anchors and anchors[a][0] == b - a:
            entry = anchors[a][1]
            if not forced_person or entry.type == PERSON or entry.rank == 3:
                found.append(self._from_entry(tokens, a, b, entry))
                return
        # titles and roles split the run: what follows the last role is a person
        role_at = None
        k = a
        while k < b:
            if k in anchors:
                k += anchors[k][0]
                continue
            if tokens[k].folded.rstrip(".") in ROLES and tokens[k].cap and k + 1 < b:
                role_at = k
            k += 1
        if role_at is not None and not self._has_strong_ending(tokens, anchors, a, b):
            r = role_at
            left_end = r
            while left_end > a and tokens[left_end - 1].folded.rstrip(".") in (ROLES | _TITLE_MODIFIERS) \
                    and (left_end - 1) not in anchors:
                left_end -= 1
            if left_end > a:
                self._classify_segment(text, tokens, anchors, a, left_end, found, deferred, initial=initial,
                                       left_of_role=True)
            if tokens[role_at + 1].folded in CONNECTORS:  # "Co-founder of Google", "Minister of Defence"
                self._classify_segment(text, tokens, anchors, role_at + 2, b, found, deferred, left_of_role=True)
            else:
                self._classify_segment(text, tokens, anchors, role_at + 1, b, found, deferred, forced_person=True)
            return
        if forced_person:
            # a known place or organisation right after a role word is not the person
            if a in anchors and anchors[a][0] == b - a:
                found.append(self._from_entry(tokens, a, b, anchors[a][1]))
                return
            if b - a == 1 and tokens[a].folded in COMMON | CALENDAR | DEMONYMS:
                return
            found.append(_Found(tokens[a].start, tokens[b - 1].base_end, PERSON, None, tokens[a:b], forced_person=True))
            return
        # a name ending tells the kind of the whole run
        kind = self._ending_kind(tokens, anchors, a, b)
        if kind:
            found.append(_Found(tokens[a].start, tokens[b - 1].base_end, kind, None, tokens[a:b], initial=initial))
            return
        # split around known names inside the run; cities only count as a whole run
        pieces: list[tuple[int, int]] = []
        k = a
        last = a
        while k < b:
            if k in anchors:
                n, entry = anchors[k]
                given = k == a and n == 1 and b - a >= 2 and tokens[k].folded in GIVEN_NAMES and entry.rank < 3
                if given:  # "Jordan Henderson", "Georgia Smith": a first name, not the country
                    k += n
                    continue
                if entry.rank >= 2 or (k == a and k + n == b):
                    if k > last:
                        pieces.append((last, k))
                    found.append(self._from_entry(tokens, k, k + n, entry))
                    last = k + n
                k += n
                continue
            k += 1
        if last < b:
            pieces.append((last, b))
        for p, q in pieces:
            if q - p == 1 and tokens[p].folded in _PLACE_MODIFIERS and q < b and q in anchors \
                    and anchors[q][1].type == PLACE and found and found[-1].start == tokens[q].start:
                found[-1].start = tokens[p].start  # "Greater China", "Southern California"
                found[-1].key = None
                found[-1].known = False
                continue
            self._classify_residual(text, tokens, p, q, found, deferred, initial and p == a, left_of_role)

    def _anchor_covers(self, anchors, k) -> bool:
        return any(s <= k < s + n for s, (n, _) in anchors.items())

    def _droppable(self, tok: Token) -> bool:
        low = tok.folded
        base = fold_token(tok.base)
        return (low in COMMON or low in CALENDAR or low in NOT_NAMES or base in CALENDAR
                or (not tok.cap) or low in CONNECTORS or (low in DEMONYMS) or (low.rstrip("s") in DEMONYMS)
                or (base in DEMONYMS))

    def _has_strong_ending(self, tokens, anchors, a, b) -> bool:
        last = tokens[b - 1].folded
        return b - a >= 2 and last in ENDINGS and last not in ROLES

    def _ending_kind(self, tokens, anchors, a, b) -> str | None:
        words = [t.folded for t in tokens[a:b]]
        last = b - 1
        while last > a and (_ROMAN.fullmatch(tokens[last].text) or tokens[last].text[:1].isdigit()):
            last -= 1
        heads = [fold_token(tokens[last].base)]
        for idx, w in enumerate(words[1:], 1):
            if w in OF_CONNECTORS:
                heads.append(words[idx - 1])
                break
        for head in heads:
            kind = ENDINGS.get(head)
            if kind is None:
                continue
            if b - a == 1:
                return None  # "Party", "Army" alone are ordinary words
            if head in WEAK_ENDINGS and (b - a < 2 or tokens[a].folded in COMMON):
                continue
            return kind
        return None

    def _classify_residual(self, text, tokens, a, b, found, deferred, initial, left_of_role) -> None:
        while a < b and self._droppable(tokens[a]):
            a += 1
            initial = False
        while b > a and not tokens[b - 1].cap:
            b -= 1
        if a >= b:
            return
        if b - a > 1 and fold_token(tokens[b - 1].base).rstrip(".") in ROLES:
            return  # "Los Angeles County Sheriff", "NASA Administrator": a title, not a name
        toks = tokens[a:b]
        start, end = toks[0].start, toks[-1].base_end
        if b - a == 1:
            deferred.append(_Found(start, end, None, None, toks, initial=initial, left_of_role=left_of_role))
            return
        if toks[0].folded in GIVEN_NAMES and not toks[-1].is_upper:
            found.append(_Found(start, end, PERSON, None, toks, initial=initial))
            return
        for i in range(a + 1, b - 1):
            if tokens[i].folded in GIVEN_NAMES and not tokens[b - 1].is_upper:
                # "Nonpartisan Paul Tse", "Ottawa lawyer Anne Lee": the name starts at the given name
                self._classify_residual(text, tokens, a, i, found, deferred, initial, True)
                found.append(_Found(tokens[i].start, end, PERSON, None, tokens[i:b]))
                return
        before = text[max(0, start - 5):start]
        after_the = before.endswith(("the ", "The "))  # people are seldom "the Red Cross"
        if any(t.is_upper for t in toks) or left_of_role or any(self._country_word(t) for t in toks) \
                or any(t.folded in _per_thread.lower_words for t in toks) or after_the:
            found.append(_Found(start, end, ORG, None, toks))
            return
        found.append(_Found(start, end, PERSON, None, toks, initial=initial))

    def _from_entry(self, tokens, a, b, entry: Entry) -> _Found:
        found = _Found(tokens[a].start, tokens[b - 1].base_end, entry.type, entry.key, tokens[a:b], known=True)
        found.weak = entry.rank == 1 and b - a == 1
        return found

    # -- the story as a whole --------------------------------------------------------------------

    def _resolve(self, text: str, tokens: list[Token], found: list[_Found], deferred: list[_Found]) -> list[Span]:
        # keys for names without a note
        for f in found:
            if f.key is None:
                f.key = make_id(text[f.start:f.end])
        acronyms: dict[str, _Found] = {}
        short: dict[str, _Found] = {}
        by_surface: dict[str, _Found] = {}
        # people whose name starts with a given name lend their short forms first ("Warhol" → Andy Warhol)
        order = sorted(found, key=lambda f: (not (f.type == PERSON and f.tokens and f.tokens[0].folded in GIVEN_NAMES),
                                             f.start))
        for f in order:
            surface = text[f.start:f.end]
            words = [w for w in _TOKEN.findall(surface)]
            # "Liberal Democratic Party (LDP)" / "[KPA]"
            after = re.match(r"\s*[(\[]\s*([A-Z][A-Za-z.&]{1,9})\s*[)\]]", text[f.end:f.end + 16])
            if after and after.group(1).upper() == after.group(1):
                acronyms.setdefault(after.group(1), f)
            caps = [w for w in words if w[:1].isupper() and fold_token(w) not in CONNECTORS]
            if len(caps) >= 2 and f.type != PERSON:
                acronyms.setdefault("".join(w[0] for w in caps), f)
            if f.type == PERSON and len(words) >= 2:
                for w in (words[0], words[-1]):
                    low = fold_token(w)
                    if not (low in ROLES or low in CONNECTORS or low in COMMON or low in ENDINGS or w.isupper()):
                        short.setdefault(w, f)
            if not f.initial:
                by_surface.setdefault(surface, f)
        for f in found:
            if f.weak:
                person = short.get(text[f.start:f.end])
                if person is not None:
                    f.type, f.key = PERSON, person.key
        surface_counts = Counter(text[f.start:f.end] for f in deferred if not f.initial)
        for f in deferred:
            word = text[f.start:f.end]
            tok = f.tokens[0]
            low = fold_token(word)
            if low in DEMONYMS or low.rstrip("s") in DEMONYMS or low in NOT_NAMES or low in CALENDAR:
                continue
            if low in STANDALONE_EVENTS:
                found.append(_Found(f.start, f.end, EVENT, make_id(word), f.tokens))
                continue
            if low in ROLES or (low in ENDINGS and not tok.is_upper) or _ROMAN.fullmatch(word):
                continue
            if low.endswith("ing") and not tok.is_upper and word not in short:
                continue  # "Refusing", "Planning": a capitalised gerund is not a name
            target = acronyms.get(word) or short.get(word) or by_surface.get(word)
            if target is None and not tok.is_upper and (low in _per_thread.lower_words or (
                    low.endswith(_ADJECTIVE_ENDINGS) and low not in GIVEN_NAMES and len(low) > 5)):
                continue  # "Tourism" when the story also says "tourism"; "Gabonese", "Texans", "Hellenic"
            if text[f.end:f.end + 1] == ":" and target_free(acronyms, short, by_surface, word):
                continue  # "Image:", "Update:" labels
            target = acronyms.get(word) or short.get(word) or by_surface.get(word)
            if target is not None and target.type is not None:
                found.append(_Found(f.start, f.end, target.type, target.key, f.tokens))
                continue
            if f.initial:
                # a capitalised first word is a name only when the story also uses it mid-sentence
                if surface_counts.get(word, 0) == 0 or low in COMMON or re.search(r"\b" + re.escape(low) + r"\b", text) :
                    continue
            kind = self._single_kind(text, tokens, tok, f)
            f.type = kind
            f.key = make_id(word)
            found.append(f)
            if not f.initial:
                by_surface.setdefault(word, f)
        if self._is_sports(text):
            for f in found:
                if f.type == PLACE and f.key and f.known and len(f.tokens) <= 2:
                    prev = text[max(0, f.start - 12):f.start].split()
                    if not prev or fold_token(prev[-1]) not in _PLACE_PREPOSITIONS | {"at", "to", "of", "and"}:
                        f.type, f.key = ORG, f"{f.key}-team"
        # one type per entity key: the first confident mention decides
        spans: list[Span] = []
        key_type: dict[str, str] = {}
        for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
            if f.type is None:
                continue
            key_type.setdefault(f.key, f.type)
        last_end = -1
        for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
            if f.type is None or f.start < last_end or f.end <= f.start:
                continue
            spans.append(Span(f.start, f.end, key_type.get(f.key, f.type), f.key))
            last_end = f.end
        return spans

    @staticmethod
    def _is_sports(text: str) -> bool:
        """A match report: national teams are named after their countries (and are organisations)."""
        cues = {m.group().casefold() for m in _SPORT_CUES.finditer(text)}
        return len(cues) >= 4

    def _single_kind(self, text: str, tokens: list[Token], tok: Token, f: _Found) -> str:
        if tok.is_upper:
            return ORG
        if tok.folded in GIVEN_NAMES:
            return PERSON
        if f.left_of_role:
            return ORG
        before = text[max(0, tok.start - 30):tok.start].split()
        after = text[tok.end:tok.end + 30].split()
        prev = fold_token(before[-1]) if before else ""
        nxt = fold_token(after[0]).strip(",.;:") if after else ""
        if prev in _PLACE_PREPOSITIONS:
            return PLACE
        if nxt in _SPEECH_VERBS or prev.rstrip(",") in ("said", "says"):
            return PERSON
        return ORG




def target_free(*maps: dict) -> bool:
    """True when none of the maps knows the word (the last argument)."""
    *tables, word = maps
    return all(word not in table for table in tables)
