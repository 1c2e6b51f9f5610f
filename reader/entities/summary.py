"""What a story says about its entities: grouped mentions, first sentence, role words.

Plain functions over the article body and the recogniser's spans (no UI), used by the
entities sidebar and the notes panel.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence

from reader.entities.captions import is_caption
from reader.entities.entity_info import EntityInfo
from reader.entities.given_name_forms import join_given_name_forms
from reader.entities.legal_forms import legal_form
from reader.entities.model import ORG, PERSON, PLACE, TYPES, Span
from reader.entities.notes import KnowledgeBase
from reader.entities.title_names import name_people_from_the_title

_SENTENCE_START = re.compile(r"(?:[.!?][\"”’')\]]*\s+|\n\s*)(?=[\"“‘(\[]?[A-Z0-9])")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*(?=\s|$)")


def summarise(body: str, spans: Sequence[Span], kb: KnowledgeBase, title: str = "",
              given_names: Container[str] = frozenset()) -> list[EntityInfo]:
    """Entities in order of first appearance, each with all its mentions; with the story's
    ``title``, a person named only by a surname takes the full name it gives
    (``title_names``; ``given_names``: the recogniser's, to tell a given name there)."""
    by_key: dict[str, EntityInfo] = {}
    for span in spans:
        key = span.key or body[span.start:span.end].casefold()
        info = by_key.get(key)
        if info is None:
            note = kb.get(span.key)
            name = note.name if note else " ".join(body[span.start:span.end].split())
            info = by_key[key] = EntityInfo(key, name, note.type if note else span.type, note=note)
        elif note_less_longer(info, body, span):
            info.name = " ".join(body[span.start:span.end].split())
        info.mentions.append((span.start, span.end))
    for info in by_key.values():
        if info.note is None and info.type == PLACE and _shouted(info.name):
            info.name = info.name.title()  # "NEWARK, N.J. (AP) —": a dateline shouts the town's name
        elif info.note is None and info.type == PERSON and any(map(_shouted_word, info.name.split())):
            info.name = " ".join(_unshouted(word) for word in info.name.split())  # a byline's "LAURIE OAKES"
    infos = join_given_name_forms(merge_short_forms(_join_spellings(list(by_key.values())), body))
    name_people_from_the_title(infos, title, kb, given_names)
    return infos


def _join_spellings(infos: list[EntityInfo]) -> list[EntityInfo]:
    """Organisations of a story written with and without a possessive or a plural s are one
    ("New People's Party", "New People Party"): the later one's mentions join the first."""
    first: dict[str, EntityInfo] = {}
    kept: list[EntityInfo] = []
    for info in infos:
        if info.type == ORG and info.note is None and " " in info.name:
            spelling = " ".join(_bare_word(word) for word in info.name.casefold().split())
            if spelling in first:
                first[spelling].mentions = sorted(first[spelling].mentions + info.mentions)
                continue
            first[spelling] = info
        kept.append(info)
    return kept


def _bare_word(word: str) -> str:
    """A word without a possessive or a final s: "people's", "peoples", "people" → "people"."""
    return word.removesuffix("'s").removesuffix("’s").rstrip("s") or word


_ROMAN = re.compile(r"[IVX]+")


def _shouted_word(word: str) -> bool:
    """A word of a name in capitals that is no initial and no regnal number ("MALCOLM", not
    "JR", "III")."""
    return word.isupper() and sum(c.isalpha() for c in word) >= 3 and not _ROMAN.fullmatch(word)


def _unshouted(word: str) -> str:
    """A shouted word of a name as a name is written: "OAKES" → "Oakes", "O’BRIEN" → "O’Brien"."""
    if not _shouted_word(word):
        return word
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), word)


def _shouted(name: str) -> bool:
    """A name in capitals that is no acronym: five letters or more ("NEWARK", not "NYC")."""
    return name.isupper() and sum(c.isalpha() for c in name) >= 5


_KIN_BEFORE = re.compile(r"\b(?:(?:son|daughter|child|father|mother|brother|sister|wife|husband|widow|grandson|"
                         r"granddaughter|nephew|niece)\s+of|(?:his|her|their)\s+(?:father|mother|brother|sister|son|"
                         r"daughter|wife|husband|uncle|aunt|grandfather|grandmother),?)\s+$", re.IGNORECASE)
"""A kinship said right before a name: "second son of *Pierre L'Enfant*", "his father, *John
Smith*": a relative, not the longer name's person written short."""


