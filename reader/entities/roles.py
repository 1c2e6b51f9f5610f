"""What a story calls a person or a body: the role written before or after a name.

Three shapes, tried in this order for each mention:

- before the name: "sculptor Richard Wentworth", "DPP spokesperson Hsieh Pei-fen";
- an apposition after it: "David Frost, director general of the BBC, said ...",
  "Anna Ruiz, a 34-year-old teacher from Leeds";
- a copula after it: "Galois was a French mathematician", "Vale is the harbour director".

A role is kept only when one of its words is a role or occupation word (the recogniser's
``ROLES`` plus a list of occupations here) or ends like one ("-ist", "-ian", "-or", ...),
so "Trump, who said ..." or "Paris, France" give none. Plain functions, no UI.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import takewhile

from reader.entities.body_roles import called_kind, kind_after, linked_body, listed_kind
from reader.entities.party_tags import party_role
from reader.entities.role_clauses import player_role, postnominal_role, seat_role, speaks_for, who_role
from reader.entities.role_lists import list_role_at
from reader.entities.role_phrases import WORD, affiliation_before, clause_start, role_ending
from reader.entities.wordlists import singular
from reader.entities.role_relations import (family_role, made_by_role, maker_role, possessive_work_role, relation_role,
                                            screen_role, spouse_role, work_role)
from reader.entities.role_shapes import contributed_role, credit_role, first_to, role_as, role_object, the_n_of
from reader.entities.role_words import APPOSITION_BODY_KINDS, BODY_WORDS, NOT_ROLE_START, OCCUPATIONS, is_role_word
from reader.entities.wordlists import DEMONYMS, ROLES, is_role


_STOPS = ".;:!?\n“”\"()[]"
_AGE = r"(?:,\s*(?:aged\s+)?[1-9][0-9]?(?=\s*,))?"  # "Anna Ruiz, 34, a teacher": the age is skipped
_COPULA = re.compile(r"\s*(?:\([^()]{0,120}\)\s*)?" + _AGE + r",?\s*(?:is|was|has been|had been|became|served as|works as|"
                     r"worked as|remains)\s+(?:also\s+)?(?P<rest>[^.;:!?\n]{0,120})")
_APPOSITION_START = r"\s*(?:\([^()]{0,60}\))?\s*" + _AGE + r"\s*(?:,|\s[—–]|—)\s+(?:\[\d+\]\s*)*"
_INITIALS_STOP = (r"(?<=[a-z] [A-Z])\.(?= (?!(?:The|A|An|It|He|She|They|We|I|In|On|At|But|And|This|That|Then|There"
                  r"|His|Her|Their|Its|So|As|If|When|While)\b)[A-Z][a-z])")
"""The stop of a middle initial inside a name: "Dana F. Besecker Company" (not "Group A. Then")."""
_APPOSITION_WORDS = r"(?:[^,.;:!?\n()“”\"]|“[^“”\n]{1,60}”|" + _INITIALS_STOP + ")"
_APPOSITION = re.compile(_APPOSITION_START + r"(?P<rest>" + _APPOSITION_WORDS + r"{2,90}?)(?:[,;:!?()\n—–]|(?!"
                         + _INITIALS_STOP + r")\.|$)")
_OPEN_APPOSITION = re.compile(_APPOSITION_START + r"(?P<rest>" + _APPOSITION_WORDS + r"{2,90})")
"""An apposition whose end is further than 90 characters ("Althea Garrison, a transgender
woman served a term in … but did not run as …"): the role phrase ends at its verb."""
_QUOTED_END = re.compile(r"(?<=[,.]”)")
MAX_ROLE_WORDS = 9
_PHRASE_END = frozenset("who whom whose which that and but said says when while after before because "
                        "qui que quem quien dont cuyo cuya cui".split())
"""Words that end a role phrase: a clause begins (in English, and the relative pronouns of the
Romance languages: "député socialiste des Français de l'étranger qui a également voté")."""


def _plural(word: str) -> bool:
    """True for a plural role word ("Republicans", "ministers"), not a singular in "-s" ("boss")."""
    folded = word.casefold()
    return folded.endswith("s") and not folded.endswith("ss") and folded not in OCCUPATIONS | ROLES \
        and not is_role(folded) and is_role_word(word[:-1] if not folded.endswith("ies") else word[:-3] + "y")


def role_before(body: str, start: int, end: int | None = None) -> str | None:
    """A role written just before a mention: "DPP spokesperson", "sculptor", "CEO of the
    Refugee Council", before a comma: "the team's coach, Alireza Mehraban", or before a
    list the mention is in: "photographers such as Ansel Adams, Helmut Newton"."""
    before = body[max(0, start - 120):start]
    honorific = _HONORIFIC_END.search(before)
    if honorific:  # "Undersecretary for Education Mr. Toccafondi", "Prof. Patrizia d'Ettorre"
        before = before[:honorific.start() + 1]
        return role_before(before, len(before)) or _HONORIFIC_ROLES.get(honorific.group(1))
    stripped = before.rstrip()
    if stripped.endswith(",") and _OPENING_CLAUSE.search(stripped) and not (end is not None and body[end:end + 1] == ","):
        return None  # "After calling … to speak with his mother, Montalvo was …": the comma ends the opening
        # (not "According to the Afghan team's coach, Alireza Mehraban, in their first …": closed again)
    if stripped.endswith(","):
        fronted = _fronted_role(stripped[:-1])
        if fronted:
            return fronted
        stripped = _TIME_END.sub("", stripped[:-1]) + ","  # "elected its first Sikh mayor Tuesday night, Ravi Bhalla"
        role = role_ending(stripped[:-1])
        if role and _plural(role.split()[-1]):
            if not _AND_PAIR_AFTER.match(body, start):
                return None  # "a choice for Republicans, Bush or Trump": a group, not this person
            *head, last = role.split()  # "NSNorth's organizers, Dan Byers and Philippe Casgrain,": one of them
            return " ".join([*head, singular(last)])
        return role or _role_of_phrase(stripped[:-1]) or list_role_at(body, start, before) or _one_of_a_people(stripped)
    role = role_ending(before)
    if role and _plural(role.split()[-1]):  # "publishers Jann Wenner … and Carlo De Benedetti": one of them
        *head, last = role.split()
        role = " ".join([*head, singular(last)])
    return role or _role_of_phrase(before.rstrip(), proper=True) or affiliation_before(before) \
        or list_role_at(body, start, before)


_FRONTED = re.compile(r"(?:^|[.!?]\s+|\n)[“\"]?(?:A|An)\s+(?P<phrase>[^,;:.!?\n“”\"]{3,160})$")
_FRONTED_ENDS = frozenset("with and who whose which that but while after before because".split())


def _fronted_role(before: str) -> str | None:
    """ "A doctoral candidate in philosophy with a … schedule and a 3-year-old son, O’Leary
    had flown home" → "doctoral candidate in philosophy": a sentence that opens with what the
    person is, up to its first clause word (not "son", the phrase's last words)."""
    match = _FRONTED.search(before)
    if not match:
        return None
    words = list(takewhile(lambda word: word.casefold() not in _FRONTED_ENDS, match.group("phrase").split()))
    return " ".join(words) if words and any(is_role_word(word) for word in words) else None


_ONE_OF = re.compile(r"(?:^|[\s(“\"])(?:One|one|A|a|An|an|Another|another)\s+(?P<people>[A-Z][\w’'-]+),$")


def _one_of_a_people(before: str) -> str | None:
    """ "One Rohingya, Muhammad Amin, …" → "Rohingya": a people's name said of one person."""
    match = _ONE_OF.search(before)
    return match.group("people") if match and match.group("people").casefold() in DEMONYMS else None


_NAME = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}"
_AND_PAIR_AFTER = re.compile(_NAME + r"\s+and\s+" + _NAME + r"\s*[,.;:]")
"""Two names joined by "and" and closed: a plural role before them is what each of them is."""
_TIME_END = re.compile(r"\s+(?:on\s+|last\s+|this\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today|"
                       r"tonight|week|year|month)(?:\s+(?:night|morning|afternoon|evening))?$")
