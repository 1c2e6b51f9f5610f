"""``reader export DIR``: back up the library (article files), its state (JSON) and the
person's own files: config.yaml, their notes and their themes (``reader import-state DIR``
puts them back)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from reader.commands import command_help
from reader.commands.add import open_store
from reader.commands.common import CommandError
from reader.atomic import write_atomic
from reader.core import open_library
from reader.library.state import dumps_export

NAME = "export"
HELP = command_help(NAME)
STATE_NAME = "state.json"
CONFIG_NAME = "config"
"""The export's folder for the person's files from the config folder."""
CONFIG_PARTS = ("config.yaml", "notes", "themes")
"""What of the config folder is the person's: settings, notes, themes."""


def config_files(root: Path) -> list[Path]:
    """The person's files below a config folder (``root``), relative to it."""
    found: list[Path] = []
    for part in CONFIG_PARTS:
        path = root / part
        if path.is_file():
            found.append(Path(part))
        elif path.is_dir():
            found += sorted(p.relative_to(root) for p in path.rglob("*")
                            if p.is_file() and not any(s.startswith(".") for s in p.relative_to(root).parts))
    return found


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, metavar="DIR", help="folder to write (created when missing)")


def export_to(folder: Path) -> tuple[int, Path]:
    """Copy the library's article files to ``folder/library``, the state to ``folder/state.json``
    and the person's config.yaml, notes and themes to ``folder/config``."""
    library_out = folder / "library"
    count = 0
    for file in open_library().walk().files:
        path = Path(file.path)
        target = library_out / (path.relative_to(file.root) if file.root else path.name)
        write_atomic(target, path.read_bytes())
        count += 1
    from reader.feeds.store import FeedStore

    store = open_store()
    try:
        data = store.export_data()
        data["subscriptions"] = FeedStore(store).export_data()
    finally:
        store.close()
    state_path = folder / STATE_NAME
    write_atomic(state_path, dumps_export(data))
    from reader.paths import config_dir

    for relative in config_files(config_dir()):
        write_atomic(folder / CONFIG_NAME / relative, (config_dir() / relative).read_bytes())
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
    own = config_files(folder / CONFIG_NAME)
    if own:
        print(f"Exported your settings, notes and themes ({len(own)} files) to {folder / CONFIG_NAME}.")
    print(f"To restore: reader import-state {folder}")
    return 0