def merge_short_forms(infos: list[EntityInfo], body: str = "") -> list[EntityInfo]:
    """A shorter name that is part of a longer name of the same kind in the same story is
    that entity, when no other longer name holds it: one word first or last ("Trump" after
    "Donald Trump", "Mohib" after "Hamdullah Mohib"); for a person also its first words
    ("Te Kaurinui" of "Te Kaurinui Parata"), one middle word ("Lula" of "Luiz Inácio Lula
    da Silva"), or the family name with some of the words before it ("Kaurinui Parata" of
    "Te Kaurinui Robert Parata"). Its mentions join the longer name's. Only within one
    story, so "Bassi" in a story about Wade Bassi never joins the Bassi of another story.
    A middle word joins only a name the story gave before it: in a life of "Chao" (never
    named in full), "Rulan Chao Pian" at the end is his daughter."""
    full: dict[tuple[str, str], EntityInfo | None] = {}
    middle: set[tuple[str, str]] = set()  # slots held through a middle word
    for info in sorted(infos, key=lambda i: -len(i.name.split())):  # the longest names first
        if info.type in (PERSON, ORG):
            if full.get((info.type, " ".join(info.name.split()).casefold())) is not None:
                continue  # a short form itself ("Te Kaurinui Robert"): its own short forms are the longer name's
            words = info.name.split()
            ends = {words[0], words[-1]}
            for part in _short_forms(words, info.type):
                slot = (info.type, part.casefold())
                full[slot] = info if slot not in full or full[slot] is info else None  # two owners: neither
                if part not in ends and " " not in part:
                    middle.add(slot)
    merged: list[EntityInfo] = []
    for info in infos:
        slot = (info.type, " ".join(info.name.split()).casefold())
        owner = full.get(slot) if info.note is None else None
        if owner is not None and slot in middle and owner.first > info.first:
            owner = None  # named by a middle word before the longer name came
        if owner is not None and body and info.type == PERSON and " " in info.name.strip() and any(
                _KIN_BEFORE.search(body, max(0, start - 40), start) for start, _ in info.mentions):
            owner = None  # "the second son of Pierre L'Enfant" (Pierre Charles L'Enfant's father)
        if owner is not None and owner is not info:
            owner.mentions = sorted(owner.mentions + info.mentions)
            continue
        merged.append(info)
    return merged


_ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ash|as|at|az|ar|an|ud|ul)[-‑](?=[A-Z])", re.IGNORECASE)
"""The article before an Arabic family name, which news drop after the first mention ("Mr. Bashir")."""


def _short_forms(words: list[str], kind: str) -> set[str]:
    """The shorter names that may stand for a name of these ``words`` (none for a name with
    a generational suffix: "Donald Trump" is not Donald Trump Jr.)."""
    if len(words) < 2 or words[-1].casefold().rstrip(".,") in GENERATIONAL_SUFFIXES:
        return set()
    forms = {words[0], words[-1]}
    article = _ARABIC_ARTICLE.match(words[-1])
    if kind == PERSON and article:
        forms.add(words[-1][article.end():])  # "Bashir" of "Omar Hassan al-Bashir", "Assad" of "Bashar al-Assad"
    if kind == ORG:  # "Whole Foods" of "Whole Foods Market", "Alibaba Group" of "Alibaba Group Holding Ltd"
        rest = words
        while len(rest) > 2:
            form = legal_form(" ".join(rest))  # "Ltd", "Pty Ltd": cleanco's terms
            end = len(form.split()) if form else int(rest[-1].casefold().strip(".,") in COMPANY_ENDINGS)
            if not end or len(rest) - end < 2:
                break
            rest = rest[:-end]
            forms.add(" ".join(rest))
    if kind == PERSON:
        forms |= {" ".join(words[:n]) for n in range(2, len(words))}
        forms |= {w for w in words[1:-1] if w[:1].isupper() and len(w.rstrip(".")) > 1}  # not "W." of George W. Bush
        if len(words) <= MOST_NAME_WORDS:  # the family name with some of the words before it, in order
            rest = [w for w in words[:-1] if len(w.rstrip(".")) > 1]  # an initial tells people apart
            for mask in range(1, 2 ** len(rest) - 1):
                forms.add(" ".join([*(w for i, w in enumerate(rest) if mask >> i & 1), words[-1]]))
    return forms


