"""Each feature pane on its own, in a small host app: what it shows and the messages it
sends (the main screen only routes them)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.message import Message
from textual.widget import Widget

from reader.app import ENTITY_COLOUR_DEFAULTS
from reader.core import open_library
from reader.library.state import StateStore
from reader.loaders import load_file
from reader.screens.article_column import ArticleColumn
from reader.screens.entity_sidebar import EntitySidebar
from reader.screens.index_status import IndexStatus
from reader.screens.library_panel import LibraryPanel
from reader.search import search
from reader.widgets.find_bar import FindBar
from search_support import make_library
from tests.conftest import SEED
from tests.waiting import until

SIZE = (100, 30)


class Host(App):
    """Mounts one pane and records every message that reaches the app from it."""

    def __init__(self, pane: Widget) -> None:
        super().__init__()
        self.pane = pane
        self.received: list[Message] = []

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return {**super().get_theme_variable_defaults(), **ENTITY_COLOUR_DEFAULTS}

    def compose(self) -> ComposeResult:
        yield self.pane

    def record(self, message: Message) -> None:
        self.received.append(message)

    # the messages the panes send up (the main screen's routes)
    on_article_column_shown = on_article_column_scrolled = record
    on_entity_sidebar_highlights = on_entity_sidebar_scroll_to = on_entity_sidebar_open_article = record
    on_library_panel_loaded = on_library_panel_progress = on_library_panel_task_done = record
    on_index_status_updated = record

    def of(self, kind: type[Message]) -> list:
        return [m for m in self.received if isinstance(m, kind)]




async def test_article_column_shows_finds_and_reports_position():
    article = load_file(SEED).article
    column = ArticleColumn()
    app = Host(column)
    async with app.run_test(size=SIZE) as pilot:
        column.open(article, catalog=None)
        await until(pilot, lambda: app.of(ArticleColumn.Shown), "Shown")
        assert app.of(ArticleColumn.Shown)[0].article is article
        column.open_find()
        await pilot.press(*"islands")
        await pilot.pause()
        bar = column.query_one(FindBar)
        assert bar.status == "1 of 4" and column.can_step_matches
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.is_open and column.can_step_matches  # kept for n / N
        column.step_match(1)
        assert column.find_current == 1
        column.view.scroll_to(y=20, animate=False, immediate=True)
        await until(pilot, lambda: app.of(ArticleColumn.Scrolled), "Scrolled")
        scrolled = app.of(ArticleColumn.Scrolled)[-1]
        assert scrolled.article_id == article.id and scrolled.position > 0


async def test_entity_sidebar_recognises_and_asks_for_highlights(tmp_path):
    article = load_file(SEED).article
    sidebar = EntitySidebar(open_library([SEED]))
    app = Host(sidebar)
    async with app.run_test(size=SIZE) as pilot:
        sidebar.show_article(article)
        await until(pilot, lambda: sidebar.entities, "the entities")
        await until(pilot, lambda: app.of(EntitySidebar.Highlights), "the highlights")
        layers = {m.layer for m in app.of(EntitySidebar.Highlights)}
        assert layers == {"entities"}
        hua = next(e for e in sidebar.entities if e.name == "Hua Chunying")
        sidebar.select(hua)
        await until(pilot, lambda: app.of(EntitySidebar.ScrollTo), "ScrollTo")
        assert app.of(EntitySidebar.ScrollTo)[0].offset == hua.first
        selected = [m for m in app.of(EntitySidebar.Highlights) if m.layer == "selected"]
        assert [(h.start, h.end) for h in selected[-1].highlights] == hua.mentions
        sidebar.step_mention(1)
        await pilot.pause()
        assert app.of(EntitySidebar.ScrollTo)[-1].offset == hua.mentions[1][0]


async def test_library_panel_loads_reopens_and_keeps_stars(tmp_path):
    library = open_library([make_library(tmp_path / "lib")])
    panel = LibraryPanel(library)
    app = Host(panel)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.of(LibraryPanel.Loaded), "Loaded")
        loaded = app.of(LibraryPanel.Loaded)[0]
        assert loaded.first and len(loaded.catalog.entries) == 4
        assert loaded.reopen[0].id == "trade"  # the newest first, nothing opened before
        panel.toggle_star("storm")
        panel.article_opened("storm")
        panel.writer.flush()
        with StateStore() as store:
            assert store.get("storm").starred and store.last_opened()[0] == "storm"
    app = Host(LibraryPanel(library))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: len(app.of(LibraryPanel.Loaded)) == 2, "two Loaded")
        shown, walked = app.of(LibraryPanel.Loaded)
        # the list first comes from the snapshot (no walk), then from the walk
        assert (shown.verified, walked.verified) == (False, True) and shown.first and not walked.first
        assert shown.reopen[0].id == "storm" and walked.catalog.entries is shown.catalog.entries


async def test_index_status_builds_the_index_and_says_when_it_is_ready(tmp_path):
    library = open_library([make_library(tmp_path / "lib")])
    status = IndexStatus(library)
    app = Host(status)
    async with app.run_test(size=SIZE) as pilot:
        assert status.state == "checking the search index"
        status.start(library)
        await until(pilot, lambda: app.of(IndexStatus.Updated), "Updated")
        assert status.state is None and app.of(IndexStatus.Updated)[0].result.added == 4
        assert [hit.id for hit in search(status.index, "geneva").hits] == ["trade"]


async def test_progress_lines_sit_above_the_footer_not_under_it(tmp_path):
    from textual.widgets import Footer

    from reader.app import ReaderApp
    from reader.widgets.task_progress import TaskProgress

    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=(120, 36)) as pilot:
        status = app.screen.query_one(IndexStatus)
        await until(pilot, lambda: status.state is None, "the index")
        bar = app.screen.query_one(TaskProgress)
        bar.start("Adding…")
        status.add_class("-running")
        await pilot.pause()
        footer = app.screen.query_one(Footer).region
        assert bar.region.height == 1 and status.region.height == 1
        assert not bar.region.overlaps(footer) and not status.region.overlaps(footer)
        assert not bar.region.overlaps(status.region)
