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

    found = None if args.no_fetch else _find(args.address)
    address = found.url if found is not None else args.address
    store = open_store()
    try:
        try:
            sub, new = subscribe(store, address, tags=args.tag, title=args.title,
                                 full_text=True if args.full_text else None)
        except NotAFeedAddress as error:
            raise CommandError(f"reader: {error}") from None
        advertised = found is not None and found.page is not None
        if advertised:
            count = 1 + len(found.others)
            print(make_safe(f"{found.page} is a web page; it advertises {count} feed{'' if count == 1 else 's'}."))
        named = f" ({found.chosen.title})" if advertised and found.chosen and found.chosen.title else ""
        print(make_safe(f"{'Subscribed to' if new else 'Already following'} {sub.url}{named}"))
        if advertised and found.others:
            print("Also advertised (follow one with 'reader subscribe ADDRESS'):")
            for other in found.others:
                print(make_safe(f"  {other.line()}"))
        if args.no_fetch:
            return 0
        answers = {sub.url: found.response} if found is not None and found.response is not None else None
        report = refresh(store, only=[sub.url], answers=answers)
    finally:
        store.close()
    for result in report.feeds:
        if result.error:
            print(make_safe(f"reader: {result.url}: {result.error} (the feed is remembered; "
                            f"'reader refresh' tries again)"), file=sys.stderr)
        else:
            print(make_safe(result.line))
    return 0


def _find(address: str):  # noqa: ANN202 (reader.feeds.discover.Found, imported lazily)
    """The feed behind an http(s) address (None for a file, or when it cannot be fetched
    now); a page that advertises no feed ends the command."""
    from reader.feeds.discover import NoFeedFound, find_feed, is_web_address
    from reader.feeds.http import FetchFailed, PoliteClient

    if not is_web_address(address):
        return None
    text = address.strip()
    with PoliteClient() as client:
        try:
            return find_feed(text, client)
        except FetchFailed:
            return None  # followed as given: the refresh says why it failed, and tries again later
        except NoFeedFound as error:
            raise CommandError(make_safe(f"reader: {error}")) from None