GENERATIONAL_SUFFIXES = frozenset("jr sr ii iii iv junior senior".split())
COMPANY_ENDINGS = frozenset("market markets group holding holdings".split())
"""Words besides a legal form that a company's name may end with and a story drop: "Whole
Foods" is Whole Foods Market (not "United Nations" of "United Nations Security Council": a
body of its own)."""
MOST_NAME_WORDS = 6
"""Longer names are not taken apart into every shorter form."""


def note_less_longer(info: EntityInfo, body: str, span: Span) -> bool:
    """Without a note, show the longest form the story uses ("Hua Chunying" over "Hua")."""
    return info.note is None and len(body[span.start:span.end]) > len(info.name)


def grouped(infos: Iterable[EntityInfo]) -> list[tuple[str, list[EntityInfo]]]:
    """Entities grouped by type (people, organisations, places, events, other), order kept."""
    groups: dict[str, list[EntityInfo]] = {t: [] for t in TYPES}
    for info in infos:
        groups.setdefault(info.type, []).append(info)
    return [(kind, items) for kind, items in groups.items() if items]


_ABBREVIATIONS = frozenset("mr mrs ms dr prof st jr sr gen col lt sgt capt gov sen rep rev no vs etc inc ltd co "
                           "corp jan feb mar apr jun jul aug sep sept oct nov dec del supt cmdr adm maj brig amb "
                           "atty hon mt dept univ assn".split())
"""Words an abbreviation's full stop ends, not a sentence ("state Del. Robert Marshall", "Lt. Gov.")."""
_SENTENCE_OPENERS = frozenset("The A An It He She They We I In On At But This That These Those His Her Their There "
                              "According After When While However Image Photo".split())
_INITIALS = re.compile(r"(?:\b[A-Za-z]\.)+[A-Za-z]?$")


def _abbreviation_before(body: str, stop: int) -> bool:
    """True when the full stop at ``stop`` ends an abbreviation ("U.S.", "Mr.", "D.C."), not a sentence."""
    if stop >= len(body) or body[stop] != ".":
        return False
    before = body[max(0, stop - 12):stop + 1]
    word = re.split(r"[\s(\"“]", before)[-1]
    if word[:-1].casefold() in _ABBREVIATIONS:
        return True
    following = body[stop + 1:stop + 16].split()
    return bool(_INITIALS.search(word)) and not (following and following[0] in _SENTENCE_OPENERS)


def sentence_at(body: str, offset: int) -> str:
    """The sentence holding ``offset``."""
    start = 0
    for match in _SENTENCE_START.finditer(body, 0, offset + 1):
        if match.end() <= offset and not _abbreviation_before(body, match.start()):
            start = match.end()
    paragraph_start = body.rfind("\n", 0, offset) + 1
    start = max(start, paragraph_start)
    end_match = _SENTENCE_END.search(body, offset)
    while end_match and _abbreviation_before(body, end_match.start()) and end_match.end() < len(body):
        end_match = _SENTENCE_END.search(body, end_match.end())
    paragraph_end = body.find("\n", offset)
    end = end_match.end() if end_match else len(body)
    if paragraph_end != -1:
        end = min(end, paragraph_end)
    return " ".join(body[start:end].split())


def role_of(body: str, info: EntityInfo) -> str | None:
    """The first role the story gives an entity (before or after a mention)."""
    from reader.entities.roles import roles_at  # noqa: PLC0415 - its patterns load when first needed

    roles = roles_at(body, info.mentions)
    return roles[0] if roles else None


def story_roles(body: str, infos: Sequence[EntityInfo]) -> dict[str, list[str]]:
    """Every role the story gives each person or body: ``{key: [role, ...]}`` (at its
    mentions, then "He was a ..." after a person's mention)."""
    from reader.entities.roles import pronoun_roles, roles_at  # noqa: PLC0415 - loaded when first needed

    roles: dict[str, list[str]] = {}
    for info in infos:
        if info.type in (PERSON, ORG):
            found = roles_at(body, info.mentions, person=info.type == PERSON)
            if found:
                roles[info.key] = found
    people = [(i.key, i.mentions) for i in infos if i.type == PERSON]
    for key, found in pronoun_roles(body, people).items():
        known = roles.setdefault(key, [])
        known += [r for r in found if r.casefold() not in {k.casefold() for k in known}]
    # "Trump's Mike Pence": a person's possessive before a name is no body they belong to
    person_names = {name.casefold() for i in infos if i.type == PERSON for name in names_of(i, body)}
    for info in infos:
        found = roles.get(info.key, [])
        credited_only = not any(r in CREDITS for r in found) or _credited_only(body, info)
        kept = _without_shorter_forms([r for r in found if not _possessive_person(body, info, r, person_names)
                                       and (credited_only or r not in CREDITS)])
        if len(kept) < len(found):
            if kept:
                roles[info.key] = kept
            else:
                del roles[info.key]
    return roles


