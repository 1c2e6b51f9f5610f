"""The Whoosh schema of the library index and the analyzer shared with find-in-article.

Only Whoosh's public modules are used (no underscore names), extending its documented
points (a format, a weighting model, a collector, a matcher); a few of those extensions
read attributes the classes do not document (``TopCollector.items``/``minscore``,
``RequireMatcher.a``/``b``/``child``). Both ``whoosh`` 2.7.4 and ``whoosh-reloaded``
2.7.5 (same import name and on-disk format) have them; pyproject pins ``<2.8``.
"""

from __future__ import annotations

import re
import struct
import sys
from array import array
from functools import lru_cache
from itertools import accumulate

from whoosh import fields, formats
from whoosh.analysis import (STOP_WORDS, CharsetFilter, Filter, RegexTokenizer, SimpleAnalyzer, StemFilter, StopFilter,
                             Token, Tokenizer)
from whoosh.lang.porter2 import stem
from whoosh.support.charset import accent_map

from reader.search.codec import CompactCodec, quantise
from reader.search.dossier_fields import dossier_schema_fields
from reader.text import CJK_CHARACTERS, fold_name

# Bump when the schema, the analyzer or what is indexed changes: an index built with
# another version is rebuilt (with a message) the next time it is opened.
SCHEMA_VERSION = 10  # 5: Snowball English stems, compact postings, body stored as text; 6: the dossier's fields;
# 7: accents folded ("Māori" is found by "maori"); 8: stories in composed Unicode (NFC), entity keys with accents folded;
# 9: words folded as names are ("İstanbul" is found by "istanbul"); 10: the byline indexed with the body, a run of
# Chinese or Japanese characters a word apart from Latin letters beside it

TITLE_WEIGHT = 2.0  # a word in the title counts as this many in the body (BM25F)
TITLE_GAP = 100  # positions between the title and the body in the body field
STOP_MINSIZE = 2
BM25_K1 = 1.2  # Whoosh's BM25F defaults
BM25_B = 0.75
BODY_AVERAGE_TERMS = 300  # indexed words (stop words left out) of a typical news story
TITLE_AVERAGE_TERMS = 7
BLOCK_POSTINGS = 32
_BIG_ENDIAN = sys.byteorder == "big"
_ONE_SHORT = struct.Struct("<BH")  # a posting with one position: its size byte and the position
_ONE_INT = struct.Struct("<BI")



class FastStemAnalyzer(Tokenizer):
    """Whoosh's ``StemmingAnalyzer(minsize=2)`` in one step (a test checks they agree).

    Words, lower case, English stop words removed (positions renumbered), Snowball
    English (Porter2) stems,
    with a cache of word -> term. The standard analyzer chains four generators per
    token; doing it in one loop makes building the index markedly faster.
    """

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            words = [(value, 0, len(value))]
            matches = None
        else:
            matches = _WORD.finditer(value)
            words = None
        get = _TERMS.get
        original = start_pos - 1  # the tokenizer's position
        pos = None  # StopFilter(renumber=True): kept words count on from the first kept one
        for item in (matches if words is None else words):
            original += 1
            word = item.group() if words is None else item[0]
            term = get(word, "")
            if term == "":
                term = _remember(word)
            if term is None:
                if removestops:
                    continue
                token.stopped = True
                token.text = plain_word(word)
                if positions:
                    token.pos = original
            else:
                token.stopped = False
                token.text = term
                if positions:
                    pos = original if pos is None else pos + 1
                    token.pos = pos
            token.boost = 1.0
            if keeporiginal:
                token.original = word
            if chars:
                start, end = item.span() if words is None else (item[1], item[2])
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token

    def has_morph(self):
        return True


