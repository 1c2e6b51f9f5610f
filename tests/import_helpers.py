"""Helpers for the import and state tests: the shared data folder (READER_HOME comes from conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _find_shared() -> Path | None:
    # ../shared from the repository root; a git worktree nested one level deeper
    # (wt/<name>) finds it one folder further up.
    for parent in REPO.parents:
        candidate = parent / "shared"
        if (candidate / "data").is_dir():
            return candidate
    return None


SHARED = _find_shared()
SKIP_REASON = "needs ../shared/data (the shared test data beside the repository), which is absent"


def shared_data(*parts: str) -> Path:
    """A folder or file in ../shared/data, or skip the test with a clear reason."""
    if SHARED is None:
        pytest.skip(SKIP_REASON)
    path = SHARED.joinpath("data", *parts)
    if not path.exists():
        pytest.skip(f"needs {path}, which is absent")
    return path
