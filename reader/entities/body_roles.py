"""What a story says a body (an organisation) is, in the words around its name beyond
"the magazine MicroMega" (``roles.body_before``) and "Cloud9, an esports team":

- who owns, backs or runs it, or where it is based, written before the name:
  "Amazon-owned Whole Foods Market" → "owned by Amazon", "Seattle-based Zillow" →
  "based in Seattle";
- its kind written after the name: "the Interfax news agency" → "news agency";
- the kind of a list it is named in: "religions such as Wicca" → "religion";
- what the story calls it before naming it: "a commercial meal-replacement plan called
  Medifast" → "commercial meal-replacement plan".

Each looks for a cheap sign first, as these run for every mention of every body at index time.
"""

from __future__ import annotations

import re

from reader.entities.model import ORG
from reader.entities.role_lists import before_list
from reader.entities.wordlists import singular
from reader.entities.role_words import BODY_WORDS
from reader.entities.tokens import follows_the
from reader.entities.wordlists import CALENDAR, ENDINGS

#: A hyphenated word before a name and what it makes of the word before the hyphen.
LINKS = {"owned": "owned by", "backed": "backed by", "controlled": "controlled by", "run": "run by",
         "funded": "funded by", "based": "based in", "headquartered": "based in", "led": "led by"}
_LINKED = re.compile(r"(?:^|[\s(“\"])(?P<who>[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,2})[-‑](?P<link>"
                     + "|".join(LINKS) + r")\s+(?:the\s+)?$")
KINDS_AFTER = BODY_WORDS | frozenset("tribe clan militia faction foundation museum commission television radio "
                                     "newswire daily".split())
"""The kinds a body's name may be followed by: "the Ngātiwai tribe", "al-Ikhbariya television"
(not "store" or "office": "the Apple store" is no kind of Apple)."""
_KIND_AFTER = re.compile(r"\s+(?P<kind>(?:[a-z][\w-]*\s+){0,2}(?:" + "|".join(sorted(KINDS_AFTER, key=len, reverse=True))
                         + r"))\b(?!-)")
_CLAUSE_ENDS = re.compile(r"\s*(?:[,;:.!?)]|$|\s(?:said|says|reported|reports|quoted|quoting)\b)")
_NEXT_WORD = re.compile(r" +([A-Z][\w’'-]*)")
_SUCH_AS = re.compile(r"\b(?:(?P<adjective>[a-z][\w-]*)\s+)?(?P<kinds>[a-z]+s)(?:,)?\s+(?:such\s+as|like|including)\s+"
                      r"(?:[Tt]he\s+)?$")
_SUCH_KINDS_AS = re.compile(r"\bsuch\s+(?P<kinds>[a-z]+s)\s+as\s+(?:[Tt]he\s+)?$")
"""("The" is written with a capital in some names: "such bands as The Velvet Underground".)"""


def linked_body(body: str, start: int) -> str | None:
    """ "Amazon-owned Whole Foods Market" → "owned by Amazon"."""
    before = body[max(0, start - 50):start]
    if "-" not in before and "‑" not in before:
        return None  # the usual case, without a regular expression
    match = _LINKED.search(before)
    return f"{LINKS[match.group('link')]} {match.group('who')}" if match else None


def _name_next(body: str, at: int) -> bool:
    """True when a name follows ``body[at:]`` ("Freedom Magazine"; not "I", "Tuesday")."""
    match = _NEXT_WORD.match(body, at)
    return match is not None and match.group(1) != "I" and match.group(1).lower() not in CALENDAR


def kind_after(body: str, start: int, end: int) -> str | None:
    """ "the Interfax news agency" → "news agency"; without "the" only where the kind ends the
    clause ("according to Yonhap news agency, …"): "Apple company shares" is no kind. Never
    after a name that says its kind: "the Church of Scientology website" is the church's."""
    if _says_its_kind(body[start:end]):
        return None
    match = _KIND_AFTER.match(body, end, min(len(body), end + 40))
    if not match or not (follows_the(body, start) or _CLAUSE_ENDS.match(body, match.end())):
        return None
    words = match.group("kind").split()
    if any(word in _NOT_ADJECTIVES for word in words):
        return None  # "the Pirates with the club", "the Foundation to charity": not its kind
    if not follows_the(body, start) and any(word.endswith("ed") or word in _VERBS
                                            or (word.endswith("s") and word not in _PLURAL_MODIFIERS)
                                            for word in words[:-1]):
        return None  # "Nike sued rival brand.", "Google acquires rival firm,": a verb, then someone else
    if _name_next(body, match.end()):
        return None  # "the Scientology propaganda publication Freedom Magazine": the kind is the name's after it
    return " ".join(words)


