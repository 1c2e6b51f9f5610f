"""The library pane: the article list, the catalog behind it, and the reading state.

It loads the catalog (and read marks, stars, positions) in a worker, keeps read marks
and stars as the person changes them (written by a ``StateWriter`` thread), imports and
refreshes feeds, and filters the list to the articles that mention a name. It tells the
screen what happened with its messages; it never touches the other panes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.worker import Worker, get_current_worker

from reader.core import Library
from reader.library import last_story
from reader.library.catalog import Catalog, CatalogEntry
from reader.library.ordering import SORTS
from reader.text import sentence_case
from reader.library.watch import FolderWatch
from reader.widgets.article_list import SHOWS, ArticleList
from reader.widgets.failures import worker_failed

if TYPE_CHECKING:  # the state's modules (and sqlite3) are imported by the loading worker
    from reader.library.state import ArticleState
    from reader.library.state_writer import StateWriter

PROGRESS_FROM = 2000  # files to scan from which loading shows progress
MENTIONS_PROGRESS_FROM = 200
WATCH_SECONDS = 2.0
"""How often the library's folders are looked at for stories added or removed on disk."""
SORT_CHOICE = "list_sort"
"""The name the list's sort order is kept under (the state database's choices)."""
SHOW_CHOICE = "list_show"
"""The name kept for which articles the list shows (all, unread or starred)."""


@dataclass
class _Loaded:
    """What the loading worker read."""

    library: Library
    catalog: Catalog
    states: dict[str, ArticleState]
    reopen: tuple[str, int] | None
    writer: StateWriter | None
    state_problem: str | None
    first: bool
    """The first list shown since the app started (it reopens the last story)."""
    verified: bool
    """The library was walked: the list is up to date (not only the snapshot's)."""
    startup: bool = False
    """One of the two lists shown at start (their stories are not new arrivals)."""
    sort: str | None = None
    """The list's sort order the person chose last time."""
    show: str | None = None
    """Which articles the list showed last time (all, unread or starred)."""
    watch: FolderWatch | None = None


