"""``reader list``: the articles of the library, as a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys

from rich.cells import cell_len

from reader.commands import command_help
from reader.commands.common import add_sources_argument, library_or_exit, pad, report_problems
from reader.text import make_safe

NAME = "list"
HELP = command_help(NAME)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_sources_argument(parser)
    parser.add_argument("--json", action="store_true", help="print a JSON array instead of a table")


def run(args: argparse.Namespace) -> int:
    catalog = library_or_exit(args.paths).catalog()
    report_problems(catalog.problems)
    if args.json:
        rows = [{"id": a.id, "title": a.title, "words": a.word_count, "source": a.source, "published": a.published}
                for a in catalog.entries]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    # the id comes from the file name, which may hold any character: shown made safe, and
    # padded by the cells it takes (CJK characters take two)
    ids = [make_safe(article.id) for article in catalog.entries]
    width = max((cell_len(shown) for shown in ids), default=2)
    for shown, article in zip(ids, catalog.entries):
        print(f"{pad(shown, width)}  {article.word_count:>6}  {article.title}")
    return 0