class ImpactPositions(formats.Positions):
    """Whoosh's ``Positions`` format whose posting weight is the BM25 term impact.

    A posting's weight is ``tf·(k1+1) / (tf + k1·(1 − b + b·length/average))`` (times the
    field boost), computed once when the story is indexed, with a fixed average length.
    A query then scores a story as ``idf × weight`` (``reader.search.scoring``): no
    per-story length lookup, and each block's largest weight bounds its scores
    exactly, so Whoosh's block-max skipping passes over the blocks that cannot make
    the top ten. Positions are those of ``Positions`` with the standard analyzer.

    A ``(title, body)`` pair is indexed as one field, as BM25F does: a title word
    counts ``TITLE_WEIGHT`` times, and the body's positions start ``TITLE_GAP`` after
    the title's (no phrase spans the two). So a search for words reads one posting
    list per word, where a title-or-body query reads two and cannot skip blocks.
    """

    def __init__(self, field_boost: float = 1.0, average_length: float = BODY_AVERAGE_TERMS, **options) -> None:
        super().__init__(field_boost=field_boost, **options)
        self.average_length = float(average_length)

    def encode(self, poslist: list[int]) -> bytes:
        """The positions as differences, 2 bytes each (4 in a story of over 65,535
        words), after one byte giving that size. (Whoosh's ``Positions`` pickles
        them, one Python step and several bytes per position.)"""
        if len(poslist) == 1:  # most words of a story
            return _ONE_SHORT.pack(2, poslist[0]) if poslist[0] <= 0xFFFF else _ONE_INT.pack(4, poslist[0])
        deltas = [b - a for a, b in zip((0, *poslist), poslist)]
        wide = max(deltas, default=0) > 0xFFFF
        packed = array("I" if wide else "H", deltas)
        if _BIG_ENDIAN:
            packed.byteswap()
        return (b"\x04" if wide else b"\x02") + packed.tobytes()

    def decode_frequency(self, valuestring: bytes) -> int:
        return (len(valuestring) - 1) // valuestring[0]

    def decode_positions(self, valuestring: bytes) -> list[int]:
        deltas = array("I" if valuestring[0] == 4 else "H")
        deltas.frombytes(valuestring[1:])
        if _BIG_ENDIAN:
            deltas.byteswap()
        return list(accumulate(deltas))

    def impact(self, frequency: float, length: float) -> float:
        """The weight of a term seen ``frequency`` times in a field of ``length`` words."""
        norm = BM25_K1 * (1 - BM25_B + BM25_B * length / self.average_length)
        return self.field_boost * frequency * (BM25_K1 + 1) / (frequency + norm)

    def word_values(self, value, analyzer, **kwargs):
        if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
            title = self._positions(value[0], analyzer, kwargs)
            start = max((p[-1] for p in title.values()), default=-1) + 1 + TITLE_GAP
            body = self._positions(value[1], analyzer, {**kwargs, "start_pos": start})
        else:
            title, body = {}, self._positions(value, analyzer, kwargs)
        length = TITLE_WEIGHT * sum(len(p) for p in title.values()) + sum(len(p) for p in body.values())
        weights: dict[float, float] = {}  # frequency -> quantised impact (few distinct ones)
        encode = self.encode
        for term, in_body in body.items():
            in_title = title.get(term)
            if in_title is None:
                frequency, positions = len(in_body), in_body
            else:
                frequency, positions = TITLE_WEIGHT * len(in_title) + len(in_body), [*in_title, *in_body]
            weight = weights.get(frequency)
            if weight is None:
                weight = weights[frequency] = quantise(self.impact(frequency, length))
            yield term, len(positions), weight, encode(positions)
        for term, in_title in title.items():
            if term not in body:
                yield term, len(in_title), quantise(self.impact(TITLE_WEIGHT * len(in_title), length)), encode(in_title)

    @staticmethod
    def _positions(value, analyzer, kwargs) -> dict[str, list[int]]:
        if isinstance(analyzer, FastStemAnalyzer) and isinstance(value, str) and kwargs.get("tokenize", True):
            return term_positions(value, kwargs.get("start_pos", 0))
        poses: dict[str, list[int]] = {}  # any other analyzer: the standard way, through tokens
        for token in formats.tokens(value, analyzer, {**kwargs, "positions": True}):
            poses.setdefault(token.text, []).append(token.pos)
        return poses


