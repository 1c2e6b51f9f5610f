"""prefix*, wildcard and fuzzy~ words, expanded into the index words they stand for.

A prefix stands for every index word that starts with it (no cap: ``str*`` matches
every story with a word beginning "str", as in FTS5 and tantivy), plus the stems that
the typed prefix extends ("negotiat*" also finds the stem "negoti"). A fuzzy word keeps
its ``MAX_FUZZY_WORDS`` most common neighbours, and says so. An expansion over many
words or postings is not ranked (``UnscoredOr``), so the search can stop at the first
``limit`` stories, as Lucene's constant-score rewrite does; its count is then an
estimate, marked as one.
"""

from __future__ import annotations

import math
import weakref

from whoosh import matching
from whoosh import query as wq
from whoosh.reading import TermNotFound
from whoosh.util import make_binary_tree

from reader.search.dossier_fields import named_in_column
from reader.search.snippets import TEXT_FIELDS
from reader.search.schema import plain_word, term_of

MAX_FUZZY_WORDS = 64  # fuzzy~ searches the closest words within its edits (then the most common)
SCORED_POSTINGS = 20_000  # above this many postings an expansion is not ranked (see expand_query)
SCORED_WORDS = 16  # nor when it has more words than this (a union of many is slow to rank)
HEAD_WORDS = 8  # an unranked union reads its other words' stories into one list up front


class UnscoredOr(wq.Or):
    """An ``Or`` whose matches are not ranked: its matcher is built without weighting,
    lazily (unlike ``ConstantScoreQuery``, which reads every match up front, or Whoosh's
    automatic choice, which preloads every match of a big ``Or`` on a small segment)."""

    matcher_type = wq.Or.DEFAULT_MATCHER

    def __init__(self, subqueries, boost=1.0, frequencies=None, prefix=None, **kwargs):
        super().__init__(subqueries, boost=boost, **kwargs)
        self.frequencies = frequencies  # each word's story count, when known
        self.prefix = prefix
        """The prefix the words were expanded from (``None`` for a fuzzy word's): a snippet
        marks every word beginning with it rather than looking for hundreds of words."""

    def matcher(self, searcher, context=None):
        """A union of the ``HEAD_WORDS`` most common words' matchers and one list of the
        other words' stories (read up front: they are rare). A tree of thousands of
        matchers (``str*``) costs thousands of steps for each story an ``AND`` checks."""
        context = context.set(weighting=None) if context is not None else searcher.boolean_context()
        subs = self.subqueries
        if len(subs) <= 2 * HEAD_WORDS:
            return super().matcher(searcher, context)
        matchers = [m for m in (q.matcher(searcher, context) for q in subs[:HEAD_WORDS]) if m.is_active()]
        rest = self._rest(searcher, context)
        if rest:
            matchers.append(matching.ListMatcher(rest, all_weights=0.0))
        if not matchers:
            return matching.NullMatcher()
        return make_binary_tree(matching.UnionMatcher, matchers)

    def _rest(self, searcher, context) -> list[int]:
        """The stories of the words after the ``HEAD_WORDS`` most common, in order (read once
        per index reader and words)."""
        tail = self.subqueries[HEAD_WORDS:]
        cache = _TAILS.setdefault(searcher.reader(), {})
        key = tuple(str(q) for q in tail)
        rest = cache.get(key)
        if rest is None:
            found: set[int] = set()
            for q in tail:
                found.update(q.matcher(searcher, context).all_ids())
            if len(cache) >= 4:
                cache.clear()
            rest = cache[key] = sorted(found)
        return rest

    def _postings(self, reader, words: slice):
        """``(postings, story count or None)`` of each of the words (of ``words``, a slice of
        them, most common first) that a segment's ``reader`` holds, looked up one at a time
        (no scorer, no "in" first; deleted stories do no harm to a yes-or-no question)."""
        frequencies = self.frequencies or [None] * len(self.subqueries)
        for word, frequency in zip(self.subqueries[words], frequencies[words], strict=True):
            try:
                matcher = reader.postings(word.fieldname, word.text)
            except TermNotFound:
                continue
            if matcher.is_active():
                yield matcher, frequency

    def word_postings(self, searcher, words: slice = slice(None)) -> list:
        """The postings of the words (of ``words``, a slice of them, most common first) in a
        segment, the words it lacks left out."""
        return [matcher for matcher, _ in self._postings(searcher.reader(), words)]

    def holding(self, searcher, docs: list[int], words: slice = slice(None)) -> list[int]:
        """The stories of ``docs`` (a segment's, ascending) that hold any of the words (of
        ``words``, a slice of them, most common first). Each word settles the stories still
        open: a common word's postings are skipped to along them, a rare word's few stories
        looked up among them; the words left once every story is settled are not read."""
        held: set[int] = set()
        open_docs = docs
        for matcher, frequency in self._postings(searcher.reader(), words) if docs else ():
            if frequency is not None and frequency * 8 < len(open_docs):
                found = set(open_docs).intersection(matcher.all_ids())
                held |= found
                open_docs = [docnum for docnum in open_docs if docnum not in found]
            else:
                still: list[int] = []
                for docnum in open_docs:
                    if matcher.is_active() and matcher.id() < docnum:
                        matcher.skip_to(docnum)
                    if matcher.is_active() and matcher.id() == docnum:
                        held.add(docnum)
                    else:
                        still.append(docnum)
                open_docs = still
            if not open_docs:
                break
        return [docnum for docnum in docs if docnum in held]

    def estimate_size(self, ixreader):
        frequencies = self.frequencies or [q.estimate_size(ixreader) for q in self.subqueries]
        return union_estimate(frequencies, ixreader.doc_count_all())

    def first_docs(self, searcher, limit: int) -> tuple[list[int], bool]:
        """Up to ``limit`` matching stories, read from the most common words first (any
        ``limit`` matches will do: none is ranked), and whether every word was read to
        its end (then they are all the matches)."""
        found: dict[int, None] = {}
        for term in self.subqueries:
            for subsearcher, offset in searcher.leaf_searchers():
                matcher = term.matcher(subsearcher, subsearcher.boolean_context())
                while matcher.is_active():
                    found[offset + matcher.id()] = None
                    if len(found) >= limit:
                        return list(found)[:limit], False
                    matcher.next()
        return list(found), True


