"""Reading role words in a phrase, shared by the role shapes: where a phrase's clause
starts, the role its last words name ("DPP spokesperson"), a body's possessive before a
name ("New People Party's")."""

from __future__ import annotations

import re

from reader.entities.role_words import NOT_ROLE_START, ROLE_MODIFIERS, is_role_word
from reader.entities.wordlists import ABBREVIATIONS, ROLES

WORD = re.compile(r"[\w’'.&-]+")


def clause_start(before: str, stops: str) -> int:
    """Where the last clause of ``before`` starts: the last stop character, a full stop that
    ends an abbreviation or an initial ("Sen.", "U.S.") not counting."""
    cut = len(before)
    while True:
        cut = max(before.rfind(c, 0, cut) for c in stops)
        if cut <= 0 or before[cut] != ".":
            return cut
        word = re.split(r"[\s(“\"]", before[:cut])[-1]
        if not (word.casefold().strip(".") in ABBREVIATIONS | ROLES and len(word) <= 5
                or re.fullmatch(r"(?:[A-Za-z]\.)*[A-Z]", word)):
            return cut


RANKS_AS_ADJECTIVES = frozenset("major general private".split())
"""Ranks that, in lower case before a name, are adjectives: "a major Warhol donor program"."""


def role_ending(before: str) -> str | None:
    """The role the last words of ``before`` name, within its clause: "… said DPP
    spokesperson" → "DPP spokesperson" (None when the last word is no role word)."""
    cut = clause_start(before, ".;:!?\n,“”\"()—–")
    words = WORD.findall(before[cut + 1:])
    elided = _ELIDED_ARTICLE.match(words[-1]) if words else None
    if elided:  # "l'écologiste Sergio Coronado": the article ends the role
        words = [words[-1][elided.end():]]
    first_lady = len(words) > 1 and f"{words[-2]} {words[-1]}".casefold() == "first lady"  # "lady" alone is a title
    if not words or not (is_role_word(words[-1]) or first_lady) or words[-1] in RANKS_AS_ADJECTIVES:
        return None
    role = words[-2:] if first_lady else [words[-1]]
    rest = words[:-len(role)]
    while rest and len(role) < (8 if any(w in _NAME_JOINS for w in role) else 5):
        word = rest[-1]
        possessive = word.endswith(("'s", "’s", "s'", "s’"))
        then = word.casefold().startswith(("then-", "ex-")) and word[word.index("-") + 1:][:1].isupper()
        if (word[:1].isupper() and word.casefold() not in NOT_ROLE_START and word.casefold() not in _ARTICLES) \
                or is_role_word(word) or possessive or word in ROLE_MODIFIERS or then:  # "former security
            # chief", "then-Fox News host"
            role.insert(0, rest.pop())
            continue
        joins = 0  # "Museum of Flight CEO", "Joint Council for the Welfare of Immigrants campaigner"
        while joins < 2 and joins < len(rest) and rest[-1 - joins] in _NAME_JOINS:
            joins += 1
        named = len(rest) > joins and rest[-1 - joins][:1].isupper() \
            and rest[-1 - joins].casefold() not in NOT_ROLE_START and not is_role_word(rest[-1 - joins])
        office = len(rest) > joins and rest[-1 - joins][:1].islower() and is_role_word(rest[-1 - joins]) \
            and rest[-joins] in _ROMANCE_OF and role[0][:1].islower()  # "la ministre de la justice"
        if not (joins and (named and role[0][:1].isupper() and not is_role_word(role[0]) or office)):
            break
        role[:0] = rest[-joins:]
        del rest[-joins:]
    return " ".join(role)


_ELIDED_ARTICLE = re.compile(r"(?:[lL]|[dD]|dell|dall|nell|all|sull)['’](?=[^\W\d_])")
"""An article or preposition elided onto the word after it: "l'écologiste", "dell'economista"."""
_ROMANCE_OF = frozenset("de du des da do das dos del della di".split())
_NAME_JOINS = frozenset("of for the la".split()) | _ROMANCE_OF
"""Small words inside the name of a body before a role ("Museum of Flight CEO"), or of an office
in the Romance languages ("ministre de la justice")."""
_ARTICLES = frozenset("the a an la le les el los las il lo gli der die das o os um uma un una une".split())
"""Articles: a role before a name starts after them ("La ministre de la justice, Christiane Taubira")."""


_POSSESSIVE_BODY = re.compile(r"(?:^|[\s(,])(?P<body>(?:[A-Z][\w&.-]*[ \t]+){0,4}[A-Z][\w&.-]*)[’']s\s+$")
_CONTRACTED = frozenset("the there here what let how".split())  # "There's Jason": no party of "There"


def affiliation_before(before: str) -> str | None:
    """ "New People Party's Michael Tien": the body a person belongs to, as "of New People Party"."""
    before = before[clause_start(before, ".!?\n") + 1:]  # "on Sunday. Britain's Theresa May": not "Sunday."
    match = _POSSESSIVE_BODY.search(before)
    if not match:
        return None
    words = match.group("body").split()
    if words[0].casefold() in NOT_ROLE_START | _CONTRACTED:
        return None
    return f"of {' '.join(words)}"


