"""Snapshot tests of the screens (pytest-textual-snapshot)."""

from __future__ import annotations

from reader.app import ReaderApp
from tests.test_app import SIZE, wait_loaded


async def settle(pilot) -> None:
    await wait_loaded(pilot)
    await pilot.pause()


def test_main_screen_on_the_sample_article(snap_compare):
    assert snap_compare(ReaderApp(), terminal_size=SIZE, run_before=settle)


def test_help_screen(snap_compare):
    async def open_help(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(ReaderApp(), terminal_size=SIZE, run_before=open_help)
