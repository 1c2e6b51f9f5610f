"""``reader refresh``: fetch the remembered feeds and add their new entries."""

from __future__ import annotations

import argparse

from reader.commands.add import open_store, print_report
from reader.commands.progress import TerminalProgress
from reader.library.importer import Importer

NAME = "refresh"
HELP = "fetch your remembered feeds (added with 'reader add URL') and import new entries"
EXIT_ALL_FAILED = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--list", action="store_true", help="list the remembered feeds and do nothing else")
    parser.add_argument("--forget", metavar="URL", help="stop following this feed")
    parser.add_argument("-v", "--verbose", action="store_true", help="also name each entry already in the library")


def run(args: argparse.Namespace) -> int:
    store = open_store()
    try:
        if args.forget:
            if store.remove_feed(args.forget):
                print(f"Forgot feed {args.forget}")
                return 0
            print(f"reader: no remembered feed {args.forget}")
            return 1
        feeds = store.feeds()
        if args.list or not feeds:
            if not feeds:
                print("No feeds yet: 'reader add URL' with a feed's address remembers it.")
            for feed in feeds:
                print(f"{feed.url}  {feed.title or ''}".rstrip())
            return 0
        progress = TerminalProgress()
        try:
            report = Importer(store).refresh(progress=progress)
        finally:
            progress.close()
    finally:
        store.close()
    print_report(report, args.verbose)
    return EXIT_ALL_FAILED if len(report.problems) >= len(feeds) and not report.added else 0
