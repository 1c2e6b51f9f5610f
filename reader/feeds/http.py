"""Fetching feeds politely: conditional GET, gzip, timeouts, size caps, redirects checked.

One ``PoliteClient`` per refresh keeps connections alive per host (urllib3's pools). Each
``get`` sends ``If-None-Match`` / ``If-Modified-Since`` when it has them, so an unchanged
feed costs a 304 and no body; asks for gzip and unpacks it itself, a chunk at a time,
refusing more than ``max_bytes`` on the wire or unpacked (a gzip bomb stops at the cap);
gives up on a server that stalls (``read_timeout`` between bytes) or trickles (``deadline``
for the whole answer); follows at most ``max_redirects`` redirects, names a loop, and says
when every hop was permanent (301/308) so the caller can remember the new address.

Every failure is a ``FetchFailed`` whose message is one line a person can read. ``file://``
addresses are read from disk (a feed file subscribed to), with the file's size and
modification time as its ETag, so an unchanged file costs nothing either.
"""

from __future__ import annotations

import os
import threading
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import getproxies, proxy_bypass

import urllib3
from urllib3.exceptions import (ConnectTimeoutError, HTTPError, LocationParseError, NameResolutionError,
                                NewConnectionError, ProtocolError, ReadTimeoutError, SSLError)

from reader import __version__

__all__ = ["FEED_ACCEPT", "FetchFailed", "Politeness", "PoliteClient", "Response", "USER_AGENT", "host_of"]

USER_AGENT = f"reader/{__version__} (terminal news reader; polite: conditional requests, gzip)"
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, "
               "text/html;q=0.5, */*;q=0.3")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
CHUNK = 64 * 1024
_REDIRECTS = (301, 302, 303, 307, 308)
_PERMANENT = (301, 308)


class FetchFailed(Exception):
    """A URL could not be fetched; the message is one line a person can read."""


@dataclass(frozen=True)
class Politeness:
    """How patient and how gentle a client is."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    """Seconds without a byte before a stalled server is given up on."""
    deadline: float = 60.0
    """Seconds for a whole answer (a server trickling bytes cannot hold a refresh forever)."""
    max_bytes: int = 10 * 1024 * 1024
    """Most bytes taken on the wire, and most bytes once unpacked."""
    max_redirects: int = 5
    per_host: int = 2
    overall: int = 8


@dataclass(frozen=True)
class Response:
    """What a fetch gave."""

    url: str
    """The address the body came from (after redirects)."""
    data: bytes = b""
    content_type: str = ""
    etag: str | None = None
    modified: str | None = None
    not_modified: bool = False
    moved_to: str | None = None
    """The new address when every redirect was permanent (301/308): remember this one."""
    bytes_read: int = 0
    """Body bytes taken from the wire (before unpacking)."""
    status: int = 200


@dataclass
class Counters:
    """What a client sent and received (for the bench and the tests)."""

    requests: int = 0
    bytes_read: int = 0
    not_modified: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, *, requests: int = 0, bytes_read: int = 0, not_modified: int = 0) -> None:
        with self._lock:
            self.requests += requests
            self.bytes_read += bytes_read
            self.not_modified += not_modified


def host_of(url: str) -> str:
    """The host a URL is served from (what per-host limits count); "" for files."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return (parts.netloc or "").lower() if parts.scheme in ("http", "https") else ""


def _megabytes(count: int) -> str:
    return f"{count / 2**20:.0f} MB" if count >= 2**20 else f"{count / 1024:.0f} KB"