_HONORIFIC_ROLES = {"Prof": "professor", "Dr": "doctor"}
"""What an honorific says a person is (Mr, Mrs and Ms say nothing more)."""
_HONORIFIC_END = re.compile(r"\s(Mr|Mrs|Ms|Dr|Prof)\.?\s+$")


_OF_PHRASE = re.compile(r"(?:^|[\s(])(?:[Tt]he\s+|[Aa]n?\s+)?(?P<role>[\w’'-]+(?:\s+[\w’'-]+){0,2}\s+(?:of|at|for)\s+"
                        r"[^,;:.!?\n“”\"]{2,70})$")
_REMOVED = re.compile(r"\b(?:(?:remov|delet|ban|bann|expell?|kick|oust|barr?|evict)(?:e|ed|es|ing|s)?|"
                      r"(?:take|took|taken|taking|pull|pulled|pulling)\s+down)\b[^.!?\n]*$")
"""A verb of removal earlier in the sentence: "from" after the name is where it was removed from."""
_NEXT_PERSON = re.compile(r"\s+and\s+(?=[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s+(?:of|from)\s)")
_AFFILIATION = re.compile(r"(?:\s*,(?:\s*(?:aged\s+)?[1-9][0-9]?\s*,)?)?\s+(?:of|from)\s+(?P<body>(?:the\s+)?[A-Z][\w’'&.-]*(?:[ \t]+(?:of|and|for|the|[A-Z][\w’'&.-]*|[0-9]+\b(?!\s*%))){0,6})"
                          r"(?P<kind>[ \t]+[a-z]+\b)?")
