"""``reader themes``: the themes reader offers (shipped, the person's own), and their contrast."""

from __future__ import annotations

import argparse

from reader.commands import command_help
from reader.commands.common import CommandError, report_problems

NAME = "themes"
HELP = command_help(NAME)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--contrast", action="store_true",
                        help="show the WCAG contrast ratio of each theme's text and entity colours")


def theme_option(name: str) -> str:
    """Check ``reader --theme NAME``: the name, or a ``CommandError`` listing the themes."""
    from reader.themes import load_themes, validate_theme_name

    try:
        return validate_theme_name(name, load_themes())
    except ValueError as error:
        raise CommandError(f"reader: {error}") from None


def _print_contrast(info) -> None:  # noqa: ANN001 (ThemeInfo; imported lazily)
    from reader.themes import contrast_checks

    for check in contrast_checks(info.theme):
        verdict = "AA" if check.ratio >= 4.5 else ("AA large" if check.ratio >= 3 else "low")
        print(f"    {check.foreground:<14} on {check.background:<16} {check.ratio:5.2f}:1  {verdict}")


def run(args: argparse.Namespace) -> int:
    from reader.config import load_settings
    from reader.themes import contrast_checks, load_themes

    loaded = load_themes()
    report_problems(loaded.problems)
    chosen = load_settings().settings.theme
    width = max((len(name) for name in loaded.themes), default=4)
    for name in sorted(loaded.themes):
        info = loaded.themes[name]
        mark = "*" if name == chosen else " "
        mode = "dark " if info.theme.dark else "light"
        required = [c.ratio for c in contrast_checks(info.theme)]
        lowest = f"{min(required):5.2f}:1" if required else "   -   "
        print(f"{mark} {name:<{width}}  {mode}  {info.origin:<7}  min {lowest}  {info.description}")
        if args.contrast:
            _print_contrast(info)
    return 0
