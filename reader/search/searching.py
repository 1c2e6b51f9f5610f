"""Running a query on the library index: ranked hits with snippets and match offsets.

Snippets are built from ``Article.body`` (the same text the article view shows), so
every offset in a ``Hit`` is an offset into the body: ``matches`` for highlighting the
whole story, ``snippet_spans`` for the snippet string.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import query as wq

from reader.library.article import Article
from reader.library.library import load_file
from reader.search.index import IndexProblem, LibraryIndex
from reader.search.query import ParsedQuery, parse_query
from reader.search.schema import iter_terms

DEFAULT_LIMIT = 10
SNIPPET_CHARS = 200
SNIPPET_LEAD = 50
MAX_EXPANSIONS = 64  # prefix*/fuzzy~ search the most common matching words
SCORED_POSTINGS = 20_000  # above this many postings an expansion is not ranked (see expand_query)
SUGGEST_BELOW = 3  # suggest a spelling when fewer hits than this
TEXT_FIELDS = ("title", "body")

Span = tuple[int, int]
ArticleLookup = Callable[[str], Article | None]


@dataclass
class Hit:
    """One ranked story."""

    id: str
    title: str
    score: float
    source: str = ""
    published: str = ""
    path: str = ""
    snippet: str = ""
    snippet_spans: list[Span] = field(default_factory=list)
    matches: list[Span] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"id": self.id, "title": self.title, "score": round(self.score, 4), "source": self.source,
                "published": self.published, "snippet": self.snippet,
                "snippet_spans": [list(s) for s in self.snippet_spans],
                "matches": [list(s) for s in self.matches]}


@dataclass
class SearchResults:
    """Hits, how many stories match, and what the person should know about the query."""

    text: str
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    total_exact: bool = True
    notes: list[str] = field(default_factory=list)
    suggestion: str | None = None
    error: str | None = None
    seconds: float = 0.0

    @property
    def message(self) -> str:
        """One line for a status bar: count, repairs, suggestion or error."""
        if self.error:
            return self.error
        about = "" if self.total_exact else "about "
        parts = [f"{about}{self.total:,} {'story' if self.total == 1 else 'stories'}"]
        parts.extend(self.notes)
        if self.suggestion:
            parts.append(f"did you mean {self.suggestion}?")
        return " · ".join(parts)


@dataclass
class MatchPlan:
    """What to highlight in a body: single terms and phrases (sequences of terms)."""

    terms: set[str] = field(default_factory=set)
    phrases: list[tuple[str, ...]] = field(default_factory=list)

    def spans(self, body: str) -> list[Span]:
        """Offsets in ``body`` of every matched word and phrase, in order."""
        if not self.terms and not self.phrases:
            return []
        terms = self.terms
        if not self.phrases:
            return [(s, e) for t, s, e in iter_terms(body) if t in terms]
        tokens = list(iter_terms(body))
        spans = [(s, e) for t, s, e in tokens if t in terms]
        texts = [t for t, _, _ in tokens]
        for phrase in self.phrases:
            n = len(phrase)
            if n == 0:
                continue
            first = phrase[0]
            for i, t in enumerate(texts):
                if t == first and tuple(texts[i:i + n]) == phrase:
                    spans.append((tokens[i][1], tokens[i + n - 1][2]))
        spans.sort()
        return _merge(spans)


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
    """The title/body terms and phrases of a (expanded) query, leaving out excluded ones."""
    plan = MatchPlan()

    def walk(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
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
            return
        if node.is_leaf():
            return
        for child in node.children():
            walk(child)

    walk(q)
    return plan


class UnscoredOr(wq.Or):
    """An ``Or`` whose matches are not ranked: its matcher is built without weighting,
    lazily (unlike ``ConstantScoreQuery``, which reads every match up front)."""

    def matcher(self, searcher, context=None):
        context = context.set(weighting=None) if context is not None else searcher.boolean_context()
        return super().matcher(searcher, context)


def expand_query(q: wq.Query, reader, notes: list[str]) -> wq.Query:
    """Replace prefix*, wildcard and fuzzy~ parts by the words they match in the index.

    Each keeps at most ``MAX_EXPANSIONS`` words, the most common ones. When the words
    match few postings they are ranked like any other words; when they match many
    (``negot*`` over 100,000 stories), the part gets a constant score instead, so the
    search can stop at the first ``limit`` stories rather than score every one of them
    (as Lucene does for prefix queries).
    """

    heavy_cache: dict[tuple, bool] = {}

    def expansions(node: wq.Query, fieldname: str) -> dict[str, int]:
        words = {str(text if isinstance(text, str) else text.decode("utf-8"))
                 for _, text in type(node)(fieldname, node.text, **_multiterm_args(node)).expanded_terms(reader)}
        if isinstance(node, wq.Prefix):
            # "negotiat*" also finds the stem "negoti" (of "negotiation"): a stem that the
            # typed prefix extends counts as a match
            text = str(node.text)
            words.update(text[:k] for k in range(3, len(text)) if reader.doc_frequency(fieldname, text[:k]))
        return {w: reader.doc_frequency(fieldname, w) for w in words}

    def heavy(node: wq.Query) -> bool:
        key = (type(node), node.text, getattr(node, "maxdist", 0))
        if key not in heavy_cache:
            body = expansions(node, "body")
            top = sorted(body.values(), reverse=True)[:MAX_EXPANSIONS]
            heavy_cache[key] = len(top) > 1 and sum(top) > SCORED_POSTINGS
        return heavy_cache[key]

    def fix(node: wq.Query) -> wq.Query:
        if not isinstance(node, wq.Prefix | wq.Wildcard | wq.FuzzyTerm) or node.fieldname not in TEXT_FIELDS:
            return node
        frequency = expansions(node, node.fieldname)
        words = set(frequency)
        if not words:
            return wq.NullQuery
        if len(words) > MAX_EXPANSIONS:
            ranked = sorted(words, key=lambda w: -frequency[w])
            if node.fieldname == "body":
                label = f"{node.text}*" if isinstance(node, wq.Prefix) else str(node.text)
                notes.append(f"{label} matches {len(words):,} words; searched the {MAX_EXPANSIONS} most common")
            words = set(ranked[:MAX_EXPANSIONS])
        terms = [wq.Term(node.fieldname, w, boost=node.boost) for w in sorted(words)]
        if heavy(node):
            return UnscoredOr(terms, boost=node.boost)
        return terms[0] if len(terms) == 1 else wq.Or(terms)

    return q.accept(fix)


def _multiterm_args(node: wq.Query) -> dict:
    if isinstance(node, wq.FuzzyTerm):
        return {"maxdist": node.maxdist, "prefixlength": node.prefixlength}
    return {}


def is_constant_score(q: wq.Query) -> bool:
    """True when no part of ``q`` is ranked (so any ``limit`` matches are a top ``limit``)."""
    if isinstance(q, UnscoredOr | wq.ConstantScoreQuery | wq.NumericRange | wq.TermRange):
        return True
    if isinstance(q, wq.Or | wq.And) and not q.is_leaf():
        children = list(q.children())
        return bool(children) and all(is_constant_score(c) for c in children)
    return False


def first_matches(searcher, q: wq.Query, limit: int) -> list[int]:
    """The first ``limit`` matching document numbers, without scoring the rest."""
    docs: list[int] = []
    for subsearcher, offset in searcher.leaf_searchers():
        matcher = q.matcher(subsearcher, subsearcher.boolean_context())
        while matcher.is_active() and len(docs) < limit:
            docs.append(offset + matcher.id())
            matcher.next()
        if len(docs) >= limit:
            break
    return docs


def _load_body(hit_id: str, path: str, lookup: ArticleLookup | None) -> str | None:
    if lookup is not None:
        article = lookup(hit_id)
        if article is not None:
            return article.body
    if path:
        try:
            loaded = load_file(Path(path))
        except OSError:
            return None
        if loaded.article is not None:
            return loaded.article.body
    return None


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
    text = body[start:end].replace("\n", " ")
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(body) else ""
    shift = len(lead) - start
    inside = [(max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start]
    return lead + text + tail, inside


def search(
    index: LibraryIndex,
    text: str | ParsedQuery,
    *,
    limit: int = DEFAULT_LIMIT,
    lookup: ArticleLookup | None = None,
    suggest: bool = True,
    exact_total: bool = False,
) -> SearchResults:
    """Run a query; never raises for a bad query. An unusable index gives ``error``
    (and raises ``IndexProblem`` only if the index breaks in the middle of a search,
    so the caller can rebuild it).

    ``total`` is exact when ``exact_total`` is set or when counting cost nothing extra;
    otherwise it is Whoosh's estimate (``total_exact`` is false): counting every match of
    a common word costs as much again as finding the best ten."""
    started = time.perf_counter()
    parsed = text if isinstance(text, ParsedQuery) else parse_query(text)
    results = SearchResults(parsed.text, notes=list(parsed.notes))
    if parsed.is_empty:
        results.seconds = time.perf_counter() - started
        return results
    try:
        searcher = index.searcher()
    except IndexProblem as problem:
        results.error = f"search is not ready: {problem}"
        return results
    for attempt in range(2):
        try:
            _run(searcher, parsed, results, limit, lookup, suggest, exact_total)
            break
        except IndexProblem:
            raise
        except Exception as error:  # noqa: BLE001 - a file merged away under us: reopen once
            index.close()
            if attempt == 1:
                raise IndexProblem(f"the search index failed ({type(error).__name__}: {error})") from error
            searcher = index.searcher()
            results.hits.clear()
            results.notes = list(parsed.notes)
    results.seconds = time.perf_counter() - started
    return results


def _run(searcher, parsed: ParsedQuery, results: SearchResults, limit: int,
         lookup: ArticleLookup | None, suggest: bool, exact_total: bool) -> None:
    reader = searcher.reader()
    q = expand_query(parsed.query, reader, results.notes)
    plan = plan_matches(q)
    limit = max(1, limit)
    if is_constant_score(q):
        docs = first_matches(searcher, q, limit)
        ranked = [(docnum, 1.0) for docnum in docs]
        if len(docs) < limit:
            results.total = len(docs)
        elif exact_total:
            results.total = sum(1 for _ in searcher.docs_for_query(q))
        else:
            results.total = min(q.estimate_size(reader), searcher.doc_count())
            results.total_exact = False
    else:
        found = searcher.search(q, limit=limit)
        ranked = [(hit.docnum, float(hit.score or 0.0)) for hit in found]
        if found.scored_length() < limit:
            results.total = found.scored_length()  # fewer than asked: every match was collected
        elif exact_total or found.has_exact_length():
            results.total = len(found)
        else:
            results.total = found.estimated_length()
            results.total_exact = False
    for docnum, score in ranked:
        stored = searcher.stored_fields(docnum)
        body = _load_body(stored["id"], stored.get("path", ""), lookup) or ""
        matches = plan.spans(body)
        snippet, snippet_spans = make_snippet(body, matches)
        results.hits.append(Hit(
            id=stored["id"], title=stored.get("title", ""), score=score,
            source=stored.get("source", "") or "", published=stored.get("published_text", "") or "",
            path=stored.get("path", ""), snippet=snippet, snippet_spans=snippet_spans, matches=matches,
        ))
    if suggest and results.total < SUGGEST_BELOW:
        results.suggestion = _suggest(searcher, parsed)


def _suggest(searcher, parsed: ParsedQuery) -> str | None:
    """A corrected query string, from the body's (stemmed) terms, shown with real words.

    The corrector proposes index terms ("negoti"); each replaced word is shown as the
    first word in a story containing that term ("negotiations")."""
    try:
        corrected = searcher.correct_query(parsed.query, parsed.parsed_text,
                                           correctors={"title": searcher.corrector("body")})
    except Exception:  # noqa: BLE001 - a suggestion is a nicety
        return None
    if corrected.query == parsed.query or not corrected.string or corrected.string == parsed.parsed_text:
        return None
    original = parsed.parsed_text
    replacements: dict[tuple[int, int], str] = {}
    for token in corrected.tokens:
        if token.startchar is None or token.endchar is None:
            return corrected.string
        term = str(token.text)
        replacements[(token.startchar, token.endchar)] = _surface_word(searcher, term) or term
    text = original
    for (start, end), word in sorted(replacements.items(), reverse=True):
        text = text[:start] + word + text[end:]
    return text if text != original else None


def _surface_word(searcher, term: str) -> str | None:
    from reader.library.library import load_file  # noqa: PLC0415

    found = searcher.search(wq.Term("body", term), limit=1)
    for hit in found:
        path = hit.fields().get("path", "")
        if not path:
            return None
        try:
            loaded = load_file(Path(path))
        except OSError:
            return None
        body = loaded.article.body if loaded.article else ""
        for t, s, e in iter_terms(body):
            if t == term:
                return body[s:e].lower()
    return None
