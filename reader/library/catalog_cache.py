"""The catalog's cache: one snapshot file per library, in the cache folder.

A snapshot is the catalog as last seen, in list order: each article file's path, folder,
size and mtime, the problems met reading it, and the catalog entries read from it, kept
by column (all titles, then all sources, ...), which loads several times faster than a
tuple per entry. At start the list is shown from the snapshot at once (one read, no walk);
then the library is walked and only new or changed files are read
(``reader.library.catalog.load_catalog``).

It is written with ``marshal`` (lists of strings and numbers: no code can be loaded from
it), atomically, so a reader killed while writing leaves the previous snapshot. It is only
a cache: a missing, damaged or older one costs one full scan.
"""

from __future__ import annotations

import hashlib
import marshal
import sys
from collections.abc import Iterator, Sequence
from itertools import chain, repeat
from pathlib import Path
from typing import NamedTuple

from reader import paths
from reader.atomic import write_atomic

FORMAT = 8  # 4: CJK counted by characters; a headline line kept in full as the title; 5: a date line dates a story;
#              6: titles in composed Unicode (NFC); 7: titles sort after their opening quote marks; 8: a date line
#              first is no title, nor a first line's trailing comma


class FileRecord(NamedTuple):
    """One article file as the catalog saw it."""

    path: str
    root: str | None
    size: int
    mtime_ns: int
    entries: tuple[tuple, ...]
    """The catalog entries read from the file, as plain tuples (path and root last)."""
    problems: tuple[tuple[str, str, bool], ...]
    """``(shown path, message, skipped)`` of each problem met reading it."""


class Snapshot(NamedTuple):
    """A snapshot as read: per file (in order) and per entry column."""

    paths: list[str]
    roots: list[str | None]
    sizes: list[int]
    mtimes: list[int]
    counts: list[int]
    problems: list[tuple]
    columns: list[list]
    """One list per entry field but the last two (path and root, taken from the file)."""
    orders: dict[str, list[int]]
    """The list's sort orders of the entries (``reader.library.ordering``)."""

    def entry_rows(self) -> Iterator[tuple]:
        """Every entry as a plain tuple, in order (its file's path and root last; zipped in C)."""
        paths = chain.from_iterable(map(repeat, self.paths, self.counts))
        roots = chain.from_iterable(map(repeat, self.roots, self.counts))
        return zip(*self.columns, paths, roots)

    def records(self) -> Iterator[FileRecord]:
        """Every file with its entries."""
        rows = self.entry_rows()
        for path, root, size, mtime, count, problems in zip(self.paths, self.roots, self.sizes, self.mtimes,
                                                            self.counts, self.problems):
            yield FileRecord(path, root, size, mtime, tuple(next(rows) for _ in range(count)), problems)


def snapshot_path(sources: Sequence[Path | str]) -> Path:
    """Where the snapshot of the library made of ``sources`` lives."""
    resolved = "\0".join(sorted(str(Path(s).resolve()) for s in sources))
    digest = hashlib.blake2b(resolved.encode(), digest_size=8).hexdigest()
    return paths.cache_dir() / f"catalog-{digest}.bin"


def read_snapshot(path: Path, fields: tuple[str, ...]) -> Snapshot | None:
    """The snapshot at ``path``, or None when there is none that this version can use
    (``fields``: the catalog entry's fields, which must be those it was written with)."""
    try:
        with open(path, "rb") as handle:
            data = marshal.loads(handle.read())  # (marshal.load on a file reads it in small pieces: 4x slower)
        if not isinstance(data, tuple) or len(data) != 3 or data[0] != FORMAT or data[1] != fields:
            return None
        snapshot = Snapshot(*data[2])
        if len(snapshot.columns) != len(fields) - 2 or sum(snapshot.counts) != len(snapshot.columns[0]) \
                or any(len(order) != len(snapshot.columns[0]) for order in snapshot.orders.values()):
            return None
        return snapshot
    except (OSError, EOFError, ValueError, TypeError, IndexError, AttributeError):
        return None


def write_snapshot(path: Path, fields: tuple[str, ...], records: Sequence[FileRecord],
                   orders: dict[str, list[int]]) -> None:
    """Replace the snapshot at ``path`` (atomically); a failure leaves the old one."""
    rows = [row[:-2] for record in records for row in record.entries]
    columns = [list(column) for column in zip(*rows)] if rows else [[] for _ in fields[:-2]]
    intern = sys.intern
    snapshot = Snapshot([r.path for r in records], [intern(r.root) if r.root else None for r in records],
                        [r.size for r in records], [r.mtime_ns for r in records],
                        [len(r.entries) for r in records], [r.problems for r in records],
                        [[intern(v) if type(v) is str and len(v) < 40 else v for v in column] for column in columns],
                        orders)
    try:
        write_atomic(path, marshal.dumps((FORMAT, fields, tuple(snapshot))), durable=False)
    except (OSError, ValueError):
        pass  # only a cache
