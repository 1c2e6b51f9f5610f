"""Find in the article: smart case, whole word, regex, word mode, wrap-around."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.search.find import FindOptions, find_matches, nearest, step
from reader.search.schema import ANALYZER, iter_terms

TEXT = ("The Senkaku Islands, an island chain.\n\nTreaty of Shimonoseki (1895) ended the war. "
        "An islander said ISLAND twice.")


def found(pattern, **options):
    result = find_matches(TEXT, pattern, FindOptions(**options))
    return [TEXT[s:e] for s, e in result.matches]


def test_smart_case():
    assert found("island") == ["Island", "island", "island", "ISLAND"]
    assert found("Island") == ["Island"]


def test_whole_word():
    assert found("island", whole_word=True) == ["island", "ISLAND"]


def test_phrase_across_a_paragraph_break_is_found():
    assert found("chain. Treaty") == ["chain.\n\nTreaty"]


def test_regex_and_invalid_regex_is_an_error_value():
    assert found(r"\d{4}", regex=True) == ["1895"]
    result = find_matches(TEXT, "(18", FindOptions(regex=True))
    assert result.matches == [] and result.error.startswith("bad regex")
    assert result.label(None) == result.error
    whole_word = find_matches(TEXT, "*18", FindOptions(regex=True, whole_word=True))
    assert whole_word.error == "bad regex at 1: nothing to repeat"  # where it was typed, whole word or not
    unclosed = find_matches(TEXT, "hali(but", FindOptions(regex=True))
    assert unclosed.error == "bad regex at 5: missing )"  # the "(" left open, not the pattern's end
    verbose = find_matches("A treaty, treaties.", "(?x) treaty # the word", FindOptions(regex=True, whole_word=True))
    assert verbose.error is None and verbose.matches == [(2, 8)]  # a comment does not swallow the wrapper


def test_empty_regex_matches_highlight_nothing():
    assert all(e > s for s, e in find_matches(TEXT, "x*", FindOptions(regex=True)).matches)


def test_word_mode_uses_the_index_analyzer():
    assert found("island", word_mode=True) == ["Islands", "island", "islander", "ISLAND"]
    assert found("treaty of shimonoseki", word_mode=True) == ["Treaty of Shimonoseki"]
    assert find_matches(TEXT, "the of", FindOptions(word_mode=True)).error


def test_labels_and_wrap_around():
    result = find_matches(TEXT, "island")
    assert result.label(2) == "3 of 4"
    assert find_matches(TEXT, "zebra").label(None) == "no matches"
    assert step(4, 3, +1) == 0 and step(4, 0, -1) == 3 and step(4, None, -1) == 3 and step(0, None, 1) is None
    assert nearest(result.matches, 40) == 2 and nearest(result.matches, 10_000) == 0


def test_offsets_are_body_offsets():
    for s, e in find_matches(TEXT, "shimonoseki").matches:
        assert TEXT[s:e].lower() == "shimonoseki"


@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), max_size=200))
def test_fast_terms_agree_with_the_whoosh_analyzer(text):
    from reader.search.schema import standard_analyzer

    assert [t for t, _, _ in iter_terms(text)] == [t.text for t in standard_analyzer()(text)]
    for term, start, end in iter_terms(text):
        assert [t.text for t in ANALYZER(text[start:end])] == [term]


@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), max_size=200),
       st.booleans(), st.sampled_from(["index", "query"]))
def test_fast_analyzer_agrees_with_whoosh_stemming_analyzer(text, removestops, mode):
    from reader.search.schema import standard_analyzer

    def tokens(analyzer):
        return [(t.text, t.pos, t.startchar, t.endchar, t.stopped)
                for t in analyzer(text, positions=True, chars=True, removestops=removestops, mode=mode)]

    assert tokens(ANALYZER) == tokens(standard_analyzer())


def test_a_pasted_decomposed_pattern_finds_the_composed_text():
    import unicodedata

    body = "The Diccionario de la Lengua Española."  # stories are kept composed (NFC)
    pattern = unicodedata.normalize("NFD", "Española")
    where = (body.index("Española"), body.index("Española") + len("Española"))
    assert find_matches(body, pattern).matches == [where]
    assert find_matches(body, pattern, FindOptions(whole_word=True)).matches == [where]


def test_smart_accents_a_plain_pattern_finds_accented_letters_an_accented_one_only_itself():
    body = "The Māori trust met in Whangārei; maori, Café René."
    assert [body[s:e] for s, e in find_matches(body, "maori").matches] == ["Māori", "maori"]
    assert [body[s:e] for s, e in find_matches(body, "Māori").matches] == ["Māori"]
    assert [body[s:e] for s, e in find_matches(body, "cafe rene", FindOptions(whole_word=True)).matches] == \
        ["Café René"]
    assert find_matches(body, "whangarei").matches == [(body.index("Whangārei"), body.index("Whangārei") + 9)]
    # letters with a stroke have no mark to take off, but a plain pattern finds them too, as the
    # library search does ("ohav" found "Øhav" there and nothing here: a new user's pass)
    body = "The Sydfynske Øhav trail; Łódź; Đakovo."
    assert [body[s:e] for s, e in find_matches(body, "ohav").matches] == ["Øhav"]
    assert [body[s:e] for s, e in find_matches(body, "lodz").matches] == ["Łódź"]
    assert [body[s:e] for s, e in find_matches(body, "Øhav").matches] == ["Øhav"]


def test_a_regex_cut_off_by_its_time_limit_keeps_what_it_found(monkeypatch):
    """On a slow machine a long story's regex can pass the time limit after many matches: they
    are shown as a partial count ("N+"), not dropped for an error (a loaded full run did that)."""
    import regex

    from reader.search import find as find_mod

    class SlowAfterOne:
        def finditer(self, text, timeout):
            yield regex.match("is", "is")
            raise TimeoutError

    monkeypatch.setattr(find_mod, "compile_pattern", lambda pattern, options: SlowAfterOne())
    result = find_mod.find_matches("this is", "is", find_mod.FindOptions(regex=True))
    assert result.matches == [(0, 2)] and result.truncated and not result.error

    class SlowFromTheStart:
        def finditer(self, text, timeout):
            raise TimeoutError
            yield

    monkeypatch.setattr(find_mod, "compile_pattern", lambda pattern, options: SlowFromTheStart())
    result = find_mod.find_matches("this is", "is", find_mod.FindOptions(regex=True))
    assert not result.matches and "took over" in result.error
