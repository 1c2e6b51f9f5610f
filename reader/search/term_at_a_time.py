"""Ranking a few words term at a time: each word's postings read a block at a time and
the scores summed per story, where Whoosh's matchers would step story by story.

For what a search box sends as a person types: a prefix or a fuzzy word expanded into a
few rare words (``top_words``), and words that must all be there with the last one still
being typed (``top_conjunction``). Both give Whoosh's own ranking (``scoring.ImpactScorer``:
``idf × weight`` per word, summed), with deleted stories left out.
"""

from __future__ import annotations

import heapq
from functools import partial
from operator import getitem

from whoosh import query as wq

from reader.search.codec import impact_postings
from reader.search.expansion import SCORED_POSTINGS, UnscoredOr
from reader.search.scoring import best_first, is_impact_word
from reader.search.snippets import MatchPlan


def top_words(searcher, q, limit: int) -> tuple[list[tuple[int, float]], int, bool] | None:
    """The best ``limit`` stories for a ranked union of a few words (what ``isl*`` or
    ``shimonseki~`` expands to, or ``a OR b``) of impact fields, with the exact count:
    each word's postings are read whole, a block at a time, and the scores summed per
    story. ``None`` for any other query.

    Only for words with few postings (``SCORED_POSTINGS``, the most an expansion ranks):
    reading them all then costs a quarter of stepping Whoosh's union matcher story by
    story, whose block skipping rarely skips in a union of rare words."""
    if type(q) is not wq.Or or not q.subqueries:
        return None
    words = q.subqueries
    if any(type(w) is not wq.Term or not is_impact_word(searcher.schema, w) for w in words):
        return None
    if sum(searcher.doc_frequency(w.fieldname, w.text) for w in words) > SCORED_POSTINGS:
        return None  # common words ("war OR peace"): block skipping pays there
    factors = [searcher.idf(w.fieldname, w.text) * w.boost * q.boost for w in words]
    scores: dict[int, float] = {}
    for subsearcher, offset in searcher.leaf_searchers():
        reader = subsearcher.reader()
        here: dict[int, float] = {}
        for word, factor in zip(words, factors, strict=True):
            matcher = impact_postings(reader, word.fieldname, word.text)
            if matcher is False:
                return None  # postings in another layout
            if matcher is not None:
                matcher.add_scores(factor, here)
        is_deleted = reader.is_deleted if reader.has_deletions() else None
        for docnum, score in here.items():
            if is_deleted is None or not is_deleted(docnum):
                scores[docnum + offset] = score
    best = heapq.nsmallest(limit, scores.items(), key=lambda item: (-item[1], item[0]))
    return [(docnum, score) for docnum, score in best], len(scores), True


def top_conjunction(searcher, q, limit: int, exact_total: bool = False
                    ) -> tuple[list[tuple[int, float]], int, bool] | None:
    """The best ``limit`` stories for words that must all be there (each part a word or a union
    of a few words), the last perhaps an unranked union (a prefix being typed: "treaty of
    sh" is ``treati AND sh*``), with their count; ``None`` for any other query, or when the
    rarest part is too common.

    Whoosh's intersection moves every matcher of a union of hundreds of words at each step;
    here, while typing (the count may be estimated), the rarest single word drives
    (``_top_of_parts``: what cannot enter the best is skipped). Otherwise, or for an exact
    count, the rarest part's stories are read whole with their scores and each other word
    skipped to along them (``_intersection``); a union, which does not rank, is then asked
    about the stories best first, a batch at a time (``_best_held``), unless every story
    must be counted."""
    if type(q) is not wq.And:
        return None
    ranked = [_words_of(part) for part in q.subqueries if not isinstance(part, UnscoredOr)]
    unions = [part for part in q.subqueries if isinstance(part, UnscoredOr)]
    if not ranked or any(part is None for part in ranked) or any(
            not is_impact_word(searcher.schema, w) for part in ranked for w in part):
        return None
    stories = {w: searcher.doc_frequency(w.fieldname, w.text) for part in ranked for w in part}  # (asked once)
    frequency = [sum(stories[w] for w in part) for part in ranked]
    ranked = [part for _, part in sorted(zip(frequency, ranked, strict=True), key=lambda pair: pair[0])]
    if min(frequency) > SCORED_POSTINGS:
        return None  # block skipping pays there
    factors = [[searcher.idf(w.fieldname, w.text) * w.boost * q.boost for w in part] for part in ranked]
    if not exact_total and len(unions) <= 1 and (driver := _driver(ranked, sorted(frequency))) is not None:
        order = [driver] + [n for n in range(len(ranked)) if n != driver]
        return _top_of_parts(searcher, [ranked[n] for n in order], [factors[n] for n in order], stories, limit,
                             unions[0] if unions else None)
    leaves = list(searcher.leaf_searchers())
    candidates: list[tuple[float, int, int]] = []  # (score, global docnum, leaf)
    for leaf, (subsearcher, offset) in enumerate(leaves):
        reader = subsearcher.reader()
        matchers = [[impact_postings(reader, w.fieldname, w.text) for w in part] for part in ranked]
        if any(m is False for part in matchers for m in part):
            return None  # postings in another layout
        here = _intersection(matchers, factors)
        is_deleted = reader.is_deleted if reader.has_deletions() else None
        candidates += [(score, docnum + offset, leaf) for docnum, score in here.items()
                       if is_deleted is None or not is_deleted(docnum)]
    candidates.sort(key=lambda c: (-c[0], c[1]))
    if not unions:
        return [(docnum, score) for score, docnum, _ in candidates[:limit]], len(candidates), True
    if len(unions) > 1 or exact_total:
        held = _held(leaves, candidates, unions, slice(None))
        return [(docnum, score) for score, docnum, _ in held[:limit]], len(held), True
    return _best_held(searcher, leaves, candidates, unions[0], limit)


