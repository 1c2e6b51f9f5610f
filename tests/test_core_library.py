"""One library for the app and every command: ``reader.core.open_library``."""

from __future__ import annotations

import json

from reader import paths
from reader.app import ReaderApp
from reader.cli import main
from reader.core import open_library, own_index_dir
from reader.library.files import MissingPath
from search_support import make_library, write_story
from tests.test_app import SIZE, wait_loaded

import pytest


def write_config(text: str) -> None:
    paths.config_dir().mkdir(parents=True, exist_ok=True)
    (paths.config_dir() / "config.yaml").write_text(text, encoding="utf-8")


def test_the_sample_until_the_person_has_articles(reader_home):
    library = open_library()
    assert library.kind == "sample" and library.sources == (paths.seeds_dir(),)
    write_story(paths.library_dir(), "mine", "My story", "Text of my own story.")
    library = open_library()
    assert library.kind == "own" and library.sources == (paths.library_dir(),)
    assert library.index_dir == own_index_dir()


def test_config_folders_and_the_import_folder_make_the_library(reader_home, tmp_path):
    news = make_library(tmp_path / "news")
    write_config(f"library:\n  - {news}\n  - {tmp_path / 'gone'}\n")
    library = open_library()
    assert library.sources == (news,)
    assert [p.message for p in library.problems] == [f"library folder {tmp_path / 'gone'} does not exist"]
    write_story(paths.library_dir(), "added", "An added story", "Imported with reader add.")
    assert open_library().sources == (news, paths.library_dir())


def test_paths_given_get_their_own_index_unless_they_are_the_library(reader_home, tmp_path):
    news = make_library(tmp_path / "news")
    other = make_library(tmp_path / "other")
    write_config(f"library: [{news}]\n")
    assert open_library([news]).kind == "own" and open_library([news]).index_dir == own_index_dir()
    elsewhere = open_library([other])
    assert elsewhere.kind == "paths" and elsewhere.index_dir != own_index_dir()
    assert elsewhere.index_arguments() == [str(other)] and open_library().index_arguments() == []
    with pytest.raises(MissingPath):
        open_library([tmp_path / "missing"])


async def test_the_app_and_every_command_see_the_configured_library(reader_home, tmp_path, capsys):
    news = make_library(tmp_path / "news")
    write_config(f"library:\n  - {news}\n")

    assert main(["list", "--json"]) == 0
    listed = sorted(row["id"] for row in json.loads(capsys.readouterr().out))
    assert listed == ["budget", "senkaku", "storm", "trade"]

    assert main(["index"]) == 0
    assert "4 added" in capsys.readouterr().out
    manifest = json.loads((own_index_dir() / "manifest.json").read_text())
    assert sorted(manifest["articles"]["paths"]) == sorted(str(p) for p in news.glob("*.txt"))

    assert main(["search", "islands", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert sorted(hit["id"] for hit in found["hits"]) == ["senkaku", "storm"]

    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert sorted(e.id for e in app.screen.library_panel.catalog.entries) == listed
        assert app.screen.library.index_dir == own_index_dir()
