"""Runs typed before anything else is read of them, by the words around them: a public
body named with its country ("Environment Canada"), the body of a person just named
("Raymond Chan of People Power"), a tournament's group ("Group G") and a field of study
("Professor of Oriental Languages")."""

from __future__ import annotations

import re

from reader.entities.endings import ending_kind
from reader.entities.lexicon import COUNTRY_RANK
from reader.entities.model import ORG, PERSON, PLACE
from reader.entities.story import Story
from reader.entities.wordlists import COMMON, is_role

#: What a public body or a national team is named, before its country's name ("Environment Canada",
#: "Statistics Norway", "Sport England", "Team Estonia").
COUNTRY_BODY_NOUNS = frozenset("""environment statistics health transport tourism parks elections industry
service team sport fisheries justice employment immigration heritage infrastructure education agriculture
defence revenue customs innovation energy water""".split())


def body_named_for_its_country(story: Story, a: int, b: int) -> bool:
    """A capitalised noun of ``COUNTRY_BODY_NOUNS`` and then a country (or a known place) and
    nothing else: one organisation, not a word and a place."""
    tokens, anchors = story.tokens, story.anchors
    if b - a < 2 or not tokens[a].cap or tokens[a].upper or tokens[a].folded not in COUNTRY_BODY_NOUNS:
        return False
    place = anchors.get(a + 1)
    return place is not None and place[0] == b - a - 1 and place[1].type == PLACE and place[1].rank >= COUNTRY_RANK


def body_of_a_person(story: Story, a: int, b: int) -> bool:
    """True for a run of capitalised ordinary words, none a known name, right after a person the
    story found and "of" or "from": the body the person belongs to ("People Power")."""
    tokens = story.tokens
    if b - a < 2 or b - a > 4 or tokens[a].initial or not all(t.cap and not t.upper for t in tokens[a:b]) \
            or any(k in story.anchors for k in range(a, b)) \
            or not all(t.folded in COMMON or story.knowledge.is_word(t.folded) for t in tokens[a:b]):
        return False
    if is_role(tokens[a].folded) or tokens[a].folded == "the" or story.text.startswith((" and ", " & "), tokens[b - 1].end):
        return False  # "from Doctor Who" (a title), "of The Globe and Mail" (cut at "and")
    start = tokens[a].start
    before = story.text[max(0, start - 6):start]
    if not (before.endswith(" of ") or before.endswith(" from ")):
        return False
    at = start - (4 if before.endswith(" of ") else 6)
    return any(f.type == PERSON and f.end == at for f in story.found)


GROUP_LABEL = re.compile(r"[A-H]|[1-9]")
"""A tournament group's label: "Group G", "Pool 3"."""


_STUDY_BEFORE = re.compile(r"\b(?:[Pp]rofessor|[Ll]ecturer|[Rr]eader|[Dd]egrees?|[Mm]ajor(?:ed|ing)?|[Dd]iploma|"
                           r"[Bb]achelor|[Mm]aster|Ph\.?D\.?|[Dd]octorate|[Cc]hair)"
                           r"(?:'s)?(?: of (?:Arts|Science|Sciences|Education|Philosophy|Fine Arts|Laws|Business "
                           r"Administration))?(?: degree)? (?:of|in) $")
"""What comes before a field of study: "Professor of", "a degree in", "Master of Arts in"."""


def subject_of_study(story: Story, a: int, b: int) -> bool:
    """True when ``a``..``b`` is a field of study after "Professor of" or "a degree in": no known
    name in it and no ending of a body or a place ("Oriental Languages", "Sport Psychology",
    "East Asian Studies")."""
    start = story.tokens[a].start
    if not _STUDY_BEFORE.search(story.text, max(0, start - 60), start):
        return False
    return not any(k in story.anchors for k in range(a, b)) and (
        ending_kind(story, a, b) not in (ORG, PLACE) or story.tokens[b - 1].folded in _FIELD_ENDINGS)


_FIELD_ENDINGS = frozenset("studies sciences science music arts art".split())
"""Last words that end a body's name elsewhere ("Centre for Coastal Studies") but a field here."""
