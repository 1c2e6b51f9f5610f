"""Names made of a place and a plural nickname: teams ("Texas Rangers", "New England Patriots",
"Boston Red Sox") and firms ("Texas Instruments"), and the nickname alone that stands for
them later in the story ("the Rangers", "the Red Sox")."""

from __future__ import annotations

import re

from reader.entities.lexicon import COUNTRY_RANK
from reader.entities.model import ORG, PLACE
from reader.entities.story import Found, Story
from reader.entities.tokens import Token
from reader.entities.evidence import PLACE_BEFORE
from reader.entities.model import team_key
from reader.entities.tokens import fold_token
from reader.entities.wordlists import (
    COMMON,
    DEMONYMS,
    ENDINGS,
    MATCH_REPORT_WORDS,
    PARTY_NOUNS,
    SPORT_WORDS,
    is_demonym,
    is_role,
    singular,
)

#: Plurals that name land, not a team: "the Florida Keys", "the Texas Plains".
_LAND_PLURALS = frozenset("""keys cays everglades badlands highlands lowlands midlands uplands wetlands plains
dunes woods narrows shoals sands downs glades flats cliffs peaks ranges valleys bays beaches rocks banks
panhandle""".split())
#: People, not a body: "Texas Hispanics", "Ohio Voters", "Florida Residents".
_PEOPLE_PLURALS = frozenset("""women men children people voters residents citizens farmers workers
students teachers families fans natives locals veterans""".split())

_PEOPLE_ENDINGS = ("ians", "eans", "cans")
"""A place's people: "San Franciscans", "Bostonians", "Puerto Ricans" (not "Titans", "Spartans")."""


def place_and_nickname(story: Story, a: int, b: int) -> str | None:
    """The kind of the run ``a:b`` when it is a known place followed by one or two capitalised
    words ending in a plural (``ORG``: "Texas Rangers", "Texas Instruments"; ``PLACE`` for a
    plural of land: "Florida Keys"); ``None`` otherwise: a party's members ("California
    Republicans"), a people ("Texas Hispanics", "Ohio Voters"), a nickname the story also
    writes in lower case (a headline's "Texas Floods")."""
    tokens, anchors = story.tokens, story.anchors
    low = tokens[b - 1].base_folded
    if b - a < 2 or not (_plural(low) or low in _LAND_PLURALS):
        return None  # most runs: no plural at their end (checked before any look-up)
    anchor = anchors.get(a) or story.lexicon.longest(tokens, a, story.joined)  # (a story's first word has none)
    if anchor is None:
        return None
    n, entry = anchor
    p = a + n
    if entry.type != PLACE or not 1 <= b - p <= 2:
        return None
    if entry.rank < COUNTRY_RANK and story.is_given_name(tokens[a], place=True):
        return None  # "Sydney Peters": a person (a state or a country is seldom a given name here)
    tail = tokens[p:b]
    if any(not t.cap or t.upper or k in anchors or not t.text.isalpha() for k, t in enumerate(tail, p)):
        return None
    low = tail[-1].base_folded
    if low in _LAND_PLURALS:
        return PLACE
    if not _plural(low) or low in story.lower_all or low in COMMON or low in story.knowledge.family_names \
            or singular(low) in ENDINGS:
        return None  # "Georgia Rogers"; "Ohio Universities", "United States Embassies": the kind's plural
    if is_demonym(low) or low[:-1] in DEMONYMS or low.endswith(_PEOPLE_ENDINGS) or low in PARTY_NOUNS \
            or low in _PEOPLE_PLURALS or is_role(low) or is_role(low[:-1]):
        return None
    return ORG


