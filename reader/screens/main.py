"""The main screen: article list | article view (with the find bar) | sidebar.

The screen composes the panes and opens articles; each other concern lives in a mixin
of its own module: reading state (``main_reading``), imports (``main_imports``),
entities and notes (``main_entities``), library search and find (``main_search``).
"""

from __future__ import annotations

from pathlib import Path
from collections.abc import Callable
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Label, ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker

from reader.config import SIDEBARS, Settings
from reader.library import Article
from reader.library.catalog import Catalog, load_catalog
from reader.library.problems import Problem
from reader.library.state import ArticleState, StateError, StateStore
from reader.screens.main_entities import EntitiesMixin
from reader.screens.main_imports import ImportsMixin, TaskProgressed
from reader.screens.main_reading import ReadingStateMixin
from reader.screens.main_search import SearchMixin
from reader.widgets.article_details import ArticleDetails
from reader.widgets.article_list import ArticleList, sort_orders
from reader.widgets.article_view import ArticleView
from reader.widgets.entity_list import EntityList
from reader.widgets.find_bar import FindBar
from reader.widgets.note_panel import NotePanel
from reader.widgets.task_progress import TaskProgress

MAX_PROBLEM_NOTICES = 5
LOAD_IN_WORKER_WORDS = 50_000
"""Stories longer than this (about 300 KB) are read in a worker when opened."""
FULL_WIDTH = 100_000
"""``ArticleView.max_width`` when config.yaml asks for the whole pane."""


class LibraryLoaded(Message):
    """The catalog (and reading state) finished loading in the worker."""

    def __init__(self, library: Catalog, states: dict[str, ArticleState], reopen: bool,
                 orders: dict[str, list[int]] | None = None, store: StateStore | None = None,
                 state_problem: str | None = None) -> None:
        super().__init__()
        self.library = library
        self.orders = orders
        self.states = states
        self.reopen = reopen
        self.store = store  # the reading state, opened in the worker for the screen to keep
        self.state_problem = state_problem


