"""Writing config.yaml: the effective settings as text, and the theme saved in place."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from reader.atomic import write_atomic
from reader.config.settings import ConfigError, Settings, config_path


def settings_as_yaml(settings: Settings) -> str:
    """The effective settings as config.yaml text (for ``reader config --show``)."""
    data = {
        "theme": settings.theme,
        "keymap": dict(settings.keymap),
        "sidebars": dict(settings.sidebars),
        "article_width": settings.article_width if settings.article_width is not None else "full",
        "list_width": settings.list_width if settings.list_width is not None else "auto",
        "library": [str(p) for p in settings.library],
        "background": {"wikipedia": settings.background.wikipedia, "language": settings.background.language,
                       "base_url": settings.background.base_url},
        "refresh": {"on_start": settings.refresh.on_start, "every": _duration_text(settings.refresh.every)},
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)


def _duration_text(seconds: float | None) -> str:
    if seconds is None:
        return "off"
    for unit, size in (("d", 86_400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{int(seconds)}s"


def _yaml_scalar(value: str) -> str:
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]*", value):
        try:
            if yaml.safe_load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _with_top_level(text: str, key: str, value: str) -> str | None:
    """``text`` with the top-level ``key`` set to the scalar ``value``, editing only that value.

    None when the file's layout does not allow a safe text edit.
    """
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    scalar = _yaml_scalar(value)
    if node is None:
        prefix = text if (not text or text.endswith("\n")) else text + "\n"
        return f"{prefix}{key}: {scalar}\n"
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            if not isinstance(value_node, yaml.ScalarNode):
                return None
            start, end = value_node.start_mark.index, value_node.end_mark.index
            if start == end:  # `theme:` with no value
                start = end = key_node.end_mark.index + 1  # just after the colon
                return text[:start] + " " + scalar + text[end:]
            return text[:start] + scalar + text[end:]
    if node.flow_style:
        return None
    prefix = text if text.endswith("\n") else text + "\n"
    return f"{prefix}{key}: {scalar}\n"


def save_theme(name: str, path: Path | None = None) -> Path:
    """Record ``name`` as the chosen theme in config.yaml, keeping everything else.

    Raises ``ConfigError`` (and leaves the file alone) when the file cannot be read or
    does not parse, or the theme name is not a single word.
    """
    path = path if path is not None else config_path()
    if not name or not name.strip() or " " in name.strip():
        raise ConfigError(f"reader: cannot save theme {name!r}: a theme name is one word")
    name = name.strip()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"reader: cannot read {path}: {error}") from None
    try:
        old = yaml.safe_load(text) if text.strip() else None
    except yaml.YAMLError:
        raise ConfigError(f"reader: {path} has a YAML error, so the theme was not saved "
                          f"(fix it, then choose the theme again)") from None
    if old is not None and not isinstance(old, dict):
        raise ConfigError(f"reader: {path} is not a mapping of settings, so the theme was not saved")
    expected = dict(old or {})
    expected["theme"] = name
    new_text = _with_top_level(text, "theme", name)
    if new_text is not None:
        try:
            if yaml.safe_load(new_text) != expected:
                new_text = None
        except yaml.YAMLError:
            new_text = None
    if new_text is None:  # no safe in-place edit: rewrite from the data (comments are lost)
        new_text = yaml.safe_dump(expected, sort_keys=False, allow_unicode=True, default_flow_style=False)
    write_atomic(path, new_text)
    return path

