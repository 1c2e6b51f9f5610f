"""``reader search QUERY``: ranked hits from the library's search index."""

from __future__ import annotations

import argparse
import json
import sys

from rich.cells import cell_len

from reader.commands import command_help
from reader.commands.common import CommandError, add_sources_argument, library_or_exit, pad
from reader.text import make_safe, shorten

NAME = "search"
HELP = command_help(NAME)
EXIT_NO_HITS = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", nargs="?",
                        help='one argument (quote several words): "senkaku islands", \'"treaty of shimonoseki"\', '
                        "negot*, shimonseki~, 'china -taiwan', title:japan, 'published:[2020 TO 2021]'")
    add_sources_argument(parser)
    parser.add_argument("--json", action="store_true", help="print JSON (hits with snippets and match offsets)")
    parser.add_argument("--limit", type=int, default=10, metavar="N", help="at most N hits (default 10)")
    parser.add_argument("--no-update", action="store_true",
                        help="search the index as it is, without checking the library for changes first")
    parser.dash_hint = ('a word after - leaves stories out: put the whole query in quotes, {prog} "… {word}", '
                        'or, when the query starts with it, after --: {prog} -- {word}')


def marked(snippet: str, spans, bold: bool) -> str:
    """The snippet with its matches in bold on a terminal (the text itself was made safe
    when loaded: it holds no escape sequences of its own)."""
    if not bold:
        return snippet
    out, last = [], 0
    for start, end in spans:
        out += [snippet[last:start], "\x1b[1m", snippet[start:end], "\x1b[22m"]
        last = end
    out.append(snippet[last:])
    return "".join(out)


def run(args: argparse.Namespace) -> int:
    if not args.query or not args.query.strip():
        raise CommandError('reader search: give a QUERY, for example: reader search "senkaku islands"')
    if args.limit < 1:
        raise CommandError("reader: --limit must be at least 1")
    for path in args.paths:
        if not path.exists() and len(path.parts) == 1:
            raise CommandError(f"reader: no such file or folder: {path} (a query of several words goes in "
                               f"quotes: reader search \"{args.query} {path}\")")
    from reader.search.index import IndexProblem  # noqa: PLC0415 - not for --help
    from reader.search.searching import search  # noqa: PLC0415

    library = library_or_exit(args.paths)
    index = library.open_index()
    if not args.no_update:
        from reader.commands.index import update_if_changed  # noqa: PLC0415

        update_if_changed(library, index)
    try:
        try:
            results = search(index, args.query, limit=args.limit, exact_total=True)
        except IndexProblem as problem:
            raise CommandError(f"reader: {problem}; run `reader index --rebuild`", 1) from None
    finally:
        index.close()
    if results.error:
        raise CommandError(f"reader: {results.error}", 1)
    if args.json:
        json.dump({"query": results.text, "total": results.total, "notes": results.notes,
                   "suggestion": results.suggestion, "hits": [h.to_json() for h in results.hits]},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for note in results.notes:
            print(f"reader: {note}", file=sys.stderr)
        ids = [make_safe(h.id) for h in results.hits]  # from file names: made safe, padded by cells
        width = max((cell_len(shown) for shown in ids), default=2)
        bold = sys.stdout.isatty()
        for shown, hit in zip(ids, results.hits):
            print(f"{pad(shown, width)}  {hit.score:7.2f}  {shorten(hit.title, 80)}")
            if hit.snippet:
                print(f"{'':<{width}}           {marked(hit.snippet, hit.snippet_spans, bold)}")
        shown = len(results.hits)
        summary = f"{results.total:,} {'story' if results.total == 1 else 'stories'}"
        if shown < results.total:
            summary += f" (showing {shown})"
        print(summary)
        if results.suggestion:
            print(f"did you mean: {results.suggestion}")
    return 0 if results.hits else EXIT_NO_HITS
