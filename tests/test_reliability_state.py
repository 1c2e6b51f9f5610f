"""Hostile state files: `reader import-state` and the state store take any JSON (or any
bytes) and either import it or say in one line why not; a broken state database gives a
clear message, never a traceback."""

from __future__ import annotations

import json
import subprocess

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.reliability_support import SMALL, TINY, bounded, hostile_bytes, hostile_text, python_env, reader_argv
from tests.reliability_tally import tally

from reader.library import state  # noqa: E402

json_value = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
                          lambda inner: st.lists(inner, max_size=4) | st.dictionaries(hostile_text, inner, max_size=4),
                          max_leaves=20)
article_entry = st.fixed_dictionaries({}, optional={"read": json_value, "starred": json_value, "position": json_value,
                                                     "opened_at": json_value})
export = st.fixed_dictionaries(
    {"format": st.sampled_from(["reader-state", "reader-state", "other"]) | hostile_text},
    optional={"articles": st.dictionaries(hostile_text, article_entry | json_value, max_size=6) | json_value,
              "feeds": st.lists(st.fixed_dictionaries({}, optional={"url": json_value, "title": json_value}) | json_value,
                                max_size=4) | json_value,
              "last_opened": json_value, "version": json_value})


@SMALL
@given(data=export | json_value)
@example(data={"format": "reader-state", "articles": {"a": {"position": 10**30}}})
@example(data={"format": "reader-state", "articles": {"a": {"opened_at": "nan"}}})
@example(data={"format": "reader-state", "articles": {"a": {"position": float("inf")}}})
@example(data={"format": "reader-state", "feeds": [{"url": ["x"]}]})
def test_import_state_takes_any_json(tmp_path_factory, data):
    db = tmp_path_factory.mktemp("state") / "state.sqlite3"
    with state.StateStore(db) as store, bounded(10, "import_data"):
        try:
            articles, feeds = store.import_data(data)
        except state.StateError as error:
            assert str(error) and "\n" not in str(error)
        else:
            assert articles >= 0 and feeds >= 0
            assert store.integrity_ok()
            exported = store.export_data()  # what went in comes out as plain JSON again
            json.dumps(exported)
            assert all(s["position"] >= 0 for s in exported["articles"].values())
    tally.tried("state: import-state JSON")


@TINY
@given(data=hostile_bytes())
def test_reader_import_state_takes_any_file(tmp_path_factory, data):
    home = tmp_path_factory.mktemp("home")
    path = home / "state.json"
    path.write_bytes(data)
    result = subprocess.run(reader_argv("import-state", str(path)), env=python_env(home), capture_output=True,
                            text=True, timeout=60)
    tally.tried("state: import-state JSON")
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode in (0, 1), result.stderr[-2000:]
    if result.returncode:
        assert result.stderr.strip().count("\n") == 0 and result.stderr.startswith("reader: ")


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "directory", "wal-garbage"])
def test_a_damaged_state_database_gives_a_clear_message(tmp_path, reader_home, damage):
    """reader star/list/export with a state file that is not a database: one line, no traceback."""
    db = state.default_path()
    db.parent.mkdir(parents=True, exist_ok=True)
    with state.StateStore(db) as store:
        for i in range(50):
            store.set_starred(f"a{i}", True)
    if damage == "garbage":
        db.write_bytes(b"this is not a database\n" * 100)
    elif damage == "truncated":
        db.write_bytes(db.read_bytes()[:1500])
    elif damage == "empty":
        db.write_bytes(b"")
    elif damage == "directory":
        db.unlink()
        db.mkdir()
    else:
        db.with_name(db.name + "-wal").write_bytes(b"\x00garbage" * 500)
    out = tmp_path / "export"
    result = subprocess.run(reader_argv("export", str(out)), env=python_env(reader_home), capture_output=True,
                            text=True, timeout=60)
    tally.tried("state: damaged database")
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert result.returncode in (0, 1), result.stderr[-2000:]
    if result.returncode:
        assert result.stderr.startswith("reader: ") and "state" in result.stderr, result.stderr
