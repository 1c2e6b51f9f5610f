"""Roles said right after a person's name without a role word before it:

- letters after the name: "Jane Smith MP", "Tom Molomby, SC," → "Member of Parliament",
  "Senior Counsel";
- a seat won: "Tyler Titus won a seat on the Erie School Board" → "member of the Erie
  School Board";
- who a person speaks for: "Lydia Buchtmann for Food Standards Australia New Zealand,
  says" → "for Food Standards Australia New Zealand";
- what a match report says a player did: "was booked", "scored from the penalty spot",
  "Kevin De Bruyne's assist", "was replaced by Kim Min-Woo" → "player";
- a "who" clause with a verb of leading or serving: "Justin Bassi, who advises
  Attorney-General George Brandis" → "adviser to Attorney-General George Brandis"; "Ann
  Lee, who heads the agency" → "head of the agency"; "…, who was named chief executive"
  → "chief executive".

Each is tried only when a cheap test passes (capital letters, ", who "), as these run for
every mention of every person at index time.
"""

from __future__ import annotations

import re

from reader.entities.role_shapes import trim_role

#: Letters written after a name for an office or a rank at the bar.
POSTNOMINALS = {
    "MP": "Member of Parliament", "MEP": "Member of the European Parliament",
    "MSP": "Member of the Scottish Parliament", "MLA": "Member of the Legislative Assembly",
    "MPP": "Member of Provincial Parliament", "MHA": "Member of the House of Assembly",
    "TD": "member of the Dáil (TD)", "QC": "Queen's Counsel", "KC": "King's Counsel", "SC": "Senior Counsel",
}
_ALSO_PLACES = frozenset({"SC", "TD"})
_POSTNOMINAL = re.compile(r",?[ \t]+(?P<letters>" + "|".join(POSTNOMINALS) + r")(?=[\s,.;:)]|$)")


def postnominal_role(body: str, end: int) -> str | None:
    """ "Jane Smith MP said", "Tom Molomby, SC, said" → the office the letters stand for."""
    match = _POSTNOMINAL.match(body, end, min(len(body), end + 8))
    if not match:
        return None
    letters = match.group("letters")
    if letters in _ALSO_PLACES and not body.startswith(",", match.end()):
        return None  # "Greenville, SC is": South Carolina; "Tom Molomby, SC, said": counsel
    return POSTNOMINALS[letters]


#: A verb of leading or serving in a "who" clause, and what it makes the person.
CLAUSE_VERBS = {
    **dict.fromkeys(("advises", "advised"), "adviser to"), **dict.fromkeys(("heads", "headed", "runs", "ran"), "head of"),
    **dict.fromkeys(("leads", "led"), "leader of"), **dict.fromkeys(("chairs", "chaired"), "chair of"),
    **dict.fromkeys(("directs", "directed"), "director of"), **dict.fromkeys(("coaches", "coached"), "coach of"),
    **dict.fromkeys(("owns", "owned"), "owner of"), **dict.fromkeys(("manages", "managed"), "manager of"),
    "founded": "founder of", "co-founded": "co-founder of", "cofounded": "co-founder of",
    **dict.fromkeys(("represents", "represented"), "representative of"),
    **dict.fromkeys(("edits", "edited"), "editor of"), **dict.fromkeys(("hosts", "hosted"), "host of"),
    **dict.fromkeys(("captains", "captained"), "captain of"),
    **dict.fromkeys(("commands", "commanded"), "commander of"),
    **dict.fromkeys(("teaches", "taught"), "teacher of"),
    **dict.fromkeys(("wrote", "drafted", "co-wrote", "authored"), "author of"), "created": "creator of",
    "designed": "designer of", "invented": "inventor of", "discovered": "discoverer of", "composed": "composer of",
}
_ADVERBS = r"(?:(?:also|now|currently|later|then|still|once|previously|formerly|jointly)\s+)?"
_WHO = re.compile(r"\s*,\s+who\s+" + _ADVERBS + r"(?:(?P<verb>" + "|".join(sorted(CLAUSE_VERBS, key=len, reverse=True))
                  + r")\s+(?P<object>[^,.;:!?\n()—–]{2,80})|(?:is|was|has\s+been|had\s+been)\s+"
                  r"(?:(?:recently|newly|just)\s+)?(?:named|appointed|elected|chosen|made|hired|promoted\s+to)\s+"
                  r"(?:as\s+)?(?P<rest>[^,.;:!?\n()“”\"—–]{2,80}))")
_OBJECT_ENDS = frozenset("on in since for from until after before when while and but who which that to at with "
                         "by during because as into".split())
