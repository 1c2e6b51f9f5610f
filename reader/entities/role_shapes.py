"""Roles a story gives a person through a verb or a credit, not next to the name:

- "as <role>" after a verb of office: "Maxime Bernier was forced to resign as Foreign
  Affairs minister", "Ann Lee, who served as chief of staff";
- the role after a verb's object: "Charlotte elected Vi Lyles mayor", "named Tom Jones head coach";
- a photo credit: "(AP Photo/Cliff Owen)", "Photo: Jane Doe." → "photographer"; a
  reporting credit: "Heba Habib contributed to this report.";
- an apposition "the <noun> of <Name>" ("Kevin Conroy, the voice of Batman") and a copula
  "the first ... to ..." ("Stacie Laughton was the first openly transgender woman to win ..."),
  which say who a person is without a role word.

The others keep a role only when one of its words is a role word (``roles.is_role_word``).
What a person made or is to someone else ("creator of CocoaPods", "spouse of Fillmore"):
``role_relations``.
"""

from __future__ import annotations

import re

from reader.entities.role_words import NOT_ROLE_START, is_role_word

_OFFICE_VERBS = (r"resign(?:s|ed|ing)?|serv(?:e|es|ed|ing)|work(?:s|ed|ing)?|appointed|named|elected|re-elected|"
                 r"hired|sworn\s+in|st(?:ep|epped|eps)\s+down|retir(?:e|es|ed|ing)|installed|chosen|confirmed|"
                 r"reappointed|took\s+over|tak(?:e|es|ing)\s+over|return(?:s|ed)|remain(?:s|ed)|continu(?:e|es|ed)|"
                 r"start(?:s|ed)|beg(?:an|ins)|join(?:s|ed)\s+\w+|nominated|selected|replac(?:e|es|ed)\s+\w+(?:\s+\w+)?")
_CLAUSE_WORDS = frozenset("""that which who whom said says told and but or after before when while because if
since although though than then so""".split())
_AS_ROLE = re.compile(r"(?:\s*,\s*who)?(?P<gap>(?:\s+[\w’'-]+){0,4}?)\s+(?:" + _OFFICE_VERBS +
                      r")\s+as\s+(?P<rest>[^,.;:!?\n()“”\"—–]{2,90})")
_CUT = frozenset("""after before when while because since until following amid despite during in on from
who which that and but or said says told with to until by""".split())
MAX_WORDS = 8


def trim_role(rest: str) -> str | None:
    """The role at the start of ``rest``, up to a word that starts another clause or a date
    ("Foreign Affairs minister after it became known" → "Foreign Affairs minister"); None
    without a role word."""

    kept: list[str] = []
    for word in rest.split()[:MAX_WORDS]:
        if word.casefold() in _CUT or word[:1].isdigit():
            break
        kept.append(word)
    while kept and kept[-1].casefold() in ("the", "a", "an", "of", "for", "at"):
        kept.pop()
    if not kept or kept[0].casefold() in _CUT or not any(is_role_word(w) for w in kept):
        return None
    return " ".join(kept)


def role_as(body: str, end: int) -> str | None:
    """ "<name> was forced to resign as Foreign Affairs minister": the role after "as" and a
    verb of office, in the name's own clause (at most four words between)."""
    match = _AS_ROLE.match(body, end, min(len(body), end + 200))
    if not match or any(w.casefold().strip(",") in _CLAUSE_WORDS for w in match.group("gap").split()):
        return None
    return trim_role(match.group("rest"))


_OBJECT_VERB = re.compile(r"\b(?:elected|re-elected|named|appointed|made|crowned|proclaimed|installed)\s+$")
_OBJECT_ROLE = re.compile(r"\s+(?:as\s+)?(?P<rest>[^,.;:!?\n()“”\"—–]{2,60})")


def role_object(body: str, start: int, end: int) -> str | None:
    """ "North Carolina elected Vi Lyles mayor", "the club named Tom Jones head coach": the
    role written after the name a verb of choosing takes."""
    if not _OBJECT_VERB.search(body, max(0, start - 20), start):
        return None
    match = _OBJECT_ROLE.match(body, end)
    if not match or match.group("rest")[:1].isupper() and not match.group("rest").startswith(("Prime", "Chief")):
        return None
    return trim_role(match.group("rest"))


