"""Importing files, folders, pages and feeds into the person's library (no UI).

Every imported article is written as a plain ``.txt`` file with YAML front matter
(title, source, published, url, byline, imported) into ``paths.library_dir()``, so the
library stays readable without reader. Files are written atomically (a hidden temporary
file, fsync, ``os.replace``). An article whose URL or normalised text is already in the
library is not added again. Bad input never stops an import: each file or entry that
cannot be used becomes a ``Problem`` naming it, and the report counts everything.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
import unicodedata
from contextlib import contextmanager
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

from reader import paths
from reader.atomic import write_atomic
from reader.library.article import Article
from reader.loaders import FEED_SUFFIXES, LOADERS, load_file
from reader.loaders.feed import ParsedFeed, parse_feed, unpack
from reader.library.fetch import FetchError, fetch, is_url
from reader.loaders.html import page_article
from reader.library.files import IGNORED_NAMES_KEPT, walk
from reader.problems import Problem
from reader.library.state import StateStore
from reader.loaders.txt import looks_binary, stored_body
from reader.text import make_safe

Progress = Callable[[int, int, str], None]
"""Called as ``progress(done, total, label)`` while an import runs."""

_SLUG_CHARS = re.compile(r"[^\w]+", re.UNICODE)
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid)$", re.IGNORECASE)
ARTICLE_SUFFIX = ".txt"
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


NOTHING_FOUND_HINT = "reader reads .txt, .md, .html and feed files, and web addresses"


@dataclass
class ImportReport:
    """What an import did: files written, duplicates left out, problems, feeds remembered."""

    added: list[Article] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    feed_files: int = 0
    """Feed files read (their stories added once; a feed is followed by its URL)."""
    ignored: int = 0
    ignored_names: dict[str, int] = field(default_factory=dict)
    """Some of the files ignored, to name them, with how many have each name."""

    def summary(self) -> str:
        """One line: how many of each."""
        parts = [f"{_count(len(self.added), 'article')} added"]
        parts.append(f"{_count(len(self.duplicates), 'duplicate')} skipped")
        parts.append(f"{len(self.problems):,} could not be used")
        if self.ignored:
            times = self.ignored_names  # "readme.md" of many folders once, with how many
            distinct = list(times)
            names = ", ".join(make_safe(name) + (f" ×{times[name]}" if times[name] > 1 else "")  # a file name is data
                              for name in distinct[:IGNORED_NAMES_KEPT])
            more = ", …" if len(distinct) > IGNORED_NAMES_KEPT else ""
            parts.append(f"{_count(self.ignored, 'other file')} ignored ({names}{more})" if names
                         else f"{_count(self.ignored, 'other file')} ignored")
        if self.feeds:
            parts.append(f"{_count(len(self.feeds), 'new feed')} remembered")
        if self.feed_files:
            parts.append(f"{_count(self.feed_files, 'feed file')} read once (to follow one: reader subscribe FILE or URL)")
        if not (self.added or self.duplicates or self.problems or self.ignored or self.feeds or self.feed_files):
            parts.append(f"no article files there ({NOTHING_FOUND_HINT})")
        return "; ".join(parts)


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


# -- normalising ---------------------------------------------------------------------------

def normalise_url(url: str) -> str:
    """A URL reduced to what identifies the story: lower-case scheme and host, no fragment,
    no tracking parameters, no trailing slash."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and not ((scheme == "http" and parts.port == 80) or (scheme == "https" and parts.port == 443)):
        host = f"{host}:{parts.port}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                             if not _TRACKING.match(k)))
    if scheme in ("http", "https"):
        scheme = "http"  # the same story over http and https is the same story
    return urlunsplit((scheme, host, path, query, ""))


