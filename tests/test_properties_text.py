"""Property tests: any bytes load as an article or a clear problem; wrapping never loses text."""

from __future__ import annotations

import re
import textwrap

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.problems import Problem
from reader.text import make_safe
from reader.loaders.txt import load_txt, parse_article
from reader.widgets.wrap import visible_part, wrap_body

CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=2000)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4000) | TEXT.map(lambda t: t.encode("utf-8")))
def test_any_bytes_give_an_article_or_a_named_problem(tmp_path, data):
    path = tmp_path / "any.txt"
    path.write_bytes(data)
    loaded = load_txt(path)
    assert all(isinstance(p, Problem) and p.path == path and p.message for p in loaded.problems)
    if loaded.article is None:
        assert any(p.skipped for p in loaded.problems)
    else:
        article = loaded.article
        for field in (article.title, article.body, article.credit or ""):
            assert not CONTROL.search(field.replace("\n", ""))
        assert len(article.title) <= 90


@settings(max_examples=300, deadline=None)
@given(text=TEXT.map(lambda t: t.replace("\r", "").replace("\t", "")))
def test_safe_text_replaces_controls_one_for_one(text):
    safe = make_safe(text)
    assert len(safe) == len(text)
    for original, shown in zip(text, safe):
        if original == "\n" or not CONTROL.match(original):
            assert shown == original
        else:
            assert shown != original and not CONTROL.match(shown)


@settings(max_examples=200, deadline=None)
@given(text=TEXT, width=st.integers(min_value=1, max_value=120))
@example(text="00\xa00", width=2)  # a no-break space joins words: it is not a place to wrap
def test_wrapping_covers_the_body_within_the_width(text, width):
    body = parse_article(text, "x.txt", "x").article
    if body is None:
        return
    body = body.body
    lines = wrap_body(body, width)
    shown = [body[line.start:line.end] for line in lines if line.part == "body"]
    assert "".join(shown) == body.replace("\n", "")  # paragraph breaks, and the lines of kept-lines paragraphs
    for piece in shown:
        assert cell_len(visible_part(piece)) <= max(width, 2)  # one wide character may not fit a 1-cell line


PARAGRAPH = st.text(alphabet=st.characters(categories=("L", "N", "P", "Zs"), exclude_characters="\r\n"), min_size=1,
                    max_size=60)
CODE_LINE = st.builds(lambda indent, text: " " * indent + text.strip(), st.integers(0, 6),
                      PARAGRAPH.filter(str.strip))  # as ``preformatted`` keeps them: no blank line, none ending in spaces


@settings(max_examples=200, deadline=None)
@given(paragraphs=st.lists(PARAGRAPH.map(str.strip).filter(bool)
                           | st.lists(CODE_LINE, min_size=2, max_size=5).map(lambda lines: textwrap.dedent("\n".join(lines))),
                           min_size=1, max_size=6))
def test_a_stored_body_reads_back_the_same_code_lines_and_all(paragraphs):
    """What the importer writes (``stored_body``) the text loader reads back paragraph for
    paragraph, a paragraph of lines (code, kept as lines) included."""
    from reader.loaders.txt import split_paragraphs, stored_body

    body = "\n\n".join(paragraphs)
    assert split_paragraphs(stored_body(body), keep_indented=True) == paragraphs


def test_the_share_of_letters_in_another_script_counts_every_latin_letter_as_latin():
    """Vietnamese ("Việt Nam", Latin with its extended accents) is Latin; Russian is not; the
    sidebar's "why no entities" and the recogniser's language check read the same letters."""
    from reader.text import other_script_share

    assert other_script_share("Hôm nay Việt Nam đón những vị khách") == 0.0
    assert other_script_share("сегодня в городе шёл дождь") == 1.0
    assert other_script_share("BBC сообщает") == 8 / 11  # 3 Latin letters, 8 Cyrillic
    assert other_script_share("1234 — !") == 0.0
