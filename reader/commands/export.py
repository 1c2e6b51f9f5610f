"""``reader export DIR``: write the library (article files) and its state (JSON) to a folder."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from reader.commands.add import open_store
from reader.commands.common import CommandError
from reader.atomic import write_atomic
from reader.core import open_library
from reader.library.state import dumps_export

NAME = "export"
HELP = "write your library and its reading state (state.json) to a folder"
STATE_NAME = "state.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help="folder to write (created when missing)")


def export_to(folder: Path) -> tuple[int, Path]:
    """Copy the library's article files to ``folder/library`` and the state to ``folder/state.json``."""
    library_out = folder / "library"
    count = 0
    for file in open_library().walk().files:
        path = Path(file.path)
        target = library_out / (path.relative_to(file.root) if file.root else path.name)
        write_atomic(target, path.read_bytes())
        count += 1
    store = open_store()
    try:
        data = store.export_data()
    finally:
        store.close()
    state_path = folder / STATE_NAME
    write_atomic(state_path, dumps_export(data))
    return count, state_path


def run(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    if folder.exists() and not folder.is_dir():
        raise CommandError(f"reader: {folder} exists and is not a folder", 1)
    try:
        count, state_path = export_to(folder)
    except OSError as error:
        raise CommandError(f"reader: cannot write to {folder}: {error.strerror or error}", 1) from None
    data = json.loads(state_path.read_text(encoding="utf-8"))
    print(f"Exported {count:,} article files to {folder / 'library'} and the state of "
          f"{len(data['articles']):,} articles and {len(data['feeds']):,} feeds to {state_path}.")
    return 0
