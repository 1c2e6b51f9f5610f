"""The feeds in the app, against a feed server on 127.0.0.1: the feeds view (counts,
choosing a feed, mark read and undo, unsubscribing), refresh (R, at start) with new stories
showing as they arrive, links (browser, copy, the numbered list), tags, following an
entity, and stories added or removed on disk while the app runs."""

from __future__ import annotations

import stat
from functools import partial
from pathlib import Path

import pytest

from reader.app import ReaderApp
from reader.feeds.http import Politeness
from reader.feeds.refresh import refresh
from reader.feeds.store import FeedStore
from reader.library.state import StateStore
from reader.paths import config_dir, library_dir
from reader.screens.feeds import FeedsScreen, error_column_width, feed_column_width
from reader.screens.links import LinksScreen
from reader.screens.prompts import Choice, TextPrompt
from reader.widgets.article_list import ArticleList
from tests.feed_server import rss, touch_later
from tests.test_app import SIZE
from tests.waiting import until

FAST = Politeness(connect_timeout=5, read_timeout=5, deadline=20)
"""Shorter than the defaults, yet patient enough for a loopback server that shares its
process (and interpreter lock) with the running app: a 0.5 s read timeout made a refresh
fail now and then in the full suite, and the story it should have brought never came."""


settle = partial(until, tries=1000)  # a refresh runs in a process of its own: up to about 20 s


def no_refresh_at_start() -> None:
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "config.yaml").write_text("refresh:\n  on_start: false\n  every: off\n")


def subscribe_two(server) -> tuple[str, str]:
    (server.folder / "news.xml").write_bytes(rss("Local News", [("a", "Alpha"), ("b", "Beta"), ("c", "Gamma")]))
    (server.folder / "other.xml").write_bytes(rss("Other Wire", [("x", "Xylophone"), ("y", "Yonder")],
                                                  link="http://other.example/"))
    with StateStore() as state:
        feeds = FeedStore(state)
        feeds.subscribe(server.feed_url("news.xml"), tags=["local"])
        feeds.subscribe(server.feed_url("other.xml"))
        feeds.subscribe(server.url("/error"))
        refresh(state, politeness=FAST)
    return server.feed_url("news.xml"), server.feed_url("other.xml")


def rows_by_title(screen: FeedsScreen) -> dict[str, tuple[int, int]]:
    return {row.title: (row.unread, row.total) for row in screen.rows}


async def open_feeds(pilot) -> FeedsScreen:
    await pilot.press("f")
    await settle(pilot, lambda: isinstance(pilot.app.screen, FeedsScreen) and pilot.app.screen.rows, "the feeds view")
    return pilot.app.screen


async def move_to(pilot, screen: FeedsScreen, title: str) -> None:
    index = next(i for i, row in enumerate(screen.rows) if row.title == title)
    screen.table.move_cursor(row=index)
    await pilot.pause()