def union_estimate(frequencies, doc_count: int) -> int:
    """How many stories hold at least one of words with these story counts, if the
    words fall independently: ``N·(1 − Π(1 − dfᵢ/N))``."""
    if doc_count <= 0:
        return 0
    missing = 0.0
    for df in frequencies:
        if df >= doc_count:
            return doc_count
        missing += math.log1p(-df / doc_count)
    return min(doc_count, max(max(frequencies, default=0), round(doc_count * -math.expm1(missing))))


def expand_query(q: wq.Query, reader, notes: list[str]) -> wq.Query:
    """Replace prefix*, wildcard and fuzzy~ parts by the words they match in the index.

    A prefix keeps every word; a fuzzy word at most ``MAX_FUZZY_WORDS``, the closest
    ones (with a note), a word further from what was typed counting for less. When the
    words match few postings they are ranked like any other words; when they match many
    (``negot*`` over 100,000 stories), the part gets a constant score instead, so the
    search can stop at the first ``limit`` stories rather than score every one of them
    (as Lucene does for prefix queries).
    """

    cache: dict[tuple, tuple[dict[str, int], dict[str, float]]] = {}

    def expansions(node: wq.Query, fieldname: str) -> tuple[dict[str, int], dict[str, float]]:
        """The words a part matches with their story counts, and (a fuzzy word's) how many
        edits each is from what was typed."""
        key = (type(node), fieldname, node.text, getattr(node, "maxdist", 0))
        if key in cache:
            return cache[key]
        edits: dict[str, float] = {}
        if isinstance(node, wq.FuzzyTerm):
            words = edits = fuzzy_words(reader, fieldname, str(node.text), node.maxdist, node.prefixlength)
        elif isinstance(node, wq.Prefix):
            text = str(node.text)
            found = dict(prefix_frequencies(reader, fieldname, text))
            # "negotiat*" also finds the stem "negoti" (of "negotiation"): a shorter stem
            # counts when the typed rest begins a suffix the stemmer takes off it ("free"
            # is not a match for "freewin*")
            for k in range(3, len(text)):
                frequency = reader.doc_frequency(fieldname, text[:k])
                if frequency and stem_suffix_begins(text[:k], text[k:]):
                    found[text[:k]] = frequency
            # a whole word typed as a prefix finds its own stem ("army*": "armi", "running*": "run")
            own = term_of(text)
            if own and own != text and own not in found:
                frequency = reader.doc_frequency(fieldname, own)
                if frequency:
                    found[own] = frequency
            cache[key] = found, edits
            return cache[key]
        else:
            words = {str(text if isinstance(text, str) else text.decode("utf-8"))
                     for _, text in type(node)(fieldname, node.text).expanded_terms(reader)}
        found = {}
        for word in words:
            frequency = reader.doc_frequency(fieldname, word)
            if frequency:
                found[word] = frequency
        cache[key] = found, edits
        return cache[key]

    def fix(node: wq.Query) -> wq.Query:
        if type(node) is wq.Term and node.fieldname == "entity":
            return _entity_by_its_words(node, reader, notes)
        if type(node) is wq.Term and node.fieldname == "source" and not reader.doc_frequency("source", node.text):
            notes.append(_no_such_source(reader, str(node.text)))
        if not isinstance(node, wq.Prefix | wq.Wildcard | wq.FuzzyTerm) or node.fieldname not in TEXT_FIELDS:
            return node
        frequency, edits = expansions(node, node.fieldname)
        # the closest words first (a fuzzy word's), then the most common
        words = sorted(frequency, key=lambda w: (edits.get(w, 0), -frequency[w], w))
        if not words:
            return wq.NullQuery
        if isinstance(node, wq.FuzzyTerm) and len(words) > MAX_FUZZY_WORDS:
            notes.append(f"{node.text}~ matches {len(words):,} words; searched the {MAX_FUZZY_WORDS} closest")
            words = words[:MAX_FUZZY_WORDS]
        # a word further from what was typed counts for less ("wahle~": whale before wall)
        terms = [wq.Term(node.fieldname, w, boost=node.boost / (1 + edits.get(w, 0))) for w in words]
        if len(terms) > SCORED_WORDS or (len(terms) > 1 and sum(frequency[w] for w in words) > SCORED_POSTINGS):
            # in that order: read first when any ``limit`` stories will do
            prefix = str(node.text) if type(node) is wq.Prefix else None
            return UnscoredOr(terms, boost=node.boost, frequencies=[frequency[w] for w in words], prefix=prefix)
        return terms[0] if len(terms) == 1 else wq.Or(terms)

    return q.accept(fix)


