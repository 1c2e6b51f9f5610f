"""Themes: ``themes/*.yaml`` (shipped) and the person's own, read into Textual ``Theme`` objects.

A theme file maps one to one onto ``textual.theme.Theme``::

    name: ink                     # required, the name used by --theme and config.yaml
    description: Dark blue-grey   # optional, shown by ``reader themes``
    dark: true                    # optional, guessed from the background when left out
    primary: "#5fa8e8"            # required (quote colours: a bare # starts a YAML comment)
    background: "#16181d"         # required
    foreground: "#d9dce3"         # required
    secondary/accent/surface/panel/boost/warning/error/success: optional colours
    luminosity_spread/text_alpha: optional numbers (Textual's defaults otherwise)
    variables:                    # reader's colours, plus any Textual theme variable
      entity-person: "#f0a35e"    # text colour of people in the article (on surface)
      ...                         # entity-org, entity-place, entity-event, entity-other
      entity-selected: "#2b3a55"  # background behind the selected entity's mentions
      match: "#5a4a14"            # background behind find matches (text is foreground)
      match-current: "#8a4b00"    # background behind the current find match

The article view draws on ``surface``; ``contrast_checks`` measures every pair it draws.

A bad file (YAML error, unknown colour, missing field) becomes one ``Problem`` naming the
file, the line and what is wrong; the other themes still load. This module imports nothing
of Textual but ``textual.theme``: colours are checked with Textual's own parser by way of
``Theme.to_color_system()``, so a colour that loads here also works in the app.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from textual.theme import BUILTIN_THEMES, Theme

from reader import paths
from reader.config import DEFAULT_THEME
from reader.problems import Problem
from reader.yamlfile import YamlDocument, YamlFileError, read_yaml

__all__ = [
    "BASE_COLOR_FIELDS",
    "DEFAULT_THEME",
    "ENTITY_TEXT_VARIABLES",
    "HIGHLIGHT_BACKGROUND_VARIABLES",
    "READER_VARIABLES",
    "Rgba",
    "REQUIRED_FIELDS",
    "ContrastCheck",
    "LoadedThemes",
    "ThemeInfo",
    "builtin_theme_names",
    "contrast_checks",
    "contrast_ratio",
    "load_theme_file",
    "load_themes",
    "parse_color",
    "relative_luminance",
    "user_themes_dir",
    "validate_theme_name",
]


REQUIRED_FIELDS = ("name", "primary", "background", "foreground")
BASE_COLOR_FIELDS = (
    "primary", "secondary", "accent", "foreground", "background",
    "surface", "panel", "boost", "warning", "error", "success",
)
NUMBER_FIELDS = ("luminosity_spread", "text_alpha")
OTHER_FIELDS = ("name", "description", "dark", "variables", "ansi")
KNOWN_FIELDS = frozenset(BASE_COLOR_FIELDS + NUMBER_FIELDS + OTHER_FIELDS)

ENTITY_TEXT_VARIABLES = ("entity-person", "entity-org", "entity-place", "entity-event", "entity-other")
"""Text colours of entity mentions, drawn on the theme's background."""
HIGHLIGHT_BACKGROUND_VARIABLES = ("entity-selected", "match", "match-current")
"""Background colours behind the selected entity's mentions and find matches."""
READER_VARIABLES = ENTITY_TEXT_VARIABLES + HIGHLIGHT_BACKGROUND_VARIABLES

THEME_SUFFIXES = (".yaml", ".yml")
THEME_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
"""A theme name is a CSS identifier (Textual adds the class ``-theme-<name>`` to the app)."""


RGB = tuple[float, float, float]


class Rgba(NamedTuple):
    """A parsed colour: 0-255 channels and 0-1 alpha."""

    r: int
    g: int
    b: int
    a: float = 1.0

    def over(self, background: Rgba) -> Rgba:
        """This colour composited over an opaque ``background``."""
        a = self.a
        return Rgba(
            round(self.r * a + background.r * (1 - a)),
            round(self.g * a + background.g * (1 - a)),
            round(self.b * a + background.b * (1 - a)),
        )

    @property
    def hex(self) -> str:
        return f"#{self.r:02X}{self.g:02X}{self.b:02X}"


