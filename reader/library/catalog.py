"""The catalog: what the article list needs (title, source, date) without the article text.

A library of 100,000 articles should not be parsed in full to show a list. The catalog
keeps each file's metadata in a cache (SQLite in the cache folder, keyed by path, size
and modification time), so after the first scan only new or changed files are read.
Opening an article reads its one file (``Catalog.load``).

The cache is only a cache: deleting it costs one full scan, and a broken one is rebuilt.
"""

from __future__ import annotations

import threading

import os
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple
from pathlib import Path

from reader import paths
from reader.library.article import Article
from reader.library.files import ArticleFile, Walk
from reader.loaders import load_file
from reader.problems import Problem

CACHE_FILE = "catalog.sqlite3"
CACHE_VERSION = "2"  # 2: CJK counted by characters; headlines kept in full
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
    path: str
    root: str | None

    @property
    def meta_line(self) -> str:
        """Source · date · words, leaving out what is unknown."""
        parts = [p for p in (self.source, self.published) if p]
        parts.append(f"{self.word_count:,} words")
        return " · ".join(parts)


def entry_of(article: Article, path: Path, root: Path | None) -> CatalogEntry:
    return CatalogEntry(article.id, article.title, article.source, article.published, article.url,
                        article.byline, article.word_count, str(path), str(root) if root else None)


@dataclass
class Catalog:
    """The library as a list of entries, with problems met and a small cache of loaded articles."""

    entries: list[CatalogEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: list[ArticleFile] = field(default_factory=list, repr=False)
    """The article files as walked (the search index's start-up check reuses them instead
    of walking the library again)."""
    _by_id: dict[str, CatalogEntry] = field(default_factory=dict, repr=False)
    _loaded: OrderedDict[str, Article] = field(default_factory=OrderedDict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {entry.id: entry for entry in self.entries}

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


def default_cache_path() -> Path:
    return paths.cache_dir() / CACHE_FILE


class _Cache:
    """path -> (mtime_ns, size, entries, problems) in SQLite; every failure means "no cache"."""

    def __init__(self, path: Path | None) -> None:
        self.db: sqlite3.Connection | None = None
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=10, isolation_level=None)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = self.db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            if not row or row[0] != CACHE_VERSION:
                self.db.executescript(
                    "DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS entries; DROP TABLE IF EXISTS problems;")
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (CACHE_VERSION,))
            self.db.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER)")
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS entries (path TEXT, seq INTEGER, id TEXT, title TEXT, source TEXT, "
                "published TEXT, url TEXT, byline TEXT, word_count INTEGER, root TEXT, PRIMARY KEY (path, seq))")
            self.db.execute("CREATE TABLE IF NOT EXISTS problems (path TEXT, seq INTEGER, shown TEXT, message TEXT, "
                            "skipped INTEGER, PRIMARY KEY (path, seq))")
        except (sqlite3.DatabaseError, OSError):
            self._drop(path)

    def _drop(self, path: Path) -> None:
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:
                pass
        self.db = None
        for suffix in ("", "-wal", "-shm"):
            try:
                os.unlink(f"{path}{suffix}")
            except OSError:
                pass
        # One more try on a fresh file; if that fails too we run without a cache.
        try:
            self.db = sqlite3.connect(path, timeout=10, isolation_level=None)
            self.db.executescript(
                "PRAGMA journal_mode = WAL;"
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                "CREATE TABLE files (path TEXT PRIMARY KEY, mtime_ns INTEGER, size INTEGER);"
                "CREATE TABLE entries (path TEXT, seq INTEGER, id TEXT, title TEXT, source TEXT, published TEXT, "
                "url TEXT, byline TEXT, word_count INTEGER, root TEXT, PRIMARY KEY (path, seq));"
                "CREATE TABLE problems (path TEXT, seq INTEGER, shown TEXT, message TEXT, skipped INTEGER, "
                "PRIMARY KEY (path, seq));")
            self.db.execute("INSERT INTO meta VALUES ('version', ?)", (CACHE_VERSION,))
        except (sqlite3.DatabaseError, OSError):
            self.db = None

    def read_all(self) -> tuple[dict[str, tuple[int, int]], dict[str, list[CatalogEntry]], dict[str, list[Problem]]]:
        files: dict[str, tuple[int, int]] = {}
        entries: dict[str, list[CatalogEntry]] = {}
        problems: dict[str, list[Problem]] = {}
        if self.db is None:
            return files, entries, problems
        try:
            for path, mtime, size in self.db.execute("SELECT path, mtime_ns, size FROM files"):
                files[path] = (mtime, size)
            for row in self.db.execute("SELECT path, id, title, source, published, url, byline, word_count, root "
                                       "FROM entries ORDER BY path, seq"):
                path = row[0]
                entries.setdefault(path, []).append(
                    CatalogEntry(row[1], row[2], row[3], row[4], row[5], row[6], row[7], path, row[8]))
            for path, shown, message, skipped in self.db.execute(
                    "SELECT path, shown, message, skipped FROM problems ORDER BY path, seq"):
                problems.setdefault(path, []).append(Problem(shown, message, bool(skipped)))
        except sqlite3.DatabaseError:
            return {}, {}, {}
        return files, entries, problems

    def write(self, changed: dict[str, tuple[int, int, list[CatalogEntry], list[Problem]]],
              removed: Iterable[str]) -> None:
        if self.db is None or (not changed and not removed):
            return
        try:
            db = self.db
            db.execute("BEGIN IMMEDIATE")
            try:
                for path in list(removed) + list(changed):
                    db.execute("DELETE FROM files WHERE path = ?", (path,))
                    db.execute("DELETE FROM entries WHERE path = ?", (path,))
                    db.execute("DELETE FROM problems WHERE path = ?", (path,))
                for path, (mtime, size, entries, problems) in changed.items():
                    db.execute("INSERT INTO files VALUES (?, ?, ?)", (path, mtime, size))
                    db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                        (path, seq, e.id, e.title, e.source, e.published, e.url, e.byline, e.word_count, e.root)
                        for seq, e in enumerate(entries)])
                    db.executemany("INSERT INTO problems VALUES (?, ?, ?, ?, ?)", [
                        (path, seq, str(p.path), p.message, int(p.skipped)) for seq, p in enumerate(problems)])
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        except sqlite3.DatabaseError:
            pass  # the cache is only a cache

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


