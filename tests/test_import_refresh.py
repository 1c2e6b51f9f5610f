"""Feeds and pages from URLs, remembered feeds and ``reader refresh``, served from 127.0.0.1."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from tests.conftest import needs_shared

from reader.cli import main
from reader.library.state import StateStore


def _rss(items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>http://news.example/{slug}</link>"
        f"<description>&lt;p&gt;Story about {title}.&lt;/p&gt;</description>"
        f"<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>"
        for slug, title in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local News</title>'
            f"<link>http://news.example/</link>{entries}</channel></rss>").encode()


class _Site:
    """What the local server answers: path -> (status, content type, body)."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}
        self.requests: list[str] = []


@pytest.fixture
def site() -> Iterator[tuple[_Site, str]]:
    state = _Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            state.requests.append(self.path)
            status, kind, body = state.pages.get(self.path, (404, "text/plain", b"not here"))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_feed_url_is_remembered_and_refresh_adds_only_new_entries(reader_home: Path, site, capsys) -> None:
    state, base = site
    state.pages["/feed.xml"] = (200, "application/rss+xml", _rss([("a", "Alpha"), ("b", "Beta")]))
    assert main(["add", f"{base}/feed.xml"]) == 0
    out, _ = capsys.readouterr()
    assert f"Remembered feed {base}/feed.xml" in out
    assert "2 articles added" in out and "feed file" not in out  # followed by its URL, not read once
    with StateStore() as store:
        assert [(f.url, f.title) for f in store.feeds()] == [(f"{base}/feed.xml", "Local News")]
    state.pages["/feed.xml"] = (200, "application/rss+xml", _rss([("a", "Alpha"), ("b", "Beta"), ("c", "Gamma")]))
    assert main(["refresh"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == "1 feed: 1 new story."  # as the app's R says it
    assert err == ""
    assert main(["refresh"]) == 0
    out, _ = capsys.readouterr()  # nothing new: said so, not "no article files there" (a new user's pass)
    assert out.strip().startswith("1 feed: 0 new stories") and "article files" not in out
    assert main(["refresh", "--list"]) == 0
    assert f"{base}/feed.xml  Local News" in capsys.readouterr().out
    assert main(["list", "--json"]) == 0
    titles = sorted(row["title"] for row in __import__("json").loads(capsys.readouterr().out))
    assert titles == ["Alpha", "Beta", "Gamma"]


def test_gzip_feed_bytes_and_a_page_from_urls(reader_home: Path, site, capsys) -> None:
    state, base = site
    state.pages["/compressed.xml"] = (200, "text/xml", needs_shared("data", "feeds", "compressed.xml").read_bytes())
    state.pages["/story.html"] = (200, "text/html; charset=utf-8",
                                  needs_shared("data", "html", "cnn", "source.html").read_bytes())
    assert main(["add", f"{base}/compressed.xml", f"{base}/story.html"]) == 0
    out, _ = capsys.readouterr()
    assert "11 articles added" in out
    with StateStore() as store:
        assert [f.url for f in store.feeds()] == [f"{base}/compressed.xml"]  # the page is not a feed


def test_network_errors_are_one_line_each(reader_home: Path, site, capsys) -> None:
    state, base = site
    state.pages["/feed.xml"] = (200, "application/rss+xml", _rss([("a", "Alpha")]))
    assert main(["add", f"{base}/feed.xml"]) == 0
    capsys.readouterr()
    state.pages["/feed.xml"] = (500, "text/plain", b"boom")
    assert main(["refresh"]) == 1
    out, err = capsys.readouterr()
    assert err == f"reader: {base}/feed.xml: the server answered 500 Internal Server Error\n"
    assert "Traceback" not in out + err
    # A port where nothing listens: connection refused, one message.
    assert main(["add", "http://127.0.0.1:9/feed.xml"]) == 1
    out, err = capsys.readouterr()
    assert err.startswith("reader: http://127.0.0.1:9/feed.xml: cannot connect (")
    assert err.count("\n") == 1
    assert main(["add", f"{base}/missing.xml"]) == 1
    assert "the server answered 404" in capsys.readouterr().err


def test_a_url_that_is_neither_feed_nor_page(reader_home: Path, site, capsys) -> None:
    state, base = site
    state.pages["/data.bin"] = (200, "application/octet-stream", b"\x00\x01binary")
    assert main(["add", f"{base}/data.bin"]) == 1
    assert "neither a feed nor a web page (application/octet-stream)" in capsys.readouterr().err


async def test_refresh_key_in_the_app(site, capsys) -> None:
    from reader.app import ReaderApp
    from reader.widgets.article_list import ArticleList

    state, base = site
    state.pages["/feed.xml"] = (200, "application/rss+xml", _rss([("a", "Alpha")]))
    assert main(["add", f"{base}/feed.xml"]) == 0
    state.pages["/feed.xml"] = (200, "application/rss+xml", _rss([("a", "Alpha"), ("b", "Beta")]))
    from reader.paths import config_dir

    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "config.yaml").write_text("refresh: {on_start: false}\n")  # R does it here
    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(200):
            await pilot.pause(0.02)
            if app.screen.column.article is not None:
                break
        article_list = app.query_one(ArticleList)
        assert [a.title for a in article_list.visible_articles] == ["Alpha"]
        await pilot.press("R")
        for _ in range(200):
            await pilot.pause(0.02)
            if len(article_list.visible_articles) == 2:
                break
        assert sorted(a.title for a in article_list.visible_articles) == ["Alpha", "Beta"]
        assert article_list.border_subtitle == "2 articles · 2 unread · 1 new"  # opened is not read yet


def test_refresh_fails_when_a_feed_fails_though_another_answered(reader_home: Path, site, capsys) -> None:
    """12 of 13 feeds failed and ``reader refresh`` exited 0, as one had answered (a new user's
    pass): a script could not tell. Any failed feed makes the run exit 1."""
    state, base = site
    state.pages["/feed.xml"] = (200, "application/rss+xml", _rss([("a", "Alpha")]))
    state.pages["/other.xml"] = (200, "application/rss+xml", _rss([("b", "Beta")]))
    assert main(["add", f"{base}/feed.xml", f"{base}/other.xml"]) == 0
    capsys.readouterr()
    state.pages["/other.xml"] = (500, "text/plain", b"boom")
    assert main(["refresh"]) == 1
    out, err = capsys.readouterr()
    assert "2 feeds:" in out and "1 failed" in out and "500 Internal Server Error" in err
    state.pages["/other.xml"] = (200, "application/rss+xml", _rss([("b", "Beta")]))
    assert main(["refresh"]) == 0
