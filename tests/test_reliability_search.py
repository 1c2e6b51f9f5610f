"""Hostile queries and patterns: the query parser, library search and find-in-article
return a result or a one-line explanation, never an exception, within a time bound."""

from __future__ import annotations

import subprocess

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.reliability_support import PROPERTY, SMALL, bounded, hostile_text, newsy_text
from tests.reliability_tally import tally

import reader.search as search_mod  # noqa: E402
import reader.search.find as find_mod  # noqa: E402

QUERY_PIECES = ['"', "'", "(", ")", "*", "?", "~", "~2", "~9", "^", "^3", "-", "+", ":", "AND", "OR", "NOT", "and",
                "title:", "body:", "entity:", "type:", "source:", "published:", "date:", "nosuch:", "published:>",
                "published:[", " TO ", "]", "{", "}", "[2020 TO 2021]", "published:2021", "published:>2099",
                "published:[x TO y]", "entity:\"Hua Chunying\"", "senkaku", "island*", "shimonoseki~", "\\",
                "/", "<", ">", "=", "*a*", "a**", "\x00", "\x1b[2J", "[@click=app.quit]", " ", "  ", "the", "of"]
query_text = st.lists(st.sampled_from(QUERY_PIECES) | st.text(max_size=6), max_size=14).map(lambda xs: " ".join(xs) if len(xs) % 2 else "".join(xs))


def check_notes(notes) -> None:
    for note in notes:
        assert isinstance(note, str) and note and "\n" not in note and "Traceback" not in note


@PROPERTY
@given(text=query_text | hostile_text)
@example(text='"unbalanced')
@example(text="AND")
@example(text="*")
@example(text="published:[2020 TO")
@example(text="((((((((((((((((((((a")
@example(text="a~" * 50)
def test_the_query_parser_reads_anything_leniently(text):
    with bounded(5, "parse_query"):
        parsed = search_mod.parse_query(text)
    tally.tried("search: query parser")
    assert parsed.query is not None
    check_notes(parsed.notes)


@pytest.fixture(scope="module")
def small_index(tmp_path_factory):
    from reader.search import LibraryIndex

    folder = tmp_path_factory.mktemp("library")
    stories = {
        "senkaku": "China warns Japan\n\nChina has told Japan to be cautious about the Senkaku Islands, which Taiwan calls Diaoyutai. "
                   "The islands were annexed after the Treaty of Shimonoseki in 1895.",
        "hostile": "A [@click=app.quit]hostile[/] story \u241b]52;c;eA==\u2407\n\nIt talks about islands and [b]markup[/b].",
        "storm": "---\nsource: BBC News\npublished: 2020-08-15\n---\nStorm floods towns\n\nA storm flooded towns along the coast.",
        "empty-ish": "Title only line\n\n.",
    }
    for name, text in stories.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    index = LibraryIndex(tmp_path_factory.mktemp("index"))
    index.update([folder])
    yield index
    index.close()


@SMALL
@given(text=query_text | hostile_text)
@example(text="islands")
@example(text="isla*")
@example(text="islnds~")
@example(text='"treaty of shimonoseki"')
@example(text="'published:\"\"")  # an empty date once failed inside Whoosh's search
def test_library_search_answers_any_query(small_index, text):
    with bounded(10, "search"):
        results = search_mod.search(small_index, text, limit=5)
    tally.tried("search: library search")
    assert results.error is None, results.error
    check_notes(results.notes)
    for hit in results.hits:
        assert hit.id in {"senkaku", "hostile", "storm", "empty-ish"}
        for start, end in getattr(hit, "snippet_spans", None) or []:
            assert 0 <= start < end <= len(hit.snippet)


options = st.builds(find_mod.FindOptions, whole_word=st.booleans(), regex=st.booleans(), word_mode=st.booleans(),
                    case_sensitive=st.none() | st.booleans())
SAFE_REGEX = st.sampled_from([r"\d+", r"[A-Z]\w+", r"(", r"[", r"a{2,", r"(?P<x>a)(?P=x)", r"\b", r"^", r"$", r"(?i)x",
                              r".", r"\s+", r"[^a]", r"a|", r"*", r"+", r"?", r"\\", r"(?<=a)b", r"\p{L}", r"x{99999999999}"])


@PROPERTY
@example(text="x", pattern="x{99999999999}", opts=find_mod.FindOptions(regex=True))  # OverflowError, not re.error
@example(text="x", pattern="(" * 300 + "x" + ")" * 300, opts=find_mod.FindOptions(regex=True))
@example(text="x", pattern="(?P<a>x)" * 2 + "(?P<a>", opts=find_mod.FindOptions(regex=True, whole_word=True))
@given(text=newsy_text | hostile_text, pattern=hostile_text | SAFE_REGEX | st.sampled_from(["island", "Islands", "the", " ", "of the"]),
       opts=options)
def test_find_in_article_answers_any_pattern(text, pattern, opts):
    with bounded(5, "find_matches"):
        result = find_mod.find_matches(text, pattern, opts)
    tally.tried("search: find in article")
    if result.error:
        assert "\n" not in result.error and not result.matches
        return
    previous = -1
    for start, end in result.matches:
        assert 0 <= start < end <= len(text)
        assert start >= previous
        previous = start
    assert isinstance(result.label(0 if result.matches else None), str)
    if not (opts.regex or opts.word_mode) and pattern.strip() and pattern.isascii() and text.isascii():
        wanted = " ".join(pattern.split())
        for start, end in result.matches:
            found = " ".join(text[start:end].split())
            assert found.lower() == wanted.lower(), (found, wanted)


def test_find_in_a_huge_article_is_bounded():
    text = ("The Senkaku Islands, which Taiwan calls Diaoyutai, lie in the East China Sea. " * 20_000)
    for pattern, opts in [("island", find_mod.FindOptions()), ("islands", find_mod.FindOptions(word_mode=True)),
                          (r"\w+", find_mod.FindOptions(regex=True)), ("e", find_mod.FindOptions())]:
        with bounded(20, f"find {pattern!r} in 1.6 MB"):
            result = find_mod.find_matches(text, pattern, opts)
        tally.tried("search: find in article")
        assert result.matches and len(result.matches) <= find_mod.MAX_MATCHES


CATASTROPHIC = [r"(\w+\s?)+:", r"(a+)+$", r"(a|aa)+$", r"(.*a){20}", r"(x+x+)+y", r"^(\s*\w+)*\.$"]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
def test_a_regex_that_backtracks_forever_does_not_freeze_find(reader_home, pattern):
    """Python's re cannot be interrupted (not even by a signal) while it backtracks, and the
    find bar runs as you type: `(\\w+\\s?)+:` over thirty ordinary words would take hours.
    Run in a child with a 20 s limit so a regression fails here instead of hanging the suite."""
    import textwrap

    from tests.reliability_support import python_env, run_limited

    text = ("word " * 40 + "\n\n" + "a" * 60 + "b" + " xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.") * 3
    code = textwrap.dedent(f"""
        import time
        from reader.search.find import FindOptions, find_matches
        started = time.perf_counter()
        result = find_matches({text!r}, {pattern!r}, FindOptions(regex=True))
        print(len(result.matches), repr(result.error), round(time.perf_counter() - started, 2))
        """)
    try:
        result = run_limited(code, python_env(reader_home), memory_mb=1024, seconds=20)
    except subprocess.TimeoutExpired:
        pytest.fail(f"find with the regex {pattern!r} ran for more than 20 s (the app would freeze)")
    tally.tried("search: find in article")
    assert result.returncode == 0, result.stderr[-1500:]
