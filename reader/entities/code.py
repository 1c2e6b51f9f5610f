"""Program code inside a story: lines of code and identifiers are not names.

Technical news quotes code ("NSString *name = [NSString string];"), compiler flags
("-Wshadow") and identifiers in running text ("NSDateFormatterStyle"). Their capitals are
the language's conventions, not names, so the recogniser drops what it finds there:

- a line with two or more kinds of code signal (a call "f(", braces, a statement's ";",
  an operator " = ", a directive "#import", a message "[obj send:", a method call "a.b(",
  a declaration "let x =");
- an identifier: three or more humps led by a prefix in capitals ("NSDateFormatter",
  "WKWebView") or by a lower-case letter ("kUTTypeJPEG"), or five humps or more; a
  company's CamelCase name ("GlaxoSmithKline", "PlayStation", "iPhone") has fewer;
- a word led by a prefix in capitals that two or more words of the story share: a
  framework's naming convention ("NSLog", "NSOperation"; "CMPedometer", "CMAltimeter"),
  where one such word alone ("JPMorgan") may be a name;
- a flag: a capitalised word right after a hyphen that starts a word ("-Wshadow");
- a word joined to another by an underscore ("OBJC_ASSOCIATION_ASSIGN", "Foo_Bar");
- a handle or a hashtag ("@SebGorka", "#Hannity") and the region of a language tag
  ("en-US", "sv-SE");
- the name of a source file ("NSObject+AssociatedObject.h", "AppDelegate.swift");
- a web address or a part of one ("pic.twitter.com/Ri9xrYF4Al"), a random-looking
  token of eight characters or more that mixes digits and both cases ("E507uaQ1kx"), and
  hex groups joined by hyphens, as a UUID writes them ("22361D15-E17B-4C48-AEA6-C73BBEA17011").
"""

from __future__ import annotations

import re
from bisect import bisect_right

_SIGNALS = tuple((marks, re.compile(p, re.M)) for marks, p in (
    ("(", r"\w\("), ("{}", r"[{}]"), (";", r";\s*(?:$|[}\n])"), ("=>:", r"\s=\s|==|!=|->|::|=>|\+="),
    ("@#", r"(?:^|\s)[@#][a-z]\w+"), ("[", r"\[\w+ \w+:|\[(?:[A-Z]|\w*[a-z][A-Z])\w* \w+\]"),
    ("(", r"\w\.\w+\("),
    (("let ", "var ", "const ", "func ", "def ", "val "), r"^[ \t]*(?:let|var|const|func|def|val)[ \t]+\w+[ \t]*[=:(]")))
"""Each kind of code signal: characters one of which it needs (a cheap test first), its pattern."""
_HUMPS = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z0-9]+|[A-Z]+")