def parse_color(value: str) -> Rgba:
    """Parse a colour the way Textual does ("#rrggbb", "rgb(…)", "hsl(…)", "red", "ansi_red", …).

    A trailing percentage ("#81a1c1 35%") sets the alpha, as in Textual CSS.
    Raises ``ValueError`` with a short reason when Textual would not accept it.
    """
    if not isinstance(value, str) or not value.strip():
        raise ValueError("empty colour")
    text = value.strip()
    alpha_factor = 1.0
    head, _, tail = text.rpartition(" ")
    if head and tail.endswith("%"):
        try:
            alpha_factor = float(tail[:-1]) / 100
        except ValueError:
            raise ValueError(f"unknown colour {value!r}") from None
        if not 0 <= alpha_factor <= 1:
            raise ValueError(f"alpha {tail} is not between 0% and 100%")
        text = head.strip()
    try:
        # Textual's own colour parser, reached through the public Theme API.
        color = Theme(name="-probe-", primary=text).to_color_system().primary
    except Exception:
        raise ValueError(f"unknown colour {value!r}") from None
    return Rgba(color.r, color.g, color.b, color.a * alpha_factor)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: Rgba) -> float:
    """WCAG 2.x relative luminance of an opaque colour (0 black … 1 white)."""
    return 0.2126 * _linear(color.r) + 0.7152 * _linear(color.g) + 0.0722 * _linear(color.b)


def contrast_ratio(foreground: Rgba | str, background: Rgba | str) -> float:
    """WCAG 2.x contrast ratio (1 … 21); a translucent foreground is composited first."""
    fg = parse_color(foreground) if isinstance(foreground, str) else foreground
    bg = parse_color(background) if isinstance(background, str) else background
    if bg.a < 1:
        bg = bg.over(Rgba(0, 0, 0))
    if fg.a < 1:
        fg = fg.over(bg)
    lighter, darker = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class ThemeInfo:
    """A loaded theme and where it came from (``origin`` is "shipped", "user" or "textual")."""

    theme: Theme
    path: Path | None
    origin: str
    description: str = ""

    @property
    def name(self) -> str:
        return self.theme.name


@dataclass
class LoadedThemes:
    """Every theme that loaded, by name (a person's theme overrides a shipped one of the
    same name), and one problem per file that did not load or loaded with a warning."""

    themes: dict[str, ThemeInfo] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, name: str) -> Theme | None:
        info = self.themes.get(name)
        return info.theme if info else None


def user_themes_dir() -> Path:
    """The folder for a person's own themes."""
    return paths.config_dir() / "themes"


def _fail(doc: YamlDocument | Path, message: str, *key_path: Any) -> YamlFileError:
    if isinstance(doc, YamlDocument):
        return YamlFileError(doc.path, message, doc.line(*key_path))
    return YamlFileError(doc, message)


def _color_field(doc: YamlDocument, value: Any, *key_path: Any) -> str:
    label = " ".join(str(k) for k in key_path[-1:])
    if value is None:
        raise _fail(doc, f"{label} has no colour (quote colours: {label}: \"#rrggbb\"; a bare # starts a comment)", *key_path)
    if not isinstance(value, str):
        raise _fail(doc, f"{label} must be a colour such as \"#rrggbb\", not {value!r}", *key_path)
    try:
        parse_color(value)
    except ValueError as error:
        raise _fail(doc, f"{label}: {error}", *key_path) from None
    return value.strip()


def _is_style_variable(name: str) -> bool:
    return name.endswith("-style")