MOST_SOURCE_WORDS = 8
"""How many words of the library's sources a ``source:`` that matches none lists."""


_FUNCTION_WORDS = frozenset("the and for with from more".split())


def _no_such_source(reader, word: str) -> str:
    """What a ``source:`` word no story's source holds says: the words the sources do have,
    those of most stories first (stories without a source, as many saved pages, have none)."""
    words = sorted(((reader.doc_frequency("source", t), t.decode() if isinstance(t, bytes) else str(t))
                    for t in reader.lexicon("source")), reverse=True)
    shown = ", ".join([w for _, w in words if len(w) > 2 and w not in _FUNCTION_WORDS][:MOST_SOURCE_WORDS])
    return (f"source:{word} is in no story's source" + (f"; the sources' words: {shown}" if shown else
                                                          "; no story has a source"))


MOST_ENTITIES_NAMED = 5
"""How many entities ``entity:trump`` lists in its note when no entity has that very key."""
MOST_ENTITY_KEYS = 200
"""How many entities a word searches at most (``entity:john`` in a big library), those in most stories."""


def _entity_by_its_words(node: wq.Term, reader, notes: list[str]) -> wq.Query:
    """``entity:trump``: every entity whose name holds each word as a whole word (Donald
    Trump, Melania Trump, and a lone "Trump" if one is an entity), said in a note. A name of
    several words that is an entity's own (``entity:"Donald Trump"``) is that entity alone."""
    slug = str(node.text)
    own = reader.doc_frequency("entity", slug) > 0
    if own and "_" in slug:
        return node
    keys = entity_keys_with_words(reader, slug)
    if not keys or keys == (slug,):
        return node
    shown = ", ".join(entity_name(reader, key) for key in keys[:MOST_ENTITIES_NAMED])
    if len(keys) > MOST_ENTITY_KEYS:
        more = f" and {MOST_ENTITY_KEYS - MOST_ENTITIES_NAMED:,} more of the {len(keys):,}, those in most stories"
        keys = keys[:MOST_ENTITY_KEYS]
    else:
        more = f" and {len(keys) - MOST_ENTITIES_NAMED:,} more" if len(keys) > MOST_ENTITIES_NAMED else ""
    if own:
        notes.append(f"entity:{slug}: searched every entity with that word: {shown}{more}")
    else:
        notes.append(f"entity:{slug} names no entity itself; searched those with its words: {shown}{more}")
    terms = [wq.Term("entity", key, boost=node.boost) for key in keys]
    return terms[0] if len(terms) == 1 else wq.Or(terms)