def code_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the lines of ``text`` that read as program code: each such line,
    and every line of a block of lines (no blank line between them: a listing kept as
    lines) that reads as code as a whole ('let locality = "Paddington"' in a Swift listing)."""
    lines = []
    start = 0
    block_start, block_lines = 0, []
    for end in [*(m.start() for m in re.finditer("\n", text)), len(text)]:
        line = text[start:end]
        if len(line) > 8 and _signals(line) >= 2:
            lines.append((start, end))
        if line.strip():
            block_lines.append((start, end))
        else:
            _add_code_block(text, block_lines, lines)
            block_lines = []
        start = end + 1
    _add_code_block(text, block_lines, lines)
    return sorted(set(lines))


def _add_code_block(text: str, block: list[tuple[int, int]], lines: list[tuple[int, int]]) -> None:
    """Add the lines of ``block`` to ``lines`` when it has two or more and reads as code."""
    if len(block) >= 2 and _signals(text[block[0][0]:block[-1][1]]) >= 2:
        lines.extend(block)


def _signals(line: str) -> int:
    """How many kinds of code signal ``line`` holds (counting stops at two)."""
    count = 0
    for marks, signal in _SIGNALS:
        for mark in marks:
            if mark in line:
                if signal.search(line):
                    count += 1
                break
        if count == 2:
            break
    return count


_CLASSES = re.compile(r"[A-Z]+|[a-z]+|[0-9]+")


def is_identifier(word: str) -> bool:
    """True for a word written like a program's identifier ("NSDateFormatter", "kUTTypeJPEG")
    or a generated one ("Ri9xrYF4Al")."""
    if not word.isalnum() or word.isupper() or word.islower() or (word[1:].islower() and word.isalpha()):
        return False  # a plain word, in capitals or capitalised ("Taiwan")
    if len(word) >= 8 and any(c.isdigit() for c in word) and len(_CLASSES.findall(word)) >= 4:
        return True
    humps = _HUMPS.findall(word)
    if len(humps) >= 5:
        return True
    if len(humps) < 3:
        return False
    return word[0].islower() or (len(humps[0]) >= 2 and humps[0].isupper())


def is_flag(text: str, start: int) -> bool:
    """True when the word at ``start`` follows a hyphen that starts a word ("-Wshadow")."""
    return start >= 1 and text[start - 1] == "-" and (start == 1 or text[start - 2].isspace())


_LOCALE = re.compile(r"(?<![\w-])[a-z]{2,3}[-_]$")


def is_handle_or_code(text: str, start: int) -> bool:
    """True for a word written as a handle or a hashtag ("@SebGorka", "#Hannity") or as
    the region of a language tag ("en-US", "pt_BR"): a name's spelling in no sentence."""
    if start >= 1 and text[start - 1] in "@#":
        return True
    return start >= 3 and text[start:start + 2].isupper() and _LOCALE.search(text, max(0, start - 4), start) is not None


_ADDRESS_MARK = re.compile(r"://|www\.|\.[a-z]{2,6}/")
_NON_SPACE = re.compile(r"\S*")


def _token_start(text: str, at: int, reach: int) -> int:
    """Where the run of non-space characters that ``at`` is in (or ends at) begins, looking
    back at most ``reach`` characters (read from the right: a regular expression ending in
    ``$`` would try every start in the reach)."""
    before = text[max(0, at - reach):at]
    if not before or before[-1].isspace():
        return at
    return at - len(before.rsplit(None, 1)[-1])


def address_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the web addresses in ``text``: the run of non-space characters
    around each address mark ("://", "www.", ".com/")."""
    spans: list[tuple[int, int]] = []
    for mark in _ADDRESS_MARK.finditer(text):
        if spans and mark.start() < spans[-1][1]:
            continue  # inside the address found already
        after = _NON_SPACE.match(text, mark.start())
        spans.append((_token_start(text, mark.start(), 2000), after.end()))
    return spans


_HEX_GROUP = re.compile(r"-[0-9A-Fa-f]{4,12}-")
"""A group of hex digits between hyphens: a mark of an identifier such as a UUID (found fast:
the pattern begins with a literal)."""
_HEX_TOKEN = re.compile(r"[0-9A-Fa-f]+(?:-[0-9A-Fa-f]+){2,}")


def hex_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the identifiers of hex groups joined by hyphens in ``text``
    ("5BD255F4-CA55-4B82-A555-0F4BC5CA2AD6"): "CA55" in one is no name."""
    spans: list[tuple[int, int]] = []
    for mark in _HEX_GROUP.finditer(text):
        if spans and mark.start() < spans[-1][1]:
            continue  # inside the identifier found already
        start = _token_start(text, mark.start(), 200)
        end = _NON_SPACE.match(text, mark.start()).end()
        token = text[start:end].strip(".,;:()[]{}\"'“”")
        if _HEX_TOKEN.fullmatch(token) and any(c.isdigit() for c in token):
            spans.append((start, end))
    return spans


_EXTENSION = re.compile(r"\.(?:h|hpp|m|mm|c|cc|cpp|swift|py|js|ts|rb|go|rs|java|kt|plist|json|ya?ml|sh)(?!\w|\.\w)")
"""A source file's extension, which may end a sentence ("Open AppDelegate.swift."). A pattern
that begins with a literal is searched for fast: most stories have no such dot at all."""
_NAME_CHARACTERS = frozenset("_+./-")


def _name_character(character: str) -> bool:
    return character.isalnum() or character in _NAME_CHARACTERS  # (``\w`` is alphanumeric or "_")


