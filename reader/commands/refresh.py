"""``reader refresh [FEED...]``: fetch your feeds (politely, side by side) and add their new entries."""

from __future__ import annotations

import argparse
import json
import sys
import threading

from reader.commands import command_help
from reader.commands.add import open_store, print_report
from reader.commands.common import CommandError
from reader.commands.progress import TerminalProgress
from reader.text import make_safe

NAME = "refresh"
HELP = command_help(NAME)
EXIT_A_FEED_FAILED = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("feeds", nargs="*", metavar="FEED",
                        help="only these feeds (address or title; 'reader feeds' lists them)")
    parser.add_argument("--list", action="store_true", help="list the feeds and do nothing else ('reader feeds' "
                        "shows counts too)")
    parser.add_argument("--forget", metavar="URL", help="stop following this feed (as 'reader unsubscribe "
                        "--keep-stories')")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also say how each feed went, and name each entry already in the library")
    parser.add_argument("--jsonl", action="store_true", help=argparse.SUPPRESS)  # for the app: JSON lines out
    parser.add_argument("--politeness", help=argparse.SUPPRESS)  # for the app's tests: JSON of Politeness


def run(args: argparse.Namespace) -> int:
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
        only = None
        if args.feeds:
            found = [feeds.find(text) for text in args.feeds]
            missing = [text for text, sub in zip(args.feeds, found) if sub is None]
            if missing and not args.jsonl:
                raise CommandError(make_safe(f"reader: {feeds.not_found(missing[0])}"), 1)
            only = [sub.url for sub in found if sub is not None]
        if args.jsonl:
            return _jsonl(store, only, args.politeness)
        if args.list or not subscriptions:
            if not subscriptions:
                print("No feeds yet: 'reader subscribe URL' (or 'reader add URL') follows one.")
            for sub in subscriptions:
                print(make_safe(f"{sub.url}  {sub.title if sub.title != sub.url else ''}".rstrip()))
            return 0
        from reader.feeds.refresh import refresh

        progress = TerminalProgress()
        try:
            report = refresh(store, only=only, progress=progress)
        finally:
            progress.close()
    finally:
        store.close()
    if args.verbose:
        for result in report.feeds:
            print(make_safe(result.line), file=sys.stderr)
    print_report(report.imported, args.verbose, report.summary())  # as the app's R says it, not "no article files"
    # a feed that could not be refreshed makes the run fail, so a script or cron job can tell
    # (12 of 13 feeds failing exited 0 while one answered; a new user's pass): the summary and
    # stderr say which
    return EXIT_A_FEED_FAILED if report.failed else 0


def _jsonl(store, only: list[str] | None, politeness_json: str | None) -> int:  # noqa: ANN001
    """The app's refresh: progress and each feed's outcome as JSON lines on stdout; stops
    (after the feeds under way) when stdin closes."""
    from reader.feeds.http import Politeness
    from reader.feeds.refresh import refresh, result_to_json

    politeness = Politeness(**json.loads(politeness_json)) if politeness_json else None
    closed = threading.Event()

    def watch_stdin() -> None:
        try:
            while sys.stdin.read(4096):
                pass
        except (OSError, ValueError):
            pass
        closed.set()

    threading.Thread(target=watch_stdin, daemon=True).start()

    def say(item: dict) -> None:
        sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    report = refresh(store, only=only, politeness=politeness, cancelled=closed.is_set,
                     progress=lambda done, total, label: say({"progress": [done, total, label]}),
                     on_feed=lambda result: say({"feed": result_to_json(result)}))
    say({"result": {"requests": report.requests, "bytes_read": report.bytes_read, "seconds": report.seconds,
                    "added": report.new_count}})
    return 0