def _driver(parts: list[list], frequencies: list[int]) -> int | None:
    """Which part (rarest first) drives ``_top_of_parts``: the rarest single word, unless it
    holds more than ``DRIVER_SHARE`` times the stories of the rarest part (a few words of a
    prefix), whose stories are then fewer to read whole (``_intersection``)."""
    for n, part in enumerate(parts):
        if len(part) == 1:
            return n if frequencies[n] <= DRIVER_SHARE * frequencies[0] else None
    return None


DRIVER_SHARE = 2


def _top_of_parts(searcher, parts: list[list], factors: list[list[float]], stories: dict, limit: int,
                  union: UnscoredOr | None = None) -> tuple[list[tuple[int, float]], int, bool] | None:
    """The best ``limit`` stories holding a word of every part (the first a single word, the
    driver), and a word of ``union`` if given, skipping what cannot enter them: a block of the
    driver's postings whose best score plus the other parts' best cannot beat the ``limit``-th
    story so far is not read, nor a story's other parts looked up when its bound cannot.

    A story that would enter is asked of the union's commonest words (``QUICK_WORDS``) as the
    driver reaches it; those they do not hold are set aside, and only those of them that
    would be shown are read or asked of the other words at the end. The count is estimated
    from the shares held (exact when nothing was skipped or set aside). ``stories``: each
    word's story count."""
    driver_word = parts[0][0]
    if any(all(stories[w] == 0 for w in part) for part in parts):
        return [], 0, True  # a part no story holds
    frequency = stories[driver_word]
    whole = {w: stories[w] < WHOLE_SHARE * frequency for part in parts[1:] for w in part}
    most = {w: factor * searcher.term_info(w.fieldname, w.text).max_weight()  # of the words skipped to
            for part, part_factors in zip(parts[1:], factors[1:], strict=True)
            for w, factor in zip(part, part_factors, strict=True) if stories[w] and not whole[w]}
    heap: list[tuple[float, int]] = []  # (score, -docnum): the smallest of the best first
    least = [float("-inf")]  # what the driver's score must pass (asked at every posting: no lambda)
    floor = partial(getitem, least, 0)
    set_aside: list[tuple[float, int, int]] = []  # (score, global docnum, leaf): the union to settle
    read = held = asked = 0
    leaves = list(searcher.leaf_searchers())
    for leaf, (subsearcher, offset) in enumerate(leaves):
        reader = subsearcher.reader()
        driver = impact_postings(reader, driver_word.fieldname, driver_word.text)
        others = [[(impact_postings(reader, w.fieldname, w.text), factor, w)
                   for w, factor in zip(part, part_factors, strict=True)]
                  for part, part_factors in zip(parts[1:], factors[1:], strict=True)]
        if driver is False or any(m is False for pairs in others for m, _, _ in pairs):
            return None  # postings in another layout
        if driver is None or not all(any(m is not None for m, _, _ in pairs) for pairs in others):
            continue  # a part this segment lacks
        looked_up = []  # per part: {docnum: score} of its rarer words, read whole
        skipped = []  # per part: (matcher, factor) of its commoner words, skipped to
        bound = 0.0  # the most the other parts add to a story of this segment
        for pairs in others:
            table: dict[int, float] = {}
            for matcher, factor, word in pairs:
                if matcher is not None and whole[word]:
                    matcher.add_scores(factor, table)
            looked_up.append(table)
            skipped.append([(m, factor) for m, factor, word in pairs if m is not None and not whole[word]])
            bound += max(table.values(), default=0.0) + sum(
                most[word] for m, _, word in pairs if m is not None and not whole[word])
        if len(heap) >= limit:
            least[0] = heap[0][0] - bound
        quick = union.word_postings(subsearcher, slice(0, QUICK_WORDS)) if union is not None else []
        is_deleted = reader.is_deleted if reader.has_deletions() else None
        for docnum, score in driver.candidates(factors[0][0], floor):
            read += 1
            for table, pairs in zip(looked_up, skipped):
                found = docnum in table
                if found:
                    score += table[docnum]
                for matcher, factor in pairs:
                    if matcher.is_active() and matcher.id() < docnum:
                        matcher.skip_to(docnum)
                    if matcher.is_active() and matcher.id() == docnum:
                        score += factor * matcher.weight()
                        found = True
                if not found:
                    break
            else:
                if is_deleted is not None and is_deleted(docnum):
                    continue
                held += 1
                entry = (score, -(docnum + offset))
                if len(heap) >= limit and entry <= heap[0]:
                    continue
                if union is not None:
                    asked += 1
                    if not _holds(quick, docnum):
                        set_aside.append((score, docnum + offset, leaf))
                        continue
                if len(heap) < limit:
                    heapq.heappush(heap, entry)
                else:
                    heapq.heapreplace(heap, entry)
                if len(heap) >= limit:
                    least[0] = heap[0][0] - bound
    ranked = best_first(heap)
    total = held if read >= frequency else max(held, round(frequency * held / max(1, read)))
    if union is None:
        return ranked, total, read >= frequency
    shown = [c for c in set_aside if len(heap) < limit or (c[0], -c[1]) > heap[0]]
    settled: list[tuple[float, int, int]] = []
    if shown:
        settled = _settled(searcher, leaves, shown, union)
        ranked = sorted(ranked + [(docnum, score) for score, docnum, _ in settled],
                        key=lambda pair: (-pair[1], pair[0]))[:limit]
    unsettled = len(set_aside) - len(shown)
    share_held = (asked - len(set_aside) + len(settled) + unsettled * len(settled) / max(1, len(shown))) / max(1, asked)
    if read >= frequency and asked == held and not unsettled:
        return ranked, asked - len(set_aside) + len(settled), True
    return ranked, max(len(ranked), round(total * share_held)), False