"""("Studio 54": a number may end the name; ``kind``: the word after it, "the Social Welfare *constituency*".)"""


def _role_of_phrase(before: str, proper: bool = False) -> str | None:
    """ "the secretary general of CEI (...)" or "Co-founder of Google" before a comma and a
    name; right before the name (``proper``) only with a proper name after "of": "CEO of
    the Refugee Council Enver Solomon"."""
    cut = clause_start(before, ".;:!?\n“”\"")
    match = _OF_PHRASE.search(before[cut + 1:])
    if not match:
        return None
    role = " ".join(match.group("role").split())
    first, _, rest = role.partition(" ")
    while rest and first.casefold() in _OPENING_WORDS:
        role = rest  # "As head of homeland security, Nielsen", "And the head of NATO, Hoop Scheffer": the role
        first, _, rest = role.partition(" ")
    if proper:  # right before a name: "<role words> of <a proper name>" only
        head, sep, body = (re.split(r"\s((?:of|at|for)\s)", role, maxsplit=1) + ["", ""])[:3]
        words = head.split()
        while words and not is_role_word(words[0]):
            words.pop(0)  # "Later CEO of ..." starts at the role
        if not words or not re.fullmatch(r"(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+(?:of|on|and|for|the|[A-Z][\w’'&.-]*))*", body) \
                or not body.split()[-1][:1].isupper():
            return None
        role = f"{' '.join(words)} {sep}{body}"
    head = role.split(" of ")[0].split(" at ")[0].split(" for ")[0]
    return role if any(is_role_word(w) for w in head.split()) else None


_OPENING_WORDS = frozenset("as and but so then while".split())
"""Words that open the clause before a role, not the role ("As head of …", "And the head of …")."""

_NAME_POSSESSIVES = frozenset("people's women's men's children's nation's".split())
"""Possessives inside bodies' names ("New People's Party", "Women's Institute")."""


def affiliation_after(body: str, end: int) -> str | None:
    """ "Hui Chi-fung from the Democratic Party", "Frederick Fung of ADPL": "of the Democratic Party"."""
    match = _AFFILIATION.match(body, end)
    if not match or (body[end:match.start("body")].strip().startswith("from")
                     and _REMOVED.search(body, max(0, end - 120), end)):
        return None  # (not "… to remove a video featuring Scientologist Tom Cruise from YouTube")
    words = []
    found = match.group("body").split()
    # "Gary Chan of DAB and Eunice Yung of NPP": the next person may begin past the words matched
    ahead = _NEXT_PERSON.split(body[match.start("body"):match.end("body") + 80].split("\n", 1)[0])[0].split()
    for n, word in enumerate(found[:len(ahead)]):
        if n and word in _RUN_ON_STARTS:
            break  # "Ann Chiang of DAB In the Kowloon West …": a caption without its full stop runs on
        if word.endswith(("'s", "’s")) and word.casefold().replace("’", "'") not in _NAME_POSSESSIVES:
            if not words:
                return None  # "of Italy's la Repubblica": not where the person is from
            if n == len(found) - 1 and match.group("kind"):
                words.append(word[:-2])  # "of the University of NSW's school of public health": that university
            break  # "of NPP DAB's Elizabeth Quat": another body's person begins
        sentence_end = word.endswith(".") and len(word) > 3 and word[-2].islower()
        plural_possessive = word.endswith(("s'", "s’"))  # "Hilary of Poitiers' writings"
        words.append(word.rstrip(".") if sentence_end else word.rstrip("'’") if plural_possessive else word)
        if sentence_end or plural_possessive:
            break  # "of New People's Party. Pan-democrat Gary Fan": the sentence ends
    while words and words[-1].casefold() in ("of", "and", "for", "the"):
        words.pop()
    kind = (match.group("kind") or "").strip()
    if words and len(words) == len(found) and not found[-1].endswith(("'s", "’s")) \
            and (kind in BODY_WORDS or kind in _SEAT_WORDS):
        words.append(kind)  # "of the Social Welfare constituency", "of the Hong Kong Democratic party"
    return f"of {' '.join(words)}" if words else None


