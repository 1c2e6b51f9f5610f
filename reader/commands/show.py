"""``reader show ID|PATH``: print one article as text (its id as ``reader list`` prints it)."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
from pathlib import Path

from reader.commands import command_help
from reader.commands.common import CommandError, article_by_id, report_problems
from reader.library.article import Article, lead_length

NAME = "show"
HELP = command_help(NAME)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", metavar="ID|PATH", help="an article id from `reader list`, or an article file")
    parser.add_argument("--json", action="store_true", help="print the article as JSON")
    parser.add_argument("--width", type=int, metavar="N", help="wrap the text at N columns (default: the terminal's, at most 80)")


def load_article(ref: str) -> Article:
    """The article a command line names: a file (its first article), else an id of the library."""
    path = Path(ref).expanduser()
    if path.is_file():
        from reader.loaders import load_file

        loaded = load_file(path)
        report_problems(loaded.problems)
        if not loaded.articles:
            raise CommandError(f"reader: {path}: no article in it", 1)
        return loaded.articles[0]
    if path.is_dir():
        raise CommandError(f"reader: {path} is a folder; give an article file or id")
    return article_by_id(ref)


def run(args: argparse.Namespace) -> int:
    article = load_article(args.article)
    if args.json:
        json.dump({"id": article.id, "title": article.title, "source": article.source,
                   "published": article.published, "byline": article.byline, "url": article.url,
                   "words": article.word_count, "body": article.body}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    width = args.width or min(80, shutil.get_terminal_size((80, 24)).columns)
    if width < 20:
        raise CommandError("reader: --width must be at least 20")
    title = [] if lead_length(article) else textwrap.wrap(article.title, width)  # the headline once
    lines = title + textwrap.wrap(article.meta_line, width)
    if article.byline:
        lines += textwrap.wrap(f"by {article.byline}", width)
    for paragraph in article.paragraphs:  # a paragraph of lines (code) keeps them, as the app shows it
        lines += ["", *(wrapped for line in paragraph.split("\n") for wrapped in textwrap.wrap(line, width))]
    if article.credit:
        lines += ["", article.credit]
    print("\n".join(lines))
    return 0
