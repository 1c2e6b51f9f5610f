"""``reader config``: where config.yaml is, and the settings reader will use."""

from __future__ import annotations

import argparse
import sys

from reader.commands import command_help
from reader.commands.common import report_problems

NAME = "config"
HELP = command_help(NAME)

EXIT_PROBLEMS = 1


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--path", action="store_true", help="print the path of config.yaml (it may not exist yet)")
    group.add_argument("--show", action="store_true",
                       help="print the settings in effect and any problems in config.yaml")


def run(args: argparse.Namespace) -> int:
    from reader.config import load_settings, settings_as_yaml

    loaded = load_settings()
    if args.path:
        print(loaded.path)
        if not loaded.exists:
            print("reader: (that file does not exist yet; reader uses the default settings)", file=sys.stderr)
        return 0
    problems = list(loaded.problems)
    settings = loaded.settings
    if loaded.exists:
        from reader.config import DEFAULT_THEME
        from reader.problems import Problem
        from reader.themes import load_themes, validate_theme_name

        try:
            validate_theme_name(settings.theme, load_themes())
        except ValueError as error:
            line = loaded.lines.get("theme")
            where = f"line {line}: " if line else ""
            problems.append(Problem(loaded.path, f"{where}{error}; using {DEFAULT_THEME!r}"))
            settings.theme = DEFAULT_THEME
    if settings.keymap:
        from reader.app_settings import keymap_problems  # the ids come from the app's widgets

        problems.extend(keymap_problems(loaded))
    source = str(loaded.path) if loaded.exists else f"defaults ({loaded.path} does not exist)"
    print(f"# settings in effect, from {source}")
    sys.stdout.write(settings_as_yaml(settings))
    report_problems(problems)
    return EXIT_PROBLEMS if any(p.skipped for p in problems) else 0