def _holds(matchers: list, docnum: int) -> bool:
    """True when one of a segment's ``matchers`` (moved forward only) holds ``docnum``."""
    for matcher in matchers:
        if matcher.is_active() and matcher.id() < docnum:
            matcher.skip_to(docnum)
        if matcher.is_active() and matcher.id() == docnum:
            return True
    return False


WHOLE_SHARE = 2
"""A word of a conjunction is read whole (a look-up per story) when it holds fewer than
this many times the driver's stories, else skipped to along the driver."""

QUICK_WORDS = 16
"""How many of a union's commonest words are asked first: most stories hold one of them;
a story that holds none is asked of the other words only if it would be shown."""


def _best_held(searcher, leaves, candidates: list[tuple[float, int, int]], union: UnscoredOr, limit: int
               ) -> tuple[list[tuple[int, float]], int, bool]:
    """The best ``limit`` candidates (best first) that the union holds, asking them a batch at
    a time, best first, of its commonest words; those still open that would be shown are
    then read (``_held_by_text``) or asked of the other words. With the count (estimated
    from the share held, unless all were asked)."""
    held: list[tuple[float, int, int]] = []
    open_ones: list[tuple[float, int, int]] = []
    asked = 0
    batch = max(4 * limit, 100)
    while asked < len(candidates) and len(held) < limit:
        chunk = candidates[asked:asked + batch]
        asked += len(chunk)
        found = {c[1] for c in _held(leaves, chunk, [union], slice(0, QUICK_WORDS))}
        held += [c for c in chunk if c[1] in found]
        open_ones += [c for c in chunk if c[1] not in found]
        batch *= 2
    order = (lambda c: (-c[0], c[1]))
    shown = [c for c in open_ones if len(held) < limit or order(c) < order(held[limit - 1])]
    if shown:
        held = sorted(held + _settled(searcher, leaves, shown, union), key=order)
    ranked = [(docnum, score) for score, docnum, _ in held[:limit]]
    settled = asked - (len(open_ones) - len(shown))
    if settled == len(candidates):
        return ranked, len(held), True
    return ranked, max(len(held), round(len(candidates) * len(held) / max(1, settled))), False


