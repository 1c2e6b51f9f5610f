"""Fetching one URL (a feed or a page, for ``reader add``); failures become one message.

The HTTP itself is ``reader.feeds.http``'s polite client (timeouts, size caps, gzip
unpacked within a cap, redirects checked), the same one a refresh uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.feeds.http import USER_AGENT, FetchFailed, Politeness, PoliteClient

TIMEOUT_SECONDS = 20.0
MAX_BYTES = 20 * 1024 * 1024

__all__ = ["MAX_BYTES", "TIMEOUT_SECONDS", "USER_AGENT", "FetchError", "Fetched", "fetch", "is_url"]


class FetchError(Exception):
    """A URL could not be fetched; the message is one line a person can read."""


@dataclass(frozen=True)
class Fetched:
    url: str
    data: bytes
    content_type: str
    etag: str | None = None
    modified: str | None = None
    not_modified: bool = False


def is_url(text: str) -> bool:
    """True for http(s) URLs (what ``reader add`` fetches)."""
    lower = text.lower()
    return lower.startswith("http://") or lower.startswith("https://")


def fetch(url: str, *, etag: str | None = None, modified: str | None = None,
          timeout: float = TIMEOUT_SECONDS) -> Fetched:
    """GET the URL; raise ``FetchError`` with a short reason on any failure."""
    politeness = Politeness(connect_timeout=timeout, read_timeout=timeout, deadline=max(60.0, 3 * timeout),
                            max_bytes=MAX_BYTES)
    with PoliteClient(politeness) as client:
        try:
            got = client.get(url, etag=etag, modified=modified)
        except FetchFailed as error:
            raise FetchError(f"{url}: {error}") from None
    return Fetched(got.url, got.data, got.content_type, got.etag, got.modified, got.not_modified)
