"""A ``reader`` sub-command run as a child process that reports in JSON lines.

The app runs big index updates and feed refreshes this way (``reader.search.background``,
``reader.feeds.background``), so their Python work does not hold its interpreter lock.
The child's stdout is read line by line into a queue, its stderr's last lines are kept
for the message if it fails, and closing its stdin asks it to stop.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from collections import deque


class JsonLinesChild:
    """``python -m reader ARGUMENTS`` started at once, in a session of its own."""

    def __init__(self, arguments: list[str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reader", *arguments], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace", start_new_session=True)
        self.lines: queue.Queue[str | None] = queue.Queue()
        """The child's output lines; ``None`` once it closed its output."""
        self._errors: deque[str | None] = deque(maxlen=20)
        self._pumps = [threading.Thread(target=_pump, args=(self.process.stdout, self.lines.put), daemon=True),
                       threading.Thread(target=_pump, args=(self.process.stderr, self._errors.append), daemon=True)]
        for pump in self._pumps:
            pump.start()

    def next_item(self, timeout: float) -> dict | None:
        """The next JSON object the child printed (``{}`` for a line that is not one);
        ``None`` once its output is closed. Raises ``queue.Empty`` after ``timeout``."""
        line = self.lines.get(timeout=timeout)
        return None if line is None else parse_line(line)

    def close_input(self) -> None:
        """Ask the child to stop (it reads its stdin's end as the signal)."""
        try:
            self.process.stdin.close()
        except OSError:
            pass

    def join_output(self, timeout: float = 1) -> None:
        """Wait a moment for the output readers to finish."""
        for pump in self._pumps:
            pump.join(timeout=timeout)

    def error_tail(self) -> str:
        """The last few lines the child wrote to stderr, on one line."""
        return " ".join(line.strip() for line in list(self._errors)[-4:] if line and line.strip())


def parse_line(line: str) -> dict:
    """One JSON object from a line; ``{}`` for anything else."""
    try:
        item = json.loads(line)
    except ValueError:
        return {}
    return item if isinstance(item, dict) else {}


def _pump(stream, put) -> None:  # noqa: ANN001
    """Copy a child's output lines to ``put``; ``None`` at the end, whatever happens."""
    try:
        for line in stream:
            put(line)
    except (OSError, ValueError):
        pass
    finally:
        put(None)
