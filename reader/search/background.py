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

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import fields

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
    command = [sys.executable, "-m", "reader", "index", "--progress-jsonl"]
    if first_commit:
        command += ["--first-commit", str(first_commit)]
    command += ["--", *library_arguments]
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, encoding="utf-8", errors="replace", start_new_session=True)
    lines: queue.Queue[str | None] = queue.Queue()
    errors: deque[str | None] = deque(maxlen=20)
    readers = [threading.Thread(target=_pump, args=(child.stdout, lines.put), daemon=True),
               threading.Thread(target=_pump, args=(child.stderr, errors.append), daemon=True)]
    for reader in readers:
        reader.start()
    outcome: dict | None = None
    finished = False
    try:
        while not finished:
            if should_stop():
                return UpdateResult(cancelled=True)  # (stopped below)
            try:
                line = lines.get(timeout=poll_seconds)
            except queue.Empty:
                continue
            if line is None:  # the child closed its output: it is ending
                while child.poll() is None and not should_stop():
                    time.sleep(poll_seconds)
                finished = child.poll() is not None
                continue
            item = _parse(line)
            if "progress" in item:
                done, total, message = item["progress"]
                progress(int(done), int(total), str(message))
            elif "result" in item:
                outcome = item["result"]
    finally:
        if child.poll() is None:
            _stop(child)
        else:
            child.stdin.close()
    for reader in readers:
        reader.join(timeout=1)
    if outcome is None:
        tail = " ".join(line.strip() for line in list(errors)[-4:] if line and line.strip())
        raise UpdateFailed(f"the index update stopped (exit {child.returncode}){': ' + tail if tail else ''}")
    known = {f.name for f in fields(UpdateResult)}
    return UpdateResult(**{key: value for key, value in outcome.items() if key in known})


def _pump(stream, put) -> None:
    """Copy a child's output lines to ``put``; ``None`` at the end, whatever happens."""
    try:
        for line in stream:
            put(line)
    except (OSError, ValueError):
        pass
    finally:
        put(None)


def _parse(line: str) -> dict:
    try:
        item = json.loads(line)
    except ValueError:
        return {}
    return item if isinstance(item, dict) else {}


def _stop(child: subprocess.Popen) -> None:
    """Ask the child to stop (close its stdin) and return at once; a thread reaps it, and
    kills its process group (its writer processes too) if it has not ended in time."""
    try:
        child.stdin.close()
    except OSError:
        pass

    def reap() -> None:
        try:
            child.wait(timeout=STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(child.pid, signal.SIGKILL)
            except OSError:
                pass
            child.wait()

    threading.Thread(target=reap, daemon=True).start()
