"""Snippets and match offsets: where a query's words and phrases are in a story's body.

Offsets are into ``Article.body`` (the text the article view shows), found with the
index's own analyzer (``schema.iter_terms``), so "islands" is found for ``island``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice

from whoosh import query as wq
from whoosh.support.charset import accent_map

from reader.search.schema import iter_terms, term_at

SNIPPET_CHARS = 200
SNIPPET_LEAD = 50
SNIPPET_SCAN = 800  # the snippet is picked among the matches this far from the first one
TEXT_FIELDS = ("title", "body")

Span = tuple[int, int]


_IRREGULAR = {"die": "dy", "lie": "ly", "tie": "ty"}
"""Stems that are no prefix (less a letter) of their word: "dying" → "die" (Porter2's exceptions)."""


@dataclass
class MatchPlan:
    """What to highlight in a body: single terms and phrases (sequences of terms)."""

    terms: set[str] = field(default_factory=set)
    phrases: list[tuple[str, ...]] = field(default_factory=list)
    prefixes: set[str] = field(default_factory=set)
    """A word whose term begins with one of these matches (a prefix of hundreds of words)."""

    @cached_property
    def _likely(self) -> re.Pattern | None:
        """Where a match may start: a word beginning like a term or a phrase's first term
        (a stem less its last letter: "treati" is found in "treaty"; the stemmer's
        irregular "die" in "dying"). Every word that stems to a term begins so; the
        analyser decides which do."""
        heads = self.terms | {p[0] for p in self.phrases if p}
        stems = sorted({h[:-1] or h for h in heads} | {_IRREGULAR[h] for h in heads if h in _IRREGULAR}
                       | self.prefixes, key=len, reverse=True)
        if not stems:
            return None
        # "ss" of a term may be "ß" in the text ("fussball": "Fußball"; ``folded`` keeps it one letter)
        return re.compile(r"\b(?:" + "|".join(re.escape(s).replace("ss", "(?:ss|ß)") for s in stems) + ")",
                          re.IGNORECASE)

    def first_spans(self, body: str) -> list[Span]:
        """The matches near the first one (for a snippet), without analysing the whole
        body: from a little before the first likely match, ``SNIPPET_SCAN`` characters."""
        likely = self._likely
        if likely is None or len(body) <= SNIPPET_SCAN:
            return self.spans(body)
        found = likely.search(folded(body))
        if found is None:
            return []  # no word begins like a term: ``spans`` would scan the body again for none
        start = body.rfind(" ", 0, max(0, found.start() - SNIPPET_CHARS)) + 1
        end = body.find(" ", start + SNIPPET_SCAN)
        if end == -1:
            return self.spans(body)
        spans = self.spans(body[start:end])
        if not spans or spans[-1][1] >= end - start - 30:  # none here, or one may go on past the end
            return self.spans(body)
        return [(s + start, e + start) for s, e in spans]

    def spans(self, body: str) -> list[Span]:
        """Offsets in ``body`` of every matched word and phrase, in order."""
        if not self.terms and not self.phrases and not self.prefixes:
            return []
        terms = self.terms
        prefixes = tuple(self.prefixes)
        likely = self._likely
        if likely is None:
            return [(s, e) for t, s, e in iter_terms(body) if t in terms]
        # Only the words that begin like a term or a phrase's first term are analysed (a
        # word stems to a term only if it starts with the term less its last letter); a
        # phrase is then read on from its first word.
        spans: list[Span] = []
        phrases = [p for p in self.phrases if p]
        for match in likely.finditer(folded(body)):
            found = term_at(body, match.start())
            if found is None:
                continue
            term, start, end = found
            if term in terms or prefixes and term.startswith(prefixes):
                spans.append((start, end))
            for phrase in phrases:
                if phrase[0] == term:
                    words = list(islice(iter_terms(body, start), len(phrase)))
                    if tuple(t for t, _, _ in words) == phrase:
                        spans.append((start, words[-1][2]))
        if not phrases:
            return spans
        spans.sort()
        return _merge(spans)


_LETTER_FOR_LETTER = {code: letter for code, letter in accent_map.items() if chr(code) != "ß"}
"""Whoosh's ``accent_map`` without "ß", which the index folds to "ss", not "s"."""
_ACCENTED = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_LETTER_FOR_LETTER) if code > 127) + "]")
"""A letter the index folds (most bodies have none: their curly quotes are not letters)."""


