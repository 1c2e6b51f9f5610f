"""Writing a file so that a crash leaves the old version or the new one, never half of each (and
the JSON caches kept that way)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.bulk import collector_paused

NEW_FILE_MODE = 0o644


def write_atomic(path: Path, data: str | bytes, *, durable: bool = True) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` through a temporary file and a rename.

    The file keeps its permissions (a new one gets 0644). ``durable=False`` skips the fsync:
    a killed process still cannot leave half a file, but a power cut may lose the write;
    callers that write many files sync once at the end instead.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = NEW_FILE_MODE
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def cached_json(path: Path, build: Callable[[], Any]) -> Any:
    """The JSON kept at ``path``, or ``build()`` written there (atomically) for next time; a
    read-only cache folder only means building again on the next run. Read and built with the
    cyclic collector paused: such a cache is many small lists and no cycles, and the collector's
    passes over them took most of the time (the place table's, 1.8 s of 2.1)."""
    with collector_paused():
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
        data = build()
    try:
        write_atomic(path, json.dumps(data, separators=(",", ":"), ensure_ascii=False))
    except OSError:
        pass
    return data
