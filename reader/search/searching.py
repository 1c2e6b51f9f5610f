"""Running a query on the library index: ranked hits with snippets and match offsets.

Snippets are built from ``Article.body`` (the same text the article view shows), so
every offset in a ``Hit`` is an offset into the body: ``matches`` for highlighting the
whole story, ``snippet_spans`` for the snippet string.

What keeps every query kind fast on a large library (see bench/bench_search.py):
- words: Whoosh's BM25F with block-max skipping; the total is Whoosh's estimate unless
  asked for (counting every match costs as much again);
- phrases: two phases, as in Lucene: rank the stories that hold all the words, then
  check word positions only for the best few;
- prefix* and fuzzy~: expanded here (fuzzy from a cached word list with a bounded edit
  distance, keeping the first letter); an expansion over many postings is not ranked
  and the search stops at the first ``limit`` stories (Lucene's constant-score rewrite);
- snippets: from the compressed body stored in the index (or the app's articles), the
  best window among the first matches; all matches of a hit are found when asked for.
"""

from __future__ import annotations

import time
import weakref
import zlib
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
SNIPPET_SCAN = 2500  # the snippet is picked from the matches in the first this many characters
MAX_EXPANSIONS = 64  # prefix*/fuzzy~ search the most common matching words
PHRASE_CANDIDATES = 4  # phrases: check positions in the best limit × this stories holding the words
SCORED_POSTINGS = 20_000  # above this many postings an expansion is not ranked (see expand_query)
SCORED_WORDS = 16  # nor when it has more words than this (a union of many is slow to rank)
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
    body: str = field(default="", repr=False)
    plan: MatchPlan | None = field(default=None, repr=False)
    _matches: list[Span] | None = field(default=None, repr=False)

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
    lazily (unlike ``ConstantScoreQuery``, which reads every match up front, or Whoosh's
    automatic choice, which preloads every match of a big ``Or`` on a small segment)."""

    matcher_type = wq.Or.DEFAULT_MATCHER

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
    expansion_cache: dict[tuple, dict[str, int]] = {}
    notes_for: dict[tuple, int] = {}

    def expansions(node: wq.Query, fieldname: str) -> dict[str, int]:
        key = (type(node), fieldname, node.text, getattr(node, "maxdist", 0))
        if key in expansion_cache:
            return expansion_cache[key]
        if isinstance(node, wq.FuzzyTerm):
            words = fuzzy_words(reader, fieldname, str(node.text), node.maxdist, node.prefixlength)
            found = {w: reader.doc_frequency(fieldname, w) for w in words}
        elif isinstance(node, wq.Prefix):
            text = str(node.text)
            words = [t.decode("utf-8") if isinstance(t, bytes) else str(t)
                     for t in reader.expand_prefix(fieldname, text)]
            if len(words) > MAX_EXPANSIONS:
                # Looking up how common each of hundreds of words is costs more than the
                # search: keep the shortest (in a family of words, the common ones)
                notes_for[key] = len(words)
                words = sorted(words, key=lambda w: (len(w), w))[:MAX_EXPANSIONS]
            found = {w: reader.doc_frequency(fieldname, w) for w in words}
            # "negotiat*" also finds the stem "negoti" (of "negotiation"): a stem that the
            # typed prefix extends counts as a match
            for k in range(3, len(text)):
                frequency = reader.doc_frequency(fieldname, text[:k])
                if frequency:
                    found[text[:k]] = frequency
        else:
            words = {str(text if isinstance(text, str) else text.decode("utf-8"))
                     for _, text in type(node)(fieldname, node.text).expanded_terms(reader)}
            found = {w: reader.doc_frequency(fieldname, w) for w in words}
        expansion_cache[key] = found
        return found

    def heavy(node: wq.Query) -> bool:
        key = (type(node), node.text, getattr(node, "maxdist", 0))
        if key not in heavy_cache:
            body = expansions(node, "body")
            top = sorted(body.values(), reverse=True)[:MAX_EXPANSIONS]
            heavy_cache[key] = len(top) > SCORED_WORDS or (len(top) > 1 and sum(top) > SCORED_POSTINGS)
        return heavy_cache[key]

    def fix(node: wq.Query) -> wq.Query:
        if not isinstance(node, wq.Prefix | wq.Wildcard | wq.FuzzyTerm) or node.fieldname not in TEXT_FIELDS:
            return node
        frequency = expansions(node, node.fieldname)
        words = set(frequency)
        if not words:
            return wq.NullQuery
        label = f"{node.text}*" if isinstance(node, wq.Prefix) else f"{node.text}~"
        matched = notes_for.get((type(node), node.fieldname, node.text, getattr(node, "maxdist", 0)), len(words))
        if len(words) > MAX_EXPANSIONS:
            words = set(sorted(words, key=lambda w: -frequency[w])[:MAX_EXPANSIONS])
        if matched > MAX_EXPANSIONS and node.fieldname == "body":
            notes.append(f"{label} matches {matched:,} words; searched {MAX_EXPANSIONS} of them")
        terms = [wq.Term(node.fieldname, w, boost=node.boost) for w in sorted(words)]
        if heavy(node):
            return UnscoredOr(terms, boost=node.boost)
        return terms[0] if len(terms) == 1 else wq.Or(terms)

    return q.accept(fix)


_LEXICONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _words_from(reader, fieldname: str, prefix: str) -> list[str]:
    """The index terms of a field that start with ``prefix``, cached per reader."""
    cache = _LEXICONS.setdefault(reader, {})
    key = (fieldname, prefix)
    words = cache.get(key)
    if words is None:
        words = cache[key] = [b.decode("utf-8") if isinstance(b, bytes) else str(b)
                              for b in reader.expand_prefix(fieldname, prefix)]
    return words


def within(a: str, b: str, k: int) -> bool:
    """True when ``a`` and ``b`` are at most ``k`` edits apart (insert, delete, replace,
    swap two neighbours), for the small ``k`` of fuzzy queries."""
    if a == b:
        return True
    if k <= 0 or abs(len(a) - len(b)) > k:
        return False
    i = 0
    n = min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    a, b = a[i:], b[i:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return len(a) + len(b) <= k
    if within(a[1:], b[1:], k - 1) or within(a[1:], b, k - 1) or within(a, b[1:], k - 1):
        return True
    return len(a) > 1 and len(b) > 1 and a[0] == b[1] and a[1] == b[0] and within(a[2:], b[2:], k - 1)


def fuzzy_words(reader, fieldname: str, text: str, maxdist: int, prefixlength: int) -> list[str]:
    """The field's terms within ``maxdist`` edits of ``text`` sharing its first
    ``prefixlength`` letters (Whoosh's FuzzyTerm, with a cached word list)."""
    text = text.lower()
    prefix = text[:prefixlength]
    low, high = len(text) - maxdist, len(text) + maxdist
    return [w for w in _words_from(reader, fieldname, prefix) if low <= len(w) <= high and within(w, text, maxdist)]


def is_constant_score(q: wq.Query) -> bool:
    """True when no part of ``q`` is ranked (so any ``limit`` matches are a top ``limit``)."""
    if isinstance(q, UnscoredOr | wq.ConstantScoreQuery | wq.NumericRange | wq.TermRange):
        return True
    if isinstance(q, wq.Or | wq.And) and not q.is_leaf():
        children = list(q.children())
        return bool(children) and all(is_constant_score(c) for c in children)
    return False


def relax_phrases(q: wq.Query) -> wq.Query:
    """``q`` with each phrase replaced by all its words (no positions needed)."""

    def fix(node: wq.Query) -> wq.Query:
        if isinstance(node, wq.Phrase) and len(node.words) > 1:
            return wq.And([wq.Term(node.fieldname, w, boost=node.boost) for w in node.words])
        return node

    return q.accept(fix)


def has_phrase(q: wq.Query) -> bool:
    return any(isinstance(leaf, wq.Phrase) and len(leaf.words) > 1 for leaf in q.leaves())


def phrase_candidates(searcher, q: wq.Query, limit: int) -> tuple[list[tuple[int, float]], int, bool] | None:
    """Phrases in two phases, as Lucene does: rank the stories holding all the words
    (fast, with Whoosh's block-max skipping), then check word positions only for the
    best few. ``None`` (run the full phrase search) when no phrase is involved or too
    few of the candidates hold the phrase.

    Rank order is that of the words (BM25F), which for a phrase that is found is close
    to the phrase's own; the total is Whoosh's estimate for the words.
    """
    if not has_phrase(q):
        return None
    relaxed = relax_phrases(q)
    wanted = limit * PHRASE_CANDIDATES
    found = searcher.search(relaxed, limit=wanted)
    candidates = [(hit.docnum, float(hit.score or 0.0)) for hit in found]
    complete = found.scored_length() < wanted
    verified = verify(searcher, q, candidates)
    if len(verified) >= limit or complete:
        if complete:
            return verified[:limit], len(verified), True
        return verified[:limit], found.estimated_length(), False
    return None


def verify(searcher, q: wq.Query, candidates: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """The candidates (document number, score) that ``q`` matches, in the given order."""
    if not candidates:
        return []
    matching: set[int] = set()
    wanted = sorted(docnum for docnum, _ in candidates)
    for subsearcher, offset in searcher.leaf_searchers():
        size = subsearcher.doc_count_all()
        local = [d - offset for d in wanted if offset <= d < offset + size]
        if not local:
            continue
        matcher = q.matcher(subsearcher, subsearcher.boolean_context())
        for docnum in local:
            if not matcher.is_active():
                break
            if matcher.id() < docnum:
                matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                matching.add(docnum + offset)
    return [(d, score) for d, score in candidates if d in matching]


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


def _load_body(hit_id: str, path: str, lookup: ArticleLookup | None, stored: bytes | None = None) -> str | None:
    if lookup is not None:
        article = lookup(hit_id)
        if article is not None:
            return article.body
    if stored:
        try:
            return zlib.decompress(stored).decode("utf-8")
        except (zlib.error, UnicodeDecodeError):
            pass
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
    elif not exact_total and (two_phase := phrase_candidates(searcher, q, limit)) is not None:
        ranked, results.total, results.total_exact = two_phase
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
        body = _load_body(stored["id"], stored.get("path", ""), lookup, stored.get("body_z")) or ""
        # The snippet comes from the first matches; all of them are found when asked for.
        head = plan.spans(body[:SNIPPET_SCAN]) if len(body) > SNIPPET_SCAN else None
        if not head or head[-1][1] >= SNIPPET_SCAN - 30:
            head = plan.spans(body)
        snippet, snippet_spans = make_snippet(body, head)
        results.hits.append(Hit(
            id=stored["id"], title=stored.get("title", ""), score=score,
            source=stored.get("source", "") or "", published=stored.get("published_text", "") or "",
            path=stored.get("path", ""), snippet=snippet, snippet_spans=snippet_spans, body=body, plan=plan,
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
    """The first word of a story containing the index term ``term``, in lower case."""
    for hit in searcher.search(wq.Term("body", term), limit=1):
        stored = hit.fields()
        body = _load_body(stored.get("id", ""), stored.get("path", ""), None, stored.get("body_z")) or ""
        for t, s, e in iter_terms(body):
            if t == term:
                return body[s:e].lower()
    return None
