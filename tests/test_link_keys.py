"""The link keys on a story without a link (a plain .txt story) say so, each in one line."""

from __future__ import annotations

import pytest

from reader.app import ReaderApp
from reader.screens.links import LinksScreen
from tests.test_app import SIZE
from tests.test_feeds_ui import no_refresh_at_start, settle


class NotedApp(ReaderApp):
    """ReaderApp that remembers the notifications it shows."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self.said: list[str] = []

    def notify(self, message, **kwargs):  # noqa: ANN001, ANN003, ANN201
        self.said.append(str(message))
        return super().notify(message, **kwargs)


@pytest.mark.parametrize(("key", "message"), [("O", "This story has no link."), ("y", "This story has no link."),
                                              ("L", "No links in this story.")])
async def test_a_link_key_on_a_story_without_a_link_says_so(tmp_path, key, message):
    no_refresh_at_start()
    library = tmp_path / "lib"
    library.mkdir()
    (library / "plain.txt").write_text("A plain story\n\nIt names no address at all.\n")
    app = NotedApp(sources=[library])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, lambda: app.screen.column.article is not None, "the story")
        clipboard = app.clipboard
        await pilot.press(key)
        await settle(pilot, lambda: message in app.said, f"{key!r} to say {message!r}")
        assert app.said.count(message) == 1
        assert not isinstance(app.screen, LinksScreen) and app.clipboard == clipboard
