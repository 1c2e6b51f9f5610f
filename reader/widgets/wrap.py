"""Word-wrapping an article into screen lines, keeping offsets into the text.

Plain functions (no widgets) so the article view can run them in a worker and
tests can check them directly.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rich.cells import cell_len

BREAKING_SPACE = " \t\n\u1680\u2000-\u2006\u2008-\u200a\u205f\u3000"
"""Spaces a line may break at (not the no-break spaces U+00A0, U+2007, U+202F)."""
_TOKEN = re.compile(f"[^{BREAKING_SPACE}]+[{BREAKING_SPACE}]*|[{BREAKING_SPACE}]+")
_TRAILING = re.compile(f"[{BREAKING_SPACE}]+$")


def visible_part(text: str) -> str:
    """``text`` without the breaking spaces at its end (what a wrapped line draws)."""
    return _TRAILING.sub("", text)


class Line(NamedTuple):
    """One screen line: ``text[start:end]`` of the part named by ``part``."""

    part: str  # "title", "meta", "credit", "body" or "blank"
    start: int
    end: int
    heading: bool = False
    """A line of a paragraph that reads as a section heading (drawn in bold)."""


def _cells(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


NO_LINE_START = frozenset("，。、．・：；？！」』）〉》】〕］｝”’…‥%),.:;!?]}ー々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
"""What Chinese and Japanese never start a line with (closing marks, small kana): the break
moves back a character or two, as kinsoku shori does ("，开发人员" began a line)."""
NO_LINE_END = frozenset("「『（〈《【〔［｛“‘([{")
"""What they never end a line with (opening marks)."""
_MOST_MOVED_BACK = 3


def _split_long(token: str, offset: int, width: int) -> list[tuple[int, int]]:
    """Hard-split a word wider than the line (a run of Chinese or Japanese text), by cells,
    not before a closing mark nor after an opening one."""
    pieces: list[tuple[int, int]] = []
    start = 0
    cells = 0
    for index, char in enumerate(token):
        char_cells = _cells(char)
        if cells + char_cells > width and index > start:
            cut = index
            while cut - start > 1 and index - cut < _MOST_MOVED_BACK \
                    and (token[cut] in NO_LINE_START or token[cut - 1] in NO_LINE_END):
                cut -= 1
            if token[cut] in NO_LINE_START or token[cut - 1] in NO_LINE_END:
                cut = index  # nowhere better within reach: break where the line is full
            pieces.append((offset + start, offset + cut))
            start, cells = cut, _cells(token[cut:index])
        cells += char_cells
    pieces.append((offset + start, offset + len(token)))
    return pieces


def wrap_paragraph(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` into ``(start, end)`` ranges of at most ``width`` cells.

    Trailing spaces stay on the line they follow (they are not drawn past the width).
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    line_start = start
    line_cells = 0
    for match in _TOKEN.finditer(text, start, end):
        word_end = match.start() + len(visible_part(match.group()))
        word_cells = _cells(text[match.start():word_end])
        if line_cells and line_cells + word_cells > width:
            lines.append((line_start, match.start()))
            line_start, line_cells = match.start(), 0
        if word_cells > width:
            pieces = _split_long(text[match.start():word_end], match.start(), width)
            lines.extend(pieces[:-1])
            line_start = pieces[-1][0]
            line_cells = _cells(text[line_start:word_end])
        line_cells += word_cells + (match.end() - word_end)
    if line_start < end or not lines:
        lines.append((line_start, end))
    return lines


def paragraph_ranges(body: str, separator: str = "\n\n", start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of each paragraph of ``body`` (or of ``body[start:end]``;
    with ``separator="\n"``, its lines), empty ones left out."""
    ranges = []
    position = start
    end = len(body) if end is None else end
    size = len(separator)
    while position <= end:
        found = body.find(separator, position, end)
        stop = end if found < 0 else found
        if stop > position:
            ranges.append((position, stop))
        if found < 0:
            break
        position = found + size
    return ranges


def wrap_body(body: str, width: int) -> list[Line]:
    """Screen lines for an article body: wrapped paragraphs with a blank line between them;
    a paragraph with newlines in it (code, a listing) keeps its lines, each wrapped alone."""
    lines: list[Line] = []
    paragraphs = paragraph_ranges(body)
    headings = heading_paragraphs(body, paragraphs)
    for number, (start, end) in enumerate(paragraphs):
        if lines:
            lines.append(Line("blank", end, end))
        heading = number in headings
        for line_start, line_end in paragraph_ranges(body, "\n", start, end):
            lines.extend(Line("body", s, e, heading) for s, e in wrap_paragraph(body, line_start, line_end, width))
    return lines


HEADING_MOST_WORDS = 6
"""A section heading is short ("Early life", "Get around"); a longer period-less line is
more often a caption ("Protesters gather outside parliament on Monday")."""
HEADING_MOST_CHARS = 60
HEADING_TEXT_AFTER = 12
"""Running text after a heading: a paragraph of this many words, or a sentence of a few."""
_SENTENCE_END = ".!?\"”’)]"  # "]": a citation mark ("… vegan. [24]")
_NOT_A_HEADING_END = frozenset(".,;:!?\"”’')]…-–—")
_OPENING_QUOTES = "'\"‘“«"


def _heading_shaped(text: str) -> bool:
    """One short line that starts with a capital or a digit (after an opening quote) and
    ends without punctuation: no sentence, caption ("Getty Images, 2019"), label ("Photo:
    AP"), byline ("By Jane Doe") or table row of figures."""
    if not text or len(text) > HEADING_MOST_CHARS or "\n" in text or text[-1] in _NOT_A_HEADING_END:
        return False
    first = text.lstrip(_OPENING_QUOTES)[:1]
    words = text.split()
    return (first.isupper() or first.isdigit()) and len(words) <= HEADING_MOST_WORDS and ". " not in text \
        and ", " not in text and ": " not in text and not (words[0] == "By" and words[-1][:1].isupper()) \
        and sum(any(c.isdigit() for c in word) for word in words) <= 1


def _running_text(text: str) -> bool:
    """A paragraph of prose: many words, or a sentence of a few ("There is no train.")."""
    words = len(text.split())
    return words >= HEADING_TEXT_AFTER or (words >= 4 and text.rstrip()[-1:] in _SENTENCE_END)


def heading_paragraphs(body: str, paragraphs: list[tuple[int, int]]) -> set[int]:
    """The numbers of the paragraphs that read as section headings ("Locale Awareness",
    "Early life"): heading-shaped, and followed by running text, or by one more heading
    and then running text ("Get in", "By plane", then prose). Never the first paragraph
    (the story's title or lead, drawn as such)."""
    texts = [body[start:end].strip() for start, end in paragraphs]
    shaped = [_heading_shaped(text) for text in texts]
    found = set()
    for number in range(len(texts) - 2, 0, -1):  # from the end: a heading before a heading found
        if not shaped[number]:
            continue
        after = number + 1
        if (not shaped[after] and _running_text(texts[after])) or (
                after in found and after + 1 < len(texts) and not shaped[after + 1]):
            found.add(number)
    return found
