"""``reader import-state FILE``: read back the state written by ``reader export``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from reader.commands.add import open_store
from reader.commands.common import CommandError
from reader.commands.export import STATE_NAME
from reader.library.state import StateError

NAME = "import-state"
HELP = "read back reading state (read, stars, positions, feeds) from an export's state.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help=f"the {STATE_NAME} of an export (or its folder)")


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    if path.is_dir():
        path = path / STATE_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CommandError(f"reader: no such file: {path}", 1) from None
    except OSError as error:
        raise CommandError(f"reader: cannot read {path}: {error.strerror or error}", 1) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        where = f" (line {error.lineno}, column {error.colno})" if isinstance(error, json.JSONDecodeError) else ""
        raise CommandError(f"reader: {path} is not valid JSON{where}", 1) from None
    store = open_store()
    try:
        articles, feeds = store.import_data(data)
    except StateError as error:
        raise CommandError(f"reader: {path}: {error}", 1) from None
    finally:
        store.close()
    print(f"Imported the state of {articles:,} articles and {feeds:,} feeds from {path}.")
    library = path.parent / "library"
    if library.is_dir():
        print(f"To add the exported articles too: reader add {library}")
    return 0
