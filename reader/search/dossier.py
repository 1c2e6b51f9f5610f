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
from reader.search.dossier_fields import COLUMN_FIELD, MONTH_FIELD, ROLE_FIELD, SEPARATOR, column_entities
from reader.search.index import IndexProblem, LibraryIndex
from reader.search.schema import entity_slug

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


def _terms(searcher, field: str, prefix: str) -> list[tuple[str, list[int]]]:
    """(suffix, docnums) of each term ``prefix@...`` of ``field``, in term order."""
    start = f"{prefix}{SEPARATOR}"
    found = []
    for term in searcher.reader().expand_prefix(field, start):
        docs = _docs(searcher, field, term)
        if docs:
            found.append((term.decode("utf-8")[len(start):], docs))
    return found


def _merged(searcher, field: str, slugs: list[str]) -> list[tuple[str, list[int]]]:
    merged: dict[str, set[int]] = {}
    for slug in slugs:
        for text, ids in _terms(searcher, field, slug):
            merged.setdefault(text, set()).update(ids)
    return [(text, sorted(ids)) for text, ids in sorted(merged.items())]


def _dossier(searcher, slugs: list[str]) -> Dossier:
    dossier = Dossier(slugs[0] if slugs else "")
    if not slugs:
        return dossier
    docs = sorted({d for slug in slugs for d in _docs(searcher, "entity", slug)})
    dossier.count = len(docs)
    if not docs:
        return dossier
    months = _merged(searcher, MONTH_FIELD, slugs)
    dossier.months = _with_gaps([(month, len(ids)) for month, ids in months])
    dossier.undated = max(0, dossier.count - sum(len(ids) for _, ids in months))
    if months:
        dossier.first = _story(searcher, months[0][1], first=True)
        dossier.latest = _story(searcher, months[-1][1], first=False)
    else:
        dossier.first = _story(searcher, docs[:1], first=True)
        dossier.latest = _story(searcher, docs[-1:], first=False) if len(docs) > 1 else None
    roles = Counter()
    shown: dict[str, Counter] = {}
    for role, ids in _merged(searcher, ROLE_FIELD, slugs):
        folded = role.casefold()
        roles[folded] += len(ids)
        shown.setdefault(folded, Counter())[role] += len(ids)
    dossier.roles = [(shown[r].most_common(1)[0][0], n) for r, n in roles.most_common(MAX_ROLES)]
    latest_first = [d for _, ids in reversed(months) for d in sorted(ids, reverse=True)]
    latest_first += [d for d in sorted(set(docs) - set(latest_first), reverse=True)]
    sample = latest_first[:SAMPLE]
    dossier.sampled = SAMPLE if len(latest_first) > SAMPLE else 0
    dossier.with_ = _with(searcher, sample, set(slugs))
    return dossier


def entity_named(index: LibraryIndex, key: str) -> tuple[str, str, str] | None:
    """(slug, name, type) of the entity ``key`` as a story of the index names it, or ``None``."""
    slug = entity_slug(key)
    try:
        searcher = index.searcher()
        docs = _docs(searcher, "entity", slug)
        if not docs or COLUMN_FIELD not in searcher.schema:
            return None
        column = searcher.reader().column_reader(COLUMN_FIELD)
        return next((found for found in column_entities(column[docs[-1]]) if found[0] == slug), None)
    except IndexProblem:
        return None


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
