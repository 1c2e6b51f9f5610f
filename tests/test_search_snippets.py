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
