"""What a person made, or is to someone else, as the words around the name say:

- who made a named thing: "CocoaPods was created by Eloy Durán", "Created by Peter Hosey,
  ISO8601DateFormatter …", "Justin Miller maintains MBXMapKit" → "creator of CocoaPods",
  "maintainer of MBXMapKit";
- who made a work named by its kind: "a post by Evan Brooks", "Agnès Varda's film" →
  "author of a post", "director of a film";
- a character an actor plays, and a co-star ("debut opposite Mandy Moore");
- a spouse, and whose when the story names them ("Fillmore married Lily Wong");
- a collaborator, a teacher, a friend or a partner ("studied with Rem Koolhaas", "in a
  relationship with Sophie Dymoke"); a victim ("the murder of Sheila Marie Evans").

Each looks for a cheap word first ("by ", " with ", "marri") and runs its regular
expression only then: these run for every mention of every person at index time.
"""

from __future__ import annotations

import re

from reader.entities.role_words import NOT_ROLE_START
from reader.entities.tokens import follows_the

#: A verb of making and the name of its maker: "founded" → "founder".
MAKERS = {"created": "creator", "founded": "founder", "co-founded": "co-founder", "cofounded": "co-founder",
          "designed": "designer", "invented": "inventor", "developed": "developer", "maintained": "maintainer",
          "maintains": "maintainer", "directed": "director", "composed": "composer", "written": "author",
          "authored": "author", "painted": "painter", "built": "builder", "started": "founder",
          "establishes": "founder", "established": "founder", "owned": "owner", "co-owned": "co-owner",
          "edited": "editor", "illustrated": "illustrator", "translated": "translator", "produced": "producer"}
_ACTIVE_MAKERS = ("created", "founded", "co-founded", "cofounded", "designed", "invented", "maintains",
                  "authored", "composed", "established")  # "X wrote Trump a letter", "X built Apple a ...": too loose
_THING = r"(?P<thing>[A-Z][\w.&’'+-]*(?:[ \t]+(?:(?:of|and|for|the|&)[ \t]+){0,2}[A-Z0-9][\w.&’'+-]*){0,5})"  # on one line
_CO_MAKERS = r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame)\.?\s+)?(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?:,\s+(?:and\s+)?|\s+(?:and|&)\s+)){0,3}"  # "by Jack Ma and "
_MAKER_VERB = "|".join(re.escape(v) for v in sorted(MAKERS, key=len, reverse=True))
_PASSIVE_BEFORE = re.compile(r"(?:^|[\s(“\"])(?:the\s+)?" + _THING + r"(?P<kind>\s+[a-z]+)?(?:\s*\([^()\n]{1,100}\))?"
                             r"\s+(?:was|were|is|are|has\s+been|had\s+been)\s+"
                             r"(?:(?:first|originally|jointly|later|also|largely)\s+)?(?P<verb>" + _MAKER_VERB + r")\s+by\s+" + _CO_MAKERS + "$")
_OPENING_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n)(?:(?:Originally|First|Jointly)\s+)?(?P<verb>" +
                             "|".join(v.capitalize() for v in MAKERS) + r")\s+by\s+" + _CO_MAKERS + "$")
_OPENING_AFTER = re.compile(r"(?:\s+(?:and|&)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})?,\s+(?:the\s+)?" + _THING)
_ACTIVE_AFTER = re.compile(r"\s+(?:(?:also|later|first|then|now|still|originally)\s+)?(?P<verb>" +
                           "|".join(re.escape(v) for v in _ACTIVE_MAKERS) + r")\s+(?:the\s+)?" + _THING)


_OPENERS = frozenset("in on at by when after before since during then but and so while until as of for".split())


def _thing(name: str) -> str | None:
    """A made thing's name, without a possessive or trailing joiners; None for a pronoun-like start."""
    words = name.split()
    while words and (words[0].casefold() in _OPENERS or words[0][:1].isdigit()):
        words.pop(0)  # "In 1999 Alibaba was founded by …"
    while words and words[-1].casefold() in ("of", "and", "for", "the", "&"):
        words.pop()
    if not words or words[0].casefold() in NOT_ROLE_START | {"i", "it", "this", "that", "he", "she", "they"}:
        return None
    return re.sub(r"[’']s$", "", " ".join(words)) or None


