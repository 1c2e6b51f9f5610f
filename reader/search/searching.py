"""Running a query on the library index: ranked hits with snippets and match offsets.

Snippets are built from ``Article.body`` (the same text the article view shows), so
every offset in a ``Hit`` is an offset into the body: ``matches`` for highlighting the
whole story, ``snippet_spans`` for the snippet string.

What keeps every query kind fast on a large library (see bench/bench_search.py):
- words: BM25 impacts stored in the postings and block-max skipping
  (``reader.search.scoring``); the total is Whoosh's estimate unless asked for
  (counting every match costs as much again);
- phrases: two phases, as in Lucene (``reader.search.phrases``);
- prefix* and fuzzy~: expanded into index words (``reader.search.expansion``);
- snippets: from the compressed body stored in the index (or the app's articles), the
  best window around the first matches (``reader.search.snippets``); all matches of a
  hit are found when asked for.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import query as wq

from reader.library.article import Article
from reader.loaders import load_file
from reader.search.expansion import UnscoredOr, expand_query
from reader.search.index import IndexProblem, LibraryIndex
from reader.search.phrases import phrase_candidates
from reader.search.query import ParsedQuery, parse_query
from reader.search.schema import ANALYZER
from reader.search.scoring import top, top_term
from reader.search.snippets import MatchPlan, Span, make_snippet, plan_matches
from reader.search.spelling import suggest_with
from reader.search.term_at_a_time import top_conjunction, top_words

DEFAULT_LIMIT = 10
SUGGEST_BELOW = 3  # suggest a spelling when fewer hits than this

ArticleLookup = Callable[[str], Article | None]


@dataclass
class Hit:
    """One ranked story. Its snippet and matches are found when first asked for, so
    asking for 50 hits costs little more than for 10 until they are shown."""

    id: str
    title: str
    score: float
    source: str = ""
    published: str = ""
    path: str = ""
    body: str = field(default="", repr=False)
    plan: MatchPlan | None = field(default=None, repr=False)
    _snippet: tuple[str, list[Span]] | None = field(default=None, repr=False)
    _matches: list[Span] | None = field(default=None, repr=False)

    @property
    def snippet(self) -> str:
        """A short passage around the first matches."""
        return self._snippet_and_spans()[0]

    @property
    def snippet_spans(self) -> list[Span]:
        """Offsets of the matches in ``snippet``."""
        return self._snippet_and_spans()[1]

    def _snippet_and_spans(self) -> tuple[str, list[Span]]:
        if self._snippet is None:
            first = self.plan.first_spans(self.body) if self.plan is not None else []
            self._snippet = make_snippet(self.body, first)
        return self._snippet

    @property
    def matches(self) -> list[Span]:
        """Offsets in the story's body of every match (computed when first asked)."""
        if self._matches is None:
            self._matches = self.plan.spans(self.body) if self.plan is not None else []
        return self._matches

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


def _load_body(hit_id: str, path: str, lookup: ArticleLookup | None, stored: str | None = None) -> str | None:
    if lookup is not None:
        article = lookup(hit_id)
        if article is not None:
            return article.body
    if isinstance(stored, str):
        return stored
    if path:
        try:
            loaded = load_file(Path(path))
        except OSError:
            return None
        if loaded.article is not None:
            return loaded.article.body
    return None


def search(
    index: LibraryIndex,
    text: str | ParsedQuery,
    *,
    limit: int = DEFAULT_LIMIT,
    lookup: ArticleLookup | None = None,
    suggest: bool = True,
    exact_total: bool = False,
    prefix_last: bool = False,
) -> SearchResults:
    """Run a query; never raises for a bad query. An unusable index gives ``error``
    (and raises ``IndexProblem`` only if the index breaks in the middle of a search,
    so the caller can rebuild it).

    ``total`` is exact when ``exact_total`` is set or when counting cost nothing extra;
    otherwise it is Whoosh's estimate (``total_exact`` is false): counting every match of
    a common word costs as much again as finding the best ten.

    ``prefix_last``: the last word is read as a prefix (``isl`` finds "island"), for a
    search box that searches as the person types. ``suggest``: look for a spelling
    when fewer than ``SUGGEST_BELOW`` stories match (a few ms), offered only when the
    corrected query finds more stories (``reader.search.spelling.suggest`` corrects the
    words alone, whatever the corrected query would find)."""
    started = time.perf_counter()
    parsed = text if isinstance(text, ParsedQuery) else parse_query(text, prefix_last=prefix_last)
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
    ranked, results.total, results.total_exact = _ranked(searcher, q, limit, exact_total)
    if ranked and _typed_prefix(parsed) and _whole_is_narrower(parsed):
        ranked = _whole_word_first(searcher, parsed, q, ranked, limit)
    for docnum, score in ranked:
        stored = searcher.stored_fields(docnum)
        body = _load_body(stored["id"], stored.get("path", ""), lookup, stored.get("body_text")) or ""
        # The snippet comes from the first matches, all of them when asked for (lazily).
        results.hits.append(Hit(
            id=stored["id"], title=stored.get("title", ""), score=score,
            source=stored.get("source", "") or "", published=stored.get("published_text", "") or "",
            path=stored.get("path", ""), body=body, plan=plan,
        ))
    if suggest and results.total < SUGGEST_BELOW:
        suggestion = suggest_with(searcher, _as_typed(parsed, results.total))
        if suggestion is not None and _finds_more(searcher, suggestion, results.total):
            results.suggestion = suggestion


