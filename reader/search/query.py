"""Reading a person's query into a Whoosh query, leniently.

Words must all match (AND), ranked by BM25F over title (boosted) and body. Also:
``"exact phrases"``, ``prefix*``, ``fuzzy~`` (``~2`` for two edits), ``-excluded``,
``OR``, ``NOT``, parentheses, and the fields ``title:``, ``body:``, ``source:``,
``entity:`` (``entity:"Hua Chunying"``), ``type:`` (entity type), ``published:2021``,
``published:[2020 TO 2021]``, ``published:>2020``.

Nothing a person types raises: an unbalanced quote or parenthesis is closed, a lone
``AND`` or a bare ``*`` is dropped, an unknown field or an unreadable date is searched as
plain words; each repair is explained in one line in ``ParsedQuery.notes``.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from whoosh import qparser
from whoosh import query as wq

from reader.search.schema import ANALYZER, STOP_MINSIZE, make_schema, plain_word, term_of
from reader.search.slugs import entity_slug


def analyze_prefix(word: str) -> list[str]:
    """What Whoosh's parser makes of a prefix word (it runs the analyzer on it)."""
    return [t.text for t in ANALYZER(word, mode="query")] or [word]

DEFAULT_FIELDS = ("body",)  # the body field holds the title too (see schema.ImpactPositions)
SEARCHABLE_FIELDS = frozenset({"id", "title", "body", "source", "published", "entity", "entity_type"})
FIELD_ALIASES = {"entity_type": ["type"], "published": ["date"], "entity": ["entities"]}
ALIAS_NAMES = frozenset(a for names in FIELD_ALIASES.values() for a in names)
FUZZY_PREFIX = 1  # fuzzy~ keeps the first letter: as good in practice, many times faster
MAX_FUZZY = 2  # edits; more matches nearly every word

_FIELD_PREFIX = re.compile(r"(?<![\w\"])(\w+):")
_BARE_WILDCARD = re.compile(r"(?:(?<=\s)|^)[*?]+(?=\s|$)")
_LONE_OPERATOR = re.compile(r"^\s*(AND|OR|NOT)\s*$|^\s*(AND|OR)\s+|\s+(AND|OR|NOT)\s*$")
_PREFIX_WORD = re.compile(r"(\w+)\*")
_WORDS = re.compile(r"\w+")
_FUZZY_WORD = re.compile(r"(\w+)~")
_EXCLUDED = re.compile(r"(?:(?<=\s)|^)-(?:\"[^\"]*\"?|\S+)")
_SYNTAX = re.compile(r"[\[\]{}()\"^~*?:<>=+]")
_LAST_WORD = re.compile(r"(?:^|(?<=[\s(]))([+-]?)(\w+)$")
MIN_TYPED_PREFIX = 2  # letters before the word being typed is read as a prefix


@dataclass
class ParsedQuery:
    """A query ready to run, and what was repaired to make it so."""

    text: str
    query: wq.Query
    notes: list[str] = field(default_factory=list)
    parsed_text: str = ""

    @property
    def is_empty(self) -> bool:
        return self.query is wq.NullQuery or isinstance(self.query, type(wq.NullQuery))


def _make_parser(schema) -> qparser.QueryParser:
    parser = qparser.MultifieldParser(list(DEFAULT_FIELDS), schema, group=qparser.AndGroup)
    parser.remove_plugin_class(qparser.EveryPlugin)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.add_plugin(qparser.PlusMinusPlugin())
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(qparser.FieldAliasPlugin(FIELD_ALIASES))
    return parser


_PARSER = None


def _parser() -> qparser.QueryParser:
    global _PARSER
    if _PARSER is None:
        _PARSER = _make_parser(make_schema())
    return _PARSER


def _balance(text: str, notes: list[str]) -> str:
    if text.count('"') % 2:
        notes.append("closed the unbalanced quote")
        text = text + '"'
    depth = 0
    out = []
    dropped = False
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                dropped = True
                continue
            depth -= 1
        out.append(char)
    text = "".join(out)
    if depth:
        text += ")" * depth
    if depth or dropped:
        notes.append("balanced the parentheses")
    outside = re.sub(r'"[^"]*"', "", text)  # "[citation needed" is a phrase, no range
    for opening, closing in ("[]", "{}"):
        if outside.rfind(opening) > outside.rfind(closing):  # "published:[2020 TO": from 2020 on
            text += closing
            notes.append(f"closed the unfinished range {opening}…{closing}")
    return text


def _strip_unknown_fields(text: str, notes: list[str]) -> str:
    unknown: list[str] = []
    empty: list[str] = []

    def replace(match: re.Match[str], quote_follows: bool) -> str:
        name = match.group(1)
        if name in SEARCHABLE_FIELDS or name in ALIAS_NAMES:
            rest = match.string[match.end():match.end() + 1]
            if (rest and not rest.isspace()) or (not rest and quote_follows):
                return match.group(0)
            empty.append(name)  # "title:" with nothing after it
            return name + " "
        unknown.append(name)
        return name + " "

    # Only outside quotes.
    parts = text.split('"')
    for i in range(0, len(parts), 2):
        parts[i] = _FIELD_PREFIX.sub(lambda m, q=i + 1 < len(parts): replace(m, q), parts[i])
    if unknown:
        known = "title, body, source, entity, type, published"
        notes.append(f"no field named {', '.join(sorted(set(unknown)))}: searched as words (fields: {known})")
    if empty:
        names = ", ".join(f"{name}:" for name in dict.fromkeys(empty))
        notes.append(f"nothing after {names} (as in title:trump): searched as words")
    return '"'.join(parts)


