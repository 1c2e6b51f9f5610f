"""Cold start to first paint: `reader` on the sample library vs a minimal Textual app.

Each run starts a fresh process inside tmux and polls the pane until the expected text
appears; both apps are measured alternately in the same run, so the ratio is fair even on
a busy machine. Usage: python bench/bench_startup.py [--runs N] [--pythonpath DIR]

``--pythonpath DIR`` runs ``python -P -m reader`` with ``PYTHONPATH=DIR`` (a git worktree
whose code the venv's editable install does not point at); without it, the venv's
``reader`` script runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ARTICLE_TEXT = "Hua Chunying at a regular press conference"
"""A line of the sample story's body as a 120x36 pane wraps it (its first words are also the
list's title, which can be painted before the story)."""

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("minimal app ready")
Minimal().run()
"""


def tmux(socket: str, *args: str) -> str:
    return subprocess.run(["tmux", "-S", socket, *args], capture_output=True, text=True).stdout


def time_to_text(command: str, expected: str, home: str, quit_key: str | None = None) -> float:
    """Seconds from starting ``command`` in a 120x36 pane until ``expected`` is on screen
    (then ``quit_key`` quits it as a person would, else the pane is killed)."""
    with tempfile.TemporaryDirectory() as folder:
        socket = os.path.join(folder, "s")
        config = os.path.join(folder, "conf")
        Path(config).write_text("set -g default-size 120x36\n")
        full = f"env -u COLUMNS -u LINES READER_HOME={home} TERM=xterm-256color {command}"
        start = time.perf_counter()
        subprocess.run(["tmux", "-S", socket, "-f", config, "new-session", "-d", "-s", "b", "-x", "120", "-y", "36", full],
                       check=True)
        try:
            while time.perf_counter() - start < 30:
                if expected in tmux(socket, "capture-pane", "-p", "-t", "b"):
                    seconds = time.perf_counter() - start
                    if quit_key:
                        tmux(socket, "send-keys", "-t", "b", quit_key)
                        while time.perf_counter() - start < 30 and tmux(socket, "list-sessions"):
                            time.sleep(0.05)
                    return seconds
                time.sleep(0.005)
            raise RuntimeError(f"{expected!r} never appeared for {command}")
        finally:
            tmux(socket, "kill-server")


def compile_bytecode(pythonpath: str | None) -> None:
    """Write reader's bytecode, as ``pip install .`` does, so no start compiles a source
    file whose cached bytecode is missing or stale (with PYTHONDONTWRITEBYTECODE set, as on
    this project's machine, Python never refreshes it itself: a start then compiled every
    module edited since, and the ratio measured the compiler)."""
    code = ("import compileall, importlib.util, os, sys; s = importlib.util.find_spec('reader'); "
            "sys.exit(not compileall.compile_dir(os.path.dirname(s.origin), quiet=1))")
    env = {**os.environ, "PYTHONPATH": str(Path(pythonpath).resolve())} if pythonpath else None
    subprocess.run([sys.executable, "-P", "-c", code], check=True, env=env)


def measure(runs: int, pythonpath: str | None = None) -> dict:
    """Alternate the minimal app, reader with the record of the story left open and reader
    without it, ``runs`` times each: the times to first paint (seconds) and the command run."""
    reader = str(Path(sys.executable).parent / "reader")
    if pythonpath:
        # -P: not the current folder first on sys.path (``-m`` would put it there), as the script does not
        reader = f"PYTHONPATH={Path(pythonpath).resolve()} {sys.executable} -P -m reader"
    compile_bytecode(pythonpath)
    home = tempfile.mkdtemp(prefix="reader-bench-")
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(MINIMAL_APP)
    minimal_command = f"{sys.executable} {handle.name}"
    # A first run sets the library up and quits with q, as a person does: later starts show
    # the story left open in their first frame (``last_story``). Every run after it is killed,
    # so the record stays the first run's; "without the record" deletes it before each run.
    time_to_text(reader, ARTICLE_TEXT, home, quit_key="q")
    record = Path(home) / "cache" / "last-story.json"
    kept = record.read_bytes() if record.exists() else None
    times: dict[str, list[float]] = {"minimal": [], "reader": [], "unrecorded": []}
    for _ in range(runs):
        times["minimal"].append(time_to_text(minimal_command, "minimal app ready", home))
        if kept is not None:
            record.write_bytes(kept)
        times["reader"].append(time_to_text(reader, ARTICLE_TEXT, home))
        record.unlink(missing_ok=True)
        times["unrecorded"].append(time_to_text(reader, ARTICLE_TEXT, home))
    return {"command": reader, "recorded": kept is not None, **times}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--pythonpath", metavar="DIR", help="run `python -m reader` with PYTHONPATH=DIR")
    args = parser.parse_args()
    found = measure(args.runs, args.pythonpath)
    minimal_times, reader_times, unrecorded_times = found["minimal"], found["reader"], found["unrecorded"]
    minimal, ours = statistics.median(minimal_times), statistics.median(reader_times)
    unrecorded = statistics.median(unrecorded_times)
    print(f"cores: {os.cpu_count()}  load: {os.getloadavg()[0]:.2f}  runs: {args.runs} each, alternating")
    print(f"reader: {found['command']}")
    print("reader's bytecode: compiled before the runs, as pip install compiles it")
    print("| app | median to first paint | min | max |")
    print("| --- | --- | --- | --- |")
    print(f"| minimal Textual app | {minimal * 1000:.0f} ms | {min(minimal_times) * 1000:.0f} | {max(minimal_times) * 1000:.0f} |")
    print(f"| reader, sample library | {ours * 1000:.0f} ms | {min(reader_times) * 1000:.0f} | {max(reader_times) * 1000:.0f} |")
    print(f"| reader, without the record of the story left open | {unrecorded * 1000:.0f} ms "
          f"| {min(unrecorded_times) * 1000:.0f} | {max(unrecorded_times) * 1000:.0f} |")
    print(f"story left open recorded: {'yes' if found['recorded'] else 'NO (the first run did not quit cleanly)'}")
    print(f"ratio reader / minimal: {ours / minimal:.2f} (without the record: {unrecorded / minimal:.2f})")


if __name__ == "__main__":
    main()
