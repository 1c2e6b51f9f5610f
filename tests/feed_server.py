"""A feed server on 127.0.0.1 for the tests and the bench: real HTTP, misbehaving on demand.

It serves the feed files of a folder under ``/feeds/NAME`` with an ETag (a hash of the
bytes) and Last-Modified (the file's time), answers conditional requests with 304, and
gzips when asked. Other paths misbehave the way real servers do:

``/moved/NAME`` 301 to ``/feeds/NAME``; ``/temporary/NAME`` 302 to it; ``/loop/a`` and
``/loop/b`` redirect to each other; ``/missing`` 404; ``/error`` 500; ``/stall`` sends
headers and then nothing; ``/stall-first`` sends nothing at all; ``/huge`` a 50 MB body
with its length, ``/huge-unannounced`` 50 MB without one; ``/bomb`` 2 GB of XML gzipped
to about 2 MB (Content-Encoding: gzip); ``/invalid`` XML that is not well-formed.

Every request is recorded (path and headers), so a test can check what a client sent.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HUGE_BYTES = 50 * 1024 * 1024
BOMB_UNPACKED = 2 * 1024**3
STALL_SECONDS = 30.0
_BOMB: bytes | None = None
_BOMB_LOCK = threading.Lock()


def gzip_bomb() -> bytes:
    """2 GB of one repeated XML line, gzipped: one 1 MB gzip member, repeated (a valid
    multi-member gzip stream, made in a moment)."""
    global _BOMB
    with _BOMB_LOCK:
        if _BOMB is None:
            block = b"<item><title>again</title></item>\n" * 30_000  # about 1 MB
            member = gzip.compress(block, 9, mtime=0)
            head = gzip.compress(b'<?xml version="1.0"?><rss version="2.0"><channel>', 9, mtime=0)
            _BOMB = head + member * (BOMB_UNPACKED // len(block))
        return _BOMB


def rss(title: str, items: list[tuple[str, str]], *, link: str = "http://news.example/") -> bytes:
    """A small RSS 2.0 feed: (slug, title) per item."""
    entries = "".join(
        f"<item><title>{t}</title><link>{link}{slug}</link><guid>{link}{slug}</guid>"
        f"<description>&lt;p&gt;Story about {t}. See &lt;a href=\"{link}{slug}/more\"&gt;more&lt;/a&gt;.&lt;/p&gt;"
        f"</description><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>"
        for slug, t in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>{link}</link>{entries}</channel></rss>").encode()


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    status: int | None = None
    """What the server answered (None: nothing, it stalled)."""
    body_bytes: int = 0
    """Body bytes the server sent in its answer."""

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)


@dataclass
class FeedServer:
    """The running server: its base URL, the folder it serves, what it received."""

    folder: Path
    base: str = ""
    requests: list[Request] = field(default_factory=list)
    pages: dict[str, tuple[int, str, bytes]] = field(default_factory=dict)
    """Extra answers by path: (status, content type, body)."""
    stopping: threading.Event = field(default_factory=threading.Event)
    latency: float = 0.0
    """Seconds each feed answer waits first (a distant server, for the bench)."""
    _lock: threading.Lock = field(default_factory=threading.Lock)
    bytes_sent: int = 0

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def feed_url(self, name: str) -> str:
        return f"{self.base}/feeds/{name}"

    def received(self, prefix: str = "") -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path.startswith(prefix)]

    def clear(self) -> None:
        with self._lock:
            self.requests.clear()
            self.bytes_sent = 0

    def _record(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    def _sent(self, count: int) -> None:
        with self._lock:
            self.bytes_sent += count


def _handler(server: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def send_response(self, code: int, message: str | None = None) -> None:
            self._request.status = code
            super().send_response(code, message)

        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            if self.path == "/_stats":  # what it received, for a client in another process (the bench)
                with server._lock:
                    stats = {"requests": len(server.requests), "bytes_sent": server.bytes_sent,
                             "conditional": sum(1 for r in server.requests if r.header("If-None-Match")),
                             "not_modified": sum(1 for r in server.requests if r.status == 304)}
                self._request = Request(self.path, {})
                self._send(200, json.dumps(stats).encode(), "application/json")
                return
            if self.path == "/_clear":
                server.clear()
                self._request = Request(self.path, {})
                self._send(200, b"{}", "application/json")
                return
            self._request = Request(self.path, dict(self.headers.items()))
            server._record(self._request)
            path = self.path.split("?")[0]
            try:
                if path in server.pages:
                    status, kind, body = server.pages[path]
                    self._send(status, body, kind)
                elif path.startswith("/feeds/"):
                    self._feed(path.removeprefix("/feeds/"))
                elif path.startswith("/moved/"):
                    self._redirect(301, "/feeds/" + path.removeprefix("/moved/"))
                elif path.startswith("/temporary/"):
                    self._redirect(302, "/feeds/" + path.removeprefix("/temporary/"))
                elif path == "/loop/a":
                    self._redirect(301, "/loop/b")
                elif path == "/loop/b":
                    self._redirect(301, "/loop/a")
                elif path == "/error":
                    self._send(500, b"Internal error", "text/plain")
                elif path == "/stall":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Length", "100000")
                    self.end_headers()
                    self.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
                    self.wfile.flush()
                    server.stopping.wait(STALL_SECONDS)
                elif path == "/stall-first":
                    server.stopping.wait(STALL_SECONDS)
                elif path in ("/huge", "/huge-unannounced"):
                    self._huge(announced=path == "/huge")
                elif path == "/bomb":
                    body = gzip_bomb()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Encoding", "gzip")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self._write(body)
                elif path == "/invalid":
                    self._send(200, b'<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item>'
                                    b"<title>Cut off &nbsp; <b>here", "application/rss+xml")
                else:
                    self._send(404, b"not here", "text/plain")
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _write(self, body: bytes) -> None:
            self.wfile.write(body)
            self._request.body_bytes += len(body)
            server._sent(len(body))

        def _send(self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self._write(body)

        def _redirect(self, status: int, location: str) -> None:
            self.send_response(status)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _feed(self, name: str) -> None:
            if server.latency:
                server.stopping.wait(server.latency)
            file = server.folder / name
            if "/" in name or name.startswith(".") or not file.is_file():
                self._send(404, b"no such feed", "text/plain")
                return
            body = file.read_bytes()
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            modified = email.utils.formatdate(int(file.stat().st_mtime), usegmt=True)
            if self.headers.get("If-None-Match") == etag or (
                    not self.headers.get("If-None-Match") and self.headers.get("If-Modified-Since") == modified):
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", modified)
                self.end_headers()
                return
            headers = {"ETag": etag, "Last-Modified": modified}
            if "gzip" in (self.headers.get("Accept-Encoding") or ""):
                body = gzip.compress(body, 6, mtime=0)
                headers["Content-Encoding"] = "gzip"
            kind = "application/atom+xml" if name.endswith(".atom") else "application/rss+xml"
            self._send(200, body, kind, headers)

        def _huge(self, announced: bool) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            if announced:
                self.send_header("Content-Length", str(HUGE_BYTES))
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            block = b"<item><title>more and more</title></item>\n" * 25_000  # about 1 MB
            sent = 0
            while sent < HUGE_BYTES and not server.stopping.is_set():
                part = block[:HUGE_BYTES - sent]
                self._write(part)
                sent += len(part)

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def start(folder: Path, host: str = "127.0.0.1") -> tuple[FeedServer, _Server, threading.Thread]:
    """Start serving ``folder`` on a free port of ``host`` (a loopback address)."""
    assert host.startswith("127."), "the feed server listens on loopback addresses only"
    state = FeedServer(Path(folder))
    httpd = _Server((host, 0), _handler(state))
    state.base = f"http://{host}:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    return state, httpd, thread


def stop(state: FeedServer, httpd: _Server, thread: threading.Thread) -> None:
    state.stopping.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(5)


def serve_forever(folder: Path, hosts: list[str], latency: float = 0.0) -> None:
    """Serve ``folder`` on each loopback host until stdin closes; print each base URL first
    (the bench runs this in a process of its own, so server and client do not share a GIL)."""
    import sys

    running = []
    for host in hosts:
        state, httpd, thread = start(folder, host)
        state.latency = latency
        running.append((state, httpd, thread))
        print(state.base, flush=True)
    sys.stdin.read()
    for state, httpd, thread in running:
        stop(state, httpd, thread)


def touch_later(path: Path) -> None:
    """Give a file a newer modification time (a changed feed), even within one second."""
    later = time.time() + 5
    import os

    os.utime(path, (later, later))