def file_name_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the names of source files in ``text`` ("NSObject+AssociatedObject.h",
    "main.swift"): their capitals are a program's, not names. A name is the whole run of name
    characters before an extension (a word character right before its dot), to the last
    extension of the run; each run is read once."""
    spans: list[tuple[int, int]] = []
    run_end = -1
    for match in _EXTENSION.finditer(text):
        dot = match.start()
        if dot == 0 or not (text[dot - 1].isalnum() or text[dot - 1] == "_"):
            continue
        if dot < run_end:  # a later extension in the run of the name found last: it goes on to here
            spans[-1] = (spans[-1][0], match.end())
            continue
        start = dot
        while start > 0 and _name_character(text[start - 1]):
            start -= 1
        run_end = match.end()
        while run_end < len(text) and _name_character(text[run_end]):
            run_end += 1
        spans.append((start, match.end()))
    return spans


def in_address(text: str, start: int) -> bool:
    """True when the word at ``start`` is part of a web address."""
    return any(a <= start < b for a, b in address_spans(text))


_MAYBE_IDENTIFIER = re.compile(r"\S[A-Z]|\d")
"""What any identifier holds (a capital inside a word, or a digit): a cheap test first."""


_PREFIXED = re.compile(r"\b([A-Z]{2,3})[A-Z][a-z][A-Za-z0-9]*\b")


def shared_prefixes(text: str) -> frozenset[str]:
    """The capital prefixes ("NS", "UI") that lead two or more different words of ``text``."""
    words: dict[str, set[str]] = {}
    for match in _PREFIXED.finditer(text):
        words.setdefault(match.group(1), set()).add(match.group())
    return frozenset(prefix for prefix, found in words.items() if len(found) >= 2)


class _SharedPrefixes:
    """``shared_prefixes`` of a text, found when a word first needs them (most stories
    have no word that looks like "NSLog")."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: frozenset[str] | None = None

    def lead(self, word: str) -> bool:
        """True when ``word`` is led by a capital prefix other words of the text share."""
        match = _PREFIXED.fullmatch(word)
        if match is None:
            return False
        if self.found is None:
            self.found = shared_prefixes(self.text)
        return match.group(1) in self.found


def _snake_case(text: str, start: int, end: int) -> bool:
    """True when an underscore joins the name to another word ("OBJC_ASSOCIATION_ASSIGN"),
    not when underscores only mark emphasis ("_Barack Obama_")."""
    return (start >= 2 and text[start - 1] == "_" and (text[start - 2].isalnum() or text[start - 2] == "_")) \
        or (text[end:end + 1] == "_" and (text[end + 1:end + 2].isalnum() or text[end + 1:end + 2] == "_"))


class _Intervals:
    """``(start, end)`` intervals, asked which cover an offset in O(log n) (a story may have
    hundreds of code lines and addresses, and as many names)."""

    def __init__(self, intervals: list[tuple[int, int]]) -> None:
        ordered = sorted(intervals)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []  # the furthest end of the intervals up to each one
        furthest = -1
        for _, b in ordered:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def cover(self, offset: int) -> bool:
        """True when an interval has ``start <= offset < end``."""
        k = bisect_right(self.starts, offset) - 1
        return k >= 0 and self.reach[k] > offset


def in_code(text: str, spans, lines: list[tuple[int, int]] | None = None) -> list:
    """``spans`` without those in code: on a code line, holding an identifier, a flag, joined
    to another word by an underscore, or in a web address."""
    lines = code_lines(text) if lines is None else lines
    in_lines = _Intervals(lines + address_spans(text) + hex_spans(text))
    files = file_name_spans(text)
    prefixes = _SharedPrefixes(text)
    kept = []
    for span in spans:
        start = span.start
        if (is_flag(text, start) or is_handle_or_code(text, start) or _snake_case(text, start, span.end)
                or in_lines.cover(start)
                or (files and any(a < span.end and start < b for a, b in files))  # "Open Main.swift"
                or (_MAYBE_IDENTIFIER.search(text, start, span.end)
                    and any(is_identifier(w) or prefixes.lead(w)
                            for w in text[start:span.end].split()))):
            continue
        kept.append(span)
    return kept
