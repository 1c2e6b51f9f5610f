"""A big index update in its own process: ``reader index --progress-jsonl``.

The app builds a large index this way rather than in a thread: the build then runs in
two processes (a thread cannot fork Whoosh's writer processes safely), and it does not
hold the app's interpreter lock, so keys stay responsive while it runs. Progress and
the result come back as JSON lines. Stopping closes the child's stdin (as the app's
death does): the child cancels the batch in progress, keeps what it committed and exits
by itself (it is not waited for); if it is still there a minute later, its process
group is killed, and the OS releases the index locks with it (see ``reader.search.index``).
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import fields

from reader.child_process import JsonLinesChild
from reader.search.index import Progress, UpdateResult

FIRST_COMMIT = 2000  # articles committed first, so searching starts early
STOP_GRACE_SECONDS = 60  # a stopped child that is still running after this is killed


class UpdateFailed(Exception):
    """The update process ended without a result (its last error lines are the message)."""


def update_in_subprocess(
    library_arguments: Iterable[str],
    *,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] | None = None,
    first_commit: int | None = FIRST_COMMIT,
    poll_seconds: float = 0.2,
) -> UpdateResult:
    """Run ``reader index`` in a child process and return what it did. The child resolves
    the library as this process did: from ``library_arguments`` (``Library.index_arguments()``,
    empty for the person's own library) and the same environment and config.

    ``progress(done, total, message)`` is called from this thread as lines arrive;
    ``should_stop()`` is checked every ``poll_seconds`` and stops the child (the result
    then has ``cancelled`` set). Raises ``UpdateFailed`` when the child fails.
    """
    progress = progress or (lambda done, total, message: None)
    should_stop = should_stop or (lambda: False)
    arguments = ["index", "--progress-jsonl"]
    if first_commit:
        arguments += ["--first-commit", str(first_commit)]
    child = JsonLinesChild([*arguments, "--", *library_arguments])
    outcome: dict | None = None
    finished = False
    try:
        while not finished:
            if should_stop():
                return UpdateResult(cancelled=True)  # (stopped below)
            try:
                item = child.next_item(timeout=poll_seconds)
            except queue.Empty:
                continue
            if item is None:  # the child closed its output: it is ending
                while child.process.poll() is None and not should_stop():
                    time.sleep(poll_seconds)
                finished = child.process.poll() is not None
                continue
            if "progress" in item:
                done, total, message = item["progress"]
                progress(int(done), int(total), str(message))
            elif "result" in item:
                outcome = item["result"]
    finally:
        if child.process.poll() is None:
            _stop(child)
        else:
            child.close_input()
    child.join_output()
    if outcome is None:
        tail = child.error_tail()
        raise UpdateFailed(f"the index update stopped (exit {child.process.returncode}){': ' + tail if tail else ''}")
    known = {f.name for f in fields(UpdateResult)}
    return UpdateResult(**{key: value for key, value in outcome.items() if key in known})


def _stop(child: JsonLinesChild) -> None:
    """Ask the child to stop (close its stdin) and return at once; a thread reaps it, and
    kills its process group (its writer processes too) if it has not ended in time."""
    child.close_input()
    process = child.process

    def reap() -> None:
        try:
            process.wait(timeout=STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except OSError:
                pass
            process.wait()

    threading.Thread(target=reap, daemon=True).start()