def _says_its_kind(name: str) -> bool:
    """True when a body's name ends with, or is headed by, a word for a kind of body
    ("Labour Party", "Church of Scientology")."""
    words = name.replace("’s", "").split()
    head = words[:words.index("of")] if "of" in words[1:] else words
    return bool(head) and ENDINGS.get(head[-1].casefold()) == ORG


def listed_kind(body: str, start: int, end: int | None = None) -> str | None:
    """ "neo-pagan religions, such as Wicca" → "neo-pagan religion"; "such organisations as
    the RSPCA" → "organisation"; "the ancient gods, such as Zeus, Hera, Poseidon" → "ancient
    god" for each name of the list (a word for "things" says nothing: "things like Google"). A
    name before "'s" or a hyphen is not the one listed: "projects like Facebook's React",
    "products like MSC-certified halibut"."""
    if end is not None and _name_goes_on(body, end):
        return None
    before = body[max(0, start - 300):start]
    if " as " not in before and "like " not in before and "including " not in before:
        return None
    if before.rstrip().endswith((",", "and")):
        before, _ = before_list(before)  # a later name of the list: "such as Zeus, Hera, " before "Poseidon"
    before = before[-60:]
    match = _SUCH_AS.search(before) or _SUCH_KINDS_AS.search(before)
    if not match:
        return None
    kind = singular(match.group("kinds"))
    if kind in _NOT_KINDS or len(kind) < 3:
        return None
    adjective = match.groupdict().get("adjective")
    if not adjective or adjective in _NOT_ADJECTIVES:
        return kind
    return f"{_modifier_before(before, match.start('adjective'))}{adjective} {kind}"


def _name_goes_on(body: str, end: int) -> bool:
    """True when a possessive or a hyphen follows the mention: what is named is more than it
    ("Facebook's React", "MSC-certified halibut", "Thad's World")."""
    return body[end:end + 2] in ("'s", "’s") or body[end:end + 1] in ("-", "‑")


def _modifier_before(before: str, at: int) -> str:
    """The word before the adjective when it reads as part of the same modifier, with a space
    ("peer-reviewed academic journals", "distributed computing projects"); else "" ("He heard
    rock bands": a verb)."""
    words = before[:at].split()
    word = words[-1] if words else ""
    if word.islower() and word.replace("-", "").isalpha() and word not in _NOT_ADJECTIVES \
            and ("-" in word or word.endswith(_MODIFIER_ENDINGS)):
        return word + " "
    return ""


_MODIFIER_ENDINGS = ("ed", "ing", "al", "ic", "ive", "ous", "ary", "ful")


_NOT_KINDS = frozenset("""thing other one issue reason word name term place area event case time day year way item
stuff example detail factor element aspect matter question topic feature option idea""".split())
"""Plural words before "such as" that say nothing of what the names are ("things like Google")."""
_PLURAL_MODIFIERS = frozenset("news sports rights arms games humanities savings sales".split())
"""Words ending in -s that name a kind of body's field ("Yonhap news agency"), not a verb."""
_VERBS = frozenset("beat bought built hit joined left made met paid sold told took won".split())
_NOT_ADJECTIVES = frozenset("""the a an and or of for other many some several such these those with to in on at by
from as its his her their this that than""".split())


_CALLED = re.compile(r"\b(?:a|an|the|its|their)\s+(?P<kind>(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w-]*)\s*,?\s+"
                     r"(?:called|named|dubbed|known\s+as)\s+(?:[Tt]he\s+)?[“\"]?$")


def called_kind(body: str, start: int, end: int) -> str | None:
    """ "a commercial meal-replacement plan called Medifast" → "commercial meal-replacement
    plan"; "a company named Acme" → "company" (not "a thing called Acme", nor "Thad" in "a
    story called Thad's World")."""
    if _name_goes_on(body, end):
        return None
    before = body[max(0, start - 90):start]
    if "call" not in before and "name" not in before and "dubbed" not in before and "known" not in before:
        return None
    match = _CALLED.search(before)
    if not match:
        return None
    words = match.group("kind").split()
    while words and words[0] in _NOT_ADJECTIVES:
        words.pop(0)
    if not words or words[-1] in _NOT_KINDS or words[-1] in _NOT_CALLED or len(words[-1]) < 3:
        return None
    return " ".join(words)


_NOT_CALLED = frozenset("man woman boy girl child person guy".split())
"""Words too plain to say anything of a body ("a man named …" is about a person anyway)."""