async def test_feeds_view_counts_chooses_marks_read_and_undoes(feed_server):
    no_refresh_at_start()
    news, _ = subscribe_two(feed_server)
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: len(app.screen.library_panel.catalog.entries) == 5, "the stories")
        main = app.screen
        await settle(pilot, lambda: main.column.article is not None, "the first story")
        # the first story opened at start is not read yet (a story counts as read once read): read it
        opened = main.column.article
        main.library_panel.mark_read([opened.id])
        screen = await open_feeds(pilot)
        await settle(pilot, lambda: rows_by_title(screen)["All stories"] == (4, 5), "the counts")
        counts = rows_by_title(screen)
        local_unread = 2 if opened.source == "Local News" else 3
        assert counts["Local News"] == (local_unread, 3)
        assert counts["Other Wire"] == (4 - local_unread, 2)
        assert counts["#local"] == (local_unread, 3)
        error_row = next(r for r in screen.rows if r.kind == "feed" and r.subscription.url.endswith("/error"))
        assert error_row.subscription.error == "the server answered 500 Internal Server Error"
        await move_to(pilot, screen, "Local News")
        await pilot.press("m")
        await settle(pilot, lambda: rows_by_title(screen)["Local News"] == (0, 3), "Local News marked read")
        article_list = main.library_panel.article_list
        assert article_list.unread_count == 4 - local_unread
        await pilot.press("z")
        await settle(pilot, lambda: rows_by_title(screen)["Local News"] == (local_unread, 3), "the undo")
        assert article_list.unread_count == 4
        # j and k move as in the other lists (the table alone knows only the arrows)
        screen.table.move_cursor(row=0)
        wanted = next(i for i, row in enumerate(screen.rows) if row.title == "Other Wire")
        await pilot.press(*["j"] * wanted)
        await pilot.pause()
        assert wanted > 0 and screen.table.cursor_row == wanted
        await pilot.press("k")
        await pilot.pause()
        assert screen.table.cursor_row == wanted - 1
        await pilot.press("G")
        assert screen.table.cursor_row == len(screen.rows) - 1
        await pilot.press("g")
        assert screen.table.cursor_row == 0
        screen.table.move_cursor(row=wanted - 1)
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot, lambda: not isinstance(app.screen, FeedsScreen), "back to the list")
        assert sorted(a.title for a in article_list.visible_articles) == ["Xylophone", "Yonder"]
        assert "Other Wire" in article_list.border_title
        # mark everything read from the feeds view, then undo it
        screen = await open_feeds(pilot)
        await pilot.press("M")
        await settle(pilot, lambda: rows_by_title(screen)["All stories"] == (0, 5), "everything read")
        assert article_list.unread_count == 0
        await pilot.press("z")
        await settle(pilot, lambda: article_list.unread_count == 4, "the undo of everything")
    with StateStore() as state:
        assert sum(1 for s in state.all().values() if s.read) == 1  # only the story marked read above


async def test_a_feed_chosen_while_the_sidebar_has_the_lists_place_shows_the_list(feed_server):
    """At 120 columns the sidebar takes the list's place (e): choosing a feed brings the
    list back, or the choice would not show."""
    no_refresh_at_start()
    subscribe_two(feed_server)
    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, lambda: len(app.screen.library_panel.catalog.entries) == 5, "the stories")
        main = app.screen
        await pilot.press("e")
        await pilot.pause()
        assert main.pane_shown("sidebar") and not main.pane_shown("list")
        screen = await open_feeds(pilot)
        await settle(pilot, lambda: "Other Wire" in rows_by_title(screen), "the feeds")
        await move_to(pilot, screen, "Other Wire")
        await pilot.press("enter")
        await settle(pilot, lambda: not isinstance(app.screen, FeedsScreen), "back to the list")
        await pilot.pause()
        assert main.pane_shown("list") and app.focused is main.library_panel.article_list
        assert "Other Wire" in main.library_panel.article_list.border_title


async def test_rename_tags_and_unsubscribe_removing_stories(feed_server):
    no_refresh_at_start()
    news, other = subscribe_two(feed_server)
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: len(app.screen.library_panel.catalog.entries) == 5, "the stories")
        main = app.screen
        screen = await open_feeds(pilot)
        await move_to(pilot, screen, "Other Wire")
        await pilot.press("r")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt), "the rename prompt")
        await pilot.press(*"Wire", "enter")
        await settle(pilot, lambda: "Wire" in rows_by_title(screen), "the new title")
        # its stories say the new name too (the list, the palette, source:), the other feed's keep theirs
        await settle(pilot, lambda: sum(e.source == "Wire" for e in main.library_panel.catalog.entries) == 2,
                     "the stories' new source")
        await move_to(pilot, screen, "Wire")
        await pilot.press("t")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt), "the tags prompt")
        await pilot.press(*"world, music", "enter")
        await settle(pilot, lambda: "#music" in rows_by_title(screen), "the tags")
        await move_to(pilot, screen, "Wire")
        await pilot.press("d")
        await settle(pilot, lambda: isinstance(app.screen, Choice), "the question")
        dialog = app.screen.query_one("Choice > Vertical").content_region
        for answer in ("keep", "delete", "cancel"):  # every answer inside the dialog (Cancel was cut off)
            region = app.screen.query_one(f"#answer-{answer}").region
            assert dialog.contains_region(region), (answer, region, dialog)
        await pilot.click("#answer-delete")
        await settle(pilot, lambda: "Wire" not in rows_by_title(screen), "the unsubscribe")
        await settle(pilot, lambda: len(main.library_panel.catalog.entries) == 3, "its stories to go")
    with StateStore() as state:
        assert [s.url for s in FeedStore(state).subscriptions() if s.url == other] == []
        assert FeedStore(state).get(news).tags == ("local",)
    assert len(list(library_dir().glob("*.txt"))) == 3


