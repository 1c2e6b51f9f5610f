"""Phrases without reading the positions of every story that holds the words.

A phrase is ranked by its rarest word: a story cannot hold the phrase more often
than that word, and one word's postings can be ranked with block-max skipping.
- A query that is one phrase (the usual case): ``phrase_top`` walks the rarest word's
  postings once, skipping blocks that cannot make the top, and reads positions only
  for a story that would enter it.
- A phrase inside a larger query: two phases, as Lucene does. The phrase becomes its
  rarest word, ranked, required to come with the next rarest (``RankedRequire``);
  positions are then checked for the best ``limit × PHRASE_CANDIDATES`` stories only.
  When too few of those hold the phrase, the caller runs Whoosh's own phrase search.
"""

from __future__ import annotations

from heapq import heappush, heapreplace

from whoosh import query as wq
from whoosh.matching import RequireMatcher

from reader.search.codec import CompactLeafMatcher
from reader.search.schema import ImpactPositions
from reader.search.scoring import top

PHRASE_CANDIDATES = 2  # check positions in the best limit × this stories holding the words


class _RequireMatcher(RequireMatcher):
    """Whoosh's ``RequireMatcher``, mended for block-max skipping: it failed an
    assertion when skipping left its first matcher where it was, and it rarely told
    the collector that a new block began (its first matcher mostly moves by
    ``skip_to``, which does not say so), so blocks were seldom skipped."""

    def next(self):
        super().next()
        return True  # look at the block's quality again (cheap: one multiplication)

    def skip_to_quality(self, minquality):
        a, b = self.a, self.b
        skipped = a.skip_to_quality(minquality)
        if a.is_active() and b.is_active() and a.id() != b.id():
            self.child.skip_to(a.id())  # the next story both hold
        return skipped


class RankedRequire(wq.Require):
    """Stories matching ``a`` and ``b``, ranked by ``a`` alone (block-max skipping works)."""

    matcherclass = _RequireMatcher

    def matcher(self, searcher, context=None):
        scored = self.a.matcher(searcher, context)
        required = self.b.matcher(searcher, searcher.boolean_context())
        return _RequireMatcher(scored, required)

    def estimate_size(self, ixreader):
        return min(self.a.estimate_size(ixreader), self.b.estimate_size(ixreader))


def relax_phrases(q: wq.Query, reader=None) -> wq.Query:
    """``q`` with each phrase replaced by words (no positions needed): all of them, or
    with a ``reader``, the rarest word ranked and the next rarest required
    (``RankedRequire``: ranking one word lets block-max skipping pass over most of its
    postings, where ranking every word scores each story holding them all)."""

    def fix(node: wq.Query) -> wq.Query:
        if not isinstance(node, wq.Phrase) or len(node.words) < 2:
            return node
        terms = [wq.Term(node.fieldname, w, boost=node.boost) for w in node.words]
        if reader is None:
            return wq.And(terms)
        terms.sort(key=lambda t: reader.doc_frequency(t.fieldname, t.text))
        return RankedRequire(terms[0], terms[1])

    return q.accept(fix)


def has_phrase(q: wq.Query) -> bool:
    return any(isinstance(leaf, wq.Phrase) and len(leaf.words) > 1 for leaf in q.leaves())


def phrase_candidates(searcher, q: wq.Query, limit: int) -> tuple[list[tuple[int, float]], int, bool] | None:
    """Ranked ``(docnum, score)`` of a query with a phrase, how many stories match and
    whether that count is exact; ``None`` (run Whoosh's own phrase search) when no
    phrase is involved or too few of the candidates hold the phrase."""
    if not has_phrase(q):
        return None
    if isinstance(q, wq.Phrase) and q.slop == 1 and isinstance(searcher.schema[q.fieldname].format, ImpactPositions):
        return phrase_top(searcher, q, limit)
    relaxed = relax_phrases(q, searcher.reader())
    wanted = limit * PHRASE_CANDIDATES
    found = top(searcher, relaxed, wanted)
    candidates = [(hit.docnum, float(hit.score or 0.0)) for hit in found]
    complete = found.scored_length() < wanted
    verified = verify(searcher, q, candidates)
    if len(verified) >= limit or complete:
        if complete:
            return verified[:limit], len(verified), True
        return verified[:limit], found.estimated_length(), False
    return None


