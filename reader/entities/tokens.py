"""Words of a text with their offsets, and what the rules need to know about each word."""

from __future__ import annotations

import re

from reader.entities.wordlists import HONORIFICS
from reader.text import CJK_CHARACTERS

#: A word: dotted abbreviations (U.S., D.C., and "U.S" without its last stop), letters/digits joined by
#: hyphens and apostrophes, or a run of Chinese or Japanese characters (a word of its own, never part of
#: a name written in Latin letters beside it: "DeepMind的AlphaGo" is three words).
WORD = re.compile(r"(?:[^\W\d_]\.){2,}|[A-Z](?:\.[A-Z])+(?![\w.])|[A-Z]{1,3}&[A-Z]{1,3}\b"
                  rf"|[^\W_{CJK_CHARACTERS}]+(?:(?:['’]|[-‐‑])[^\W_{CJK_CHARACTERS}]+)*|[{CJK_CHARACTERS}]+|&")
_WORDS_AND_GAPS = re.compile(f"({WORD.pattern})")
"""``WORD`` in a group: ``split`` gives the words and what stands between them."""
HYPHEN = re.compile(r"[-‐‑]")
INITIAL = re.compile(r"[A-Z]$")
_SENTENCE_END = set(".!?")
_OPENERS = set("\"“‘'«—–")
_NO_STOP_AFTER = frozenset("no vs st jr sr inc co corp ltd".split())
LOWER_PREFIXES = ("al-", "el-", "ad-", "an-", "ar-", "as-", "at-", "az-", "bin-", "ibn-", "abu-", "ul-",
                  "d'", "d’", "l'", "l’", "o'", "o’", "mc", "mac")
_ELISION = frozenset("'’")
_LOWER_PREFIX_SET = frozenset(p.replace("’", "'") for p in LOWER_PREFIXES) | frozenset(LOWER_PREFIXES)
GIVEN_WITH_HYPHEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}")
"""A romanised Chinese or Korean given name: "Chung-tai", "Kwok-hung", "Ing-wen", "Jae-in"."""


def follows_the(text: str, start: int) -> bool:
    """True when "the " (any case) comes just before ``text[start:]``: people are seldom "the"."""
    return text[max(0, start - 4):start].casefold() == "the "


_LOWER_WORD_AFTER = re.compile(r"\s+([a-z][a-z-]+)\b")


def lower_word_after(text: str, end: int) -> str | None:
    """The lower-case word right after ``text[:end]`` ("the D.A. Davidson *brokerage*", "the
    Sahara *desert*"), else ``None``."""
    match = _LOWER_WORD_AFTER.match(text, end)
    return match.group(1) if match else None


def fold_token(word: str) -> str:
    """The form words are compared in."""
    if word.isascii():
        return word.lower()
    return word.replace("’", "'").replace("‐", "-").replace("‑", "-").casefold()


class Token:
    """One word of the text with what the rules need to know about it (computed once).

    ``folded`` is the word as compared, ``base_folded`` the same without a possessive ’s
    (which ends at ``base_end``); ``upper``: ALL CAPITALS, two letters or more ("NASA",
    "U.S."), in text that is not shouting (also read as ``is_upper``)."""

    __slots__ = ("start", "end", "text", "cap", "initial", "folded", "base_end", "upper", "base_folded")

    def __init__(self, start: int, end: int, text: str, cap: bool, initial: bool = False,
                 plain: bool = False) -> None:
        """``plain``: the caller knows ``text`` is letters in lower case (no ’s, no capitals)."""
        self.start, self.end, self.text, self.cap, self.initial = start, end, text, cap, initial
        if plain:
            self.folded = self.base_folded = text if text.isascii() else fold_token(text)
            self.base_end, self.upper = end, False
            return
        self.folded = text.lower() if text.isascii() else fold_token(text)
        self.base_end = end - 2 if text[-2:] in ("'s", "’s") and len(text) > 3 else end
        base = text[:self.base_end - start]
        self.base_folded = self.folded if self.base_end == end else fold_token(base)
        self.upper = cap and len(text) > 1 and not text[1:2].islower() and _all_capitals(base)

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start})"

    @property
    def base(self) -> str:
        """The word without a possessive ’s."""
        return self.text[: self.base_end - self.start]

    @property
    def is_upper(self) -> bool:
        """``upper`` (the rules read the slot)."""
        return self.upper


