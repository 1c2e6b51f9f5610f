"""config.yaml: defaults, good and bad values with their lines, unknown settings, saving the theme."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.config import (
    DEFAULT_ARTICLE_WIDTH,
    DEFAULT_THEME,
    ConfigError,
    Settings,
    config_path,
    load_settings,
    save_theme,
    settings_as_yaml,
)

FULL = """\
# my reader settings
theme: sepia          # warm, for the evening
keymap:
  app.quit: ctrl+q
  main.next_article: [n, ctrl+n]
sidebars:
  entities: true
  note: false
article_width: 72
library:
  - ~/news
  - saved
"""


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def messages(loaded) -> list[str]:  # noqa: ANN001
    return [p.message for p in loaded.problems]


def test_config_path_is_in_the_config_folder(reader_home: Path) -> None:
    assert config_path() == reader_home / "config" / "config.yaml"


def test_missing_file_gives_defaults() -> None:
    loaded = load_settings()
    assert not loaded.exists and loaded.problems == []
    assert loaded.settings == Settings()
    assert loaded.settings.theme == DEFAULT_THEME
    assert loaded.settings.article_width == DEFAULT_ARTICLE_WIDTH
    assert loaded.settings.show_entities and loaded.settings.show_note


def test_full_file(reader_home: Path) -> None:
    path = write_config(FULL)
    loaded = load_settings()
    assert loaded.exists and loaded.problems == []
    s = loaded.settings
    assert s.theme == "sepia"
    assert s.keymap == {"app.quit": "ctrl+q", "main.next_article": "n,ctrl+n"}
    assert s.sidebars == {"entities": True, "note": False}
    assert s.show_entities and not s.show_note
    assert s.article_width == 72
    assert s.library == [Path("~/news").expanduser(), path.parent / "saved"]
    assert loaded.lines["theme"] == 2 and loaded.lines["library"] == 10


@pytest.mark.parametrize("text", ["", "# just a comment\n", "---\n"])
def test_empty_file_gives_defaults(text: str) -> None:
    write_config(text)
    loaded = load_settings()
    assert loaded.problems == [] and loaded.settings == Settings()


@pytest.mark.parametrize("width, expected", [(0, None), ("full", None), (None, None), (20, 20), (120, 120)])
def test_article_width_values(width: object, expected: int | None) -> None:
    write_config(f"article_width: {'null' if width is None else width}\n")
    loaded = load_settings()
    assert loaded.problems == []
    assert loaded.settings.article_width == expected


BAD_VALUES = [
    ("theme: [a, b]\n", 1, "theme must be a theme name"),
    ("keymap: ctrl+q\n", 1, "keymap must be a mapping"),
    ("keymap:\n  app.quit: 3\n", 2, "keys for 'app.quit' must be text"),
    ("keymap:\n  app.quit: 'ctrl q'\n", 2, "key names separated by commas"),
    ("keymap:\n  app.quit: ''\n", 2, "key names separated by commas"),
    ("sidebars: no\n", 1, "sidebars must be a mapping"),
    ("sidebars:\n  note: sometimes\n", 2, "note must be true or false"),
    ("article_width: wide\n", 1, "article_width must be a whole number"),
    ("article_width: 5\n", 1, "between 20 and 1000"),
    ("article_width: true\n", 1, "article_width must be a whole number"),
    ("library: 3\n", 1, "library must be a list"),
    ("library:\n  - ok\n  - 4\n", 3, "entry 2 must be a folder path"),
]


@pytest.mark.parametrize("text, line, expected", BAD_VALUES)
def test_bad_value_names_the_line_and_keeps_the_default(text: str, line: int, expected: str) -> None:
    control, expected_control = ("article_width: 66\n", ("article_width", 66)) if text.startswith("theme") \
        else ("theme: newsprint\n", ("theme", "newsprint"))
    path = write_config(control + text)
    loaded = load_settings()
    assert len(loaded.problems) == 1, messages(loaded)
    problem = loaded.problems[0]
    assert problem.skipped and problem.path == path
    assert problem.message.startswith(f"line {line + 1}: "), problem.message
    assert expected in problem.message
    assert str(path) in str(problem)
    assert getattr(loaded.settings, expected_control[0]) == expected_control[1]  # the rest still counts
    assert loaded.errors == [problem] and loaded.warnings == []


def test_unknown_settings_are_warnings_with_a_suggestion() -> None:
    write_config("them: sepia\nsidebars:\n  notes: false\nfavourite_colour: blue\narticle_width: 70\n")
    loaded = load_settings()
    assert [p.skipped for p in loaded.problems] == [False, False, False]
    text = messages(loaded)
    assert text[0] == "line 1: unknown setting 'them' ignored (did you mean 'theme'?)"
    assert text[1] == "line 3: unknown sidebar 'notes' ignored (did you mean 'note'?)"
    assert text[2].startswith("line 4: unknown setting 'favourite_colour' ignored (known: theme, keymap")
    assert loaded.settings.article_width == 70
    assert loaded.settings.theme == DEFAULT_THEME


@pytest.mark.parametrize("text, line", [
    ("theme: ink\nkeymap:\n  app.quit: [ctrl+q\n", 4),
    ("theme: ink\n\tarticle_width: 3\n", 2),
    ("theme: 'ink\n", 2),
])
def test_yaml_error_names_the_line_and_uses_defaults(text: str, line: int) -> None:
    write_config(text)
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert len(loaded.problems) == 1
    assert loaded.problems[0].message.startswith(f"line {line}: invalid YAML")
    assert loaded.problems[0].message.endswith("using the default settings")


def test_not_a_mapping() -> None:
    write_config("- theme: ink\n")
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert "settings must be a mapping" in messages(loaded)[0]


def test_settings_as_yaml_round_trips(reader_home: Path) -> None:
    write_config(FULL)
    settings = load_settings().settings
    path = write_config(settings_as_yaml(settings))
    again = load_settings(path)
    assert again.problems == [] and again.settings == settings


# -- saving the chosen theme -------------------------------------------------------


def test_save_theme_creates_the_file() -> None:
    path = save_theme("newsprint")
    assert path == config_path()
    assert path.read_text() == "theme: newsprint\n"
    assert load_settings().settings.theme == "newsprint"


def test_save_theme_keeps_comments_and_layout() -> None:
    path = write_config(FULL)
    save_theme("high-contrast")
    assert path.read_text() == FULL.replace("theme: sepia ", "theme: high-contrast ")
    assert load_settings().settings.theme == "high-contrast"


@pytest.mark.parametrize("before, after", [
    ("# mine\narticle_width: 70\n", "# mine\narticle_width: 70\ntheme: ink\n"),
    ("article_width: 70", "article_width: 70\ntheme: ink\n"),
    ("theme:\narticle_width: 70\n", "theme: ink\narticle_width: 70\n"),
    ("theme: 'sepia'  # c\n", "theme: ink  # c\n"),
    ("theme: ~\n", "theme: ink\n"),
])
def test_save_theme_edits_only_the_value(before: str, after: str) -> None:
    path = write_config(before)
    save_theme("ink")
    assert path.read_text() == after


def test_save_theme_quotes_names_yaml_would_misread() -> None:
    path = write_config("theme: ink\n")
    save_theme("yes")
    assert path.read_text() == 'theme: "yes"\n'
    assert load_settings().settings.theme == "yes"


def test_save_theme_in_a_flow_mapping() -> None:
    path = write_config("{theme: ink, article_width: 70}  # c\n")
    save_theme("sepia")
    assert path.read_text() == "{theme: sepia, article_width: 70}  # c\n"


def test_save_theme_rewrites_a_flow_mapping_without_theme() -> None:
    path = write_config("{article_width: 70}  # comment is lost\n")
    save_theme("sepia")
    loaded = load_settings()
    assert loaded.settings.theme == "sepia" and loaded.settings.article_width == 70
    assert path.read_text() == "article_width: 70\ntheme: sepia\n"


@pytest.mark.parametrize("text", ["theme: [ink\n", "- a\n- b\n"])
def test_save_theme_never_overwrites_a_broken_file(text: str) -> None:
    path = write_config(text)
    with pytest.raises(ConfigError) as caught:
        save_theme("sepia")
    assert str(path) in str(caught.value)
    assert path.read_text() == text


def test_save_theme_is_atomic_and_keeps_the_mode() -> None:
    path = write_config("theme: ink\n")
    os.chmod(path, 0o600)
    inode_before = path.stat().st_ino
    save_theme("sepia")
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.stat().st_ino != inode_before  # replaced, not rewritten in place
    assert sorted(p.name for p in path.parent.iterdir()) == ["config.yaml"]  # no temp files left


def test_save_theme_rejects_a_name_with_spaces() -> None:
    with pytest.raises(ConfigError):
        save_theme("my theme")
    assert not config_path().exists()


def test_refresh_settings(reader_home: Path) -> None:
    from reader.config import RefreshSettings, parse_duration

    assert parse_duration("30m") == 1800 and parse_duration("2h") == 7200 and parse_duration("90s") == 90
    assert parse_duration(15) == 900 and parse_duration("off") is None and parse_duration(0) is None
    assert load_settings().settings.refresh == RefreshSettings(True, 1800.0)
    path = write_config("refresh:\n  on_start: false\n  every: 1h\n")
    assert load_settings(path).settings.refresh == RefreshSettings(False, 3600.0)
    loaded = load_settings(write_config("refresh:\n  on_start: maybe\n  every: soon\n  often: 3\n"))
    assert loaded.settings.refresh == RefreshSettings()
    text = [p.message for p in loaded.problems]
    assert text[0].startswith("line 2: refresh: on_start must be true or false")
    assert text[1].startswith("line 3: refresh: every must be a duration such as 30m")
    assert text[2].startswith("line 4: unknown refresh setting 'often' ignored")
    assert "refresh:\n  on_start: true\n  every: 30m\n" in settings_as_yaml(load_settings().settings)
