"""The index's record of the article files it holds (``manifest.json``), and the update lock."""

from __future__ import annotations

import errno
import fcntl
import os
from pathlib import Path
from typing import Any


def articles_of(manifest: dict[str, Any] | None) -> dict[str, list]:
    """The manifest's article files: path -> [id, size, mtime_ns, hash]."""
    table = (manifest or {}).get("articles") or {}
    if not table and isinstance((manifest or {}).get("files_articles"), dict):
        # the first layout of this file
        return {path: [_ids(v[0]), *v[1:]] for path, v in manifest["files_articles"].items()}
    try:
        return {path: [_ids(i), size, mtime, digest] for path, i, size, mtime, digest in
                zip(table["paths"], table["ids"], table["sizes"], table["mtimes"], table["hashes"], strict=True)}
    except (KeyError, TypeError, ValueError):
        return {}


def stamps_of(manifest: dict[str, Any] | None) -> dict[str, tuple[int, int]]:
    """The manifest's article files: path -> (size, mtime_ns), read without building the
    whole table (checking an unchanged library needs only these)."""
    table = (manifest or {}).get("articles") or {}
    try:
        paths_, sizes, mtimes = table["paths"], table["sizes"], table["mtimes"]
        if len(paths_) == len(sizes) == len(mtimes) == len(table["ids"]) == len(table["hashes"]):
            return dict(zip(paths_, zip(sizes, mtimes)))
    except (KeyError, TypeError):
        pass
    return {path: (entry[1], entry[2]) for path, entry in articles_of(manifest).items()}


def _ids(value: Any) -> list[str]:
    """A file's article ids (a feed file holds many)."""
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


class _FileLock:
    """A non-blocking ``flock`` on a file; the OS releases it when the process dies."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            os.close(fd)
            if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            raise
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
            finally:
                os.close(self._fd)
                self._fd = None