_RUN_ON_STARTS = frozenset("In At On But After Before During With While When Meanwhile However".split())
"""Capitalised words that begin a new sentence inside a body's name as matched, never part of it."""
_SEAT_WORDS = frozenset("constituency district ward riding".split())
"""Lower-case words after a name that make it a seat a person holds or stands for."""


def _phrase(rest: str, person: bool = True) -> str | None:
    """The role in the words after a comma or a copula: up to the first word that ends it."""
    words = WORD.findall(rest)
    if not words or words[0].casefold() in NOT_ROLE_START:
        return None
    if len(words) > 1 and words[1] == "by" and words[0].endswith("ed"):
        return None  # "…, watched by his father, Hori Parata": a clause, not what the name is
    if not person and len(words) > 1 and words[0][:1].isupper() and words[1][:1].isupper() \
            and words[0].casefold() not in ("the", "a", "an"):
        return None  # "Alvin Yeung from the Civic Party, Fernando Cheung of the Labour Party": the next name
    kept: list[str] = []
    cut = len(words) > MAX_ROLE_WORDS
    last = MAX_ROLE_WORDS - 1
    while cut and last > 1 and words[last] in _NAME_INSIDE and words[last - 1][:1].isupper():
        last -= 1  # the limit fell after "… at the University of": the name goes on from "University"
    words = words[:MAX_ROLE_WORDS] + (_rest_of_name(words[last:])[MAX_ROLE_WORDS - 1 - last:] if cut else [])
    for n, word in enumerate(words):
        folded = word.casefold()
        joins_roles = folded == "and" and n + 1 < len(words) and is_role_word(words[n + 1])
        if kept and folded in _PHRASE_END and not joins_roles:
            cut = False
            break
        if kept and is_role_word(kept[-1]) and word[:1].islower() and folded.endswith("ed") \
                and not is_role_word(word):
            cut = False
            break  # "a transgender woman served a term", "a teacher based in Leeds": a verb ends it
        kept.append(word)
    passive = next((n for n in range(1, len(kept) - 1) if kept[n] == "to" and kept[n + 1] == "be"), None)
    if cut and passive is not None and not any(is_role_word(w) for w in kept[passive + 2:]):
        kept = kept[:passive]  # the limit fell inside "… official to be called to jury duty" (not "… to be
        # elected mayor": a role follows)
    if _names_someone_else(kept):
        return None  # "Obama, Obama’s national security advisor James Jones former Marine commandant"
    if person:
        if not any(is_role_word(w) for w in kept):
            return None
    elif not any(w.casefold() in BODY_WORDS for w in kept) and not (
            kept[0] in ("a", "an", "the") and any(_body_kind(w) for w in kept)):
        return None  # the wider kinds only in lower case after an article: "a retail consultancy", not "the Church"
    while kept and kept[-1].casefold() in _DANGLING:
        kept.pop()  # the word limit fell before a noun: "a VIP guest at the Google Science Fair this (year)"
    return " ".join(kept).rstrip(".") or None


_NAME_INSIDE = frozenset("of and for the de la".split())


