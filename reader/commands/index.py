"""``reader index``: bring the library's search index up to date (or rebuild it)."""

from __future__ import annotations

import argparse
import os
import sys

from reader.commands.common import CommandError, add_sources_argument
from reader.commands.progress import TerminalProgress
from reader.library import MissingPath, default_sources
from reader.search.index import UpdateResult, open_library_index

NAME = "index"
HELP = "update the search index of the library (only new, changed and removed articles)"
EXIT_BUSY = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_sources_argument(parser)
    parser.add_argument("--rebuild", action="store_true", help="throw the index away and build it again")


def run_update(paths, *, rebuild: bool = False, quiet: bool = False) -> UpdateResult:
    """Update the index with a progress bar on a terminal; a missing path is a ``CommandError``."""
    sources = list(paths) or default_sources()
    index = open_library_index(sources)
    progress = TerminalProgress()
    procs = min(2, os.cpu_count() or 1)
    try:
        result = index.update(sources, rebuild=rebuild, progress=progress, procs=procs)
    except MissingPath as missing:
        raise CommandError(f"reader: no such file or folder: {missing}") from None
    finally:
        progress.close()
        index.close()
    for message in result.messages:
        print(f"reader: {message}", file=sys.stderr)
    if not quiet:
        for problem in result.problems:
            print(f"reader: {problem}", file=sys.stderr)
    return result


def run(args: argparse.Namespace) -> int:
    result = run_update(args.paths, rebuild=args.rebuild)
    print(result.summary)
    return EXIT_BUSY if result.busy else 0
