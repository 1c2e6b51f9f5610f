"""What a capitalised run's words say of its kind: its last word or the word before "of"
("Party", "Islands", "Ministry of …"), a company's legal form, and the kind words that are
also family names ("Nathan Law")."""

from __future__ import annotations

import re

from reader.entities.model import ORG, OTHER, PLACE
from reader.entities.role_words import TITLE_MODIFIERS
from reader.entities.story import Story
from reader.entities.wordlists import (
    COMMON,
    DEMONYMS,
    ENDINGS,
    OF_CONNECTORS,
    SERVICE_DISTRICTS,
    WEAK_ENDINGS,
    is_role,
    surname_like,
)

ROMAN = re.compile(r"[IVX]{1,5}")


def company_suffix(story: Story, tok) -> bool:
    """A legal form after a company's name ("GmbH", "S.A.", "Inc", "plc"): short ones only in capitals."""
    key = tok.text.replace(".", "").casefold()
    if key not in story.knowledge.company_suffixes:
        return False
    return tok.text.isupper() or "." in tok.text or (len(key) > 2 and not story.knowledge.is_word(key)) \
        or tok.text[:1].isupper() and tok.text[1:] != tok.text[1:].lower()


def has_strong_ending(tokens, a: int, b: int) -> bool:
    last = tokens[b - 1].base_folded  # "the Justice Department’s approval": a body, not Justice Department
    return b - a >= 2 and last in ENDINGS and not is_role(last)


def ending_kind(story: Story, a: int, b: int) -> str | None:
    """The kind a run's last word (or the word before "of") gives it: "Party" ORG, "Islands" PLACE."""
    if b - a == 1:
        return None  # "Party", "Army" alone are ordinary words
    tokens = story.tokens
    last = b - 1
    while last > a and (ROMAN.fullmatch(tokens[last].text) or tokens[last].text[:1].isdigit()):
        last -= 1
    if b - a >= 2 and company_suffix(story, tokens[b - 1]):
        return ORG  # "Zentra GmbH", "Brontel S.A.", "Acme Ltd"
    heads = [tokens[last].base_folded]
    idx = b
    for idx in range(a + 1, b):
        if tokens[idx].folded in OF_CONNECTORS:
            heads.append(tokens[idx - 1].folded)
            break
    at = [last, idx - 1]  # where each head stands
    for head, where in zip(heads, at):
        kind = ENDINGS.get(head)
        if kind is None:
            continue
        if surname_like(kind, head) and where > a and story.is_given_name(tokens[where - 1]) \
                and tokens[where - 1].base_end == tokens[where - 1].end and (where - 1 == a or tokens[where - 2].base_end
                                                                              != tokens[where - 2].end):
            continue  # "Demosisto's Nathan Law of …": a given name, then a family name (not "Booker Prize")
        if kind == OTHER and head == heads[0] and len(heads) > 1 and ENDINGS.get(heads[1]) in (ORG, PLACE):
            continue  # "Centre for Control of Iodine Deficiency Disorders": the body's, not its subject's
        if kind == PLACE and (head == tokens[last].base_folded and tokens[a].folded in DEMONYMS and head == "state"
                              or head != heads[0] and tokens[idx].folded in ("for", "on")):
            kind = ORG  # "Islamic State"; "Center for Health", "Hall for ..." are bodies, not buildings
        if head in WEAK_ENDINGS and tokens[a].folded in COMMON and not place_then(story, a, last):
            continue
        if head == "district" and head == heads[0] and last > a and tokens[last - 1].folded in SERVICE_DISTRICTS:
            return ORG  # "Irving Independent School District", "Chicago Park District": a body that runs a service
        return kind
    return None


def body_office(story: Story, a: int, role_at: int, b: int) -> bool:
    """True when a body's name (its last word says organisation) and its modifiers stand before
    the role, and no one is named after it: the office is the name."""
    tokens = story.tokens
    left_end = role_at
    while left_end > a and tokens[left_end - 1].folded in TITLE_MODIFIERS:
        left_end -= 1
    return left_end - a >= 2 and ending_kind(story, a, left_end) == ORG \
        and not any(story.is_given_name(t) for t in tokens[role_at + 2:b])


def ordinary_words_with_a_body_word(story: Story, toks) -> bool:
    """Dictionary words up to a body's word after the first ("Major League Baseball
    Indians"): a body's name, though "Major" is also a given name."""
    is_word = story.knowledge.is_word
    body = next((i for i, t in enumerate(toks) if i and ENDINGS.get(t.base_folded) == ORG), None)
    return body is not None and all(len(t.base) > 2 and is_word(t.base_folded) for t in toks[:body + 1])


def place_then(story: Story, a: int, last: int) -> bool:
    """True when a known place fills the run up to its last word: "New York Times",
    "Washington Post" are newspapers, though "New" alone is an ordinary word."""
    anchor = story.anchors.get(a)
    return anchor is not None and anchor[0] == last - a and anchor[1].type == PLACE
