"""Fetching a URL (a feed or a page) with the standard library; failures become one message."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

from reader import __version__

TIMEOUT_SECONDS = 20.0
MAX_BYTES = 20 * 1024 * 1024
USER_AGENT = f"reader/{__version__} (terminal news reader)"


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
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, "
               "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise FetchError(f"{url}: larger than {MAX_BYTES // (1024 * 1024)} MB; not read")
            info = response.headers
            return Fetched(response.geturl(), data, info.get("Content-Type", ""),
                           info.get("ETag"), info.get("Last-Modified"))
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(url, b"", "", etag, modified, not_modified=True)
        raise FetchError(f"{url}: the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, socket.timeout | TimeoutError):
            raise FetchError(f"{url}: no answer within {timeout:g} s") from None
        text = getattr(reason, "strerror", None) or str(reason)
        raise FetchError(f"{url}: cannot connect ({text})") from None
    except (TimeoutError, socket.timeout):
        raise FetchError(f"{url}: no answer within {timeout:g} s") from None
    except (OSError, ValueError) as error:
        raise FetchError(f"{url}: {getattr(error, 'strerror', None) or error}") from None