class LibraryPanel(Vertical):
    """The articles of the library and what the person has done with them."""

    DEFAULT_CSS = """
    LibraryPanel { width: 36; height: 1fr; }
    """

    class Loaded(Message):
        """The catalog is on screen. ``reopen``: the story to open (with its position) on
        the first load, or one of the person's first stories when they replace the sample;
        ``verified``: the library was walked, so the list is up to date (at start the list
        shows the catalog's snapshot a moment before)."""

        def __init__(self, catalog: Catalog, reopen: tuple[CatalogEntry, int] | None, first: bool,
                     verified: bool = True) -> None:
            super().__init__()
            self.catalog = catalog
            self.reopen = reopen
            self.first = first
            self.verified = verified

    class LibraryChanged(Message):
        """The library is another one now (the first import replaces the sample)."""

        def __init__(self, library: Library) -> None:
            super().__init__()
            self.library = library

    class Progress(Message):
        """Progress of loading, an import or a scan (a newer one replaces an older one)."""

        def __init__(self, done: int, total: int, label: str) -> None:
            super().__init__()
            self.done, self.total, self.label = done, total, label

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, LibraryPanel.Progress)

    class TaskDone(Message):
        """A long task (load, import, scan) ended: the progress line can go."""

    class LoadFailed(Message):
        """The library could not be loaded (the app has said why)."""

    class CatalogRead(Message):
        """The loading worker read the catalog and the reading state."""

        def __init__(self, loaded: _Loaded) -> None:
            super().__init__()
            self.loaded = loaded

    class ImportDone(Message):
        """The import worker finished."""

        def __init__(self, report) -> None:  # noqa: ANN001 (ImportReport, imported lazily)
            super().__init__()
            self.report = report

    class MentionsFound(Message):
        """The mentions worker found the articles naming something."""

        def __init__(self, label: str, ids: set[str]) -> None:
            super().__init__()
            self.label, self.ids = label, ids

    def __init__(self, library: Library, *, story_shown_first: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        self.story_shown_first = story_shown_first
        """The story left open last time is in the first frame (the list may come after it)."""
        self.catalog = Catalog()
        self.states: dict[str, ArticleState] = {}
        self.writer: StateWriter | None = None
        self.loading = True  # (Textual's loading indicator, until a list is shown)
        self.walked = False
        """True once the library was walked (the list is not only the snapshot's)."""
        self.index_ready = False
        """True once the search index holds the whole library (the screen says so)."""
        self.opened: str | None = None
        """The story open now: as the app closes, it is kept (with its place) for the next
        start to show before the list (``last_story``)."""
        self.fresh: set[str] = set()
        """Stories that arrived while the app runs (a refresh, an import, a file saved)."""
        self._watch: FolderWatch | None = None
        self._watching = False
        self.state_read = False
        """True once the reading state (read marks, stars) was read: keys that change it wait for it."""
        self._after_state: list[Callable[[], object]] = []

    def when_state_read(self, callback: Callable[[], object]) -> None:
        """Call ``callback`` now, or once the reading state is read (a star pressed as the app
        starts was shown but never saved: the state read after it replaced it)."""
        if self.state_read:
            callback()
        else:
            self._after_state.append(callback)

    def _state_is_read(self) -> None:
        if not self.state_read:
            self.state_read = True
            waiting, self._after_state = self._after_state, []
            for callback in waiting:
                callback()

    def on_mount(self) -> None:
        if self.story_shown_first:
            # After the first frame: the story left open is drawn sooner without the
            # worker's thread taking turns at the interpreter's lock.
            self.call_after_refresh(self.load, first=True)
        else:
            self.load(first=True)  # the first story comes from the list
        self.set_interval(WATCH_SECONDS, self._look_at_disk)
        self.watch(self.article_list, "sort", lambda sort: self._remember_choice(SORT_CHOICE, sort), init=False)
        self.watch(self.article_list, "show", lambda show: self._remember_choice(SHOW_CHOICE, show), init=False)

    def _remember_choice(self, name: str, value: str) -> None:
        """Keep the sort order, or which articles show, as the person chose, for the next start."""
        if self.writer is not None:
            self.writer.remember_choice(name, value)

    def compose(self) -> ComposeResult:
        article_list = ArticleList(id="article-list")
        article_list.add_class("pane")
        article_list.border_title = "Articles"
        yield article_list

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    def on_unmount(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None
        entry = self.catalog.get(self.opened) if self.opened is not None else None
        if entry is not None:  # (None: the list never came; the record kept before stays)
            last_story.remember(self.library.sources, entry.path, entry.root, entry.id, self.position_of(entry.id))

    # -- loading ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library", exit_on_error=False,
          description="Could not load the library")
    def load(self, first: bool = False) -> None:
        """Read the reading state and the catalog. At start the list is shown from the
        catalog's snapshot at once, then the library is walked and the list brought up to
        date (only new or changed files are read)."""
        from reader.library.state import StateError
        from reader.library.state_writer import StateWriter

        worker = get_current_worker()
        library = self.library.reopened() if not first else self.library
        writer, states, reopen, problem, sort, show = None, {}, None, None, None, None
        if self.writer is not None:
            self.writer.flush()  # what the person did so far is in the database before it is read
        try:
            store = library.open_state()
            states, reopen = store.all(), store.last_opened()
            sort, show = store.choice(SORT_CHOICE), store.choice(SHOW_CHOICE)
            if self.writer is None:  # the first load opens the store the panel keeps
                writer = StateWriter(store, on_error=self._state_failed)
            else:
                store.close()
        except StateError as error:
            problem = str(error)
        shown = library.cached_catalog() if first else None
        if shown is not None:
            shown.sorted_orders()
            self.post_message(self.CatalogRead(_Loaded(library, shown, states, reopen, writer, problem,
                                                       first=True, verified=False, startup=True, sort=sort,
                                                       show=show)))
            writer, problem, first = None, None, False

        def progress(done: int, total: int, _label: str) -> None:
            if total > PROGRESS_FROM:
                self.post_message(self.Progress(done, total, "Reading the library…"))

        catalog = library.catalog(progress=progress, cancelled=lambda: worker.is_cancelled, shown=shown)
        catalog.sorted_orders()  # sorted here, so changing the sort later is instant
        if worker.is_cancelled:
            if writer is not None:
                writer.close()
            return
        watch = FolderWatch(library.watched_folders(), catalog.files)
        self.post_message(self.CatalogRead(_Loaded(library, catalog, states, reopen if first else None, writer,
                                                   problem, first=first, verified=True,
                                                   startup=shown is not None or first, watch=watch,
                                                   sort=sort if first else None, show=show if first else None)))

    class StateFailed(Message):
        """The reading state could not be written (from the writer thread)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def _state_failed(self, text: str) -> None:
        """Called from the writer thread."""
        self.post_message(self.StateFailed(text))

    def on_library_panel_state_failed(self, message: StateFailed) -> None:
        message.stop()
        self.notify(message.text, severity="error", markup=False, timeout=10)

    def on_library_panel_catalog_read(self, message: CatalogRead) -> None:
        message.stop()
        loaded = message.loaded
        first = loaded.first
        if loaded.writer is not None:
            self.writer = loaded.writer
        if loaded.state_problem and first:
            self.notify(f"{loaded.state_problem}; read marks and stars will not be kept this time.",
                        severity="error", markup=False, timeout=10)
        # Stories that arrived: new in the same library, or all of the person's first stories
        # when they replace the sample (a first refresh or import); not a library opened anew.
        counts_fresh = not loaded.startup and (loaded.library == self.library or self.library.is_sample)
        replaces_sample = loaded.library != self.library and self.library.is_sample
        if loaded.library != self.library:
            self.library = loaded.library
            self.post_message(self.LibraryChanged(loaded.library))
        self.loading = False  # the snapshot's list is shown while the walk confirms it
        self.walked = loaded.verified
        if counts_fresh:
            old = {entry.id for entry in self.catalog.entries}
            self.fresh |= {entry.id for entry in loaded.catalog.entries if entry.id not in old}
        if loaded.watch is not None:
            self._watch = loaded.watch
        same_list = loaded.catalog.entries is self.catalog.entries
        self.catalog = loaded.catalog
        article_list = self.article_list
        if first and loaded.sort in SORTS and loaded.sort != article_list.sort:
            article_list.set_reactive(ArticleList.sort, loaded.sort)  # as last time (the list is built below)
            same_list = False
        if first and loaded.show in SHOWS and loaded.show != article_list.show:
            article_list.set_reactive(ArticleList.show, loaded.show)
            same_list = False
        if not same_list:
            self.states = loaded.states
            self.fresh = {i for i in self.fresh if loaded.catalog.get(i) is not None}  # (not a set of 100,000 ids)
            read = [i for i, s in self.states.items() if s.read]
            starred = [i for i, s in self.states.items() if s.starred]
            keep = article_list.highlighted_article.id if article_list.highlighted_article else None
            article_list.set_articles(self.catalog.entries, read=read, starred=starred, keep=keep,
                                      orders=self.catalog.orders)
            article_list.set_note(f"{len(self.fresh):,} new" if self.fresh else "")
        reopen = None
        if loaded.reopen is not None and self.catalog.get(loaded.reopen[0]) is not None:
            reopen = (self.catalog.get(loaded.reopen[0]), loaded.reopen[1])
        elif (first or replaces_sample) and self.catalog.entries:  # the sample's story is gone from the list
            reopen = (article_list.highlighted_article or self.catalog.entries[0], 0)
        if loaded.verified:
            self.post_message(self.TaskDone())
        self.post_message(self.Loaded(self.catalog, reopen, first, loaded.verified))
        self._state_is_read()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failed worker of this pane: end its progress line (the app says what failed)."""
        if worker_failed(self, event):
            self.post_message(self.TaskDone())
            if event.worker.group == "library":
                self.loading = False
                self.post_message(self.LoadFailed())
                self._state_is_read()  # (none to wait for: what waits acts on the list alone)

    # -- reading state ---------------------------------------------------------------------

    def position_of(self, article_id: str) -> int:
        state = self.states.get(article_id)
        return state.position if state else 0

    def article_opened(self, article_id: str) -> None:
        """A story was opened: the one to reopen next time (it counts as read once read:
        ``mark_read``)."""
        self.opened = article_id
        self.article_list.highlight_article(article_id)
        if self.writer is not None:
            self.writer.mark_opened(article_id, read=False)

    def save_position(self, article_id: str, position: int) -> None:
        if self.position_of(article_id) != position:
            self._remember(article_id, position=position)
            if self.writer is not None:
                self.writer.set_position(article_id, position)

    def toggle_read(self, article_id: str) -> None:
        value = article_id not in self.article_list.read
        self.article_list.set_read(article_id, value)
        self._remember(article_id, read=value)
        if self.writer is not None:
            self.writer.set_read(article_id, value)

    def toggle_star(self, article_id: str) -> None:
        value = article_id not in self.article_list.starred
        self.article_list.set_starred(article_id, value)
        self._remember(article_id, starred=value)
        if self.writer is not None:
            self.writer.set_starred(article_id, value)

    def mark_read(self, article_ids: Iterable[str], read: bool = True) -> list[str]:
        """Mark many stories read (or unread) in one write; returns those that changed, for an undo."""
        listed = self.article_list.read
        changed = [i for i in dict.fromkeys(article_ids) if (i in listed) != read]
        if not changed:
            return []
        self.article_list.set_read_many(changed, read)
        for article_id in changed:
            self._remember(article_id, read=read)
        if self.writer is not None:
            self.writer.set_read_many(changed, read)
        return changed

    def _remember(self, article_id: str, **changes: object) -> None:
        from dataclasses import replace

        from reader.library.state import ArticleState

        self.states[article_id] = replace(self.states.get(article_id) or ArticleState(article_id), **changes)

    # -- the library on disk -------------------------------------------------------------------

    def _look_at_disk(self) -> None:
        """Every few seconds: have stories been added or removed on disk? (folder times only)"""
        if self._watch is not None and self.walked and not self._watching:
            self._watching = True
            self._check_disk(self._watch)

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False,
          description="Could not look at the library folders")
    def _check_disk(self, watch: FolderWatch) -> None:
        try:
            changed = watch.changed()
        finally:
            self._watching = False
        if changed:
            self.post_message(self.DiskChanged())

    class DiskChanged(Message):
        """Stories were added, removed or replaced in the library's folders."""

    def on_library_panel_disk_changed(self, message: DiskChanged) -> None:
        message.stop()
        self.load()

    # -- tags ----------------------------------------------------------------------------------

    @work(thread=True, group="tags", exit_on_error=False, description="The tags were not saved")
    def save_tags(self, entry: CatalogEntry, tags: list[str]) -> None:
        """Write a story's tags into its file (then the library is read again)."""
        from reader.library.tagging import TagsNotEditable, set_story_tags

        try:
            kept = set_story_tags(entry.path, tags)
        except TagsNotEditable as error:
            self.post_message(self.TagsSaved(entry, None, str(error)))
            return
        self.post_message(self.TagsSaved(entry, kept, None))

    class TagsSaved(Message):
        """A story's tags were written (``tags``), or could not be (``problem``)."""

        def __init__(self, entry: CatalogEntry, tags: tuple[str, ...] | None, problem: str | None) -> None:
            super().__init__()
            self.entry, self.tags, self.problem = entry, tags, problem

    def on_library_panel_tags_saved(self, message: TagsSaved) -> None:
        if message.problem:
            message.stop()
            self.notify(message.problem, severity="warning", markup=False, timeout=8)
            return
        self.load()  # the screen hears of it too, to show the story's new tags

    # -- imports ---------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="import", exit_on_error=False, description="The import stopped")
    def run_import(self, items: list[str]) -> None:
        """Import files, folders, pages and feeds off the UI thread (a refresh of the feeds
        runs in the feeds dock)."""
        worker = get_current_worker()
        self.post_message(self.Progress(0, 0, "Adding…"))

        def progress(done: int, total: int, label: str) -> None:
            self.post_message(self.Progress(done, total, f"Adding… {label}" if label else "Adding…"))

        from reader.library.importer import Importer  # imported when first needed: keeps start-up fast

        with self.library.open_state() as store:
            report = Importer(store).add(items, progress=progress, cancelled=lambda: worker.is_cancelled)
        self.post_message(self.ImportDone(report))

    def on_library_panel_import_done(self, message: ImportDone) -> None:
        message.stop()
        self.post_message(self.TaskDone())
        report = message.report
        for problem in report.problems[:5]:
            self.notify(str(problem), severity="warning" if problem.skipped else "information",
                        markup=False, timeout=8)
        self.notify(sentence_case(report.summary()) + ".", markup=False, timeout=6)
        if not report.added:
            return
        if self.library.kind == "paths":
            from reader.paths import library_dir

            self.notify(f"Added to your library in {library_dir()}, which is not one of the folders shown now.",
                        markup=False, timeout=8)
            return
        self.load()

    # -- filtering by mentions ---------------------------------------------------------------

    def filter_mentioning(self, label: str, names: list[str]) -> None:
        """Show only the articles that mention any of ``names``."""
        self._find_mentions(label, names)

    @work(thread=True, exclusive=True, group="mentions", exit_on_error=False,
          description="Could not find the articles that mention it")
    def _find_mentions(self, label: str, names: list[str]) -> None:
        worker = get_current_worker()

        def progress(done: int, total: int, _title: str) -> None:
            if total > MENTIONS_PROGRESS_FROM:
                self.post_message(self.Progress(done, total, f"Looking for {label}…"))

        ids = self.library.mentioning(self.catalog, names=names, indexed=self.index_ready,
                                      cancelled=lambda: worker.is_cancelled, progress=progress)
        if not worker.is_cancelled:
            self.post_message(self.MentionsFound(label, ids))

    def on_library_panel_mentions_found(self, message: MentionsFound) -> None:
        message.stop()
        self.post_message(self.TaskDone())
        count = len(message.ids)
        if not count:  # an empty list would only say what this says, and hide the stories
            self.notify(f"No article mentions {message.label}; the list stays as it was (s searches the "
                        "library for its words).", markup=False, timeout=5)
            return
        self.article_list.filter_ids(f"mentioning {message.label}", message.ids)
        self.notify(f"{count:,} {'article mentions' if count == 1 else 'articles mention'} {message.label}; "
                    "c clears the filter.",
                    markup=False, timeout=4)
