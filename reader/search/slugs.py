"""The indexed form of an entity's key (``entity:`` queries, the dossier's fields)."""

from __future__ import annotations

import re

from reader.text import fold_name

_ENTITY_SLUG = re.compile(r"[\W_]+")


def entity_slug(name: str) -> str:
    """The indexed form of an entity key: folded as names are compared, runs of other
    characters than letters and digits as ``_``.

    ``"Hua Chunying"``, ``"hua-chunying"`` and ``"hua_chunying"`` all become ``hua_chunying``;
    ``"Antonín Dvořák"`` (a name typed) and ``"antonin-dvorak"`` (its key) ``antonin_dvorak``.
    """
    return _ENTITY_SLUG.sub("_", fold_name(name.strip())).strip("_")
