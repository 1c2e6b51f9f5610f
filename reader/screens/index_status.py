"""The library's search index as the app keeps it: updated in a worker, with a progress line.

A small library is indexed in a thread; a big update (the first one of a large library)
runs as ``reader index`` in its own process, so keys stay responsive. Searching works on
what is committed meanwhile: ``state`` says what the index is doing, for the search pane.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Label, ProgressBar
from textual.worker import Worker, get_current_worker

from reader.core import Library
from reader.library.files import ArticleFile
from reader.widgets.failures import worker_failed
from reader.text import sentence_case

if TYPE_CHECKING:
    from reader.search.index import LibraryIndex, UpdateResult

INDEX_COMMIT_EVERY = 2000  # a long first build is searchable as it goes
INDEX_IN_PROCESS_FROM = 2000  # articles to (re)index from which the update runs in its own process
SHOW_PROGRESS_FROM = 50  # articles to index before the progress line is worth showing


class IndexStatus(Horizontal):
    """Keeps the index of the library up to date and shows how far an update is."""

    DEFAULT_CSS = """
    IndexStatus { height: 1; display: none; background: $panel; padding: 0 1; }
    IndexStatus.-running { display: block; }
    IndexStatus > Label { width: auto; margin-right: 1; color: $text-muted; }
    """

    class Progress(Message):
        """Progress of the update (each replaces the previous one in the queue)."""

        def __init__(self, done: int, total: int, text: str) -> None:
            super().__init__()
            self.done, self.total, self.text = done, total, text

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, IndexStatus.Progress)

    class Updated(Message):
        """The update finished; the index answers for the whole library now."""

        def __init__(self, result: UpdateResult) -> None:
            super().__init__()
            self.result = result

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library = library
        self.state: str | None = "checking the search index"
        """What the index is doing ("indexing 300 of 3,000"), or None when it is up to date."""
        self._index: LibraryIndex | None = None
        self._index_library: Library | None = None

    def _line(self) -> tuple[Label, ProgressBar]:
        """The label and the bar, mounted when progress is first shown (as ``TaskProgress``
        does): a start with the index up to date does not pay for them."""
        if not self.query_children("#index-progress"):
            self.mount(Label("Indexing the library", id="index-status-label"),
                       ProgressBar(id="index-progress", show_eta=False))
        return self.query_one("#index-status-label", Label), self.query_one("#index-progress", ProgressBar)

    @property
    def index(self) -> LibraryIndex:
        """The index of the library shown, opened on first use (and again when the library
        changes, as when the first import replaces the sample library)."""
        if self._index is None or self._index_library != self.library:
            if self._index is not None:
                self._index.close()
            self._index = self.library.open_index()
            self._index_library = self.library
        return self._index

    def on_unmount(self) -> None:
        if self._index is not None:
            self._index.close()

    def start(self, library: Library, files: list[ArticleFile] | None = None) -> None:
        """Bring the index of ``library`` up to date (``files``: a walk just done, reused)."""
        self.library = library
        self.state = "checking the search index"
        self._update(files)

    def repair(self) -> None:
        """A search failed on the index: check it (and rebuild it if damaged)."""
        if self.state is None:
            self.state = "checking the search index"
            self.index.close()
            self._update(None)

    @work(thread=True, exclusive=True, group="index", exit_on_error=False,
          description="Could not update the search index")
    def _update(self, files: list[ArticleFile] | None) -> None:
        """Bring the index up to date; searching works on what is committed meanwhile."""
        worker = get_current_worker()
        library = self.library
        updater = library.open_index()
        progress = lambda done, total, text: self.post_message(self.Progress(done, total, text))  # noqa: E731
        try:
            result = updater.update(library.sources, files=files, progress=progress,
                                    should_stop=lambda: worker.is_cancelled, commit_every=INDEX_COMMIT_EVERY,
                                    defer_from=INDEX_IN_PROCESS_FROM)
        finally:
            updater.close()
        if result.deferred:
            from reader.search.background import update_in_subprocess

            result = update_in_subprocess(library.index_arguments(), progress=progress,
                                          should_stop=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.post_message(self.Updated(result))

    def on_index_status_progress(self, message: Progress) -> None:
        """Show the progress (the message goes on up: the search pane follows it too)."""
        saving = message.text == "saving the index"
        if message.total:
            self.state = "saving the search index" if saving else f"indexing {message.done:,} of {message.total:,}"
        if message.total >= SHOW_PROGRESS_FROM:
            self.add_class("-running")
            label, bar = self._line()
            label.update("Saving the search index" if saving else "Indexing the library")
            bar.update(total=message.total, progress=message.done)

    def on_index_status_updated(self, message: Updated) -> None:
        self.state = None
        self.remove_class("-running")
        result = message.result
        for text in result.messages:
            self.notify(sentence_case(text), markup=False, timeout=6)
        if result.added + result.changed + result.removed >= SHOW_PROGRESS_FROM:
            self.notify(result.summary, markup=False, timeout=4)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failed update: searching goes on with what is indexed (the app says what failed)."""
        if worker_failed(self, event):
            self.state = None
            self.remove_class("-running")
