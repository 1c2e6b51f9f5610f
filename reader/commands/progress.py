"""A one-line progress bar on stderr, drawn only when stderr is a terminal."""

from __future__ import annotations

import shutil
import sys
import time
from typing import TextIO


class TerminalProgress:
    """Callable as ``progress(done, total, label)``; redraws at most ten times a second."""

    def __init__(self, stream: TextIO | None = None, *, force: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.enabled = force or (hasattr(self.stream, "isatty") and self.stream.isatty())
        self._last = 0.0
        self._drawn = False

    def __call__(self, done: int, total: int, label: str) -> None:
        if not self.enabled or total <= 1:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        width = shutil.get_terminal_size((80, 24)).columns
        bar_width = 24
        filled = int(bar_width * done / total) if total else bar_width
        head = f"[{'#' * filled}{'.' * (bar_width - filled)}] {done:,}/{total:,} "
        room = max(0, width - len(head) - 1)
        label = "".join(ch if ch.isprintable() else "?" for ch in label)
        if len(label) > room:
            label = "…" + label[-(room - 1):] if room > 1 else ""
        self.stream.write("\r" + head + label.ljust(room))
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Clear the bar so the next lines start clean."""
        if self.enabled and self._drawn:
            width = shutil.get_terminal_size((80, 24)).columns
            self.stream.write("\r" + " " * (width - 1) + "\r")
            self.stream.flush()