async def test_refresh_at_start_and_with_R_conditional_the_second_time(feed_server):
    (feed_server.folder / "news.xml").write_bytes(rss("Local News", [("a", "Alpha")]))
    with StateStore() as state:
        FeedStore(state).subscribe(feed_server.feed_url("news.xml"))
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.feeds_dock.politeness = FAST
        article_list = app.query_one(ArticleList)
        await settle(pilot, lambda: [a.title for a in article_list.visible_articles] == ["Alpha"], "the first refresh")
        assert "1 new" in article_list.border_subtitle
        (feed_server.folder / "news.xml").write_bytes(rss("Local News", [("a", "Alpha"), ("b", "Beta")]))
        touch_later(feed_server.folder / "news.xml")
        await settle(pilot, lambda: not app.screen.feeds_dock.running, "the first refresh to end")
        await pilot.press("R")
        await settle(pilot, lambda: len(article_list.visible_articles) == 2, "Beta")
        assert "2 new" in article_list.border_subtitle
        await settle(pilot, lambda: not app.screen.feeds_dock.running, "the refresh to end")
        await pilot.press("R")
        await settle(pilot, lambda: len(feed_server.received("/feeds/")) == 3, "the third request")
        await settle(pilot, lambda: not app.screen.feeds_dock.running, "the refresh to end")
    sent = feed_server.received("/feeds/")
    assert sent[0].header("If-None-Match") is None
    assert sent[2].header("If-None-Match") and sent[2].status == 304


async def test_stories_added_and_removed_on_disk_show_while_the_app_runs(tmp_path):
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "one.txt").write_text("First story here.\n\nIt has a body.\n")
    app = ReaderApp(sources=[folder])
    async with app.run_test(size=SIZE) as pilot:
        article_list = app.query_one(ArticleList)
        await settle(pilot, lambda: len(article_list.articles) == 1, "the library")
        (folder / "two.txt").write_text("Second story arrives.\n\nWith a body too.\n")
        await settle(pilot, lambda: len(article_list.articles) == 2, "the new story", tries=400)
        assert "1 new" in article_list.border_subtitle
        (folder / "one.txt").unlink()
        await settle(pilot, lambda: [a.id for a in article_list.articles] == ["two"], "the story to go", tries=400)


@pytest.fixture
def browser(tmp_path, monkeypatch) -> Path:
    """$BROWSER set to a script that writes down what it was asked to open."""
    opened = tmp_path / "opened.txt"
    script = tmp_path / "browser.sh"
    script.write_text(f'#!/bin/sh\necho "$1" >> {opened}\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("BROWSER", f"{script} %s")
    monkeypatch.setenv("DISPLAY", ":0")  # a graphical session: the browser runs beside the app
    import webbrowser

    monkeypatch.setattr(webbrowser, "_tryorder", None)
    monkeypatch.setattr(webbrowser, "_browsers", {})
    return opened


async def test_open_copy_and_list_the_story_links(feed_server, browser):
    no_refresh_at_start()
    subscribe_two(feed_server)
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: len(app.screen.library_panel.catalog.entries) == 5, "the stories")
        main = app.screen
        await settle(pilot, lambda: main.column.article is not None, "the first story")
        article_list = main.library_panel.article_list
        target = next(a for a in article_list.articles if a.title == "Beta")
        main.open_entry(target)
        await settle(pilot, lambda: main.column.article and main.column.article.title == "Beta", "Beta")
        main.library_panel.mark_read([target.id], False)
        await pilot.press("O")
        await settle(pilot, lambda: browser.exists() and browser.read_text().strip(), "the browser")
        assert browser.read_text().split() == ["http://news.example/b"]
        assert target.id in article_list.read
        await pilot.press("y")
        assert app.clipboard == "http://news.example/b"
        await pilot.press("L")
        await settle(pilot, lambda: isinstance(app.screen, LinksScreen), "the links")
        assert app.screen.links == ["http://news.example/b", "http://news.example/b/more"]
        await pilot.press("down", "enter")
        await settle(pilot, lambda: len(browser.read_text().split()) == 2, "the second link")
        assert browser.read_text().split()[1] == "http://news.example/b/more"


