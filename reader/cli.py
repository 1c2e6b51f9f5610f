"""The ``reader`` command: opens the app, or runs a sub-command without a terminal UI.

Each sub-command gets a parser of its own (``reader list --help`` shows its own usage),
parsed with options anywhere among the arguments (``reader search QUERY --json PATH``),
and a bad argument is one line on stderr and exit status 2 (``cli_parsing``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from reader.commands import COMMAND_MODULES
from reader.commands.errors import CommandError

EXIT_INTERRUPTED = 130


def _command_of(argv: list[str]) -> int | None:
    """Where the sub-command's name is in argv (None: argv is the app's PATHs and options)."""
    for index, arg in enumerate(argv):
        if arg == "--":
            return None  # what follows is PATHs, even one named like a command
        if arg.startswith("-"):
            if arg in ("-h", "--help", "--version"):
                return None
            continue
        return index if arg in COMMAND_MODULES else None
    return None


def _wants_top_level(argv: list[str]) -> bool:
    return any(a in ("-h", "--help", "--version") for a in argv) and _command_of(argv) is None


def run_app(paths: Sequence[Path] = (), theme: str | None = None) -> int:
    """Open the app on ``paths`` (none: the person's library) with ``theme`` for this run."""
    for path in paths:
        if not path.exists():
            import difflib

            hint = difflib.get_close_matches(str(path), list(COMMAND_MODULES), n=1)
            also = ""
            if len(path.parts) == 1:  # a word: perhaps a command mistyped
                also = f" (the command {hint[0]!r}?)" if hint else " (nor a command: reader --help lists them)"
            raise CommandError(f"reader: no such file or folder: {path}{also}")
    if theme is not None:
        from reader.commands.themes import theme_option

        theme = theme_option(theme)
    from reader.startup import pause_collections, resume_collections

    pause_collections()  # until the first story is on screen (the app resumes them)
    try:
        from reader.app import ReaderApp  # textual is imported only when the app runs

        app = ReaderApp(sources=list(paths) or None, theme=theme)
        app.run()
    finally:
        resume_collections()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if not argv:
            return run_app()  # (no parser to build: the app opens sooner)
        from reader.cli_parsing import build_app_parser, build_parser, command_parser, parse

        if _wants_top_level(argv):
            build_parser().parse_args(argv)  # prints help or the version and exits
            return 0
        at = _command_of(argv)
        if at is None:
            args = parse(build_app_parser(), argv)
            return run_app(args.paths, args.theme)
        args = parse(command_parser(argv[at]), argv[:at] + argv[at + 1:])
        return args.run(args)
    except CommandError as error:
        print(error, file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
