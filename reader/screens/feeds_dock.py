"""The feeds' background work on the main screen: refreshing (on ``R``, at start and every
so often, as config.yaml says), and the changes to subscriptions asked for from the main
screen (following an entity). A one-line status shows a refresh as it goes.

The refresh runs in a process of its own (``reader refresh --jsonl``, watched by a thread
worker) that fetches several feeds at once (politely: see ``reader.feeds.http``) and
imports each as it arrives; each feed that brought stories is posted at once
(``FeedDone``), so the screen can show them while the rest are on the way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Label
from textual.worker import Worker, get_current_worker

from reader.widgets.failures import worker_failed

if TYPE_CHECKING:  # the refresh's modules (HTTP, the importer) load with its first run
    from reader.config import RefreshSettings
    from reader.feeds.http import Politeness
    from reader.feeds.refresh import FeedResult, RefreshReport


class FeedsDock(Horizontal):
    """Refreshes the feeds and says how far it is."""

    DEFAULT_CSS = """
    FeedsDock { height: 1; display: none; background: $panel; padding: 0 1; }
    FeedsDock.-running { display: block; }
    FeedsDock > Label { width: 1fr; color: $text-muted; }
    """

    class FeedDone(Message):
        """One feed of a refresh is done and brought stories (they are in the library)."""

        def __init__(self, result: FeedResult) -> None:
            super().__init__()
            self.result = result

    class Finished(Message):
        """A refresh ended (``automatic``: started by the timer or at start, not by a key)."""

        def __init__(self, report: RefreshReport, automatic: bool) -> None:
            super().__init__()
            self.report = report
            self.automatic = automatic

    class Progress(Message):
        """How far the refresh is (each replaces the previous one in the queue)."""

        def __init__(self, done: int, total: int, label: str) -> None:
            super().__init__()
            self.done, self.total, self.label = done, total, label

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, FeedsDock.Progress)

    class Followed(Message):
        """A saved search was kept (following an entity)."""

        def __init__(self, name: str, new: bool) -> None:
            super().__init__()
            self.name, self.new = name, new

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.politeness: Politeness | None = None
        """How patient the refresh is (None: ``Politeness()``'s defaults; tests shorten it)."""
        self.running = False
        self._timer: Timer | None = None
        self._new = 0

    def _label(self) -> Label:
        """The progress line, mounted when a refresh first shows progress (as ``TaskProgress``
        does): a start without a refresh does not pay for it."""
        for label in self.query_children("#feeds-dock-label").results(Label):
            return label
        label = Label("", id="feeds-dock-label")
        self.mount(label)
        return label

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if worker_failed(self, event) and event.worker.group == "refresh":
            self.running = False
            self.remove_class("-running")

    # -- when ------------------------------------------------------------------------------

    def schedule(self, settings: RefreshSettings) -> None:
        """Refresh now (when ``on_start``) and every ``settings.every`` seconds."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if settings.every:
            self._timer = self.set_interval(settings.every, lambda: self.refresh_feeds(automatic=True))
        if settings.on_start:
            self.refresh_feeds(automatic=True)

    def refresh_feeds(self, only: list[str] | None = None, *, automatic: bool = False) -> bool:
        """Start a refresh (of the feeds at ``only``, or all); False when one is running."""
        if self.running:
            return False
        self.running = True
        self._new = 0
        self._refresh(only, automatic)
        return True

    # -- the worker ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="refresh", exit_on_error=False, description="The refresh stopped")
    def _refresh(self, only: list[str] | None, automatic: bool) -> None:
        """Run the refresh in a process of its own (``reader.feeds.background``): parsing a
        hundred feeds in a thread would hold the interpreter lock keys need."""
        from reader.feeds.background import refresh_in_subprocess
        from reader.feeds.refresh import RefreshReport
        from reader.feeds.store import FeedStore
        from reader.library.state import StateStore

        worker = get_current_worker()
        with StateStore() as state:
            if not FeedStore(state).subscriptions():
                self.post_message(self.Finished(RefreshReport(), automatic))
                return
        report = refresh_in_subprocess(
            only, politeness=self.politeness, should_stop=lambda: worker.is_cancelled,
            progress=lambda done, total, label: self.post_message(self.Progress(done, total, label)),
            on_feed=lambda result: result.added_ids and self.post_message(self.FeedDone(result)))
        self.post_message(self.Finished(report, automatic))

    def on_feeds_dock_progress(self, message: Progress) -> None:
        message.stop()
        if message.total < 1:
            return
        self.add_class("-running")
        text = f"Refreshing feeds: {message.done:,} of {message.total:,}"
        if self._new:
            text += f" · {self._new:,} new"
        if message.label:
            text += f" · {message.label}"
        self._label().update(Content(text))

    def on_feeds_dock_feed_done(self, message: FeedDone) -> None:
        self._new += len(message.result.added_ids)  # the screen hears of it too (not stopped)

    def on_feeds_dock_finished(self, message: Finished) -> None:
        self.running = False
        self.remove_class("-running")

    # -- a feed's stories --------------------------------------------------------------------

    class Stories(Message):
        """The ids of a feed's stories in the catalog (asked for with ``stories_of``)."""

        def __init__(self, url: str, ids: set[str]) -> None:
            super().__init__()
            self.url, self.ids = url, ids

    @work(thread=True, exclusive=True, group="feed-stories", exit_on_error=False,
          description="Could not find the feed's stories")
    def stories_of(self, url: str, entries: list) -> None:
        from reader.feeds.overview import stories_of_feeds
        from reader.feeds.store import FeedStore
        from reader.library.state import StateStore

        with StateStore() as state:
            store = FeedStore(state)
            sub, members = store.get(url), store.members()
        if sub is not None:
            self.post_message(self.Stories(url, stories_of_feeds(entries, [sub], members).get(url, set())))

    # -- following -------------------------------------------------------------------------

    @work(thread=True, group="follow", exit_on_error=False, description="Could not follow it")
    def follow(self, key: str, name: str) -> None:
        """Keep a saved search on the entity ``key`` (shown as ``name``)."""
        from reader.feeds.saved import entity_query
        from reader.feeds.store import FeedStore
        from reader.library.state import StateStore

        with StateStore() as state:
            new = FeedStore(state).save_search(name, entity_query(name), entity_key=key)
        self.post_message(self.Followed(name, new))
