"""Ranking: BM25 with the term impacts stored in the index.

The title and body postings carry each story's BM25 term weight, computed when it was
indexed (``schema.ImpactPositions``). Scoring a story for a word is then ``idf ×
weight``: one multiplication, and the largest weight of a block of postings bounds the
scores in it exactly, so Whoosh's block-max skipping (``Searcher.search`` with a limit)
passes over the blocks that cannot reach the top ``limit``. Other scorable fields
(``entity``) are ranked by Whoosh's own BM25F.
"""

from __future__ import annotations

from whoosh import collectors, scoring

from reader.search.schema import ImpactPositions


class ImpactScorer(scoring.BaseScorer):
    """``idf × weight`` for one term; block quality from the block's largest weight."""

    def __init__(self, idf: float, max_weight: float) -> None:
        self._idf = idf
        self._max_quality = idf * max_weight

    def supports_block_quality(self) -> bool:
        return True

    def score(self, matcher) -> float:
        return self._idf * matcher.weight()

    def max_quality(self) -> float:
        return self._max_quality

    def block_quality(self, matcher) -> float:
        return self._idf * matcher.block_max_weight()


class ImpactWeighting(scoring.WeightingModel):
    """BM25 from stored impacts for ``ImpactPositions`` fields, ``fallback`` for the others."""

    def __init__(self, fallback: scoring.WeightingModel | None = None) -> None:
        self.fallback = fallback or scoring.BM25F()

    def scorer(self, searcher, fieldname, text, qf=1):
        field = searcher.schema[fieldname]
        if not isinstance(field.format, ImpactPositions):
            return self.fallback.scorer(searcher, fieldname, text, qf=qf)
        info = searcher.term_info(fieldname, text)
        return ImpactScorer(searcher.idf(fieldname, text) * qf, info.max_weight())


WEIGHTING = ImpactWeighting()


class TopCollector(collectors.TopCollector):
    """Whoosh's ``TopCollector``, mended for block-max skipping.

    - Its skipping threshold is set as soon as it holds ``limit`` stories (Whoosh's is
      set only when a later story displaces one, so a word whose best stories come
      first was never skipped at all).
    - A deleted story (the old version of a changed article) is not collected: Whoosh
      hides deletions with a matcher that block skipping can pass through.
    """

    def set_subsearcher(self, subsearcher, offset):
        super().set_subsearcher(subsearcher, offset)
        reader = subsearcher.reader()
        self._is_deleted = reader.is_deleted if reader.has_deletions() else None

    def collect(self, sub_docnum):
        if self._is_deleted is not None and self._is_deleted(sub_docnum):
            return 0
        result = super().collect(sub_docnum)
        items = self.items
        if len(items) >= self.limit and items[0][0] > self.minscore:
            self.minscore = items[0][0]
        return result


def top(searcher, q, limit: int):
    """The best ``limit`` stories for ``q`` (Whoosh ``Results``), with block-max skipping."""
    collector = TopCollector(limit=limit)
    searcher.search_with_collector(q, collector)
    return collector.results()


def top_term(searcher, q, limit: int) -> tuple[list[tuple[int, float]], int, bool] | None:
    """The best ``limit`` stories for one word of an impact field, read a block at a time
    (``CompactLeafMatcher.push_top``), with the count (exact unless stories were deleted);
    ``None`` for any other query, or postings in another layout.

    A one-word query is the commonest, and the one typed most; stepping Whoosh's
    matcher and collector through each story costs about five times this loop.
    """
    from whoosh import query as wq  # noqa: PLC0415

    from reader.search.codec import impact_postings  # noqa: PLC0415

    if type(q) is not wq.Term or not is_impact_word(searcher.schema, q):
        return None
    text = q.text
    heap: list = []
    total = 0
    exact = True
    factor = None
    for subsearcher, offset in searcher.leaf_searchers():
        reader = subsearcher.reader()
        matcher = impact_postings(reader, q.fieldname, text)
        if matcher is False:
            return None
        if matcher is None:
            continue
        if factor is None:
            factor = searcher.idf(q.fieldname, text) * q.boost
        total += reader.doc_frequency(q.fieldname, text)
        deleted = reader.is_deleted if reader.has_deletions() else None
        exact = exact and deleted is None
        matcher.push_top(factor, limit, heap, offset, deleted)  # deletions checked there (``is_deleted``)
    ranked = best_first(heap)
    if len(ranked) < limit:
        return ranked, len(ranked), True
    return ranked, total, exact


def best_first(heap: list[tuple[float, int]]) -> list[tuple[int, float]]:
    """``(docnum, score)`` best first from a min-heap of ``(score, -docnum)`` (Whoosh's
    ``TopCollector`` order: a tie goes to the lower document number)."""
    return [(-negated, score) for score, negated in sorted(heap, key=lambda item: (-item[0], -item[1]))]


def is_impact_word(schema, word) -> bool:
    """True when ``word`` (a ``Term``) is of a field whose postings carry BM25 impacts."""
    return word.fieldname in schema and isinstance(schema[word.fieldname].format, ImpactPositions)