_CREDIT = re.compile(r"\b(?P<kind>Photo(?:graph)?s?|Picture|Image|Video|Audio|Illustration)(?:\s+by|\s*:|\s*/)\s*"
                     r"(?:[A-Z]{2,}\s+)?(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*(?:&|and|,|/)\s*)?$")
"""A credit line's label before a name, and maybe another name credited with it ("Video: Miharris &")."""
_CREDIT_KINDS = {"Image": "image credit", "Video": "video credit", "Audio": "audio credit",
                 "Illustration": "illustrator"}
_CREDIT_END = re.compile(r"\s*(?:[.)\]/;]|$|\n|(?:&|and)\s+[A-Z][\w.’'-]*\s*(?:[.)\]/;]|$|\n))")
"""The end of a credit: the line's end, or one more name credited with it ("Miharris & Acphillips.")."""


_CREDIT_AFTER = re.compile(r"\s*/\s*[^()\n]{0,60}?\b(?:[Pp]hoto|[Pp]icture)\b[^()\n]{0,30}\)")


def credit_role(body: str, start: int, end: int, person: bool = True) -> str | None:
    """ "(AP Photo/Cliff Owen)" → "photographer"; "Image: NASA Bill Ingalls." → "image credit";
    "(Oleg Urusov/ Roscosmos Press Service photo via AP)" → "photographer"; "Video: Miharris &
    Acphillips." → "video credit". A body credited with a photo ("Photo: Reuters.") is its
    "photo credit", not a photographer."""
    photo = "photographer" if person else "photo credit"
    if body[start - 1:start] == "(" and _CREDIT_AFTER.match(body, end):
        return photo
    match = _CREDIT.search(body, max(0, start - 70), start)
    if not match or not _CREDIT_END.match(body, end):
        return None
    return _CREDIT_KINDS.get(match.group("kind"), photo)


_CONTRIBUTED = re.compile(r"(?:\s+in\s+[A-Z][\w’'.-]*(?:[\s,]+[A-Z][\w’'.-]*){0,3})?\s+contributed\s+(?:reporting\s+)?to\s+"
                          r"this\s+(?:report|story|article)")


def contributed_role(body: str, end: int) -> str | None:
    """ "Vladimir Isachenkov in Moscow contributed to this report." (a news story's reporting credit)."""
    return "contributed to this report" if _CONTRIBUTED.match(body, end) else None


_THE_N_OF = re.compile(r"the\s+[a-z][\w-]*\s+(?:of|for)\s+(?:the\s+)?[A-Z]")
_FIRST_TO = re.compile(r"(?:the|a|one of the)\s+(?:first|second|third|only|last|youngest|oldest)\b(?:\s+[\w’'-]+){1,5}?\s+to\s+[a-z]")
_CLAUSE_END = frozenset("who whom which that and but said says when while after before because since".split())


def _words_until_clause(rest: str, most: int) -> str:

    words: list[str] = []
    for word in rest.split()[:most]:
        if words and word.casefold() in _CLAUSE_END:
            break
        words.append(word)
    while words and words[-1].casefold() in NOT_ROLE_START | {"the", "a", "an"}:
        words.pop()
    return " ".join(words)


def the_n_of(rest: str) -> str | None:
    """ "Kevin Conroy, the voice of Batman in ...": "the <noun> of <a proper name>" in an
    apposition says who a person is even when the noun is no role word."""
    return _words_until_clause(rest, 9) if _THE_N_OF.match(rest) else None


def first_to(rest: str) -> str | None:
    """ "Wilmot Collins became the first black mayor to ..." without a role word: "the first
    openly transgender woman to win a seat on a state legislature"."""
    return _words_until_clause(re.split(r"\s+in\s+(?:a\s+)?[0-9]", rest)[0], 14) if _FIRST_TO.match(rest) else None
