"""Context evidence for a name's type, pooled over all its mentions in the story.

A name typed by a default (a capitalised pair with no given name, a single unknown word)
takes the type its contexts vote for: a speech verb after it ("Paris also claims") says
person; a place preposition before it ("in Neiafu") says place; a company suffix or
"shares in" says organisation. One story, one sense: every mention of the same entity
adds its votes, so one clear context types the rest.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from reader.entities.captions import CAPTION_POSITION
from reader.entities.lexicon import CITY_RANK, COUNTRY_RANK
from reader.entities.model import ORG, OTHER, PERSON, PLACE
from reader.entities.story import Found, Story
from reader.entities.tokens import fold_token
from reader.entities.role_words import is_role_word
from reader.entities.wordlists import PLACE_NOUNS_AFTER, WORK_YEAR

PLACE_BEFORE = frozenset("in near across into throughout outside inside around from via towards toward".split())
AGENT = "AGENT"
SPEECH_VERBS = frozenset("""said says told added explained stated wrote argued noted asked replied tweeted claimed
claims insisted admitted recalled warned testified suggested believes believed thinks thought wants wanted
recalls describes described announced confirmed denied urged agreed disagreed vowed pledged promised criticised
criticized praised accused blamed defended rejected resigned apologised apologized refused hoped feared""".split())
_PERSON_AFTER = re.compile(
    r"[ ,]*(?:who\b|whose\b|\(born\b|\(\d{1,3}\)|,? (?:aged )?\d{1,3},)"
    r"|(?:'s|’s) (?:father|mother|wife|husband|son|daughter|brother|sister|family|parents|death|birth|"
    r"childhood|life|career|friend|friends|poems?|novels?|books?|writings?|letters?|biography)\b"
    r"| (?:was|were) born\b| (?:died|married|studied|graduated|retired|himself|herself)\b")
_PERSON_BEFORE = re.compile(r"(?<![\w-])(?:born to|son of|daughter of|wife of|husband of|widow of|married|"
                            r"disciple of|pupil of|student of|to succeed)\s+$", re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"(?<![\w-])(?:nominated|appointed)\s+$", re.IGNORECASE)
"""'Trump nominated Nielsen', 'Obama appointed Okafor': a person, unless "as" or "for" follows
('appointed KPMG as auditor', 'nominated Parasite for best picture'; never 'Oscar-nominated')."""
_PLACE_NOUNS = (r"(?:island|islands|archipelago|city|town|village|district|neighbou?rhood|region|province|county|"
                r"capital|port|suburb|area|municipality|peninsula|valley|state|destination|resort)")
_PLACE_AFTER = re.compile(r" (?:is|was) (?:an?|the) (?:[\w-]+ ){0,2}" + _PLACE_NOUNS + r"\b|, (?:in )?[A-Z]"
                          r"| (?:" + "|".join(sorted(PLACE_NOUNS_AFTER)) + r")\b")
_PLACE_APPOSITION = re.compile(
    r", an? (?:(?:small|tiny|large|little|remote|coastal|mountain|fishing|market|border|historic|medieval|ancient|"
    r"former|northern|southern|eastern|western|central|rural|industrial) ){0,2}(?:village|town|city|island|region|"
    r"province|county|district|municipality|suburb|peninsula|prefecture|hamlet|kingdom)"
    r"(?= (?:near|in|on|of|at|outside|north|south|east|west|along|by|whose|where|that|which)\b|[,.;:)])")
"""'Stridon, a village near Emona', 'Kramatorsk, a city in eastern Ukraine': the name of a place
(never 'Okafor, a city councillor': the kind must end the phrase or lead to where it is)."""
_TRAVEL = (r"(?:travell?(?:ed|ing)|journey(?:ed|ing)?|voyages?|flew|sailed|sailing|fled|fleeing|"
           r"emigrated|emigrating|immigrated|deported|exiled|banished|pilgrimage|expedition)")
"""Words of going somewhere: 'fled to X', 'a journey through X', 'travelled with Bonosus to X'
(never 'moved to', 'went to' or 'a trip to': 'she moved to Google', 'he went to Harvard', 'a
trip to Costco')."""
_WHERE_OF = r"(?:border|borders|coast|coasts|shores?|outskirts|banks|foothills|desert|diocese|kingdom|canton|prefecture|governorate|emirate)"
"""Words a place follows with "of" besides the kinds above: "the border of Dalmatia", "the
outskirts of Mosul", "the desert of Chalcis", "the diocese of Sne"."""
_PLACE_BEFORE = re.compile(r"\b(?:" + _PLACE_NOUNS + "|" + _WHERE_OF + r") of\s+$|\b(?:visit|visiting|around|reach|reaching|arrive in|"
                           r"arriving in|flights? to|ferry to|road to|north of|south of|east of|west of|"
                           + _TRAVEL + r"(?: with \w[\w'’-]*(?: \w[\w'’-]*)?)? (?:to|through))\s+$",
                           re.IGNORECASE)
#: Name endings that say person or place (Latin and Slavic surnames; town suffixes).
_PERSON_SUFFIXES = ("ius", "ios", "ov", "ev", "ova", "eva", "sky", "ski", "enko", "vich", "escu", "opoulos", "ovic")
_PLACE_SUFFIXES = ("burg", "borg", "shire", "ville", "stad", "polis", "grad", "abad", "pur", "ridge", "haven",
                   "mouth", "ø")
_COMPASS_BEFORE = re.compile(r"\b(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)ern\s+$"
                             r"|\b(?:central|coastal|rural|inland|upstate|downstate)\s+$")
"""Lower case: "eastern Northland", "rural Wexland" (capitalised, "Western Union", it is the name)."""
_ORG_BEFORE = re.compile(r"(?:shares (?:in|of)|stake in|signed (?:for|with)|employees of|subsidiary of|"
                         r"acquired by|owned by|chief executive of|ceo of|beat|defeated|drew with|lost to|"
                         r"victory over|win over|loss to|(?:analysts|economists|strategists|researchers|scientists|"
                         r"engineers|employees|workers|executives) at)\s+$", re.IGNORECASE)
_ORG_AFTER = re.compile(r"(?:'s|’s)? (?:spokesman|spokeswoman|spokesperson|shares|board|chief executive|ceo|"
                        r"partners?|analysts?|economists?|executives?|employees?|"
                        r"stock|shareholders|headquarters|manager|coach|striker|midfielder|goalkeeper|defender|"
                        r"squad)\b|,? said in a statement| (?:beat|defeated|drew with|lost to|thrashed|signed)\b"
                        r"| \d{1,2}[-–]\d{1,2}\b")
_BEFORE_ENDS = ("to", "through", "of", "married", "nominated", "appointed", "succeed", "visit", "visiting", "around",
                "reach", "reaching", "in", "ern", "central", "coastal", "rural", "inland", "upstate", "downstate",
                "for", "with", "by", "beat", "defeated", "over", "at")
"""How the last word before a name ends when one of ``_PERSON_BEFORE``, ``_PLACE_BEFORE``,
``_COMPASS_BEFORE`` or ``_ORG_BEFORE`` matches."""


_ADMINISTRATION = re.compile(r" (?:administration|appointee|nominee|presidency|aides?|advisers?|loyalists?)\b")
SAYS_HE = re.compile(r"(?:,? (?:also|then))? (?:(?:said|says|added|wrote|argued|insisted|recalled|explained|"
                     r"admitted|warned)(?:(?: [\w’']+){1,3} that| that)?"
                     r"|told(?! (?:him|her)\b)(?: [\w’']+){1,4}?(?: that)?),? (?:he|she)\b")
"""'Biden said he would', 'Chao told reporters that she': a person speaks of themselves (a body
says "it" or "we"). Fewer verbs than ``SPEECH_VERBS``: a club "announced he" had signed."""
_NEXT_SENTENCE_HE = re.compile(r"(?P<rest>[^.!?\n]{0,200})[.!?][\"”’]?[ \t]+(?:He|She) ")
"""The sentence a name starts, then one that starts "He" or "She": the name is its subject's
(unless the sentence names someone else: ``_names_another``)."""
_PLACE_OR_TIME_WORDS = frozenset("at in on of from to for with by into near under about after before during since "
                                 "until via across through than".split())
_NOT_PEOPLES_ROLES = frozenset("native leader giant rival partner owner sponsor".split())
"""Words before a name that describe companies as often as people ("market leader Samsung")."""
_HEADS_ITS_PHRASE = re.compile(r"\s*(?:,(?!\s*which\b)|[.;:()!?]|$)"
                               r"|\s+(?:and|or|who|was|is|has|had|said|says|told|in|at|on|of|"
                               r"for|from|with|there|then)\b")
"""What follows a name that is the head of its phrase, not a modifier of the noun after it."""


_GIVEN_IN_BRACKETS = re.compile(r"\[(?P<given>[A-Z][a-z]+)\b[^\]\n]{0,30}\] $")
"""Given names an editor put in brackets before a family name in a quotation."""


def after_given_names_in_brackets(story: Story, start: int) -> bool:
    """True after given names an editor put in brackets: "[George H. W.] Bush"."""
    if story.text[start - 2:start] != "] ":
        return False  # the usual case, without a regular expression
    match = _GIVEN_IN_BRACKETS.search(story.text[max(0, start - 40):start])
    return match is not None and match.group("given").casefold() in story.knowledge.given_names


_AGENCY_GOES_ON = re.compile(r",\s+(?:citing|quoting|adding|according|reporting|which|in|on|the|a|an)\b")
"""What an agency's name is followed by after "…, said Yonhap": "citing police" (a person's by a verb)."""
_ROLE_AFTER = re.compile(r", (?:the|a|an) (?:(?:former|then|late|first|chief|senior|deputy|leading|young) )?"
                         r"(?P<role>[a-z][a-z-]+) of\b")


def _role_after(after: str) -> bool:
    """True for an apposition naming a person's role of something after the name: "Hu Shih,
    the leader of the New Culture Movement" (not "Google, the giant of search")."""
    match = _ROLE_AFTER.match(after) if after.startswith(", ") else None
    role = match.group("role") if match else ""
    return bool(role) and (role == "leader" or role not in _NOT_PEOPLES_ROLES) and role not in _FIRMS_ROLES \
        and is_role_word(role)  # ("the leader of" after a name is a person's: a firm leads "a market")


_FIRMS_ROLES = frozenset("""operator contractor supplier maker seller buyer lender distributor developer producer
investor shareholder creditor parent subsidiary provider publisher broadcaster manufacturer insurer""".split())
"""Role words a company holds as often as a person: "Gazprom, the operator of the pipeline"."""


_ROLE_THEN_NAME = re.compile(r"(?:\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)|[A-Z][\w.&-]*['’]s)\s+(?:[a-z][\w’'-]*\s+){0,3}?"
                             r"(?P<role>[a-z][\w-]*)(?:\s+of\s+(?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})?,\s+$")
"""A role before a comma, then the name: "the head of NATO, Hoop Scheffer,", "Britain's prime
minister, Rishi Sunak,", "Its chief executive, Mbeki," (an apposition naming who holds it)."""


def _role_then_name(before: str, after: str) -> bool:
    """True for a name set off after a role ("the head of NATO, Hoop Scheffer, he said"), the
    apposition closed after it; not "its rival, Pepsi," (a body's word as often as a person's)."""
    if not before.endswith(", ") or not (after[:1] in (",", ")") or after.startswith((" said", " says", " told"))):
        return False
    match = _ROLE_THEN_NAME.search(before)
    return match is not None and is_role_word(match.group("role")) and match.group("role") not in _NOT_PEOPLES_ROLES


def _names_another(words: str) -> bool:
    """True when a capitalised word in ``words`` (the rest of a sentence) may be the person a
    following "He" means: one that follows no preposition ("hired Okafor"; "taught at
    Tsinghua University" names a place, and "Tsinghua University" is one name)."""
    previous = ""
    for word in words.split():
        if word[:1].isupper() and previous not in _PLACE_OR_TIME_WORDS and not previous[:1].isupper():
            return True
        if word.lower() not in ("the", "a", "an"):  # "returned to the United States"
            previous = word if word[:1].isupper() else word.lower()
    return False


def may_end_a_lead(word: str) -> bool:
    """False when ``word``, the last before a name, ends none of the leads the patterns
    before a name look for (``_BEFORE_ENDS``), so their slower searches are not needed.
    (A word not in ASCII is always looked at: case folding is not ASCII's there.)"""
    return not word.isascii() or word.lower().endswith(_BEFORE_ENDS)


def votes(story: Story, start: int, end: int, town: bool = False) -> Counter:
    """What the words around ``text[start:end]`` say of its type, and how the name ends
    ("-ov", "-burg"), unless it is a known ``town``'s name."""
    text = story.text
    result: Counter = Counter()
    before = text[max(0, start - 40):start]
    after = text[end:end + 40]
    words_before = before.split()
    prev = fold_token(words_before[-1]) if words_before else ""
    nxt_words = after.split()
    nxt = fold_token(nxt_words[0]).strip(",.;:") if nxt_words else ""
    possessive = after[:2] in ("'s", "’s")  # "in Byron's memoirs": the preposition is the memoirs'
    if prev in PLACE_BEFORE and not possessive:
        result[PLACE] += 1
    word = fold_token(text[start:end])
    surname = " " not in word and word in story.knowledge.family_names
    if nxt in SPEECH_VERBS or (nxt in ("also", "has", "had", "then") and len(nxt_words) > 1
                               and fold_token(nxt_words[1]).strip(",.;:") in SPEECH_VERBS):
        # people and organisations speak; places do not ("Taylor said": a family name, and a town)
        result[AGENT] += 2 if surname and not possessive else 1
    if surname and _ADMINISTRATION.match(after):
        result[PERSON] += 2  # "the Obama administration", "an Obama appointee" (not "the Kabul
        # administration", nor "the Taliban administration": a family name's only)
    if prev in ("said", "says") and after[:1] in (",", "."):
        # "…, said Smith," (a family name); "recipients, said Mauer, are": a quote's speaker set off
        # inside the sentence is a person ("…, said Reuters." ends it: a body may)
        inside = after[:1] == "," and before.rstrip().endswith(("," + words_before[-1], ", " + words_before[-1])) \
            and not text[start:end].isupper() and not _AGENCY_GOES_ON.match(after)
        result[PERSON if surname or inside else AGENT] += 2 if surname or inside else 1
    elif words_before and words_before[-1].isalpha() and words_before[-1].islower() and is_role_word(prev) \
            and prev not in _NOT_PEOPLES_ROLES and (_HEADS_ITS_PHRASE.match(after) or not story.english):
        result[PERSON] += 2  # "fashion designer Halston,", "striker Kane." (not "a major Seattle industry",
        # "fellow Ennahda members", "his native Bohemia", "the market leader Samsung, which"; a noun is
        # seldom before another in the Romance languages: "o técnico Tite declarou")
    ending = may_end_a_lead(words_before[-1]) if words_before else False
    if _PERSON_AFTER.match(after) or ending and _PERSON_BEFORE.search(before) \
            or " " in word and CAPTION_POSITION.match(after) or _role_then_name(before, after) \
            or _role_after(after):  # a caption's "(left)" after a full name (not one word: "Google
        # (left) and Amazon (right) offices"); "Hu Shih, the leader of the movement"
        result[PERSON] += 2
    elif ending and _NAMED_BEFORE.search(before) and not after.startswith((" as ", " for ")):
        result[PERSON] += 1
    if after_given_names_in_brackets(story, start):
        result[PERSON] += 3  # "[George H. W.] Bush", "[Phil] Gramm": an editor's given names
    if SAYS_HE.match(text, end):
        result[PERSON] += 2
    elif before.rstrip(" \t")[-1:] in ("", ".", "!", "?", "\n") and (
            following := _NEXT_SENTENCE_HE.match(text, end)) and not _names_another(following.group("rest")):
        result[PERSON] += 1  # "Chao taught mathematics at Tsinghua. He ..."
    if ending and (_PLACE_BEFORE.search(before) or _COMPASS_BEFORE.search(before)):
        result[PLACE] += 2
    elif after.startswith(", ") and _known_place_at(story, end + 2) or _PLACE_AFTER.match(after) and \
            not after.startswith(", ") or _PLACE_APPOSITION.match(text, end):
        result[PLACE] += 2
    if _listed_with_a_place(story, start, end):
        result[PLACE] += 1  # "Dalmatia and Pannonia", "from Luzon and the Visayas"
    elif " " not in word and _listed_with_a_person(story, start, end):
        result[PERSON] += 1  # "Okafor, Mbeki and Tanaka"
    if " " not in word and not town:
        if word.endswith(_PERSON_SUFFIXES):
            result[PERSON] += 1
        elif word.endswith(_PLACE_SUFFIXES):
            result[PLACE] += 1
    if ending and _ORG_BEFORE.search(before) or _ORG_AFTER.match(after):
        result[ORG] += 2
    if WORK_YEAR.match(after):
        result[OTHER] += 2  # "Match Point (2005)": a work's year after its title (a body's guess only)
    if nxt_words:
        suffix = nxt_words[0].strip(",;:").replace(".", "").casefold()
        if suffix in story.knowledge.company_suffixes and nxt_words[0][:1].isupper():
            result[ORG] += 3
    return result


_AND_AFTER = re.compile(r" (?:and|or) (?:the )?")
_AND_BEFORE = re.compile(r" (?:and|or) (?:the )?$")
_IN_A_LIST_AFTER = re.compile(r",? (?:and|or) |, (?=[A-Z])")
_IN_A_LIST_BEFORE = re.compile(r"(?:,? (?:and|or)|,) $")


def _listed_with_a_place(story: Story, start: int, end: int) -> bool:
    """True when "and" or "or" joins the name to a place the story is sure of, on either side:
    "the border of Dalmatia and Pannonia", "people from Luzon and the Visayas" (not a country:
    "between Qualcomm and China")."""
    text = story.text
    after = _AND_AFTER.match(text, end)
    if after and _known_place_at(story, after.end(), towns=False, countries=False):
        return True
    before = _AND_BEFORE.search(text, max(0, start - 10), start)
    return before is not None and any(f.type == PLACE and not f.guessed and not f.weak and f.end == before.start()
                                      and not _a_country_at(story, f.start) for f in story.found)


def _a_country_at(story: Story, offset: int) -> bool:
    """True when the known name starting at ``offset`` is a country's (or a state's, a continent's)."""
    index = story.token_at(offset)
    hit = story.anchors.get(index) if index is not None else None
    return hit is not None and hit[1].rank >= COUNTRY_RANK


def _listed_with_a_person(story: Story, start: int, end: int) -> bool:
    """True when the name stands in a list of three or more ("A, B and C") beside a person the
    story is sure of by one name: "such as Zeus, Hera, Poseidon", "She met Okafor, Mbeki and
    Tanaka". Two names joined by "and" say too little ("Ghosn and Nissan underreported"), and a
    comma alone is a credit ("Nick Moreau, Wikinews")."""
    text = story.text
    if text.startswith(("'s", "’s"), end):
        return False
    after = _IN_A_LIST_AFTER.match(text, end)
    before = _IN_A_LIST_BEFORE.search(text, max(0, start - 6), start)
    if after is None and before is None:
        return False  # the usual case
    # one-word names (a guess too: a known given or family name) that are no short form of a longer
    # name ("Ghosn" of Carlos Ghosn: a list of names alone is written so, a company beside a person is not)
    longer = {f.key for f in story.found if f.type == PERSON and len(f.tokens) > 1}
    sure = [f for f in story.found if f.type == PERSON and len(f.tokens) == 1 and f.key not in longer]
    if after and any(f.start == after.end() for f in sure) \
            and (before or "," in after.group(0) or _IN_A_LIST_AFTER.match(text, _end_at(sure, after.end()))):
        return True
    if before is None or not any(f.end == before.start() for f in sure):
        return False
    return bool(after) or "," in before.group(0) or _IN_A_LIST_BEFORE.search(
        text, max(0, before.start() - 40), _start_of(sure, before.start())) is not None


def _end_at(found: list[Found], start: int) -> int:
    return next(f.end for f in found if f.start == start)


def _start_of(found: list[Found], end: int) -> int:
    return next(f.start for f in found if f.end == end)


def _known_place_at(story: Story, offset: int, towns: bool = True, countries: bool = True) -> bool:
    """True when a known place name starts at ``offset`` ("Temescal, Oakland"); with
    ``towns=False``, not a town's one-word name, which may be a person's ("Elizabeth"); with
    ``countries=False``, no country, which bodies are as often joined to ("Qualcomm and China")."""
    index = story.token_at(offset)
    hit = story.anchors.get(index) if index is not None else None
    return hit is not None and hit[1].type == PLACE and (towns or hit[0] > 1 or hit[1].rank != CITY_RANK) \
        and (countries or hit[1].rank < COUNTRY_RANK)


def pool(story: Story) -> None:
    """Retype the guessed mentions of each entity by the votes of all its mentions."""
    by_key: dict[str, list[Found]] = defaultdict(list)
    for f in story.found:
        if f.key is not None and f.type is not None:
            by_key[f.key].append(f)
    for mentions in by_key.values():
        towns = all(f.weak and f.type == PLACE for f in mentions)
        if not towns and not all(f.guessed for f in mentions):
            continue
        total: Counter = Counter()
        for f in mentions:
            said = votes(story, f.start, f.end, town=towns)
            if AGENT in said:
                said[f.type if f.type != PLACE else PERSON] += said.pop(AGENT)
            total.update(said)
        if towns:  # a town's name stands for a club, a company or a person only on clear signs
            # ("Leeds beat ...", "the Obama administration": Obama is also a town in Japan)
            sure = [kind for kind in (ORG, PERSON) if total[kind] >= 2 and total[kind] > total[PLACE]]
            total = Counter({sure[0]: total[sure[0]]}) if sure else Counter()
        if not total:
            continue
        (best, score), *rest = total.most_common()
        if best == mentions[0].type or (rest and rest[0][1] == score) or best == OTHER and mentions[0].type != ORG:
            continue
        if best == PLACE and len(mentions[0].tokens) > 1 and score < 2:
            continue  # one "in" does not make "Civic Passion" or "Group G" a place
        for f in mentions:
            f.type = best
            f.guessed = False