def _rest_of_name(words: list[str]) -> list[str]:
    """The words that finish a name the word limit fell inside (``words[0]`` is the last word
    kept): "… at the University of Southern *Indiana*", "… at the Andy Warhol *Foundation*"."""
    rest: list[str] = []
    if not words or not words[0][:1].isupper():
        return rest
    for n, word in enumerate(words[1:7], 1):
        if word[:1].isupper():
            rest = words[1:n + 1]
        elif word not in _NAME_INSIDE:
            break
    return rest


_LINKING = frozenset("to of for with at under by from in on".split())


def _names_someone_else(words: list[str]) -> bool:
    """True when the words introduce another person: a role word in lower case, then a name,
    before any word that links it to someone ("advisor James Jones", "…, coach Tite said",
    "…, o técnico Tite declarou"; not "an adviser to President Barack Obama", "the wife of
    Senator John Smith", "director general of the BBC")."""
    for n, word in enumerate(words[:-1]):
        if word.casefold() in _LINKING:
            return False
        following = words[n + 1]
        if word[:1].islower() and is_role_word(word) and following[:1].isupper() and not following.isupper():
            return True
    return False


_DANGLING = NOT_ROLE_START | {"the", "a", "an", "this", "these", "those", "last", "next", "every", "each"}
"""Words a role phrase does not end on."""


def _body_kind(word: str) -> bool:
    """A kind of body in lower case: "consultancy", "miner", "drugmaker", "chipmaker"."""
    return word in APPOSITION_BODY_KINDS or (len(word) > 6 and word.endswith("maker") and word.islower())


def _listed_roles(rest: str, person: bool) -> str | None:
    """The role after a copula up to its first comma, with the roles listed after it kept with
    their commas ("an American YouTube personality, vlogger, comedian and actress"; "the first
    female mayor of Manchester, the largest city …" ends at the comma)."""
    first, *others = rest.split(", ")
    kept = [first]
    for part in others:  # "vlogger", "comedian and actress": a list ends at its "and"
        words = list(takewhile(lambda w: w[:1].islower() and w not in _LIST_STOPS, part.split()))
        if not words or len(words) > 4 or words[0] in ("the", "a", "an"):
            break
        kept.append(" ".join(words))
        if "and" in words or len(words) < len(part.split()):
            break
    if "and" not in kept[-1].split():
        kept = kept[:1]  # no "and" closed the list: "a citizen of San Francisco, California"
    role = _phrase(", ".join(kept), person)
    if role is None or len(kept) == 1:
        return role
    listed = ", ".join(kept).rstrip(".")
    return listed if role.split() == WORD.findall(listed) else role


_LIST_STOPS = frozenset("for of at in with who which that from since when while".split())


_POST_NOMINALS = re.compile(r"(?:\s+(?:[A-Z]{2,4}|FRS|KBE|OBE|MBE|CBE|DBE)\b)*")
MAX_ASIDE = 400


def skip_aside(body: str, end: int) -> int:
    """Where the words about a name start after its letters and a long aside in brackets:
    "Zaha Hadid DBE RA (Arabic: …; 31 October 1950 – 31 March 2016) was …" (brackets
    inside the aside, such as a pronunciation "d(ə)", are balanced)."""
    at = _POST_NOMINALS.match(body, end).end()
    space = at
    while space < len(body) and body[space] == " ":
        space += 1
    if space >= len(body) or body[space] != "(":
        return end
    depth = 0
    for n in range(space, min(len(body), space + MAX_ASIDE)):
        depth += {"(": 1, ")": -1}.get(body[n], 0)
        if body[n] == "\n":
            return end
        if depth == 0:
            return n + 1
    return end