class _Unpacker:
    """Content-Encoding gzip/deflate undone a chunk at a time, never past ``limit`` bytes."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.encoding = encoding
        self.limit = limit
        self.out = bytearray()
        self._z = self._new() if encoding else None

    def _new(self):  # noqa: ANN202 (zlib's decompressobj has no public type)
        if self.encoding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return zlib.decompressobj()  # deflate (zlib-wrapped; a raw stream is tried below)

    def feed(self, data: bytes) -> None:
        if self._z is None:
            self.out += data
        else:
            while data:
                try:
                    self.out += self._z.decompress(data, self.limit + 1 - len(self.out))
                except zlib.error:
                    if self.encoding == "deflate" and not self.out:
                        self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                        self.out += self._z.decompress(data, self.limit + 1 - len(self.out))
                    else:
                        raise FetchFailed(f"the body says it is {self.encoding} but cannot be unpacked") from None
                if len(self.out) > self.limit or self._z.unconsumed_tail:
                    raise FetchFailed(f"the body unpacks to more than {_megabytes(self.limit)} "
                                      f"(a gzip bomb?); not read")
                data = self._z.unused_data if self._z.eof else b""
                if data:
                    self._z = self._new()  # another gzip member
        if len(self.out) > self.limit:
            raise FetchFailed(f"larger than {_megabytes(self.limit)}; not read")


class PoliteClient:
    """Fetches URLs for one refresh (thread-safe: the refresh runs several at once)."""

    def __init__(self, politeness: Politeness | None = None, *, user_agent: str = USER_AGENT) -> None:
        self.politeness = politeness or Politeness()
        self.user_agent = user_agent
        self.counters = Counters()
        pool_options = {"maxsize": self.politeness.per_host, "block": False, "retries": False}
        self._direct = urllib3.PoolManager(num_pools=64, **pool_options)
        self._proxied: dict[str, urllib3.ProxyManager] = {}
        for scheme, proxy in getproxies().items():
            if scheme in ("http", "https"):
                try:
                    self._proxied[scheme] = urllib3.ProxyManager(proxy, num_pools=64, **pool_options)
                except (ValueError, LocationParseError):
                    pass

    def close(self) -> None:
        self._direct.clear()
        for manager in self._proxied.values():
            manager.clear()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _manager(self, url: str) -> urllib3.PoolManager:
        parts = urlsplit(url)
        proxied = self._proxied.get(parts.scheme)
        if proxied is not None and not proxy_bypass(parts.hostname or ""):
            return proxied
        return self._direct

    # -- one URL ---------------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, modified: str | None = None,
            accept: str = FEED_ACCEPT) -> Response:
        """GET ``url`` (a conditional GET when ``etag`` or ``modified`` is given)."""
        if url.lower().startswith("file://"):
            return self._read_file(url, etag)
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchFailed(f"not an http(s) address ({scheme or 'no scheme'})")
        headers = {"User-Agent": self.user_agent, "Accept": accept, "Accept-Encoding": "gzip, deflate"}
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        seen = [url]
        current, permanent = url, True
        started = time.monotonic()
        for _hop in range(self.politeness.max_redirects + 1):
            response = self._open(current, headers)
            try:
                status = response.status
                if status in _REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        raise FetchFailed(f"the server answered {status} without saying where to")
                    target = urljoin(current, location.strip())
                    if urlsplit(target).scheme.lower() not in ("http", "https"):
                        raise FetchFailed(f"redirected to a non-web address ({target[:80]}); not followed")
                    if target in seen:
                        loop = " → ".join(_short(u) for u in [*seen[seen.index(target):], target])
                        raise FetchFailed(f"redirect loop ({loop})")
                    permanent = permanent and status in _PERMANENT
                    seen.append(target)
                    current = target
                    continue
                moved = current if permanent and current != url else None
                if status == 304:
                    self.counters.add(requests=0, not_modified=1)
                    return Response(current, etag=response.headers.get("ETag") or etag,
                                    modified=response.headers.get("Last-Modified") or modified,
                                    not_modified=True, moved_to=moved, status=304)
                if status >= 400 or status < 200:
                    raise FetchFailed(f"the server answered {status} {_reason(response)}".rstrip())
                data, raw = self._read_body(response, started)
                return Response(current, data, response.headers.get("Content-Type", ""),
                                response.headers.get("ETag"), response.headers.get("Last-Modified"),
                                moved_to=moved, bytes_read=raw, status=status)
            finally:
                _finish(response)
        raise FetchFailed(f"more than {self.politeness.max_redirects} redirects; gave up")

    def _open(self, url: str, headers: dict[str, str]):  # noqa: ANN202 (urllib3's BaseHTTPResponse)
        timeout = urllib3.Timeout(connect=self.politeness.connect_timeout, read=self.politeness.read_timeout)
        self.counters.add(requests=1)
        try:
            return self._manager(url).request("GET", url, headers=headers, redirect=False, retries=False,
                                              preload_content=False, decode_content=False, timeout=timeout)
        except ReadTimeoutError:
            raise FetchFailed(f"no answer within {self.politeness.read_timeout:g} s (the server stalled)") from None
        except NameResolutionError:
            raise FetchFailed(f"cannot connect (unknown host {urlsplit(url).hostname})") from None
        except NewConnectionError as error:
            reason = error.__cause__ or error.__context__
            text = getattr(reason, "strerror", None) or str(reason or error).split(": ")[-1]
            raise FetchFailed(f"cannot connect ({text})") from None
        except ConnectTimeoutError:  # after NewConnectionError, which urllib3 derives from it
            raise FetchFailed(f"no connection within {self.politeness.connect_timeout:g} s") from None
        except SSLError as error:
            raise FetchFailed(f"secure connection failed ({str(error).split(': ')[-1][:100]})") from None
        except (LocationParseError, ValueError) as error:
            raise FetchFailed(f"not a usable address ({error})") from None
        except (ProtocolError, HTTPError, OSError) as error:
            raise FetchFailed(f"the connection failed ({_first_line(error)})") from None

    def _read_body(self, response, started: float) -> tuple[bytes, int]:  # noqa: ANN001
        limit = self.politeness.max_bytes
        length = response.headers.get("Content-Length")
        if length and length.strip().isdigit() and int(length) > limit:
            response.close()
            raise FetchFailed(f"the answer is {_megabytes(int(length))}, over the {_megabytes(limit)} limit; not read")
        encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
        if encoding in ("identity", ""):
            encoding = ""
        elif encoding not in ("gzip", "x-gzip", "deflate"):
            response.close()
            raise FetchFailed(f"the answer is encoded as {encoding[:20]}, which reader cannot unpack")
        unpacker = _Unpacker(encoding, limit)
        raw = 0
        try:
            for chunk in response.stream(CHUNK, decode_content=False):
                raw += len(chunk)
                self.counters.add(bytes_read=len(chunk))
                if raw > limit:
                    raise FetchFailed(f"larger than {_megabytes(limit)}; stopped reading")
                unpacker.feed(chunk)
                if time.monotonic() - started > self.politeness.deadline:
                    raise FetchFailed(f"too slow: not finished after {self.politeness.deadline:g} s; gave up")
        except FetchFailed:
            response.close()
            raise
        except ReadTimeoutError:
            response.close()
            raise FetchFailed(f"the server stalled (nothing for {self.politeness.read_timeout:g} s)") from None
        except (ProtocolError, HTTPError, OSError) as error:
            response.close()
            raise FetchFailed(f"the answer was cut off ({_first_line(error)})") from None
        return bytes(unpacker.out), raw

    def _read_file(self, url: str, etag: str | None) -> Response:
        path = Path(unquote(urlsplit(url).path))
        try:
            stat = path.stat()
            tag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
            if etag == tag:
                return Response(url, etag=tag, not_modified=True, status=304)
            if stat.st_size > self.politeness.max_bytes:
                raise FetchFailed(f"the file is {_megabytes(stat.st_size)}, over the "
                                  f"{_megabytes(self.politeness.max_bytes)} limit; not read")
            with open(path, "rb") as handle:
                data = handle.read(self.politeness.max_bytes + 1)
        except FileNotFoundError:
            raise FetchFailed(f"no such file: {path}") from None
        except OSError as error:
            raise FetchFailed(f"cannot be read: {error.strerror or error}") from None
        return Response(url, data, "", tag, None, bytes_read=len(data))


DRAIN_AT_MOST = 64 * 1024


def _finish(response) -> None:  # noqa: ANN001 (urllib3's BaseHTTPResponse)
    """Hand the connection back for the next request: a small unread body (a redirect's, an
    error page) is read and dropped; a big one closes the connection instead."""
    try:
        if not response.closed and not response.isclosed():
            length = response.headers.get("Content-Length")
            if length is not None and length.strip().isdigit() and int(length) <= DRAIN_AT_MOST:
                response.drain_conn()
            else:
                response.close()
    except (HTTPError, OSError):
        response.close()
    response.release_conn()


def _reason(response) -> str:  # noqa: ANN001
    reason = getattr(response, "reason", None) or ""
    return " ".join(str(reason).split())[:60]


def _short(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _first_line(error: BaseException) -> str:
    text = str(error).strip().split("\n")[0] or type(error).__name__
    return text[:120]


def file_stamp(path: str | os.PathLike) -> str:
    """The ETag a feed file gets (its modification time and size)."""
    stat = os.stat(path)
    return f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
