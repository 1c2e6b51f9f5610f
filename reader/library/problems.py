"""Problems met while loading: each names the file and says what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """Something about one input that a person should know.

    ``skipped`` is true when the input was left out, false when it loaded with
    a repair (for example invalid UTF-8 replaced).
    """

    path: Path | str
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"
