"""``reader themes``, ``reader config`` and ``reader --theme`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.cli_parsing import build_app_parser
from reader.config import config_path
from reader.themes import user_themes_dir


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_themes_lists_shipped_themes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["themes"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    names = [line[2:].split()[0] for line in lines]
    assert names == sorted(names)
    assert {"ink", "newsprint", "high-contrast"} <= set(names)
    assert next(line for line in lines if line[2:].startswith("ink ")).startswith("* ")  # the default is chosen
    assert "nord" not in names
    assert err == ""


def test_themes_contrast(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["themes", "--contrast"]) == 0
    out, _ = capsys.readouterr()
    assert "nord" not in out
    assert "entity-person  on surface" in out


def test_themes_reports_a_bad_user_theme(capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(user_themes_dir() / "bad.yaml", "name: bad\nprimary: blurple\nbackground: '#000'\nforeground: '#fff'\n")
    write(config_path(), "theme: newsprint\n")
    assert main(["themes"]) == 0
    out, err = capsys.readouterr()
    assert err.strip() == f"reader: {bad}: line 2: primary: unknown colour 'blurple'"
    assert next(line for line in out.splitlines() if "newsprint" in line).startswith("* ")


def test_config_path(capsys: pytest.CaptureFixture[str], reader_home: Path) -> None:
    assert main(["config", "--path"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(reader_home / "config" / "config.yaml")
    assert "does not exist yet" in err


def test_config_show_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config"]) == 0
    out, _ = capsys.readouterr()
    assert "does not exist" in out and "theme: ink" in out and "article_width: 80" in out


def test_config_show_problems(capsys: pytest.CaptureFixture[str]) -> None:
    path = write(config_path(), "theme: nope\ncolour: red\narticle_width: 72\n")
    assert main(["config", "--show"]) == 1
    out, err = capsys.readouterr()
    assert "theme: ink" in out and "article_width: 72" in out
    assert f"reader: {path}: line 2: unknown setting 'colour' ignored" in err
    assert f"reader: {path}: line 1: unknown theme 'nope'" in err


def test_config_show_warnings_only_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    write(config_path(), "theme: sepia\nfoo: 1\n")
    assert main(["config", "--show"]) == 0
    out, err = capsys.readouterr()
    assert "theme: sepia" in out and "unknown setting 'foo'" in err


def test_theme_option_is_parsed() -> None:
    args = build_app_parser().parse_args(["--theme", "sepia", "some/path"])
    assert args.theme == "sepia" and args.paths == [Path("some/path")]


def test_unknown_theme_option_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--theme", "nope"]) == 2
    _, err = capsys.readouterr()
    assert err.startswith("reader: unknown theme 'nope'; the themes are: high-contrast, ink, newsprint, sepia")
    assert len(err.strip().splitlines()) == 1
