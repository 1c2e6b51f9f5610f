"""A client for Wikipedia's REST APIs over httpx: page search and page summaries.

- ``search``: the Core REST API's page search, ``GET {base}/w/rest.php/v1/search/page?q=&limit=``,
  answering ``{"pages": [{"key", "title", "description", "excerpt", ...}]}``;
- ``summary``: the REST content API, ``GET {base}/api/rest_v1/page/summary/{title}``,
  answering ``{"type": "standard" | "disambiguation" | ..., "title", "description",
  "extract", "content_urls": {"desktop": {"page"}}, "timestamp", ...}``.

Polite as Wikimedia asks: a User-Agent naming reader and how to reach it, timeouts, at
most ``rate`` requests a second across threads, a 429's ``Retry-After`` honoured, and
answers cached on disk (``paths.cache_dir()/wikipedia``) so asking twice costs nothing.
Every failure is a ``WikipediaError`` whose message is one plain line.
"""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import httpx

from reader import __version__, paths
from reader.atomic import write_atomic

DEFAULT_BASE_URL = "https://{language}.wikipedia.org"
USER_AGENT = (f"reader/{__version__} (terminal news reader; looks up an entity when its user asks) "
              f"httpx/{httpx.__version__}")
TIMEOUT = httpx.Timeout(8.0, connect=4.0)
MAX_BYTES = 2 * 1024 * 1024
CACHE_SECONDS = 14 * 24 * 3600


class WikipediaError(Exception):
    """A look-up failed; the message is one line a person can read."""


@dataclass(frozen=True)
class Candidate:
    """A page that may be about the entity."""

    title: str
    description: str = ""
    excerpt: str = ""


@dataclass(frozen=True)
class Summary:
    """A page's summary as the REST API gives it."""

    title: str
    kind: str  # "standard", "disambiguation", "no-extract", ...
    description: str
    extract: str
    url: str
    timestamp: str = ""


