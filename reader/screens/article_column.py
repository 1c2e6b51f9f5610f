"""The article column: the open story, its find bar, and what find (or a library search
hit) is showing in it.

It owns the open article, opening a story (a long one is read in a worker), the reading
position (restored on open, reported as the person scrolls), when the story counts as
read (scrolled to its end, or open a while: ``Read``) and the find state: the
matches of the find bar's pattern, or of the library search the story was opened from,
stepped through with ``n`` / ``N`` even after the bar is closed (as in less and vim).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.content import Content
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.worker import Worker, get_current_worker

from reader.library import Article
from reader.library.catalog import Catalog, CatalogEntry
from reader.library.last_story import LastStory
from reader.text import make_safe
from reader.widgets.article_view import ArticleView, Highlight
from reader.widgets.failures import worker_failed

if TYPE_CHECKING:
    from reader.screens.search import SearchChoice
    from reader.widgets.find_bar import FindBar
    from reader.search.find import FindOptions, FindResult

LOAD_IN_WORKER_WORDS = 50_000
"""Stories longer than this (about 300 KB) are read in a worker when opened."""
READ_AFTER_SECONDS = 15.0
"""A story open this long counts as read (as does scrolling to its end), as in mail readers."""
LOADING_SIGN_AFTER = 0.15
"""Seconds after start before the article pane shows that its story is on its way."""
POSITION_SECONDS = 4.0
"""How long "3 of 12" stays on the article's border after ``n`` or ``m``."""


def _finding():
    """The find-in-article module (imports Whoosh's analyzer, so only when first used)."""
    from reader.search import find

    return find


