"""Hashes of the entities package's own source: what the index's entity version is made of."""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path


def module_source(name: str) -> Path | None:
    """The source file of ``reader.entities.<name>``, whether it was imported yet or not."""
    spec = importlib.util.find_spec(f"reader.entities.{name}")
    return Path(spec.origin) if spec is not None and spec.origin else None


def source_digest(names: Iterable[str], size: int) -> str:
    """A hash of the source of the named modules, in order (``size`` bytes, as hex)."""
    return _digest((module_source(name) for name in names), size)


def _digest(paths: Iterable[Path | None], size: int) -> str:
    digest = hashlib.blake2b(digest_size=size)
    for path in paths:
        if path is not None:
            digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def package_digest() -> str:
    """A hash of every module of ``reader.entities`` in name order (a few milliseconds, none
    of them imported): it changes when reader is upgraded."""
    spec = importlib.util.find_spec("reader.entities")
    folders = spec.submodule_search_locations or [] if spec is not None else []
    return _digest(sorted((path for folder in folders for path in Path(folder).glob("*.py")), key=lambda p: p.stem), 8)
