"""A later start on a big library: how soon the story left open is on screen, and the list,
with and without the record of that story (``reader.library.last_story``).

    python bench/bench_reopen.py LIBRARY_FOLDER [--runs N] [--home DIR]

The first run reads the whole library (its list is then cached), opens its first story
and quits with `q`, so the record is written. Then each measured start, in tmux at
120x36, polls the pane until a line of that story's body and the list's "N articles"
are on screen; the runs alternate with the record and with it removed. Machine figures:
the core count and load are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

READER = str(Path(sys.executable).parent / "reader")


def tmux(socket: str, *args: str) -> str:
    return subprocess.run(["tmux", "-S", socket, *args], capture_output=True, text=True).stdout


def start(socket: str, home: Path, library: Path) -> None:
    tmux(socket, "kill-server")
    subprocess.run(["tmux", "-S", socket, "new-session", "-d", "-x", "120", "-y", "36",
                    f"env -u COLUMNS -u LINES READER_HOME={home} {READER} {library}"], check=True)


def wait_for(socket: str, texts: dict[str, str], limit: float) -> dict[str, float]:
    """Seconds from now until each of ``texts`` is on screen."""
    started, seen = time.perf_counter(), {}
    while time.perf_counter() - started < limit and len(seen) < len(texts):
        screen = tmux(socket, "capture-pane", "-p")
        for name, text in texts.items():
            if name not in seen and text in screen:
                seen[name] = time.perf_counter() - started
        time.sleep(0.02)
    return seen


def body_line(record: Path) -> str:
    """The first words of the kept story's body (not its title, which the list shows too)."""
    path = Path(json.loads(record.read_text())["path"])
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[2]
    paragraphs = [p for p in text.strip().split("\n\n") if p.strip()]
    return " ".join(paragraphs[1 if len(paragraphs) > 1 else 0].split()[:4])


def measure(library: Path, runs: int, home: Path | None = None) -> dict:
    """Later starts on ``library`` with the record of the story left open and without it,
    alternating, ``runs`` each: ``{"with the record": [{"story": s, "list": s}, ...], ...}``
    (the first start, which reads the library and writes the record, is not counted)."""
    home = home or Path(tempfile.mkdtemp(prefix="reader-reopen-"))
    home.mkdir(parents=True, exist_ok=True)
    socket = str(home / "tmux.sock")
    record = home / "cache" / "last-story.json"
    count = sum(1 for _ in library.rglob("*.txt"))
    if not record.exists():
        start(socket, home, library)
        if not wait_for(socket, {"list": f"{count:,} articles"}, 600):
            raise SystemExit("the list never came")
        time.sleep(1)
        tmux(socket, "send-keys", "q")
        time.sleep(3)
        tmux(socket, "kill-server")
    line = body_line(record)
    kept = record.read_text()
    results: dict[str, list[dict[str, float]]] = {"with the record": [], "without it": []}
    for _ in range(runs):
        for name in results:
            if name == "without it":
                record.unlink(missing_ok=True)
            else:
                record.write_text(kept)
            start(socket, home, library)
            results[name].append(wait_for(socket, {"story": line, "list": f"{count:,} articles"}, 60))
            tmux(socket, "kill-server")
            time.sleep(1)
    record.write_text(kept)
    return {"count": count, **results}


def medians(runs: list[dict[str, float]]) -> tuple[float, float]:
    """The median seconds to the story and to the list over ``runs``."""
    return (statistics.median(r.get("story", float("nan")) for r in runs),
            statistics.median(r.get("list", float("nan")) for r in runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("library", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--home", type=Path, help="a home to keep between runs (default: a new one)")
    args = parser.parse_args()
    found = measure(args.library, args.runs, args.home)
    print(f"cores: {os.cpu_count()}  load: {os.getloadavg()[0]:.2f}  library: {args.library} ({found['count']:,} stories)")
    for name in ("with the record", "without it"):
        story, shown = medians(found[name])
        print(f"{name}: story on screen {story:.2f} s, list {shown:.2f} s (median of {len(found[name])})")


if __name__ == "__main__":
    main()