def _settled(searcher, leaves, open_ones: list[tuple[float, int, int]], union: UnscoredOr
             ) -> list[tuple[float, int, int]]:
    """Of the candidates the union's commonest words (``QUICK_WORDS``) left open, those it
    holds: read in their stored text (``_held_by_text``), else asked of its other words."""
    by_text, untold = _held_by_text(searcher, open_ones, union)
    return by_text + _held(leaves, untold, [union], slice(QUICK_WORDS, None))


def _held_by_text(searcher, chunk: list[tuple[float, int, int]], union: UnscoredOr
                  ) -> tuple[list[tuple[float, int, int]], list[tuple[float, int, int]]]:
    """Of ``chunk``, the candidates whose stored title and body hold a word of a prefix's union
    (read by the index's analyser, as it read them to index them: any word beginning with the
    prefix is one of the union's), and those this cannot tell (not a prefix of the body's
    words, no stored body). A few stories read cost less than the hundreds of rare words a
    prefix stands for, each looked up in the index."""
    words = [str(w.text) for w in union.subqueries]
    if not union.prefix or any(w.fieldname != "body" for w in union.subqueries):
        return [], chunk
    plan = MatchPlan(terms={w for w in words if not w.startswith(union.prefix)}, prefixes={union.prefix})
    held, untold = [], []
    for candidate in chunk:
        stored = searcher.stored_fields(candidate[1])
        body = stored.get("body_text")
        if not isinstance(body, str):
            untold.append(candidate)
        elif plan.spans(f"{stored.get('title') or ''}\n{body}"):  # the body field: title and body
            held.append(candidate)
    return held, untold


def _held(leaves, chunk: list[tuple[float, int, int]], unions: list[UnscoredOr], words: slice
          ) -> list[tuple[float, int, int]]:
    """The candidates of ``chunk`` (in its order) that every union holds by one of ``words``."""
    holding: set[int] = set()
    for leaf, (subsearcher, offset) in enumerate(leaves):
        docs = sorted(docnum - offset for _, docnum, where in chunk if where == leaf)
        for union in unions:
            docs = union.holding(subsearcher, docs, words) if docs else docs
        holding.update(docnum + offset for docnum in docs)
    return [c for c in chunk if c[1] in holding]


def _words_of(part) -> list | None:
    """The words of a ranked part of a conjunction: a word, or a union of words (``ves*``
    typed, of a few words); ``None`` for any other part."""
    if type(part) is wq.Term:
        return [part]
    if type(part) is wq.Or and part.subqueries and all(type(w) is wq.Term for w in part.subqueries) \
            and part.boost == 1.0:
        return list(part.subqueries)
    return None


def _intersection(matchers: list[list], factors: list[list[float]]) -> dict[int, float]:
    """``{docnum: score}`` of the stories holding a word of every part (a part's words' scores
    summed): the first part's postings read whole, the others skipped to along them."""
    here: dict[int, float] = {}
    for matcher, factor in zip(matchers[0], factors[0], strict=True):
        if matcher is not None:
            matcher.add_scores(factor, here)
    docs = sorted(here)
    for part, part_factors in zip(matchers[1:], factors[1:], strict=True):
        held = set()
        for matcher, factor in zip(part, part_factors, strict=True):
            if matcher is None:
                continue
            for docnum in docs:
                if matcher.id() < docnum:
                    matcher.skip_to(docnum)
                    if not matcher.is_active():
                        break
                if matcher.id() == docnum:
                    here[docnum] += factor * matcher.weight()
                    held.add(docnum)
        docs = [docnum for docnum in docs if docnum in held]
    return {docnum: here[docnum] for docnum in docs}
