"""The indexed form of an entity's key (``entity:`` queries, the dossier's fields)."""

from __future__ import annotations

import re

_ENTITY_SLUG = re.compile(r"[^\w]+")


def entity_slug(name: str) -> str:
    """The indexed form of an entity key: lower case, runs of non-word characters as ``_``.

    ``"Hua Chunying"``, ``"hua-chunying"`` and ``"hua_chunying"`` all become ``hua_chunying``.
    """
    return _ENTITY_SLUG.sub("_", name.strip().lower()).strip("_")