async def test_tags_are_edited_on_the_story(feed_server):
    no_refresh_at_start()
    subscribe_two(feed_server)
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: len(app.screen.library_panel.catalog.entries) == 5, "the stories")
        main = app.screen
        await settle(pilot, lambda: main.column.article is not None, "the first story")
        article = main.column.article
        await pilot.press("T")
        await settle(pilot, lambda: isinstance(app.screen, TextPrompt), "the tags prompt")
        await pilot.press(*", Japan", "enter")  # typed at once: added after the story's tags, which stay
        await settle(pilot, lambda: main.column.article.tags[-1:] == ("Japan",), "the new tags")
        assert main.column.article.tags == (*article.tags, "Japan") and article.tags
        assert "#Japan" in main.column.article.meta_line
        await settle(pilot, lambda: "Japan" in main.library_panel.catalog.get(article.id).tags, "the catalog")
        path = Path(main.library_panel.catalog.get(article.id).path)
    assert "- Japan" in path.read_text()


async def test_follow_the_selected_entity(tmp_path):
    from search_support import make_library

    no_refresh_at_start()
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        sidebar = app.screen.sidebar
        await settle(pilot, lambda: bool(sidebar.entities), "the entities")
        told = []
        app.screen.notify = lambda message, **kwargs: told.append(message)
        await pilot.press("F")  # no entity chosen: it says how to choose one, and follows nothing
        await pilot.pause()
        assert any("Choose a person, place or organisation" in m for m in told) and not _saved()
        del app.screen.notify
        entity = sidebar.entities[0]
        sidebar.select(entity)
        await pilot.pause()
        await pilot.press("F")
        await settle(pilot, lambda: _saved(), "the saved search")
        await settle(pilot, lambda: app.screen.library_panel.index_ready, "the index", tries=600)
        screen = await open_feeds(pilot)
        await settle(pilot, lambda: any(r.kind == "search" and not r.pending and r.total for r in screen.rows),
                     "the search's counts")
        row = next(r for r in screen.rows if r.kind == "search")
        assert row.title == entity.name and row.search.entity_key == entity.key


def _saved() -> bool:
    with StateStore() as state:
        return bool(FeedStore(state).saved_searches())


async def test_with_no_feeds_the_view_says_how_to_add_one_in_full_at_80_columns(tmp_path):
    no_refresh_at_start()
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "one.txt").write_text("First story here.\n\nIt has a body.\n")
    app = ReaderApp(sources=[folder])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, lambda: len(app.query_one(ArticleList).articles) == 1, "the library")
        screen = await open_feeds(pilot)
        title = screen.query_one("#feeds-title")
        await settle(pilot, lambda: "none yet" in str(title.render()), "the title")
        shown = " ".join(strip.text for strip in (title.render_line(y) for y in range(title.size.height)))
        assert "reader subscribe URL" in " ".join(shown.split())