def folded(body: str) -> str:
    """``body`` with its accents folded as the index folds them, letter for letter (Whoosh's
    ``accent_map`` gives one letter for each), so offsets in it are offsets in ``body``:
    "Māori" begins like the term "maori". (Matches are looked for without case.)"""
    first = _ACCENTED.search(body)
    if first is None:
        return body
    return body[:first.start()] + body[first.start():].translate(_LETTER_FOR_LETTER)


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def plan_matches(q: wq.Query) -> MatchPlan:
    """The title/body terms and phrases of a (expanded) query, leaving out excluded ones;
    an ``entity:`` term adds the words of the entity's name."""
    plan = MatchPlan()

    def walk(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return
        prefix = getattr(node, "prefix", None)  # an expansion's (``expansion.UnscoredOr``)
        if isinstance(prefix, str) and prefix and all(
                isinstance(word, wq.Term) and word.fieldname in TEXT_FIELDS for word in node.children()):
            plan.prefixes.add(prefix)
            plan.terms.update(str(word.text) for word in node.children() if not str(word.text).startswith(prefix))
            return
        if isinstance(node, wq.AndNot):
            walk(node.a)
            return
        if isinstance(node, wq.Phrase):
            if node.fieldname in TEXT_FIELDS:
                words = tuple(str(w) for w in node.words)
                if len(words) == 1:
                    plan.terms.add(words[0])
                elif words and words not in plan.phrases:
                    plan.phrases.append(words)
            return
        if isinstance(node, wq.Term) and type(node) is wq.Term:
            if node.fieldname in TEXT_FIELDS:
                plan.terms.add(str(node.text))
            elif node.fieldname == "entity":  # its name's words: the snippet shows the mention
                words = tuple(t for t, _, _ in iter_terms(str(node.text).replace("_", " ")))
                if len(words) == 1:
                    plan.terms.add(words[0])
                elif words and words not in plan.phrases:
                    plan.phrases.append(words)
            return
        if node.is_leaf():
            return
        for child in node.children():
            walk(child)

    walk(q)
    return plan


def make_snippet(body: str, spans: list[Span], width: int = SNIPPET_CHARS) -> tuple[str, list[Span]]:
    """The window of ``body`` with the most matches, on one line, and its match spans."""
    if not body:
        return "", []
    if not spans:
        start, end = 0, min(len(body), width)
    else:
        best, best_count, j = 0, 0, 0
        for i, (s, _) in enumerate(spans):
            while spans[j][0] < s - (width - SNIPPET_LEAD):
                j += 1
            count = i - j + 1
            if count > best_count:
                best, best_count = j, count
        start = max(0, spans[best][0] - SNIPPET_LEAD)
        end = min(len(body), start + width)
    if start > 0:
        space = body.find(" ", start, start + 20)
        start = space + 1 if space != -1 else start
    if end < len(body):
        space = body.rfind(" ", end - 20, end)
        end = space if space > start else end
    text, where = _on_one_line(body[start:end])
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(body) else ""
    inside = [(where[max(s, start) - start] + len(lead), where[min(e, end) - start] + len(lead))
              for s, e in spans if s < end and e > start]
    return lead + text + tail, inside


_LINE_BREAK = re.compile(r"[ \t]*\n\s*")


def _on_one_line(text: str) -> tuple[str, list[int]]:
    """``text`` with each line break (a paragraph's too, with the spaces around it) made one
    space, and where each offset of ``text`` (and its end) went."""
    pieces: list[str] = []
    where: list[int] = []
    position = at = 0
    for match in _LINE_BREAK.finditer(text):
        kept = text[position:match.start()]
        pieces += [kept, " "]
        where += range(at, at + len(kept))
        at += len(kept)
        where += [at] * (match.end() - match.start())
        at += 1
        position = match.end()
    pieces.append(text[position:])
    where += range(at, at + len(text) - position + 1)
    return "".join(pieces), where
