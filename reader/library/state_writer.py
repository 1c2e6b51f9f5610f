"""Writing the reading state from a thread of its own, so the UI never waits on SQLite.

Another ``reader`` holding the database lock can make a write wait (up to the busy
timeout); here that wait happens off the UI thread. Positions are coalesced: scrolling
through a story writes its latest position at most every ``interval`` seconds. Read marks,
stars and "opened" are written in the order they were asked for. ``close()`` writes what
is still pending, so quitting at any moment keeps the place.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from reader.library.state import StateStore

DEFAULT_INTERVAL = 0.5


class StateWriter:
    """Queues writes to a ``StateStore`` (which it owns and closes) for a writer thread."""

    def __init__(self, store: StateStore, on_error: Callable[[str], None] | None = None, *,
                 interval: float = DEFAULT_INTERVAL) -> None:
        self.store = store
        self.on_error = on_error or (lambda message: None)
        self.interval = interval
        self._changes: list[Callable[[StateStore], None]] = []
        self._positions: dict[str, int] = {}
        self._condition = threading.Condition()
        self._closing = False
        self._flushing = False
        self._writing = False
        self._failed = False
        self._thread = threading.Thread(target=self._run, name="reader-state-writer", daemon=True)
        self._thread.start()

    # -- what the UI asks for ------------------------------------------------------------

    def set_position(self, article_id: str, position: int) -> None:
        """Remember where the person is in a story (written within ``interval``)."""
        with self._condition:
            self._positions[article_id] = position
            self._condition.notify_all()

    def set_read(self, article_id: str, read: bool) -> None:
        self._queue(lambda store: store.set_read(article_id, read))

    def set_read_many(self, article_ids: list[str], read: bool) -> None:
        """Many read marks in one transaction (a feed or everything marked read, or its undo)."""
        ids = list(article_ids)
        self._queue(lambda store: store.set_read_many(ids, read))

    def set_starred(self, article_id: str, starred: bool) -> None:
        self._queue(lambda store: store.set_starred(article_id, starred))

    def remember_choice(self, key: str, value: str) -> None:
        self._queue(lambda store: store.remember_choice(key, value))

    def mark_opened(self, article_id: str, *, read: bool = True) -> None:
        """The story was opened now (it becomes the one reopened next time; read unless ``read`` is false)."""
        self._queue(lambda store: store.mark_opened(article_id, read=read))

    def flush(self) -> None:
        """Wait until everything asked for so far is written (positions included)."""
        with self._condition:
            self._flushing = True
            self._condition.notify_all()
            while self._changes or self._positions or self._writing:
                self._condition.wait()
            self._flushing = False

    def close(self) -> None:
        """Write everything pending, stop the thread and close the store."""
        with self._condition:
            self._closing = True
            self._condition.notify_all()
        self._thread.join()
        self.store.close()

    # -- the writer thread ---------------------------------------------------------------

    def _queue(self, change: Callable[[StateStore], None]) -> None:
        with self._condition:
            self._changes.append(change)
            self._condition.notify_all()

    def _run(self) -> None:
        while True:
            with self._condition:
                while not (self._changes or self._positions or self._closing):
                    self._condition.wait()
                deadline = time.monotonic() + self.interval
                while not (self._changes or self._closing or self._flushing):
                    # coalesce: scrolling meanwhile replaces the positions; a change or close
                    # ends the wait early
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        break
                    self._condition.wait(remaining)
                changes, self._changes = self._changes, []
                positions, self._positions = self._positions, {}
                done = self._closing
                self._writing = True
            try:
                self._write(changes, positions)
            finally:
                with self._condition:
                    self._writing = False
                    self._condition.notify_all()
            if done:
                with self._condition:
                    if not self._changes and not self._positions:
                        return

    def _write(self, changes: list[Callable[[StateStore], None]], positions: dict[str, int]) -> None:
        try:
            for change in changes:
                change(self.store)
            for article_id, position in positions.items():
                self.store.set_position(article_id, position)
        except Exception as error:  # noqa: BLE001 - reported once, never raised in the thread
            if not self._failed:
                self._failed = True
                self.on_error(f"The reading state could not be saved: {error}")
