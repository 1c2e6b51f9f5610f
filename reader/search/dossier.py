"""The library dossier of an entity, read from the index (never from the story files).

How many stories mention it, stories per month, the first and the latest story, the roles
the library gives it and the entities most often mentioned with it, from the fields of
``reader.search.dossier_fields``. Cost: the entity's postings, its month and role terms,
the stored fields of a few stories, and the entity column of at most ``SAMPLE`` of its
latest stories (co-mentions of a very common entity are counted over those).
"""

from __future__ import annotations

from collections import Counter

from reader.entities.background import Dossier, DossierStory
from reader.search.dossier_fields import (COLUMN_FIELD, MONTH_FIELD, ROLE_FIELD, SEPARATOR, column_entities,
                                          named_in_column)
from reader.search.index import IndexProblem, LibraryIndex
from reader.search.slugs import entity_slug

SAMPLE = 300
MAX_WITH = 8
MAX_ROLES = 8


def dossier_of(index: LibraryIndex, key: str, also: tuple[str, ...] = ()) -> Dossier | None:
    """The dossier of the entity ``key`` (and of the keys ``also`` that name the same
    entity: a place's aliases, "US" for "United States"); ``None`` when the index cannot
    answer (there is none yet, or it cannot be opened)."""
    slugs = list(dict.fromkeys(s for s in (entity_slug(k) for k in (key, *also)) if s))
    try:
        searcher = index.searcher()
        if MONTH_FIELD not in searcher.schema:
            return None
        return _dossier(searcher, slugs)
    except IndexProblem:
        return None


def _docs(searcher, field: str, text: str | bytes) -> list[int]:
    try:
        return list(searcher.postings(field, text).all_ids())
    except Exception:  # noqa: BLE001 - a term that is not there (Whoosh raises TermNotFound)
        return []


def story_count(searcher, slug: str) -> int:
    """How many stories of the library mention the entity ``slug`` now: the term's count, or,
    once stories were deleted since the last merge (which that count still holds), its live
    postings."""
    reader = searcher.reader()
    if not reader.has_deletions():
        return reader.doc_frequency("entity", slug)
    return len(_docs(searcher, "entity", slug))


class _Terms:
    """The terms ``<slug>@...`` of a field for the entity's slugs: each suffix with its
    story count, and its stories read only when asked for (counting needs no postings
    unless stories were deleted since the last merge, or several slugs may share one)."""

    def __init__(self, searcher, field: str, slugs: list[str], exact_counts: bool) -> None:
        self.searcher, self.field = searcher, field
        reader = searcher.reader()
        self.terms: dict[str, list[bytes]] = {}
        for slug in slugs:
            start = f"{slug}{SEPARATOR}"
            for term in reader.expand_prefix(field, start):
                self.terms.setdefault(term.decode("utf-8")[len(start):], []).append(term)
        self._exact = exact_counts and len(slugs) == 1
        self._docs: dict[str, list[int]] = {}

    def suffixes(self) -> list[str]:
        return sorted(self.terms)

    def docs(self, suffix: str) -> list[int]:
        if suffix not in self._docs:
            found = {d for term in self.terms.get(suffix, ()) for d in _docs(self.searcher, self.field, term)}
            self._docs[suffix] = sorted(found)
        return self._docs[suffix]

    def count(self, suffix: str) -> int:
        if self._exact:
            return self.searcher.reader().doc_frequency(self.field, self.terms[suffix][0])
        return len(self.docs(suffix))


def _dossier(searcher, slugs: list[str]) -> Dossier:
    dossier = Dossier(slugs[0] if slugs else "")
    if not slugs:
        return dossier
    reader = searcher.reader()
    exact = not reader.has_deletions()
    if exact and len(slugs) == 1:
        dossier.count = reader.doc_frequency("entity", slugs[0])
        docs: list[int] | None = None
    else:
        docs = sorted({d for slug in slugs for d in _docs(searcher, "entity", slug)})
        dossier.count = len(docs)
    if not dossier.count:
        return dossier
    months = _Terms(searcher, MONTH_FIELD, slugs, exact)
    labels = months.suffixes()
    dossier.months = _with_gaps([(month, months.count(month)) for month in labels])
    dossier.undated = max(0, dossier.count - sum(n for _, n in dossier.months))
    if labels:
        dossier.first = _story(searcher, months.docs(labels[0]), first=True)
        dossier.latest = _story(searcher, months.docs(labels[-1]), first=False)
    latest_first: list[int] = []
    for month in reversed(labels):  # the latest stories, for co-mentions
        latest_first += sorted(months.docs(month), reverse=True)
        if len(latest_first) >= SAMPLE:
            break
    if len(latest_first) < SAMPLE and dossier.undated:
        docs = docs if docs is not None else sorted({d for s in slugs for d in _docs(searcher, "entity", s)})
        seen = set(latest_first)
        latest_first += [d for d in reversed(docs) if d not in seen]
        if not labels:
            dossier.first = _story(searcher, docs[:1], first=True)
            dossier.latest = _story(searcher, docs[-1:], first=False) if len(docs) > 1 else None
    if labels and dossier.undated and dossier.count <= MOST_FOR_AN_UNDATED_STORY:
        docs = docs if docs is not None else sorted({d for s in slugs for d in _docs(searcher, "entity", s)})
        dated = {d for month in labels for d in months.docs(month)}
        dossier.undated_story = _story(searcher, [d for d in docs if d not in dated][-1:], first=False)
    sample = latest_first[:SAMPLE]
    dossier.sampled = SAMPLE if dossier.count > SAMPLE else 0
    roles = Counter()
    shown: dict[str, Counter] = {}
    role_terms = _Terms(searcher, ROLE_FIELD, slugs, exact)
    for role in role_terms.suffixes():
        n = role_terms.count(role)
        roles[role.casefold()] += n
        shown.setdefault(role.casefold(), Counter())[role] += n
    _fold_shorter_roles(roles)
    dossier.roles = [(shown[r].most_common(1)[0][0], n) for r, n in roles.most_common(MAX_ROLES)]
    dossier.with_ = _with(searcher, sample, set(slugs))
    return dossier


