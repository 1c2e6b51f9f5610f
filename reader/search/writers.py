"""How the index's writers use memory, and the progress of a big commit ("saving")."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

WRITERS_MB = 160  # Whoosh's in-memory sort limit of all writer processes together
SAVED_SHARE = 0.6  # the postings and terms written when saving, per byte of article file (measured)


class SavingProgress:
    """While a big commit writes its postings, ``report(share)`` every half second with
    the share written so far (new ``.pst``/``.trm`` bytes against ``expected``, at most
    99%), so the bar moves during "saving" (a quarter of a first build's time)."""

    def __init__(self, directory: Path, expected: float, report: Callable[[float], None]) -> None:
        self.directory = directory
        self.expected = max(1.0, expected)
        self.report = report
        self._stop = threading.Event()
        self._before = self._sizes()  # writers create their files empty before saving
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _sizes(self) -> dict[str, int]:
        sizes = {}
        try:
            names = [n for n in os.listdir(self.directory) if n.endswith((".pst", ".trm"))]
        except OSError:
            names = []
        for name in names:
            try:
                sizes[name] = os.path.getsize(self.directory / name)
            except OSError:
                pass
        return sizes

    def _watch(self) -> None:
        while not self._stop.wait(0.5):
            before = self._before
            written = sum(max(0, size - before.get(name, 0)) for name, size in self._sizes().items())
            self.report(min(0.99, written / self.expected))

    def __enter__(self) -> SavingProgress:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def writer_limit_mb(procs: int) -> int:
    """How much each of ``procs`` writer processes may sort in memory before spilling a
    sorted run to disk (Whoosh's default is 128 MB).

    A first build of 100,000 stories must stay under 1 GB over all its processes: a
    writer grows to about three times Whoosh's estimate, and besides the writers there
    are the parent and the processes that read and recognise. So ``WRITERS_MB`` (all
    writers together) is shared out, less where memory is short (a twelfth of Linux's
    MemAvailable at most), and never below 32 MB each.
    """
    available = available_memory()
    budget = WRITERS_MB if available is None else min(WRITERS_MB, available // 12 // 2**20)
    return max(32, budget // max(1, procs))


def available_memory() -> int | None:
    """Bytes of memory available without swapping (``MemAvailable``), or ``None``."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None