NAME_LOOKS = 20
"""Stories ``entity_name`` reads, latest first, for one that keeps the entity's name."""


def entity_name(reader, key: str) -> str:
    """The entity ``key`` as the latest story that keeps it in its column writes it ("Donald
    Trump", not the key's "donald trump"), else the key's words, capitalised."""
    try:
        found = named_in_column(reader, key, list(reader.postings("entity", key).all_ids()), NAME_LOOKS)
    except (TermNotFound, KeyError):
        found = None
    if found is not None and found[1]:
        return found[1]
    return " ".join(word[:1].upper() + word[1:] for word in key.split("_"))  # no story keeps it: "Paris Hilton"


def entity_keys_with_words(reader, slug: str) -> tuple[str, ...]:
    """The index's entity keys that hold every word of ``slug`` (words joined by "_") as whole
    words, the key in most stories first: one walk over the entity keys, cached per reader."""
    cache = _LEXICONS.setdefault(reader, {})
    key = ("entity-words", slug)
    if key not in cache:
        words = set(slug.split("_"))
        found = []
        for term in reader.lexicon("entity"):
            name = term.decode() if isinstance(term, bytes) else str(term)
            if words <= set(name.split("_")):
                found.append((-reader.doc_frequency("entity", name), name))
        cache[key] = tuple(name for _, name in sorted(found))
    return cache[key]


_LEXICONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_TAILS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # segment reader -> words -> stories


SUFFIXES = ("s", "es", "e", "ed", "ing", "ings", "ly", "er", "ers", "est", "ness", "ment", "ments", "y", "ies", "ied",
            "ation", "ations", "ational", "ate", "ated", "ates", "ating", "ator", "ators", "ion", "ions", "ive",
            "ives", "ively", "ity", "ities", "al", "ally", "ful", "fully", "ous", "ously", "ize", "ized", "izes",
            "izing", "ise", "ised", "ises", "ising", "ism", "isms", "ist", "ists", "able", "ably", "ible", "ence",
            "ences", "ance", "ances", "ent", "ant", "ants", "iness")
"""English suffixes the stemmer takes off a word (Porter2's inflections and common derivations)."""


def stem_suffix_begins(stem: str, rest: str) -> bool:
    """``stem`` + ``rest`` is the start of a word that stems to ``stem``: ``rest`` begins
    a suffix (``negoti`` + ``at`` of "negotiation")."""
    return any(suffix.startswith(rest) and term_of(stem + suffix) == stem for suffix in SUFFIXES)


def prefix_frequencies(reader, fieldname: str, prefix: str) -> dict[str, int]:
    """The index terms of a field that start with ``prefix`` and their story counts
    (read in one pass over the term table), cached per reader."""
    cache = _LEXICONS.setdefault(reader, {})
    key = ("df", fieldname, prefix)
    found = cache.get(key)
    if found is None:
        found = cache[key] = {(b.decode("utf-8") if isinstance(b, bytes) else str(b)): info.doc_frequency()
                              for b, info in reader.iter_prefix(fieldname, prefix)}
    return found


