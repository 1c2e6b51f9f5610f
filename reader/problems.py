"""Problems met while loading: each names the file and says what is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.text import make_safe


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
        # File names and messages can carry any character (a file may be named with an
        # escape sequence): what is shown on a terminal or in a notification is made safe.
        return make_safe(f"{self.path}: {self.message}")