CREDITS = frozenset({"image credit", "video credit", "audio credit", "photo credit"})
"""Roles a caption's credit gives ("Image: Andy Warhol.")."""


def _credited_only(body: str, info: EntityInfo) -> bool:
    """True unless the name is mentioned twice or more outside credits: the artist a story is
    about is more than the credit of one picture; a photographer credited under every picture
    keeps the role."""
    from reader.entities.role_shapes import credit_role  # noqa: PLC0415 - with the roles, when first needed

    person = info.type == PERSON
    return sum(credit_role(body, start, end, person=person) is None for start, end in info.mentions) < 2


_AFFILIATION_WORDS = re.compile(r"^(?:(?:of|from)\s+)?(?:the\s+)?", re.IGNORECASE)


def affiliated_body(role: str) -> str:
    """A role without the words that tie it to a body: "of the FTU" → "FTU" (any other role as it is)."""
    return _AFFILIATION_WORDS.sub("", role, count=1)


def _without_shorter_forms(roles: list[str]) -> list[str]:
    """The roles less those that end another one ("President" beside "U.S. President", "of
    DAB" beside "of Pro-Beijing DAB") or say it again ("of the FTU" after "of FTU")."""
    folded = [" " + affiliated_body(role.casefold()) for role in roles]
    return [role for n, (role, mine) in enumerate(zip(roles, folded))
            if not any(other != mine and other.endswith(mine) for other in folded) and mine not in folded[:n]]


def _possessive_person(body: str, info: EntityInfo, role: str, person_names: set[str]) -> bool:
    """True when ``role`` ("of Trump") is a person's possessive written before a mention."""
    name = role[3:] if role.startswith("of ") else ""
    if name.casefold() not in person_names:
        return False
    return any(" ".join(body[max(0, start - len(name) - 3):start].split()).casefold() in
               (f"{name}'s".casefold(), f"{name}’s".casefold()) for start, _ in info.mentions)


def introducing_sentence(body: str, info: EntityInfo, title: str = "") -> str:
    """The sentence of the first mention outside the headline (a story's first line is
    often its title): the sentence that introduces the entity to a reader. A line that is no
    sentence, only a few words around the name (a subheading "Joyce Craig", a caption's
    credit), gives way to the next mention's sentence when there is one."""
    headline_end = headline_length(body, title)
    short = ""
    for start, end in info.mentions:
        if start >= headline_end:
            sentence = sentence_at(body, start)
            if is_caption(_line_at(body, start)):
                short = short or sentence  # "Braverman (left) and Sunak (right) on October 25": a photo's caption
                continue
            if len(sentence.split()) > len(body[start:end].split()) + 2 or sentence.endswith((".", "!", "?")):
                return sentence
            short = short or sentence
    return short


def _line_at(body: str, offset: int) -> str:
    """The line (a paragraph of the text) holding ``offset``."""
    end = body.find("\n", offset)
    return body[body.rfind("\n", 0, offset) + 1:end if end != -1 else len(body)]


def headline_length(body: str, title: str) -> int:
    """How many characters at the start of ``body`` are the story's headline (0 when the
    body does not start with it)."""
    first_line_end = body.find("\n")
    first_line = body[:first_line_end if first_line_end != -1 else len(body)]
    folded_title = " ".join(title.split()).rstrip("…").casefold()
    folded_line = " ".join(first_line.split()).casefold()
    if folded_title and folded_line and (folded_line.startswith(folded_title[:60])
                                        or folded_title.startswith(folded_line[:60])) \
            and first_line_end != -1:
        return first_line_end
    return 0


def names_of(info: EntityInfo, body: str) -> set[str]:
    """Every form the story and the note use for an entity."""
    names = {" ".join(body[s:e].split()) for s, e in info.mentions}
    if info.note:
        names.update(info.note.names)
    return {n for n in names if len(n) > 1}
