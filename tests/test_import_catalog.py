"""The catalog: list metadata from a snapshot, refreshed for changed files, rebuilt when broken."""

from __future__ import annotations

import os
from pathlib import Path

from reader import paths
from reader.core import open_library
from reader.library.catalog_cache import snapshot_path
from reader.library.files import load_all
from reader.library.mentions import scan_mentions



TWO_ITEM_FEED = ('<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>'
                 "<item><title>One</title><description>x</description></item>"
                 "<item><title>Two</title><description>y</description></item></channel></rss>")
"""A feed file of two stories, "One" and "Two" (ids news#1, news#2 as news.rss)."""


def _library(folder: Path) -> Path:
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("---\ntitle: Alpha\nsource: Wire\npublished: '2020-01-01'\n---\n\nFirst.\n")
    (folder / "sub" / "b.md").write_text("# Beta\n\nSecond story about Hua Chunying.\n")
    (folder / "empty.txt").write_text("")
    (folder / ".hidden.txt").write_text("Hidden\n\nNot listed.\n")
    return folder


def test_catalog_matches_the_library_and_loads_articles(tmp_path: Path) -> None:
    folder = _library(tmp_path / "lib")
    catalog = open_library([folder]).catalog()
    library = load_all([folder])
    assert [(e.id, e.title, e.source, e.published) for e in catalog.entries] == \
        [(a.id, a.title, a.source, a.published) for a in library.articles]
    assert [str(p) for p in catalog.problems] == [str(p) for p in library.problems]
    article = catalog.load(catalog.get("sub/b"))
    assert article.title == "Beta" and "Hua Chunying" in article.body
    assert catalog.load("a").body == "First."
    assert scan_mentions(catalog, ["hua chunying"]) == {"sub/b"}
    assert scan_mentions(catalog, ["alpha"]) == {"a"}  # titles count too


def test_second_load_uses_the_snapshot_and_sees_changes(tmp_path: Path, monkeypatch) -> None:
    folder = _library(tmp_path / "lib")
    library = open_library([folder])
    first = library.catalog()
    assert snapshot_path(library.sources).is_file()
    assert snapshot_path(library.sources).parent == paths.cache_dir()
    calls = []
    import reader.library.files as files_module

    real = files_module.load_file
    monkeypatch.setattr(files_module, "load_file", lambda *a, **k: calls.append(a[0].name) or real(*a, **k))
    again = library.catalog()
    assert calls == []  # nothing re-read
    assert [e.title for e in again.entries] == ["Alpha", "Beta"]
    assert len(again.problems) == 1 and "empty file" in again.problems[0].message  # problems are kept too
    assert again.orders == first.orders == {"date": [0, 1], "title": [0, 1], "source": [0, 1]}
    (folder / "a.txt").write_text("---\ntitle: Alpha two\n---\n\nChanged text.\n")
    os.utime(folder / "a.txt", ns=(1, 2_000_000_000_000_000_000))
    (folder / "sub" / "b.md").unlink()
    (folder / "c.txt").write_text("Gamma\n\nNew.\n")
    third = library.catalog()
    assert sorted(calls) == ["a.txt", "c.txt"]
    assert [e.title for e in third.entries] == ["Alpha two", "Gamma"]
    assert [e.title for e in library.cached_catalog().entries] == ["Alpha two", "Gamma"]


def test_the_list_shows_from_the_snapshot_before_the_walk(tmp_path: Path, monkeypatch) -> None:
    folder = _library(tmp_path / "lib")
    library = open_library([folder])
    assert library.cached_catalog() is None  # nothing seen yet
    library.catalog()
    import reader.library.files as files_module

    monkeypatch.setattr(files_module, "walk", lambda *a, **k: (_ for _ in ()).throw(AssertionError("walked")))
    shown = library.cached_catalog()
    assert [e.title for e in shown.entries] == ["Alpha", "Beta"] and shown.orders is not None
    assert [f.path for f in shown.files] == [str(folder / "a.txt"), str(folder / "empty.txt"),
                                              str(folder / "sub" / "b.md")]


def test_the_snapshot_gives_back_the_same_entries_and_files(tmp_path: Path) -> None:
    """The list at start is made from the snapshot's columns in C (no Python call per entry):
    the same named entries and files as a read of the library, found by id, in order."""
    from reader.library.catalog import CatalogEntry
    from reader.library.files import ArticleFile

    folder = _library(tmp_path / "lib")
    (folder / "news.rss").write_text(TWO_ITEM_FEED)
    library = open_library([folder])
    read = library.catalog()
    shown = library.cached_catalog()
    assert shown.entries == read.entries and shown.files == read.files and len(shown.entries) == 4
    assert all(type(e) is CatalogEntry for e in shown.entries) and all(type(f) is ArticleFile for f in shown.files)
    assert shown.get("news#2").title == "Two" and shown.get("news#2").path == str(folder / "news.rss")
    assert [e.path for e in shown.entries] == [e.path for e in read.entries]


def test_an_unchanged_walk_reuses_the_list_on_screen(tmp_path: Path) -> None:
    folder = _library(tmp_path / "lib")
    library = open_library([folder])
    library.catalog()
    shown = library.cached_catalog()
    assert library.catalog(shown=shown).entries is shown.entries
    (folder / "d.txt").write_text("Delta\n\nAnother.\n")
    assert [e.title for e in library.catalog(shown=shown).entries] == ["Alpha", "Delta", "Beta"]  # name order


def test_a_broken_snapshot_is_rebuilt(tmp_path: Path) -> None:
    folder = _library(tmp_path / "lib")
    library = open_library([folder])
    cache = snapshot_path(library.sources)
    cache.parent.mkdir(parents=True, exist_ok=True)
    for garbage in (b"garbage, not marshal" * 50, b"", b"\xe9\x03\x00\x00"):
        cache.write_bytes(garbage)
        assert library.cached_catalog() is None
        assert [e.title for e in library.catalog().entries] == ["Alpha", "Beta"]
        assert [e.title for e in library.catalog().entries] == ["Alpha", "Beta"]


def test_feed_files_give_many_entries(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "news.rss").write_text(TWO_ITEM_FEED)
    library = open_library([folder])
    catalog = library.catalog()
    assert [e.id for e in catalog.entries] == ["news#1", "news#2"]
    assert catalog.load("news#2").title == "Two"
    assert [e.id for e in library.catalog().entries] == ["news#1", "news#2"]
    assert [e.id for e in library.cached_catalog().entries] == ["news#1", "news#2"]
