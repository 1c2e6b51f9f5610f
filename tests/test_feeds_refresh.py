"""Refreshing feeds against a real server on 127.0.0.1: what was sent, what reached the
library and the state, and that nothing read or starred is lost."""

from __future__ import annotations

import json
from pathlib import Path

from reader.cli import main
from reader.feeds.http import Politeness
from reader.feeds.refresh import refresh
from reader.feeds.store import FeedStore
from reader.library.state import StateStore
from reader.paths import library_dir
from tests.feed_server import rss, touch_later

FAST = Politeness(connect_timeout=2, read_timeout=0.5, deadline=10, max_bytes=10 * 2**20)
BROKEN = {
    "/loop/a": "redirect loop (/loop/a → /loop/b → /loop/a)",
    "/missing": "the server answered 404 Not Found",
    "/error": "the server answered 500 Internal Server Error",
    "/stall": "the server stalled (nothing for 0.5 s)",
    "/huge": "the answer is 50 MB, over the 10 MB limit; not read",
    "/bomb": "the body unpacks to more than 10 MB (a gzip bomb?); not read",
}


def stories() -> list[Path]:
    return sorted(library_dir().glob("*.txt"))


def test_real_feeds_then_conditional_requests_and_every_failure_on_its_feed(real_feed_server):
    server = real_feed_server
    names = sorted(p.name for p in server.folder.iterdir() if p.suffix in (".xml", ".atom", ".html"))
    with StateStore() as state:
        feeds = FeedStore(state)
        for name in names:
            feeds.subscribe(server.feed_url(name))
        feeds.subscribe(server.url("/moved/rss2sample.xml"), tags=["samples"])
        for path in [*BROKEN, "/invalid"]:
            feeds.subscribe(server.url(path))
        first = refresh(state, politeness=FAST)
        by_url = {f.url: f for f in first.feeds}

        # every feed file was asked for once, without conditions, and gzip was offered
        sent = server.received("/feeds/")
        assert sum(r.body_bytes for r in sent) > 100_000
        assert sorted(r.path for r in sent) == sorted(f"/feeds/{n}" for n in [*names, "rss2sample.xml"])
        assert all(r.header("If-None-Match") is None and "gzip" in r.header("Accept-Encoding") for r in sent)
        assert first.requests == len(server.received())

        # what reached the library: the real feeds' stories, each once
        added = first.added
        assert len(added) >= 100 and len(stories()) == len(added)
        assert len({a.url for a in added if a.url}) == sum(1 for a in added if a.url)
        # the 301 moved the subscription (and its tag) to the new address
        moved = feeds.get(server.feed_url("rss2sample.xml"))
        assert moved is not None and "samples" in moved.tags
        assert feeds.get(server.url("/moved/rss2sample.xml")) is None
        assert by_url[server.feed_url("rss2sample.xml")].moved_from == server.url("/moved/rss2sample.xml")
        # each failure is one line on its own feed; the feed is still followed
        for path, message in BROKEN.items():
            sub = feeds.get(server.url(path))
            assert sub is not None and sub.error == message and sub.success_at is None
        assert "not well-formed" in (feeds.get(server.url("/invalid")).error or "")
        assert feeds.get(server.feed_url("notafeed.html")).error == "an HTML page, not an RSS or Atom feed"
        good = feeds.get(server.feed_url("rss2sample.xml"))
        assert good.error is None and good.success_at and good.etag and good.title == "Liftoff News"
        # every story knows its feed
        members = feeds.members()
        assert {a.id for a in added} <= set(members)

        # the person reads and stars some stories
        read = [a.id for a in added[:7]]
        starred = [a.id for a in added[3:12]]
        state.set_read_many(read)
        for article_id in starred:
            state.set_starred(article_id)
        before = state.all()

        server.clear()
        second = refresh(state, politeness=FAST)
        sent = server.received("/feeds/")
        assert len(sent) == len(names)
        # every feed read the first time is asked for conditionally, and answered 304; one
        # that failed (the HTML page) has no ETag kept, so it is read again, and fails again
        conditional = [r for r in sent if r.path != "/feeds/notafeed.html"]
        assert all(r.header("If-None-Match") for r in conditional)
        assert {r.status for r in conditional} == {304}
        assert second.added == [] and not any(f.added for f in second.feeds)
        assert sum(r.body_bytes for r in conditional) == 0
        assert state.all() == before
        assert len(stories()) == len(added)
        assert {f.url for f in second.failed} == {server.url(p) for p in [*BROKEN, "/invalid"]} | \
            {server.feed_url("notafeed.html")} | {f.url for f in first.failed if f.url.startswith(server.url("/feeds"))}


