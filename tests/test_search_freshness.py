"""Knowing the index is current without the manifest (app start) or a walk (`reader search`)."""

from __future__ import annotations

import os

from reader.library import files as library_files
from reader.search.index import LibraryIndex
from search_support import make_library, write_story


def walk(folder):
    return library_files.walk([folder]).files


def test_an_unchanged_walk_needs_no_manifest(tmp_path, monkeypatch):
    library = make_library(tmp_path / "lib")
    index = LibraryIndex(tmp_path / "index")
    index.update([library])
    files = walk(library)
    index.update([library], files=files)  # records this walk's order
    monkeypatch.setattr(LibraryIndex, "read_manifest", lambda self: (_ for _ in ()).throw(AssertionError("read")))
    result = index.update([library], files=files)
    assert result.unchanged == len(files) and not (result.added or result.changed or result.removed)
    monkeypatch.undo()
    # a changed file is noticed
    story = library / "storm.txt"
    story.write_text(story.read_text() + "\nA late paragraph about lighthouses.\n")
    result = index.update([library], files=walk(library))
    assert result.changed == 1


def test_search_knows_without_a_walk_when_folders_did_not_change(tmp_path):
    library = make_library(tmp_path / "lib")
    index = LibraryIndex(tmp_path / "index")
    index.update([library])
    assert index.unchanged_since_update([library])
    write_story(library / "more", "lighthouse", "Lighthouse keepers retire", "The last lighthouse keeper left.")
    assert not index.unchanged_since_update([library])
    index.update([library])
    assert index.unchanged_since_update([library])
    (library / "more" / "lighthouse.txt").unlink()
    assert not index.unchanged_since_update([library])
    assert not index.unchanged_since_update([library, tmp_path])  # other sources


def test_a_stopped_update_is_not_recorded_as_current(tmp_path):
    library = make_library(tmp_path / "lib")
    index = LibraryIndex(tmp_path / "index")
    index.update([library])
    write_story(library, "late", "A late story", "Words about a harbour.")
    result = index.update([library], should_stop=lambda: True)
    assert result.cancelled
    assert not index.unchanged_since_update([library])
    assert index.update([library]).added == 1


def test_reader_search_sees_a_new_story(tmp_path, capsys):
    from reader.cli import main

    library = make_library(tmp_path / "lib")
    assert main(["search", "senkaku", str(library)]) == 0
    write_story(library, "late", "Lighthouses of the Senkaku Islands", "A lighthouse on the islands.")
    os.utime(library, ns=(1, 1))  # a folder time that certainly differs from the recorded one
    capsys.readouterr()
    assert main(["search", "lighthouse", str(library)]) == 0
    assert "Lighthouses of the Senkaku Islands" in capsys.readouterr().out


def test_saving_progress_follows_the_bytes_written(tmp_path):
    import time

    from reader.search.writers import SavingProgress

    (tmp_path / "old.pst").write_bytes(b"x" * 500)  # there before: not counted
    (tmp_path / "new.pst").write_bytes(b"")  # created empty by a writer before saving
    shares: list[float] = []
    with SavingProgress(tmp_path, 100, shares.append):
        (tmp_path / "new.pst").write_bytes(b"x" * 40)
        time.sleep(0.7)
        (tmp_path / "new.trm").write_bytes(b"x" * 400)
        time.sleep(0.7)
    assert shares[0] == 0.4
    assert shares[-1] == 0.99  # never 100% before the commit returns