def _variables(doc: YamlDocument, raw: Any) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise _fail(doc, "variables must be a mapping of name: value", "variables")
    result: dict[str, str] = {}
    for name, value in raw.items():
        if not isinstance(name, str) or not name:
            raise _fail(doc, f"variable name {name!r} must be text", "variables")
        key = ("variables", name)
        if _is_style_variable(name):
            if not isinstance(value, str):
                raise _fail(doc, f"{name} must be a text style such as \"bold\", not {value!r}", *key)
            result[name] = value
            continue
        if name not in READER_VARIABLES and isinstance(value, str) and value.strip().startswith("auto"):
            result[name] = value  # Textual's "auto 87%" contrast colours
            continue
        result[name] = _color_field(doc, value, *key)
    return result


def _dark_from_background(background: str) -> bool:
    bg = parse_color(background)
    return contrast_ratio(Rgba(255, 255, 255), bg) > contrast_ratio(Rgba(0, 0, 0), bg)


def theme_from_document(doc: YamlDocument, *, check: bool = True) -> tuple[ThemeInfo, list[str]]:
    """Build a theme from a parsed file: the theme and warnings (unknown fields).

    Raises ``YamlFileError`` naming the line for anything that would stop it working
    (``check``: also whether Textual can build its colours; the shipped themes' test does
    that for them, so a start need not).
    """
    data = doc.data
    if data is None:
        raise _fail(doc, "the file is empty")
    if not isinstance(data, Mapping):
        raise _fail(doc, "a theme must be a mapping of field: value (name, primary, background, …)")
    missing = [name for name in REQUIRED_FIELDS if name not in data]
    if missing:
        raise _fail(doc, f"missing field{'s' if len(missing) > 1 else ''}: {', '.join(missing)}")
    name = data["name"]
    if not isinstance(name, str) or not THEME_NAME.fullmatch(name.strip()):
        raise _fail(doc, f"name must be one word of letters, digits, - and _ (such as \"my-theme\"), "
                         f"not {name!r}", "name")
    kwargs: dict[str, Any] = {"name": name.strip()}
    for color_name in BASE_COLOR_FIELDS:
        if color_name in data:
            kwargs[color_name] = _color_field(doc, data[color_name], color_name)
    for number_name in NUMBER_FIELDS:
        if number_name in data:
            value = data[number_name]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise _fail(doc, f"{number_name} must be a number, not {value!r}", number_name)
            kwargs[number_name] = float(value)
    for flag in ("dark", "ansi"):
        if flag in data:
            if not isinstance(data[flag], bool):
                raise _fail(doc, f"{flag} must be true or false, not {data[flag]!r}", flag)
            kwargs[flag] = data[flag]
    if "dark" not in kwargs:
        kwargs["dark"] = _dark_from_background(kwargs["background"])
    kwargs["variables"] = _variables(doc, data.get("variables"))
    description = data.get("description", "")
    if not isinstance(description, str):
        raise _fail(doc, "description must be text", "description")
    theme = Theme(**kwargs)
    try:
        if check:
            theme.to_color_system().generate()
    except Exception as error:  # a last check with Textual's own colour system
        raise _fail(doc, f"Textual cannot use this theme: {error}") from None
    warnings = [
        f"line {doc.line(key)}: unknown field {key!r} ignored" if doc.line(key) else f"unknown field {key!r} ignored"
        for key in data
        if key not in KNOWN_FIELDS
    ]
    path = Path(doc.path) if not isinstance(doc.path, Path) else doc.path
    return ThemeInfo(theme=theme, path=path, origin="", description=description.strip()), warnings


def load_theme_file(path: Path, origin: str = "user") -> tuple[ThemeInfo, list[str]]:
    """Load one theme file: the theme and its warnings; ``YamlFileError`` when it cannot load."""
    info, warnings = theme_from_document(read_yaml(path), check=origin != "shipped")
    return ThemeInfo(info.theme, path, origin, info.description), warnings


def _theme_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix.lower() in THEME_SUFFIXES and p.is_file()
                      and not p.name.startswith("."))
    except FileNotFoundError:
        return []
    except OSError:
        return []


