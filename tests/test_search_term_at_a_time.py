"""Ranking a few words term at a time (``reader.search.term_at_a_time``): what a search box
sends as a person types, ranked as Whoosh ranks it, with deleted stories left out."""

from __future__ import annotations

import pytest
from whoosh import collectors
from whoosh import query as wq

from reader.search import LibraryIndex, search
from reader.search import schema
from reader.search.expansion import UnscoredOr, expand_query
from reader.search.query import parse_query
from reader.search.term_at_a_time import QUICK_WORDS, top_conjunction, top_words
from search_support import write_story


@pytest.fixture
def index(tmp_path):
    ix = LibraryIndex(tmp_path / "index")
    yield ix
    ix.close()


def test_a_few_words_union_ranks_as_whoosh_ranks_it_across_segments_and_deletions(index, tmp_path, monkeypatch):
    """What a typed prefix, a fuzzy word or ``a OR b`` expands to is ranked by summing each
    word's postings per story: the same stories, order, scores and an exact count as
    Whoosh's own union matcher, with deleted (changed) stories left out."""
    monkeypatch.setattr(schema, "BLOCK_POSTINGS", 4)  # many blocks per word
    lib = tmp_path / "lib"
    words = ["shimonoseki", "shimmer", "shimmering", "shim"]
    for n in range(120):
        held = " ".join(words[k] for k in range(4) if (n >> k) & 1 or n % (k + 5) == 0)
        write_story(lib, f"s{n:03}", f"Report {n}", f"{held} " * (1 + n % 3) + "calm sea " * (n % 7))
        if n == 59:
            index.update([lib])  # a second segment for the rest
    index.update([lib])
    write_story(lib, "s007", "Report 7", "shimmer shimmer shimmer shimmer.")  # changed: the old one deleted
    index.update([lib])
    searcher = index.searcher()
    assert searcher.reader().has_deletions() and len(list(searcher.leaf_searchers())) >= 2
    union = wq.Or([wq.Term("body", "shimmer"), wq.Term("body", "shim", boost=0.5),
                   wq.Term("body", "shimonoseki"), wq.Term("title", "report")], boost=2.0)
    for limit in (1, 5, 200):
        reference = collectors.TopCollector(limit=limit, usequality=False)
        searcher.search_with_collector(union, reference)
        expected = [(hit.docnum, round(hit.score, 6)) for hit in reference.results()]
        ranked, total, exact = top_words(searcher, union, limit)
        assert [(d, round(s, 6)) for d, s in ranked] == expected
        assert exact and total == len(list(searcher.docs_for_query(union)))
    # anything else is left to the other paths
    assert top_words(searcher, wq.And([wq.Term("body", "shim"), wq.Term("body", "sea")]), 5) is None
    assert top_words(searcher, wq.Or([wq.Term("body", "shim"), wq.Phrase("body", ["calm", "sea"])]), 5) is None


def test_a_typed_prefix_lists_the_stories_of_its_words_by_their_weight(index, tmp_path):
    lib = tmp_path / "lib"
    write_story(lib, "many", "News", "The shimmering sea. Shimmering, shimmering light.")
    write_story(lib, "one", "News", "A shimmer on the water, and more water and waves and wind.")
    write_story(lib, "none", "News", "Calm water.")
    index.update([lib])
    results = search(index, "shimm", prefix_last=True, suggest=False)
    assert [hit.id for hit in results.hits] == ["many", "one"]
    assert results.total == 2 and results.total_exact



def _reference(searcher, q, limit):
    """The ranking the conjunction path must give: Whoosh's own ranking of the ranked parts
    (its scores summed), of the stories that every unranked union holds."""
    ranked = [part for part in q.subqueries if not isinstance(part, UnscoredOr)]
    allowed = set(searcher.docs_for_query(q))
    collector = collectors.TopCollector(limit=10**6, usequality=False)
    searcher.search_with_collector(wq.And(ranked) if len(ranked) > 1 else ranked[0], collector)
    found = sorted(((hit.docnum, round(hit.score, 6)) for hit in collector.results() if hit.docnum in allowed),
                   key=lambda pair: (-pair[1], pair[0]))
    return found[:limit], len(found)


