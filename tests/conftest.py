"""Shared fixtures: every test runs with READER_HOME in a temp folder."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def reader_home(tmp_path_factory, monkeypatch):
    """READER_HOME in a fresh temp folder, so no test touches a real home."""
    home = tmp_path_factory.mktemp("reader_home")
    monkeypatch.setenv("READER_HOME", str(home))
    return home