def _finds_more(searcher, suggestion: str, found: int) -> bool:
    """True when the corrected query finds more stories than the one typed: each word may be
    a word of the index and the whole find nothing ("jespersen dane": "did you mean jespersen
    days?", and Enter found 0 stories; a new user's pass)."""
    parsed = parse_query(suggestion)
    if parsed.is_empty:
        return False
    q = expand_query(parsed.query, searcher.reader(), [])
    return _ranked(searcher, q, 1, False)[1] > found


def _ranked(searcher, q: wq.Query, limit: int, exact_total: bool) -> tuple[list[tuple[int, float]], int, bool]:
    """The best ``limit`` (document number, score) pairs of ``q``, the count of its matches and
    whether that count is exact (see ``search``), by the fastest way the query allows."""
    reader = searcher.reader()
    if isinstance(q, UnscoredOr) and not exact_total:
        # one big prefix or fuzzy word: any `limit` of its stories, from its most common words
        docs, complete = q.first_docs(searcher, limit + 1)
        ranked = [(docnum, 1.0) for docnum in docs[:limit]]
        if complete:
            return ranked, len(docs), True
        return ranked, min(q.estimate_size(reader), searcher.doc_count()), False
    if is_constant_score(q):
        docs = first_matches(searcher, q, limit)
        ranked = [(docnum, 1.0) for docnum in docs]
        if len(docs) < limit:
            return ranked, len(docs), True
        if exact_total:
            return ranked, sum(1 for _ in searcher.docs_for_query(q)), True
        return ranked, min(q.estimate_size(reader), searcher.doc_count()), False
    if not exact_total and (one_word := top_term(searcher, q, limit)) is not None:
        return one_word
    if (union := top_words(searcher, q, limit)) is not None:
        return union
    if (conjunction := top_conjunction(searcher, q, limit, exact_total)) is not None:
        return conjunction
    if not exact_total and (two_phase := phrase_candidates(searcher, q, limit)) is not None:
        return two_phase
    found = top(searcher, q, limit)
    ranked = [(hit.docnum, float(hit.score or 0.0)) for hit in found]
    if found.scored_length() < limit:
        return ranked, found.scored_length(), True  # fewer than asked: every match was collected
    if exact_total or found.has_exact_length():
        return ranked, len(found), True
    return ranked, found.estimated_length(), False


def _typed_prefix(parsed: ParsedQuery) -> bool:
    """True when the last word was made a prefix because it is still being typed."""
    return parsed.parsed_text.rstrip().endswith("*") and not parsed.text.rstrip().endswith("*")


def _whole_word_first(searcher, parsed: ParsedQuery, q: wq.Query, ranked: list[tuple[int, float]],
                      limit: int) -> list[tuple[int, float]]:
    """The stories that match with the last word as typed (whole) ahead of those that match
    only a longer word it begins: typing "Obama" lists the Obama stories before the
    Obamacare ones, and a common prefix whose stories are too many to rank ("war" at 100k)
    shows the word's best stories rather than any. One more search of the word itself,
    which the fast paths of a word or a phrase answer in a few ms."""
    whole = expand_query(parse_query(parsed.text).query, searcher.reader(), [])
    if whole == q:
        return ranked  # the prefix begins no longer word ("treaty"): the same search
    first, _, _ = _ranked(searcher, whole, limit, False)
    if not first:
        return ranked
    shown = {docnum for docnum, _ in first}
    return (first + [(docnum, score) for docnum, score in ranked if docnum not in shown])[:limit]


def _whole_is_narrower(parsed: ParsedQuery) -> bool:
    """True when the query with its last word whole finds only stories the query as typed
    finds: not when that word is excluded ("obama -car": "careful" stays out) or a stop word,
    which a whole query drops but a prefix keeps ("president of": "officially")."""
    words = parsed.text.split()
    last = words[-1] if words else ""
    return bool(last) and not last.startswith("-") and '"' not in last and words[-2:-1] != ["NOT"] \
        and any(True for _ in ANALYZER(last))


def _as_typed(parsed: ParsedQuery, total: int) -> ParsedQuery:
    """The query a spelling is looked for in: a last word read as a prefix is still being
    typed, so it is only corrected (as typed) when nothing was found."""
    if not _typed_prefix(parsed):
        return parsed
    if total == 0:
        return parse_query(parsed.text)
    finished_words = parsed.text.strip().rsplit(None, 1)[:-1]
    return parse_query(finished_words[0] if finished_words else "")
