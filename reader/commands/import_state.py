"""``reader import-state FILE|DIR``: restore what ``reader export`` wrote: the reading state,
and (from an export's folder) the person's config.yaml, notes and themes. A file that
would change is kept beside it as ``NAME.before-import``, so nothing is lost."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader.commands import command_help
from reader.commands.add import open_store
from reader.commands.common import CommandError
from reader.atomic import write_atomic
from reader.commands.export import CONFIG_NAME, STATE_NAME, config_files
from reader.library.state import StateError

NAME = "import-state"
HELP = command_help(NAME)
BACKUP_SUFFIX = ".before-import"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE|DIR", help=f"an export's folder, or its {STATE_NAME}")
    parser.add_argument("--state-only", action="store_true",
                        help="restore the reading state only, not config.yaml, notes and themes")


def restore_config(source: Path) -> tuple[list[Path], list[Path]]:
    """Copy an export's config files into the config folder: (restored, kept as backups)."""
    from reader.paths import config_dir

    target_root = config_dir()
    restored, kept = [], []
    for relative in config_files(source):
        data = (source / relative).read_bytes()
        target = target_root / relative
        if target.is_file():
            old = target.read_bytes()
            if old == data:
                continue
            backup = target.with_name(target.name + BACKUP_SUFFIX)
            write_atomic(backup, old)
            kept.append(backup)
        write_atomic(target, data)
        restored.append(relative)
    return restored, kept


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
    from reader.feeds.store import FeedStore

    store = open_store()
    try:
        articles, feeds = store.import_data(data)
        if isinstance(data.get("subscriptions"), dict):  # tags, fetch state, saved searches (newer exports)
            feeds = max(feeds, FeedStore(store).import_data(data["subscriptions"]))
    except StateError as error:
        raise CommandError(f"reader: {path}: {error}", 1) from None
    finally:
        store.close()
    print(f"Imported the state of {articles:,} articles and {feeds:,} feeds from {path}.")
    config = path.parent / CONFIG_NAME
    if config.is_dir() and not args.state_only:
        try:
            restored, kept = restore_config(config)
        except OSError as error:
            raise CommandError(f"reader: cannot restore the settings, notes and themes: "
                               f"{error.strerror or error}", 1) from None
        if restored:
            print(f"Restored {len(restored)} of your files (settings, notes, themes): "
                  + ", ".join(str(r) for r in restored) + ".")
        for backup in kept:
            print(f"reader: kept the file it replaced as {backup}", file=sys.stderr)
    library = path.parent / "library"
    if library.is_dir():
        print(f"To add the exported articles too: reader add {library}")
    return 0
