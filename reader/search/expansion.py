"""prefix*, wildcard and fuzzy~ words, expanded into the index words they stand for.

Each keeps the most common ``MAX_EXPANSIONS`` words; an expansion over many postings
is not ranked (``UnscoredOr``), so the search can stop at the first ``limit`` stories,
as Lucene's constant-score rewrite does.
"""

from __future__ import annotations

import weakref

from whoosh import query as wq

from reader.search.snippets import TEXT_FIELDS

MAX_EXPANSIONS = 64  # prefix*/fuzzy~ search the most common matching words
SCORED_POSTINGS = 20_000  # above this many postings an expansion is not ranked (see expand_query)
SCORED_WORDS = 16  # nor when it has more words than this (a union of many is slow to rank)


class UnscoredOr(wq.Or):
    """An ``Or`` whose matches are not ranked: its matcher is built without weighting,
    lazily (unlike ``ConstantScoreQuery``, which reads every match up front, or Whoosh's
    automatic choice, which preloads every match of a big ``Or`` on a small segment)."""

    matcher_type = wq.Or.DEFAULT_MATCHER

    def matcher(self, searcher, context=None):
        context = context.set(weighting=None) if context is not None else searcher.boolean_context()
        return super().matcher(searcher, context)


def expand_query(q: wq.Query, reader, notes: list[str]) -> wq.Query:
    """Replace prefix*, wildcard and fuzzy~ parts by the words they match in the index.

    Each keeps at most ``MAX_EXPANSIONS`` words, the most common ones. When the words
    match few postings they are ranked like any other words; when they match many
    (``negot*`` over 100,000 stories), the part gets a constant score instead, so the
    search can stop at the first ``limit`` stories rather than score every one of them
    (as Lucene does for prefix queries).
    """

    heavy_cache: dict[tuple, bool] = {}
    expansion_cache: dict[tuple, dict[str, int]] = {}
    notes_for: dict[tuple, int] = {}

    def expansions(node: wq.Query, fieldname: str) -> dict[str, int]:
        key = (type(node), fieldname, node.text, getattr(node, "maxdist", 0))
        if key in expansion_cache:
            return expansion_cache[key]
        if isinstance(node, wq.FuzzyTerm):
            words = fuzzy_words(reader, fieldname, str(node.text), node.maxdist, node.prefixlength)
            found = {w: reader.doc_frequency(fieldname, w) for w in words}
        elif isinstance(node, wq.Prefix):
            text = str(node.text)
            words = [t.decode("utf-8") if isinstance(t, bytes) else str(t)
                     for t in reader.expand_prefix(fieldname, text)]
            if len(words) > MAX_EXPANSIONS:
                # Looking up how common each of hundreds of words is costs more than the
                # search: keep the shortest (in a family of words, the common ones)
                notes_for[key] = len(words)
                words = sorted(words, key=lambda w: (len(w), w))[:MAX_EXPANSIONS]
            found = {w: reader.doc_frequency(fieldname, w) for w in words}
            # "negotiat*" also finds the stem "negoti" (of "negotiation"): a stem that the
            # typed prefix extends counts as a match
            for k in range(3, len(text)):
                frequency = reader.doc_frequency(fieldname, text[:k])
                if frequency:
                    found[text[:k]] = frequency
        else:
            words = {str(text if isinstance(text, str) else text.decode("utf-8"))
                     for _, text in type(node)(fieldname, node.text).expanded_terms(reader)}
            found = {w: reader.doc_frequency(fieldname, w) for w in words}
        expansion_cache[key] = found
        return found

    def heavy(node: wq.Query) -> bool:
        key = (type(node), node.text, getattr(node, "maxdist", 0))
        if key not in heavy_cache:
            body = expansions(node, "body")
            top = sorted(body.values(), reverse=True)[:MAX_EXPANSIONS]
            heavy_cache[key] = len(top) > SCORED_WORDS or (len(top) > 1 and sum(top) > SCORED_POSTINGS)
        return heavy_cache[key]

    def fix(node: wq.Query) -> wq.Query:
        if not isinstance(node, wq.Prefix | wq.Wildcard | wq.FuzzyTerm) or node.fieldname not in TEXT_FIELDS:
            return node
        frequency = expansions(node, node.fieldname)
        words = set(frequency)
        if not words:
            return wq.NullQuery
        label = f"{node.text}*" if isinstance(node, wq.Prefix) else f"{node.text}~"
        matched = notes_for.get((type(node), node.fieldname, node.text, getattr(node, "maxdist", 0)), len(words))
        if len(words) > MAX_EXPANSIONS:
            words = set(sorted(words, key=lambda w: -frequency[w])[:MAX_EXPANSIONS])
        if matched > MAX_EXPANSIONS and node.fieldname == "body":
            notes.append(f"{label} matches {matched:,} words; searched {MAX_EXPANSIONS} of them")
        terms = [wq.Term(node.fieldname, w, boost=node.boost) for w in sorted(words)]
        if heavy(node):
            return UnscoredOr(terms, boost=node.boost)
        return terms[0] if len(terms) == 1 else wq.Or(terms)

    return q.accept(fix)


_LEXICONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _words_from(reader, fieldname: str, prefix: str) -> list[str]:
    """The index terms of a field that start with ``prefix``, cached per reader."""
    cache = _LEXICONS.setdefault(reader, {})
    key = (fieldname, prefix)
    words = cache.get(key)
    if words is None:
        words = cache[key] = [b.decode("utf-8") if isinstance(b, bytes) else str(b)
                              for b in reader.expand_prefix(fieldname, prefix)]
    return words


def within(a: str, b: str, k: int) -> bool:
    """True when ``a`` and ``b`` are at most ``k`` edits apart (insert, delete, replace,
    swap two neighbours), for the small ``k`` of fuzzy queries."""
    if a == b:
        return True
    if k <= 0 or abs(len(a) - len(b)) > k:
        return False
    i = 0
    n = min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    a, b = a[i:], b[i:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return len(a) + len(b) <= k
    if within(a[1:], b[1:], k - 1) or within(a[1:], b, k - 1) or within(a, b[1:], k - 1):
        return True
    return len(a) > 1 and len(b) > 1 and a[0] == b[1] and a[1] == b[0] and within(a[2:], b[2:], k - 1)


def fuzzy_words(reader, fieldname: str, text: str, maxdist: int, prefixlength: int) -> list[str]:
    """The field's terms within ``maxdist`` edits of ``text`` sharing its first
    ``prefixlength`` letters (Whoosh's FuzzyTerm, with a cached word list)."""
    text = text.lower()
    prefix = text[:prefixlength]
    low, high = len(text) - maxdist, len(text) + maxdist
    return [w for w in _words_from(reader, fieldname, prefix) if low <= len(w) <= high and within(w, text, maxdist)]