def maker_role(body: str, start: int, end: int) -> str | None:
    """Who made a named thing, by a verb of making before or after the name: "creator of
    CocoaPods" for "CocoaPods was created by Eloy Durán" ("The FIRST Global competition (For
    Inspiration …) was founded by Dean Kamen": a kind and a bracket may follow the thing's
    name) or "Created by Eloy Durán,
    CocoaPods …"; "maintainer of MBXMapKit" for "Justin Miller maintains MBXMapKit"."""
    before = body[max(0, start - 220):start]
    by = "by" in before[-100:]  # both patterns before the name end "... by NAME"
    match = _PASSIVE_BEFORE.search(before) if by else None
    if match:
        thing = _thing(match.group("thing"))
        if thing and match.group("kind") and thing.startswith("The "):
            thing = thing[4:]  # "The FIRST Global competition": "The" is the kind's, not the name's
        return f"{MAKERS[match.group('verb')]} of {thing}" if thing else None
    match = _OPENING_BEFORE.search(before) if by else None
    if match:
        after = _OPENING_AFTER.match(body, end, min(len(body), end + 160))
        thing = _thing(after.group("thing")) if after else None
        return f"{MAKERS[match.group('verb').casefold()]} of {thing}" if thing else None
    match = _ACTIVE_AFTER.match(body, end, min(len(body), end + 160))
    if match:
        thing = _thing(match.group("thing"))
        return f"{MAKERS[match.group('verb')]} of {thing}" if thing else None
    return None


#: A work and who makes it: "a post by Evan Brooks" → "author of a post".
WORK_MAKERS = {
    **dict.fromkeys("post article essay column op-ed report paper piece blog story study book novel memoir "
                    "biography letter poem play editorial review".split(), "author"),
    "translation": "translator",
    **dict.fromkeys("film movie documentary".split(), "director"),
    **dict.fromkeys("song album".split(), "musician"),
    **dict.fromkeys("painting sculpture drawing".split(), "artist"),
    **dict.fromkeys("photo photograph".split(), "photographer"),
    **dict.fromkeys("talk lecture speech".split(), "speaker"),
    **dict.fromkeys("library framework plugin tool app extension".split(), "developer"),
    **dict.fromkeys("proposal thread newsletter".split(), "author"),
    **dict.fromkeys("voiceover narration".split(), "narrator"),
    "podcast": "host", "cartoon": "cartoonist",
}
_WORK_BY = re.compile(r"\b(?P<work>" + "|".join(sorted(WORK_MAKERS, key=len, reverse=True)) +
                      r")s?(?:[^.;:!?\n]{0,80}?,|\s+of\s+the\s+same\s+name|\s+[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,5}?\s+\(\d{4}\))?"
                      r"\s+(?:(?P<verb>written|directed|painted|taken|given|published|recorded|"
                      r"edited|translated|illustrated|produced)\s+)?by\s+" + _CO_MAKERS + "$")
"""(The kind of work in lower case: "St. Jerome in His Study (1480), by Domenico Ghirlandaio" names a painting.)"""


def _of_work(maker: str, work: str) -> str:
    """ "director of a film", "author of an essay"; "translator" alone for a translation."""
    if maker == "translator" and work == "translation":
        return maker
    return f"{maker} of {'an' if work[0] in 'aeiou' else 'a'} {work}"


_OWN_WORKS = sorted(set(WORK_MAKERS) - {"story", "biography", "photo", "photograph", "cartoon", "speech", "letter"},
                    key=len, reverse=True)
"""(Not "Trump's speech", "Obama's letter": everyone in the news gives speeches and writes
letters; "a speech by X" still says who spoke.)"""
_POSSESSIVE_WORK = re.compile(r"[’']s\s+(?:(?:new|latest|first|last|debut|recent|best-?selling|acclaimed|famous|early|"
                              r"final|second|third|next|upcoming|classic|short|\d{4})\s+){0,2}(?P<work>"
                              + "|".join(_OWN_WORKS) + r")s?\b")


_ATTRIBUTIVE_WORK = re.compile(r"\s+(?P<work>" + "|".join(_OWN_WORKS) + r")\b")
_TITLED_WORK = re.compile(r"[’']s\s+(?P<title>[A-Z][\w’'-]*(?:\s+(?:[A-Z][\w’'-]*|of|the|and|in|a)){0,5})\s+\(\d{4}\)")


