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
from collections.abc import Callable, Iterable
from dataclasses import asdict

from reader.child_process import JsonLinesChild
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
    arguments = ["refresh", "--jsonl"]
    if politeness is not None:
        arguments += ["--politeness", json.dumps(asdict(politeness))]
    child = JsonLinesChild([*arguments, "--", *(only or [])])
    report = RefreshReport()
    finished = False
    stopped = False
    try:
        while True:
            if should_stop is not None and should_stop() and not stopped:
                stopped = True
                child.close_input()  # the child finishes the feeds under way, then reports
            try:
                item = child.next_item(timeout=poll_seconds)
            except queue.Empty:
                continue
            if item is None:
                break
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
        child.close_input()
        try:
            child.process.wait(timeout=STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            child.process.kill()
            child.process.wait()
    child.join_output()
    if not finished:
        tail = child.error_tail()
        raise RefreshFailed(f"the refresh stopped (exit {child.process.returncode}){': ' + tail if tail else ''}")
    return report
