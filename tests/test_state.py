"""The reading-state store: read, stars, positions, last opened, feeds; export and import."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reader import paths
from reader.cli import main
from reader.library.state import ArticleState, StateError, StateStore


def test_defaults_and_toggles(reader_home: Path) -> None:
    with StateStore() as store:
        assert store.get("a") == ArticleState("a")
        assert store.toggle_read("a") is True
        assert store.toggle_read("a") is False
        assert store.toggle_star("a") is True
        store.set_position("a", 120)
        assert store.get("a") == ArticleState("a", read=False, starred=True, position=120)
        assert store.last_opened() is None
        store.mark_opened("b", position=7)
        assert store.last_opened() == ("b", 7)
        assert store.get("b").read and store.get("b").opened_at is not None
        assert set(store.all()) == {"a", "b"}
    assert (paths.data_dir() / "state.sqlite3").is_file()
    with StateStore() as again:  # it persists
        assert again.get("a").starred and again.last_opened() == ("b", 7)


def test_updates_touch_only_their_column(reader_home: Path) -> None:
    with StateStore() as store:
        store.set_starred("a")
        store.set_position("a", 50)
        store.set_read("a")
        assert store.get("a") == ArticleState("a", read=True, starred=True, position=50)
        store.mark_opened("a")
        assert store.get("a").position == 50 and store.get("a").starred


def test_wal_mode_and_busy_timeout(reader_home: Path) -> None:
    with StateStore() as store:
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_opening_a_set_up_store_does_not_wait_for_a_writer(reader_home: Path) -> None:
    """The app opens the store at every start while another reader process may be writing
    (an import, a refresh): a store already set up is opened with reads alone."""
    with StateStore() as store:
        store.set_starred("a")
    writer = sqlite3.connect(paths.data_dir() / "state.sqlite3", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    try:
        with StateStore(timeout_ms=300) as store:
            assert store.get("a").starred
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_missing_table_is_made_again(reader_home: Path) -> None:
    with StateStore() as store:
        store.connection.execute("DROP TABLE fingerprints")
    with StateStore() as store:
        tables = {row[0] for row in store.connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"article_state", "meta", "feeds", "fingerprints"} <= tables


def test_a_failed_transaction_leaves_nothing_behind(reader_home: Path) -> None:
    with StateStore() as store:
        with pytest.raises(StateError):
            store.import_data({"format": "reader-state", "articles": {"a": {"read": True}, "b": "oops"}})
        assert store.all() == {}


def test_a_database_that_is_not_sqlite_is_a_clear_error(reader_home: Path) -> None:
    path = paths.data_dir() / "state.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StateError, match="cannot open the reading state"):
        StateStore()


def test_export_then_import_state_round_trip(reader_home: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    library = paths.library_dir()
    library.mkdir(parents=True)
    (library / "one.txt").write_text("One\n\nFirst story.\n")
    (library / "two.txt").write_text("Two\n\nSecond story.\n")
    with StateStore() as store:
        store.set_starred("one")
        store.set_position("two", 33)
        store.mark_opened("two")
        store.add_feed("http://127.0.0.1:1/feed.xml", "A feed")
        store.remember_choice("list_sort", "title")  # the list's sort and filter travel too
        store.remember_choice("list_show", "starred")
        before = store.export_data()
    out = tmp_path / "export"
    assert main(["export", str(out)]) == 0
    assert "Exported 2 article files" in capsys.readouterr().out
    assert sorted(p.name for p in (out / "library").iterdir()) == ["one.txt", "two.txt"]
    data = json.loads((out / "state.json").read_text(encoding="utf-8"))
    assert data["articles"]["one"]["starred"] is True
    assert data["articles"]["two"] == {"read": True, "starred": False, "position": 33,
                                       "opened_at": before["articles"]["two"]["opened_at"]}
    # A fresh home reads it back.
    monkeypatch.setenv("READER_HOME", str(tmp_path / "other"))
    assert main(["import-state", str(out / "state.json")]) == 0
    assert "Imported the state of 2 articles and 1 feeds" in capsys.readouterr().out
    with StateStore() as store:
        after = store.export_data()
    for key in ("articles", "feeds", "last_opened", "choices"):
        assert after[key] == before[key]
    assert after["choices"] == {"list_show": "starred", "list_sort": "title"}


def test_import_state_errors_are_one_line(reader_home: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "state.json"
    bad.write_text("{not json")
    assert main(["import-state", str(bad)]) == 1
    assert capsys.readouterr().err == f"reader: {bad} is not valid JSON (line 1, column 2)\n"
    bad.write_text('{"something": "else"}')
    assert main(["import-state", str(bad)]) == 1
    assert "not a reader state export" in capsys.readouterr().err
    assert main(["import-state", str(tmp_path / "missing.json")]) == 1
    assert "no such file" in capsys.readouterr().err