def term_positions(text: str, start_pos: int = 0) -> dict[str, list[int]]:
    """Each index term of ``text`` with its word positions, as ``FastStemAnalyzer``
    numbers them (stop words left out and the positions after them renumbered)."""
    poses: dict[str, list[int]] = {}
    get = _TERMS.get
    position = None
    for original, word in enumerate(_WORDS.findall(text), start_pos):
        term = get(word, "")
        if term == "":
            term = _remember(word)
        if term is None:
            continue
        position = original if position is None else position + 1
        found = poses.get(term)
        if found is None:
            poses[term] = [position]
        else:
            found.append(position)
    return poses


WORD_PATTERN = rf"[^\W{CJK_CHARACTERS}]+(?:\.?[^\W{CJK_CHARACTERS}]+)*|[{CJK_CHARACTERS}]+"
"""Whoosh's words (``\\w+(\\.?\\w+)*``), with a run of Chinese or Japanese characters a word of its
own: "DeepMind的AlphaGo" was one word, so "DeepMind" found none of its stories."""


def make_analyzer():
    """The body/title analyzer: words, lower case, accents folded (Whoosh's ``accent_map``:
    "Māori" is found by "maori", as SQLite FTS5 finds it), English stop words, Snowball
    English (Porter2) stems, as tantivy's ``en_stem`` (see ``STEMMER``)."""
    return FastStemAnalyzer()


def standard_analyzer():
    """The Whoosh chain that ``FastStemAnalyzer`` reproduces (Whoosh's ``StemmingAnalyzer``
    with its ``CharsetFilter`` for accents)."""
    return (RegexTokenizer(WORD_PATTERN) | NameFoldFilter() | CharsetFilter(accent_map)
            | StopFilter(minsize=STOP_MINSIZE) | StemFilter(stemfn=stem))


