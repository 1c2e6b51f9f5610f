"""Refreshing the subscriptions: fetch side by side, read and import each as it arrives.

``refresh`` fetches every feed (or those asked for) with one ``PoliteClient`` (conditional
requests, limits per host and overall), and in the calling thread parses each answer
with feedparser, fills in whole stories for feeds that opted in, and imports the new
entries through the ``Importer`` (duplicates left out). Then it records on the feed how
it went: the new ETag/Last-Modified and the time of success, or one line saying what went
wrong; a permanent redirect moves the feed (and its stories) to the new address.

What the person has read or starred is never touched: a refresh only adds files and
updates the ``feeds`` rows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.feeds.fulltext import FullStories
from reader.feeds.http import FetchFailed, Politeness, PoliteClient, Response, host_of
from reader.feeds.schedule import run_limited
from reader.feeds.store import FeedStore, Subscription, normalise_tags
from reader.library.article import Article
from reader.library.importer import ImportReport, Importer
from reader.library.state import StateStore
from reader.problems import Problem

__all__ = ["FeedResult", "RefreshReport", "refresh", "result_from_json", "result_to_json"]

Progress = Callable[[int, int, str], None]


@dataclass
class FeedResult:
    """How one feed's refresh went."""

    url: str
    title: str
    added: list[Article] = field(default_factory=list)
    """The stories it brought (in the process that imported them; see ``added_ids``)."""
    added_ids: list[str] = field(default_factory=list)
    """The ids of the stories it brought (also known to a process that only heard of it)."""
    unchanged: bool = False
    already: int = 0
    """Its entries that were in the library already (another feed's, a file's)."""
    error: str | None = None
    note: str | None = None
    """Read, with a repair worth saying (invalid XML read leniently)."""
    moved_from: str | None = None

    @property
    def line(self) -> str:
        """One line on this feed."""
        if self.error:
            return f"{self.title}: {self.error}"
        if self.unchanged:
            text = "unchanged"
        else:
            count = len(self.added_ids)
            text = f"{count:,} new stor{'y' if count == 1 else 'ies'}"
            if self.already:
                text += f" ({self.already:,} already in your library)"
        if self.moved_from:
            text += f"; moved permanently to {self.url}"
        if self.note:
            text += f"; {self.note}"
        return f"{self.title}: {text}"


@dataclass
class RefreshReport:
    """What a refresh did, feed by feed, and what the import made of it."""

    feeds: list[FeedResult] = field(default_factory=list)
    imported: ImportReport = field(default_factory=ImportReport)
    requests: int = 0
    bytes_read: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> list[FeedResult]:
        return [f for f in self.feeds if f.error]

    @property
    def added(self) -> list[Article]:
        """The stories added (in the process that imported them)."""
        return self.imported.added

    @property
    def new_count(self) -> int:
        """How many stories the refresh added (known wherever the report is read)."""
        return sum(len(f.added_ids) for f in self.feeds)

    def summary(self) -> str:
        """"12 feeds: 7 new stories; 9 unchanged; 1 failed"."""
        count = len(self.feeds)
        new = self.new_count
        parts = [f"{new:,} new stor{'y' if new == 1 else 'ies'}"]
        unchanged = sum(1 for f in self.feeds if f.unchanged)
        if unchanged:
            parts.append(f"{unchanged:,} unchanged")
        if self.failed:
            parts.append(f"{len(self.failed):,} failed")
        return f"{count:,} feed{'' if count == 1 else 's'}: " + "; ".join(parts)


def refresh(state: StateStore, *, only: Iterable[str] | None = None, politeness: Politeness | None = None,
            library_dir: Path | None = None, progress: Progress | None = None,
            cancelled: Callable[[], bool] | None = None,
            on_feed: Callable[[FeedResult], None] | None = None,
            answers: Mapping[str, Response] | None = None) -> RefreshReport:
    """Fetch the subscriptions (all, or the addresses in ``only``) and import new entries;
    ``answers`` holds feeds already fetched (by address), which are not fetched again."""
    started = time.monotonic()
    store = FeedStore(state)
    subscriptions = store.subscriptions()
    if only is not None:
        wanted = set(only)
        subscriptions = [s for s in subscriptions if s.url in wanted]
    importer = Importer(state, library_dir)
    report = RefreshReport()
    total = len(subscriptions)
    with PoliteClient(politeness) as client:
        full = FullStories(client)

        def fetch(sub: Subscription) -> Response:
            known = (answers or {}).get(sub.url)
            return known if known is not None else client.get(sub.url, etag=sub.etag, modified=sub.modified)

        if progress is not None:
            progress(0, total, "")
        done = 0
        for sub, result in run_limited(subscriptions, fetch, host_of=lambda s: host_of(s.url),
                                       overall=client.politeness.overall, per_host=client.politeness.per_host,
                                       cancelled=cancelled):
            outcome = _take(store, importer, full, sub, result, report.imported, cancelled)
            report.feeds.append(outcome)
            done += 1
            if progress is not None:
                progress(done, total, outcome.title)
            if on_feed is not None:
                on_feed(outcome)
        report.requests = client.counters.requests
        report.bytes_read = client.counters.bytes_read
    Importer.flush(report.imported)
    report.seconds = time.monotonic() - started
    return report


