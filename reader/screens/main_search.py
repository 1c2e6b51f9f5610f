"""The main screen's search side: the index update worker, the library search pane, the find bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.widgets import Label, ProgressBar
from textual.worker import get_current_worker

from reader.widgets.article_view import ArticleView, Highlight
from reader.widgets.find_bar import FindBar

if TYPE_CHECKING:
    from reader.screens.search import SearchChoice
    from reader.search.find import FindOptions, FindResult
    from reader.search.index import UpdateResult

# Whoosh and the search screens are imported on first use (after the first paint), not at start.

def _finding():
    """The find-in-article module (imports Whoosh's analyzer, so only when first used)."""
    from reader.search import find

    return find


INDEX_COMMIT_EVERY = 2000  # a long first build is searchable as it goes
INDEX_IN_PROCESS_FROM = 2000  # articles to (re)index from which the update runs in its own process
SHOW_PROGRESS_FROM = 50  # articles to index before the progress bar is worth showing


class IndexProgress(Message):
    """Progress of the index update (each replaces the previous one in the queue)."""

    def __init__(self, done: int, total: int, text: str) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.text = text

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


class IndexUpdated(Message):
    """The index update finished."""

    def __init__(self, result: UpdateResult) -> None:
        super().__init__()
        self.result = result


class SearchMixin:
    """Library search and find-in-article for ``MainScreen``."""

    index_state: str | None = "checking the search index"
    find_result: FindResult | None = None
    find_current: int | None = None
    last_query = ""
    _find_options: FindOptions | None = None
    _search_index = None

    _search_index_sources = None
    _index_files = None  # the catalog's (path, root, size, mtime_ns) for the next update

    @property
    def search_index(self):
        """The index of the library shown, opened on first use (and again when the shown
        folders change, as when the first import replaces the sample library)."""
        sources = list(self.sources)
        if self._search_index is None or self._search_index_sources != sources:
            if self._search_index is not None:
                self._search_index.close()
            from reader.search.index import open_library_index

            self._search_index = open_library_index(sources)
            self._search_index_sources = sources
        return self._search_index

    # -- the index ---------------------------------------------------------

    @work(thread=True, exclusive=True, group="index", exit_on_error=False)
    def update_index(self) -> None:
        """Bring the search index up to date; searching works on what is committed meanwhile."""
        worker = get_current_worker()
        from reader.search.index import open_library_index

        updater = open_library_index(self.sources)
        # Just after the library was loaded, its walk is reused (not walked twice at start)
        files, self._index_files = self._index_files, None
        progress = lambda done, total, text: self.post_message(IndexProgress(done, total, text))  # noqa: E731
        try:
            result = updater.update(self.sources, files=files, progress=progress,
                                    should_stop=lambda: worker.is_cancelled, commit_every=INDEX_COMMIT_EVERY,
                                    defer_from=INDEX_IN_PROCESS_FROM)
        finally:
            updater.close()
        if result.deferred:
            # A big build in its own process: two writer processes, and keys stay responsive
            from reader.search.background import update_in_subprocess

            result = update_in_subprocess(self.sources, progress=progress, should_stop=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.post_message(IndexUpdated(result))

    def index_failed(self, error: BaseException) -> None:
        """The index worker raised: say so once; library search may be out of date."""
        self.index_state = None
        self.query_one("#index-status").remove_class("-running")
        self.notify(f"Could not update the search index: {error}", severity="error", markup=False, timeout=10)

    def on_index_progress(self, message: IndexProgress) -> None:
        saving = message.text == "saving the index"
        if message.total:
            self.index_state = ("saving the search index" if saving
                                else f"indexing {message.done:,} of {message.total:,}")
        if message.total >= SHOW_PROGRESS_FROM:
            self.query_one("#index-status").add_class("-running")
            self.query_one("#index-status-label", Label).update(
                "Saving the search index" if saving else "Indexing the library")
            self.query_one("#index-progress", ProgressBar).update(total=message.total, progress=message.done)

    def on_index_updated(self, message: IndexUpdated) -> None:
        self.index_state = None
        self.query_one("#index-status").remove_class("-running")
        result = message.result
        for text in result.messages:
            self.notify(text.capitalize(), markup=False, timeout=6)
        if result.added + result.changed + result.removed >= SHOW_PROGRESS_FROM:
            self.notify(result.summary, markup=False, timeout=4)

    # -- library search ----------------------------------------------------

    def action_search(self) -> None:
        """Open the library search pane."""
        # Hits' snippets come from the bodies stored in the index: no file is read per keystroke.
        from reader.screens.search import SearchScreen

        screen = SearchScreen(self.search_index, lookup=None, query=self.last_query,
                              indexing=lambda: self.index_state, broken=self._index_broken)
        self.app.push_screen(screen, self._search_done)

    def _index_broken(self) -> None:
        """A search failed on the index: check it (and rebuild it if damaged) in the worker."""
        if self.index_state is None:
            self.index_state = "checking the search index"
            self.search_index.close()
            self.update_index()

    def _search_done(self, choice: SearchChoice | None) -> None:
        if choice is None:
            return
        self.last_query = choice.query
        entry = self.library.get(choice.article_id)
        if entry is None:
            self.notify(f"That story is no longer in the library: {choice.article_id}", markup=False,
                        severity="warning")
            return
        self.open_article(entry, then=lambda: self._show_search_matches(choice))

    def _show_search_matches(self, choice: SearchChoice) -> None:
        """Highlight the query's matches in the story just opened and scroll to the first."""
        if self.article is None or self.article.id != choice.article_id:
            return
        # Matches found again in the body as shown (the index may predate a change).
        matches = choice.plan.spans(self.article.body) if choice.plan is not None else list(choice.matches)
        view = self.query_one(ArticleView)
        view.set_highlights("search", [Highlight(s, e, "match") for s, e in matches])
        if matches:
            view.scroll_to_offset(matches[0][0])
        view.focus()

    # -- find in the article -----------------------------------------------

    def action_find(self) -> None:
        """Open the find bar under the article."""
        if self.article is not None:
            _finding().prime(self.article.body)
        self.query_one(FindBar).open()

    def find_is_open(self) -> bool:
        """True when the find bar is open (n/N step through matches)."""
        return self.query_one(FindBar).is_open

    def refind(self) -> None:
        """Run the open find bar's pattern again on a newly opened article."""
        find_bar = self.query_one(FindBar)
        if find_bar.is_open:
            self.find_current = None
            self._run_find(find_bar.pattern, self._find_options or _finding().FindOptions())

    def action_find_step(self, delta: int) -> None:
        self._find_step(delta)

    def on_find_bar_changed(self, message: FindBar.Changed) -> None:
        self._find_options = _finding().FindOptions(whole_word=message.whole_word, regex=message.regex,
                                                    word_mode=message.word_mode)
        self.find_current = None
        self._run_find(message.pattern, self._find_options)

    def on_find_bar_step(self, message: FindBar.Step) -> None:
        self._find_step(message.delta)

    def on_find_bar_closed(self, _message: FindBar.Closed) -> None:
        self.find_result = None
        self.find_current = None
        view = self.query_one(ArticleView)
        view.set_highlights("find", [])
        view.focus()

    def _run_find(self, pattern: str, options: FindOptions) -> None:
        body = self.article.body if self.article is not None else ""
        self.find_result = _finding().find_matches(body, pattern, options)
        self.find_current = 0 if self.find_result.matches else None
        self._show_find()

    def _find_step(self, delta: int) -> None:
        if self.find_result is None:
            return
        self.find_current = _finding().step(len(self.find_result.matches), self.find_current, delta)
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
