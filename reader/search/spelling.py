""""Did you mean": a spelling for a query that finds little, separate from its hits.

Each word of the query that no story holds is replaced by the spelling one edit away
whose index word (stem) is most common ("negotiatons" → "negotiations": its stem
"negoti" is in the index); failing that, by the most common index word within two
edits of its stem, shown as a story spells it, and only when that is within two edits of
the word as typed (one for a word of five letters or fewer: "harbr" is no typo of "harbour").
Both keep the first letter; when neither finds a word, the first letter itself is added,
changed or left out ("cientology" → "scientology"), a look-up per candidate. The words of a letter are read once per index version (``expansion.prefix_frequencies``), so a
suggestion costs a few milliseconds, where Whoosh's corrector walks the whole term
list (0.6–0.9 s at 100,000 stories). Searching calls this only when asked, so a
search box can paint its hits first and ask for a suggestion afterwards.
"""

from __future__ import annotations

import re

from whoosh import query as wq

from reader.search.expansion import LETTERS, edit_distance, one_edit_spellings, prefix_frequencies
from reader.search.index import IndexProblem, LibraryIndex
from reader.search.query import ParsedQuery, parse_query
from reader.search.schema import _WORD, iter_terms, term_of

MAX_EDITS = 2
FIELD = "body"


def suggest(index: LibraryIndex, text: str | ParsedQuery) -> str | None:
    """A corrected query string, or ``None`` when every word is found or none is close (its
    words corrected one by one: ``search`` offers it only when the whole finds more stories)."""
    parsed = text if isinstance(text, ParsedQuery) else parse_query(text)
    if parsed.is_empty:
        return None
    try:
        searcher = index.searcher()
    except IndexProblem:
        return None
    return suggest_with(searcher, parsed)


def suggest_with(searcher, parsed: ParsedQuery) -> str | None:
    """``suggest`` on an open Whoosh searcher."""
    reader = searcher.reader()
    original = parsed.parsed_text or parsed.text
    replacements: list[tuple[int, int, str]] = []
    elsewhere = [m.span() for m in _OTHER_FIELD.finditer(original)]
    for match in _WORD.finditer(original):
        word = match.group()
        term = term_of(word)
        if ("*" in word or "?" in word or term is None or _has(reader, term)
                or _is_syntax(original, match.start(), match.end())  # a wildcard is meant as typed
                or any(start <= match.start() < end for start, end in elsewhere)):
            continue
        known = prefix_frequencies(reader, FIELD, term[:1])
        spellings = one_edit(word.lower(), known)
        stem = term_of(spellings[0]) if spellings else closest_term(reader, term)
        if stem is None:  # the first letter itself left out or mistyped ("cientology")
            spellings = first_letter_edit(reader, word.lower())
            stem = term_of(spellings[0]) if spellings else None
        better = None
        if stem is not None:
            # as the stories spell it: one of the edits if a story has it, else the story's word
            seen = surface_words(searcher, stem)
            typed = word.lower()
            from rapidfuzz.distance import Levenshtein  # noqa: PLC0415 - 20 ms to import; a suggestion needs it

            better = next((w for w in spellings if w in seen), None) or min(
                seen, key=lambda w: (Levenshtein.distance(w, typed), seen.index(w)), default=None)
            better = better or (spellings[0] if spellings else stem)
            if not spellings and Levenshtein.distance(better, typed) > _edits_allowed(typed):
                better = None  # another word, not a typo: the stems are closer than the words
        if better is not None:
            replacements.append((match.start(), match.end(), better))
    if not replacements:
        return None
    text = original
    for start, end, word in reversed(replacements):
        text = text[:start] + word + text[end:]
    text = " ".join(text.split())  # "title:" is searched as "title ": no space left over in the suggestion
    return text if text != " ".join(original.split()) else None


_OTHER_FIELD = re.compile(r"\b(?:source|entity|entities|type|entity_type|published|date|id)\s*:\s*(?:\"[^\"]*\"?|\S+)", re.IGNORECASE)
"""A word searched in a field whose words are not the stories' words (``source:nyt``,
``entity:"Hua Chunying"``): the body's spellings are no suggestion for it ("source:net")."""

SHORT_WORD = 5
"""A word this short is corrected by one edit at most, as typed: two make another word of it."""


def _edits_allowed(typed: str) -> int:
    return 1 if len(typed) <= SHORT_WORD else MAX_EDITS


def _has(reader, term: str) -> bool:
    return _frequency(reader, term) > 0


def _is_syntax(text: str, start: int, end: int) -> bool:
    """A field name (``title:``), an operator, a word already marked prefix or fuzzy, a
    number, or a word inside a range (``published:[2020 TO 2021]``)."""
    after = text[end:end + 1]
    return after in (":", "*", "~") or text[start:end] in ("AND", "OR", "NOT", "TO") or text[start:end].isdigit() \
        or any(text.rfind(opening, 0, start) > text.rfind(closing, 0, start) for opening, closing in ("[]", "{}"))


def one_edit(word: str, known: dict[str, int]) -> list[str]:
    """The spellings one edit from ``word`` (same first letter) whose stem is the most
    common in ``known`` (index term -> story count)."""
    if len(word) < 3:
        return []
    by_stem: dict[str, list[str]] = {}
    for spelled in sorted(one_edit_spellings(word)):
        stem = term_of(spelled)
        if stem and known.get(stem):
            by_stem.setdefault(stem, []).append(spelled)
    if not by_stem:
        return []
    return by_stem[max(by_stem, key=lambda stem: (known[stem], stem))]


def first_letter_edit(reader, word: str) -> list[str]:
    """The spelling with its first letter added, changed or left out ("cientology" →
    "scientology") whose stem most stories hold, when one does: the other edits keep the
    first letter, and a person typing fast drops it too."""
    if len(word) < 4:
        return []
    candidates = {c + word for c in LETTERS} | {c + word[1:] for c in LETTERS} | {word[1:]}
    found = []
    for spelled in sorted(candidates - {word}):
        stem = term_of(spelled)
        frequency = _frequency(reader, stem) if stem else 0
        if frequency:
            found.append((-frequency, spelled))
    return [min(found)[1]] if found else []


def _frequency(reader, term: str) -> int:
    """How many stories hold ``term`` (0 when the index cannot say)."""
    try:
        return reader.doc_frequency(FIELD, term)
    except Exception:  # noqa: BLE001
        return 0


def closest_term(reader, term: str) -> str | None:
    """The most common index term within ``MAX_EDITS`` of ``term`` with its first letter."""
    best = None
    for word, frequency in prefix_frequencies(reader, FIELD, term[:1]).items():
        if abs(len(word) - len(term)) > MAX_EDITS or word == term:
            continue
        edits = edit_distance(word, term, MAX_EDITS)
        if edits > MAX_EDITS:
            continue
        rank = (0 if edits <= 1 else 1, -frequency, word)
        if best is None or rank < best[0]:
            best = (rank, word)
    return best[1] if best else None


def surface_words(searcher, term: str) -> list[str]:
    """The words of the first story holding the index term ``term`` that are that
    term, in lower case, the most frequent first."""
    counts: dict[str, int] = {}
    for hit in searcher.search(wq.Term(FIELD, term), limit=1):
        body = hit.fields().get("body_text") or ""
        for t, s, e in iter_terms(body):
            if t == term:
                word = body[s:e].lower()
                counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda w: -counts[w])
