"""Word wrapping keeps offsets into the text and respects cell widths."""

from reader.widgets.wrap import paragraph_ranges, wrap_body, wrap_paragraph
from rich.cells import cell_len


def test_lines_cover_the_paragraph_in_order():
    text = "the quick brown fox jumps over the lazy dog " * 5
    lines = wrap_paragraph(text, 0, len(text), 20)
    assert lines[0][0] == 0 and lines[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(lines, lines[1:]))
    assert all(cell_len(text[s:e].rstrip()) <= 20 for s, e in lines)


def test_wide_characters_and_long_words():
    text = "界" * 15 + " end"
    lines = wrap_paragraph(text, 0, len(text), 10)
    assert all(cell_len(text[s:e].rstrip()) <= 10 for s, e in lines)
    assert "".join(text[s:e] for s, e in lines) == text


def test_body_has_a_blank_line_between_paragraphs():
    body = "one two\n\nthree"
    lines = wrap_body(body, 40)
    assert [line.part for line in lines] == ["body", "blank", "body"]
    assert body[lines[2].start:lines[2].end] == "three"
    assert paragraph_ranges(body) == [(0, 7), (9, 14)]


def test_a_paragraph_of_lines_keeps_them_each_wrapped_alone():
    body = "Run this:\n\n$ ls /usr/share/dict\nREADME\n    indented and long enough to wrap here\n\nThen go."
    shown = [(line.part, body[line.start:line.end]) for line in wrap_body(body, 30)]
    assert shown == [("body", "Run this:"), ("blank", ""), ("body", "$ ls /usr/share/dict"), ("body", "README"),
                     ("body", "    indented and long enough "), ("body", "to wrap here"), ("blank", ""),
                     ("body", "Then go.")]


RUNNING = "This paragraph is running text, long enough to follow a heading and to be read as prose here."


def test_a_short_line_before_running_text_is_a_heading():
    from reader.widgets.wrap import heading_paragraphs

    body = "\n\n".join([
        "The story's first line", RUNNING, "Early life", RUNNING, "Get in", "By plane", RUNNING,
        "By train", "There is no passenger train.", "‘Unprecedented’ strandings", "She became a vegan. [24]",
        "NoStyle 12346", "DecimalStyle 12345.6789", "ShortStyle 5:51 AM - 7:37 PM 6/30/14", RUNNING,
        "It ends here.", RUNNING, "a lower-case line", RUNNING, "By Jane Doe", RUNNING, "Photo: Reuters", RUNNING,
        "John FitzGibbon, 2nd Earl of Clare", RUNNING, "Protesters gather outside the parliament in Kyiv on Monday",
        RUNNING, "Last line"])
    paragraphs = paragraph_ranges(body)
    found = [body[slice(*paragraphs[n])] for n in sorted(heading_paragraphs(body, paragraphs))]
    assert found == ["Early life", "Get in", "By plane", "By train", "‘Unprecedented’ strandings"]
    lines = wrap_body(body, 40)
    assert {body[line.start:line.end] for line in lines if line.heading} == set(found)


def test_chinese_text_never_starts_a_line_with_a_closing_mark_nor_ends_one_with_an_opening_one():
    """'，开发人员向AlphaGo…' began a line at 120 columns (a new user's pass): the break moves
    back a character, as kinsoku shori does."""
    from reader.widgets.wrap import NO_LINE_END, NO_LINE_START, wrap_paragraph

    text = "在围棋比赛中，开发人员向AlphaGo提供了大量的棋谱。“这是一个里程碑”，他说。「好」。"
    for width in range(8, 31):
        lines = [text[a:b] for a, b in wrap_paragraph(text, 0, len(text), width)]
        assert "".join(lines) == text
        assert all(line[0] not in NO_LINE_START for line in lines[1:]), (width, lines)
        assert all(line[-1] not in NO_LINE_END for line in lines[:-1]), (width, lines)
        assert all(cell_len(line) <= width for line in lines)


def test_chinese_after_latin_words_fills_the_line_and_latin_words_stay_whole():
    """'【美国The Next' stood alone on a line, the rest of it empty, because 'Web作品的中文…'
    (no space in it) moved down whole (a new user's pass). Chinese breaks between its
    characters; a Latin word in it is never cut ('DeepMind')."""
    text = "【美国The Next Web作品的中文相关权益归腾讯公司所有，未经授权不得转载。DeepMind的AlphaGo AI能够下围棋。"
    for width in range(16, 41):
        lines = [text[a:b] for a, b in wrap_paragraph(text, 0, len(text), width)]
        assert "".join(lines) == text and all(cell_len(line.rstrip()) <= width for line in lines)
        if width >= 20:  # "Web作" fits after "【美国The Next ": the first line takes it
            assert lines[0].startswith("【美国The Next Web作"), (width, lines)
        assert not any(line.startswith(("eepMind", "lphaGo", "ext", "eb")) for line in lines), (width, lines)
    url = "see https://example.com/a/very/long/path/that/goes/on end"
    assert [url[a:b] for a, b in wrap_paragraph(url, 0, len(url), 20)][1] == "https://example.com/"  # cut when full