async def test_a_library_walked_while_a_refresh_runs_is_indexed_when_the_refresh_ends(tmp_path):
    from reader.feeds.refresh import RefreshReport
    from reader.screens.feeds_dock import FeedsDock

    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "one.txt").write_text("First story here.\n\nIt has a body.\n")
    no_refresh_at_start()
    app = ReaderApp(sources=[folder])
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await settle(pilot, lambda: screen.sidebar.index_ready, "the first index check")
        dock = screen.query_one(FeedsDock)
        dock.running = True  # a refresh (that brings nothing) runs while the library is walked again
        screen.library_panel.load()
        await settle(pilot, lambda: not screen.sidebar.index_ready, "the walk")
        await pilot.pause(0.3)
        assert not screen.sidebar.index_ready  # the index waits for the refresh
        dock.post_message(FeedsDock.Finished(RefreshReport(), automatic=True))
        await settle(pilot, lambda: screen.sidebar.index_ready, "the index after the refresh")


async def test_the_first_stories_added_from_the_shell_replace_the_sample_while_the_app_runs(tmp_path):
    from reader.cli import main as reader_command

    saved = tmp_path / "saved.txt"
    saved.write_text("A story saved from the shell\n\nIts body is here.\n")
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.library_panel
        await settle(pilot, lambda: panel.library.is_sample and panel.catalog.entries, "the sample")
        assert reader_command(["add", str(saved)]) == 0  # `reader add` in another terminal
        await settle(pilot, lambda: not panel.library.is_sample, "the person's own library", tries=400)
        titles = [a.title for a in panel.article_list.articles]
        assert titles == ["A story saved from the shell"]
        await settle(pilot, lambda: app.screen.column.article.title == titles[0], "the story opened in place of the sample's")


async def test_a_refresh_with_a_failed_feed_says_where_to_see_why(feed_server):
    """From the reading screen the notice sends the person to the feeds view (f); inside the
    view it points at the rows themselves (it said "f shows which" there too)."""
    no_refresh_at_start()
    subscribe_two(feed_server)  # one of the three answers with an error
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        told = []
        app.notify = lambda message, **kwargs: told.append(message)
        await settle(pilot, lambda: app.screen.column.article is not None, "the first story")
        main = app.screen
        main.notify = app.notify
        await pilot.press("R")
        await settle(pilot, lambda: any("failed" in m for m in told), "the refresh's notice")
        assert any("f shows which, and why" in m for m in told), told
        told.clear()
        screen = await open_feeds(pilot)
        screen.notify = app.notify
        await pilot.press("R")
        await settle(pilot, lambda: any("failed" in m for m in told), "the refresh's notice in the view")
        assert any("Their rows say why" in m for m in told) and not any("f shows" in m for m in told), told


async def open_feeds_on_the_failing_one(pilot):
    """The feeds view over ``subscribe_two``'s library, and the row of the feed that failed."""
    await settle(pilot, lambda: pilot.app.screen.column.article is not None, "the first story")
    screen = await open_feeds(pilot)
    failing = next(r for r in screen.rows if r.kind == "feed" and r.subscription and r.subscription.error)
    return screen, failing


async def test_the_highlighted_feeds_last_error_is_said_in_full_at_80_columns(feed_server):
    """At 80 columns the error column shows a word of it; the line under the table says the
    highlighted feed's whole last error, and nothing for a feed without one."""
    no_refresh_at_start()
    subscribe_two(feed_server)  # the third subscription answers with an error
    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        screen, failing = await open_feeds_on_the_failing_one(pilot)
        line = screen.query_one("#feeds-error")
        await move_to(pilot, screen, failing.title)
        row = next(text for text in table_text(screen).splitlines() if failing.title[:20] in text)
        assert row.rstrip().endswith("…")  # the cell ends with a sign it is cut, on screen (not "answered 40")
        shown = " ".join(strip.text for strip in (line.render_line(y) for y in range(line.size.height)))
        assert line.has_class("-shown") and " ".join(failing.subscription.error.split())[:40] in " ".join(shown.split())
        await move_to(pilot, screen, "Local News")
        assert not line.has_class("-shown")


LONG_TITLE = "Новости Оренбурга и области / Раздел Новости / Все новости за сегодня"