class MainScreen(ReadingStateMixin, ImportsMixin, EntitiesMixin, SearchMixin, Screen):
    """Three panes: the list of articles, the open article and the sidebar."""

    DEFAULT_CSS = """
    MainScreen #panes { height: 1fr; }
    MainScreen .pane { border: round $panel-lighten-2; border-title-color: $text-muted; }
    MainScreen .pane:focus-within { border: round $primary; border-title-color: $text; }
    MainScreen #article-list { width: 36; max-width: 35%; }
    MainScreen #article-column { width: 1fr; }
    MainScreen #article-view { width: 1fr; height: 1fr; }
    MainScreen #index-status { height: 1; display: none; background: $panel; padding: 0 1; }
    MainScreen #index-status.-running { display: block; }
    MainScreen #index-status > Label { width: auto; margin-right: 1; color: $text-muted; }
    MainScreen #sidebar { width: 34; max-width: 30%; }
    MainScreen #article-details { height: auto; max-height: 6; }
    MainScreen #entities { height: 1fr; border-top: solid $panel-lighten-2; }
    MainScreen #note { height: 1fr; border-top: solid $panel-lighten-2; }
    MainScreen .-hidden { display: none; }
    """

    BINDINGS = [
        Binding("right_square_bracket,J", "next_article", "Next article", id="main.next_article"),
        Binding("left_square_bracket,K", "previous_article", "Prev article", id="main.previous_article"),
        Binding("slash", "find", "Find", id="main.find"),
        Binding("s", "search", "Search library", id="main.search"),
        Binding("n", "find_step(1)", "Next match", id="main.find_next"),
        Binding("N", "find_step(-1)", "Prev match", id="main.find_previous"),
        Binding("m", "next_mention", "Next mention", id="main.next_mention"),
        Binding("M", "previous_mention", "Prev mention", id="main.previous_mention"),
        Binding("a", "toggle_list", "Articles", id="main.toggle_list"),
        Binding("e", "toggle_sidebar", "Sidebar", id="main.toggle_sidebar"),
        Binding("u", "toggle_read", "Read/unread", id="main.toggle_read"),
        Binding("asterisk", "toggle_star", "Star", id="main.toggle_star"),
        Binding("A", "add", "Add", show=False, id="main.add"),
        Binding("R", "refresh_feeds", "Refresh feeds", show=False, id="main.refresh_feeds"),
    ]

    def __init__(self, sources: list[Path]) -> None:
        super().__init__()
        self.sources = sources
        self.library = Catalog()
        self.article: Article | None = None
        self.entities = []
        self.selected = None
        self.mention_index = 0

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
            with Vertical(id="sidebar", classes="pane") as sidebar:
                sidebar.border_title = "Entities"
                yield ArticleDetails(id="article-details")
                yield EntityList(id="entities")
                yield NotePanel(id="note")
        with Horizontal(id="index-status"):
            yield Label("Indexing the library", id="index-status-label")
            yield ProgressBar(id="index-progress", show_eta=False)
        yield TaskProgress(id="task-progress")
        yield Footer()

    def on_mount(self) -> None:
        settings = getattr(self.app, "settings", None)
        if settings is not None:
            self.apply_settings(settings)
        self.query_one(ArticleView).loading = True
        # Every scroll of the article writes its position (one small transaction, only when it
        # changed), so quitting at any moment keeps the place.
        self.watch(self.query_one(ArticleView), "scroll_y", self._scrolled, init=False)
        # Start reading the library after the first frame, so the worker does not compete
        # with the first paint for the interpreter; the index update waits for the article.
        self.load_library(True)

    def _scrolled(self, _old: float, _new: float) -> None:
        self.save_position()

    def on_unmount(self) -> None:
        if self.state is not None:
            self.state.close()
            self.state = None

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
    def load_library(self, reopen: bool = False) -> None:
        """Read the catalog (metadata only; a cache makes this fast) and the reading state."""
        worker = get_current_worker()

        def progress(done: int, total: int, label: str) -> None:
            if total > 2000:
                self.post_message(TaskProgressed(done, total, "Reading the library…"))

        catalog = load_catalog(self.sources, progress=progress, cancelled=lambda: worker.is_cancelled)
        states: dict[str, ArticleState] = {}
        store, problem = None, None
        try:
            if self.state is None:  # the first load opens the store the screen keeps (off the first frame)
                store = StateStore()
                states = store.all()
            else:  # a connection of its own: the screen may be writing meanwhile
                with StateStore() as reading:
                    states = reading.all()
        except StateError as error:
            problem = str(error)
        orders = sort_orders(catalog.entries)  # sorted here, so changing the sort later is instant
        if worker.is_cancelled:
            if store is not None:
                store.close()
            return
        self.post_message(LibraryLoaded(catalog, states, reopen, orders, store, problem))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        group, error = event.worker.group, event.worker.error
        if group == "library":
            self.query_one(ArticleView).loading = False
            self.query_one(TaskProgress).finish()
            self.notify(f"Could not load the library: {error}", severity="error", markup=False, timeout=10)
        elif group in ("entities", "notes"):
            self.notify(f"Could not find the entities: {error}", severity="error", markup=False, timeout=8)
        elif group == "import":
            self.query_one(TaskProgress).finish()
            self.notify(f"The import stopped: {error}", severity="error", markup=False, timeout=10)
        elif group == "index":
            self.index_failed(error)

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        self.show_library(message)
        self._index_files = message.library.files or None
        # Indexing is the heaviest start-up work: begin once the article is on screen.
        self.call_after_refresh(self.update_index)

    def show_library(self, message: LibraryLoaded) -> None:
        """Fill the list and, at start, reopen the last article (or the first)."""
        if message.store is not None:
            if self.state is None:
                self.state = message.store
            else:
                message.store.close()
        if message.state_problem and message.reopen:
            self.notify(f"{message.state_problem}; read marks and stars will not be kept this time.",
                        severity="error", markup=False, timeout=10)
        self.library = message.library
        self.query_one(TaskProgress).finish()
        self.report_problems(message.library.problems)
        article_list = self.query_one(ArticleList)
        read = [i for i, s in message.states.items() if s.read]
        starred = [i for i, s in message.states.items() if s.starred]
        current = self.article.id if self.article is not None else None
        article_list.set_articles(self.library.entries, read=read, starred=starred, keep=current,
                                  orders=message.orders)
        view = self.query_one(ArticleView)
        view.loading = False
        if not message.reopen:
            return
        if not self.library.entries:
            view.show(None)
            self.notify("No articles yet: press A (or use the command palette) to add files, pages or feeds.",
                        severity="warning")
            return
        last = self.state.last_opened() if self.state is not None else None
        if last is not None and self.library.get(last[0]) is not None:
            self.open_article(self.library.get(last[0]), position=last[1])
        else:
            first = article_list.highlighted_article or self.library.entries[0]
            self.open_article(first)
        article_list.focus()

    def report_problems(self, problems: list[Problem]) -> None:
        """One notification per problem (a few at most), then a summary line."""
        for problem in problems[:MAX_PROBLEM_NOTICES]:
            self.notify(str(problem), severity="warning" if problem.skipped else "information",
                        markup=False, timeout=8)
        if len(problems) > MAX_PROBLEM_NOTICES:
            self.notify(f"{len(problems) - MAX_PROBLEM_NOTICES} more problems; `reader list` prints them all.",
                        severity="warning", markup=False, timeout=8)

    # -- articles ----------------------------------------------------------

    def open_article(self, article: Any, position: int | None = None,
                     then: Callable[[], None] | None = None) -> None:
        """Show ``article`` (an Article or a catalog entry) in the view and the sidebar; mark it read.

        A long story not yet in memory is read in a worker; ``then`` runs once it is shown.
        """
        if not isinstance(article, Article):
            if article.word_count > LOAD_IN_WORKER_WORDS and not self.library.is_loaded(article.id):
                self.query_one(ArticleView).loading = True
                self._load_then_open(article, position, then)
                return
            loaded = self.library.load(article)
            if loaded is None:
                self._unreadable(article)
                return
            article = loaded
        self.save_position()
        self.article = article
        view = self.query_one(ArticleView)
        view.border_title = article.title
        view.show(article)
        if position:
            self._restore_position(article, position)
        self._saved_position = (article.id, position or 0)
        self.query_one(ArticleDetails).show(article)
        article_list = self.query_one(ArticleList)
        article_list.highlight_article(article.id)
        article_list.set_read(article.id, True)
        if self.state is not None:
            self.state.mark_opened(article.id)
        self.reset_entities()
        self.call_after_refresh(self.recognise_entities, article)  # the text first, colours a moment later
        self.refind()
        if then is not None:
            then()

    def _unreadable(self, entry: Any) -> None:
        self.query_one(ArticleView).loading = False
        self.notify(f"{entry.path}: could not be read any more; try reloading.", severity="error",
                    markup=False, timeout=8)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _load_then_open(self, entry: Any, position: int | None, then: Callable[[], None] | None) -> None:
        """Read a long story off the UI thread, then open it."""
        article = self.library.load(entry)
        if get_current_worker().is_cancelled:
            return
        if article is None:
            self.app.call_from_thread(self._unreadable, entry)
        else:
            self.app.call_from_thread(self.open_article, article, position, then)

    @on(ArticleList.Opened)
    def on_article_opened(self, message: ArticleList.Opened) -> None:
        state = self.state.get(message.article.id) if self.state is not None else None
        self.open_article(message.article, position=state.position if state else None)
        self.query_one(ArticleView).focus()

    def _step_article(self, step: int) -> None:
        target = self.query_one(ArticleList).neighbour(self.article.id if self.article else None, step)
        if target is not None:
            self.open_article(target)
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_mention", "previous_mention"):
            return self.can_step_mentions()
        if action == "find_step":
            return self.find_is_open()
        return True
