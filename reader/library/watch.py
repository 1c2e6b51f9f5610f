"""Noticing that the library changed on disk, cheaply: the modification times of its folders.

Adding, removing or renaming a file changes its folder's modification time (an atomic
save, as reader and most editors do it, is a rename), so stat-ing the folders that hold
articles (a handful, not one per story) tells whether the catalog should be read again;
reading it again re-reads only new or changed files. A file named directly is watched
itself. A story edited in place by a program that does not rename shows after the next
change in its folder, or the next start.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from reader.library.files import ArticleFile

__all__ = ["FolderWatch"]


class FolderWatch:
    """The folders of a library (and files named directly) and their times when last seen."""

    def __init__(self, sources: Iterable[Path | str], files: Iterable[ArticleFile] = ()) -> None:
        watched: set[str] = set()
        for source in sources:
            watched.add(str(source))
        for file in files:
            watched.add(os.path.dirname(file.path) if file.root is not None else file.path)
        self.paths = sorted(watched)
        self.seen = self.snapshot()

    def snapshot(self) -> dict[str, int]:
        stamps: dict[str, int] = {}
        for path in self.paths:
            try:
                stat = os.stat(path)
                stamps[path] = stat.st_mtime_ns ^ stat.st_size if not os.path.isdir(path) else stat.st_mtime_ns
            except OSError:
                stamps[path] = -1
        return stamps

    def changed(self) -> bool:
        """True when something was added, removed or replaced since the last look."""
        now = self.snapshot()
        changed = now != self.seen
        self.seen = now
        return changed
