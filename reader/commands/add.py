"""``reader add PATH|URL...``: import files, folders, web pages and feeds into your library."""

from __future__ import annotations

import argparse
import sys

from reader.commands import command_help
from reader.commands.common import CommandError
from reader.commands.progress import TerminalProgress
from reader.library.importer import ImportReport, Importer
from reader.library.state import StateError, StateStore
from reader.text import sentence_case

NAME = "add"
HELP = command_help(NAME)
EXIT_NOTHING_USABLE = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="PATH|URL",
                        help="files, folders (searched recursively) or http(s) URLs of pages or feeds")
    parser.add_argument("-v", "--verbose", action="store_true", help="also name each duplicate left out")


def open_store() -> StateStore:
    try:
        return StateStore()
    except StateError as error:
        raise CommandError(f"reader: {error}", 1) from None


def print_report(report: ImportReport, verbose: bool = False, summary: str | None = None) -> None:
    """Problems and notes on stderr (one line each), the summary on stdout (``summary``: one
    of the caller's own, as a refresh's "3 feeds: 0 new stories; 3 unchanged")."""
    for problem in report.problems:
        print(f"reader: {problem}", file=sys.stderr)
    for note in report.notes:
        print(f"reader: note: {note}", file=sys.stderr)
    if verbose:
        for name, reason in report.duplicates:
            print(f"reader: {name}: already in the library ({reason}); skipped", file=sys.stderr)
    for url in report.feeds:
        print(f"Remembered feed {url} (reader refresh fetches new entries)")
    print(sentence_case(summary or report.summary()) + ".")


def run(args: argparse.Namespace) -> int:
    store = open_store()
    progress = TerminalProgress()
    try:
        report = Importer(store).add(args.inputs, progress=progress)
    finally:
        progress.close()
        store.close()
    print_report(report, args.verbose)
    if report.problems and not report.added and not report.duplicates:
        return EXIT_NOTHING_USABLE
    return 0