_DATE = re.compile(r"\s*\d{4}(?:[-/.]?\d{2}(?:[-/.]?\d{2})?)?\s*")
"""A date as a search names it: a year, a month or a day."""
_DATE_HELP = "a date is a year, a month or a day: 2020, 2020-05, 2020-05-01"
_TYPED_DATE = re.compile(r"""\b((?:published|date):(?:[<>]=?)?)(["']?)\s*(\d{4})(?:[-/.]?(\d{2})(?:[-/.]?(\d{2}))?)?\s*\2"""
                         r"(?=$|[\s)])")
"""A date as a person writes it: ``published:2017-06`` (Whoosh read "-06" as "not 06"),
``2017/06/21`` (nothing), ``"2017"`` (a word, which no date matches)."""


_WORDY_DATE = re.compile(r"""\b(?:published|date):(?![\s\["'{<>=\d(])[^\s)]+""")
"""A word where a date should be ("published:junk"): Whoosh matched nothing and the note
blamed common words."""


def _compact_dates(text: str, notes: list[str]) -> str:
    """Dates after ``published:`` as Whoosh reads them (``published:201706``); a day that
    is no date ("2017-13") is left out with a note (Whoosh matched nothing, silently)."""

    def compact(match: re.Match[str]) -> str:
        year, month, day = match.group(3, 4, 5)
        try:
            datetime.date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            notes.append(f"{_DATE_HELP}; {match.group(0).strip()!r} was left out")
            return " "
        return match.group(1) + year + (month or "") + (day or "")

    def no_date(match: re.Match[str]) -> str:
        notes.append(f"{_DATE_HELP}; {match.group(0)!r} was left out")
        return " "

    return _WORDY_DATE.sub(no_date, _TYPED_DATE.sub(compact, text))


def _rewrite(q: wq.Query, text: str = "", notes: list[str] | None = None) -> wq.Query:
    """Entity values become slugs; fuzzy terms keep their first letter; prefixes are
    not stemmed (Whoosh turns ``pres*`` into ``pre*``)."""
    raw_prefixes = {}
    for word in _PREFIX_WORD.findall(text):
        raw = plain_word(word)
        for stemmed in analyze_prefix(raw):
            raw_prefixes.setdefault(stemmed, raw)
    # a fuzzy word as typed: "wahle~" is one swap from "whale", its stem "wahl" two edits;
    # in the order typed, so that "runs~ running~" (one stem) stay two words
    typed_fuzzy = [plain_word(word) for word in _FUZZY_WORD.findall(text)]

    def as_typed(stemmed: str) -> str:
        for i, raw in enumerate(typed_fuzzy):
            if (term_of(raw) or raw) == stemmed:
                return typed_fuzzy.pop(i)
        return stemmed

    def fix(node: wq.Query) -> wq.Query:
        if isinstance(node, wq.FuzzyTerm):
            maxdist = min(node.maxdist, MAX_FUZZY)
            typed = as_typed(str(node.text))
            if node.prefixlength < FUZZY_PREFIX or maxdist != node.maxdist or typed != node.text:
                return wq.FuzzyTerm(node.fieldname, typed, boost=node.boost, maxdist=maxdist,
                                    prefixlength=max(FUZZY_PREFIX, node.prefixlength),
                                    constantscore=node.constantscore)
            return node
        if isinstance(node, wq.Phrase) and node.fieldname == "entity":
            return wq.Term("entity", entity_slug(" ".join(node.words)), boost=node.boost)
        if isinstance(node, wq.Term) and type(node) is wq.Term and node.fieldname == "entity":
            return wq.Term("entity", entity_slug(str(node.text)), boost=node.boost)
        if isinstance(node, wq.Prefix) and node.fieldname == "entity":
            return wq.Prefix("entity", entity_slug(str(node.text)), boost=node.boost)
        if isinstance(node, wq.Prefix) and type(node) is wq.Prefix and str(node.text) in raw_prefixes:
            return wq.Prefix(node.fieldname, raw_prefixes[str(node.text)], boost=node.boost)
        if getattr(node, "fieldname", None) == "published" and isinstance(node, (wq.Term, wq.Phrase)) \
                and not _DATE.fullmatch(" ".join(node.words if isinstance(node, wq.Phrase) else [str(node.text)])):
            dropped.append(node)  # 'published:""', "published:'": no date (Whoosh fails on it when searching)
            return wq.NullQuery
        return node

    dropped: list[wq.Query] = []
    q = q.accept(fix)
    if dropped and notes is not None:
        notes.append(f"{_DATE_HELP}; the date was left out")
    return q


