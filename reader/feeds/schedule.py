"""Running fetches side by side, at most ``overall`` at once and ``per_host`` per host.

A refresh of a hundred feeds should not take a hundred round trips one after another, nor
open a hundred connections to one server. ``run_limited`` hands the items to a few
threads; a thread takes the next item whose host has a free place, so a slow host holds
only its own places. Results come back in the calling thread as they finish, so the
caller (the refresh) reads and imports each feed while the others are still on the way.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

__all__ = ["run_limited"]


def run_limited(items: Sequence[T], work: Callable[[T], R], *, host_of: Callable[[T], str],
                overall: int = 8, per_host: int = 2,
                cancelled: Callable[[], bool] | None = None) -> Iterator[tuple[T, R | BaseException]]:
    """Yield ``(item, work(item))`` as each finishes (an exception it raised takes the result's
    place). When ``cancelled()`` turns true no new item starts; those running finish."""
    pending = list(items)
    if not pending:
        return
    running: dict[str, int] = {}
    condition = threading.Condition()
    done: queue.Queue[tuple[T, R | BaseException]] = queue.Queue()
    stop = threading.Event()

    def take() -> tuple[T, str] | None:
        with condition:
            while True:
                if stop.is_set() or not pending:
                    return None
                for index, item in enumerate(pending):
                    host = host_of(item)
                    if not host or running.get(host, 0) < per_host:
                        del pending[index]
                        running[host] = running.get(host, 0) + 1
                        return item, host
                condition.wait(0.5)

    def worker() -> None:
        while (taken := take()) is not None:
            item, host = taken
            try:
                result: R | BaseException = work(item)
            except BaseException as error:  # noqa: BLE001 - handed to the caller with its item
                result = error
            with condition:
                running[host] -= 1
                condition.notify_all()
            done.put((item, result))

    total = len(pending)
    threads = [threading.Thread(target=worker, name=f"reader-fetch-{n}", daemon=True)
               for n in range(max(1, min(overall, total)))]
    for thread in threads:
        thread.start()
    started = total
    received = 0
    try:
        while received < started:
            if cancelled is not None and cancelled() and not stop.is_set():
                with condition:
                    stop.set()
                    started -= len(pending)  # never started: nothing will come back for them
                    pending.clear()
                    condition.notify_all()
                continue
            try:
                result = done.get(timeout=0.1)
            except queue.Empty:
                continue
            received += 1
            yield result
    finally:  # the caller stopped early: start nothing more
        with condition:
            stop.set()
            pending.clear()
            condition.notify_all()
