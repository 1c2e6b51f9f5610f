"""The ``reader`` command: opens the app, or runs a sub-command without a terminal UI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import __version__
from reader.commands import COMMAND_MODULES, load_commands
from reader.commands.common import CommandError

EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        usage="reader [--theme NAME] [PATH ...]\n       reader COMMAND [ARGS ...]",
        description="A terminal news reader. With no command, opens the app on your library "
        "(or on the PATHs given, or on the sample library when you have none yet); "
        "--theme NAME picks a theme for this run.",
        epilog="Keys in the app: ? lists them all. Files and settings: reader config --path.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in load_commands():
        sub = subparsers.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def _split_app_args(argv: list[str]) -> tuple[list[str], bool]:
    """True when argv names no sub-command, so it is the app's (PATHs and options)."""
    names = set(COMMAND_MODULES)
    first = next((a for a in argv if not a.startswith("-")), None)
    wants_help = any(a in ("-h", "--help", "--version") for a in argv)
    return argv, first not in names and not wants_help


def build_app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader", description="Open the reader app.")
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="article files or folders to read")
    parser.add_argument("--theme", metavar="NAME",
                        help="the theme for this run (`reader themes` lists them; default: config.yaml's)")
    return parser


def run_app(args: argparse.Namespace) -> int:
    for path in args.paths:
        if not path.exists():
            raise CommandError(f"reader: no such file or folder: {path}")
    if args.theme is not None:
        from reader.commands.themes import theme_option

        args.theme = theme_option(args.theme)
    from reader.app import ReaderApp  # textual is imported only when the app runs

    app = ReaderApp(sources=args.paths or None, theme=args.theme)
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _, is_app = _split_app_args(argv)
    try:
        if is_app:
            return run_app(build_app_parser().parse_args(argv))
        args = build_parser().parse_args(argv)
        return args.run(args)
    except CommandError as error:
        print(error, file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
