"""The story that was open when the app last closed, so that the next start shows it in
its first frames, before the list: a big library's list takes seconds to read, one story
file a millisecond.

One small JSON file in ``paths.cache_dir()``: the library (its sources), the story's file,
its id and the reading place, with the file's size and time so that a changed or removed
file is read through the list as usual. Losing the file only costs that wait.

With no such record, a library of one story (the sample, on a person's first start) shows
that story first in the same way (``only_story``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader import paths
from reader.atomic import write_atomic
from reader.library.article import Article
from reader.library.files import MissingPath, walk
from reader.loaders import load_file

FILE_NAME = "last-story.json"
MOST_BYTES = 2_000_000
"""A story file larger than this is read through the list (in a worker), not at start."""


@dataclass(frozen=True)
class LastStory:
    """The story to show first, and the body offset to show it at."""

    article: Article
    position: int


def library_key(sources: Sequence[Path | str]) -> str:
    """Names a library by its sources."""
    return "\0".join(sorted(str(source) for source in sources))


def remember(sources: Sequence[Path | str], path: str, root: str | None, article_id: str, position: int) -> None:
    """Keep ``article_id`` (in the file ``path`` under ``root``) at ``position`` as the
    story to show first; a failure only costs the next start its head start."""
    try:
        stat = os.stat(path)
        record = {"library": library_key(sources), "path": path, "root": root, "id": article_id,
                  "position": max(0, int(position)), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
        write_atomic(paths.cache_dir() / FILE_NAME, json.dumps(record), durable=False)
    except (OSError, ValueError):
        pass


def recall(sources: Sequence[Path | str]) -> LastStory | None:
    """The story kept for this library, read from its file, or None (none kept, another
    library's, the file changed or gone, too large, or unreadable)."""
    try:
        record = json.loads((paths.cache_dir() / FILE_NAME).read_text(encoding="utf-8"))
        if not isinstance(record, dict) or record.get("library") != library_key(sources):
            return None
        path, root = Path(record["path"]), record.get("root")
        stat = path.stat()
        if stat.st_size != record["size"] or stat.st_mtime_ns != record["mtime_ns"] or stat.st_size > MOST_BYTES:
            return None
        loaded = load_file(path, Path(root) if root else None)
        article = next((a for a in loaded.articles if a.id == record["id"]), None)
        return LastStory(article, int(record.get("position") or 0)) if article is not None else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def only_story(sources: Sequence[Path | str]) -> LastStory | None:
    """The story of a library that holds one story in one file, at its start; else None."""
    try:
        files = walk(sources).files
        if len(files) != 1 or files[0].size > MOST_BYTES:
            return None
        articles = files[0].load().articles
        return LastStory(articles[0], 0) if len(articles) == 1 else None
    except (OSError, ValueError, MissingPath):
        return None
