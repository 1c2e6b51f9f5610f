"""The catalog: list metadata from a cache, refreshed for changed files, rebuilt when broken."""

from __future__ import annotations

import os
from pathlib import Path

from reader import paths
from reader.library.files import load_all, walk
from reader.library.catalog import default_cache_path
from reader.library.catalog import load_catalog as load_walked
from reader.library.mentions import scan_mentions


def load_catalog(sources):
    return load_walked(walk(sources))


def _library(folder: Path) -> Path:
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("---\ntitle: Alpha\nsource: Wire\npublished: '2020-01-01'\n---\n\nFirst.\n")
    (folder / "sub" / "b.md").write_text("# Beta\n\nSecond story about Hua Chunying.\n")
    (folder / "empty.txt").write_text("")
    (folder / ".hidden.txt").write_text("Hidden\n\nNot listed.\n")
    return folder


def test_catalog_matches_the_library_and_loads_articles(tmp_path: Path) -> None:
    folder = _library(tmp_path / "lib")
    catalog = load_catalog([folder])
    library = load_all([folder])
    assert [(e.id, e.title, e.source, e.published) for e in catalog.entries] == \
        [(a.id, a.title, a.source, a.published) for a in library.articles]
    assert [str(p) for p in catalog.problems] == [str(p) for p in library.problems]
    article = catalog.load(catalog.get("sub/b"))
    assert article.title == "Beta" and "Hua Chunying" in article.body
    assert catalog.load("a").body == "First."
    assert scan_mentions(catalog, ["hua chunying"]) == {"sub/b"}
    assert scan_mentions(catalog, ["alpha"]) == {"a"}  # titles count too


def test_second_load_uses_the_cache_and_sees_changes(tmp_path: Path, monkeypatch) -> None:
    folder = _library(tmp_path / "lib")
    load_catalog([folder])
    assert default_cache_path().is_file()
    assert default_cache_path().parent == paths.cache_dir()
    calls = []
    import reader.library.files as files_module

    real = files_module.load_file
    monkeypatch.setattr(files_module, "load_file", lambda *a, **k: calls.append(a[0].name) or real(*a, **k))
    again = load_catalog([folder])
    assert calls == []  # nothing re-read
    assert [e.title for e in again.entries] == ["Alpha", "Beta"]
    assert len(again.problems) == 1 and "empty file" in again.problems[0].message  # problems are cached too
    (folder / "a.txt").write_text("---\ntitle: Alpha two\n---\n\nChanged text.\n")
    os.utime(folder / "a.txt", ns=(1, 2_000_000_000_000_000_000))
    (folder / "sub" / "b.md").unlink()
    (folder / "c.txt").write_text("Gamma\n\nNew.\n")
    third = load_catalog([folder])
    assert sorted(calls) == ["a.txt", "c.txt"]
    assert [e.title for e in third.entries] == ["Alpha two", "Gamma"]


def test_a_broken_cache_is_rebuilt(tmp_path: Path) -> None:
    folder = _library(tmp_path / "lib")
    cache = default_cache_path()
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(b"garbage, not sqlite" * 50)
    assert [e.title for e in load_catalog([folder]).entries] == ["Alpha", "Beta"]
    assert [e.title for e in load_catalog([folder]).entries] == ["Alpha", "Beta"]


def test_feed_files_give_many_entries(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "news.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>N</title>'
        "<item><title>One</title><description>x</description></item>"
        "<item><title>Two</title><description>y</description></item></channel></rss>")
    catalog = load_catalog([folder])
    assert [e.id for e in catalog.entries] == ["news#1", "news#2"]
    assert catalog.load("news#2").title == "Two"
    assert [e.id for e in load_catalog([folder]).entries] == ["news#1", "news#2"]