def normalise_text(text: str) -> str:
    """Text reduced to its words: NFKC, case-folded, punctuation and spacing ignored."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())


def fingerprints(article: Article) -> list[tuple[str, str]]:
    """("url", key) and ("text", key) that identify an article for duplicate detection."""
    found: list[tuple[str, str]] = []
    if article.url:
        found.append(("url", normalise_url(article.url)))
    words = normalise_text(article.body) or normalise_text(article.title)
    if words:
        found.append(("text", hashlib.sha256(words.encode("utf-8")).hexdigest()[:40]))
    return found


def slugify(text: str, limit: int = 60) -> str:
    """A file-name-safe slug of a title (letters of any script kept)."""
    slug = _SLUG_CHARS.sub("-", unicodedata.normalize("NFKC", text).casefold()).strip("-_")
    slug = slug[:limit].rstrip("-_")
    return slug or "article"


# -- writing -------------------------------------------------------------------------------

def article_text(article: Article, imported: str) -> str:
    """The file text of an imported article: YAML front matter, a blank line, the body."""
    meta: dict[str, object] = {"title": article.title}
    for key in ("source", "published", "url", "byline", "credit"):
        value = getattr(article, key)
        if value:
            meta[key] = value
    if article.tags:
        meta["tags"] = list(article.tags)
    if article.links:
        meta["links"] = list(article.links)
    meta["imported"] = imported
    # libyaml's dumper when present: the same text, four times faster (a refresh writes thousands)
    front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1000)
    return f"---\n{front}---\n\n{stored_body(article.body)}\n"


# -- the importer --------------------------------------------------------------------------

@dataclass
class _Job:
    """One input to import: a file (with the folder it came from) or a URL."""

    label: str
    path: Path | None = None
    url: str | None = None
    named: bool = True  # named by the person (not found inside a folder)


class Importer:
    """Adds articles to a library folder, using the state store for fingerprints and feeds."""

    def __init__(self, store: StateStore, library_dir: Path | None = None, *,
                 now: Callable[[], float] = time.time) -> None:
        self.store = store
        self.library_dir = Path(library_dir) if library_dir is not None else paths.library_dir()
        self._now = now
        self._synced = False

    # -- public ----------------------------------------------------------------------------

    def add(self, inputs: Iterable[str | Path], progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None) -> ImportReport:
        """Import files, folders and URLs. Never raises for bad input: it is reported."""
        with _import_lock(self.library_dir):
            report = self._add(inputs, progress, cancelled)
            _sync(report)
            return report

    def take_articles(self, articles: Iterable[Article], problems: Iterable[Problem] = ()) -> ImportReport:
        """Write articles already parsed (a refreshed feed's) under the import lock, leaving
        out duplicates. No sync to disk: call ``flush`` once after a batch."""
        with _import_lock(self.library_dir):
            report = ImportReport()
            self._sync_fingerprints()
            self._take_loaded(list(articles), list(problems), report, None)
            return report

    def known(self, article: Article) -> bool:
        """True when the article is in the library already (same URL or same text)."""
        self._sync_fingerprints()
        for kind, value in fingerprints(article):
            existing = self.store.find_fingerprint(kind, value)
            if existing is not None and self._exists(existing):
                return True
        return False

    @staticmethod
    def flush(report: ImportReport) -> None:
        """Flush the files an import wrote to disk, once."""
        _sync(report)

    def _add(self, inputs: Iterable[str | Path], progress: Progress | None,
             cancelled: Callable[[], bool] | None) -> ImportReport:
        report = ImportReport()
        jobs = list(self._jobs(inputs, report))
        self._sync_fingerprints()
        for done, job in enumerate(jobs):
            if cancelled is not None and cancelled():
                break
            if progress is not None:
                progress(done, len(jobs), job.label)
            if job.url is not None:
                self._add_url(job.url, report)
            else:
                self._add_file(job, report)
        if progress is not None:
            progress(len(jobs), len(jobs), "")
        return report

    # -- gathering inputs ------------------------------------------------------------------

    def _jobs(self, inputs: Iterable[str | Path], report: ImportReport) -> Iterator[_Job]:
        for item in inputs:
            text = str(item)
            if isinstance(item, str) and is_url(text):
                yield _Job(text, url=text)
                continue
            path = Path(item).expanduser()
            if path.is_dir():
                walked = walk([path])
                report.problems.extend(walked.problems)
                report.ignored += walked.ignored
                for name, count in walked.ignored_names.items():
                    report.ignored_names[name] = report.ignored_names.get(name, 0) + count
                for file in walked.files:
                    yield _Job(file.path, path=Path(file.path), named=False)
            elif path.is_file():
                yield _Job(str(path), path=path)
            elif path.exists():
                report.problems.append(Problem(path, "not a file or folder; skipped"))
            else:
                report.problems.append(Problem(path, "no such file or folder"))

    # -- one input -------------------------------------------------------------------------

    def _add_file(self, job: _Job, report: ImportReport) -> None:
        path = job.path
        assert path is not None
        suffix = path.suffix.lower()
        if suffix not in LOADERS:
            self._add_unknown_file(path, report)
            return
        if suffix in FEED_SUFFIXES:
            try:
                data = path.read_bytes()
            except OSError as error:
                report.problems.append(Problem(path, f"cannot be read: {error.strerror or error}"))
                return
            self._take_feed_file(parse_feed(data, path, path.stem), report)
            return
        loaded = load_file(path)
        self._take_loaded(loaded.articles, loaded.problems, report, str(path))

    def _add_unknown_file(self, path: Path, report: ImportReport) -> None:
        """A file named directly whose suffix says nothing: sniff for a feed or a page."""
        try:
            data = unpack(path.read_bytes())
        except OSError as error:
            report.problems.append(Problem(path, f"cannot be read: {error.strerror or error}"))
            return
        if not data.strip():
            report.problems.append(Problem(path, "empty file; skipped"))
            return
        if looks_binary(data):
            report.problems.append(Problem(path, f"not an article file ({path.suffix or 'no suffix'}, binary data); skipped"))
            return
        head = data[:1024].lstrip().lower()
        if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head or b"<rdf" in head:
            self._take_feed_file(parse_feed(data, path, path.stem), report)
        elif b"<html" in head or head.startswith(b"<!doctype html"):
            loaded = page_article(data, path, path.stem)
            self._take_loaded(loaded.articles, loaded.problems, report, str(path))
        else:
            loaded = LOADERS[".txt"](path, path.stem)
            self._take_loaded(loaded.articles, loaded.problems, report, str(path))

    def _add_url(self, url: str, report: ImportReport) -> None:
        try:
            fetched = fetch(url)
        except FetchError as error:
            report.problems.append(Problem(url, str(error).removeprefix(f"{url}: ")))
            return
        parsed = parse_feed(fetched.data, url, "feed", url=fetched.url, content_type=fetched.content_type)
        if parsed.is_feed:
            from reader.feeds.store import FeedStore

            feeds = FeedStore(self.store)
            if feeds.subscribe(url, title=parsed.title, link=parsed.link):
                report.feeds.append(url)
            before = len(report.added)
            self._take_feed(parsed, report)
            feeds.add_members(url, [a.id for a in report.added[before:]])
            feeds.record_success(url, etag=fetched.etag, modified=fetched.modified, title=parsed.title)
            return
        data = unpack(fetched.data)
        head = data[:2048].lower()
        if "html" in fetched.content_type.lower() or b"<html" in head or b"<!doctype html" in head:
            loaded = page_article(data, url, "page", url=fetched.url)
            self._take_loaded(loaded.articles, loaded.problems, report, url, default_url=fetched.url)
        else:
            kind = fetched.content_type.split(";")[0].strip() or "unknown content"
            report.problems.append(Problem(url, f"neither a feed nor a web page ({kind}); skipped"))

    def _take_feed_file(self, parsed: ParsedFeed, report: ImportReport) -> None:
        """A feed file's stories, added once (a feed's URL is followed instead)."""
        report.feed_files += bool(parsed.articles)
        self._take_feed(parsed, report)

    def _take_feed(self, parsed: ParsedFeed, report: ImportReport) -> None:
        self._take_loaded(parsed.articles, parsed.problems, report, None)

    def _take_loaded(self, articles: list[Article], problems: list[Problem], report: ImportReport,
                     label: str | None, default_url: str | None = None) -> None:
        for problem in problems:
            (report.problems if problem.skipped else report.notes).append(problem)
        for article in articles:
            if default_url and not article.url:
                article = _replace(article, url=default_url)
            name = label or f"{article.source or 'feed'}: {article.title}"
            self._write(article, report, name)

    # -- duplicates and writing ------------------------------------------------------------

    def _write(self, article: Article, report: ImportReport, name: str) -> None:
        prints = fingerprints(article)
        for kind, value in prints:
            existing = self.store.find_fingerprint(kind, value)
            if existing is not None and self._exists(existing):
                what = "URL" if kind == "url" else "text"
                report.duplicates.append((name, f"same {what} as {existing}"))
                return
        imported = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self._now()))
        key = prints[0][1] if prints else article.title
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        stem = f"{slugify(article.title)}-{digest}"
        path = self.library_dir / f"{stem}{ARTICLE_SUFFIX}"
        counter = 2
        while path.exists():
            path = self.library_dir / f"{stem}-{counter}{ARTICLE_SUFFIX}"
            counter += 1
        try:
            # One sync for the whole batch at the end (fsync per file tripled import time).
            write_atomic(path, article_text(article, imported), durable=False)
        except OSError as error:
            report.problems.append(Problem(name, f"cannot write {path}: {error.strerror or error}"))
            return
        article_id = path.stem
        self.store.add_fingerprints(article_id, prints)
        report.added.append(_replace(article, id=article_id, path=path))

    def _exists(self, article_id: str) -> bool:
        return any((self.library_dir / f"{article_id}{suffix}").exists() for suffix in LOADERS)

    def _sync_fingerprints(self) -> None:
        """Fingerprint library files the store does not know (copied in by hand, or a lost state)."""
        if self._synced or not self.library_dir.is_dir():
            return
        self._synced = True
        known = self.store.fingerprinted_ids()
        for file in walk([self.library_dir]).files:
            if file.path.lower().endswith(FEED_SUFFIXES) or file.id in known:
                continue
            loaded = file.load()
            for article in loaded.articles:
                self.store.add_fingerprints(article.id, fingerprints(article))


def _sync(report: ImportReport) -> None:
    """Flush the files written by an import to disk, once."""
    if report.added and hasattr(os, "sync"):
        os.sync()


@contextmanager
def _import_lock(library_dir: Path) -> Iterator[None]:
    """One import at a time per library (two ``reader add`` at once would race on duplicates).

    An exclusive ``flock`` on a hidden lock file beside the articles; the OS releases it if
    the process dies. Where ``fcntl`` is missing (Windows) imports are not serialised.
    """
    try:
        import fcntl
    except ImportError:
        yield
        return
    library_dir.mkdir(parents=True, exist_ok=True)
    with open(library_dir / ".import.lock", "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _replace(article: Article, **changes: object) -> Article:
    from dataclasses import replace

    return replace(article, **changes)
