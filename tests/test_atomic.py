"""Atomic writes: the old file or the new one, never half; permissions kept."""

import os

import pytest

from reader.atomic import write_atomic


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "deep" / "state.json"
    write_atomic(target, "old")
    os.chmod(target, 0o600)
    write_atomic(target, "new")
    assert target.read_text() == "new" and (target.stat().st_mode & 0o777) == 0o600

    def broken_replace(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, "newer")
    assert target.read_text() == "new"
    assert [p.name for p in target.parent.iterdir()] == ["state.json"]  # no temporary file left
