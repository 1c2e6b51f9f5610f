"""Ranking: BM25 impacts stored in the postings, and phrases ranked by their rarest word."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh import formats

from reader.search import LibraryIndex, search
from reader.search.schema import ANALYZER, BM25_B, BM25_K1, ImpactPositions, standard_analyzer
from search_support import write_story

WORDS = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), max_size=300)


@settings(deadline=None)
@given(WORDS)
def test_impact_postings_have_the_standard_positions(text):
    ours, theirs = ImpactPositions(), formats.Positions()
    impact = {term: (freq, ours.decode_frequency(value), ours.decode_positions(value))
              for term, freq, _, value in ours.word_values(text, ANALYZER)}
    standard = {term: (freq, freq, theirs.decode_positions(value))
                for term, freq, _, value in theirs.word_values(text, standard_analyzer(), mode="index")}
    assert impact == standard


def test_impact_is_bm25_of_frequency_and_length():
    form = ImpactPositions(field_boost=2.0, average_length=10)
    values = {term: weight for term, _, weight, _ in form.word_values("storm storm storm coast " * 5, ANALYZER)}
    length = 20  # twenty indexed words
    norm = BM25_K1 * (1 - BM25_B + BM25_B * length / 10)
    # stored rounded to hundredths (one byte per posting for weights up to 2.55)
    assert values["storm"] == pytest.approx(2.0 * 15 * (BM25_K1 + 1) / (15 + norm), abs=0.005)
    assert values["coast"] == pytest.approx(2.0 * 5 * (BM25_K1 + 1) / (5 + norm), abs=0.005)
    # more occurrences weigh more, with diminishing returns; a longer field weighs less
    assert form.impact(2, 20) > form.impact(1, 20)
    assert form.impact(2, 20) - form.impact(1, 20) > form.impact(3, 20) - form.impact(2, 20)
    assert form.impact(1, 40) < form.impact(1, 20)


def test_any_other_analyzer_goes_through_tokens():
    form = ImpactPositions()
    values = {term: freq for term, freq, _, _ in form.word_values("Storm STORM storms", standard_analyzer())}
    assert values == {"storm": 3}


@pytest.fixture
def index(tmp_path):
    ix = LibraryIndex(tmp_path / "index")
    yield ix
    ix.close()


def test_title_words_count_more_and_phrases_do_not_span_title_and_body(index, tmp_path):
    lib = tmp_path / "lib"
    write_story(lib, "title", "Volcano erupts", "Ash fell on the town. People left.")
    write_story(lib, "body", "Town news", "A volcano erupts near the town, people said.")
    index.update([lib])
    assert [hit.id for hit in search(index, "volcano").hits] == ["title", "body"]
    assert [hit.id for hit in search(index, '"erupts ash"').hits] == []
    assert [hit.id for hit in search(index, '"volcano erupts"').hits] == ["title", "body"]
    assert [hit.id for hit in search(index, "title:town").hits] == ["body"]


def test_more_mentions_and_shorter_stories_rank_higher(index, tmp_path):
    lib = tmp_path / "lib"
    filler = " ".join(f"word{i}" for i in range(120))
    write_story(lib, "once_long", "Harbour report", f"The typhoon passed. {filler}")
    write_story(lib, "once_short", "Harbour note", "The typhoon passed the harbour.")
    write_story(lib, "thrice", "Harbour log", f"A typhoon, then a second typhoon, then a third typhoon. {filler}")
    write_story(lib, "none", "Harbour calm", "Nothing happened.")
    index.update([lib])
    assert [hit.id for hit in search(index, "typhoon").hits] == ["thrice", "once_short", "once_long"]


def test_block_max_skipping_passes_over_low_blocks(index, tmp_path):
    """A common word over many stories: when the best stories come first, the blocks of
    postings after them are skipped, not scored (Whoosh's own collector set no
    threshold until a later story displaced one of the first, so it skipped none)."""
    from whoosh import collectors

    from reader.search.query import parse_query
    from reader.search.scoring import TopCollector

    lib = tmp_path / "lib"
    for n in range(600):
        mentions = "storm " * (6 if n < 3 else 1)
        write_story(lib, f"s{n:04}", f"Report {n}", f"{mentions} over the coast. " + "calm " * (n % 7))
    index.update([lib])
    searcher = index.searcher()
    query = parse_query("storm").query
    ours, whooshs = TopCollector(limit=3), collectors.TopCollector(limit=3)
    searcher.search_with_collector(query, ours)
    searcher.search_with_collector(query, whooshs)
    assert [hit["id"] for hit in ours.results()] == ["s0000", "s0001", "s0002"]
    assert [hit["id"] for hit in whooshs.results()] == ["s0000", "s0001", "s0002"]
    assert ours.skipped_times >= 3  # blocks of postings passed over


def test_a_phrase_is_ranked_by_its_rarest_word_and_verified(index, tmp_path):
    lib = tmp_path / "lib"
    write_story(lib, "twice", "Talks", "The peace talks stalled. Later the peace talks resumed. peace peace peace")
    write_story(lib, "once", "Talks", "The peace talks stalled.")
    write_story(lib, "apart", "Talks", "Peace returned after the talks. Peace and more talks.")
    index.update([lib])
    results = search(index, '"peace talks"')
    assert [hit.id for hit in results.hits] == ["twice", "once"]
    assert results.total == 2


def test_phrase_top_matches_a_brute_force_ranking_across_segments(index, tmp_path):
    """The one-pass phrase search (block-max skipping, positions read for few stories)
    gives what scoring every story holding the phrase by its rarest word gives."""
    from whoosh import collectors
    from whoosh import query as wq

    from reader.search.phrases import phrase_top
    from reader.search.query import parse_query

    lib = tmp_path / "lib"
    for n in range(400):
        held = "the coast guard vessels came back" if n % 3 else "the vessels of the coast guard came"
        extra = " coast" * (n % 5)
        write_story(lib, f"s{n:04}", f"Report {n}", f"{held}.{extra} " + "calm sea " * (n % 11))
        if n == 199:
            index.update([lib])  # a second segment for the rest
    index.update([lib])
    searcher = index.searcher()
    assert len(list(searcher.leaf_searchers())) >= 2
    phrase = parse_query('"coast guard vessels"').query
    assert isinstance(phrase, wq.Phrase)
    rarest = min(phrase.words, key=lambda w: searcher.reader().doc_frequency("body", w))
    reference = collectors.TopCollector(limit=5, usequality=False)
    searcher.search_with_collector(wq.Require(wq.Term("body", rarest), phrase), reference)
    expected = [(hit.docnum, round(hit.score, 6)) for hit in reference.results()]
    ranked, total, exact = phrase_top(searcher, phrase, 5)
    assert [(d, round(s, 6)) for d, s in ranked] == expected
    holders = sum(1 for n in range(400) if n % 3)
    assert not exact and abs(total - holders) <= holders * 0.5
    everything, total, exact = phrase_top(searcher, phrase, 1000)
    assert exact and total == holders == len(everything)


def test_block_skipping_never_lands_on_a_deleted_story(index, tmp_path, monkeypatch):
    """The old version of a changed story is deleted; a block skip that stops on it
    must not bring it back (Whoosh's deletion filter does not look after a skip)."""
    from reader.search import schema

    monkeypatch.setattr(schema, "BLOCK_POSTINGS", 4)
    lib = tmp_path / "lib"
    counts = {0: 6, 1: 6, 2: 6, 8: 7, 9: 9}
    for n in range(16):
        write_story(lib, f"s{n:02}", f"Report {n}", "storm " * counts.get(n, 1) + "over the coast.")
    index.update([lib])
    write_story(lib, "s08", "Report 8", "storm " * 7 + "over the coast, again.")  # changed: old one deleted
    index.update([lib])
    searcher = index.searcher()
    assert searcher.reader().has_deletions()
    for limit in (3, 5, 16):
        hits = search(index, "storm", limit=limit).hits
        ids = [hit.id for hit in hits]
        assert len(ids) == len(set(ids)) == min(limit, 16)
    assert [hit.id for hit in search(index, "storm", limit=3).hits] == ["s09", "s08", "s00"]


def test_a_phrase_inside_a_larger_query_is_verified(index, tmp_path):
    """The two-phase path: ranked by the rarest word, positions checked for the best few,
    and Whoosh's own phrase search when too few of those hold the phrase."""
    lib = tmp_path / "lib"
    write_story(lib, "held", "Talks", "The peace talks in the harbour town stalled.")
    write_story(lib, "apart", "Talks", "Peace came to the harbour town after the talks.")
    for n in range(30):  # stories with both words apart, ranked above the one holding the phrase
        write_story(lib, f"near{n:02}", "Talks", "Peace came. Talks went. Peace came. Talks went. Harbour town." * 3)
    index.update([lib])
    results = search(index, '"peace talks" harbour', limit=5)
    assert [hit.id for hit in results.hits] == ["held"]
    assert search(index, '"peace talks" -stalled').hits == []


def test_skip_to_lands_where_stepping_through_the_postings_does(index, tmp_path):
    """The bisecting ``skip_to`` of the postings matcher (over blocks of 128 stories, read
    from the mapped file) stops at the first story at or after each target, as a step at
    a time would, and runs out past the last."""
    import random
    from bisect import bisect_left

    from whoosh.matching import ReadTooFar

    from reader.search.codec import CompactLeafMatcher

    lib = tmp_path / "lib"
    for n in range(700):
        write_story(lib, f"s{n:04}", f"Report {n}", ("harbour " if n % 3 else "") + "calm sea " * (1 + n % 4))
    index.update([lib])
    searcher = index.searcher()
    for subsearcher, _ in searcher.leaf_searchers():
        reader = subsearcher.reader()
        ids = list(reader.postings("body", "harbour").all_ids())
        assert len(ids) > 3 * 128
        rng = random.Random(7)
        for _ in range(40):
            matcher = reader.postings("body", "harbour")
            assert isinstance(matcher, CompactLeafMatcher)
            targets = sorted(rng.sample(range(ids[-1] + 2), 6))
            for target in targets:
                wanted = bisect_left(ids, target)
                if wanted == len(ids):
                    if matcher.is_active():
                        matcher.skip_to(target)
                    assert not matcher.is_active()
                    break
                matcher.skip_to(target)
                assert matcher.is_active() and matcher.id() == ids[wanted]
            matcher = reader.postings("body", "harbour")
            while matcher.is_active():
                matcher.next()
            with pytest.raises(ReadTooFar):
                matcher.skip_to(ids[-1] + 1)


def test_short_blocks_are_stored_as_they_are_and_long_ones_compressed(index, tmp_path):
    """zlib lengthens a block of a few postings: such a block is written as it is (its header
    says so) and reads back the same as a compressed one."""
    from reader.search.codec import COMPRESS_FROM, CompactLeafMatcher

    lib = tmp_path / "lib"
    for n in range(300):
        write_story(lib, f"s{n:03}", f"Report {n}", ("lighthouse " if n in (5, 77, 250) else "") + "calm sea " * (1 + n % 4))
    index.update([lib])
    reader = next(iter(index.searcher().leaf_searchers()))[0].reader()
    rare, common = reader.postings("body", "lighthous"), reader.postings("body", "calm")
    assert isinstance(rare, CompactLeafMatcher) and isinstance(common, CompactLeafMatcher)
    assert rare._compression == 0 and common._compression > 0  # a full block (BLOCK_POSTINGS) is over COMPRESS_FROM bytes
    assert COMPRESS_FROM > rare._nextoffset - rare._dataoffset
    assert [reader.stored_fields(i)["id"] for i in rare.all_ids()] == ["s005", "s077", "s250"]
    assert len(list(common.all_ids())) == 300


def test_phrase_top_finds_exactly_the_stories_whoosh_phrase_search_finds(index, tmp_path):
    """Random stories over a small vocabulary (repeated words, stop words, two segments):
    the stories ``phrase_top`` says hold a phrase are those Whoosh's phrase search finds."""
    import random

    from whoosh import query as wq

    from reader.search.phrases import phrase_top
    from reader.search.query import parse_query

    rng = random.Random(3)
    vocabulary = "coast guard new york of the vessels came sea".split()
    lib = tmp_path / "lib"
    for n in range(300):
        write_story(lib, f"s{n:04}", f"Story {n}", " ".join(rng.choice(vocabulary) for _ in range(rng.randint(3, 40))))
        if n == 149:
            index.update([lib])
    index.update([lib])
    searcher = index.searcher()
    for text in ['"coast guard"', '"new york new york"', '"guard of the coast"', '"vessels came"', '"sea sea"']:
        phrase = parse_query(text).query
        assert isinstance(phrase, wq.Phrase)
        expected = {hit.docnum for hit in searcher.search(phrase, limit=None)}
        ranked, total, exact = phrase_top(searcher, phrase, 1000)
        assert {docnum for docnum, _ in ranked} == expected and total == len(expected) and exact, text


@pytest.mark.parametrize("unranked_rest", [False, True])
def test_a_word_typed_whole_lists_its_own_stories_before_its_longer_words(index, tmp_path, monkeypatch,
                                                                         unranked_rest):
    """Searching as one types, "Obama" is a prefix too; the stories with the word itself come
    first, then those with only a longer word ("Obamacare"), however rare that is; also when
    the longer words are too many to rank (a big library), where the word's stories are ranked."""
    if unranked_rest:
        monkeypatch.setattr("reader.search.expansion.SCORED_WORDS", 1)
    lib = tmp_path / "lib"
    write_story(lib, "care", "Mandate repeal", "Repealing Obamacare's mandate would leave millions uninsured. "
                                               "Obamacare markets would shrink.")
    if unranked_rest:  # the longer word the commoner, as an unranked union reads its commonest words first
        write_story(lib, "care2", "Markets", "Obamacare markets steadied.")
        write_story(lib, "care3", "Courts", "Obamacare survived the court.")
    cares = ["care", "care2", "care3"] if unranked_rest else ["care"]  # (ranked, the rarer word scored higher)
    write_story(lib, "jury", "Jury duty", "Obama reported for jury duty in Chicago and was dismissed.")
    write_story(lib, "guns", "Gun laws", "Obama said gun laws were his biggest frustration. Obama again.")
    for n in range(6):
        write_story(lib, f"other{n}", f"Other {n}", f"Nothing about him here, story {n}.")
    index.update([lib])
    typed = search(index, "Obama", prefix_last=True)
    assert [hit.id for hit in typed.hits][:2] == ["guns", "jury"] and typed.total == 2 + len(cares)
    assert sorted(hit.id for hit in typed.hits[2:]) == cares
    started = [hit.id for hit in search(index, "Oba", prefix_last=True).hits]  # no word typed whole yet
    assert sorted(started) == sorted([*cares, "guns", "jury"])
    assert [hit.id for hit in search(index, "Obama", prefix_last=True, limit=1).hits] == ["guns"]


def test_the_whole_word_first_lists_only_stories_the_query_as_typed_finds(index, tmp_path):
    """While "president of" is typed, "of*" is a prefix: the stories with "president" alone
    are not put first; "obama -car" keeps out the story with "careful" (an excluded prefix)."""
    lib = tmp_path / "lib"
    write_story(lib, "pres", "President speaks", "The president spoke of the budget.")
    write_story(lib, "office", "Office", "The president officially opened it.")
    write_story(lib, "bank", "Bank", "The president said nothing.")
    write_story(lib, "careful", "Careful", "Obama was careful.")
    write_story(lib, "plain", "Plain", "Obama spoke.")
    index.update([lib])
    typed = search(index, "president of", prefix_last=True)  # ("of" itself is a stop word, never indexed)
    assert [hit.id for hit in typed.hits] == ["office"] and typed.total == 1
    assert [hit.id for hit in search(index, "obama -car", prefix_last=True).hits] == ["plain"]

