"""The main screen's imports: adding files, pages and feeds, refreshing feeds, filtering by mentions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import work
from textual.message import Message
from textual.worker import get_current_worker

from reader.library.catalog import find_mentions
from reader.library.state import StateStore
from reader.widgets.article_list import ArticleList
from reader.widgets.task_progress import TaskProgress


class TaskProgressed(Message):
    """Progress of an import, refresh or scan (a newer one replaces an unhandled older one)."""

    def __init__(self, done: int, total: int, label: str) -> None:
        super().__init__()
        self.done, self.total, self.label = done, total, label

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TaskProgressed)


class ImportFinished(Message):
    """An import or refresh finished."""

    def __init__(self, report: Any, what: str) -> None:
        super().__init__()
        self.report = report
        self.what = what


class ImportsMixin:
    """``reader add`` and ``reader refresh`` inside the app, with a progress bar, for ``MainScreen``."""

    def filter_mentioning(self, label: str, names: list[str]) -> None:
        """Show only the articles that mention any of ``names`` (an entity's name and aliases)."""
        self._find_mentions(label, names)

    @work(thread=True, exclusive=True, group="mentions", exit_on_error=False)
    def _find_mentions(self, label: str, names: list[str]) -> None:
        worker = get_current_worker()
        catalog = self.library

        def progress(done: int, total: int, _title: str) -> None:
            if total > 200:
                self.post_message(TaskProgressed(done, total, f"Looking for {label}…"))

        ids = find_mentions(catalog, names, progress=progress, cancelled=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_mentions, label, ids)

    def _show_mentions(self, label: str, ids: set[str]) -> None:
        self.query_one(TaskProgress).finish()
        article_list = self.query_one(ArticleList)
        article_list.filter_ids(f"mentioning {label}", ids)
        self.notify(f"{len(ids):,} articles mention {label}; c clears the filter.", markup=False, timeout=4)

    # -- adding and refreshing -----------------------------------------------

    def action_add(self) -> None:
        from reader.screens.add import AddScreen

        def added(items: list[str] | None) -> None:
            if items:
                self.run_import(items)

        self.app.push_screen(AddScreen(), added)

    def action_refresh_feeds(self) -> None:
        self.run_import(None)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def run_import(self, items: list[str] | None) -> None:
        """Import ``items`` (or refresh the feeds when None) off the UI thread."""
        worker = get_current_worker()
        what = "Refreshing feeds…" if items is None else "Adding…"
        self.post_message(TaskProgressed(0, 0, what))

        def progress(done: int, total: int, label: str) -> None:
            self.post_message(TaskProgressed(done, total, f"{what} {label}" if label else what))

        from reader.library.importer import Importer  # imported when first needed: keeps start-up fast

        with StateStore() as store:
            importer = Importer(store)
            if items is None:
                report = importer.refresh(progress=progress, cancelled=lambda: worker.is_cancelled)
            else:
                report = importer.add(items, progress=progress, cancelled=lambda: worker.is_cancelled)
        self.post_message(ImportFinished(report, "refresh" if items is None else "add"))

    def on_task_progressed(self, message: TaskProgressed) -> None:
        bar = self.query_one(TaskProgress)
        if not bar.running:
            bar.start(message.label)
        bar.advance_to(message.done, message.total, message.label)

    def on_import_finished(self, message: ImportFinished) -> None:
        self.query_one(TaskProgress).finish()
        report = message.report
        self.report_problems(report.problems)
        if message.what == "refresh" and self.state is not None and not self.state.feeds():
            self.notify("No feeds yet: add a feed's URL with A.", timeout=6)
        else:
            self.notify(report.summary().capitalize() + ".", markup=False, timeout=6)
        if report.added:
            from reader.library import default_sources
            from reader.paths import library_dir, seeds_dir

            shown = [Path(s) for s in self.sources]
            if shown == [seeds_dir()]:
                # The sample library was showing; from now on the person's own library is.
                self.sources = default_sources()
            elif library_dir() not in shown:
                self.notify(f"Added to your library in {library_dir()}, which is not one of the folders shown now.",
                            markup=False, timeout=8)
                return
            self.load_library(reopen=False)
