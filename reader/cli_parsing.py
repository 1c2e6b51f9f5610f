"""The ``reader`` command's argument parsers: one per sub-command, errors on one line.

Imported only when there are arguments to parse: ``reader`` alone opens the app without
argparse (a start-up saving of a couple of milliseconds).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reader import __version__
from reader.commands import COMMANDS, load_command
from reader.commands.errors import EXIT_USAGE


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


def build_app_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="reader", description="Open the reader app.")
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="article files or folders to read")
    parser.add_argument("--theme", metavar="NAME",
                        help="the theme for this run (`reader themes` lists them; default: config.yaml's)")
    return parser


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
