"""``reader index``: bring the library's search index up to date (or rebuild it)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import stat
import sys
import threading
from typing import TYPE_CHECKING

from reader.commands import command_help
from reader.commands.common import CommandError, add_sources_argument, library_or_exit
from reader.commands.progress import TerminalProgress
from reader.core import Library
from reader.library.files import MissingPath

if TYPE_CHECKING:
    from reader.search.index import UpdateResult

NAME = "index"
HELP = command_help(NAME)
EXIT_BUSY = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_sources_argument(parser)
    parser.add_argument("--rebuild", action="store_true", help="throw the index away and build it again")
    parser.add_argument("--first-commit", type=int, metavar="N",
                        help="commit after the first N articles, so searching can start early")
    parser.add_argument("--progress-jsonl", action="store_true",
                        help="write progress and the result as JSON lines on stdout (for programs)")


def update_if_changed(library: Library, index) -> None:  # noqa: ANN001 - the library's LibraryIndex
    """Bring ``index`` up to date before a command answers from it, when a folder of the
    library changed since its last update (none changed: no walk, nothing read)."""
    if not index.unchanged_since_update(library.sources):
        run_update(library, quiet=True)


def run_update(library: Library, *, rebuild: bool = False, quiet: bool = False, progress=None,
               first_commit: int | None = None, should_stop=None) -> UpdateResult:
    """Update the library's index, with a progress bar on a terminal. Why the whole index
    is built again, when it is, is said before it starts (it may take minutes)."""
    index = library.open_index()
    said: list[str] = []

    def say_now(message: str) -> None:  # (the app's background build says it its own way)
        print(f"reader: {message}", file=sys.stderr, flush=True)
        said.append(message)

    bar = TerminalProgress() if progress is None else None
    procs = min(2, os.cpu_count() or 1)
    try:
        result = index.update(library.sources, rebuild=rebuild, progress=progress or bar, procs=procs,
                              first_commit=first_commit, should_stop=should_stop,
                              announce=say_now if progress is None else None)
    except MissingPath as missing:
        raise CommandError(f"reader: no such file or folder: {missing}") from None
    finally:
        if bar is not None:
            bar.close()
        index.close()
    for message in result.messages:
        if message not in said:
            print(f"reader: {message}", file=sys.stderr)
    if not quiet:
        for problem in result.problems:
            print(f"reader: {problem}", file=sys.stderr)
    return result


class JsonLines:
    """Progress and the result as JSON lines on stdout, for the app (``reader.search.background``).

    The update stops cleanly (the batch in progress is cancelled, committed ones kept)
    when stdout closes, or when stdin is a pipe and closes (the app asks it to stop, or
    the app is gone). Not on a signal: the writer processes it forks would inherit the
    handler and no longer end when told to.
    """

    def __init__(self) -> None:
        self.stopped = False
        try:
            self._stdin = sys.stdin.fileno()
            piped = stat.S_ISFIFO(os.fstat(self._stdin).st_mode)
        except (OSError, ValueError, AttributeError):
            piped = False
        if piped:
            threading.Thread(target=self._watch_stdin, daemon=True).start()

    def _watch_stdin(self) -> None:
        # os.read, not sys.stdin: a daemon thread inside a buffered read aborts the
        # interpreter when it shuts down
        try:
            while os.read(self._stdin, 4096):
                pass
        except OSError:
            pass
        self.stop()

    def stop(self) -> None:
        self.stopped = True

    def write(self, item: dict) -> None:
        if self.stopped:
            return
        try:
            sys.stdout.write(json.dumps(item) + "\n")
            sys.stdout.flush()
        except (BrokenPipeError, OSError):
            self.stop()

    def progress(self, done: int, total: int, text: str) -> None:
        self.write({"progress": [done, total, text]})


def run(args: argparse.Namespace) -> int:
    if args.progress_jsonl:
        lines = JsonLines()
        result = run_update(library_or_exit(args.paths), rebuild=args.rebuild, quiet=True,
                            first_commit=args.first_commit,
                            progress=lines.progress, should_stop=lambda: lines.stopped)
        lines.write({"result": dataclasses.asdict(result)})
    else:
        result = run_update(library_or_exit(args.paths), rebuild=args.rebuild, first_commit=args.first_commit)
        print(result.summary)
    return EXIT_BUSY if result.busy else 0