class ArticleColumn(Vertical):
    """The article view and the find bar under it."""

    DEFAULT_CSS = """
    ArticleColumn { width: 1fr; height: 1fr; }
    ArticleColumn > ArticleView { width: 1fr; height: 1fr; border-subtitle-align: left; }
    /* ("3 of 12" at the left: notices come up at the bottom right, over the border) */
    """

    class Shown(Message):
        """A story is on screen now (its text; entities and marks may follow)."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    class Scrolled(Message):
        """The reading position in the open story changed (a body offset)."""

        def __init__(self, article_id: str, position: int) -> None:
            super().__init__()
            self.article_id = article_id
            self.position = position

    class Read(Message):
        """The person has read the open story: scrolled to its end, or had it open a while."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class StoryRead(Message):
        """The reading worker read a long story."""

        def __init__(self, article: Article | None, entry: CatalogEntry, position: int | None,
                     search: SearchChoice | None) -> None:
            super().__init__()
            self.article, self.entry, self.position, self.search = article, entry, position, search

    def __init__(self, *, id: str | None = None, first_story: LastStory | None = None) -> None:
        """``first_story``: the story open when the app last closed, shown as soon as the
        column is mounted, before the library's list is read."""
        super().__init__(id=id)
        self._first_story = first_story
        self.article: Article | None = None
        self.find_result: FindResult | None = None
        self.find_current: int | None = None
        self.find_label = ""
        """What the matches are of: "" for the find bar's pattern, else the search query."""
        self._find_options: FindOptions | None = None
        self._reported_position: tuple[str, int] | None = None
        self._read_timer: Timer | None = None
        self._position_timer: Timer | None = None
        self._found_pattern: str | None = None
        """The pattern the matches were found with (with ``_find_options``; None: none, or a search's)."""
        self._counted_read: str | None = None
        """The id of the open story once it counted as read (or the person marked it)."""
        self.read_after = READ_AFTER_SECONDS
        self._waiting = True
        """True until the first story is shown (or there is none to show)."""

    def compose(self) -> ComposeResult:
        view = ArticleView(id="article-view")
        view.add_class("pane")
        view.border_title = "Article"
        yield view
        # (the find bar is mounted when first wanted: ``_find_bar``)

    def _find_bar(self) -> FindBar:
        """The find bar under the article, mounted the first time it opens (it starts
        closed; its module and styles took start-up time)."""
        bar = self._mounted_find_bar()
        if bar is not None:
            return bar
        from reader.widgets.find_bar import FindBar

        bar = FindBar(id="find-bar")
        self.mount(bar)
        return bar

    def _mounted_find_bar(self) -> FindBar | None:
        """The find bar, if it was ever opened."""
        return next(iter(self.query_children("#find-bar")), None)

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    def on_mount(self) -> None:
        if self._first_story is not None:
            first, self._first_story = self._first_story, None
            self._show(first.article, first.position, None)
            return
        # The first story usually comes within a frame or two: a loading sign shown at once
        # would flash, and covering the view delays its first layout (and so the story).
        self.set_timer(LOADING_SIGN_AFTER, self._sign_loading)

    def _sign_loading(self) -> None:
        """Show that the story is on its way, when none is shown yet."""
        if self._waiting:
            self.view.loading = True

    def stop_waiting(self) -> None:
        """No story is on its way (the library could not be read): no loading sign."""
        self._waiting = False
        self.view.loading = False

    def show_nothing(self) -> None:
        """An empty library: the view says so instead of waiting for a story."""
        self.stop_waiting()
        self.view.show(None)

    # -- opening ---------------------------------------------------------------------------

    def open(self, target: Article | CatalogEntry, catalog: Catalog, *, position: int | None = None,
             search: SearchChoice | None = None) -> None:
        """Show a story (read from its file unless it is an Article already), at ``position``
        (a body offset), with the matches of a library search when it was opened from one."""
        if not isinstance(target, Article):
            if target.word_count > LOAD_IN_WORKER_WORDS and not catalog.is_loaded(target.id):
                self.view.loading = True
                self._read_story(target, catalog, position, search)
                return
            article = catalog.load(target)
            if article is None:
                self._unreadable(target)
                return
            target = article
        self._show(target, position, search)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False, description="Could not read the story")
    def _read_story(self, entry: CatalogEntry, catalog: Catalog, position: int | None,
                    search: SearchChoice | None) -> None:
        """Read a long story off the UI thread."""
        article = catalog.load(entry)
        if not get_current_worker().is_cancelled:
            self.post_message(self.StoryRead(article, entry, position, search))

    def on_article_column_story_read(self, message: StoryRead) -> None:
        message.stop()
        if message.article is None:
            self._unreadable(message.entry)
        else:
            self._show(message.article, message.position, message.search)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failed read leaves the view usable (the app says what failed)."""
        if worker_failed(self, event):
            self.view.loading = False

    def _unreadable(self, entry: CatalogEntry) -> None:
        self.stop_waiting()
        self.notify(f"{entry.path}: could not be read any more; try reloading.", severity="error",
                    markup=False, timeout=8)

    def _show(self, article: Article, position: int | None, search: SearchChoice | None) -> None:
        self.report_position()
        self.article = article
        self._waiting = False
        self._clear_position()  # "3 of 39", "mention 2 of 6": the story before's
        view = self.view
        view.loading = False
        view.show(article, position)
        self._reported_position = (article.id, position or 0)
        if search is not None:
            self._show_search(article, search)
        else:
            self._refind()
        self._start_reading(article)
        self.post_message(self.Shown(article))

    # -- read or not -----------------------------------------------------------------------

    def _start_reading(self, article: Article) -> None:
        self._counted_read = None
        if self._read_timer is not None:
            self._read_timer.stop()
        self._read_timer = self.set_timer(self.read_after, lambda: self._count_read(article))

    def _count_read(self, article: Article) -> None:
        if article is self.article and self._counted_read != article.id:
            self._counted_read = article.id
            self.post_message(self.Read(article.id))

    def read_marked(self) -> None:
        """The person marked the open story read or unread: it no longer counts itself read."""
        if self.article is not None:
            self._counted_read = self.article.id

    # -- reading position ------------------------------------------------------------------

    def reading_position(self) -> int | None:
        """The body offset of the top line of the view (0 at the top of the article)."""
        view = self.view
        if self.article is None or view.article is not self.article:
            return None
        return view.reading_offset

    def on_article_view_moved(self, message: ArticleView.Moved) -> None:
        message.stop()
        if message.article is self.article:
            self.report_position()
            view = self.view
            if view.max_scroll_y > 0 and view.scroll_y >= view.max_scroll_y:
                self._count_read(message.article)  # scrolled to its end

    def report_position(self) -> None:
        """Post ``Scrolled`` when the open story's position changed."""
        if self.article is None or not self.is_mounted:
            return
        position = self.reading_position()
        if position is None:
            return
        current = (self.article.id, position)
        if current != self._reported_position:
            self._reported_position = current
            self.post_message(self.Scrolled(*current))

    # -- highlights from elsewhere (entities) ------------------------------------------------

    def set_highlights(self, layer: str, highlights: list[Highlight]) -> None:
        self.view.set_highlights(layer, highlights)

    def scroll_to_offset(self, offset: int) -> None:
        self.view.scroll_to_offset(offset)

    # -- find --------------------------------------------------------------------------------

    def open_find(self) -> None:
        """Open the find bar under the article."""
        if self.article is not None:
            _finding().prime(self.article.body)
        self._clear_position()  # the bar says its own count ("scientology: 1 of 19" stayed beside its "1 of 21")
        pattern = None
        if self.find_label:  # a search's matches: the bar takes its words
            from reader.search.query import plain_words

            pattern = plain_words(self.find_label)
        self._find_bar().open(pattern)

    @property
    def find_open(self) -> bool:
        """True while the find bar shows (left open when Tab went back to the article)."""
        bar = self._mounted_find_bar()
        return bar is not None and bar.is_open

    @property
    def can_step_matches(self) -> bool:
        """True when there are matches for ``n`` / ``N`` (the bar may be closed)."""
        return self.find_result is not None and bool(self.find_result.matches)

    def step_match(self, delta: int) -> None:
        if self.find_result is None:
            return
        self.find_current = _finding().step(len(self.find_result.matches), self.find_current, delta)
        self._show_find()
        if not self.find_open and self.find_result.matches:
            self.show_position(self._status_text())

    def show_position(self, text: str) -> None:
        """Say where ``n`` or ``m`` went ("3 of 12", "Barack Obama: mention 9 of 12") on the
        article's lower border, in place, for a few seconds: a notice per key would pile up
        over the text being read."""
        self.view.border_subtitle = Content(make_safe(text))
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(POSITION_SECONDS, self._clear_position)

    def _clear_position(self) -> None:
        if self._position_timer is not None:
            self._position_timer.stop()
            self._position_timer = None
        self.view.border_subtitle = ""

    def clear_find(self) -> None:
        """Forget the matches and their highlights (and the count on the border: "2 of 39"
        outlived Esc by seconds)."""
        self.find_result, self.find_current, self.find_label = None, None, ""
        self._clear_position()
        self._found_pattern = None
        self.view.set_highlights("find", [])
        self.view.set_title_matches([])

    def close_find(self) -> None:
        """Close the find bar (left open when Tab went back to the article) and forget its
        matches: a bar still showing "3 of 3" would promise matches ``n`` no longer has. The
        focus stays where it is (Esc may come from the sidebar)."""
        self.clear_find()
        if (bar := self._mounted_find_bar()) is not None:
            bar.hide()

    def on_find_bar_changed(self, message: FindBar.Changed) -> None:
        message.stop()
        options = _finding().FindOptions(whole_word=message.whole_word, regex=message.regex,
                                         word_mode=message.word_mode)
        if (message.pattern, options) == (self._found_pattern, self._find_options) and self.find_result is not None \
                and not self.find_label:
            self._show_find()  # the bar opened again on its pattern: the match stepped to stays current
            return
        self._find_options = options
        self.find_current = None
        self.find_label = ""
        self._run_find(message.pattern, self._find_options)

    def on_find_bar_step(self, message: FindBar.Step) -> None:
        message.stop()
        self.step_match(message.delta)

    def on_find_bar_closed(self, message: FindBar.Closed) -> None:
        """The bar closes; its matches stay for ``n`` / ``N`` (Esc in the article clears them)."""
        message.stop()
        if self.find_result is not None and not self.find_result.matches:
            self.clear_find()
        self.view.focus()

    def on_find_bar_left(self, message: FindBar.Left) -> None:
        message.stop()
        self.view.focus()

    def _refind(self) -> None:
        """The find bar's pattern again, on a newly opened story (a search's matches go)."""
        find_bar = self._mounted_find_bar()
        if find_bar is not None and find_bar.is_open and find_bar.pattern:
            self.find_current, self.find_label = None, ""
            self._run_find(find_bar.pattern, self._find_options or _finding().FindOptions())
        else:
            self.clear_find()

    def _show_search(self, article: Article, choice: SearchChoice) -> None:
        """The library search's matches become what ``n`` / ``N`` step through."""
        find = _finding()
        matches = choice.plan.spans(article.body) if choice.plan is not None else []
        self.find_result = find.FindResult(matches=list(matches))
        self.find_current = 0 if matches else None
        self.find_label = choice.query
        if (bar := self._mounted_find_bar()) is not None:
            bar.close()
        self._show_find()
        if matches:  # the count, as n and N say it with the bar closed ("whale: 1 of 57")
            self.show_position(self._status_text())
        self.view.focus()

    def _run_find(self, pattern: str, options: FindOptions) -> None:
        self._found_pattern = pattern
        body = self.article.body if self.article is not None else ""
        find = _finding()
        self.find_result = find.find_matches(body, pattern, options)
        shift = self._title_shift
        if shift and not self.find_result.error:  # the headline's matches first, below the body's offsets
            in_title = find.find_matches(self.article.title, pattern, options).matches
            self.find_result.matches[:0] = [(s - shift, e - shift) for s, e in in_title]
        # the first match from the reading place on (as less and vim search), not the story's first;
        # at the top of the story, the headline's
        offset = self.view.reading_offset
        self.find_current = find.nearest(self.find_result.matches, offset if offset else -shift)
        self._show_find()

    @property
    def _title_shift(self) -> int:
        """How far below the body's offsets find keeps the matches of a headline drawn above the
        body (its length and one: -len(title)-1 … -1); 0 when the headline is the body's lead."""
        return len(self.article.title) + 1 if self.article is not None and self.view.title_apart else 0

    def _status_text(self) -> str:
        label = self.find_result.label(self.find_current) if self.find_result is not None else ""
        return f"{self.find_label}: {label}" if self.find_label else label

    def _show_find(self) -> None:
        result, current = self.find_result, self.find_current
        if result is None:
            return
        highlights = [Highlight(s, e, "match-current" if i == current else "match")
                      for i, (s, e) in enumerate(result.matches)]
        self.view.set_highlights("find", [h for h in highlights if h.start >= 0])
        shift = self._title_shift  # (matches in a headline drawn apart have negative offsets)
        self.view.set_title_matches([h._replace(start=h.start + shift, end=h.end + shift)
                                     for h in highlights if h.start < 0])
        bar = self._mounted_find_bar()
        if bar is not None:  # (none yet: a search's matches, stepped with the bar never opened)
            empty = not bar.pattern and not self.find_label
            bar.set_status("" if empty and not result.error else self._status_text(),
                           error=bool(result.error), none=not result.matches and not empty)
        if current is not None:
            self.view.scroll_to_offset(result.matches[current][0])
