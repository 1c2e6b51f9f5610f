"""The Whoosh schema of the library index and the analyzer shared with find-in-article.

Only the public ``whoosh`` API is used, so either distribution (``whoosh`` 2.7.4 or
``whoosh-reloaded`` 2.7.5, same import name and on-disk format) works.
"""

from __future__ import annotations

import re
from functools import lru_cache

from whoosh import fields
from whoosh.analysis import STOP_WORDS, SimpleAnalyzer, StemmingAnalyzer, Token, Tokenizer, default_pattern
from whoosh.lang.porter import stem

# Bump when the schema, the analyzer or what is indexed changes: an index built with
# another version is rebuilt (with a message) the next time it is opened.
SCHEMA_VERSION = 3

TITLE_BOOST = 2.0
STOP_MINSIZE = 2

_ENTITY_SLUG = re.compile(r"[^\w]+")


class FastStemAnalyzer(Tokenizer):
    """Whoosh's ``StemmingAnalyzer(minsize=2)`` in one step (a test checks they agree).

    Words, lower case, English stop words removed (positions renumbered), Porter stems,
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
                if len(_TERMS) > _TERMS_MAX:
                    _TERMS.clear()
                term = _TERMS[word] = term_of(word)
            if term is None:
                if removestops:
                    continue
                token.stopped = True
                token.text = word.lower()
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


def make_analyzer():
    """The body/title analyzer: words, lower case, English stop words, Porter stems."""
    return FastStemAnalyzer()


def standard_analyzer():
    """The Whoosh chain that ``FastStemAnalyzer`` reproduces."""
    return StemmingAnalyzer(minsize=STOP_MINSIZE)


def make_schema() -> fields.Schema:
    """The schema of the library index.

    - ``id``: the article id (unique, stored)
    - ``title``: boosted, stemmed; ``body``: stemmed, with positions (phrases). No
      separate spelling field: it doubled the build time; "did you mean" corrects
      against the body's terms and shows a word form found in a matching story
    - ``source``, ``published``: for ``source:`` and ``published:[2020 TO 2021]``
    - ``entity``/``entity_type``: keyword fields fed by the entity recogniser, so
      ``entity:hua_chunying`` finds every story mentioning her
    - ``path``, ``published_text``: stored only, to show hits; ``body_z``: the body,
      zlib-compressed, so snippets need no file read and no parsing (about 40% of
      the body's size)
    """
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=ANALYZER, field_boost=TITLE_BOOST, stored=True),
        body=fields.TEXT(analyzer=ANALYZER, phrase=True),
        source=fields.TEXT(analyzer=SimpleAnalyzer(), stored=True),
        published=fields.DATETIME(),
        published_text=fields.STORED(),
        entity=fields.KEYWORD(lowercase=True, commas=True, scorable=True),
        entity_type=fields.KEYWORD(lowercase=True, commas=True),
        path=fields.STORED(),
        body_z=fields.STORED(),
    )


def entity_slug(name: str) -> str:
    """The indexed form of an entity key: lower case, runs of non-word characters as ``_``.

    ``"Hua Chunying"``, ``"hua-chunying"`` and ``"hua_chunying"`` all become ``hua_chunying``.
    """
    return _ENTITY_SLUG.sub("_", name.strip().lower()).strip("_")


# --- the analyzer, re-done for speed on whole article bodies --------------------------
# Highlighting ten hits or finding words in a 10,000-word story must take a few
# milliseconds, so ``iter_terms`` mirrors ANALYZER (same pattern, stop list, minimum
# size and stemmer; a test checks they agree) without building Token objects.

_WORD = re.compile(default_pattern.pattern if hasattr(default_pattern, "pattern") else default_pattern, re.UNICODE)
_STOP = frozenset(STOP_WORDS)


@lru_cache(maxsize=200_000)
def term_of(word: str) -> str | None:
    """The index term of one word (``None`` for a stop word or a too-short word)."""
    lower = word.lower()
    if len(lower) < STOP_MINSIZE or lower in _STOP:
        return None
    return stem(lower)


_TERMS: dict[str, str | None] = {}
_TERMS_MAX = 500_000


def iter_terms(text: str):
    """Yield ``(term, start, end)`` for each indexed word of ``text``, offsets into ``text``."""
    get = _TERMS.get
    for match in _WORD.finditer(text):
        word = match.group()
        term = get(word, "")
        if term == "":
            if len(_TERMS) > _TERMS_MAX:
                _TERMS.clear()
            term = _TERMS[word] = term_of(word)
        if term is not None:
            start, end = match.span()
            yield term, start, end


def analyze(text: str) -> list[str]:
    """The index terms of ``text`` (for a query word: usually one)."""
    return [t.text for t in ANALYZER(text)]


ANALYZER = make_analyzer()
