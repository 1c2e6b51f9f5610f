"""``reader unsubscribe URL|TITLE``: stop following a feed, keeping or removing its stories."""

from __future__ import annotations

import argparse
import sys

from reader.commands import command_help
from reader.commands.add import open_store
from reader.commands.common import CommandError
from reader.text import make_safe

NAME = "unsubscribe"
HELP = command_help(NAME)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("feed", metavar="URL|TITLE", help="the feed's address or title ('reader feeds' lists them)")
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--keep-stories", action="store_true", help="keep the stories it brought (the default "
                      "when not asked at a terminal)")
    what.add_argument("--delete-stories", action="store_true",
                      help="remove the stories it brought (starred ones are kept)")


def _ask_keep(count: int) -> bool:
    if not sys.stdin.isatty():
        return True
    answer = input(f"Keep its {count:,} stor{'y' if count == 1 else 'ies'} in your library? [Y/n] ")
    return not answer.strip().lower().startswith("n")


def run(args: argparse.Namespace) -> int:
    from reader.feeds.manage import unsubscribe
    from reader.feeds.store import FeedStore

    store = open_store()
    try:
        feeds = FeedStore(store)
        sub = feeds.find(args.feed)
        if sub is None:
            raise CommandError(make_safe(f"reader: {feeds.not_found(args.feed)}"), 1)
        count = len(feeds.members_of(sub.url))
        keep = True if args.keep_stories else False if args.delete_stories else (not count or _ask_keep(count))
        result = unsubscribe(store, sub, keep_stories=keep)
    finally:
        store.close()
    print(make_safe(result.summary()))
    return 0
