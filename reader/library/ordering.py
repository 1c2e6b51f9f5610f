"""The orders the article list offers: newest first, by title, by source.

Pure data, so the loading worker computes them ahead and the catalog's snapshot keeps them:
changing the sort in a list of 100,000 articles costs no sorting.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

SORTS = ("date", "title", "source")
_LEADING_MARKS = "\"'‘’“”«»‹›¿¡([{*#-–—…. "


def title_key(title: str) -> str:
    """How a title sorts: case-folded, after its opening quote marks and dashes ("'What is
    the sea…'" among the W's)."""
    folded = title.casefold()
    return folded.lstrip(_LEADING_MARKS) or folded


def sort_order(articles: Sequence[Any], sort: str) -> list[int]:
    """Indices of ``articles`` in the order of ``sort`` ("date": newest first, undated last;
    "title"; "source", then newest first). Pure data: workers may compute it ahead."""
    indices = range(len(articles))
    if sort == "title":
        keys = [title_key(article.title) for article in articles]
        return sorted(indices, key=keys.__getitem__)
    if sort == "source":
        by_date = sort_order(articles, "date")
        keys = [(article.source is None, (article.source or "").casefold()) for article in articles]
        return sorted(by_date, key=keys.__getitem__)
    dates = [article.published or "" for article in articles]
    dated = sorted((i for i in indices if dates[i]), key=dates.__getitem__, reverse=True)
    return dated + [i for i in indices if not dates[i]]


def sort_orders(articles: Sequence[Any]) -> dict[str, list[int]]:
    """Every order of ``SORTS``, so that changing the sort later costs no sorting."""
    return {sort: sort_order(articles, sort) for sort in SORTS}
