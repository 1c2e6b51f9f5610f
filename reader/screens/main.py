"""The main screen: article list | article view | sidebar.

The screen coordinates: it loads the library in a worker, opens articles and
routes messages between the panes.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label, ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker

from reader.config import SIDEBARS, Settings
from reader.library import Article, Library, load_library
from reader.library.problems import Problem
from reader.screens.search import SearchChoice, SearchScreen
from reader.search import find as finding
from reader.search.index import UpdateResult, open_library_index
from reader.widgets.article_details import ArticleDetails
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView, Highlight
from reader.widgets.find_bar import FindBar

MAX_PROBLEM_NOTICES = 5
INDEX_COMMIT_EVERY = 2000  # a long first build is searchable as it goes
SHOW_PROGRESS_FROM = 50  # articles to index before the progress bar is worth showing
FULL_WIDTH = 100_000
"""``ArticleView.max_width`` when config.yaml asks for the whole pane."""


class MainScreen(Screen):
    """Three panes: the list of articles, the open article and the sidebar."""

    DEFAULT_CSS = """
    MainScreen #panes { height: 1fr; }
    MainScreen .pane { border: round $panel-lighten-2; border-title-color: $text-muted; }
    MainScreen .pane:focus-within { border: round $primary; border-title-color: $text; }
    MainScreen #article-list { width: 32; max-width: 30%; }
    MainScreen #article-column { width: 1fr; }
    MainScreen #article-view { width: 1fr; height: 1fr; }
    MainScreen #index-status { height: 1; display: none; background: $panel; padding: 0 1; }
    MainScreen #index-status.-running { display: block; }
    MainScreen #index-status > Label { width: auto; margin-right: 1; color: $text-muted; }
    MainScreen #sidebar { width: 34; max-width: 30%; }
    MainScreen .-hidden { display: none; }
    """

    BINDINGS = [
        Binding("right_square_bracket,J", "next_article", "Next article", id="main.next_article"),
        Binding("left_square_bracket,K", "previous_article", "Prev article", id="main.previous_article"),
        Binding("a", "toggle_list", "Articles", id="main.toggle_list"),
        Binding("e", "toggle_sidebar", "Sidebar", id="main.toggle_sidebar"),
        Binding("slash", "find", "Find", id="main.find"),
        Binding("s", "search", "Search library", id="main.search"),
        Binding("n", "find_step(1)", "Next match", id="main.find_next"),
        Binding("N", "find_step(-1)", "Prev match", id="main.find_previous"),
    ]

    class LibraryLoaded(Message):
        """The library finished loading in the worker."""

        def __init__(self, library: Library) -> None:
            super().__init__()
            self.library = library

    class IndexProgress(Message):
        """Progress of the index update (each replaces the previous one in the queue)."""

        def __init__(self, done: int, total: int, text: str) -> None:
            super().__init__()
            self.done = done
            self.total = total
            self.text = text

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, MainScreen.IndexProgress)

    class IndexUpdated(Message):
        """The index update finished."""

        def __init__(self, result: UpdateResult) -> None:
            super().__init__()
            self.result = result

    def __init__(self, sources: list[Path]) -> None:
        super().__init__()
        self.sources = sources
        self.library = Library()
        self.article: Article | None = None
        self._articles_by_id: dict[str, Article] = {}
        self.search_index = open_library_index(sources)
        self.index_state: str | None = "checking the search index"
        self.find_result = finding.FindResult()
        self.find_current: int | None = None
        self.last_query = ""

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            article_list = ArticleList(id="article-list")
            article_list.add_class("pane")
            article_list.border_title = "Articles"
            yield article_list
            with Vertical(id="article-column"):
                view = ArticleView(id="article-view")
                view.add_class("pane")
                view.border_title = "Article"
                yield view
                yield FindBar(id="find-bar")
            with VerticalScroll(id="sidebar", classes="pane") as sidebar:
                sidebar.border_title = "Details"
                yield ArticleDetails(id="article-details")
        with Horizontal(id="index-status"):
            yield Label("Indexing the library")
            yield ProgressBar(id="index-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        settings = getattr(self.app, "settings", None)
        if settings is not None:
            self.apply_settings(settings)
        self.query_one(ArticleView).loading = True
        self.load_library()
        self.update_index()

    def apply_settings(self, settings: Settings) -> None:
        """Article width and which sidebars show, from config.yaml.

        The sidebar hides when neither the entities nor the note sidebar is wanted; a
        widget with the id ``entities`` or ``note`` hides on its own setting.
        """
        self.query_one(ArticleView).max_width = settings.article_width or FULL_WIDTH
        for name in SIDEBARS:
            for widget in self.query(f"#{name}"):
                widget.set_class(not settings.sidebars.get(name, True), "-hidden")
        self.query_one("#sidebar").set_class(not any(settings.sidebars.get(n, True) for n in SIDEBARS), "-hidden")

    # -- loading -----------------------------------------------------------

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def load_library(self) -> None:
        """Read the library files off the UI thread."""
        self.post_message(self.LibraryLoaded(load_library(self.sources)))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "library":
            self.query_one(ArticleView).loading = False
            self.notify(f"Could not load the library: {event.worker.error}", severity="error", markup=False, timeout=10)
        if event.state == WorkerState.ERROR and event.worker.group == "index":
            self.index_state = None
            self.query_one("#index-status").remove_class("-running")
            self.notify(f"Could not update the search index: {event.worker.error}", severity="error",
                        markup=False, timeout=10)

    # -- the search index --------------------------------------------------

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def update_index(self) -> None:
        """Bring the search index up to date; searching works on what is committed meanwhile."""
        worker = get_current_worker()
        updater = open_library_index(self.sources)
        result = updater.update(
            self.sources,
            progress=lambda done, total, text: self.post_message(self.IndexProgress(done, total, text)),
            should_stop=lambda: worker.is_cancelled,
            commit_every=INDEX_COMMIT_EVERY,
        )
        updater.close()
        if not worker.is_cancelled:
            self.post_message(self.IndexUpdated(result))

    def on_main_screen_index_progress(self, message: IndexProgress) -> None:
        if message.total:
            self.index_state = f"indexing {message.done:,} of {message.total:,}"
        bar = self.query_one("#index-progress", ProgressBar)
        if message.total >= SHOW_PROGRESS_FROM:
            self.query_one("#index-status").add_class("-running")
            bar.update(total=message.total, progress=message.done)

    def on_main_screen_index_updated(self, message: IndexUpdated) -> None:
        self.index_state = None
        self.query_one("#index-status").remove_class("-running")
        result = message.result
        for text in result.messages:
            self.notify(text.capitalize(), markup=False, timeout=6)
        if result.added + result.changed + result.removed >= SHOW_PROGRESS_FROM:
            self.notify(result.summary, markup=False, timeout=4)

    def on_main_screen_library_loaded(self, message: LibraryLoaded) -> None:
        self.library = message.library
        self._articles_by_id = {a.id: a for a in message.library.articles}
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
        find_bar = self.query_one(FindBar)
        if find_bar.is_open:
            self.find_current = None
            self._run_find(find_bar.pattern, self._find_options)

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

    # -- library search ----------------------------------------------------

    def action_search(self) -> None:
        """Open the library search pane."""
        screen = SearchScreen(self.search_index, lookup=self._articles_by_id.get, query=self.last_query,
                              indexing=lambda: self.index_state)
        self.app.push_screen(screen, self._search_done)

    def _search_done(self, choice: SearchChoice | None) -> None:
        if choice is None:
            return
        self.last_query = choice.query
        article = self._articles_by_id.get(choice.article_id)
        if article is None:
            self.notify(f"That story is no longer in the library: {choice.article_id}", markup=False,
                        severity="warning")
            return
        self.open_article(article)
        view = self.query_one(ArticleView)
        view.set_highlights("search", [Highlight(s, e, "match") for s, e in choice.matches])
        if choice.matches:
            view.scroll_to_offset(choice.matches[0][0])
        view.focus()

    # -- find in the article -----------------------------------------------

    _find_options = finding.FindOptions()

    def action_find(self) -> None:
        """Open the find bar under the article."""
        if self.article is not None:
            finding.prime(self.article.body)
        self.query_one(FindBar).open()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "find_step":
            return self.query_one(FindBar).is_open
        return True

    def action_find_step(self, delta: int) -> None:
        self._find_step(delta)

    @on(FindBar.Changed)
    def _find_changed(self, message: FindBar.Changed) -> None:
        self._find_options = finding.FindOptions(whole_word=message.whole_word, regex=message.regex,
                                                 word_mode=message.word_mode)
        self.find_current = None
        self._run_find(message.pattern, self._find_options)

    @on(FindBar.Step)
    def _find_step_message(self, message: FindBar.Step) -> None:
        self._find_step(message.delta)

    @on(FindBar.Closed)
    def _find_closed(self) -> None:
        self.find_result = finding.FindResult()
        self.find_current = None
        view = self.query_one(ArticleView)
        view.set_highlights("find", [])
        view.focus()

    def _run_find(self, pattern: str, options: finding.FindOptions) -> None:
        body = self.article.body if self.article is not None else ""
        self.find_result = finding.find_matches(body, pattern, options)
        self.find_current = 0 if self.find_result.matches else None
        self._show_find()

    def _find_step(self, delta: int) -> None:
        self.find_current = finding.step(len(self.find_result.matches), self.find_current, delta)
        self._show_find()

    def _show_find(self) -> None:
        result, current = self.find_result, self.find_current
        view = self.query_one(ArticleView)
        highlights = [Highlight(s, e, "match-current" if i == current else "match")
                      for i, (s, e) in enumerate(result.matches)]
        view.set_highlights("find", highlights)
        bar = self.query_one(FindBar)
        empty = not bar.pattern
        bar.set_status("" if empty and not result.error else result.label(current),
                       error=bool(result.error), none=not result.matches and not empty)
        if current is not None:
            view.scroll_to_offset(result.matches[current][0])