def possessive_work_role(body: str, start: int, end: int) -> str | None:
    """ "Andrzej Wajda's movie", "the Gregory Maguire novel" → "director of a movie", "author
    of a novel" (not "her story", "his biography": about the person); "Woody Allen's Match
    Point (2005)" → "creator of Match Point"."""
    if body.startswith(("'s ", "’s "), end):
        match = _POSSESSIVE_WORK.match(body, end, min(len(body), end + 60))
        if not match:
            titled = _TITLED_WORK.match(body, end, min(len(body), end + 80))
            return f"creator of {titled.group('title')}" if titled else None
    elif follows_the(body, start):
        match = _ATTRIBUTIVE_WORK.match(body, end, min(len(body), end + 20))
        if not match:
            return None
    else:
        return None  # the usual case, without a regular expression
    work = match.group("work").casefold()
    return _of_work(WORK_MAKERS[work], work)


_MADE_BY = re.compile(r"[,)]\s+(?P<verb>directed|composed|illustrated|translated|edited|produced|written|painted|designed)"
                      r"\s+by\s+" + _CO_MAKERS + "$")


def made_by_role(body: str, start: int) -> str | None:
    """ "Jules et Jim (1962), directed by François Truffaut" → "director": a verb of making
    after a work's name and a comma (or its year in brackets)."""
    before = body[max(0, start - 80):start]
    if "by " not in before:
        return None  # the usual case, without a regular expression
    match = _MADE_BY.search(before)
    return MAKERS[match.group("verb")] if match else None


def work_role(body: str, start: int) -> str | None:
    """ "this recent post by Evan Brooks" → "author of a post"; "a film by Agnès Varda" →
    "director of a film" (the work named by its kind, right before "by" and the name)."""
    if "by " not in body[max(0, start - 160):start]:
        return None  # the usual case, without a regular expression
    match = _WORK_BY.search(body, max(0, start - 160), start)
    if not match:
        return None
    work, verb = match.group("work").casefold(), (match.group("verb") or "").casefold()
    maker = MAKERS[verb] if verb in ("edited", "translated", "illustrated", "produced") else WORK_MAKERS[work]
    return _of_work(maker, work)


_CHARACTER_BEFORE = re.compile(r"\b(?:the\s+(?:title\s+)?(?:role|part)\s+of|portray(?:s|ed|ing)?|voic(?:es|ed|ing)|"
                               r"performance\s+as|roles\s+(?:include|included)|"
                               r"(?:starred|stars|starring|cast|appears|appeared|appearing)\s+as|"
                               r"(?P<played>play(?:s|ed|ing)?))\s+"
                               r"(?:(?:Professor|Dr|Inspector|Detective|Captain|Agent|Lady|Lord|Sir)\.?\s+)?$")
_SCREEN_AFTER = re.compile(r"\s+in\s+(?:the\s+|a\s+|an\s+)?(?:[A-Z“\"]|(?:[\w-]+\s+){0,3}(?:film|series|show|movie|"
                           r"play|drama|comedy|production|adaptation|season|episode|segment|musical|opera)\b)")
_SCREEN_HINTS = ("lay", "ortray", "oic", " as ", "role", "part", "opposite", "alongside")
_OPPOSITE = re.compile(r"\b(?:opposite|alongside)\s+" + _CO_MAKERS + "$")
_SCREEN_WORDS = re.compile(r"\b(?:starred|starring|stars|debut|role|film|appeared|cast|played|comedy|drama|series)\b")


def screen_role(body: str, start: int, end: int) -> str | None:
    """A character an actor plays ("the role of Sam Winchester", "portrayed Ozymandias",
    "played Miley Cyrus in a … segment") → "a character (a role played)"; an actor
    starring opposite another ("his film debut opposite Mandy Moore") → "co-star". A plain
    "played" needs a work after the name: "played Federer in the final" is a match."""
    before = body[max(0, start - 60):start]
    if not any(word in before for word in _SCREEN_HINTS):
        return None  # the usual case, without a regular expression
    match = _CHARACTER_BEFORE.search(before)
    if match and (not match.group("played") or _SCREEN_AFTER.match(body, end)):
        return "a character (a role played)"
    if _OPPOSITE.search(before) and _SCREEN_WORDS.search(body, max(0, start - 120), start):
        return "co-star"
    return None


