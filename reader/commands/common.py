"""Pieces shared by the sub-commands: library paths, problem reports, exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from reader.library import Library, MissingPath, Problem, default_sources, load_library

EXIT_USAGE = 2


class CommandError(Exception):
    """A problem that ends a command with one clear line on stderr and an exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def add_sources_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="article files or folders (default: your library, or the sample library)")


def load_sources_or_exit(sources: Iterable[Path]) -> Library:
    """Load the given sources (or the default library); a missing path is a ``CommandError``."""
    sources = list(sources) or default_sources()
    try:
        return load_library(sources)
    except MissingPath as missing:
        raise CommandError(f"reader: no such file or folder: {missing}") from None


def report_problems(problems: Iterable[Problem]) -> None:
    """Print each loading problem as one line on stderr."""
    for problem in problems:
        print(f"reader: {problem}", file=sys.stderr)
