"""What the benchmark modules share: a table row, percentiles, a log line, process memory."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass


@dataclass
class Row:
    """One line of ``bench_all.py``'s table; ``met`` is ``None`` when the row has no bar."""

    what: str
    reader: str
    side_by_side: str
    ratio: str = ""
    bar: str = ""
    met: bool | None = None


def cpu_seconds() -> float:
    """CPU time of this process and of its waited-for descendants (writer processes too)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _pss(pid: int) -> int | None:
    """Proportional set size (bytes): shared pages counted once over the processes."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as smaps:
            for line in smaps:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def tree_rss_mb(root: int, include_self: bool = True) -> float:
    """Memory (MB) of ``root``'s descendants (and ``root`` itself): the sum of their
    proportional set sizes (forked processes share pages; RSS would count them once per
    process), or of their resident sizes where /proc has no smaps_rollup."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            parents[int(name)] = int(fields[1])
            rss[int(name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    family = {root}
    changed = True
    while changed:
        changed = False
        for pid, parent in parents.items():
            if parent in family and pid not in family:
                family.add(pid)
                changed = True
    if not include_self:
        family.discard(root)
    total = 0
    for pid in family:
        pss = _pss(pid)
        total += pss if pss is not None else rss.get(pid, 0)
    return total / 2**20