def _plural(low: str) -> bool:
    return low == "sox" or len(low) >= 4 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def nickname(story: Story, found: Found) -> list[Token] | None:
    """The plural after the place that starts an organisation's name ("Red Sox" of "Boston Red
    Sox", "Pirates" of "Pittsburgh Pirates"), which stands for it alone later; else ``None``
    (not "Universities" of "Ohio Universities", a kind of body any other may be)."""
    tokens = found.tokens
    if found.type != ORG or len(tokens) < 2 or not tokens[-1].cap or tokens[-1].upper \
            or not _plural(tokens[-1].base_folded):
        return None  # (a singular is left alone: "Soup" of "Campbell Soup", "Magic" of "Hollywood Magic")
    for i in range(len(tokens) - 1, 0, -1):
        entry = story.lexicon.get(" ".join(t.folded for t in tokens[:i]))
        if entry is not None and entry.type == PLACE:
            tail = tokens[i:]
            if len(tail) > 2 or any(not t.cap or t.folded in ENDINGS or t.folded in COMMON for t in tail):
                return None
            return tail
    return None


PLAYS_AFTER = re.compile(r"\s+(?:both\s+|all\s+)?(?:beat|beats|lost|lose|won|win|defeated|drew|tied|edged|"
                         r"routed|trounced|clinched|rallied|trailed|led|hosted|host|hosts|face|faced|visit|visited|"
                         r"played|play|plays|scored|equalised|equalized)\b")
"""What a team does right after its name."""
_PLAYED_BEFORE = re.compile(r"\b(?:beat|beating|defeated|defeating|against|joined|joining|signed\s+with|"
                            r"traded\s+to|lost\s+to|losing\s+to|fell\s+to|drafted\s+by|coach\s+of|"
                            r"played\s+for|plays\s+for|playing\s+for)\s+the\s+$")


def plays_as_a_team(text: str, start: int, end: int) -> bool:
    """True for a capitalised plural after "the" that plays: "the Lakers beat", "lost to the
    Celtics", "joined the Knicks" (a team, though "laker" and "knick" are words and "Celtic"
    a people's)."""
    word = text[start:end]
    if len(word) < 4 or not word.endswith("s") or word.isupper() or text[max(0, start - 4):start].casefold() != "the ":
        return False
    return PLAYS_AFTER.match(text, end) is not None or _PLAYED_BEFORE.search(text, max(0, start - 30), start) is not None


def speaks_of_sport(story: Story) -> bool:
    """True when the story uses a word of sport: a plural that plays is then a team ("lost to
    the Celtics"), not a people ("The Americans won the war", "wars against the Turks")."""
    return not SPORT_WORDS.isdisjoint(story.lower_all)


_MATCH_REPORT_PHRASES = ("stoppage time", "extra time", "group stage", "world cup")
_SCORE_OR_DEFEAT_BEFORE = re.compile(r"(?:\b\d{1,2}\s*[–—-]\s*\d{1,2}|\b(?:lost|fell|went down|drew|beaten|"
                                     r"losing|draw)\s+(?:\d{1,2}\s*[–—-]\s*\d{1,2}\s+)?(?:to|with|by))\s+$")
"""A score, or a defeat or draw "to" or "with", right before a name: "Sweden 1 – 0 Korea Republic",
"lost 1 – 2 to England" (not "travelled to England")."""


def is_match_report(story: Story) -> bool:
    """A match report: national teams are named after their countries (and are organisations)."""
    words = story.lower_all
    cues = sum(1 for cue in MATCH_REPORT_WORDS if cue in words)
    if cues < 2:
        return False
    folded = story.text.casefold()
    return cues + sum(1 for cue in _MATCH_REPORT_PHRASES if cue in folded) >= 4


def countries_as_teams(story: Story) -> None:
    """In a match report, a country named where a team plays is its team ("Sweden beat Korea",
    "and Tunisia lost 1 – 2 to England"), keyed apart from the country; "travelled to England"
    and "in Russia" stay the places."""
    if not is_match_report(story):
        return
    text = story.text
    for f in story.found:
        if f.type == PLACE and f.key and f.known and len(f.tokens) <= 2:
            prev = text[max(0, f.start - 12):f.start].split()
            if not prev or fold_token(prev[-1]) not in PLACE_BEFORE | {"at", "to", "of", "and"} \
                    or PLAYS_AFTER.match(text, f.end) or _SCORE_OR_DEFEAT_BEFORE.search(text, max(0, f.start - 40), f.start):
                f.type, f.key = ORG, team_key(f.key)