def verify(searcher, q: wq.Query, candidates: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """The candidates (document number, score) that ``q`` matches, in the given order."""
    if not candidates:
        return []
    matching: set[int] = set()
    wanted = sorted(docnum for docnum, _ in candidates)
    for subsearcher, offset in searcher.leaf_searchers():
        size = subsearcher.doc_count_all()
        local = [d - offset for d in wanted if offset <= d < offset + size]
        if not local:
            continue
        matcher = q.matcher(subsearcher, subsearcher.boolean_context())
        for docnum in local:
            if not matcher.is_active():
                break
            if matcher.id() < docnum:
                matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                matching.add(docnum + offset)
    return [(d, score) for d, score in candidates if d in matching]


class PhraseHolder:
    """Whether a story of one segment holds a phrase: each word's postings moved to the
    story, then their positions compared (a word ``i`` places on at a start's ``+ i``).
    Stories are asked in increasing order; no position is read for a story that lacks a
    word. (Whoosh's phrase matcher, moved to a story, reads the positions of every story
    holding all the words on the way.)"""

    def __init__(self, reader, field: str, words: list[str]) -> None:
        self.matchers = [reader.postings(field, w) for w in words]

    def holds(self, docnum: int) -> bool | None:
        """True or False for story ``docnum``; None when no story from it on can hold the
        phrase (a word's postings have ended)."""
        matchers = self.matchers
        for matcher in matchers:
            if not matcher.is_active():
                return None
            if matcher.id() < docnum:
                matcher.skip_to(docnum)
                if not matcher.is_active():
                    return None
            if matcher.id() != docnum:
                return False
        starts = None
        for i, matcher in enumerate(matchers):
            placed = {p - i for p in matcher.value_as("positions")}
            starts = placed if starts is None else starts & placed
            if not starts:
                return False
        return True


def phrase_top(searcher, phrase: wq.Phrase, limit: int) -> tuple[list[tuple[int, float]], int, bool]:
    """The best ``limit`` stories holding ``phrase``, ranked by its rarest word, and how
    many stories hold it (exact when fewer than ``limit``, else estimated).

    One pass over the rarest word's postings with block-max skipping; the phrase is
    checked (``PhraseHolder``) only for a story whose score would enter the top
    ``limit``. The estimate is the rarest word's story count times the share of the
    stories checked that held the phrase.
    """
    reader = searcher.reader()
    field, words = phrase.fieldname, [str(w) for w in phrase.words]
    frequencies = {w: reader.doc_frequency(field, w) for w in words}
    if not all(frequencies.values()):
        return [], 0, True
    rarest = min(words, key=frequencies.__getitem__)
    scorer = searcher.weighting.scorer(searcher, field, rarest, qf=phrase.boost)
    heap: list[tuple[float, int]] = []  # (score, -docnum), as Whoosh's collector keeps them
    checked = held = 0
    for subsearcher, offset in searcher.leaf_searchers():
        sub_reader = subsearcher.reader()
        if any((field, w) not in sub_reader for w in words):
            continue  # no story of this segment holds every word
        postings = sub_reader.postings(field, rarest, scorer=scorer)
        holder = PhraseHolder(sub_reader, field, words)
        if isinstance(postings, CompactLeafMatcher):  # no deletions: a block at a time
            factor = searcher.idf(field, rarest) * phrase.boost
            stories = postings.candidates(factor, lambda: heap[0][0] if len(heap) >= limit else -1.0)
        else:
            stories = _scored(postings, heap, limit)
        for docnum, score in stories:
            holds = holder.holds(docnum)
            if holds is None:
                break  # no story further on in this segment holds the phrase
            checked += 1
            if holds:
                held += 1
                item = (score, -(docnum + offset))
                if len(heap) < limit:
                    heappush(heap, item)
                else:
                    heapreplace(heap, item)
    ranked = [(-negative, score) for score, negative in sorted(heap, reverse=True)]
    if len(heap) < limit:
        return ranked, len(ranked), True
    return ranked, max(len(ranked), round(frequencies[rarest] * held / max(checked, 1))), False


def _scored(postings, heap: list, limit: int):
    """``(docnum, score)`` of the postings that could enter the top ``limit`` (block-max
    skipping over the blocks that cannot), for a segment with deletions."""
    while postings.is_active():
        if len(heap) >= limit and postings.block_quality() <= heap[0][0]:
            postings.skip_to_quality(heap[0][0])  # no story in this block can make it
            continue
        score = postings.score()
        if len(heap) < limit or score > heap[0][0]:
            yield postings.id(), score
        postings.next()
