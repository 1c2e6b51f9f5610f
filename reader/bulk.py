"""Making many long-lived objects at once (a 100,000-story catalog, the walk of its files, a
big JSON cache such as the place table's).

Python's cyclic garbage collector runs after every few hundred new objects, and each of its
older-generation runs walks every object made so far: reading a catalog of 100,000 entries
spent a third of its time there, collecting nothing (entries hold no cycles). It is paused
while such a batch is made.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for the block (resumed after it, unless it was
    paused already; reference counting still frees what is dropped)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
