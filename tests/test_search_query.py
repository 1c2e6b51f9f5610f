"""Query parsing: the syntax people use and the lenient repairs."""

from __future__ import annotations

import pytest
from whoosh import query as wq

from reader.search.query import parse_query


def leaves(q):
    return [(t.fieldname, t.text) for t in q.leaves() if isinstance(t, wq.Term)]


def test_words_are_anded_and_stemmed_in_the_field_that_holds_title_and_body():
    q = parse_query("Senkaku islands").query
    assert isinstance(q, wq.And)
    assert leaves(q) == [("body", "senkaku"), ("body", "island")]


def test_phrase_prefix_fuzzy_exclusion_or():
    assert any(isinstance(n, wq.Phrase) for n in parse_query('"treaty of shimonoseki"').query.leaves())
    assert any(isinstance(n, wq.Prefix) and n.text == "negot" for n in parse_query("negot*").query.leaves())
    fuzzy = [n for n in parse_query("shimonseki~").query.leaves() if isinstance(n, wq.FuzzyTerm)]
    assert fuzzy and fuzzy[0].maxdist == 1 and fuzzy[0].prefixlength == 1
    excluded = parse_query("japan -china").query
    assert isinstance(excluded, wq.AndNot)
    assert isinstance(parse_query("japan OR china").query, wq.Or)


def test_fields():
    assert parse_query("title:japan").query == wq.Term("title", "japan")
    assert parse_query("source:reuters").query == wq.Term("source", "reuters")
    assert parse_query('entity:"Hua Chunying"').query == wq.Term("entity", "hua_chunying")
    assert parse_query("type:Person").query == wq.Term("entity_type", "person")
    assert isinstance(parse_query("published:[2020 TO 2021]").query, wq.NumericRange)
    assert isinstance(parse_query("published:>2020").query, wq.NumericRange)


@pytest.mark.parametrize("text, note", [
    ('"unbalanced quote', "closed the unbalanced quote"),
    ("(japan china", "balanced the parentheses"),
    ("japan)", "balanced the parentheses"),
    ("AND", "AND/OR/NOT need a word"),
    ("japan AND", "AND/OR/NOT need a word"),
    ("*", "bare *"),
    ("foo:bar", "no field named foo"),
    ("title:", "nothing after title:"),
    ("japan entity: china", "nothing after entity:"),
    ("published:[soon TO later]", "could not read the query"),
    ("the of", "every word is too common to search for"),
    ("w", "a word needs at least 2 letters"),
    ("the w", "too common (like 'the') or too short"),
    ("-whale", "only leaves stories out"),
    ("the -whale", "every word is too common to search for"),
    ("published:[2020 TO", "closed the unfinished range"),
    ("published:[2020", "a range is written published:[2020 TO 2021]"),
])
def test_malformed_queries_are_read_leniently_with_one_line(text, note):
    parsed = parse_query(text)
    assert any(note in n for n in parsed.notes), parsed.notes
    assert all("\n" not in n for n in parsed.notes)


def test_a_year_being_typed_in_a_range_is_not_a_prefix_and_a_bad_date_is_explained():
    typing = parse_query("published:[2010 TO 201", prefix_last=True)
    assert not any("*" in note or "int()" in note for note in typing.notes), typing.notes
    typo = parse_query("published:[2010 TOO 2015]")
    assert any("a date is a year, a month or a day" in note for note in typo.notes), typo.notes


def test_fuzzy_words_with_one_stem_stay_each_as_typed():
    q = parse_query("runs~ running~").query  # both stem to "run": once merged into "runs~"
    assert sorted(str(leaf.text) for leaf in q.leaves()) == ["running", "runs"]
    assert [str(leaf.text) for leaf in parse_query("title:wahle~ OR body:wahl~").query.leaves()] == ["wahle", "wahl"]


def test_an_unfinished_range_reads_from_its_start_on():
    assert parse_query("published:[2020 TO").query == parse_query("published:[2020 TO]").query != wq.NullQuery


def test_lenient_repairs_keep_the_words():
    phrases = [n for n in parse_query('"unbalanced quote').query.leaves() if isinstance(n, wq.Phrase)]
    assert phrases and list(phrases[0].words) == ["unbalanc", "quot"]
    assert ("body", "bar") in leaves(parse_query("foo:bar").query)
    assert ("body", "japan") in leaves(parse_query("japan AND").query)


def test_bare_star_does_not_match_everything():
    parsed = parse_query("*")
    assert parsed.is_empty


def test_fuzzy_distance_is_capped():
    fuzzy = [n for n in parse_query("senkaku~9").query.leaves() if isinstance(n, wq.FuzzyTerm)]
    assert fuzzy[0].maxdist == 2


@pytest.mark.parametrize("text", ['"', "(", ")", "~", "^", ":", "title:", "[", "[a TO", "-", "+", "OR OR",
                                  'a"b"c"', "published:", "\x00", "é*", "**a~~"])
def test_nothing_raises(text):
    parse_query(text)


def _osa(a: str, b: str) -> int:
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.text("abcd", max_size=7), st.text("abcd", max_size=7), st.integers(0, 2))
def test_fuzzy_distance_matches_a_reference(a, b, k):
    from reader.search.expansion import edit_distance

    assert (edit_distance(a, b, k) <= k) == (_osa(a, b) <= k)
    assert edit_distance(a, b, k) == min(_osa(a, b), k + 1)


@pytest.mark.parametrize(("typed", "read"), [
    ('"tr', "tr*"), ('"trump adm', '"trump" adm*'), ('foo "white house adm', 'foo "white house" adm*'),
    ('"trump ', '"trump '), ('"t', '"t'), ('"trump AND', '"trump AND'), ('"white house" fo', '"white house" fo*'),
])
def test_the_last_word_of_a_phrase_being_typed_is_a_prefix_after_the_phrase_so_far(typed, read):
    from reader.search.query import with_last_word_as_prefix

    assert with_last_word_as_prefix(typed) == read


@pytest.mark.parametrize("text, words", [
    ("islands -storm", "islands"),
    ('"White House" visit', "White House visit"),
    ("Sino-Japanese talks", "Sino-Japanese talks"),
    ("title:island", None),
    ("peace OR war", None),
    ("strand*", None),
    ("-storm", None),
])
def test_plain_words_of_a_query_for_the_find_bar(text, words):
    from reader.search.query import plain_words

    assert plain_words(text) == words
