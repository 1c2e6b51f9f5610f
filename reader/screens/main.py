"""The main screen: article list | article view | sidebar.

The screen coordinates: it loads the library in a worker, opens articles and
routes messages between the panes.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from reader.library import Article, Library, load_library
from reader.library.problems import Problem
from reader.widgets.article_details import ArticleDetails
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView

MAX_PROBLEM_NOTICES = 5


class MainScreen(Screen):
    """Three panes: the list of articles, the open article and the sidebar."""

    DEFAULT_CSS = """
    MainScreen #panes { height: 1fr; }
    MainScreen .pane { border: round $panel-lighten-2; border-title-color: $text-muted; }
    MainScreen .pane:focus-within { border: round $primary; border-title-color: $text; }
    MainScreen #article-list { width: 32; max-width: 30%; }
    MainScreen #article-view { width: 1fr; }
    MainScreen #sidebar { width: 34; max-width: 30%; }
    MainScreen .-hidden { display: none; }
    """

    BINDINGS = [
        Binding("right_square_bracket,J", "next_article", "Next article", id="main.next_article"),
        Binding("left_square_bracket,K", "previous_article", "Prev article", id="main.previous_article"),
        Binding("a", "toggle_list", "Articles", id="main.toggle_list"),
        Binding("e", "toggle_sidebar", "Sidebar", id="main.toggle_sidebar"),
    ]

    class LibraryLoaded(Message):
        """The library finished loading in the worker."""

        def __init__(self, library: Library) -> None:
            super().__init__()
            self.library = library

    def __init__(self, sources: list[Path]) -> None:
        super().__init__()
        self.sources = sources
        self.library = Library()
        self.article: Article | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            article_list = ArticleList(id="article-list")
            article_list.add_class("pane")
            article_list.border_title = "Articles"
            yield article_list
            view = ArticleView(id="article-view")
            view.add_class("pane")
            view.border_title = "Article"
            yield view
            with VerticalScroll(id="sidebar", classes="pane") as sidebar:
                sidebar.border_title = "Details"
                yield ArticleDetails(id="article-details")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleView).loading = True
        self.load_library()

    # -- loading -----------------------------------------------------------

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def load_library(self) -> None:
        """Read the library files off the UI thread."""
        self.post_message(self.LibraryLoaded(load_library(self.sources)))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "library":
            self.query_one(ArticleView).loading = False
            self.notify(f"Could not load the library: {event.worker.error}", severity="error", markup=False, timeout=10)

    def on_main_screen_library_loaded(self, message: LibraryLoaded) -> None:
        self.library = message.library
        self.report_problems(message.library.problems)
        article_list = self.query_one(ArticleList)
        article_list.set_articles(self.library.articles)
        article_list.border_title = f"Articles ({len(self.library.articles):,})"
        view = self.query_one(ArticleView)
        view.loading = False
        if self.library.articles:
            self.open_article(self.library.articles[0])
            article_list.focus()
        else:
            self.notify("No articles to show.", severity="warning")

    def report_problems(self, problems: list[Problem]) -> None:
        """One notification per problem (a few at most), then a summary line."""
        for problem in problems[:MAX_PROBLEM_NOTICES]:
            self.notify(str(problem), severity="warning" if problem.skipped else "information",
                        markup=False, timeout=8)
        if len(problems) > MAX_PROBLEM_NOTICES:
            self.notify(f"{len(problems) - MAX_PROBLEM_NOTICES} more problems; `reader list` prints them all.",
                        severity="warning", markup=False, timeout=8)

    # -- articles ----------------------------------------------------------

    def open_article(self, article: Article) -> None:
        """Show ``article`` in the view and the sidebar."""
        self.article = article
        view = self.query_one(ArticleView)
        view.border_title = article.title
        view.show(article)
        self.query_one(ArticleDetails).show(article)
        self.query_one(ArticleList).highlight_article(article.id)

    @on(ArticleList.Opened)
    def on_article_opened(self, message: ArticleList.Opened) -> None:
        self.open_article(message.article)
        self.query_one(ArticleView).focus()

    def _step_article(self, step: int) -> None:
        articles = self.library.articles
        if not articles:
            return
        index = articles.index(self.article) if self.article in articles else -1
        target = index + step
        if 0 <= target < len(articles):
            self.open_article(articles[target])
        else:
            self.notify("No more articles that way.", timeout=2)

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def _toggle_pane(self, pane) -> None:
        pane.toggle_class("-hidden")
        if pane.has_class("-hidden") and pane.has_focus_within:
            self.query_one(ArticleView).focus()

    def action_toggle_list(self) -> None:
        self._toggle_pane(self.query_one(ArticleList))

    def action_toggle_sidebar(self) -> None:
        self._toggle_pane(self.query_one("#sidebar"))