def _library_with_a_prefix_of_many_words(index, tmp_path):
    """400 stories about treaties and ships in two segments, one changed (its old version
    deleted); the "sh" words are many (more than ``QUICK_WORDS``), some held by one story."""
    lib = tmp_path / "lib"
    common = ["ship", "shore", "short", "shelter", "shift", "shape", "share", "shock"]
    rare = [f"sh{chr(97 + a)}{chr(97 + b)}ton" for a in range(6) for b in range(6)]  # "shaaton", ...
    assert len(common) + len(rare) > 2 * QUICK_WORDS
    for n in range(400):
        words = ["treaty"] * (1 + n % 4) + ["coast"] * (n % 3)
        if n % 5 == 0:
            words.append(common[n % len(common)])
        elif n % 5 == 1:
            words.append(rare[n % len(rare)])  # held only by a rare word
        elif n % 5 == 2:
            words.append("guard")  # no "sh" word at all
        else:
            words += [common[n % len(common)], rare[(n * 7) % len(rare)]]
        write_story(lib, f"s{n:03}", f"Report {n}", " ".join(words) + " calm waters today.")
        if n == 199:
            index.update([lib])  # a second segment for the rest
    index.update([lib])
    write_story(lib, "s005", "Report 5", "treaty treaty treaty treaty treaty coast ship.")  # changed
    index.update([lib])
    return lib


@pytest.mark.parametrize("typed", ["treaty sh", "treaty coast sh", "treaty coast sha", "coast shaa", "treaty OR coast sh"])
def test_words_with_a_prefix_being_typed_rank_as_whoosh_ranks_their_words(index, tmp_path, typed):
    """Every story of the ranked words that the prefix's union holds, in Whoosh's order with
    Whoosh's scores; exact when asked, and the same best stories when the count may be
    estimated (stories asked of the union best first, a batch at a time)."""
    _library_with_a_prefix_of_many_words(index, tmp_path)
    searcher = index.searcher()
    assert searcher.reader().has_deletions() and len(list(searcher.leaf_searchers())) >= 2
    q = expand_query(parse_query(typed, prefix_last=True).query, searcher.reader(), [])
    assert isinstance(q, wq.And)
    for limit in (1, 10, 1000):
        expected, count = _reference(searcher, q, limit)
        ranked, total, exact = top_conjunction(searcher, q, limit, exact_total=True)
        assert [(d, round(s, 6)) for d, s in ranked] == expected
        assert exact and total == count
        quick, estimate, _ = top_conjunction(searcher, q, limit)
        assert quick == ranked
        assert estimate >= len(quick)


@pytest.mark.parametrize("stored_body", [True, False])
def test_a_story_held_only_by_a_rare_word_of_the_prefix_is_found_and_one_held_by_none_is_not(
        index, tmp_path, monkeypatch, stored_body):
    """The stories the commonest words leave open are read (their stored title and body), or,
    without a stored body, asked of the prefix's other words."""
    from reader.search import term_at_a_time

    if not stored_body:
        monkeypatch.setattr(term_at_a_time, "_held_by_text", lambda searcher, chunk, union: ([], chunk))
    lib = tmp_path / "lib"
    common = ["ship", "shore", "short", "shelter", "shift", "shape", "share", "shock"]
    for n in range(200):  # many stories hold a common "sh" word; the prefix has many rare words
        write_story(lib, f"c{n:03}", f"Common {n}", f"treaty {common[n % 8]} sh{n:03}x harbour.")
    write_story(lib, "rare", "Rare", "treaty treaty treaty treaty treaty treaty shqzzy alone.")
    write_story(lib, "none", "None", "treaty treaty treaty treaty treaty treaty treaty without it.")
    index.update([lib])
    ids = [hit.id for hit in search(index, "treaty sh", prefix_last=True, suggest=False, limit=5).hits]
    assert ids[0] == "rare" and "none" not in ids
    exact = search(index, "treaty sh", prefix_last=True, suggest=False, exact_total=True)
    assert exact.total == 201 and exact.total_exact


