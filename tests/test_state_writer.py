"""The state writer: writes off the caller's thread, coalesces positions, keeps order,
writes everything on close, and reports a failure once instead of raising."""

from __future__ import annotations

import threading

from reader.library.state import StateStore
from reader.library.state_writer import StateWriter


class CountingStore(StateStore):
    """A real store that counts position writes and notes the thread of each write."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.position_writes = 0
        self.threads: set[str] = set()

    def set_position(self, article_id: str, position: int) -> None:
        self.position_writes += 1
        self.threads.add(threading.current_thread().name)
        super().set_position(article_id, position)


def test_positions_are_coalesced_and_written_off_the_callers_thread(tmp_path):
    store = CountingStore(tmp_path / "state.sqlite3")
    writer = StateWriter(store, interval=0.2)
    for position in range(200):  # a fast scroll
        writer.set_position("a", position)
    writer.flush()
    assert store.position_writes < 10
    assert threading.current_thread().name not in store.threads
    writer.close()
    with StateStore(tmp_path / "state.sqlite3") as reading:
        assert reading.get("a").position == 199


def test_changes_keep_their_order_and_close_writes_what_is_pending(tmp_path):
    writer = StateWriter(StateStore(tmp_path / "state.sqlite3"), interval=60)
    writer.set_starred("a", True)
    writer.set_starred("a", False)
    writer.set_starred("a", True)
    writer.mark_opened("b")
    writer.set_read("b", False)
    writer.set_position("b", 420)  # a long interval: only close() writes it
    writer.close()
    with StateStore(tmp_path / "state.sqlite3") as store:
        assert store.get("a").starred
        assert not store.get("b").read and store.get("b").position == 420
        assert store.last_opened() == ("b", 420)


def test_a_failing_write_is_reported_once_and_never_raised(tmp_path):
    class BrokenStore(StateStore):
        def set_read(self, article_id, read=True):
            raise OSError("disk full")

    reports: list[str] = []
    writer = StateWriter(BrokenStore(tmp_path / "state.sqlite3"), on_error=reports.append)
    writer.set_read("a", True)
    writer.set_read("b", True)
    writer.flush()
    writer.set_starred("c", True)  # the writer goes on after a failure
    writer.close()
    assert len(reports) == 1 and "disk full" in reports[0]
    with StateStore(tmp_path / "state.sqlite3") as store:
        assert store.get("c").starred
