"""Find in the open article: matches in ``Article.body`` (text, not screen lines).

- plain text with smart case (case-sensitive only when the pattern has a capital) and smart
  accents (a pattern without accents finds letters with them: "maori" finds "Māori");
  spaces in the pattern match any run of whitespace, so a phrase across a line or
  paragraph break is still found;
- ``whole_word``: the match must not touch a letter or digit on either side;
- ``regex``: the pattern is a Python regular expression; an invalid one gives
  ``FindResult.error`` (one line), never an exception;
- ``word_mode``: the pattern is read with the library index's analyzer (lower case,
  stop words, stems), so "island" finds "Islands" and "treaty of shimonoseki" finds
  "Treaty of Shimonoseki".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from reader.search.schema import iter_terms
from reader.text import LETTERS_WITHOUT_MARKS

MAX_MATCHES = 10_000
Span = tuple[int, int]


@dataclass(frozen=True)
class FindOptions:
    """How to read the pattern. ``case_sensitive=None`` means smart case."""

    whole_word: bool = False
    regex: bool = False
    word_mode: bool = False
    case_sensitive: bool | None = None


@dataclass
class FindResult:
    """The matches (body offsets, in order) or why there are none."""

    matches: list[Span] = field(default_factory=list)
    error: str | None = None
    truncated: bool = False

    def __len__(self) -> int:
        return len(self.matches)

    def label(self, current: int | None) -> str:
        """``"3 of 12"``, ``"12 matches"``, ``"no matches"`` or the error."""
        if self.error:
            return self.error
        if not self.matches:
            return "no matches"
        more = "+" if self.truncated else ""
        if current is None:
            return f"{len(self.matches)}{more} matches"
        return f"{current + 1} of {len(self.matches)}{more}"


def is_case_sensitive(pattern: str, options: FindOptions) -> bool:
    if options.case_sensitive is not None:
        return options.case_sensitive
    return any(c.isupper() for c in pattern)


@lru_cache(maxsize=4)
def _tokens(text: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    terms, starts, ends = [], [], []
    for term, start, end in iter_terms(text):
        terms.append(term)
        starts.append(start)
        ends.append(end)
    return tuple(terms), tuple(starts), tuple(ends)


def _find_words(text: str, pattern: str) -> FindResult:
    wanted = tuple(t for t, _, _ in iter_terms(pattern))
    if not wanted:
        return FindResult(error="only common words: nothing to find in word mode")
    terms, starts, ends = _tokens(text)
    n = len(wanted)
    first = wanted[0]
    matches: list[Span] = []
    i = -1
    try:
        while True:
            i = terms.index(first, i + 1)
            if n == 1 or terms[i:i + n] == wanted:
                matches.append((starts[i], ends[i + n - 1]))
                if len(matches) >= MAX_MATCHES:
                    return FindResult(matches, truncated=True)
    except ValueError:
        pass
    return FindResult(matches)


REGEX_SECONDS = 0.5
"""A regex gets this long per search: the find bar runs as you type, and a pattern such as
``(\\w+\\s?)+:`` can backtrack for hours. The ``regex`` module (re-compatible syntax) avoids most
catastrophic backtracking and, unlike ``re``, can be given a timeout."""


def compile_pattern(pattern: str, options: FindOptions) -> regex.Pattern[str] | str:
    """The compiled pattern, or an error line for an invalid regex."""
    flags = 0 if is_case_sensitive(pattern, options) else regex.IGNORECASE
    if options.regex:
        source = pattern
    else:
        source = r"\s+".join(re.escape(part) for part in pattern.split())
    try:
        if not options.whole_word:
            return regex.compile(source, flags)
        try:
            return regex.compile(rf"(?<!\w)(?:{source})(?!\w)", flags)
        except regex.error:
            if not regex.compile(source, flags).flags & regex.VERBOSE:  # (its own error: reported below)
                raise
            return regex.compile(rf"(?<!\w)(?:{source}" "\n" r")(?!\w)", flags)  # a "# comment" swallowed the ")"
    except regex.error as error:
        pos, message = getattr(error, "pos", None), getattr(error, "msg", None) or str(error)
        if options.regex:  # Python's re names the place of an unclosed "(" or "[" (regex, the pattern's end)
            try:
                re.compile(pattern)
            except re.error as plain:
                pos, message = plain.pos, plain.msg.split(",")[0]  # "missing ), unterminated subpattern"
            except (OverflowError, RecursionError, ValueError):
                pass
        where = f" at {pos + 1}" if pos is not None else ""  # short: a few cells beside the box at 80 columns
        return f"bad regex{where}: {message}"
    except (OverflowError, RecursionError, ValueError) as error:  # x{99999999999}, nesting too deep
        return f"bad regex: {error}"


def find_matches(text: str, pattern: str, options: FindOptions = FindOptions()) -> FindResult:
    """Every match of ``pattern`` in ``text`` as ``(start, end)`` offsets."""
    empty = not pattern if options.regex else not pattern.strip()
    if empty:
        return FindResult()
    pattern = unicodedata.normalize("NFC", pattern)  # as ``Article.body`` is
    if options.word_mode:
        return _find_words(text, pattern)
    compiled = compile_pattern(pattern, options)
    if isinstance(compiled, str):
        return FindResult(error=compiled)
    if not options.regex and _plain(pattern) == pattern:
        text = _plain(text)  # one character for one: the offsets are the body's
    matches: list[Span] = []
    try:
        for match in compiled.finditer(text, timeout=REGEX_SECONDS):
            if match.end() == match.start():
                continue  # an empty match highlights nothing
            matches.append(match.span())
            if len(matches) >= MAX_MATCHES:
                return FindResult(matches, truncated=True)
    except TimeoutError:
        if matches:  # a slow machine or a long story: what was found so far, said to be partial
            return FindResult(matches, truncated=True)
        return FindResult(error=f"the regex took over {REGEX_SECONDS} s; try a simpler one")
    return FindResult(matches)


@lru_cache(maxsize=4)
def _plain(text: str) -> str:
    """``text`` with each accented letter replaced by its base letter, one character for one
    ("Māori" → "Maori"); characters that are not a letter and its marks stay as they are."""
    if text.isascii():
        return text
    table = {}
    for char in set(text):
        if ord(char) < 128:
            continue
        parts = unicodedata.normalize("NFD", char)
        if len(parts) > 1 and all(unicodedata.combining(c) for c in parts[1:]):
            table[ord(char)] = parts[0]
        elif ord(char) in LETTERS_WITHOUT_MARKS:
            table[ord(char)] = LETTERS_WITHOUT_MARKS[ord(char)]  # "Øhav": "ohav" finds it, as the search does
    return text.translate(table) if table else text


def step(count: int, current: int | None, delta: int) -> int | None:
    """The next current match moving by ``delta`` with wrap-around (``None`` if no matches)."""
    if count == 0:
        return None
    if current is None:
        return 0 if delta >= 0 else count - 1
    return (current + delta) % count


def nearest(matches: list[Span], offset: int) -> int | None:
    """The first match at or after ``offset`` (wrapping to the first), for typing as you go."""
    if not matches:
        return None
    for i, (start, _) in enumerate(matches):
        if start >= offset:
            return i
    return 0


def prime(text: str) -> None:
    """Split ``text`` into index terms now (when the find bar opens), so word mode costs
    only a scan per keystroke."""
    _tokens(text)
