"""Counting what the reliability suite actually tried, for the README's table.

Tests call ``tally.tried(area)`` once per input they feed to the code under test,
``tally.crash_point(area)`` once per process they kill while it works and then check,
``tally.operations(area, n)`` for writes/reads/updates run by processes at the same time, and ``tally.loss(area, what)`` when a check finds lost or corrupt
data (the test then fails too). ``tests/conftest.py`` ties each count to the test that
made it and, at the end of the session, merges them into ``bench/results/reliability.json``
(the entries of tests that ran replace their old ones; tests that did not run keep theirs,
marked with when they last ran). ``bench/reliability_table.py`` prints the table.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[1] / "bench" / "results" / "reliability.json"


class Tally:
    """Counts per (test, area) for the current session."""

    def __init__(self) -> None:
        self.current: str | None = None
        self.counts: dict[str, dict[str, dict[str, int]]] = defaultdict(
            lambda: defaultdict(lambda: {"inputs": 0, "crash_points": 0, "operations": 0, "losses": 0}))
        self.outcomes: dict[str, str] = {}
        self.durations: dict[str, float] = {}
        self.loss_notes: list[str] = []

    def _bucket(self, area: str) -> dict[str, int]:
        return self.counts[self.current or "<outside a test>"][area]

    def tried(self, area: str, n: int = 1) -> None:
        """``n`` more inputs were fed to ``area`` and checked."""
        self._bucket(area)["inputs"] += n

    def crash_point(self, area: str, n: int = 1) -> None:
        """``n`` more crashes (a killed process) in ``area`` were made and checked afterwards."""
        self._bucket(area)["crash_points"] += n

    def operations(self, area: str, n: int = 1) -> None:
        """``n`` more operations ran concurrently with another process (and were checked)."""
        self._bucket(area)["operations"] += n

    def loss(self, area: str, what: str) -> None:
        """A check found data lost or corrupted (the test must fail as well)."""
        self._bucket(area)["losses"] += 1
        self.loss_notes.append(f"{self.current}: {area}: {what}")

    def write(self, path: Path = RESULTS) -> None:
        """Merge this session's entries into the results file (atomically)."""
        ran = set(self.outcomes) | set(self.counts)
        if not self.counts:
            return  # nothing of the reliability suite ran: leave the file alone
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
            entries = {e["test"]: e for e in old.get("tests", []) if isinstance(e, dict) and "test" in e}
        except (OSError, ValueError, AttributeError):
            entries = {}
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        for test in ran:
            if test not in self.counts:
                entries.pop(test, None)  # it ran and counted nothing (e.g. skipped): no stale numbers
                continue
            entries[test] = {
                "test": test,
                "outcome": self.outcomes.get(test, "unknown"),
                "seconds": round(self.durations.get(test, 0.0), 2),
                "ran_at": now,
                "areas": {area: dict(c) for area, c in sorted(self.counts[test].items())},
            }
        data = {
            "about": "written by tests/conftest.py from counts the tests record (tests/reliability_tally.py)",
            "updated_at": now,
            "cpu_count": os.cpu_count(),
            "tests": sorted(entries.values(), key=lambda e: e["test"]),
            "loss_notes": self.loss_notes,
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temp.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        os.replace(temp, path)


tally = Tally()
