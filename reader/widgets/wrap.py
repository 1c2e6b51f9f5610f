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


def _split_long(token: str, offset: int, width: int) -> list[tuple[int, int]]:
    """Hard-split a word wider than the line, by cells."""
    pieces: list[tuple[int, int]] = []
    start = 0
    cells = 0
    for index, char in enumerate(token):
        char_cells = _cells(char)
        if cells + char_cells > width and index > start:
            pieces.append((offset + start, offset + index))
            start, cells = index, 0
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


HEADING_MOST_WORDS = 10
HEADING_MOST_CHARS = 80
HEADING_TEXT_AFTER = 12
"""A heading is followed by a paragraph of at least this many words (a table's short rows
are not headings)."""
_NOT_A_HEADING_END = frozenset(".,;:!?\"”’')]…-–—")


def heading_paragraphs(body: str, paragraphs: list[tuple[int, int]]) -> set[int]:
    """The numbers of the paragraphs that read as section headings ("Locale Awareness",
    "The Verdict"): one short line that starts with a capital or a digit, ends without
    punctuation, and comes before a paragraph of running text. Never the first paragraph
    (the story's title or lead, drawn as such)."""
    found = set()
    for number in range(1, len(paragraphs) - 1):
        start, end = paragraphs[number]
        text = body[start:end].strip()
        if not text or len(text) > HEADING_MOST_CHARS or "\n" in text or text[-1] in _NOT_A_HEADING_END \
                or not (text[0].isupper() or text[0].isdigit()) or len(text.split()) > HEADING_MOST_WORDS \
                or ". " in text or sum(any(c.isdigit() for c in word) for word in text.split()) > 1:
            continue  # a sentence, or a table's row of figures
        after_start, after_end = paragraphs[number + 1]
        if len(body[after_start:after_end].split()) >= HEADING_TEXT_AFTER:
            found.add(number)
    return found
