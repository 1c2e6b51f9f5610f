"""One story being read: its words, the known names in it, and its capitalised runs.

A ``Story`` is made per text by ``Recognizer.recognise``; everything it learns about
that text (which words it also writes in lower case, which names it uses) lives on the
object, so stories read in several threads at once never see each other's state.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from operator import attrgetter

from reader.entities.captions import CREDIT_LABELS, CREDIT_LINE
from reader.entities.knowledge import Knowledge
from reader.entities.lexicon import CITY_RANK, COUNTRY_RANK, NOTE_RANK, Entry, Lexicon, place_key
from reader.entities.tokens import GIVEN_WITH_HYPHEN, INITIAL, LOWER_PREFIXES, Token, split_pieces, tokenize
from reader.entities.model import ORG, OTHER, PERSON, PLACE
from reader.entities.wordlists import (
    ABBREVIATIONS,
    CALENDAR,
    COMMON,
    CONNECTORS,
    ENDINGS,
    GIVEN_NAMES,
    OF_CONNECTORS,
    PLACE_NOUNS_AFTER,
    is_demonym,
    is_role,
    surname_like,
)
from reader.text import LATIN_LETTER

_GAP = re.compile(r"[ \t\u00a0]{1,2}")
_ONE_CHARACTER_GAPS = frozenset(" \t\u00a0")
_ENGLISH_FUNCTION_WORDS = frozenset("""the of and to in is that for it was with be by at this are from have has an
not but or they she his her which were had been their we you will would""".split())
"""Words of nearly every English sentence and of few other languages' ("a", "on", "as" are
French, Spanish or Portuguese words too)."""
ENGLISH_SAMPLE_TOKENS = 400
ENGLISH_MIN_WORDS = 30
ENGLISH_MIN_SHARE = 0.06
"""English running text has about a third of its lower-case words in that set; French and
Portuguese news under 1%; an English story of product lists or code about 12%."""


_ELECTRIC_DC = re.compile(r"AC[/-]DC\b|DC[/-]AC\b|\bDC[ -](?:current|power|motors?|voltages?|circuits?|adapters?|"
                          r"chargers?|charging|fast|supply|input|output|jacks?|fans?|volts?|V\b|to\b)")


def direct_current(text: str, start: int, end: int) -> bool:
    """True when "DC" at ``start`` is direct current ("a DC motor", "AC/DC"), not Washington."""
    return text[start:end] == "DC" and _ELECTRIC_DC.search(text, max(0, start - 3), min(len(text), end + 12)) is not None


def reads_as_english(tokens: list[Token]) -> bool:
    """True unless the story's first lower-case words are plainly not English (a text too
    short to tell counts as English, unless most of its words are in another script than
    Latin: the recogniser's rules are English ones)."""
    sample = tokens[:ENGLISH_SAMPLE_TOKENS]
    plain = [tok.folded for tok in sample if not tok.cap]
    if len(plain) < ENGLISH_MIN_WORDS:  # too short to count its English words: its script tells
        other_script = sum(1 for tok in sample if tok.text[:1].isalpha() and not tok.text[:1].isascii()
                           and not LATIN_LETTER.match(tok.text))
        return other_script * 2 <= len(sample)  # Cyrillic, Greek, Arabic …: "Общая сумма …" opens a sentence
    return sum(word in _ENGLISH_FUNCTION_WORDS for word in plain) >= ENGLISH_MIN_SHARE * len(plain)


_PLAIN_AFTER = re.compile(r"(?:[\s,;:!?)\]”\"]|\.(?!\w)|$)")  # a word in running text, not in a URL or address
_HOLDING_WORDS = frozenset("holding holdings".split())
_EPONYM_ENDINGS = frozenset("law laws disease disorder disorders syndrome theorem principle paradox".split())
"""Endings of names that keep the possessive of the person they are named for ("Moore's Law")."""
_POSSESSIVE_NAMES = frozenset("people's peoples' women's men's children's workers' veterans' nations' nation's "
                              "st. saint".split())
_JOINERS = CONNECTORS | {"and"}
_STANCE_PREFIXES = frozenset("pro anti non ex post pre neo pan".split())
_CLAUSE_OPENERS = frozenset("in on at by for with from into as after before during while when since until".split())
_DETERMINERS = frozenset("the a an this that these those his her its their our my your some many most all each "
                         "every".split())


