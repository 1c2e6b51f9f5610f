"""``reader entities``: the named entities of articles, as a table, JSON or JSON lines.

For a ``.txt`` file, offsets are Python string offsets into the file's text as read
(UTF-8, newlines kept): the recogniser runs on the raw file text (a leading YAML block
blanked out: a library file's ``title:`` and ``byline:`` are no story text), so other tools
can score it against their own copy of the file. Saved pages, Markdown and feed files are
read with the same loaders as ``reader add`` (an article's text, not its markup), and an
id from ``reader list`` names an article of the library: offsets are then into the
article's text (``reader show ID --json`` prints it); a feed gives one document per entry.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from reader.commands import command_help
from reader.commands.common import CommandError, article_by_id, recogniser, report_problems
from reader.entities.service import get_recognizer

NAME = "entities"
HELP = command_help(NAME)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH|ID",
                        help="article files (.txt, .md, .html, feeds) or article ids from `reader list`")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="print a JSON array of entities (one file)")
    group.add_argument("--jsonl", action="store_true", help='print one line per file: {"doc": NAME, "entities": [...]}')


def read_text(path: Path) -> str:
    """The file's text as read: UTF-8 (invalid bytes replaced), newlines kept as they are."""
    try:
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            return handle.read()
    except IsADirectoryError:
        raise CommandError(f"reader: {path} is a folder; give article files") from None
    except FileNotFoundError:
        raise CommandError(f"reader: no such file: {path}") from None
    except OSError as error:
        raise CommandError(f"reader: cannot read {path}: {error.strerror or error}") from None


def without_front_matter(text: str) -> str:
    """``text`` with a leading YAML block (a library file's ``title:``, ``byline:`` ...) blanked
    out, every character but its newlines a space: its fields are no story text, and the
    offsets stay the file's."""
    from reader.loaders.txt import FRONT_MATTER

    match = FRONT_MATTER.match(text)
    if match is None:
        return text
    return re.sub(r"[^\n]", " ", match.group(0)) + text[match.end():]


def documents(ref: str) -> list[tuple[str, str]]:
    """(name, text) of what ``ref`` names: a .txt file's raw text; the articles a page,
    Markdown or feed file holds, read as ``reader add`` reads them; or a library article."""
    path = Path(ref).expanduser()
    if path.is_dir():
        raise CommandError(f"reader: {path} is a folder; give article files or ids")
    if not path.exists():
        article = article_by_id(ref)
        return [(article.id, article.body)]
    if path.suffix.lower() in (".txt", ""):
        return [(path.name, without_front_matter(read_text(path)))]
    from reader.loaders import load_file

    loaded = load_file(path)
    report_problems(loaded.problems)
    articles = loaded.articles
    if not articles:
        raise CommandError(f"reader: {path}: no article in it", 1)
    if len(articles) == 1:
        return [(path.name, articles[0].body)]
    return [(f"{path.name}#{article.id}", article.body) for article in articles]


def entities_of(text: str) -> list[dict]:
    """The entities of ``text`` as JSON-ready mappings."""
    recognizer = get_recognizer()
    kb = recognizer.kb
    return [{"start": s.start, "end": s.end, "text": text[s.start:s.end], "type": s.type, "key": s.key,
             "note": kb.get(s.key) is not None}
            for s in recognizer.recognise(text)]


def run(args: argparse.Namespace) -> int:
    if args.json and len(args.paths) > 1:
        raise CommandError("reader: --json takes one file; use --jsonl for several")
    texts = [doc for ref in args.paths for doc in documents(ref)]
    if args.json and len(texts) > 1:
        raise CommandError(f"reader: {args.paths[0]} holds {len(texts)} articles; use --jsonl for one line each")
    kb = recogniser().kb
    for problem in [*kb.problems, *kb.warnings]:
        print(f"reader: {problem}", file=sys.stderr)
    if args.json:
        json.dump(entities_of(texts[0][1]), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if args.jsonl:
        for name, text in texts:
            sys.stdout.write(json.dumps({"doc": name, "entities": entities_of(text)}, ensure_ascii=False) + "\n")
        return 0
    for name, text in texts:
        if len(texts) > 1:
            print(f"== {name}")
        rows = entities_of(text)
        for row in rows:
            mark = "*" if row["note"] else " "
            shown = " ".join(row["text"].split())
            print(f"{row['start']:>7} {row['end']:>7}  {row['type']:<6} {mark} {shown}")
        print(f"{len(rows)} entities (* has a background note)")
    return 0