class _RateLimit:
    """At most ``rate`` requests a second, shared by every client of the process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.next_at = 0.0
        self.blocked_until = 0.0

    def wait(self, rate: float) -> None:
        with self.lock:
            now = time.monotonic()
            if now < self.blocked_until:
                raise WikipediaError(f"Wikipedia asked reader to slow down; try again in "
                                     f"{int(self.blocked_until - now) + 1} s")
            delay = self.next_at - now
            self.next_at = max(now, self.next_at) + 1.0 / rate
        if delay > 0:
            time.sleep(delay)


LIMIT = _RateLimit()


class WikipediaClient:
    """Search and summaries from one wiki (``base_url``, ``{language}`` filled in)."""

    def __init__(self, *, language: str = "en", base_url: str = DEFAULT_BASE_URL, rate: float = 5.0,
                 cache_dir: Path | None = None, timeout: httpx.Timeout | float = TIMEOUT) -> None:
        self.language = language
        self.base_url = base_url.format(language=language).rstrip("/")
        self.rate = rate
        self.cache_dir = cache_dir if cache_dir is not None else paths.cache_dir() / "wikipedia"
        self._http = httpx.Client(headers={"User-Agent": USER_AGENT, "Accept": "application/json",
                                           "Api-User-Agent": USER_AGENT},
                                  timeout=timeout, follow_redirects=True)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> WikipediaClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- the two calls ------------------------------------------------------------------

    def search(self, query: str, limit: int = 8) -> list[Candidate]:
        """Pages whose title or text match ``query``, best first."""
        data = self._get_json("/w/rest.php/v1/search/page", {"q": query, "limit": str(limit)},
                              missing=f"no Wikipedia search at {self.base_url} (it answered 404): "
                                      "check background: base_url in config.yaml")  # (a search is never missing)
        pages = data.get("pages") if isinstance(data, dict) else None
        if not isinstance(pages, list):
            raise WikipediaError("Wikipedia's search answer was not understood")
        found = []
        for page in pages:
            if isinstance(page, dict) and isinstance(page.get("title"), str):
                found.append(Candidate(page["title"], _plain(page.get("description")), _plain(page.get("excerpt"))))
        return found

    def summary(self, title: str, *, fresh: bool = False) -> Summary:
        """The summary of the page ``title`` (redirects followed; ``fresh``: not from the cache)."""
        data = self._get_json("/api/rest_v1/page/summary/" + quote(title.replace(" ", "_"), safe=""), {},
                              fresh=fresh, missing=f"Wikipedia has no page {title!r}")
        if not isinstance(data, dict) or not isinstance(data.get("title"), str):
            raise WikipediaError(f"Wikipedia's summary of {title!r} was not understood")
        urls = data.get("content_urls") if isinstance(data.get("content_urls"), dict) else {}
        desktop = urls.get("desktop") if isinstance(urls.get("desktop"), dict) else {}
        url = desktop.get("page") or f"{self.base_url}/wiki/{quote(data['title'].replace(' ', '_'))}"
        return Summary(data["title"], str(data.get("type") or "standard"), _plain(data.get("description")),
                       _plain(data.get("extract")), str(url), str(data.get("timestamp") or ""))

    # -- transport ------------------------------------------------------------------------

    def _get_json(self, path: str, params: dict[str, str], *, fresh: bool = False,
                  missing: str = "Wikipedia has no such page"):
        url = self.base_url + path
        key = hashlib.blake2b(json.dumps([url, sorted(params.items())]).encode(), digest_size=12).hexdigest()
        cached = None if fresh else self._cached(key)
        if cached is not None:
            return cached
        LIMIT.wait(self.rate)
        try:
            response = self._http.get(url, params=params or None)
        except httpx.TimeoutException:
            raise WikipediaError(f"Wikipedia did not answer in time ({self.base_url})") from None
        except httpx.HTTPError as error:
            raise WikipediaError(f"cannot reach Wikipedia ({self.base_url}): {_reason(error)}") from None
        if response.status_code == 404:
            raise WikipediaError(missing)
        if response.status_code == 429:
            retry = _seconds(response.headers.get("Retry-After"))
            LIMIT.blocked_until = time.monotonic() + retry
            raise WikipediaError(f"Wikipedia asked reader to slow down (429); try again in {retry} s")
        if response.status_code >= 400:
            raise WikipediaError(f"Wikipedia answered {response.status_code} {response.reason_phrase}")
        if len(response.content) > MAX_BYTES:
            raise WikipediaError("Wikipedia's answer was too large; not read")
        try:
            data = response.json()
        except ValueError:
            raise WikipediaError("Wikipedia's answer was not JSON") from None
        self._store(key, data)
        return data

    def _cached(self, key: str):
        path = self.cache_dir / f"{key}.json"
        try:
            if time.time() - path.stat().st_mtime > CACHE_SECONDS:
                return None
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _store(self, key: str, data) -> None:
        try:
            write_atomic(self.cache_dir / f"{key}.json", json.dumps(data, ensure_ascii=False), durable=False)
        except OSError:
            pass  # no cache is no failure


def _plain(value) -> str:
    """Text from an API field (search excerpts mark matches with <span>; those go)."""
    import re

    from reader.text import make_safe

    text = value if isinstance(value, str) else ""
    return make_safe(" ".join(re.sub(r"<[^>]{0,200}>", "", text).split()))


def _seconds(value: str | None) -> int:
    try:
        return max(1, min(3600, int(value or 60)))
    except ValueError:
        return 60


def _reason(error: Exception) -> str:
    """What went wrong with a connection, in words: the system's own error text for a name
    that cannot be looked up ("[Errno -2] Name or service not known") says little."""
    cause: BaseException | None = error
    seen: set[int] = set()
    while cause is not None and id(cause) not in seen:  # a chain may loop back
        seen.add(id(cause))
        if isinstance(cause, socket.gaierror):
            return "its name cannot be looked up: no network, or no name server"
        if isinstance(cause, ConnectionRefusedError):
            return "the connection was refused"
        cause = cause.__cause__ or cause.__context__
    text = str(error).strip().splitlines()
    return text[0] if text and text[0] else type(error).__name__
