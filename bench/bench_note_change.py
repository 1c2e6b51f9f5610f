"""What saving a note costs the search index: the stories that name it are indexed again,
against rebuilding the whole index (what any change of the recogniser did before).

    python bench/bench_note_change.py LIBRARY_FOLDER --home DIR [--word WORD] [--rebuild]

``--home`` is a READER_HOME whose index of the library is current (``reader index
LIBRARY_FOLDER`` once, with this version). The script writes a note in that home named
after ``--word`` (a word of the library), times ``reader index LIBRARY_FOLDER``, gives the
note an alias (a second word) and times it again, then removes the note and times the
update that takes it out. ``--rebuild`` also times ``reader index --rebuild`` for the side
by side (minutes on a big library). Prints the core count and the load.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

READER = str(Path(sys.executable).parent / "reader")
NOTE = """- id: bench-note
  name: {name}
  type: ORG
  aliases: [{aliases}]
  summary: A note written by bench_note_change.py.
  as_of: 2026-11-30
"""


def index(library: Path, env: dict, *extra: str) -> tuple[float, str]:
    """Seconds for ``reader index``, and its summary line."""
    started = time.perf_counter()
    done = subprocess.run([READER, "index", *extra, str(library)], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    lines = (done.stdout + done.stderr).strip().splitlines()
    return seconds, " / ".join(line.removeprefix("reader: ") for line in lines[-2:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", type=Path)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--word", default="Caxthiongation", help="the note's name (a word of the library)")
    parser.add_argument("--alias", default="Plairknoment", help="the alias given in the second step")
    parser.add_argument("--rebuild", action="store_true", help="also time a full rebuild, for the side by side")
    args = parser.parse_args()
    env = {**os.environ, "READER_HOME": str(args.home)}
    notes = args.home / "config" / "notes"
    notes.mkdir(parents=True, exist_ok=True)
    path = notes / "bench-note.yaml"
    print(f"os.cpu_count()={os.cpu_count()}; load average {os.getloadavg()[0]:.2f}")
    seconds, line = index(args.library, env)
    print(f"{'index current':<28} {seconds:6.1f} s  {line}")
    steps = [("a new note", NOTE.format(name=args.word, aliases="")),
             ("an alias added", NOTE.format(name=args.word, aliases=args.alias)),
             ("the note removed", None)]
    try:
        for label, text in steps:
            if text is None:
                path.unlink()
            else:
                path.write_text(text, encoding="utf-8")
            seconds, line = index(args.library, env)
            stories = re.search(r"([\d,]+) changed", line)
            print(f"{label:<28} {seconds:6.1f} s  {stories.group(1) if stories else '?'} stories indexed again  "
                  f"({line})")
        if args.rebuild:
            seconds, line = index(args.library, env, "--rebuild")
            print(f"{'a full rebuild':<28} {seconds:6.1f} s  ({line})")
    finally:
        path.unlink(missing_ok=True)
    print(f"load average {os.getloadavg()[0]:.2f} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