def subscribe_long_title(server) -> None:
    """A feed whose title is longer than the Feed column at 120 columns, refreshed."""
    no_refresh_at_start()
    (server.folder / "long.xml").write_bytes(rss(LONG_TITLE, [("a", "Alpha")]))
    with StateStore() as state:
        FeedStore(state).subscribe(server.feed_url("long.xml"))
        refresh(state, politeness=FAST)


async def open_on_long_title(pilot) -> FeedsScreen:
    """The feeds view open, its cursor on the long-titled feed."""
    await settle(pilot, lambda: pilot.app.screen.column.article is not None, "the first story")
    screen = await open_feeds(pilot)
    await settle(pilot, lambda: any(r.title == LONG_TITLE for r in screen.rows), "the feed's row")
    await move_to(pilot, screen, LONG_TITLE)
    await pilot.pause()
    return screen


def table_text(screen: FeedsScreen) -> str:
    table = screen.table
    return "\n".join(strip.text for strip in (table.render_line(y) for y in range(table.size.height)))


async def test_a_long_feed_title_ends_with_an_ellipsis(feed_server):
    """Titles longer than the Feed column were cut mid-word with no sign (two feeds looked the
    same, a new user's pass): the cut shows "…"."""
    subscribe_long_title(feed_server)
    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        text = table_text(await open_on_long_title(pilot))
        assert "Новости Оренбурга" in text and "…" in text and LONG_TITLE not in text


def test_the_feed_column_takes_what_the_screen_leaves_beside_the_counts_and_the_error():
    assert feed_column_width(80) == 24  # the error keeps a readable width
    assert feed_column_width(120) == 61
    assert feed_column_width(200) == 72  # no wider: the error gets the rest
    assert [error_column_width(w) for w in (80, 120, 200)] == [19, 22, 91]  # what is left, a scrollbar kept
    assert feed_column_width(120, longest=30) == 30  # no wider than the longest title: the error gets the rest
    assert error_column_width(120, 30) == 53 and feed_column_width(120, longest=10) == 24


async def test_short_titles_leave_the_error_column_their_room(feed_server):
    """At 120 columns every error was cut to "the server answered 500 In…" while the Feed column
    had 30 empty columns (a new user's pass): it is as wide as its longest title."""
    no_refresh_at_start()
    subscribe_two(feed_server)  # the third subscription answers with an error
    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        screen, failing = await open_feeds_on_the_failing_one(pilot)
        await settle(pilot, lambda: failing.subscription.error in table_text(screen), "the whole error")


async def test_a_wider_screen_shows_longer_feed_titles_and_keeps_the_cursor(feed_server):
    """The Feed column was 42 cells at any width: at 200 columns a long title was still cut."""
    subscribe_long_title(feed_server)
    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_on_long_title(pilot)
        assert LONG_TITLE not in table_text(screen)
        await pilot.resize_terminal(200, 60)
        await settle(pilot, lambda: LONG_TITLE in table_text(screen), "the whole title")
        assert screen.current is not None and screen.current.title == LONG_TITLE


async def test_two_feeds_with_one_title_say_their_addresses(feed_server):
    """Two rows read "All TPM News" with nothing to tell which is which (a new user's pass)."""
    no_refresh_at_start()
    for name in ("tpm.xml", "tpm-copy.xml"):
        (feed_server.folder / name).write_bytes(rss("All TPM News", [(name, f"Story of {name}")]))
    with StateStore() as state:
        for name in ("tpm.xml", "tpm-copy.xml"):
            FeedStore(state).subscribe(feed_server.feed_url(name))
        refresh(state, politeness=FAST)
    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot, lambda: app.screen.column.article is not None, "the first story")
        screen = await open_feeds(pilot)
        await settle(pilot, lambda: "All TPM News ‹tpm.xml›" in table_text(screen)
                     and "All TPM News ‹tpm-copy.xml›" in table_text(screen), "the two addresses")
        await pilot.resize_terminal(80, 24)  # title and address share the column, each cut short to fit
        await settle(pilot, lambda: "All TPM News ‹tpm.xml›" in table_text(screen)
                     and "All TPM New… ‹tpm-copy…›" in table_text(screen), "the two addresses at 80 columns")
