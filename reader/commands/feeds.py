"""``reader feeds``: your feeds with unread/total counts, last update and last error."""

from __future__ import annotations

import argparse
import json
import sys

from reader.commands import command_help
from reader.commands.add import open_store
from reader.commands.common import library_or_exit
from reader.dates import display_when
from reader.text import make_safe

NAME = "feeds"
HELP = command_help(NAME)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON array instead of a table")


def run(args: argparse.Namespace) -> int:
    from reader.feeds.overview import library_overview

    library = library_or_exit()
    store = open_store()
    try:
        rows = library_overview(library, store)
    finally:
        store.close()
    if args.json:
        json.dump([row.to_json() for row in rows if row.kind in ("feed", "search", "tag")], sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    feeds = [row for row in rows if row.kind == "feed"]
    if not feeds:
        print("No feeds yet: 'reader subscribe URL' (or a feed file), or 'reader opml import FILE'.")
    else:
        print(f"{'UNREAD':>6} {'TOTAL':>6}  {'UPDATED':<12} FEED")
    for row in feeds:
        sub = row.subscription
        tags = "  " + " ".join(f"#{t}" for t in sub.tags) if sub.tags else ""
        where = f"  <{sub.url}>" if row.title != sub.url else ""
        print(make_safe(f"{row.unread:>6,} {row.total:>6,}  {display_when(sub.success_at):<12} "
                        f"{row.title}{where}{tags}"))
        if sub.error:
            print(make_safe(f"{'':>6} {'':>6}  {'':<12} ! {sub.error} ({display_when(sub.error_at)})"))
    searches = [row for row in rows if row.kind == "search"]
    if searches:
        print("\nSaved searches:")
        for row in searches:
            counts = f"{'…':>6} {'…':>6}" if row.pending else f"{row.unread:>6,} {row.total:>6,}"
            print(make_safe(f"{counts}  {'':<12} {row.title}  [{row.search.query}]"))
    return 0
