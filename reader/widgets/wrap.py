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
    for start, end in paragraph_ranges(body):
        if lines:
            lines.append(Line("blank", end, end))
        for line_start, line_end in paragraph_ranges(body, "\n", start, end):
            lines.extend(Line("body", s, e) for s, e in wrap_paragraph(body, line_start, line_end, width))
    return lines