_NOT_OBJECTS = frozenset("him her them it me us you himself herself themselves his their its".split())
MAX_OBJECT_WORDS = 6


def _object(text: str) -> str | None:
    """The verb's object up to the next clause or place ("Attorney-General George Brandis on
    crime" → "Attorney-General George Brandis"); None for a pronoun."""
    words: list[str] = []
    for word in text.split()[:MAX_OBJECT_WORDS]:
        if word.casefold() in _OBJECT_ENDS or word[:1].isdigit():
            break
        words.append(word)
    while words and words[-1].casefold() in ("a", "an", "the", "of"):
        words.pop()
    if not words or words[0].casefold() in _NOT_OBJECTS:
        return None
    return " ".join(words)


def who_role(body: str, end: int) -> str | None:
    """ "<name>, who heads the agency" → "head of the agency"; "<name>, who was named chief
    executive in May" → "chief executive" (kept only with a role word)."""
    if not body.startswith(", who ", end) and not body.startswith(",\nwho ", end):
        return None  # the usual case, without a regular expression
    match = _WHO.match(body, end, min(len(body), end + 160))
    if not match:
        return None
    if match.group("verb"):
        thing = _object(match.group("object"))
        return f"{CLAUSE_VERBS[match.group('verb')]} {thing}" if thing else None
    return trim_role(match.group("rest"))


_SEAT = re.compile(r"\s+(?:(?:has|had|was|is)\s+)?(?:won|wins|took|takes|holds|held|kept|keeps|(?:re-)?elected\s+to)\s+"
                   r"(?:a\s+seat\s+(?:on|in)\s+)?(?P<body>(?:the\s+)?[A-Z][\w’'&.-]*(?:[ \t]+(?:of|for|and|the|[A-Z][\w’'&.-]*)){0,6})")
_SEAT_HINTS = (" seat ", " elected to ")


def seat_role(body: str, end: int) -> str | None:
    """ "Tyler Titus won a seat on the Erie School Board" → "member of the Erie School
    Board"; "Jane Doe was elected to the Senate" → "member of the Senate"."""
    window = body[end:end + 40]
    if not any(hint in window for hint in _SEAT_HINTS):
        return None  # the usual case, without a regular expression
    match = _SEAT.match(body, end, min(len(body), end + 120))
    if not match or (" seat " not in match.group(0) and "elected to" not in match.group(0)):
        return None
    words = match.group("body").split()
    for n, word in enumerate(words):
        if word.endswith(".") and word[-2:-1].islower():
            words[n:] = [word[:-1]]  # the sentence's full stop, not "U.S.": "… Erie School Board. Ravi Bhalla"
            break
    while words and words[-1].casefold() in ("of", "for", "and", "the"):
        words.pop()
    return f"member of {' '.join(words)}" if words else None


_SPEAKS_FOR = re.compile(r"\s+for\s+(?P<body>(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of|and|for|the|[A-Z][\w’'&.-]*)){0,6}),?\s+"
                         r"(?:says|said|told|tells|added|explained)\b")


def speaks_for(body: str, end: int) -> str | None:
    """ "Lydia Buchtmann for Food Standards Australia New Zealand, says …" → "for Food
    Standards Australia New Zealand" (who a person speaks for)."""
    if not body.startswith(" for ", end):
        return None  # the usual case, without a regular expression
    match = _SPEAKS_FOR.match(body, end, min(len(body), end + 120))
    return f"for {match.group('body')}" if match else None


_PLAYED = re.compile(r"\s+(?:was|were)\s+(?:booked|sent\s+off|substituted(?:\s+off)?|shown\s+a\s+(?:yellow|red)\s+card)\b"
                     r"|\s+scored\s+(?:(?:a|an|the|his|her|their|another)\s+)?(?:[\w-]+\s+){0,2}"
                     r"(?:goal|header|penalty|try|hat-trick|touchdown|equaliser|equalizer)s?\b"
                     r"|\s+scored\s+from\s+the\s+penalty\s+spot|[’']s\s+assist\b")
_PLAYED_BEFORE = re.compile(r"\b(?:substituted|replaced\s+by|brought\s+on|subbed\s+off)\s+$")


def player_role(body: str, start: int, end: int) -> str | None:
    """What a match report says a player did: "Hwang Hee-Chan was booked", "Ferjani Sassi
    scored from the penalty spot", "from Kevin De Bruyne's assist", "was replaced by Kim
    Min-Woo" → "player"."""
    if _PLAYED.match(body, end, min(len(body), end + 60)) or _PLAYED_BEFORE.search(body, max(0, start - 20), start):
        return "player"
    return None
