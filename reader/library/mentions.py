"""Which articles mention some names, by reading their files (when there is no index yet)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from reader.library.catalog import Catalog, Progress
from reader.loaders import load_file

PROGRESS_EVERY = 500


def scan_mentions(catalog: Catalog, names: Iterable[str], *, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None, ignore_case: bool = True,
                  titles: bool = True) -> set[str]:
    """Ids of the articles whose text (and title, with ``titles``) mention any of ``names``
    as whole words (in any case, with ``ignore_case``). Reads every file: run it in a worker."""
    words = [re.escape(name.strip()) for name in names if name and name.strip()]
    if not words:
        return set()
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?!\w)",
                         re.IGNORECASE if ignore_case else 0)
    found: set[str] = set()
    total = len(catalog.entries)
    for done, entry in enumerate(catalog.entries):
        if cancelled is not None and cancelled():
            break
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total, entry.title)
        if titles and pattern.search(entry.title):
            found.add(entry.id)
            continue
        loaded = load_file(Path(entry.path), Path(entry.root) if entry.root else None)
        if any(a.id == entry.id and pattern.search(a.body) for a in loaded.articles):
            found.add(entry.id)
    if progress is not None:
        progress(total, total, "")
    return found