_ARTICLES = ("the ", "a ", "an ")


def _fold_shorter_roles(roles: Counter) -> None:
    """A role that ends exactly one longer role of the library is counted with it: "Sen. ×1,
    U.S. Sen. ×1" is "U.S. Sen. ×2" (one story wrote the title short); with two longer ones
    ("Deputy Director", "Museum Director") "Director" stays apart, and so does "President"
    beside "former President" (a story of its term). One that only adds an article ("the
    harbour director") is counted with the title ("Harbour Director")."""
    for role in [r for r in roles if r.startswith(_ARTICLES)]:
        bare = role.split(" ", 1)[1]
        if bare in roles:
            roles[bare] += roles.pop(role)
    for role in sorted(roles, key=len):
        longer = [other for other in roles if other != role and other.endswith(" " + role)
                  and not set(other[:-len(role)].split()) <= _TIMES]
        if len(longer) == 1:
            roles[longer[0]] += roles.pop(role)


_TIMES = frozenset("former then late outgoing incoming future ex acting interim retired".split())
"""Words that say when a role was held: "former President" is no "President" written long."""


NAMED_LOOKS = 50
"""Stories ``entity_named`` reads, latest first, for one that keeps the entity in its column."""


def entity_named(index: LibraryIndex, key: str, *, recognise: bool = False) -> tuple[str, str, str] | None:
    """(slug, name, type) of the entity ``key`` as a story of the index names it, or ``None``.
    A story's column keeps its main entities only; with ``recognise``, an entity kept in none
    is found by recognising the stored text of the last story the index holds that mentions it."""
    slug = entity_slug(key)
    try:
        searcher = index.searcher()
        docs = _docs(searcher, "entity", slug)
        if not docs or COLUMN_FIELD not in searcher.schema:
            return None
        found = named_in_column(searcher.reader(), slug, docs, NAMED_LOOKS)
        if found is not None:
            return found
        return _recognised_in(searcher.stored_fields(docs[-1]).get("body_text") or "", slug) if recognise else None
    except IndexProblem:
        return None


def _recognised_in(body: str, slug: str) -> tuple[str, str, str] | None:
    """(slug, name, type) of the entity ``slug`` as the recogniser finds it in ``body`` (as the
    index read it: its first ``MAX_RECOGNISED_CHARS``), or None, also when recognition fails."""
    from reader.entities import service  # noqa: PLC0415 - only for an entity no story keeps
    from reader.entities.model import MAX_RECOGNISED_CHARS  # noqa: PLC0415
    from reader.entities.summary import summarise  # noqa: PLC0415

    body = body[:MAX_RECOGNISED_CHARS]
    try:
        recognizer = service.get_recognizer()
        infos = summarise(body, recognizer.recognise(body), recognizer.kb)
    except Exception:  # noqa: BLE001 - the name is shown untyped rather than not at all
        return None
    return next(((slug, info.name, info.type) for info in infos if entity_slug(info.key) == slug), None)


def _with(searcher, docnums: list[int], slugs: set[str]) -> list[tuple[str, str, int]]:
    counts: Counter = Counter()
    names: dict[str, Counter] = {}
    column = searcher.reader().column_reader(COLUMN_FIELD)
    for docnum in docnums:
        for other, name, _ in column_entities(column[docnum]):
            if other not in slugs:
                counts[other] += 1
                names.setdefault(other, Counter())[name] += 1
    return [(other, names[other].most_common(1)[0][0], n) for other, n in counts.most_common(MAX_WITH) if n > 1]


MOST_FOR_AN_UNDATED_STORY = 2_000
"""Above this many stories the dossier names no undated one (its dated stories are many)."""


def _story(searcher, docnums: list[int], *, first: bool) -> DossierStory | None:
    stories = []
    for docnum in docnums:
        fields = searcher.stored_fields(docnum)
        stories.append((fields.get("published_text") or "", fields.get("title") or "", fields.get("id") or ""))
    if not stories:
        return None
    published, title, story_id = min(stories) if first else max(stories)
    return DossierStory(story_id, title, published)


def _with_gaps(months: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Every month from the first to the last (months without a story as 0)."""
    if not months:
        return []
    counts = dict(months)
    year, month = map(int, months[0][0].split("-"))
    last = months[-1][0]
    filled = []
    while True:
        label = f"{year:04d}-{month:02d}"
        filled.append((label, counts.get(label, 0)))
        if label >= last or len(filled) > 1200:
            return filled
        month += 1
        if month > 12:
            year, month = year + 1, 1
