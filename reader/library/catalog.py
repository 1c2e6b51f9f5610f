"""The catalog: what the article list needs (title, source, date) without the article text.

A library of 100,000 articles should not be parsed in full to show a list. The catalog
keeps each file's metadata in a snapshot (``reader.library.catalog_cache``), so after the
first scan only new or changed files (size or mtime differ) are read, and at start the
list can be shown from the snapshot before the library is walked. Opening an article
reads its one file (``Catalog.load``).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from reader.library.article import Article
from reader.bulk import collector_paused
from reader.library.catalog_cache import FileRecord, read_snapshot, write_snapshot
from reader.library.files import ArticleFile, Walk
from reader.library.ordering import sort_orders
from reader.library.titles import TitleFinder
from reader.loaders import load_file
from reader.problems import Problem

LOADED_CACHE_SIZE = 64
PROGRESS_EVERY = 500

Progress = Callable[[int, int, str], None]


class CatalogEntry(NamedTuple):
    """One article's metadata: enough to list, sort and filter it, and to load it.

    A named tuple: 100,000 of them are made at every start, and tuples are cheap to make.
    """

    id: str
    title: str
    source: str | None
    published: str | None
    url: str | None
    byline: str | None
    word_count: int
    tags: tuple[str, ...]
    path: str
    """(``path`` and ``root`` come last: the catalog's snapshot keeps them per file.)"""
    root: str | None

    @property
    def meta_line(self) -> str:
        """Source · date · words, leaving out what is unknown."""
        from reader.dates import display_date

        parts = [p for p in (self.source, display_date(self.published)) if p]
        parts.append(f"{self.word_count:,} words")
        return " · ".join(parts)


_new_entry = partial(tuple.__new__, CatalogEntry)
"""A ``CatalogEntry`` of a row of its fields, made in C (``_make`` is a Python call per row:
the list at start makes 100,000, while the screen is being drawn)."""
_new_file = partial(tuple.__new__, ArticleFile)
_first = itemgetter(0)  # an entry's id


def entry_of(article: Article, path: Path, root: Path | None) -> CatalogEntry:
    return CatalogEntry(article.id, article.title, article.source, article.published, article.url,
                        article.byline, article.word_count, tuple(article.tags), str(path),
                        str(root) if root else None)


@dataclass
class Catalog:
    """The library as a list of entries, with problems met and a small cache of loaded articles."""

    entries: list[CatalogEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[ArticleFile] = field(default_factory=list, repr=False)
    """The article files as walked (the search index's start-up check reuses them instead
    of walking the library again)."""
    orders: dict[str, list[int]] | None = field(default=None, repr=False)
    """The list's sort orders of ``entries``, when computed ahead (see ``sorted_orders``)."""
    _by_id: dict[str, CatalogEntry] = field(default_factory=dict, repr=False)
    _loaded: OrderedDict[str, Article] = field(default_factory=OrderedDict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _titles: TitleFinder | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._by_id = dict(zip(map(_first, self.entries), self.entries))  # (a loop in C: 100,000 at start)

    def titles(self) -> TitleFinder:
        """The titles ready to search (made once, on first use, in the thread that asks)."""
        with self._lock:
            if self._titles is None:
                self._titles = TitleFinder(self.entries)
            return self._titles

    def sorted_orders(self) -> dict[str, list[int]]:
        """Every sort order of the entries (computed once; the snapshot keeps them)."""
        if self.orders is None:
            self.orders = sort_orders(self.entries)
        return self.orders

    def get(self, article_id: str) -> CatalogEntry | None:
        return self._by_id.get(article_id)

    def load(self, entry: CatalogEntry | str) -> Article | None:
        """The full article of an entry (read from its file; a few are kept in memory)."""
        if isinstance(entry, str):
            found = self._by_id.get(entry)
            if found is None:
                return None
            entry = found
        with self._lock:  # the app loads large stories in a worker thread
            article = self._loaded.get(entry.id)
            if article is not None:
                self._loaded.move_to_end(entry.id)
                return article
        loaded = load_file(Path(entry.path), Path(entry.root) if entry.root else None)
        article = next((a for a in loaded.articles if a.id == entry.id), None)
        if article is None:
            return None
        with self._lock:
            self._loaded[entry.id] = article
            while len(self._loaded) > LOADED_CACHE_SIZE:
                self._loaded.popitem(last=False)
        return article

    def is_loaded(self, article_id: str) -> bool:
        """True when the article is in memory (opening it reads no file)."""
        with self._lock:
            return article_id in self._loaded


def load_catalog(walked: Walk, *, cache_path: Path | None = None, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None, shown: Catalog | None = None) -> Catalog:
    """The catalog of the walked article files (``Library.catalog`` walks the library).

    With a ``cache_path`` (the library's snapshot), files whose size and mtime match the
    snapshot are not read, and the snapshot is rewritten when anything changed. ``shown``:
    the catalog read from the snapshot a moment ago; when the walk found exactly its files,
    it is the answer (nothing is read again).
    """
    if shown is not None and shown.files == walked.files:
        return Catalog(shown.entries, [*walked.problems, *shown.problems], walked.files, shown.orders)
    fields = CatalogEntry._fields
    snapshot = read_snapshot(cache_path, fields) if cache_path else None
    known = {r.path: r for r in snapshot.records()} if snapshot is not None else {}
    records: list[FileRecord] = []
    changed = False
    total = len(walked.files)
    for done, file in enumerate(walked.files):
        if cancelled is not None and cancelled():
            return _catalog(records, walked.problems, walked.files[:done])
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total, file.path)
        record = known.get(file.path)
        if record is None or (record.size, record.mtime_ns, record.root) != (file.size, file.mtime_ns, file.root):
            record = _read(file)
            changed = True
        records.append(record)
    if progress is not None:
        progress(total, total, "")
    catalog = _catalog(records, walked.problems, walked.files)
    if cache_path is not None and (changed or len(known) != len(records) or snapshot is None
                                   or snapshot.paths != [r.path for r in records]):
        write_snapshot(cache_path, fields, records, catalog.sorted_orders())
    elif snapshot is not None and len(catalog.entries) == sum(snapshot.counts):
        catalog.orders = snapshot.orders
    return catalog


def cached_catalog(cache_path: Path) -> Catalog | None:
    """The catalog as the snapshot last saw it (no file is walked or read), or None."""
    with collector_paused():
        return _cached_catalog(cache_path)


def _cached_catalog(cache_path: Path) -> Catalog | None:
    snapshot = read_snapshot(cache_path, CatalogEntry._fields)
    if snapshot is None:
        return None
    files = list(map(_new_file, zip(snapshot.paths, snapshot.roots, snapshot.sizes, snapshot.mtimes)))
    problems = [Problem(*p) for problems in snapshot.problems for p in problems]
    catalog = _catalog_of_rows(snapshot.entry_rows(), problems, files)
    if len(catalog.entries) == sum(snapshot.counts):  # (no id was taken twice)
        catalog.orders = snapshot.orders
    return catalog


def _read(file: ArticleFile) -> FileRecord:
    loaded = file.load()
    path, root = Path(file.path), Path(file.root) if file.root else None
    entries = tuple(tuple(entry_of(article, path, root)) for article in loaded.articles)
    problems = tuple((str(p.path), p.message, p.skipped) for p in loaded.problems)
    return FileRecord(file.path, file.root, file.size, file.mtime_ns, entries, problems)


def _catalog(records: list[FileRecord], walk_problems: list[Problem], files: list[ArticleFile]) -> Catalog:
    """The catalog of these records."""
    problems = list(walk_problems)
    problems.extend(Problem(*p) for record in records for p in record.problems)
    return _catalog_of_rows((row for record in records for row in record.entries), problems, files)


def _catalog_of_rows(rows, problems: list[Problem], files: list[ArticleFile]) -> Catalog:  # noqa: ANN001
    """Entries in order; an id taken twice is a problem (the first one stays)."""
    entries = list(map(_new_entry, rows))
    ids = set(map(_first, entries))
    if len(ids) != len(entries):
        kept: list[CatalogEntry] = []
        seen: set[str] = set()
        for entry in entries:
            if entry.id in seen:
                problems.append(Problem(entry.path, f"another article already has the id {entry.id!r}; skipped"))
                continue
            seen.add(entry.id)
            kept.append(entry)
        entries = kept
    return Catalog(entries, problems, list(files))
