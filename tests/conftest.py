"""Shared test fixtures: every test runs with READER_HOME in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def reader_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private READER_HOME, so no test touches the real home."""
    home = tmp_path / "reader-home"
    home.mkdir()
    monkeypatch.setenv("READER_HOME", str(home))
    return home
