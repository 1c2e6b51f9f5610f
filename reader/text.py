"""Making untrusted text safe to show and easy to split.

Article text is data: control characters (ANSI escapes, bells, cursor moves)
are replaced by visible stand-ins so that nothing in a story can act on the
terminal, and tabs are expanded so columns stay aligned.
"""

from __future__ import annotations

import re
import unicodedata

TAB_SIZE = 4
CJK_CHARACTERS = ("\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff"
                  "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f")
"""Kana (without their punctuation: ・, ゠, ゛) and CJK ideographs, as ranges for a regular
expression's class: Chinese and Japanese are written without spaces between words."""

# C0 controls except newline, DEL, and C1 controls.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\x80-\x9f]")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9]|\s*$)")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char == "\t":
        return "\t"
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode control pictures: ESC shows as ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
"""A letter of the Latin script (with its accented forms: "É", "ş", "ạ")."""


def other_script_share(text: str) -> float:
    """The share of ``text``'s letters written in another script than the Latin one
    (Cyrillic, Greek, Arabic, Chinese …); 0 for a text without letters."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if not LATIN_LETTER.match(c)) / len(letters)


LETTERS_WITHOUT_MARKS = str.maketrans("øØđĐðÐłŁıħĦŧŦ", "oOdDdDlLihHtT")
"""Letters with a stroke, which Unicode does not write as a base letter and a mark ("Øhav",
"Łódź"), each to its base letter, one for one (offsets into the text stay)."""


def fold_name(text: str) -> str:
    """``text`` as names are compared: compatibility forms undone ("ﬃ" → "ffi"), case
    folded ("ß" → "ss") and accents removed ("Dvořák" → "dvorak")."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sentence_case(text: str) -> str:
    """``text`` with a capital first letter and the rest as written (``str.capitalize`` lowers
    the rest: "readme.md" for "README.md")."""
    return text[:1].upper() + text[1:]


def make_safe(text: str) -> str:
    """Return ``text`` with newlines normalised, tabs expanded and control characters visible."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(_visible, text)
    if "\t" in text:
        text = "\n".join(line.expandtabs(TAB_SIZE) for line in text.split("\n"))
    return text


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (all of it when no sentence end is found)."""
    match = _SENTENCE_END.search(text)
    return text[: match.end()].strip() if match else text.strip()


def shorten(text: str, limit: int = 90) -> str:
    """Shorten ``text`` to at most ``limit`` characters at a word boundary, adding an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"
