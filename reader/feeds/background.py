"""A refresh in its own process: ``reader refresh --jsonl``, for the app.

Parsing feeds (feedparser) and writing stories is Python work that would hold the app's
interpreter lock: in a thread, a refresh of a hundred feeds made a key wait 60 ms at the
95th percentile and 360 ms at worst (``bench/bench_feeds.py``). In a child process it
holds nothing of the app's. Progress, each feed's outcome and the totals come back as JSON
lines; closing the child's stdin asks it to stop (it finishes the feeds under way, keeps
what it imported and exits). Same library, state and settings: the child inherits the
environment (``READER_HOME``) and reads the same config.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import asdict

from reader.feeds.http import Politeness
from reader.feeds.refresh import FeedResult, RefreshReport, result_from_json

__all__ = ["RefreshFailed", "refresh_in_subprocess"]

STOP_GRACE_SECONDS = 30


class RefreshFailed(Exception):
    """The refresh process ended without a result (its last error lines are the message)."""


def refresh_in_subprocess(only: Iterable[str] | None = None, *, politeness: Politeness | None = None,
                          progress: Callable[[int, int, str], None] | None = None,
                          on_feed: Callable[[FeedResult], None] | None = None,
                          should_stop: Callable[[], bool] | None = None,
                          poll_seconds: float = 0.1) -> RefreshReport:
    """Run ``reader refresh --jsonl`` and return its report (feed outcomes and totals; the
    stories themselves are in the library, by id). Raises ``RefreshFailed``."""
    command = [sys.executable, "-m", "reader", "refresh", "--jsonl"]
    if politeness is not None:
        command += ["--politeness", json.dumps(asdict(politeness))]
    command += ["--", *(only or [])]
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, encoding="utf-8", errors="replace", start_new_session=True)
    lines: queue.Queue[str | None] = queue.Queue()
    errors: deque[str | None] = deque(maxlen=20)
    pumps = [threading.Thread(target=_pump, args=(child.stdout, lines.put), daemon=True),
             threading.Thread(target=_pump, args=(child.stderr, errors.append), daemon=True)]
    for pump in pumps:
        pump.start()
    report = RefreshReport()
    finished = False
    stopped = False
    try:
        while True:
            if should_stop is not None and should_stop() and not stopped:
                stopped = True
                _close(child)  # the child finishes the feeds under way, then reports
            try:
                line = lines.get(timeout=poll_seconds)
            except queue.Empty:
                continue
            if line is None:
                break
            item = _parse(line)
            if "progress" in item and progress is not None:
                done, total, label = item["progress"]
                progress(int(done), int(total), str(label))
            elif "feed" in item:
                result = result_from_json(item["feed"])
                report.feeds.append(result)
                if on_feed is not None:
                    on_feed(result)
            elif "result" in item:
                totals = item["result"]
                report.requests = int(totals.get("requests") or 0)
                report.bytes_read = int(totals.get("bytes_read") or 0)
                report.seconds = float(totals.get("seconds") or 0.0)
                finished = True
    finally:
        _close(child)
        try:
            child.wait(timeout=STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
    for pump in pumps:
        pump.join(timeout=1)
    if not finished:
        tail = " ".join(line.strip() for line in list(errors)[-4:] if line and line.strip())
        raise RefreshFailed(f"the refresh stopped (exit {child.returncode}){': ' + tail if tail else ''}")
    return report


def _close(child: subprocess.Popen) -> None:
    try:
        child.stdin.close()
    except OSError:
        pass


def _pump(stream, put) -> None:  # noqa: ANN001
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
