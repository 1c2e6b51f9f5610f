"""Each feeds worker fails here once: one plain line says what failed, and the app goes on.
And a feed's title is data: markup in it is shown, never acted on."""

from __future__ import annotations

from reader.app import ReaderApp
from reader.feeds.store import FeedStore
from reader.library.state import StateStore
from reader.screens.feeds import FeedsScreen
from search_support import make_library
from tests.test_app import SIZE, wait_loaded
from tests.test_feeds_ui import no_refresh_at_start, open_feeds, settle
from tests.test_worker_failures import boom, failure_shown, still_usable, watch_notices


def one_feed(url: str = "http://127.0.0.1:9/feed.xml", title: str | None = None) -> None:
    with StateStore() as state:
        FeedStore(state).subscribe(url, title=title)


async def test_a_refresh_fails(tmp_path, monkeypatch):
    no_refresh_at_start()
    one_feed()
    monkeypatch.setattr("reader.feeds.background.refresh_in_subprocess", boom)
    app = watch_notices(ReaderApp(sources=[make_library(tmp_path / "lib")]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("R")
        await settle(pilot, lambda: failure_shown(app, "The refresh stopped"), "the failure")
        assert not app.screen.feeds_dock.running
        await still_usable(pilot)


async def test_counting_the_feeds_fails(tmp_path, monkeypatch):
    no_refresh_at_start()
    monkeypatch.setattr("reader.feeds.overview.library_overview", boom)
    app = watch_notices(ReaderApp(sources=[make_library(tmp_path / "lib")]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("f")
        await settle(pilot, lambda: failure_shown(app, "Could not count the feeds' stories"), "the failure")
        assert not app.screen.table.loading
        await pilot.press("escape")
        await still_usable(pilot)


async def test_a_change_to_a_feed_fails(tmp_path, monkeypatch):
    no_refresh_at_start()
    one_feed()
    monkeypatch.setattr("reader.feeds.store.FeedStore.set_full_text", boom)
    app = watch_notices(ReaderApp(sources=[make_library(tmp_path / "lib")]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = await open_feeds(pilot)
        screen.table.move_cursor(row=next(i for i, r in enumerate(screen.rows) if r.kind == "feed"))
        await pilot.press("x")
        await settle(pilot, lambda: failure_shown(app, "The change was not saved"), "the failure")
        await pilot.press("escape")
        await still_usable(pilot)


async def test_following_fails_and_looking_at_the_disk_fails(tmp_path, monkeypatch):
    no_refresh_at_start()
    app = watch_notices(ReaderApp(sources=[make_library(tmp_path / "lib")]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        sidebar = app.screen.sidebar
        await settle(pilot, lambda: bool(sidebar.entities), "the entities")
        monkeypatch.setattr("reader.feeds.store.FeedStore.save_search", boom)
        sidebar.select(sidebar.entities[0])
        await pilot.press("F")
        await settle(pilot, lambda: failure_shown(app, "Could not follow it"), "the failure")
        monkeypatch.setattr("reader.library.watch.FolderWatch.changed", boom)
        await settle(pilot, lambda: failure_shown(app, "Could not look at the library folders"), "the failure",
                     tries=300)
        await still_usable(pilot)


async def test_saving_tags_and_opening_the_browser_fail(tmp_path, monkeypatch):
    no_refresh_at_start()
    library = make_library(tmp_path / "lib")
    app = watch_notices(ReaderApp(sources=[library]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        monkeypatch.setattr("reader.library.tagging.set_story_tags", boom)
        main = app.screen
        main.library_panel.save_tags(main.library_panel.catalog.get(main.column.article.id), ["x"])
        await settle(pilot, lambda: failure_shown(app, "The tags were not saved"), "the failure")
        monkeypatch.setattr("webbrowser.open", boom)
        monkeypatch.setenv("DISPLAY", ":0")
        main.link_opener.open("http://127.0.0.1:9/")
        await settle(pilot, lambda: failure_shown(app, "Could not open the browser"), "the failure")
        await still_usable(pilot)


async def test_a_feed_title_with_markup_is_shown_as_text(tmp_path):
    no_refresh_at_start()
    one_feed(title="Hostile [bold red]feed[/] [@click=app.quit]here[/]")
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = await open_feeds(pilot)
        assert isinstance(screen, FeedsScreen)
        row = next(i for i, r in enumerate(screen.rows) if r.kind == "feed")
        cell = screen.table.get_row_at(row)[0]
        assert cell.plain == "Hostile [bold red]feed[/] [@click=app.quit]here[/]"
        lines = "\n".join(screen.table.render_line(y).text for y in range(screen.table.size.height))
        assert "[bold red]feed[/]" in lines
        await pilot.press("escape")
        await still_usable(pilot)


def test_keys_can_be_checked_before_a_screens_panes_are_there():
    """The footer asks which keys apply as soon as a screen is pushed, before its children
    are composed: under load that question once crashed the app in the feeds view."""
    screen = FeedsScreen(host=None)
    assert screen.current is None
    assert screen.check_action("rename", ()) is False and screen.check_action("remove", ()) is False
    from reader.core import open_library
    from reader.screens.main import MainScreen

    main = MainScreen(open_library([]))
    assert main.check_action("next_mention", ()) is None and main.check_action("open_link", ()) is None
