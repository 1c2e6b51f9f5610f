"""The ``reader`` command: opens the app, or runs a sub-command without a terminal UI.

Each sub-command gets a parser of its own (``reader list --help`` shows its own usage),
parsed with options anywhere among the arguments (``reader search QUERY --json PATH``),
and a bad argument is one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import __version__
from reader.commands import COMMAND_MODULES, COMMANDS, load_command
from reader.commands.errors import EXIT_USAGE, CommandError

EXIT_INTERRUPTED = 130


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line: what is wrong, and where help is."""

    def error(self, message: str) -> None:  # type: ignore[override]
        hint = f"see {self.prog} --help"
        word = message.removeprefix("unrecognized arguments: ").split(" ")[0]
        dash_hint = getattr(self, "dash_hint", None)  # a command whose arguments may start with -
        if dash_hint and message.startswith("unrecognized arguments: -") and not word.startswith("--"):
            hint = f"{dash_hint.format(prog=self.prog, word=word)}; or {hint}"
        self.exit(EXIT_USAGE, f"{self.prog}: {message} ({hint})\n")


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser: ``reader --help`` and ``--version`` (it lists the sub-commands)."""
    parser = Parser(
        prog="reader",
        usage="reader [--theme NAME] [PATH ...]\n       reader COMMAND [ARGS ...]",
        description="A terminal news reader. With no command, opens the app on your library "
        "(or on the PATHs given, or on the sample library when you have none yet); "
        "--theme NAME picks a theme for this run.",
        epilog="Each command has its own help: reader COMMAND --help. Keys in the app: ? lists them all. "
        "Files and settings: reader config --path.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", prog="reader", parser_class=Parser)
    for name, command in COMMANDS.items():  # their help lines, without importing the commands
        subparsers.add_parser(name, help=command.help, description=command.help)
    return parser


def command_parser(name: str) -> argparse.ArgumentParser:
    """The parser of one sub-command (``reader NAME``)."""
    command = load_command(name)
    parser = Parser(prog=f"reader {name}", description=command.HELP)
    command.add_arguments(parser)
    parser.set_defaults(run=command.run)
    return parser


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


def build_app_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="reader", description="Open the reader app.")
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="article files or folders to read")
    parser.add_argument("--theme", metavar="NAME",
                        help="the theme for this run (`reader themes` lists them; default: config.yaml's)")
    return parser


def run_app(args: argparse.Namespace) -> int:
    for path in args.paths:
        if not path.exists():
            hint = difflib.get_close_matches(str(path), list(COMMAND_MODULES), n=1)
            also = ""
            if len(path.parts) == 1:  # a word: perhaps a command mistyped
                also = f" (the command {hint[0]!r}?)" if hint else " (nor a command: reader --help lists them)"
            raise CommandError(f"reader: no such file or folder: {path}{also}")
    if args.theme is not None:
        from reader.commands.themes import theme_option

        args.theme = theme_option(args.theme)
    from reader.startup import pause_collections, resume_collections

    pause_collections()  # until the first story is on screen (the app resumes them)
    try:
        from reader.app import ReaderApp  # textual is imported only when the app runs

        app = ReaderApp(sources=args.paths or None, theme=args.theme)
        app.run()
    finally:
        resume_collections()
    return app.return_code or 0


_AFTER_DASHES = "\x00"
"""Marks the arguments after ``--`` while they are parsed: intermixed parsing forgets that
they are never options."""


def parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Options anywhere among the arguments, and none after ``--``; a command with
    sub-commands of its own (``reader opml import FILE``), which argparse cannot parse that
    way, in order."""
    if "--" in argv:
        at = argv.index("--")
        argv = argv[:at] + [_AFTER_DASHES + arg for arg in argv[at + 1:]]
    try:
        args = parser.parse_intermixed_args(argv)
    except TypeError:
        args = parser.parse_args(argv)
    for name, value in vars(args).items():
        setattr(args, name, _unmarked(value))
    return args


def _unmarked(value):
    """``value`` (a string, a path or a list of them) without the ``--`` mark."""
    if isinstance(value, list):
        return [_unmarked(item) for item in value]
    if isinstance(value, str | Path) and str(value).startswith(_AFTER_DASHES):
        return type(value)(str(value)[len(_AFTER_DASHES):])
    return value


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if _wants_top_level(argv):
            build_parser().parse_args(argv)  # prints help or the version and exits
            return 0
        at = _command_of(argv)
        if at is None:
            return run_app(parse(build_app_parser(), argv))
        args = parse(command_parser(argv[at]), argv[:at] + argv[at + 1:])
        return args.run(args)
    except CommandError as error:
        print(error, file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
