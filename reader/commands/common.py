"""Pieces shared by the sub-commands: the library, problem reports, exit codes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from rich.cells import cell_len

from reader.commands.errors import EXIT_USAGE, CommandError
from reader.core import Library, open_library
from reader.library.article import Article
from reader.library.files import MissingPath
from reader.problems import Problem

__all__ = ["EXIT_USAGE", "CommandError", "add_sources_argument", "article_by_id", "library_or_exit", "pad",
           "recogniser", "report_problems"]

FIRST_USE_NOTICE = "reader: first use: reading the name lists (a few seconds, once)…"


def pad(text: str, width: int) -> str:
    """``text`` with spaces after it to fill ``width`` terminal cells (a CJK character takes two)."""
    return text + " " * max(0, width - cell_len(text))


def add_sources_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="article files or folders (default: your library, or the sample library)")


def library_or_exit(paths: Iterable[Path] = ()) -> Library:
    """The library the app would show for these paths (none: the person's library, as set
    in config.yaml); a missing path is a ``CommandError``, config problems go to stderr."""
    try:
        library = open_library(list(paths))
    except MissingPath as missing:
        raise CommandError(f"reader: no such file or folder: {missing}") from None
    report_problems(library.problems)
    return library


def recogniser():  # noqa: ANN201 - reader.entities.recognizer.Recognizer, imported only when needed
    """The shared entity recogniser. Its first use reads and caches the name lists (about
    five seconds, once per data folder and version): a terminal is told so first, rather
    than left silent."""
    from reader.entities import service  # noqa: PLC0415 - commands without entities do not load it

    if service.first_build_ahead() and sys.stderr.isatty():
        print(FIRST_USE_NOTICE, file=sys.stderr, flush=True)
    return service.get_recognizer()


def report_problems(problems: Iterable[Problem]) -> None:
    """Print each loading problem as one line on stderr."""
    for problem in problems:
        print(f"reader: {problem}", file=sys.stderr)


def article_by_id(ref: str, library: Library | None = None) -> Article:
    """The article of the library whose id (as ``reader list`` prints it) is ``ref``, or that
    an id starts with, when only one does; a ``CommandError`` naming the nearest ids otherwise."""
    library = library or library_or_exit()
    catalog = library.catalog()
    entry = catalog.get(ref)
    if entry is None:
        folded = ref.casefold()
        matches = [e for e in catalog.entries if e.id.casefold() == folded] or \
                  [e for e in catalog.entries if e.id.casefold().startswith(folded)]
        if len(matches) > 1:
            shown = ", ".join(e.id for e in matches[:5]) + (", …" if len(matches) > 5 else "")
            raise CommandError(f"reader: {ref!r} could be {len(matches)} articles: {shown}")
        if not matches:
            import difflib

            near = difflib.get_close_matches(ref, [e.id for e in catalog.entries], n=3, cutoff=0.5)
            hint = f" (did you mean {', '.join(near)}?)" if near else " (reader list prints the ids)"
            raise CommandError(f"reader: no such file, folder or article id: {ref}{hint}")
        entry = matches[0]
    article = catalog.load(entry)
    if article is None:
        raise CommandError(f"reader: {entry.path} could not be read", 1)
    return article
