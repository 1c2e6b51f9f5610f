"""Snapshot tests of the screens (pytest-textual-snapshot)."""

from __future__ import annotations

from reader.app import ReaderApp
from reader.widgets.article_view import ArticleView
from tests.test_app import SIZE, wait_loaded
from tests.waiting import until


async def settle(pilot) -> None:
    """The sample shown with its entities coloured: they come from a worker, later on a busy
    machine (the snapshot was once taken before them)."""
    await wait_loaded(pilot)
    view = pilot.app.query_one(ArticleView)
    await until(pilot, lambda: bool(view.highlights("entities")), "the entities coloured")
    await pilot.pause()


def test_main_screen_on_the_sample_article(snap_compare):
    assert snap_compare(ReaderApp(), terminal_size=SIZE, run_before=settle)


def test_help_screen(snap_compare):
    async def open_help(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(ReaderApp(), terminal_size=SIZE, run_before=open_help)
