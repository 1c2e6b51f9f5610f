"""``reader index`` and ``reader search`` on the command line."""

from __future__ import annotations

import json

from reader.cli import EXIT_INTERRUPTED, main
from search_support import make_library, write_story


def test_index_then_search_json(tmp_path, capsys, reader_home):
    library = make_library(reader_home / "data" / "library")
    assert main(["index"]) == 0
    assert "4 added" in capsys.readouterr().out
    assert main(["search", "islands", "--json", "--limit", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 2 and len(data["hits"]) == 1
    hit = data["hits"][0]
    assert set(hit) >= {"id", "title", "score", "snippet", "snippet_spans", "matches"}
    write_story(library, "volcano", "Volcano erupts", "Lava reached the islands.")
    assert main(["search", "islands", "--json"]) == 0  # updates first
    assert json.loads(capsys.readouterr().out)["total"] == 3


def test_search_text_output_and_no_hits(tmp_path, capsys, reader_home):
    make_library(reader_home / "data" / "library")
    assert main(["search", "senkaku"]) == 0
    out = capsys.readouterr().out
    assert "senkaku" in out and "1 story" in out
    assert main(["search", "shimonosekki"]) == 1
    assert "did you mean: shimonoseki" in capsys.readouterr().out


def test_malformed_query_is_explained_not_raised(capsys, reader_home):
    make_library(reader_home / "data" / "library")
    assert main(["search", '"senkaku islands']) == 0
    captured = capsys.readouterr()
    assert "closed the unbalanced quote" in captured.err
    assert main(["search", "*"]) == 1


def test_rebuild_and_missing_path(capsys, reader_home, tmp_path):
    make_library(reader_home / "data" / "library")
    assert main(["index"]) == 0
    assert main(["index", "--rebuild"]) == 0
    captured = capsys.readouterr()
    assert "rebuilding" in captured.err and "4 added" in captured.out
    assert main(["index", str(tmp_path / "nope")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["search", "x", "--limit", "0"]) == 2


def test_other_folders_get_their_own_index(capsys, reader_home, tmp_path):
    from reader.core import open_library, own_index_dir

    make_library(reader_home / "data" / "library")
    other = tmp_path / "other"
    write_story(other, "volcano", "Volcano erupts", "Lava reached the islands.")
    assert main(["search", "islands", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 2
    assert main(["search", "islands", str(other), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1
    assert open_library([other]).index_dir != own_index_dir() == open_library().index_dir
    assert main(["search", "islands", "--json", "--no-update"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 2  # the library's index is intact


def test_marked_snippet_only_on_a_terminal():
    from reader.commands.search import marked

    assert marked("the islands here", [(4, 11)], False) == "the islands here"
    assert marked("the islands here", [(4, 11)], True) == "the \x1b[1mislands\x1b[22m here"


def test_search_table_lines_up_cjk_ids(capsys, reader_home):
    """The id column is padded by display width: a CJK character takes two cells."""
    from rich.cells import cell_len

    library = reader_home / "data" / "library"
    write_story(library, "東京の天気", "Tokyo weather", "Typhoon rain over the harbour.")
    write_story(library, "london", "London weather", "Typhoon rain over the river.")
    assert main(["search", "typhoon"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if " weather" in line]
    starts = {cell_len(line[: line.index(title)]) for line in lines for title in ("London", "Tokyo") if title in line}
    assert len(lines) == 2 and len(starts) == 1, lines


def test_why_the_index_is_built_again_is_said_before_the_build_starts(capsys, reader_home, monkeypatch):
    """A rebuild may take minutes (a new recogniser, a damaged file): the reason comes first,
    so a person who stops it with Ctrl+C knows what it was; it is not said twice."""
    from reader.search.index import LibraryIndex

    library = make_library(reader_home / "data" / "library")
    assert main(["index"]) == 0
    capsys.readouterr()
    assert main(["index", "--rebuild"]) == 0
    assert capsys.readouterr().err.count("rebuilding the search index") == 1

    def stopped(self, *args, **kwargs):
        raise KeyboardInterrupt  # Ctrl+C during the build itself

    monkeypatch.setattr(LibraryIndex, "_update_locked", stopped)
    monkeypatch.setattr(LibraryIndex, "check", lambda self, manifest=None: "the entity recogniser changed; "
                                                                           "rebuilding the search index")
    write_story(library, "volcano", "Volcano erupts", "Lava reached the islands.")  # the search updates first
    assert main(["search", "islands"]) == EXIT_INTERRUPTED  # Ctrl+C during the rebuild
    assert "reader: the entity recogniser changed; rebuilding the search index" in capsys.readouterr().err
