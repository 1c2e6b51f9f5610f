"""The article files below the library's folders, with what indexing needs of their stat."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from reader.library.library import LOADERS, MissingPath


class FileStamp(NamedTuple):
    """What indexing needs of a file's ``stat`` (from ``walk_sources`` or from a walk done
    elsewhere: the catalog's, at start, so the library is not walked twice)."""

    st_size: int
    st_mtime_ns: int


def walk_sources(sources: Iterable[Path], problems: list[str]) -> list[tuple[str, Path | None, int, int]]:
    """``(path, root, size, mtime_ns)`` for each article file below ``sources``.

    The same files as ``reader.library.iter_sources`` (hidden files and folders skipped,
    known suffixes only; in no particular order), found with ``os.scandir``: one ``stat``
    per file. (Stat'ing in threads was measured: slower on a warm cache.) At start the
    app passes the catalog's walk to ``LibraryIndex.update(files=...)`` instead.
    """
    suffixes = tuple(LOADERS)
    found: list[tuple[os.DirEntry, Path]] = []
    singles: list[tuple[str, Path | None, int, int]] = []
    for source in sources:
        source = Path(source)
        if source.is_dir():
            stack = [str(source)]
            while stack:
                folder = stack.pop()
                try:
                    with os.scandir(folder) as scan:
                        entries = list(scan)
                except OSError as error:
                    problems.append(f"{folder}: cannot be read: {error.strerror or error}")
                    continue
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    try:
                        if entry.is_dir(follow_symlinks=False):  # as rglob: a symlink loop must not walk forever
                            stack.append(entry.path)
                        elif entry.name.lower().endswith(suffixes):
                            found.append((entry, source))
                    except OSError as error:
                        problems.append(f"{entry.path}: cannot be read: {error.strerror or error}")
        elif source.exists():
            st = source.stat()
            singles.append((str(source), None, st.st_size, st.st_mtime_ns))
        else:
            raise MissingPath(str(source))
    files, stat_problems = _stat_files(found)
    problems.extend(stat_problems)
    return singles + files


def _stat_files(chunk: list[tuple[os.DirEntry, Path]]) -> tuple[list, list[str]]:
    """``(path, root, size, mtime_ns)`` of the regular files in ``chunk``, and the problems met."""
    files = []
    problems = []
    for entry, root in chunk:
        try:
            if entry.is_file():
                st = entry.stat()
                files.append((entry.path, root, st.st_size, st.st_mtime_ns))
        except OSError as error:
            problems.append(f"{entry.path}: cannot be read: {error.strerror or error}")
    return files, problems