def load_themes(shipped_dir: Path | None = None, user_dir: Path | None = None) -> LoadedThemes:
    """Load the shipped themes and then the person's own (which win on a name clash).

    Every file that fails becomes one ``Problem`` (``skipped=True``); a theme that loaded
    with warnings (unknown fields) gives one ``Problem`` with ``skipped=False``.
    """
    loaded = LoadedThemes()
    folders = [
        (shipped_dir if shipped_dir is not None else paths.themes_dir(), "shipped"),
        (user_dir if user_dir is not None else user_themes_dir(), "user"),
    ]
    for folder, origin in folders:
        seen_here: dict[str, Path] = {}
        for path in _theme_files(folder):
            try:
                info, warnings = load_theme_file(path, origin)
            except YamlFileError as error:
                where = f"line {error.line}: " if error.line else ""
                loaded.problems.append(Problem(path, f"{where}{error.message}"))
                continue
            if info.name in seen_here:
                loaded.problems.append(Problem(path, f"theme {info.name!r} is already defined by {seen_here[info.name].name}"))
                continue
            seen_here[info.name] = path
            loaded.themes[info.name] = info
            if warnings:
                loaded.problems.append(Problem(path, "; ".join(warnings), skipped=False))
    return loaded


def builtin_theme_names() -> list[str]:
    """Textual's own themes. The app offers them only when none of reader's themes loaded:
    their entity colours would be the app's defaults, not chosen for their background."""
    return sorted(BUILTIN_THEMES)


def validate_theme_name(name: str, loaded: LoadedThemes | None = None) -> str:
    """Return ``name`` when a theme of that name exists, else raise ``ValueError`` that lists them.

    Used for ``reader --theme NAME`` and the theme in config.yaml.
    """
    loaded = loaded if loaded is not None else load_themes()
    clean = name.strip()
    if clean in loaded.themes or (not loaded.themes and clean in BUILTIN_THEMES):
        return clean
    ours = ", ".join(sorted(loaded.themes)) or "(none)"
    raise ValueError(f"unknown theme {name!r}; the themes are: {ours}")


class ContrastCheck(NamedTuple):
    """One WCAG contrast measurement: ``foreground`` drawn on ``background`` (theme colour names)."""

    foreground: str
    background: str
    ratio: float


def _resolved_colors(theme: Theme) -> dict[str, Rgba]:
    generated = theme.to_color_system().generate()
    colors: dict[str, Rgba] = {}
    for name in ("background", "foreground", "surface", "panel"):
        try:
            colors[name] = parse_color(generated[name])
        except (KeyError, ValueError):
            pass
    for name in READER_VARIABLES:
        value = theme.variables.get(name)
        if value:
            colors[name] = parse_color(value)
    background = colors.get("background", Rgba(0, 0, 0))
    return {name: (c.over(background) if c.a < 1 else c) for name, c in colors.items()}


def contrast_checks(theme: Theme) -> list[ContrastCheck]:
    """WCAG contrast of every pair of colours the article view draws together.

    The article view sits on ``surface`` (other panes on ``background``): body text is
    ``foreground``; entity mentions are drawn in their entity colour, on ``entity-selected``
    when their entity is the selected one; find matches draw ``foreground`` on ``match`` and
    ``match-current``. A pair is left out when the theme does not set one of its colours.
    """
    colors = _resolved_colors(theme)
    checks: list[ContrastCheck] = []

    def add(fg: str, bg: str) -> None:
        if fg in colors and bg in colors:
            checks.append(ContrastCheck(fg, bg, contrast_ratio(colors[fg], colors[bg])))

    for background in ("background", "surface"):
        add("foreground", background)
        for name in ENTITY_TEXT_VARIABLES:
            add(name, background)
    add("foreground", "entity-selected")
    for name in ENTITY_TEXT_VARIABLES:
        add(name, "entity-selected")
    add("foreground", "match")
    add("foreground", "match-current")
    return checks
