"""The search pane while the index is built: progress on screen, the query run again when ready."""

from __future__ import annotations

from textual.app import App

from reader.app import ENTITY_COLOUR_DEFAULTS
from reader.core import open_library
from reader.screens.search import SearchScreen
from search_support import make_library
from tests.test_search_ui import wait_for


class Host(App):
    def __init__(self, screen: SearchScreen) -> None:
        super().__init__()
        self.search_screen = screen

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **ENTITY_COLOUR_DEFAULTS}

    def on_mount(self) -> None:
        self.push_screen(self.search_screen)


async def test_the_query_runs_again_when_the_index_is_ready(tmp_path):
    library = open_library([make_library(tmp_path / "lib")])
    index = library.open_index()
    state = {"now": "indexing 0 of 4"}
    screen = SearchScreen(index, query="islands", indexing=lambda: state["now"])
    app = Host(screen)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: screen.results is not None, "the first answer")
        assert screen.results.error and "not ready" in screen.status_text
        state["now"] = "indexing 2 of 4"
        screen.index_changed(state["now"])  # the build's progress shows while it runs
        await pilot.pause()
        assert "indexing 2 of 4" in screen.status_text
        updater = library.open_index()
        updater.update(library.sources)
        updater.close()
        state["now"] = None
        screen.index_changed(None)  # ready: the same query again, without a keystroke
        await wait_for(pilot, lambda: screen.results is not None and not screen.results.error, "the new answer")
        assert screen.status_text.startswith("2 stories")
    index.close()


async def test_the_main_screen_tells_the_search_pane(tmp_path):
    from reader.app import ReaderApp
    from tests.test_app import wait_loaded
    from reader.screens.index_status import IndexStatus

    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        main = app.screen
        await pilot.press("s")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        await pilot.press(*"islands")
        await wait_for(pilot, lambda: main.query_one(IndexStatus).state is None, "the index")
        # whenever the search ran (before the index or after), the answer ends up complete
        await wait_for(pilot, lambda: search.results is not None and search.status_text.startswith("2 stories")
                       and "indexed so far" not in search.status_text, "the complete answer")