class NameFoldFilter(Filter):
    """Whoosh's ``LowercaseFilter`` folding as names are compared (``reader.text.fold_name``:
    "Strauß" is "strauss", "İstanbul" "istanbul", "ﬁle" "file")."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = fold_name(token.text)
            yield token


def make_schema() -> fields.Schema:
    """The schema of the library index.

    - ``id``: the article id (unique, stored)
    - ``body``: the title and the body, stemmed, with positions (phrases) and BM25
      impacts, a title word counting ``TITLE_WEIGHT`` times (``ImpactPositions``):
      plain words are searched here; ``title``: the title alone, for ``title:``. No
      separate spelling field: it doubled the build time; "did you mean" corrects
      against the body's terms and shows a word form found in a matching story
    - ``source``, ``published``: for ``source:`` and ``published:[2020 TO 2021]``
    - ``entity``/``entity_type``: keyword fields fed by the entity recogniser, so
      ``entity:hua_chunying`` finds every story mentioning her
    - ``path``, ``published_text``: stored only, to show hits; ``body_text``: the body,
      so snippets need no file read and no parsing (Whoosh compresses each story's
      stored fields together; a body compressed beforehand was pickled as latin-1
      text and took a quarter more room)
    """
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=impact_text(1.0, TITLE_AVERAGE_TERMS, stored=True),
        body=impact_text(1.0, BODY_AVERAGE_TERMS),
        source=fields.TEXT(analyzer=SimpleAnalyzer(), stored=True),
        published=fields.DATETIME(),
        published_text=fields.STORED(),
        entity=fields.KEYWORD(lowercase=True, commas=True, scorable=True),
        entity_type=fields.KEYWORD(lowercase=True, commas=True),
        path=fields.STORED(),
        body_text=fields.STORED(),
        **dossier_schema_fields(),
    )


def impact_text(boost: float, average_length: float, stored: bool = False) -> fields.TEXT:
    """A stemmed text field with positions whose postings carry BM25 impacts.

    (It stays ``scorable``: Whoosh then keeps per-story lengths it does not need, but
    without them it looks for the missing length file once for every posting written.)
    """
    field = fields.TEXT(analyzer=ANALYZER, phrase=True, stored=stored)
    field.format = ImpactPositions(field_boost=boost, average_length=average_length)
    return field


def make_codec() -> CompactCodec:
    """Whoosh's codec with blocks of ``BLOCK_POSTINGS`` postings (Whoosh's default is
    128), compressed at zlib level 1 (Whoosh's is 3).

    Block-max skipping passes over a block whose best story cannot make the top ten;
    the smaller the block, the closer that bound, and the fewer stories are scored.
    Level 1 makes the index as small as level 3 did here, for less CPU.
    """
    return CompactCodec(blocklimit=BLOCK_POSTINGS, compression=1)


# --- the analyzer, re-done for speed on whole article bodies --------------------------
# Highlighting ten hits or finding words in a 10,000-word story must take a few
# milliseconds, so ``iter_terms`` mirrors ANALYZER (same pattern, stop list, minimum
# size and stemmer; a test checks they agree) without building Token objects.

_WORD = re.compile(WORD_PATTERN, re.UNICODE)
# the same pattern without capturing groups, for ``findall`` (whole words, no groups)
_WORDS = re.compile(re.sub(r"\((?!\?)", "(?:", _WORD.pattern), re.UNICODE)
_STOP = frozenset(STOP_WORDS)


def plain_word(word: str) -> str:
    """``word`` folded as names are compared (``fold_name``: "Strauß" is "strauss",
    "İstanbul" "istanbul") and by Whoosh's ``accent_map`` (letters that do not decompose:
    "ø", "ł"): the form the index's terms are made from (a prefix or a fuzzy word is compared
    with the terms in it)."""
    return word.lower() if word.isascii() else fold_name(word).translate(accent_map)


@lru_cache(maxsize=200_000)
def term_of(word: str) -> str | None:
    """The index term of one word (``None`` for a stop word or a too-short word)."""
    lower = plain_word(word)
    if len(lower) < STOP_MINSIZE or lower in _STOP:
        return None
    return stem(lower)


_TERMS: dict[str, str | None] = {}
_TERMS_MAX = 500_000


def _remember(word: str) -> str | None:
    """``term_of(word)``, kept in the word -> term cache the analyzers read first."""
    if len(_TERMS) > _TERMS_MAX:
        _TERMS.clear()
    term = _TERMS[word] = term_of(word)
    return term


def iter_terms(text: str, start: int = 0):
    """Yield ``(term, start, end)`` for each indexed word of ``text`` (from the word that
    begins at ``start``), offsets into ``text``."""
    get = _TERMS.get
    for match in _WORD.finditer(text, start):
        word = match.group()
        term = get(word, "")
        if term == "":
            term = _remember(word)
        if term is not None:
            start, end = match.span()
            yield term, start, end


def term_at(text: str, start: int) -> tuple[str, int, int] | None:
    """``(term, start, end)`` of the indexed word that begins at ``start`` as ``iter_terms``
    would find it (``None`` for a stop word, or where no word of its begins: inside a
    word, or after a full stop inside one, as in "U.S")."""
    if start and (text[start - 1].isalnum() or text[start - 1] == "_" or (
            text[start - 1] == "." and start > 1 and (text[start - 2].isalnum() or text[start - 2] == "_"))):
        return None
    match = _WORD.match(text, start)
    if match is None:
        return None
    word = match.group()
    term = _TERMS.get(word, "")
    if term == "":
        term = _remember(word)
    return None if term is None else (term, start, match.end())


ANALYZER = make_analyzer()