def load_catalog(walked: Walk, *, cache_path: Path | None | bool = True,
                 progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> Catalog:
    """The catalog of the walked article files (``Library.catalog`` walks the library).

    ``cache_path=True`` uses the cache in the cache folder, ``None``/``False`` none at all.
    """
    files = walked.files
    cache = _Cache(default_cache_path() if cache_path is True else (cache_path or None))
    try:
        cached_files, cached_entries, cached_problems = cache.read_all()
        catalog_entries: list[CatalogEntry] = []
        problems: list[Problem] = list(walked.problems)
        changed: dict[str, tuple[int, int, list[CatalogEntry], list[Problem]]] = {}
        seen_ids: set[str] = set()
        seen_paths: set[str] = set()
        total = len(files)
        stopped = False
        for done, file in enumerate(files):
            if cancelled is not None and cancelled():
                stopped = True
                break
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, total, file.path)
            key, root = file.path, file.root
            seen_paths.add(key)
            stamp = (file.mtime_ns, file.size)
            entries = cached_entries.get(key, [])
            if cached_files.get(key) == stamp and all(e.root == root for e in entries[:1]):
                file_problems = cached_problems.get(key, [])
            else:
                loaded = file.load()
                path, root_path = Path(key), Path(root) if root else None
                entries = [entry_of(article, path, root_path) for article in loaded.articles]
                file_problems = list(loaded.problems)
                changed[key] = (stamp[0], stamp[1], entries, file_problems)
            problems.extend(file_problems)
            for entry in entries:
                if entry.id in seen_ids:
                    problems.append(Problem(key, f"another article already has the id {entry.id!r}; skipped"))
                    continue
                seen_ids.add(entry.id)
                catalog_entries.append(entry)
        if progress is not None:
            progress(total, total, "")
        roots = tuple({file.root + os.sep for file in files if file.root is not None})
        removed = [] if stopped else [p for p in cached_files if p not in seen_paths and roots and p.startswith(roots)]
        cache.write(changed, removed)
    finally:
        cache.close()
    return Catalog(catalog_entries, problems, list(files))