def _words_from(reader, fieldname: str, prefix: str) -> list[str]:
    """The index terms of a field that start with ``prefix``, cached per reader."""
    cache = _LEXICONS.setdefault(reader, {})
    key = (fieldname, prefix)
    words = cache.get(key)
    if words is None:
        words = cache[key] = [b.decode("utf-8") if isinstance(b, bytes) else str(b)
                              for b in reader.expand_prefix(fieldname, prefix)]
    return words


def _word_set(reader, fieldname: str, prefix: str) -> tuple[frozenset[str], frozenset[str]]:
    """``_words_from`` as a set, with their first three letters (a stem starts as its word
    does: most spellings one edit away start as no term), cached per reader."""
    cache = _LEXICONS.setdefault(reader, {})
    key = ("set", fieldname, prefix)
    if key not in cache:
        words = frozenset(_words_from(reader, fieldname, prefix))
        cache[key] = words, frozenset(word[:3] for word in words)
    return cache[key]


def edit_distance(a: str, b: str, most: int) -> int:
    """The edits between ``a`` and ``b`` (insert, delete, replace, swap two neighbours: the
    optimal string alignment distance, rapidfuzz's ``OSA``), counted up to ``most + 1``."""
    from rapidfuzz.distance import OSA  # noqa: PLC0415 - 20 ms to import; only fuzzy words and spelling need it

    return OSA.distance(a, b, score_cutoff=most)


LETTERS = "abcdefghijklmnopqrstuvwxyz"
"""The letters a spelling edit adds or puts in place of another."""


def one_edit_spellings(word: str) -> set[str]:
    """The spellings one edit from ``word`` (a letter left out, swapped with the next, changed
    or added), its first letter kept."""
    head, rest = word[:1], word[1:]
    splits = [(rest[:i], rest[i:]) for i in range(len(rest) + 1)]
    candidates = {a + b[1:] for a, b in splits if b}
    candidates |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    candidates |= {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    candidates |= {a + c + b for a, b in splits for c in LETTERS}
    return {head + candidate for candidate in candidates} - {word}


def fuzzy_words(reader, fieldname: str, text: str, maxdist: int, prefixlength: int) -> dict[str, float]:
    """The field's terms within ``maxdist`` edits of ``text`` as typed or of its stem (the
    index holds stems: "wahle" is a swap from "whale", its stem "wahl" two edits), sharing
    its first ``prefixlength`` letters (Whoosh's FuzzyTerm, with a cached word list), each
    with its edits from ``text``, or half an edit more than from the stem when only that
    comes close ("wahle": "whale" 1, "wall" 1.5, one edit from "wahl"); and the stem of any
    word one edit from ``text`` ("strandng": "strand", of "stranding")."""
    from rapidfuzz.distance import OSA  # noqa: PLC0415 - ``edit_distance``, for every word of the prefix

    distance = OSA.distance
    text = plain_word(text)
    stem = term_of(text) or text
    low, high = min(len(text), len(stem)) - maxdist, max(len(text), len(stem)) + maxdist
    found: dict[str, float] = {}
    for prefix in sorted({text[:prefixlength], stem[:prefixlength]}):
        for word in _words_from(reader, fieldname, prefix):
            if not low <= len(word) <= high:
                continue
            typed = distance(word, text, score_cutoff=maxdist)
            from_stem = typed if stem == text else distance(word, stem, score_cutoff=maxdist)
            if min(typed, from_stem) <= maxdist:
                found[word] = min(typed, from_stem + 0.5)
    if maxdist >= 1 and len(text) >= 3 and text.isalpha():
        # the stem of a word one edit away: "strandng" is one from "stranding", whose stem
        # "strand" is two from it (as the spelling suggestion finds it)
        known, heads = _word_set(reader, fieldname, text[:prefixlength])
        for spelled in one_edit_spellings(text):
            if spelled[:3] not in heads:
                continue
            stem = term_of(spelled)
            if stem and stem not in found and stem in known and spelled.startswith(text[:prefixlength]):
                found[stem] = 1
    return found