def role_after(body: str, end: int, person: bool = True, start: int | None = None) -> str | None:
    """An apposition or a copula after a mention: "director general of the BBC",
    "a French mathematician". (With the mention's ``start``: after an opening "According to",
    "Aside from"…, only an apposition closed by a comma: the words after the comma are the
    sentence's own.)"""
    opening = start is not None and _OPENING_PHRASE.search(body, max(0, start - 40), start) is not None
    end = skip_aside(body, end)
    tail = _KNOWN_AS.sub("", body[end:end + 200])  # "…, better known as Jenna Marbles, is an American YouTuber"
    match = _APPOSITION.match(tail) or (None if opening else _OPEN_APPOSITION.match(tail))
    if match and opening and not match.group(0).endswith(","):
        match = None  # "According to Rathbun, a detective for the … office was provided …": the sentence
    if match and not _plural(match.group("rest").split()[0]):  # "Xcode, developers now have ...": a clause
        rest = _QUOTED_END.split(match.group("rest"), 1)[0]  # 'host of “Fox News Tonight,” similarly ...'
        when = _AT_THE_TIME.match(rest)  # "McCathern, then a 24-year-old staff sergeant"
        rest = rest[when.end():] if when else rest
        role = _phrase(rest, person) or (person and the_n_of(rest))
        if role:
            return f"{when.group(1)} {role}" if when else role
    shouting = tail.split("\n", 1)[0]
    if shouting.isupper() and len(shouting) > 12:  # "LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR"
        tail = shouting.lower()
    match = _COPULA.match(tail)
    if match:
        rest = match.group("rest")
        if re.match(r"(?:a|an|the|one of|also)\b", rest, re.IGNORECASE) or is_role_word(rest.split(" ", 1)[0]) \
                or _POSSESSIVE_START.match(rest):
            return (person and first_to(rest)) or _listed_roles(rest, person) or None  # "the first woman to win ..." whole
    match = _WHO_AS.match(tail)
    if match and person:  # "Jason, who is our editor": "editor"
        return _phrase(re.sub(r"^(?:our|his|her|their|its)\s+", "", match.group("rest")), person)
    return None


_SENTENCE_OPENERS = ("according to|aside from|apart from|besides|unlike|like|along with|in addition to|despite|following|"
                  "after|before|while|when|although|though|because|if|since|once|until|unless")
"""Words that open a sentence with a phrase or a clause ("According to", "After calling …")."""


def _opening(words: str, rest: str) -> re.Pattern[str]:
    return re.compile(r"(?:^|[.!?]\s+|\n)[\"“‘']?(?i:" + words + r")\s" + rest)


_OPENING_CLAUSE = _opening(_SENTENCE_OPENERS, r"[^,.!?\n]*,$")
"""The opening ended by the comma before a name: that comma ends the opening, it does not
stand between a role and its holder (not "With the help of NSNorth's organizers, Dan Byers":
a phrase with "with" holds appositions)."""
_OPENING_PHRASE = _opening(_SENTENCE_OPENERS + "|except for|as for|thanks to|with|without|for|from",
                           r"\s*(?:[A-Z][\w’'.-]*\s+){0,4}$")
"""An opening right before the mention ("According to", "Aside from Russian President"), so that
the comma after it may end the opening, not start an apposition."""
_AT_THE_TIME = re.compile(r"(then|now|formerly|previously|once|later)\s+(?=(?:a|an|the)\s)")
"""A word that dates an apposition: kept before the role ("then a staff sergeant")."""
_KNOWN_AS = re.compile(r"^\s*,\s+(?:better\s+|also\s+|commonly\s+|widely\s+)?known\s+(?:as|by)\s+[^,.;:!?\n]{1,80}(?=,)")
_POSSESSIVE_START = re.compile(r"[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}[’']s\s")
_WHO_AS = re.compile(r"\s*,\s+who\s+(?:(?:is|was|serves|served|works|worked|has been|had been)\s+(?:also\s+)?(?:as\s+)?|"
                     r"[a-z]+s?\s+(?:[\w’'.-]+\s+){0,3}?as\s+)(?P<rest>(?:a|an|the|our|his|her|their|its)\s(?:[^,.;:!?\n]|(?<=\b[A-Z])\.){2,100})")


_BODY_BEFORE = re.compile(r"(?:^|[\s(])(?P<role>(?:[a-z][\w’'-]*\s+){0,2}[a-z][\w’'-]*),?\s+$")
_BODY_BEFORE_WHO = re.compile(r"(?:^|[\s(])(?P<who>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?)\s+(?P<role>[a-z][\w-]*)\s+$")
_POSSESSIVE_END = re.compile(r"\w[’']s\s+$")


def _the_before(body: str, match: re.Match, kept: int) -> bool:
    """True when "the" or a possessive stands right before the ``kept`` last words of the match."""
    words = match.group("role").split()
    if len(words) > kept:
        return words[-kept - 1] == "the"
    return _POSSESSIVE_END.search(body, max(0, match.start("role") - 40), match.start("role")) is not None