_new = object.__new__
"""Makes a token without ``__init__`` (``tokenize`` sets the slots of a plain word itself)."""


def _all_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_cap_word(word: str) -> bool:
    """True for a word written like a name: "Taiwan", "al-Amr", "iPhone"."""
    if not word:
        return False
    first = word[0]
    if first.isupper():
        return True
    if not first.islower() or len(word) < 2:
        return False
    if word[1].isupper():
        return True  # iPhone, eBay
    if word.isalpha():
        return False
    for mark in ("-", "'", "’"):
        at = word.find(mark, 0, 5)
        if at > 0 and at + 1 < len(word) and word[at + 1].isupper() and word[:at + 1].casefold() in _LOWER_PREFIX_SET:
            return True  # al-Amr, d'Estaing
    return False


def is_plural_acronym(word: str) -> bool:
    """True for an acronym made plural ("CEOs", "APIs", "NGOs"): a common noun."""
    return len(word) >= 3 and word[-1] == "s" and word[:-1].isalpha() and word[:-1].isupper()


def tokenize(text: str) -> list[Token]:
    """Words with their offsets, each marked capitalised or not and sentence-initial or not."""
    tokens: list[Token] = []
    append = tokens.append
    # the text split at its words: [between, word, between, word, ..., between], all in C
    parts = iter(_WORDS_AND_GAPS.split(text))
    between = next(parts)
    start = len(between)
    prev: Token | None = None
    for word, after in zip(parts, parts):
        end = start + len(word)
        if between == " " and prev is not None:
            initial = False  # the common case: one space between two words
        elif prev is None:
            initial = not between.strip() or _after_boundary(between, None)
        else:
            initial = "\n" in between or _after_boundary(between, prev)
        if word.islower() and word.isalpha():
            # most words: letters in lower case, their token made here (no call per word)
            prev = _new(Token)
            prev.start, prev.end, prev.text, prev.cap, prev.initial = start, end, word, False, initial
            prev.folded = prev.base_folded = word if word.isascii() else fold_token(word)
            prev.base_end, prev.upper = end, False
        else:
            first = word[0]
            if word[1:2] in _ELISION and word[2:3].islower():
                cap = False  # "L’inscription", "D'abord": an elided article before an ordinary word
            else:
                cap = True if first.isupper() else (False if first.islower() and word.isalpha()
                                                    and not word[1:2].isupper() else is_cap_word(word))
            if cap and word[-1] == "s" and word[-2:-1].isupper() and is_plural_acronym(word):
                cap = False  # "CEOs", "APIs", "MPs": a common noun, not a name
            elif cap and after[:1] == "$":
                cap = False  # "US$ 20,000", "HK$5": a currency, not the place
            prev = Token(start, end, word, cap, initial)
        append(prev)
        between = after
        start = end + len(after)
    return tokens


def _after_boundary(between: str, prev: Token | None) -> bool:
    """True when the characters between two words end a sentence or open a quotation."""
    stripped = between.strip()
    if not stripped:
        return False
    if stripped[-1] in _OPENERS and stripped[-1] not in "'":
        return True
    core = stripped.rstrip("\"”’')]}»")
    if not core:
        return False
    if core[-1] == ":":
        return True
    if core[-1] in _SENTENCE_END:
        if core[-1] == "." and core == "." and prev is not None:
            low = prev.text.casefold()
            if low in HONORIFICS or INITIAL.match(prev.text) or low in _NO_STOP_AFTER:
                return False
        return True
    return False


def split_pieces(tok: Token) -> list[Token]:
    """The parts of a hyphenated word as tokens of their own ("Japan-Taiwan" → Japan, Taiwan)."""
    parts = []
    pos = tok.start
    for piece in HYPHEN.split(tok.text):
        if piece:
            parts.append(Token(pos, pos + len(piece), piece, is_cap_word(piece)))
        pos += len(piece) + 1
    if parts:
        parts[0].initial = tok.initial
    return parts
