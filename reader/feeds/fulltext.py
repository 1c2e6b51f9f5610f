"""The whole story for summary-only feeds: fetched from each new entry's link, extracted
with trafilatura (the project's page extraction), cached.

A feed the person opted in (``Subscription.full_text``) often gives a sentence or two per
entry. For each entry not yet in the library, the page at its link is fetched with the
same polite client as the feeds (limits per host, timeouts, caps) and its main text
replaces the summary when it is longer. Extracted text is cached by URL in the cache
folder, so a story is fetched once even if the import is run again. A page that cannot be
fetched or read leaves the summary in place, with a note.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from reader import paths
from reader.atomic import write_atomic
from reader.feeds.http import PAGE_ACCEPT, FetchFailed, PoliteClient, host_of
from reader.feeds.schedule import run_limited
from reader.library.article import PARAGRAPH_BREAK, Article
from reader.problems import Problem

__all__ = ["FullStories"]

CACHE_FOLDER = "full-stories"


class FullStories:
    """Fills in the whole text of summary-only entries (cached in the cache folder)."""

    def __init__(self, client: PoliteClient, cache_dir: Path | None = None) -> None:
        self.client = client
        self.cache_dir = cache_dir if cache_dir is not None else paths.cache_dir() / CACHE_FOLDER
        self.fetched = 0
        """Pages fetched (not found in the cache) so far."""

    def _cache_file(self, url: str) -> Path:
        return self.cache_dir / (hashlib.sha1(url.encode("utf-8")).hexdigest() + ".txt")

    def cached(self, url: str) -> str | None:
        try:
            return self._cache_file(url).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def fill(self, articles: Sequence[Article], *, known: Callable[[Article], bool] = lambda a: False,
             cancelled: Callable[[], bool] | None = None) -> tuple[list[Article], list[Problem]]:
        """The articles with their whole text where it could be had, and notes on the rest."""
        out = list(articles)
        wanted = [i for i, a in enumerate(out) if a.url and a.url.lower().startswith(("http://", "https://"))
                  and not known(a)]
        notes: list[Problem] = []
        to_fetch = []
        for index in wanted:
            text = self.cached(out[index].url)
            if text is not None:
                out[index] = _with_body(out[index], text)
            else:
                to_fetch.append(index)
        results = run_limited(to_fetch, lambda i: self._extract(out[i].url), host_of=lambda i: host_of(out[i].url),
                              overall=self.client.politeness.overall, per_host=self.client.politeness.per_host,
                              cancelled=cancelled)
        for index, result in results:
            if isinstance(result, BaseException):
                reason = str(result) if isinstance(result, FetchFailed) else f"{type(result).__name__}: {result}"
                notes.append(Problem(out[index].url, f"the whole story could not be fetched ({reason}); "
                                                     f"the feed's summary is kept", skipped=False))
                continue
            try:
                write_atomic(self._cache_file(out[index].url), result, durable=False)
            except OSError:
                pass  # only a cache
            out[index] = _with_body(out[index], result)
        return out, notes

    def _extract(self, url: str) -> str:
        from reader.loaders.feed import unpack
        from reader.loaders.html import page_article

        got = self.client.get(url, accept=PAGE_ACCEPT)
        self.fetched += 1
        loaded = page_article(unpack(got.data), url, "page", url=got.url)
        if not loaded.articles:
            reason = loaded.problems[0].message if loaded.problems else "no story text found"
            raise FetchFailed(reason.removesuffix("; skipped"))
        return loaded.articles[0].body


def _with_body(article: Article, text: str) -> Article:
    """The article with ``text`` as its body when that says more than the summary."""
    if len(text.strip()) <= len(article.body.strip()):
        return article
    return replace(article, body=PARAGRAPH_BREAK.join(p for p in text.split(PARAGRAPH_BREAK) if p.strip()),
                   word_count=-1)
