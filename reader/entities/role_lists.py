"""The role of a list of names a mention belongs to: "writers Mark Twain, Robert Louis
Stevenson and …" → "writer"; "photographers who used the camera, such as Ansel Adams" →
"photographer"; "CNN’s John Berman and …" → "of CNN"."""

from __future__ import annotations

import re

from reader.entities.role_phrases import affiliation_before, role_ending
from reader.entities.wordlists import singular
from reader.entities.role_words import is_role_word

LIST_REACH = 700
"""How far back (characters) a list of names, with its bracketed works, may begin."""
_LIST_ITEM = re.compile(r"(?:[A-Z][\w.’'-]*(?<![’']s)\s+(?:(?:de|van|von|al|bin|da|du|le|la)\s+)?)*"
                        r"[A-Z][\w.’'-]*(?<![’']s)(?:\s*\([^()]{1,80}\))?"
                        r"(?:\s+of\s+(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)?"  # "Jann Wenner of Rolling Stone and "
                        r"(?:,\s*(?:and\s+)?|\s+and\s+)$")
_LIST_LEAD = re.compile(r"(?:,?\s+(?:such as|like|including|notably|among them)|:)\s*$")
_LEAD_ENDS = ("such as", "like", "including", "notably", "among them", ":")
"""How a text that ``_LIST_LEAD`` ends can end (a check before the slower search)."""


def before_list(before: str) -> tuple[str, int]:
    """The words before the list of names a mention ends ("writers Mark Twain, … and "),
    and how many names that list holds before the mention."""
    text, items = before, 0
    while items < 12:
        if not text.rstrip().endswith((",", "and")):
            break  # a name of a list is followed by a comma or "and" (``_LIST_ITEM``'s end)
        match = _LIST_ITEM.search(text)
        if not match or match.start() == match.end():
            break
        first, *rest = match.group(0).split()
        if len(rest) >= 2 and is_role_word(first):  # "Democrats Hala Ayala and ": the role, then a name
            return f"{text[:match.start()]}{first} ", items + 1
        owner = _OWNER_BEFORE.search(text, 0, match.start())
        if owner and rest in ([], ["and"]) and _ordinary_noun(first.rstrip(",")):
            text, items = text[:owner.start()], items + 1  # "Easter and Mother’s Day, ": one name, not Mother's Day
            continue
        text, items = text[:match.start()], items + 1
    return text, items


_OWNER_BEFORE = re.compile(r"[A-Z][\w.-]*[’']s\s+$")


def _ordinary_noun(word: str) -> bool:
    """True for a capitalised ordinary word that is no given name ("Day", "Office"): after a
    possessive it ends a name ("Mother’s Day"), not a list of people."""
    from reader.entities.knowledge import shared_knowledge  # noqa: PLC0415 - the cached word sets

    folded = word.casefold()
    knowledge = shared_knowledge()
    return knowledge.is_word(folded) and folded not in knowledge.given_names


def list_role_at(body: str, start: int, before: str) -> str | None:
    """``list_role`` of the words before ``start``, looking further back (``LIST_REACH``)
    only when a list of names fills the nearer window (names with their works in brackets)."""
    text, items = before_list(before)
    cut_in_a_bracket = text.count(")") > text.count("(")  # the window began inside a name's bracketed works
    if items and (len(text.strip()) < 20 or cut_in_a_bracket) and start > len(before):
        return list_role(body[max(0, start - LIST_REACH):start])
    return role_of_list(text, items)


def list_role(before: str) -> str | None:
    """The role of a list of names the mention belongs to, made singular: "writers Mark
    Twain, Robert Louis Stevenson and …" or "linguists like Henry Sweet and …" → "writer";
    a body's possessive before the list: "CNN’s John Berman and …" → "of CNN"."""
    return role_of_list(*before_list(before))


def role_of_list(text: str, items: int) -> str | None:
    """``list_role`` of the words before a list (``text``) of ``items`` names."""
    lead = _LIST_LEAD.search(text) if text.rstrip().endswith(_LEAD_ENDS) else None
    if lead:
        text = _RELATIVE_END.sub("", text[:lead.start()])  # "photographers who used the camera, such as"
    elif not items:
        return None
    elif text.rstrip().endswith(","):  # "NSNorth's organizers, Dan Byers and "
        text = text.rstrip()[:-1]
    elif affiliation_before(text):
        return affiliation_before(text)
    role = role_ending(text.rstrip() + " ")
    if not role or not role.split()[-1].casefold().endswith("s") or role.endswith(("'s", "’s")):
        return None  # not a plural ("During Prime Minister's Questions, Sunak": a possessive)
    *head, last = role.split()
    return " ".join([*head, singular(last)])


_RELATIVE_END = re.compile(r"\s+(?:who|that|which)\s+[^,;:.!?\n]*$")
