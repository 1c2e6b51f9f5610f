"""Print the README's reliability table from what the test suite recorded.

The tests count every input they feed to a loader, parser or recogniser, every process
they kill and check, and every loss a check finds (tests/reliability_tally.py); the
pytest run merges those counts into bench/results/reliability.json. This script only
adds them up: run the suite first (``python -m pytest``), then

    python bench/reliability_table.py [RESULTS_JSON]
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

DEFAULT = Path(__file__).resolve().parent / "results" / "reliability.json"


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError:
        print(f"no results at {path}: run the test suite first (python -m pytest)", file=sys.stderr)
        return 1
    areas: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    outcomes: dict[str, int] = defaultdict(int)
    seconds = 0.0
    oldest = None
    for entry in data.get("tests", []):
        outcomes[entry["outcome"]] += 1
        seconds += entry.get("seconds", 0.0)
        oldest = min(oldest or entry["ran_at"], entry["ran_at"])
        for area, counts in entry["areas"].items():
            row = areas[area]
            row["tests"] += 1
            row["failed"] += entry["outcome"] == "failed"
            for key in ("inputs", "crash_points", "operations", "losses"):
                row[key] += counts.get(key, 0)
    keys = ("inputs", "crash_points", "operations", "losses")
    total = {key: sum(row[key] for row in areas.values()) for key in keys}
    print(f"**tried: {total['inputs']:,} inputs, {total['crash_points']:,} crash points, "
          f"{total['losses']:,} losses** (and {total['operations']:,} operations run by two or more "
          f"processes at once)\n")
    print("| area | inputs tried | crash points | concurrent operations | losses | tests (failed) |")
    print("|---|---:|---:|---:|---:|---:|")
    for area in sorted(areas):
        row = areas[area]
        print(f"| {area} | {row['inputs']:,} | {row['crash_points']:,} | {row['operations']:,} | {row['losses']:,} | "
              f"{row['tests']} ({row['failed']}) |")
    print(f"| **total** | **{total['inputs']:,}** | **{total['crash_points']:,}** | **{total['operations']:,}** | "
          f"**{total['losses']:,}** | {sum(outcomes.values())} ({outcomes.get('failed', 0)}) |")
    print(f"\n{sum(outcomes.values())} tests recorded counts ({', '.join(f'{n} {k}' for k, n in sorted(outcomes.items()))}),"
          f" {seconds:.1f} s of test time; oldest entry {oldest}, file updated {data.get('updated_at')};"
          f" cpu_count {data.get('cpu_count')}.")
    for note in data.get("loss_notes", []):
        print(f"- loss: {note}")
    return 1 if total["losses"] or outcomes.get("failed") else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