def test_a_changed_feed_brings_only_its_new_entries(feed_server):
    news = feed_server.folder / "news.xml"
    news.write_bytes(rss("Local News", [("a", "Alpha"), ("b", "Beta")]))
    with StateStore() as state:
        FeedStore(state).subscribe(feed_server.feed_url("news.xml"), tags=["local"])
        first = refresh(state, politeness=FAST)
        assert sorted(a.title for a in first.added) == ["Alpha", "Beta"]
        alpha = next(a for a in first.added if a.title == "Alpha")
        state.set_read(alpha.id)
        state.set_starred(alpha.id)
        news.write_bytes(rss("Local News", [("a", "Alpha"), ("b", "Beta"), ("c", "Gamma")]))
        touch_later(news)
        second = refresh(state, politeness=FAST)
        assert [a.title for a in second.added] == ["Gamma"]
        assert len(second.imported.duplicates) == 2
        assert state.get(alpha.id).read and state.get(alpha.id).starred
        # the feed's tag reached its stories' front matter
        assert "- local" in (library_dir() / f"{second.added[0].id}.txt").read_text()
        assert feed_server.received("/feeds/")[1].header("If-None-Match")


def test_summary_only_feed_opted_in_gets_whole_stories_once(feed_server):
    paragraph = "The whole story goes on at length about the harbour, the boats and the people. " * 8
    page = (f"<html><head><title>Harbour</title></head><body><article><h1>Harbour</h1>"
            f"{''.join(f'<p>{paragraph} Part {n}.</p>' for n in range(6))}</article></body></html>").encode()
    feed_server.pages["/story/harbour"] = (200, "text/html; charset=utf-8", page)
    link = feed_server.url("/story/")
    (feed_server.folder / "short.xml").write_bytes(rss("Short", [("harbour", "Harbour")], link=link))
    with StateStore() as state:
        FeedStore(state).subscribe(feed_server.feed_url("short.xml"), full_text=True)
        report = refresh(state, politeness=FAST)
        (story,) = report.added
        assert "whole story goes on at length" in story.body and story.word_count > 300
        assert len(feed_server.received("/story/harbour")) == 1
        refresh(state, politeness=FAST)
        assert len(feed_server.received("/story/harbour")) == 1  # in the library: not fetched again


