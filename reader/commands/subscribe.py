"""``reader subscribe URL|FILE``: follow a feed (and fetch it now, unless told not to)."""

from __future__ import annotations

import argparse
import sys

from reader.commands import command_help
from reader.commands.add import open_store
from reader.commands.common import CommandError
from reader.text import make_safe

NAME = "subscribe"
HELP = command_help(NAME)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("address", metavar="URL|FILE", help="the feed's address, or an RSS/Atom file")
    parser.add_argument("--tag", action="append", default=[], metavar="TAG",
                        help="a tag for the feed (repeat for more; a/b for a folder in a folder)")
    parser.add_argument("--title", help="your own title for the feed")
    parser.add_argument("--full-text", action="store_true",
                        help="fetch the whole story from each new entry's link (for feeds that give summaries)")
    parser.add_argument("--no-fetch", action="store_true", help="only remember the feed; the next refresh fetches it")


def run(args: argparse.Namespace) -> int:
    from reader.feeds.manage import NotAFeedAddress, subscribe
    from reader.feeds.refresh import refresh

    store = open_store()
    try:
        try:
            sub, new = subscribe(store, args.address, tags=args.tag, title=args.title,
                                 full_text=True if args.full_text else None)
        except NotAFeedAddress as error:
            raise CommandError(f"reader: {error}") from None
        print(make_safe(f"{'Subscribed to' if new else 'Already following'} {sub.url}"))
        if args.no_fetch:
            return 0
        report = refresh(store, only=[sub.url])
    finally:
        store.close()
    for result in report.feeds:
        if result.error:
            print(make_safe(f"reader: {result.url}: {result.error} (the feed is remembered; "
                            f"'reader refresh' tries again)"), file=sys.stderr)
        else:
            print(make_safe(result.line))
    return 0