_MARRIED = re.compile(r"(?:\b(?P<who>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+)?(?:(?:is|was|had|has|got|been|later|then)\s+)*"
                      r"(?:married|marries|wed|weds)\s+(?:to\s+)?$")
_NOT_WHO = frozenset("he she they it we i you his her their in on at after when later then but and".split())


_MARRIED_IN = re.compile(r"\s*\(m\.\s*\d{4}")
"""A biography's box: "Spouse(s) Jean-Louis Richard (m. 1949; div. 1964)"."""
_BORN_TO = re.compile(r"\bborn\b[^.;!?\n]{0,80}?\bto\s+" + _CO_MAKERS + "$")


def family_role(body: str, start: int, end: int) -> str | None:
    """ "born in San Antonio, Texas, to Gerald and Sherri Padalecki" → "parent";
    "Jean-Louis Richard (m. 1949; div. 1964)" → "spouse"."""
    if body.startswith(" (m.", end) or body.startswith("(m.", end):
        return "spouse" if _MARRIED_IN.match(body, end) else None
    before = body[max(0, start - 120):start]
    if "born" not in before or " to " not in before:
        return None  # the usual case, without a regular expression
    return "parent" if _BORN_TO.search(before) else None


def spouse_role(body: str, start: int) -> str | None:
    """ "Fillmore married Lily Wong" → "spouse of Fillmore"; "He married Althea Sprague" →
    "spouse" (a pronoun's person is not guessed)."""
    before = body[max(0, start - 80):start]
    if "marri" not in before and " wed" not in before:
        return None
    match = _MARRIED.search(before)
    if not match:
        return None
    who = match.group("who")
    if who and who.split()[0].casefold() not in _NOT_WHO:
        return f"spouse of {who}"
    return "spouse"


#: What the words before a name say the person is to the story's subject.
_RELATIONS = (
    (re.compile(r"\b(?:collaborat(?:ed|ing|ion|ions|or|ors)|co-?wrote|co-?authored|partnered|teamed\s+up)\s+with\s+"
                + _CO_MAKERS + "$"), "collaborator"),
    (re.compile(r"\b(?:studied|trained|apprenticed)\s+(?:with|under)\s+" + _CO_MAKERS + "$"), "teacher"),
    (re.compile(r"\b(?:a|the|close|old|lifelong|childhood)\s+(?:close\s+|old\s+|lifelong\s+)?friends?\s+of\s+"
                + _CO_MAKERS + "$"), "friend"),
    (re.compile(r"\b(?:a|the)\s+(?:student|pupil|disciple|protégé|protege)\s+of\s+" + _CO_MAKERS + "$"), "teacher"),
    (re.compile(r"\b(?:(?:a\s+)?(?:relationship|romance)\s+with|(?:is|was|been|started|began)\s+dating|"
                r"fell\s+in\s+love\s+with)\s+" + _CO_MAKERS + "$"), "partner"),
    (re.compile(r"\bfriendships?\s+with\s+(?:the\s+(?:younger|elder|older)\s+|[a-z]+\s+(?:such\s+as|like)\s+)?"
                + _CO_MAKERS + "$"), "friend"),
    (re.compile(r"\b(?:under\s+)?the\s+editorship\s+of\s+" + _CO_MAKERS + "$"), "editor"),
    (re.compile(r"\b(?:murder|killing|slaying|shooting|stabbing|kidnapping|abduction|rape)\s+of\s+" + _CO_MAKERS + "$"),
     "victim"),
    (re.compile(r"\bco-?own(?:s|ed)?\s+(?:it\s+)?with\s+" + _CO_MAKERS + "$"), "co-owner"),
)
_RELATION_HINTS = (" with ", "friend", "student", "pupil", "disciple", "prot", "dating", "editorship", "murder", "killing",
                   "slaying", "shooting", "stabbing", "kidnapping", "abduction", "rape ")


def relation_role(body: str, start: int) -> str | None:
    """What a person is to someone the story is about, by the words before the name:
    "his collaboration with Paul Kay and George Lakoff" → "collaborator"; "studied with
    Rem Koolhaas" → "teacher"; "a friend of Alexander Hamilton" → "friend"."""
    before = body[max(0, start - 120):start]
    if not any(hint in before for hint in _RELATION_HINTS):
        return None
    for pattern, role in _RELATIONS:
        if pattern.search(before):
            return role
    return None
