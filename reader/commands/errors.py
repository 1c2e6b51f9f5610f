"""How a command ends badly: ``CommandError`` and the exit codes (cheap to import, so the
command line's parsers load no library code)."""

from __future__ import annotations

EXIT_USAGE = 2


class CommandError(Exception):
    """A problem that ends a command with one clear line on stderr and an exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code