def test_a_common_rarest_word_is_left_to_block_skipping(index, tmp_path, monkeypatch):
    from reader.search import term_at_a_time

    lib = tmp_path / "lib"
    for n in range(30):
        write_story(lib, f"s{n:02}", f"Report {n}", "treaty coast shore")
    index.update([lib])
    searcher = index.searcher()
    q = expand_query(parse_query("treaty coast").query, searcher.reader(), [])
    assert top_conjunction(searcher, q, 5) is not None
    monkeypatch.setattr(term_at_a_time, "SCORED_POSTINGS", 10)
    assert top_conjunction(searcher, q, 5) is None
    assert top_conjunction(searcher, wq.And([wq.Term("body", "treati"), wq.Phrase("body", ["coast", "shore"])]), 5) is None


@pytest.mark.parametrize("typed", ["treaty coast", "coast treaty calm", "treaty shore"])
def test_finished_words_skip_what_cannot_enter_the_best_and_rank_as_whoosh_does(index, tmp_path, monkeypatch, typed):
    """Words that must all be there, while typing (an estimated count will do): a block of
    the rarest word's postings, or a story, whose bound cannot beat the best so far is
    skipped; the best stories and their scores are Whoosh's, with deleted ones left out."""
    monkeypatch.setattr(schema, "BLOCK_POSTINGS", 4)  # many blocks: some can be skipped
    _library_with_a_prefix_of_many_words(index, tmp_path)
    searcher = index.searcher()
    q = expand_query(parse_query(typed).query, searcher.reader(), [])
    assert isinstance(q, wq.And) and all(type(part) is wq.Term for part in q.subqueries)
    skipped = False
    for limit in (1, 3, 10, 1000):
        expected, count = _reference(searcher, q, limit)
        ranked, total, exact = top_conjunction(searcher, q, limit)
        assert [(d, round(s, 6)) for d, s in ranked] == expected
        assert total == count if exact else total >= len(ranked)
        skipped = skipped or not exact
    assert skipped or typed == "treaty shore"  # the best of two common words leave stories unread


@pytest.mark.parametrize("typed", ["treaty sh", "coast treaty sh", "peace tal", "peace calm tal", "calm tal"])
def test_finished_words_and_a_prefix_skip_what_cannot_enter_and_rank_as_whoosh_does(
        index, tmp_path, monkeypatch, typed):
    """The driver (the rarest finished word) skips blocks and stories that cannot enter the
    best, the other parts (a word, or a prefix's few words, ranked) looked up along it, a
    prefix of many words (unranked) asked of its commonest words as a story would enter:
    those it leaves open are settled at the end. Whoosh's best stories and scores, always."""
    from reader.search import term_at_a_time

    monkeypatch.setattr(schema, "BLOCK_POSTINGS", 4)
    monkeypatch.setattr(term_at_a_time, "QUICK_WORDS", 2)  # most stories left open by the commonest words
    if typed.endswith(" tal"):  # "talk" in most stories, a few rare words; "calm" in all, the driver
        lib = tmp_path / "lib"
        for n in range(300):
            peace = "peace " * (1 + n % 4) if n % 2 == 0 else ""
            rare = f" tal{chr(97 + n % 5)}x" if n % 9 == 0 else ""
            write_story(lib, f"p{n:03}", f"Report {n}", f"{peace}{'talk ' * (n % 3)}{rare} calm")
            if n == 149:
                index.update([lib])
        index.update([lib])
    else:
        _library_with_a_prefix_of_many_words(index, tmp_path)
    searcher = index.searcher()
    q = expand_query(parse_query(typed, prefix_last=True).query, searcher.reader(), [])
    parts = q.subqueries
    assert isinstance(q, wq.And)
    assert any(isinstance(p, UnscoredOr) for p in parts) == typed.endswith(" sh")
    assert any(type(p) is wq.Or for p in parts) == typed.endswith(" tal")  # a few words: ranked
    estimated = False
    for limit in (1, 3, 10, 1000):
        expected, count = _reference(searcher, q, limit)
        ranked, total, exact = top_conjunction(searcher, q, limit)
        assert [(d, round(s, 6)) for d, s in ranked] == expected, limit
        assert total == count if exact else total >= len(ranked)
        estimated = estimated or not exact
    assert estimated
