"""``reader subscribe`` finds the feed behind an address, against a real server on 127.0.0.1:
a page's advertised feeds (relative and absolute), a page with none, a feed, a 404."""

from __future__ import annotations

from reader.cli import main
from reader.feeds.discover import advertised_feeds
from reader.feeds.store import FeedStore
from reader.library.state import StateStore
from tests.feed_server import rss


def followed() -> list[str]:
    with StateStore() as state:
        return [s.url for s in FeedStore(state).subscriptions()]


def page(links: str) -> bytes:
    return (f"<!DOCTYPE html><html><head><title>A blog</title>"
            f'<link rel="stylesheet" href="/style.css">{links}</head>'
            f"<body><p>Hello</p></body></html>").encode()


def test_a_page_is_followed_through_the_first_feed_it_advertises(feed_server, capsys):
    (feed_server.folder / "news.xml").write_bytes(rss("Local News", [("a", "Alpha"), ("b", "Beta")]))
    other = feed_server.feed_url("comments.xml")
    feed_server.pages["/blog/"] = (200, "text/html; charset=utf-8", page(
        '<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">'
        '<link rel="alternate" type="application/feed+json" href="feed.json" title="JSON">'
        '<link rel="Alternate" type="application/rss+xml" href="../feeds/news.xml" title="Posts">'
        f'<link rel="alternate" type="application/atom+xml" href="{other}" title="Comments \x1b[31m<b>">'))
    assert main(["subscribe", feed_server.url("/blog/")]) == 0
    out, err = capsys.readouterr()
    news = feed_server.feed_url("news.xml")
    assert out.splitlines() == [
        f"{feed_server.url('/blog/')} is a web page; it advertises 3 feeds.",
        f"Subscribed to {news} (Posts)",
        "Also advertised (follow one with 'reader subscribe ADDRESS'):",
        f"  {feed_server.url('/blog/feed.json')} (JSON)",
        f"  {other} (Comments \u241b[31m<b>)",  # the escape made visible
        "Local News: 2 new stories",
    ]
    assert err == ""
    assert followed() == [news]
    assert [r.path for r in feed_server.received()] == ["/blog/", "/feeds/news.xml"]


def test_a_page_without_a_feed_is_refused_and_nothing_is_stored(feed_server, capsys):
    feed_server.pages["/plain/"] = (200, "text/html", page('<link rel="alternate" hreflang="de" href="/de/">'))
    url = feed_server.url("/plain/")
    assert main(["subscribe", url]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"reader: {url}: a web page with no feed advertised; give the feed's address\n"
    assert followed() == []


def test_a_feed_is_followed_as_it_is_and_fetched_once(feed_server, capsys):
    (feed_server.folder / "news.xml").write_bytes(rss("Local News", [("a", "Alpha"), ("b", "Beta")]))
    url = feed_server.feed_url("news.xml")
    assert main(["subscribe", url]) == 0
    assert capsys.readouterr().out.splitlines() == [f"Subscribed to {url}", "Local News: 2 new stories"]
    assert followed() == [url]
    assert [r.path for r in feed_server.received()] == ["/feeds/news.xml"]


def test_an_address_that_fails_now_is_followed_and_says_why(feed_server, capsys):
    url = feed_server.url("/missing")
    assert main(["subscribe", url]) == 0
    out, err = capsys.readouterr()
    assert out == f"Subscribed to {url}\n"
    assert err == (f"reader: {url}: the server answered 404 Not Found (the feed is remembered; "
                   f"'reader refresh' tries again)\n")
    assert followed() == [url]


def test_advertised_feeds_honour_the_pages_base():
    data = page('<base href="https://cdn.example/site/">'
                '<link rel="alternate feed" type="application/rss+xml; charset=utf-8" href="rss.xml">'
                '<link rel="alternate" type="application/rss+xml" href="https://cdn.example/site/rss.xml">'
                '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">')
    found = advertised_feeds(data, "https://example.org/blog/")
    assert [(a.url, a.kind) for a in found] == [("https://cdn.example/site/rss.xml", "application/rss+xml")]