def test_the_command_line_loop(feed_server, capsys, tmp_path):
    (feed_server.folder / "news.xml").write_bytes(rss("Local News", [("a", "Alpha"), ("b", "Beta")]))
    url = feed_server.feed_url("news.xml")
    assert main(["subscribe", url, "--tag", "local"]) == 0
    out = capsys.readouterr().out
    assert f"Subscribed to {url}" in out and "Local News: 2 new stories" in out
    # the same stories under another address: none new, and it says why
    (feed_server.folder / "copy.xml").write_bytes(rss("Local Copy", [("a", "Alpha"), ("b", "Beta")]))
    assert main(["subscribe", feed_server.feed_url("copy.xml")]) == 0
    assert "Local Copy: 0 new stories (2 already in your library)" in capsys.readouterr().out
    # a feed whose first fetch fails is still followed, and says why
    assert main(["subscribe", feed_server.url("/error")]) == 0
    assert "the server answered 500" in capsys.readouterr().err
    assert main(["feeds", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    feeds = {r["url"]: r for r in rows if r["kind"] == "feed"}
    assert feeds[url]["unread"] == 2 and feeds[url]["total"] == 2 and feeds[url]["tags"] == ["local"]
    assert feeds[feed_server.url("/error")]["error"] == "the server answered 500 Internal Server Error"
    assert {"kind": "tag", "title": "#local", "unread": 2, "total": 2, "tag": "local"} in rows
    assert main(["feeds"]) == 0
    table = capsys.readouterr().out
    assert "Local News" in table and "! the server answered 500" in table
    # a feed file, remembered and re-read when it changes
    local = tmp_path / "mine.xml"
    local.write_bytes(rss("Mine", [("m", "Mine one")]))
    assert main(["subscribe", str(local)]) == 0
    assert "Mine: 1 new story" in capsys.readouterr().out
    assert main(["refresh", "-v"]) == 1  # the /error feed still fails: the run says so in its exit code
    err = capsys.readouterr().err
    assert "Mine: unchanged" in err and "Local News: unchanged" in err
    assert main(["unsubscribe", "Local News", "--delete-stories"]) == 0
    assert capsys.readouterr().out.strip() == "Unsubscribed from Local News; 2 stories removed."
    assert main(["unsubscribe", "nothing like it"]) == 1
    assert [p.name for p in stories()] and all("alpha" not in p.name for p in stories())


def test_unsubscribing_keeps_starred_stories(feed_server, capsys):
    (feed_server.folder / "news.xml").write_bytes(rss("Local News", [("a", "Alpha"), ("b", "Beta")]))
    with StateStore() as state:
        FeedStore(state).subscribe(feed_server.feed_url("news.xml"))
        added = refresh(state, politeness=FAST).added
        state.set_starred(added[0].id)
    assert main(["unsubscribe", "local", "--delete-stories"]) == 1  # a word of its title: said, not guessed
    assert "no feed 'local'; did you mean 'Local News'?" in capsys.readouterr().err
    assert main(["unsubscribe", feed_server.feed_url("news.xml"), "--delete-stories"]) == 0
    assert "1 story removed; 1 starred kept" in capsys.readouterr().out
    assert [p.stem for p in stories()] == [added[0].id]


def test_a_refresh_in_its_own_process_reports_each_feed(feed_server):
    from reader.feeds.background import refresh_in_subprocess

    (feed_server.folder / "news.xml").write_bytes(rss("Local News", [("a", "Alpha"), ("b", "Beta")]))
    with StateStore() as state:
        FeedStore(state).subscribe(feed_server.feed_url("news.xml"))
        FeedStore(state).subscribe(feed_server.url("/stall"))
    seen, progress = [], []
    report = refresh_in_subprocess(politeness=FAST, on_feed=seen.append,
                                   progress=lambda done, total, label: progress.append((done, total)))
    assert sorted(f.title for f in seen) == sorted(f.title for f in report.feeds)
    news = next(f for f in report.feeds if f.url.endswith("news.xml"))
    assert len(news.added_ids) == 2 and report.new_count == 2
    assert {p.stem for p in stories()} == set(news.added_ids)
    stalled = next(f for f in report.feeds if f.url.endswith("/stall"))
    assert stalled.error == "the server stalled (nothing for 0.5 s)"
    assert progress[-1] == (2, 2) and report.requests == 2


def test_the_name_given_a_feed_is_its_stories_source_everywhere(feed_server):
    """A title given with --title or a rename showed on the feeds screen only: the list, the
    palette and ``source:`` kept the feed's own title (a new user's pass). New stories take
    the given name, a rename writes it into the stories already there, and clearing it gives
    them the feed's own title again."""
    from reader.feeds.manage import rename, subscribe
    from reader.library.files import load_all

    news = feed_server.folder / "news.xml"
    news.write_bytes(rss("Local News", [("a", "Alpha"), ("b", "Beta")]))
    with StateStore() as state:
        subscribe(state, feed_server.feed_url("news.xml"), title="My Town")
        refresh(state, politeness=FAST)
        assert {a.source for a in load_all([library_dir()]).articles} == {"My Town"}
        assert rename(state, feed_server.feed_url("news.xml"), "Home News") == 2
        assert {a.source for a in load_all([library_dir()]).articles} == {"Home News"}
        assert rename(state, feed_server.feed_url("news.xml"), "") == 2
        assert {a.source for a in load_all([library_dir()]).articles} == {"Local News"}
        subscribe(state, feed_server.feed_url("news.xml"), title="Town Crier")  # followed already: a rename
        assert {a.source for a in load_all([library_dir()]).articles} == {"Town Crier"}
        texts = [p.read_text() for p in stories()]
        assert all("Alpha" in t or "Beta" in t for t in texts)  # the stories' text is kept


def test_a_title_two_feeds_share_asks_for_an_address(feed_server, capsys):
    """``reader unsubscribe "All TPM News"`` said there was no such feed while two had that
    title (a new user's pass): it says so and names their addresses."""
    for name in ("tpm.xml", "tpm-copy.xml"):
        (feed_server.folder / name).write_bytes(rss("All TPM News", [(name, f"Story of {name}")]))
        assert main(["subscribe", feed_server.feed_url(name)]) == 0
    capsys.readouterr()
    assert main(["unsubscribe", "All TPM News", "--keep-stories"]) == 1
    err = capsys.readouterr().err
    assert "2 feeds are called 'All TPM News'" in err
    assert feed_server.feed_url("tpm.xml") in err and feed_server.feed_url("tpm-copy.xml") in err
    assert main(["unsubscribe", feed_server.feed_url("tpm.xml"), "--keep-stories"]) == 0
    assert main(["unsubscribe", "All TPM News", "--keep-stories"]) == 0  # one left: its title is enough
