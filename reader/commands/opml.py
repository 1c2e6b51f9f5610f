"""``reader opml import FILE`` / ``reader opml export [FILE]``: subscription lists."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.commands import command_help
from reader.commands.add import open_store
from reader.commands.common import CommandError
from reader.text import make_safe

NAME = "opml"
HELP = command_help(NAME)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="import|export", required=True)
    importing = actions.add_parser("import", help="follow every feed of an OPML file (OPML 1.0 or 2.0)")
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.add_argument("--fetch", action="store_true", help="fetch the feeds now (else the next refresh does)")
    exporting = actions.add_parser("export", help="write your feeds as OPML 2.0 (stdout without FILE)")
    exporting.add_argument("file", type=Path, nargs="?", metavar="FILE")
    exporting.add_argument("--opml1", action="store_true",
                           help="write OPML 1.0 (folders only: a feed's first tag; no category attribute)")


def run(args: argparse.Namespace) -> int:
    return _import(args) if args.action == "import" else _export(args)


def _import(args: argparse.Namespace) -> int:
    from reader.feeds.opml import read_opml
    from reader.feeds.store import FeedStore

    try:
        data = args.file.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"reader: no such file: {args.file}") from None
    except OSError as error:
        raise CommandError(f"reader: {args.file}: cannot be read ({error.strerror or error})", 1) from None
    found = read_opml(data)
    for problem in found.problems:
        print(make_safe(f"reader: {args.file}: {problem}"), file=sys.stderr)
    if not found.feeds:
        return 1
    store = open_store()
    try:
        feeds = FeedStore(store)
        new = 0
        for feed in found.feeds:
            title = feed.title if feed.title and feed.title != feed.url else None
            new += feeds.subscribe(feed.url, title=title, tags=feed.tags)
        if args.fetch:
            from reader.feeds.refresh import refresh

            report = refresh(store, only=[f.url for f in found.feeds])
            for result in report.failed:
                print(make_safe(f"reader: {result.url}: {result.error}"), file=sys.stderr)
            print(make_safe(report.summary() + "."))
    finally:
        store.close()
    print(f"{len(found.feeds):,} feeds in {args.file.name}: {new:,} new, {len(found.feeds) - new:,} already followed"
          + ("" if args.fetch else "; 'reader refresh' fetches them."))
    return 0


def _export(args: argparse.Namespace) -> int:
    from reader.atomic import write_atomic
    from reader.feeds.opml import write_opml
    from reader.feeds.store import FeedStore

    store = open_store()
    try:
        subscriptions = FeedStore(store).subscriptions()
    finally:
        store.close()
    text = write_opml(subscriptions, version="1.0" if args.opml1 else "2.0")
    if args.file is None:
        sys.stdout.write(text)
        return 0
    try:
        write_atomic(args.file, text)
    except OSError as error:
        raise CommandError(f"reader: cannot write {args.file}: {error.strerror or error}", 1) from None
    print(f"Wrote {len(subscriptions):,} feeds to {args.file}")
    return 0
