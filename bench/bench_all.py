"""Every measured row of issue 16 in one run, each beside its comparison, with the
machine's core count and load.

    PYTHONPATH=. python bench/bench_all.py [--size 100000] [--workdir /work/bench-data/all]
        [--library PATH] [--build-library PATH] [--repeat 20] [--reuse] [--only search]

Rows come from modules listed in ``MODULES``: each has ``rows(ctx)`` yielding
``bench_common.Row``s (what, reader, side by side, ratio, bar, met). To add rows (the
UI's, say), write such a module and add its name here. Needs the bench extra
(``pip install -e '.[bench]'``: tantivy). Nothing here is run by pytest.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from bench_common import Row, log  # noqa: E402
from make_library import generate  # noqa: E402

MODULES = {"search": "search_rows", "ui": "ui_rows"}  # name -> module with rows(ctx)


def table(rows: list[Row]) -> str:
    headers = ("what", "reader", "side by side", "ratio", "bar", "met")
    cells = [headers] + [(r.what, r.reader, r.side_by_side, r.ratio, r.bar,
                          "" if r.met is None else ("yes" if r.met else "no")) for r in rows]
    widths = [max(len(str(c[i])) for c in cells) for i in range(len(headers))]
    lines = ["| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |" for row in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="articles in the big library")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/reader-bench-all"))
    parser.add_argument("--library", type=Path, help="the big library (default: generated in the workdir)")
    parser.add_argument("--build-library", type=Path, help="the build-throughput library (default: 10k generated)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--reuse", action="store_true", help="keep indexes built by an earlier run")
    parser.add_argument("--only", choices=sorted(MODULES), action="append")
    parser.add_argument("--no-builds", action="store_true", help="leave out the 10k build-throughput rows")
    args = parser.parse_args()
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    big = args.library or work / f"lib{args.size // 1000}k"
    small = args.build_library or work / "lib10k"
    for folder, count in ((big, args.size), (small, 10_000)):
        if not folder.is_dir():
            log(f"generating {count:,} articles in {folder}")
            generate(folder, count)
    ctx = SimpleNamespace(repo=REPO, workdir=work, home=work / "home", big_library=big.resolve(),
                          build_library=small.resolve(), size=args.size, repeat=args.repeat, reuse=args.reuse,
                          builds=not args.no_builds)
    load_start = os.getloadavg()
    started = time.perf_counter()
    rows: list[Row] = []
    for name in args.only or MODULES:
        rows.extend(importlib.import_module(MODULES[name]).rows(ctx))
    load_end = os.getloadavg()
    print(f"\nbench_all: {args.size:,} articles; os.cpu_count()={os.cpu_count()}; load average "
          f"{load_start[0]:.2f} at start, {load_end[0]:.2f} at end; {time.perf_counter() - started:,.0f} s\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