def _fallback(text: str) -> str:
    words = _SYNTAX.sub(" ", text)
    words = re.sub(r"\b(AND|OR|NOT)\b", lambda m: m.group().lower(), words)
    return " ".join(w.lstrip("-") for w in words.split())


def plain_words(text: str) -> str | None:
    """The words of a query of plain words and phrases, less its excluded ones (``"White House"
    -storm`` → ``White House``), for finding them in a story as typed; None for a query with
    fields, operators or other syntax."""
    kept = _EXCLUDED.sub(" ", text).replace('"', " ")
    if _SYNTAX.search(kept) or re.search(r"\b(?:AND|OR|NOT)\b", kept):
        return None
    return " ".join(kept.split()) or None


def with_last_word_as_prefix(text: str) -> str:
    """``text`` with its last word marked as a prefix (``peace tal`` → ``peace tal*``),
    unless that word is inside an open range, after a field name, an operator, shorter than
    ``MIN_TYPED_PREFIX`` or already marked (``*``, ``~``). In a phrase still being typed the
    words before it stay a phrase (``"trump adm`` → ``"trump" adm*``)."""
    stripped = text.rstrip()
    if stripped != text or stripped.rfind("[") > stripped.rfind("]") or stripped.rfind("{") > stripped.rfind("}"):
        return text  # a space after the word: it is finished; "[2010 TO 201": a year being typed
    if stripped.count('"') % 2:
        return _open_phrase_with_prefix(stripped) or text
    match = _LAST_WORD.search(stripped)
    if match is None or not _typed_word(match.group(2)):
        return text
    return stripped + "*"


def _typed_word(word: str) -> bool:
    """True for a word long enough to be read as a prefix, and no operator."""
    return len(word) >= MIN_TYPED_PREFIX and word not in ("AND", "OR", "NOT", "TO")


def _open_phrase_with_prefix(text: str) -> str | None:
    """An open phrase whose last word is being typed: the words before it a phrase, the last a
    prefix (``"white hou`` → ``"white" hou*``); ``None`` when that word is no plain word."""
    quote = text.rfind('"')
    before, words = text[:quote], text[quote + 1:].split()
    if not words or not words[-1].isalnum() or not _typed_word(words[-1]):
        return None
    phrase = f'"{" ".join(words[:-1])}" ' if len(words) > 1 else ""
    return f"{before}{phrase}{words[-1]}*"


def parse_query(text: str, prefix_last: bool = False) -> ParsedQuery:
    """Parse what a person typed; never raises. ``prefix_last``: the last word is a
    prefix (searching as the person types: ``isl`` finds "island")."""
    notes: list[str] = []
    original = text
    text = unicodedata.normalize("NFC", text)  # as the stories are (``Article``)
    if prefix_last:
        text = with_last_word_as_prefix(text)
    text = text.strip()
    if not text:
        return ParsedQuery(original, wq.NullQuery, notes)
    if _BARE_WILDCARD.search(text):
        text = _BARE_WILDCARD.sub(" ", text).strip()
        notes.append("a bare * or ? would match every story; it was left out")
    if _LONE_OPERATOR.search(text):
        cleaned = _LONE_OPERATOR.sub(" ", text).strip()
        if cleaned != text:
            notes.append("AND/OR/NOT need a word on each side; the lone operator was left out")
            text = cleaned
    text = _balance(text, notes)
    text = _strip_unknown_fields(text, notes)
    text = _compact_dates(text, notes)
    parser = _parser()
    try:
        q = parser.parse(text, normalize=False)  # normalised once the words are as typed (``_rewrite``)
    except Exception as error:  # noqa: BLE001 - whoosh raises plain Exception for bad dates
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        if isinstance(error, ValueError) and "published:" in text:
            reason = _DATE_HELP  # not int()'s words
        notes.append(f"could not read the query ({reason}); searched for its words instead")
        try:
            q = parser.parse(_fallback(text), normalize=False)
        except Exception:  # noqa: BLE001
            q = wq.NullQuery
    q = _rewrite(q, text, notes).normalize()
    if isinstance(q, type(wq.NullQuery)) and (not notes or "[" in text or "{" in text):
        notes.append(_nothing_to_search(text))
    return ParsedQuery(original, q, notes, text)


def _nothing_to_search(text: str) -> str:
    """Why a query of only unsearchable words finds nothing, in one line: too short to search
    ("w", typed first in the search box), too common ("the of"), or some of each."""
    kept = _EXCLUDED.sub(" ", text)
    words = _WORDS.findall(kept)
    if "[" in text or "{" in text:
        return "nothing to search for: a range is written published:[2020 TO 2021] (or [2020 TO] from 2020 on)"
    if not kept.strip() and _EXCLUDED.search(text):
        return "nothing to search for: a word after - only leaves stories out; add a word to look for"
    if words and all(len(word) < STOP_MINSIZE for word in words):
        return f"nothing to search for yet: a word needs at least {STOP_MINSIZE} letters"
    if words and all(len(word) >= STOP_MINSIZE for word in words):
        return "nothing to search for: every word is too common to search for (like 'the')"
    return "nothing to search for: every word is too common (like 'the') or too short"