def _capitalised_word(text: str) -> bool:
    """A capitalised word of three letters or more, the rest in lower case ("Gamble"; not "iOS",
    "DVTKit", "C", a street's "St")."""
    return len(text) > 2 and text.isalpha() and text[0].isupper() and text[1:].islower()


@dataclass
class Found:
    """A candidate mention: its span, its type (``None`` until decided) and how it was found."""

    start: int
    end: int
    type: str | None
    key: str | None
    tokens: list[Token] = field(default_factory=list)
    initial: bool = False  # first word of a sentence, a line or a heading
    forced_person: bool = False  # right after a title or role word
    left_of_role: bool = False  # words before a role ("Foreign Ministry spokesperson ...")
    weak: bool = False  # a one-word city name: a person's short name wins over it
    known: bool = False  # from the knowledge base or the gazetteer
    guessed: bool = False  # typed by a default, not by evidence


#: Second parts of a hyphenated modifier before a name: "Amazon-owned Whole Foods",
#: "Mercer Island-based Dana F. Beseck", "Kroger-owned QFC".
_MODIFIER_ENDS = frozenset("""owned based led backed run funded controlled born made linked affiliated
allied aligned sponsored operated listed focused headquartered era style friendly inspired winner winners
winning nominated nominee""".split())


_ELIDED_ARTICLE = re.compile(r"(?:l|dell|dall|all|nell|sull)['’](?=[A-ZÀ-Þ])")
"""An elided article before a name in French or Italian: "l’Assemblée", "dell'ONU"."""


def _without_article(tok: Token) -> Token:
    """The token less an elided article before its capital ("l’Assemblée" is "Assemblée"), else itself."""
    match = _ELIDED_ARTICLE.match(tok.text)
    if match is None:
        return tok
    cut = match.end()
    return Token(tok.start + cut, tok.end, tok.text[cut:], cap=True, initial=False)


