"""``reader refresh``: fetch your feeds (politely, side by side) and add their new entries."""

from __future__ import annotations

import argparse
import sys

from reader.commands.add import open_store, print_report
from reader.commands.progress import TerminalProgress
from reader.text import make_safe

NAME = "refresh"
HELP = "fetch your feeds (conditional requests: unchanged feeds cost a 304) and import new entries"
EXIT_ALL_FAILED = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--list", action="store_true", help="list the feeds and do nothing else ('reader feeds' "
                        "shows counts too)")
    parser.add_argument("--forget", metavar="URL", help="stop following this feed (as 'reader unsubscribe "
                        "--keep-stories')")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also say how each feed went, and name each entry already in the library")


def run(args: argparse.Namespace) -> int:
    from reader.feeds.refresh import refresh
    from reader.feeds.store import FeedStore

    store = open_store()
    try:
        feeds = FeedStore(store)
        if args.forget:
            sub = feeds.find(args.forget)
            if sub is not None:
                feeds.unsubscribe(sub.url)
                print(make_safe(f"Forgot feed {sub.url}"))
                return 0
            print(make_safe(f"reader: no remembered feed {args.forget}"))
            return 1
        subscriptions = feeds.subscriptions()
        if args.list or not subscriptions:
            if not subscriptions:
                print("No feeds yet: 'reader subscribe URL' (or 'reader add URL') follows one.")
            for sub in subscriptions:
                print(make_safe(f"{sub.url}  {sub.title if sub.title != sub.url else ''}".rstrip()))
            return 0
        progress = TerminalProgress()
        try:
            report = refresh(store, progress=progress)
        finally:
            progress.close()
    finally:
        store.close()
    if args.verbose:
        for result in report.feeds:
            print(make_safe(result.line), file=sys.stderr)
    print_report(report.imported, args.verbose)
    everything_failed = len(report.failed) == len(report.feeds) and report.feeds
    return EXIT_ALL_FAILED if everything_failed and not report.added else 0
