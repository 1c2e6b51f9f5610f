"""Snippets: the matches near the first one are found without analysing the whole body."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.search.snippets import SNIPPET_SCAN, MatchPlan, make_snippet

FILLER = "The weather stayed calm along the quiet coast for many days. " * 60


def test_a_match_deep_in_a_long_body_is_found_without_scanning_from_the_start():
    body = FILLER + "Then the Treaty of Shimonoseki was signed, and the treaties changed. " + FILLER
    plan = MatchPlan(terms={"treati"}, phrases=[("treati", "shimonoseki")])
    first = plan.first_spans(body)
    assert first and first == [span for span in plan.spans(body) if span[0] < first[-1][1] + 1]
    assert body[first[0][0]:first[0][1]] == "Treaty of Shimonoseki"
    snippet, spans = make_snippet(body, first)
    assert [snippet[s:e] for s, e in spans] == ["Treaty of Shimonoseki", "treaties"]


def test_a_likely_word_that_is_not_a_match_falls_back_to_the_whole_body():
    body = "treatment " * (SNIPPET_SCAN // 5) + "one treaty at the end"
    plan = MatchPlan(terms={"treati"})
    at = body.rindex("treaty")
    assert plan.first_spans(body) == plan.spans(body) == [(at, at + 6)]


WORDS = st.lists(st.sampled_from(["treaty", "treaties", "of", "Shimonoseki", "coast", "calm", "the", "\n\n",
                                  "guard", "vessels", "Treatment", "isl"]), max_size=900)


@settings(deadline=None)
@given(WORDS, st.sampled_from([MatchPlan(terms={"treati"}), MatchPlan(phrases=[("coast", "guard", "vessel")]),
                               MatchPlan(terms={"shimonoseki"}, phrases=[("treati", "shimonoseki")])]))
def test_first_spans_are_the_whole_bodys_first_matches(words, plan):
    body = " ".join(words)
    every = plan.spans(body)
    first = plan.first_spans(body)
    assert first == every[:len(first)]
    assert bool(first) == bool(every)


WORDY = st.text(alphabet=st.sampled_from(list("abcdeilmnorstyIMT .,'’-_3éü\n")), max_size=400)


@settings(deadline=None, max_examples=300)
@given(WORDY, st.data())
def test_the_words_found_by_their_beginning_are_the_ones_the_analyser_finds(text, data):
    """Terms only: the words that begin like a term are analysed, not every word; the
    matches are exactly those of analysing every word."""
    from reader.search.schema import iter_terms

    every = list(iter_terms(text))
    pool = sorted({t for t, _, _ in every} | {"minist", "island", "treati"})
    terms = set(data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3)))
    assert MatchPlan(terms=terms).spans(text) == [(s, e) for t, s, e in every if t in terms]


def test_a_word_after_a_full_stop_inside_a_token_is_no_word_of_its_own():
    from reader.search.schema import iter_terms

    text = "e.g.minister met the U.S.ministers, then a minister; _minister and prime-minister."
    expected = [(s, e) for t, s, e in iter_terms(text) if t == "minist"]
    assert MatchPlan(terms={"minist"}).spans(text) == expected
    assert [text[s:e] for s, e in expected] == ["minister", "minister"]


@settings(deadline=None, max_examples=300)
@given(WORDY, st.data())
def test_phrases_read_on_from_their_first_word_match_analysing_every_word(text, data):
    from reader.search.schema import iter_terms
    from reader.search.snippets import _merge

    every = list(iter_terms(text))
    pool = sorted({t for t, _, _ in every} | {"minist", "island"})
    terms = set(data.draw(st.lists(st.sampled_from(pool), max_size=2)))
    phrases = data.draw(st.lists(st.lists(st.sampled_from(pool), min_size=2, max_size=3).map(tuple), min_size=1,
                                 max_size=2))
    if len(every) > 3 and data.draw(st.booleans()):  # one phrase that is surely there
        at = data.draw(st.integers(0, len(every) - 2))
        phrases.append(tuple(t for t, _, _ in every[at:at + 2]))
    expected = [(s, e) for t, s, e in every if t in terms]
    texts = [t for t, _, _ in every]
    for phrase in phrases:
        for i in range(len(texts)):
            if tuple(texts[i:i + len(phrase)]) == phrase:
                expected.append((every[i][1], every[i + len(phrase) - 1][2]))
    assert MatchPlan(terms=terms, phrases=phrases).spans(text) == _merge(sorted(expected))


def test_a_word_with_accents_is_highlighted_for_the_term_without_them():
    body = "Long before São Paulo grew, Māori tribes harvested whales. " * 40  # long: the snippet's first scan too
    plan = MatchPlan(terms={"maori"}, phrases=[("sao", "paulo")])
    assert {body[s:e] for s, e in plan.spans(body)} == {"Māori", "São Paulo"}
    assert body[slice(*plan.first_spans(body)[0])] == "São Paulo"


def test_words_the_index_folds_to_other_letters_are_highlighted_too():
    """The index reads "Fußball" as "fussball" and "İstanbul" as "istanbul": their matches
    are found in the text as written."""
    from reader.search.schema import term_of

    body = "Long ago in İstanbul the Fußball club played on. " * 40
    plan = MatchPlan(terms={term_of("istanbul"), term_of("fussball")})
    assert {body[s:e] for s, e in plan.spans(body)} == {"İstanbul", "Fußball"}
    assert body[slice(*plan.first_spans(body)[0])] == "İstanbul"


def test_a_snippet_across_paragraphs_has_one_space_where_they_meet_and_its_matches_stay_on_their_words():
    body = "The first paragraph ends here.\n\nThe second names Taiwan.\n   An indented line, then Taiwan again."
    spans = [(m, m + 6) for m in (body.index("Taiwan"), body.rindex("Taiwan"))]
    snippet, found = make_snippet(body, spans)
    assert "  " not in snippet and "here. The second" in snippet and "Taiwan. An indented" in snippet
    assert [snippet[a:b] for a, b in found] == ["Taiwan", "Taiwan"]


def test_a_prefix_of_many_words_marks_every_word_whose_term_begins_with_it(tmp_path):
    """``sh*`` being typed stands for hundreds of words: the plan keeps the prefix (and the
    shorter stems the expansion added), not the words, and marks the same words."""
    from reader.search import LibraryIndex, search
    from reader.search.expansion import expand_query
    from reader.search.query import parse_query
    from reader.search.snippets import plan_matches
    from search_support import write_story

    lib = tmp_path / "lib"
    words = [f"sh{chr(97 + a)}{chr(97 + b)}ton" for a in range(5) for b in range(5)]
    write_story(lib, "many", "Shore", " ".join(words) + " and the shipping, ships, Shanghai, she; not ash or cash.")
    index = LibraryIndex(tmp_path / "index")
    index.update([lib])
    q = expand_query(parse_query("sh", prefix_last=True).query, index.searcher().reader(), [])
    plan = plan_matches(q)
    assert plan.prefixes == {"sh"} and len(plan.terms) < 3
    body = " ".join(words) + " and the shipping, ships, Shanghai, she; not ash or cash."
    marked = [body[s:e] for s, e in plan.spans(body)]
    assert marked == [*words, "shipping", "ships", "Shanghai", "she"]
    hit = search(index, "sh", prefix_last=True, suggest=False).hits[0]
    assert "ash" not in [hit.snippet[s:e] for s, e in hit.snippet_spans]
    index.close()