class Story:
    """The text of one story and what the recogniser has learnt about it so far."""

    def __init__(self, text: str, lexicon: Lexicon, knowledge: Knowledge) -> None:
        self.text = text
        self.lexicon = lexicon
        self.knowledge = knowledge
        self.tokens = self._split_compounds(tokenize(text))
        self._lower_shouting()
        #: False for a story in another language: a capitalised first word is no sign of a name there
        self.english = reads_as_english(self.tokens)
        if not self.english:
            self.tokens = [_without_article(tok) for tok in self.tokens]
        #: words the story also writes in lower case are ordinary words ("Space Shuttle", "Group G")
        self.lower_words: set[str] = set()
        self.lower_all: set[str] = set()
        self.cap_words: set[str] = set()
        self._gather_words()
        self.anchors: dict[int, tuple[int, Entry]] = {}
        self.found: list[Found] = []
        self.deferred: list[Found] = []  # single capitalised words, typed once the whole story is read
        self._covered: set[int] = set()

    # -- words -----------------------------------------------------------------------------------

    def _gather_words(self) -> None:
        """Fill ``cap_words`` and ``lower_all`` with the folded words written with a capital
        and without one, and ``lower_words`` with those of the latter written in lower case in
        running text (one pass; a word already found is not looked at again)."""
        text, lower_words = self.text, self.lower_words
        add_cap, add_lower, plain_after = self.cap_words.add, self.lower_all.add, _PLAIN_AFTER.match
        for tok in self.tokens:
            folded = tok.folded
            if tok.cap:
                add_cap(folded)
                continue
            add_lower(folded)
            if folded in lower_words:
                continue
            word = tok.text
            if len(word) > 2 and word.islower() and text[tok.start - 1:tok.start] in (" ", "\n", "") \
                    and plain_after(text, tok.end):
                lower_words.add(folded)

    def is_given_name(self, tok: Token, place: bool = False) -> bool:
        """A given name ("Valeska", "Jesse"). For a word that is also a place (``place``), only the
        short hand list counts: "Jordan Henderson", but not "York Minster" or "Cleveland Clinic"."""
        if tok.folded in GIVEN_NAMES:
            return True
        return not place and tok.cap and not tok.upper and tok.folded in self.knowledge.given_names

    def _lower_shouting(self) -> None:
        """Words in ALL CAPS headlines, bylines and runs ("JOE HILDEBRAND HOW IT WORKS") read as if
        written in ordinary case: ordinary words lose their capital, names keep one. Known acronyms
        ("US", "LDP") and a lone capitalised acronym in running text ("NATO said") stay as they are."""
        tokens = self.tokens
        n = len(tokens)
        capitals = [index for index, tok in enumerate(tokens) if tok.upper]
        if not capitals:
            return
        text = self.text
        shouting: set[int] = set()
        done_lines: set[int] = set()
        capital_starts = [tokens[index].start for index in capitals]
        for pos, index in enumerate(capitals):
            line_start = text.rfind("\n", 0, tokens[index].start) + 1
            if line_start in done_lines:
                continue
            done_lines.add(line_start)
            line_end = text.find("\n", tokens[index].start)
            line_end = len(text) if line_end < 0 else line_end
            if bisect_left(capital_starts, line_end, pos) - pos < 2:
                continue  # one word in capitals on its line: no shouting line (that needs two or more)
            first = index
            while first > 0 and tokens[first - 1].start >= line_start:
                first -= 1
            last = index
            while last + 1 < n and tokens[last + 1].start < line_end:
                last += 1
            words = [k for k in range(first, last + 1) if len(tokens[k].text) > 1 and tokens[k].text[:1].isalpha()]
            upper = [k for k in words if tokens[k].upper]
            if len(words) >= 3 and len(upper) >= 0.6 * len(words):
                shouting.update(upper)
        for index in capitals:
            if (index + 1 < n and tokens[index + 1].upper and self.joined(index)) \
                    or (index and tokens[index - 1].upper and self.joined(index - 1)):
                shouting.add(index)
        lexicon, knowledge = self.lexicon, self.knowledge
        for index in shouting:
            tok = tokens[index]
            entry = lexicon.get(tok.base_folded)
            if entry is not None and entry.exact_case:
                continue
            ordinary = entry is None and not self.is_given_name(tok) and (
                tok.folded in COMMON or tok.folded in CALENDAR or knowledge.is_word(tok.base_folded))
            if ordinary:
                tok.cap = tok.upper = False
            elif len(tok.base) > 3:  # a short one stays an acronym ("AP", "BBC")
                tok.upper = False

    def _split_compounds(self, tokens: list[Token]) -> list[Token]:
        """Split hyphenated words whose parts are names ("Japan-Taiwan", "Japan-controlled", "pro-Beijing")."""
        out: list[Token] = []
        lexicon = self.lexicon
        for index, tok in enumerate(tokens):
            if "-" not in tok.text and "‐" not in tok.text and "‑" not in tok.text or tok.folded in lexicon \
                    or self._starts_known_name(tokens, index):
                out.append(tok)
                continue
            parts = split_pieces(tok)
            if parts and parts[0].folded in _STANCE_PREFIXES:
                tok.cap = tok.upper = False  # "pro-Beijing", "Anti-Japan": a stance, not the place
                out.append(tok)
                continue
            if len(parts) > 2 and parts[-1].folded in _MODIFIER_ENDS and tok.text.casefold().startswith(LOWER_PREFIXES):
                name_end = parts[-2].end  # "al-Qaeda-linked": the name, then what it says of the thing
                out += [Token(tok.start, name_end, tok.text[:name_end - tok.start], True, tok.initial), parts[-1]]
                continue
            caps = [p.cap for p in parts]
            known = [p.folded in lexicon for p in parts]
            split = False
            if not caps[0] and any(caps[1:]) and not tok.text.casefold().startswith(LOWER_PREFIXES):
                split = True  # trans-Pacific, mid-Atlantic
            elif all(caps) and (all(known) or any(lexicon.is_country(p.text) for p in parts)):
                split = True  # Japan-Taiwan, China-Japan (but not "Okonkwo-Bell")
            elif caps[0] and not caps[-1] and (known[0] or not self._cap_neighbour(tokens, index)
                                                or parts[-1].folded in _MODIFIER_ENDS) \
                    and not (self._given_name_after_family_name(tokens, index) and parts[-1].folded not in _MODIFIER_ENDS):
                split = True  # Japan-controlled, Scientology-critic, Amazon-owned (but "Hsieh Pei-fen", "Yau Wai-ching"
                # stay whole, though Wai is also a town)
            out.extend(parts if split and len(parts) > 1 else [tok])
        return out

    def _starts_known_name(self, tokens: list[Token], index: int) -> bool:
        """True when a longer known name starts with this word here ("Japan-Taiwan relations")."""
        lexicon = self.lexicon
        if not lexicon.is_prefix(tokens[index].folded) or index + 1 >= len(tokens):
            return False
        key = f"{tokens[index].folded} {tokens[index + 1].folded}"
        return key in lexicon or lexicon.is_prefix(key)

    @staticmethod
    def _given_name_after_family_name(tokens: list[Token], index: int) -> bool:
        """True for a romanised hyphenated given name right after a capitalised word: "Yau Wai-ching"."""
        prev = tokens[index - 1] if index else None
        return prev is not None and prev.cap and prev.end == tokens[index].start - 1 \
            and GIVEN_WITH_HYPHEN.fullmatch(tokens[index].text) is not None

    @staticmethod
    def _cap_neighbour(tokens: list[Token], index: int) -> bool:
        """True when a capitalised word stands right beside token ``index`` (one space apart)."""
        tok = tokens[index]
        prev = tokens[index - 1] if index else None
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        return (prev is not None and prev.cap and prev.end == tok.start - 1) or \
            (nxt is not None and nxt.cap and nxt.start == tok.end + 1)

    def joined(self, a: int) -> bool:
        """True when token ``a`` and the next one are separated by a plain space only."""
        b = a + 1
        tokens = self.tokens
        if b >= len(tokens):
            return False
        end, start = tokens[a].end, tokens[b].start
        if start - end <= 0 or start - end == 1 and self.text[end] in _ONE_CHARACTER_GAPS:
            return True  # the common case, told without slicing the text
        gap = self.text[end:start]
        if _GAP.fullmatch(gap):
            return True
        # "George W. Bush", "St. Louis", "Mr. Bashir": an initial or an abbreviation goes on,
        # unless a word that opens sentences follows ("Mac OS X. Just look ...")
        return gap == ". " and tokens[a].cap and (INITIAL.match(tokens[a].text) is not None
                                                  or tokens[a].folded in ABBREVIATIONS) \
            and tokens[b].folded not in COMMON

    # -- known names -----------------------------------------------------------------------------

    def find_anchors(self) -> None:
        """Mark the known names (longest first, left to right)."""
        tokens = self.tokens
        longest, joined, nothing = self.lexicon.longest, self.joined, self.lexicon.starts_nothing
        free = 0  # the first token after the last name found
        english = self.english
        for i in [k for k, tok in enumerate(tokens) if (tok.cap or tok.text[0].isdigit())
                  and not (english and tok.folded in nothing and tok.base_end == tok.end)]:
            if i < free:
                continue
            hit = longest(tokens, i, joined) or (None if english else self._foreign_country(i))
            if hit and hit[0] == 1 and hit[1].rank == CITY_RANK and not tokens[i].upper \
                    and (tokens[i].initial or tokens[i].folded in self.lower_all) \
                    and tokens[i].base_folded in self.knowledge.words:
                hit = None  # "Man’s greed ..." first in a sentence, or "reading" written in lower case too
            elif hit and hit[0] == 1 and not english and hit[1].rank == CITY_RANK and tokens[i].initial \
                    and self.text[tokens[i].end:tokens[i].end + 1] in ("?", "!", "."):
                hit = None  # "Fiz errado lá atrás? Sim.": a word that is a sentence alone (Sim, a Russian town)
            elif hit and hit[0] == 1 and direct_current(self.text, tokens[i].start, tokens[i].end):
                hit = None  # "a DC motor", "AC/DC": direct current, not Washington
            elif hit and hit[1].rank == NOTE_RANK and hit[1].type != PLACE:
                hit = self._with_legal_form(i, hit)
                if not self._note_here(i, hit[0]):
                    hit = None
            if hit:
                self.anchors[i] = hit
                self._covered.update(range(i + 1, i + hit[0]))
                free = i + hit[0]

    def _foreign_country(self, i: int) -> tuple[int, Entry] | None:
        """The longest country name in another language starting at token ``i`` ("Estados
        Unidos", "Syrie"): a story that is not English names countries in its own language."""
        from reader.entities.foreign_countries import MAX_WORDS, foreign_country_names  # noqa: PLC0415

        names = foreign_country_names()
        tokens, best, key = self.tokens, None, ""
        for n in range(1, min(MAX_WORDS, len(tokens) - i) + 1):
            if n > 1 and not self.joined(i + n - 2):
                break
            key = f"{key} {tokens[i + n - 1].base_folded}" if key else tokens[i + n - 1].base_folded
            english = names.get(key)
            if english is not None:
                best = (n, Entry(PLACE, place_key(english), COUNTRY_RANK))
        return best

    def _with_legal_form(self, i: int, hit: tuple[int, Entry]) -> tuple[int, Entry]:
        """A company's note name and the legal form after it are the company: "Alibaba Group
        Holding Ltd" is the note on Alibaba Group, as "Alibaba Group" is later in the story."""
        n, entry = hit
        if entry.type != ORG:
            return hit
        tokens, suffixes = self.tokens, self.knowledge.company_suffixes
        k = i + n
        while k < len(tokens) and self.joined(k - 1) and tokens[k].cap \
                and (tokens[k].folded in suffixes or tokens[k].folded in _HOLDING_WORDS):
            k += 1
        if k == i + n or k < len(tokens) and self.joined(k - 1) and tokens[k].cap:
            return hit
        return k - i, entry

    def _note_here(self, i: int, n: int) -> bool:
        """False where the name of a note (a body's, a person's, not a place's) at token ``i``, ``n``
        words long, stands for something else: part of a longer name ("Google Maps", "Fox News
        Tonight", "International Phonetic Alphabet"), a place ("the Amazon rainforest", "Oracle,
        Arizona"), an ordinary word opening a sentence ("Apple pie was served") unless the story
        also writes it with a capital mid-sentence. The rules read those as they would without it."""
        tokens = self.tokens
        last = tokens[i + n - 1]
        nxt = tokens[i + n] if i + n < len(tokens) else None
        if nxt is not None and self.joined(i + n - 1) and last.base_end == last.end:
            if nxt.cap and nxt.folded not in CALENDAR and not is_role(nxt.folded) and not is_demonym(nxt.folded):
                return False  # ("Google CEO Sundar Pichai", "Reuters Tuesday" keep the note)
            if nxt.folded in PLACE_NOUNS_AFTER:
                return False
        if n == 1 and nxt is not None and self.text[last.end:nxt.start] == ", " and nxt.cap:
            after = self.lexicon.longest(tokens, i + n, self.joined)
            if after is not None and after[1].type == PLACE and after[1].rank >= COUNTRY_RANK \
                    and tokens[i + n + after[0] - 1].base_end == tokens[i + n + after[0] - 1].end:
                return False  # "Oracle, Arizona" is a town (not "Labour, Britain's main opposition")
        prev = tokens[i - 1] if i else None
        if prev is not None and prev.cap and not prev.upper and self.joined(i - 1) and prev.base_end == prev.end \
                and not (prev.initial and self.knowledge.is_word(prev.folded)) \
                and not is_role(prev.folded) and not is_demonym(prev.folded):
            return False  # the end of a longer name: "International Phonetic Alphabet" (not "Former Twitter",
            # "President Donald J. Trump", "Chinese Huawei")
        tok = tokens[i]
        if n == 1 and tok.initial and not tok.upper and tok.base_folded in self.knowledge.words:
            return any(t.cap and not t.initial and t.base_folded == tok.base_folded for t in tokens)
        return True

    def token_at(self, offset: int) -> int | None:
        """The index of the token starting at ``offset``, if one does."""
        index = bisect_left(self.tokens, offset, key=attrgetter("start"))
        return index if index < len(self.tokens) and self.tokens[index].start == offset else None

    def covered(self, k: int) -> bool:
        """True when token ``k`` is inside (not at the start of) a known name."""
        return k in self._covered

    def anchor_ends_at(self, k: int) -> bool:
        return any(s + n == k for s, (n, _) in self.anchors.items() if s < k)

    # -- capitalised runs ------------------------------------------------------------------------

    def runs(self):
        """``(i, j)`` for each run of capitalised words (with the connectors inside names)."""
        anchors = self.anchors
        j = 0
        for i in [k for k, tok in enumerate(self.tokens) if tok.cap or k in anchors]:
            if i >= j:
                j = self._run_end(i)
                yield i, j

    def _run_end(self, i: int) -> int:
        """Index after the last token of the capitalised run starting at ``i``."""
        tokens, anchors = self.tokens, self.anchors
        n = len(tokens)
        j = i
        while j < n:
            if j in anchors:
                j += anchors[j][0]
            elif tokens[j].cap or (j > i and INITIAL.match(tokens[j].text)):
                j += 1
            else:
                break
            if j < n and not tokens[j].cap and j not in anchors and tokens[j].folded not in _JOINERS:
                break  # a lower-case word that joins no name ends the run, whatever the gap (most runs end so)
            if j >= n or not self.joined(j - 1):
                break
            if tokens[j - 1].base_end != tokens[j - 1].end and tokens[j - 1].folded not in _POSSESSIVE_NAMES \
                    and (not self._ending_ahead(j) or self.anchor_ends_at(j) or tokens[j - 1].upper):
                break  # "Tokyo’s officials", "Saudi Arabia's Civil Defense Authority", "NASA's Jet Propulsion
                # Laboratory" (but "Sheriff's Department")
            nxt = tokens[j]
            if nxt.folded in CREDIT_LABELS and self.text[nxt.end:nxt.end + 1] == ":":
                break  # "… Ahmed Mohamed Image: Twitter": a caption's credit, no word of the name
            if nxt.cap and j not in anchors and self._opens_a_clause(j):
                break  # "DAB's Elizabeth Quat In the New Territories ...": a caption without its full stop
            if nxt.text == "I" and self._pronoun_i(j):
                break  # "Prompted I think by …", "in Air Force ROTC I was chosen": the pronoun
            if nxt.cap or j in anchors:
                continue
            # connectors: "of", "of the", "de la", "&", "and"
            k = j
            while k < n and tokens[k].folded in _JOINERS and k - j < 2 and self.joined(k) and not tokens[k].cap:
                if tokens[k].folded == "the" and (k == j or tokens[k - 1].folded not in OF_CONNECTORS):
                    break
                k += 1
            if j < k < n and (tokens[k].cap or k in anchors):
                j = k
                continue
            break
        return j

    def _pronoun_i(self, j: int) -> bool:
        """True when "I" at token ``j`` is the pronoun, not a number of the name before it: a
        word in lower case follows, and the word before is no given name (a king's "Charles
        I was beheaded" keeps it)."""
        tokens = self.tokens
        return j + 1 < len(tokens) and not tokens[j + 1].cap and self.joined(j) \
            and not self.is_given_name(tokens[j - 1])

    def _opens_a_clause(self, j: int) -> bool:
        """True when token ``j`` is a capitalised preposition or conjunction that begins a
        clause, told by the determiner after it ("In the", "For a"): it does not go on the
        name before it. A title goes on ("Made In Chelsea"), and so do names with such a word
        ("Nguyen Van An", "Class A")."""
        tokens = self.tokens
        return tokens[j].folded in _CLAUSE_OPENERS and j + 1 < len(tokens) and not tokens[j + 1].cap \
            and tokens[j + 1].folded in _DETERMINERS and self.joined(j)

    def _ending_ahead(self, j: int) -> bool:
        """True when the capitalised words from ``j`` end like an organisation or place name, or
        like a law or an illness named for someone ("Sheriff's Department", "Moore's Law",
        "Alzheimer's Disease"); not a product or a plan, which are the owner's: "Microsoft's
        Internet Explorer", "Obama's Affordable Care Act"."""
        tokens = self.tokens
        k = j
        while k < len(tokens) and k - j < 4 and tokens[k].cap:
            kind = ENDINGS.get(tokens[k].folded)
            if kind is not None and kind != PERSON and (kind != OTHER or tokens[k].folded in _EPONYM_ENDINGS):
                return True
            if not self.joined(k):
                break
            k += 1
        return False

    def _headed_by_of(self, i: int, k: int) -> bool:
        """True when a name ending stands before "of"/"for"/"on" between ``i`` and ``k``."""
        tokens = self.tokens
        return any(tokens[x].folded in OF_CONNECTORS and tokens[x - 1].folded in ENDINGS for x in range(i + 1, k))

    def _two_bodies(self, i: int, k: int, m: int, j: int) -> bool:
        """True when "and" at ``k`` stands between two bodies, the second named after a place:
        "Massachusetts Institute of Technology and Colorado State University" (not "Bank of
        Health and Human Services")."""
        anchor = self.anchors.get(m)
        return anchor is not None and anchor[1].type == PLACE and self._headed_by_of(i, k) \
            and any(ENDINGS.get(tok.folded) == ORG for tok in self.tokens[m + anchor[0]:j])

    def _country_after_a_named_body(self, i: int, k: int, m: int, j: int) -> bool:
        """True when "of" at ``k`` puts a country after a body already named after a place:
        "Colorado State University of the US" (not "University of the Philippines", "Central
        Bank of the Philippines")."""
        first, country = self.anchors.get(i), self.anchors.get(m)
        return first is not None and first[1].type == PLACE and first[0] < k - i \
            and all(tok.cap for tok in self.tokens[i:k]) and ENDINGS.get(self.tokens[k - 1].folded) == ORG \
            and country is not None and country[1].type == PLACE and country[1].rank >= COUNTRY_RANK \
            and m + country[0] == j

    def _before_a_title(self, m: int, j: int) -> int:
        """Where the run ``m``..``j`` has its first title, else ``j``: "Health and Human Services
        Secretary Robert Kennedy" names its body before "Secretary"."""
        tokens = self.tokens
        return next((x for x in range(m + 1, j) if tokens[x].cap and is_role(tokens[x].folded)), j)

    def _ampersand_joins(self, i: int, k: int, m: int, j: int) -> bool:
        """True when the "&" at ``k`` joins one name: two plain words that make the whole run, no
        known place among them ("Procter & Gamble", not "Tempe & Mesa", "iOS & OS X"), or plain words
        before a body's or a place's ending ("Evergreen Aviation & Space Museum"); never in a credit."""
        tokens = self.tokens
        left, right = tokens[k - 1], tokens[m]
        if not (_capitalised_word(left.text) and _capitalised_word(right.text)) or self._credited(k):
            return False
        if k - 1 == i and m + 1 == j:
            return not (i in self.anchors or m in self.anchors) and left.folded not in COMMON \
                and right.folded not in COMMON
        return any(ENDINGS.get(t.folded) in (ORG, PLACE) for t in tokens[m + 1:j])  # "… Museum of Art"

    def _credited(self, k: int) -> bool:
        """True when the line holding token ``k`` is a credit ("Video: Miharris & Acphillips.")."""
        start = self.tokens[k].start
        line = self.text[self.text.rfind("\n", 0, start) + 1:start]
        return CREDIT_LINE.search(line) is not None

    def split_connectors(self, i: int, j: int) -> list[tuple[int, int]]:
        """Split a run at connectors that do not join a name ("Sweden and Belgium")."""
        tokens, anchors = self.tokens, self.anchors
        cuts: list[tuple[int, int]] = []  # (index of first connector, index after connectors)
        for_joined = False  # "for" joins this name so far: "Joint Council for the Welfare of Immigrants"
        k = segment = i  # (where the name being read begins: after the last cut)
        while k < j:
            if k in anchors:
                k += anchors[k][0]
                continue
            if not tokens[k].cap and tokens[k].folded in _JOINERS:
                m = k
                while m < j and not tokens[m].cap and m not in anchors:
                    m += 1
                words = {t.folded for t in tokens[k:m]}
                ok = True
                if words == {"&"} and m < j and self._ampersand_joins(i, k, m, j):
                    ok = True  # "Procter & Gamble", "Marks & Spencer", "the Mary & Leigh Block Museum": a firm's
                    # or a place's name (people are joined by "and"; a credit's "Miharris & Acphillips" are two)
                elif words & {"and", "&"}:
                    # "Bank of Health and Human Services", "Center for Health and Human Rights"
                    ok = (m < j and tokens[self._before_a_title(m, j) - 1].folded in ENDINGS
                          or self._headed_by_of(i, k)) \
                        and not (k - 1 in anchors or self.anchor_ends_at(k)) and tokens[k - 1].folded not in ENDINGS \
                        and not self._two_bodies(i, k, m, j)
                elif words & OF_CONNECTORS:
                    head = tokens[k - 1].folded
                    ok = (head in ENDINGS or is_role(head) or for_joined and "of" in words) and m < j \
                        and tokens[m].folded not in CALENDAR \
                        and not ("on" in words and (tokens[m].upper or tokens[m].text[-1:].isdigit())) \
                        and not self._country_after_a_named_body(segment, k, m, j) \
                        and not (k - 2 == segment and self.is_given_name(tokens[k - 2])
                                 and surname_like(ENDINGS.get(head, ""), head))
                    # ("Nathan Law of Demosisto": a person of a body, no law)
                if not ok:
                    cuts.append((k, m))
                    segment = m
                # "Council for the Welfare" goes on through "of"; a cut or an "and" starts anew
                for_joined = ok and "for" in words or (for_joined and ok and not words & {"and", "&"})
                k = m
                continue
            k += 1
        segments = []
        start = i
        for a, b in cuts:
            segments.append((start, a))
            start = b
        segments.append((start, j))
        return [(a, b) for a, b in segments if b > a]