BODY_RELATIONS = frozenset("""supplier contractor subcontractor vendor rival competitor subsidiary unit affiliate
partner lender creditor investor shareholder owner parent maker developer distributor producer exporter importer
giant conglomerate""".split())
"""Words for what a body is to another, written before its name: "NASA supplier SpaceX", "rival Verizon"."""


def body_before(body: str, start: int) -> str | None:
    """What a body is, written just before its name in lower case: "the secularist magazine
    MicroMega", "the localist group Youngspiration", "the UK’s communications regulator,
    Ofcom" (the last word names a kind of body), "rival Verizon", "NASA supplier SpaceX"
    (what it is to another body)."""
    match = _BODY_BEFORE.search(body, max(0, start - 60), start)
    if not match:
        return None
    words: list[str] = []
    for word in reversed(match.group("role").split()):
        if word in NOT_ROLE_START or word in ("the", "a", "an"):
            break
        words.insert(0, word)
    if not words or (words[-1] not in BODY_WORDS and words[-1] not in BODY_RELATIONS):
        return None
    comma = "," in body[match.end("role"):start]
    if comma and (words[-1] not in BODY_WORDS or not _the_before(body, match, len(words))):
        return None  # "He met the owner, Google said": only "the (UK's) regulator, Ofcom" is an apposition
    if words[-1] in BODY_RELATIONS and len(words) == 1 and not comma:
        named = _BODY_BEFORE_WHO.search(body, max(0, start - 60), start)
        if named and named.group("role") == words[-1] and named.group("who") not in ("The", "A", "An"):
            return f"{named.group('who')} {words[-1]}"  # "NASA supplier SpaceX"
    return " ".join(words)


def roles_at(body: str, mentions: Iterable[tuple[int, int]], person: bool = True) -> list[str]:
    """Every role the story gives at these mentions, in order, without repeats. A body
    (``person=False``) takes what follows its name ("Cloud9, an esports team") and a kind
    of body right before it ("the magazine MicroMega"), never other words before it: they
    describe someone else ("deputy White House press secretary")."""
    found: dict[str, str] = {}
    for start, end in mentions:
        after = role_after(body, end, person, start)
        if person:
            candidates = (role_before(body, start, end) or credit_role(body, start, end) or role_object(body, start, end),
                          after or role_as(body, end) or contributed_role(body, end) or affiliation_after(body, end)
                          or who_role(body, end) or postnominal_role(body, end) or seat_role(body, end)
                          or speaks_for(body, end) or player_role(body, start, end),
                          maker_role(body, start, end) or work_role(body, start) or possessive_work_role(body, start, end)
                          or made_by_role(body, start) or screen_role(body, start, end) or family_role(body, start, end)
                          or spouse_role(body, start) or relation_role(body, start),
                          party_role(body, end))
        else:
            candidates = (body_before(body, start) or linked_body(body, start) or listed_kind(body, start, end)
                          or called_kind(body, start, end) or credit_role(body, start, end, person=False),
                          after or kind_after(body, start, end))
        for role in candidates:
            if role and role.casefold() not in found:
                found[role.casefold()] = role
    return list(found.values())


_PRONOUN_COPULA = re.compile(r"(?:^|(?<=[.!?\"”]\s)|(?<=\n))(?:He|She)\s+(?:is|was|became|had been|has been)\s+"
                             r"(?P<rest>(?:a|an|the)\b[^.;:!?\n]{0,120})")
PRONOUN_REACH = 300
"""How far back (characters) "He was a ..." looks for the person it speaks of."""


def pronoun_roles(body: str, people: Iterable[tuple[str, list[tuple[int, int]]]]) -> dict[str, list[str]]:
    """Roles given by "He was a ..." / "She is the ..." to the person mentioned last before
    it (within a few sentences): ``{key: [role, ...]}`` for ``(key, mentions)`` of people."""
    starts = sorted((start, key) for key, mentions in people for start, _ in mentions)
    found: dict[str, list[str]] = {}
    if not starts:
        return found
    for match in _PRONOUN_COPULA.finditer(body):
        before = [key for start, key in starts if match.start() - PRONOUN_REACH <= start < match.start()]
        if not before:
            continue
        role = _phrase(match.group("rest"))
        if role and role.casefold() not in (r.casefold() for r in found.get(before[-1], [])):
            found.setdefault(before[-1], []).append(role)
    return found
