"""Word-wrapping an article into screen lines, keeping offsets into the text.

Plain functions (no widgets) so the article view can run them in a worker and
tests can check them directly.
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from rich.cells import cell_len

from reader.text import CJK_CHARACTERS

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


@cache
def _cjk() -> re.Pattern[str]:
    """Chinese and Japanese characters with their own punctuation (。「」，): a line may break
    beside them. (Compiled on first use: its ranges take a few milliseconds to compile, at
    start-up otherwise, and most stories have no word that needs it.)"""
    return re.compile(f"[{CJK_CHARACTERS}\u3000-\u303f\uff00-\uffef]")


def _breakable(token: str, index: int) -> bool:
    """True when a line may break before ``token[index]``: beside a Chinese or Japanese
    character (they are written without spaces), not before a closing mark nor after an
    opening one; never inside a run of Latin letters ("DeepMind")."""
    before, after = token[index - 1], token[index]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    cjk = _cjk()
    return bool(cjk.match(before) or cjk.match(after))


def _split_long(token: str, offset: int, width: int, first: int | None = None) -> list[tuple[int, int]]:
    """Split a word wider than the line by cells: at the last place a line may break
    (``_breakable``), else where the line is full (a long URL). ``first``: the cells the
    first piece may take (the rest of a line already begun; that piece only ends where a
    line may break, else it is empty)."""
    pieces: list[tuple[int, int]] = []
    start = 0
    cells = 0
    limit = width if first is None else first
    for index, char in enumerate(token):
        char_cells = _cells(char)
        while cells + char_cells > limit and (index > start or first is not None and not pieces):
            cut = next((i for i in range(index, start, -1) if _breakable(token, i)), None)
            if cut is None:
                cut = index if limit == width or pieces else start  # a line begun keeps no hard cut
            pieces.append((offset + start, offset + cut))
            start, cells, limit = cut, _cells(token[cut:index]), width  # (what moved down may still not fit)
        cells += char_cells
    pieces.append((offset + start, offset + len(token)))
    return pieces


def wrap_paragraph(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` into ``(start, end)`` ranges of at most ``width`` cells.

    Trailing spaces stay on the line they follow (they are not drawn past the width). Chinese
    and Japanese, written without spaces, break between their characters (a line begun
    takes as much as fits).
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    line_start = start
    line_cells = 0
    for match in _TOKEN.finditer(text, start, end):
        word_end = match.start() + len(visible_part(match.group()))
        word = text[match.start():word_end]
        word_cells = _cells(word)
        if line_cells and line_cells + word_cells > width:
            if not word.isascii() and _cjk().search(word):
                pieces = _split_long(word, match.start(), width, first=width - line_cells)
                lines.append((line_start, pieces[0][1]))  # this line filled, up to a place it may break
                line_start = pieces[0][1]
                for piece in pieces[1:-1]:
                    lines.append(piece)
                line_start = pieces[-1][0] if len(pieces) > 1 else line_start
                line_cells = _cells(text[line_start:word_end]) + (match.end() - word_end)
                continue
            lines.append((line_start, match.start()))
            line_start, line_cells = match.start(), 0
        if word_cells > width:
            pieces = _split_long(word, match.start(), width)
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
