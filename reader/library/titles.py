"""Finding articles by the words of their titles, per keystroke, in libraries of 100,000."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class TitleFinder:
    """The titles of a list of articles, case-folded once; ``find`` is a substring scan
    (C speed: a few milliseconds at 100,000 titles)."""

    def __init__(self, articles: Sequence[Any]) -> None:
        self.folded = [article.title.casefold() for article in articles]

    def find(self, query: str, limit: int) -> list[int]:
        """Indices of the titles holding every word of ``query`` (titles that start with
        the query first), at most ``limit``."""
        words = sorted(query.casefold().split(), key=len, reverse=True)
        if not words:
            return []
        first, rest = words[0], words[1:]
        found = [i for i, title in enumerate(self.folded) if first in title]
        if rest:
            folded = self.folded
            found = [i for i in found if all(word in folded[i] for word in rest)]
        start = query.casefold().strip()
        found.sort(key=lambda i: not self.folded[i].startswith(start))
        return found[:limit]
