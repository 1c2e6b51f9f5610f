"""Knowing that the index is up to date without reading its manifest or the library.

Beside the manifest (one entry per article file: 10 MB and 0.1–0.2 s to read at
100,000 stories), the index keeps ``fresh.json``, a few kilobytes:

- ``digest``: a hash of the article files' ``(path, size, mtime)`` in walk order, so the
  app, which has just walked the library for its list, knows at once that nothing
  changed (``files_unchanged``); a different order only means the manifest is read;
- ``folders``: the modification time of every folder of the library, so ``reader
  search`` answers without walking 100,000 files (``folders_unchanged``). Adding,
  removing or renaming a file changes its folder's time (``reader add`` and editors
  that save by renaming do); a file rewritten in place is noticed by the next
  ``reader index`` or app start, which compare every file.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from reader.atomic import write_atomic

FRESH = "fresh.json"


def stamps_digest(files: Iterable[tuple]) -> str:
    """A hash of ``(path, root, size, mtime_ns)`` items (their order counts)."""
    text = "\n".join(f"{item[0]}\0{item[2]}\0{item[3]}" for item in files)
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def folder_stamps(sources: Iterable[Path]) -> dict[str, int]:
    """The modification time of each folder below ``sources`` (hidden ones skipped, as
    the library walk does), and of each source file's folder."""
    stamps: dict[str, int] = {}
    for source in sources:
        source = Path(source)
        if not source.is_dir():
            source = source.parent
        stack = [str(source)]
        while stack:
            folder = stack.pop()
            try:
                stamps[folder] = os.stat(folder).st_mtime_ns
                with os.scandir(folder) as scan:
                    stack.extend(e.path for e in scan if not e.name.startswith(".") and e.is_dir(follow_symlinks=False))
            except OSError:
                continue
    return stamps


def record(directory: Path, key: dict, digest: str | None, sources: Iterable[Path] | None,
           folders: dict | None = None) -> None:
    """Write ``fresh.json`` after an update: ``key`` (schema, recogniser, index files)
    must match for the rest to count. The folders' times are read now unless given."""
    if folders is None and sources is not None:
        folders = folder_stamps(sources)
    data = {"key": key, "digest": digest,
            "sources": sorted(str(Path(s)) for s in sources) if sources is not None else None,
            "folders": folders}
    write_atomic(directory / FRESH, json.dumps(data, separators=(",", ":")))


def read(directory: Path) -> dict | None:
    try:
        data = json.loads((directory / FRESH).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def forget(directory: Path) -> None:
    try:
        (directory / FRESH).unlink()
    except OSError:
        pass


def files_unchanged(data: dict | None, key: dict, files: list) -> bool:
    """True when ``files`` (a walk) are those of the last update, in the same order."""
    return bool(data) and data.get("key") == key and data.get("digest") == stamps_digest(files)


def folders_unchanged(data: dict | None, key: dict, sources: Iterable[Path]) -> bool:
    """True when no folder below ``sources`` changed since the last update."""
    if not data or data.get("key") != key or not data.get("folders"):
        return False
    if data.get("sources") != sorted(str(Path(s)) for s in sources):
        return False
    for folder, mtime in data["folders"].items():
        try:
            if os.stat(folder).st_mtime_ns != mtime:
                return False
        except OSError:
            return False
    return True
