"""A local stand-in for Wikipedia's REST APIs (127.0.0.1 only), started and stopped by tests.

It answers ``/w/rest.php/v1/search/page?q=`` and ``/api/rest_v1/page/summary/TITLE`` in the
documented formats from the pages it is given, and can be told to answer 429, 500, bad
JSON or nothing at all. It records every request (path and headers)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlparse


def summary_json(title: str, description: str, extract: str, kind: str = "standard") -> dict:
    key = title.replace(" ", "_")
    return {"type": kind, "title": title, "displaytitle": title, "description": description,
            "extract": extract, "timestamp": "2026-10-01T12:00:00Z", "lang": "en",
            "titles": {"canonical": key, "normalized": title, "display": title},
            "content_urls": {"desktop": {"page": f"https://en.wikipedia.org/wiki/{key}"},
                             "mobile": {"page": f"https://en.m.wikipedia.org/wiki/{key}"}}}


class WikiServer:
    """``pages``: title -> (description, extract, kind); ``mode``: "ok", "429", "500",
    "garbage", "slow"."""

    def __init__(self, pages: dict[str, tuple[str, str, str]]) -> None:
        self.pages = pages
        self.mode = "ok"
        self.requests: list[tuple[str, dict]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                server.requests.append((self.path, dict(self.headers)))
                if server.mode == "slow":
                    time.sleep(1.5)
                if server.mode == "429":
                    return self._send(429, {"title": "Too many requests"}, {"Retry-After": "30"})
                if server.mode == "500":
                    return self._send(500, {"title": "oops"})
                if server.mode == "garbage":
                    return self._raw(200, b"<html>not json")
                url = urlparse(self.path)
                if url.path == "/w/rest.php/v1/search/page":
                    query = parse_qs(url.query).get("q", [""])[0].casefold()
                    hits = [{"id": n, "key": t.replace(" ", "_"), "title": t, "excerpt": extract[:80],
                             "matched_title": None, "description": description, "thumbnail": None}
                            for n, (t, (description, extract, _)) in enumerate(server.pages.items())
                            if any(word in t.casefold() for word in query.split())]
                    return self._send(200, {"pages": hits})
                if url.path.startswith("/api/rest_v1/page/summary/"):
                    title = unquote(url.path.rsplit("/", 1)[1]).replace("_", " ")
                    if title not in server.pages:
                        return self._send(404, {"type": "https://mediawiki.org/wiki/HyperSwitch/errors/not_found",
                                                "title": "Not found.", "method": "get"})
                    description, extract, kind = server.pages[title]
                    return self._send(200, summary_json(title, description, extract, kind))
                return self._send(404, {"title": "Not found."})

            def _send(self, status: int, data: dict, headers: dict | None = None) -> None:
                self._raw(status, json.dumps(data).encode(), headers)

            def _raw(self, status: int, body: bytes, headers: dict | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> WikiServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
