"""The polite HTTP client against a real server on 127.0.0.1 that misbehaves on demand:
conditional GET, gzip, redirects (301 remembered, loops named), errors, stalls, huge and
gzip-bombed bodies. Each failure is one line; nothing here needs ../shared."""

from __future__ import annotations

import threading
import time

import pytest

from reader.feeds.http import FetchFailed, Politeness, PoliteClient
from reader.feeds.schedule import run_limited
from tests.feed_server import HUGE_BYTES, rss

FAST = Politeness(connect_timeout=2, read_timeout=0.5, deadline=5, max_bytes=10 * 2**20)


@pytest.fixture
def served(feed_server):
    (feed_server.folder / "news.xml").write_bytes(rss("Local News", [("a", "Alpha"), ("b", "Beta")]))
    return feed_server


def test_conditional_get_gets_a_304_the_second_time(served):
    with PoliteClient(FAST) as client:
        first = client.get(served.feed_url("news.xml"))
        assert b"Alpha" in first.data and first.etag and first.modified
        second = client.get(served.feed_url("news.xml"), etag=first.etag, modified=first.modified)
    assert second.not_modified and second.data == b""
    sent = served.received("/feeds/news.xml")
    assert sent[0].header("If-None-Match") is None
    assert sent[1].header("If-None-Match") == first.etag
    assert sent[1].header("If-Modified-Since") == first.modified
    assert all("gzip" in r.header("Accept-Encoding") for r in sent)
    assert all(r.header("User-Agent").startswith("reader/") for r in sent)


def test_gzip_is_asked_for_and_unpacked(served):
    with PoliteClient(FAST) as client:
        got = client.get(served.feed_url("news.xml"))
    assert got.data.startswith(b"<?xml") and got.bytes_read < len(got.data)


def test_a_permanent_redirect_gives_the_new_address_and_a_temporary_one_does_not(served):
    with PoliteClient(FAST) as client:
        moved = client.get(served.url("/moved/news.xml"))
        temporary = client.get(served.url("/temporary/news.xml"))
    assert moved.moved_to == served.feed_url("news.xml") and b"Alpha" in moved.data
    assert temporary.moved_to is None and b"Alpha" in temporary.data


@pytest.mark.parametrize(("path", "message"), [
    ("/loop/a", "redirect loop (/loop/a → /loop/b → /loop/a)"),
    ("/missing", "the server answered 404 Not Found"),
    ("/error", "the server answered 500 Internal Server Error"),
    ("/stall", "the server stalled (nothing for 0.5 s)"),
    ("/stall-first", "no answer within 0.5 s (the server stalled)"),
    ("/huge", "the answer is 50 MB, over the 10 MB limit; not read"),
    ("/huge-unannounced", "larger than 10 MB; stopped reading"),
    ("/bomb", "the body unpacks to more than 10 MB (a gzip bomb?); not read"),
])
def test_each_failure_is_one_line(served, path, message):
    with PoliteClient(FAST) as client, pytest.raises(FetchFailed) as failed:
        client.get(served.url(path))
    assert str(failed.value) == message
    assert "\n" not in str(failed.value)


def test_a_huge_body_is_not_read_past_the_cap(served):
    with PoliteClient(FAST) as client:
        with pytest.raises(FetchFailed):
            client.get(served.url("/huge-unannounced"))
        assert client.counters.bytes_read <= FAST.max_bytes + 64 * 1024
        assert client.counters.bytes_read < HUGE_BYTES // 4


def test_a_trickling_server_meets_the_deadline(served):
    body = rss("Slow", [("s", "Slow")])
    served.pages["/slow"] = (200, "application/rss+xml", body)
    slow = Politeness(connect_timeout=2, read_timeout=2, deadline=0.0, max_bytes=2**20)
    with PoliteClient(slow) as client, pytest.raises(FetchFailed, match="too slow"):
        client.get(served.url("/slow"))


def test_nothing_listening_is_one_line():
    with PoliteClient(FAST) as client, pytest.raises(FetchFailed, match=r"^cannot connect \("):
        client.get("http://127.0.0.1:9/feed.xml")


def test_a_feed_file_is_read_and_unchanged_costs_nothing(tmp_path):
    feed = tmp_path / "local.xml"
    feed.write_bytes(rss("Local", [("a", "Alpha")]))
    with PoliteClient(FAST) as client:
        first = client.get(feed.as_uri())
        again = client.get(feed.as_uri(), etag=first.etag)
        with pytest.raises(FetchFailed, match="no such file"):
            client.get((tmp_path / "gone.xml").as_uri())
    assert b"Alpha" in first.data and again.not_modified


def test_limits_per_host_and_overall():
    active: dict[str, int] = {}
    peak: dict[str, int] = {}
    overall = [0, 0]
    lock = threading.Lock()

    def work(item: tuple[str, int]) -> int:
        host = item[0]
        with lock:
            active[host] = active.get(host, 0) + 1
            peak[host] = max(peak.get(host, 0), active[host])
            overall[0] += 1
            overall[1] = max(overall[1], overall[0])
        time.sleep(0.02)
        with lock:
            active[host] -= 1
            overall[0] -= 1
        return item[1]

    items = [(f"host{n % 3}", n) for n in range(30)]
    results = list(run_limited(items, work, host_of=lambda item: item[0], overall=4, per_host=1))
    assert sorted(r for _, r in results) == list(range(30))
    assert max(peak.values()) == 1 and overall[1] <= 3
    items = [("one", n) for n in range(12)]
    list(run_limited(items, work, host_of=lambda item: item[0], overall=8, per_host=2))
    assert peak["one"] == 2


def test_an_error_comes_back_with_its_item_and_cancelling_starts_nothing_more():
    def work(n: int) -> int:
        if n == 3:
            raise ValueError("three")
        time.sleep(0.01)
        return n

    results = dict(run_limited(range(6), work, host_of=lambda n: "h", overall=2, per_host=2))
    assert isinstance(results[3], ValueError) and results[5] == 5
    stop = threading.Event()
    seen = []
    for item, _ in run_limited(range(50), work, host_of=lambda n: "", overall=2, cancelled=stop.is_set):
        seen.append(item)
        stop.set()
    assert len(seen) < 10