def _take(store: FeedStore, importer: Importer, full: FullStories, sub: Subscription,
          result: Response | BaseException, total: ImportReport,
          cancelled: Callable[[], bool] | None) -> FeedResult:
    """Record one feed's answer and import its new entries."""
    outcome = FeedResult(sub.url, sub.title)
    if isinstance(result, BaseException):
        if not isinstance(result, Exception):
            raise result
        outcome.error = str(result) if isinstance(result, FetchFailed) else \
            f"unexpected error ({type(result).__name__}: {result})"
        store.record_error(sub.url, outcome.error)
        total.problems.append(Problem(sub.url, outcome.error))
        return outcome
    url = sub.url
    if result.moved_to:
        url = outcome.url = store.moved(sub.url, result.moved_to)
        outcome.moved_from = sub.url
    if result.not_modified:
        outcome.unchanged = True
        store.record_success(url, etag=result.etag, modified=result.modified)
        return outcome
    from reader.loaders.feed import parse_feed  # feedparser: imported when a feed has changed

    parsed = parse_feed(result.data, url, "feed", url=result.url, content_type=result.content_type)
    skipped = [p for p in parsed.problems if p.skipped and str(p.path) == url]
    if not parsed.is_feed or (not parsed.articles and skipped):
        outcome.error = (skipped[0].message if skipped else "not an RSS or Atom feed").removesuffix("; skipped")
        store.record_error(url, outcome.error)
        total.problems.append(Problem(url, outcome.error))
        return outcome
    if parsed.title and not sub.user_title:
        outcome.title = parsed.title
    articles = parsed.articles
    if sub.tags:
        articles = [replace(a, tags=normalise_tags([*a.tags, *sub.tags])) for a in articles]
    if sub.user_title:  # the name the person gave the feed is its stories' source: one name everywhere
        articles = [replace(a, source=sub.user_title) for a in articles]
    notes = []
    if sub.full_text:
        articles, notes = full.fill(articles, known=importer.known, cancelled=cancelled)
    imported = importer.take_articles(articles, [*parsed.problems, *notes])
    store.add_members(url, [a.id for a in imported.added])
    outcome.added = imported.added
    outcome.added_ids = [a.id for a in imported.added]
    outcome.already = len(imported.duplicates)
    repaired = next((p.message for p in parsed.problems if not p.skipped and str(p.path) == url
                     and "well-formed" in p.message), None)
    outcome.note = repaired
    store.record_success(url, etag=result.etag, modified=result.modified, title=parsed.title, link=parsed.link,
                         problem=repaired)
    total.added += imported.added
    total.duplicates += imported.duplicates
    total.problems += imported.problems
    total.notes += imported.notes
    return outcome


def result_to_json(result: FeedResult) -> dict:
    """One feed's outcome as JSON (for ``reader refresh --jsonl``, read by the app)."""
    return {"url": result.url, "title": result.title, "added_ids": result.added_ids, "unchanged": result.unchanged,
            "already": result.already, "error": result.error, "note": result.note, "moved_from": result.moved_from}


def result_from_json(data: dict) -> FeedResult:
    ids = data.get("added_ids") or []
    return FeedResult(str(data.get("url") or ""), str(data.get("title") or ""),
                      added_ids=[str(i) for i in ids] if isinstance(ids, list) else [],
                      unchanged=bool(data.get("unchanged")), already=_count(data.get("already")),
                      error=data.get("error") or None,
                      note=data.get("note") or None, moved_from=data.get("moved_from") or None)


def _count(value: object) -> int:
    """A count read from JSON: a whole number, else 0."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0
