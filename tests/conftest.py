"""Shared fixtures: every test runs with READER_HOME in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _find_shared() -> Path:
    """``../shared`` beside the checkout (a git worktree nested deeper finds it further up)."""
    for parent in REPO.parents:
        if (parent / "shared" / "data").is_dir():
            return parent / "shared"
    return REPO.parent / "shared"


SHARED = _find_shared()
SEED = REPO / "seeds" / "000_028039a13440567c.txt"


@pytest.fixture(scope="module")
def recognizer():
    """The shared recogniser, built afresh for the module (a module may define its own)."""
    from reader.entities import service

    service.reset()
    return service.get_recognizer()


@pytest.fixture(autouse=True)
def reader_home(tmp_path_factory, monkeypatch) -> Path:
    """A private READER_HOME so no test touches the real home."""
    home = tmp_path_factory.mktemp("reader-home")
    monkeypatch.setenv("READER_HOME", str(home))
    return home


def needs_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared data folder beside the checkout; CI has it, a clone may not)")
    return path


# -- the reliability table: counts recorded by tests (tests/reliability_tally.py) --------------

from tests.reliability_tally import tally  # noqa: E402


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Tie the counts a test records to that test."""
    tally.current = item.nodeid
    try:
        return (yield)
    finally:
        tally.current = None


def pytest_runtest_logreport(report):
    """Remember each test's outcome (failed in any phase wins) and how long its call took."""
    if report.when == "call":
        tally.durations[report.nodeid] = report.duration
    previous = tally.outcomes.get(report.nodeid)
    if report.failed:
        tally.outcomes[report.nodeid] = "failed"
    elif report.skipped and previous != "failed":
        tally.outcomes[report.nodeid] = "skipped"
    elif report.when == "call" and previous is None:
        tally.outcomes[report.nodeid] = "passed"


def pytest_sessionfinish(session, exitstatus):
    """Merge this run's counts into bench/results/reliability.json (see bench/reliability_table.py)."""
    tally.write()


# -- a feed server on 127.0.0.1 (tests/feed_server.py) -------------------------------------------


@pytest.fixture
def feed_server(tmp_path_factory):
    """A local feed server over a folder of small feeds the test writes (``server.folder``)."""
    from tests import feed_server as served

    folder = tmp_path_factory.mktemp("served-feeds")
    state, httpd, thread = served.start(folder)
    try:
        yield state
    finally:
        served.stop(state, httpd, thread)


@pytest.fixture
def real_feed_server():
    """A local feed server over the real feeds of ../shared/data/feeds (skips without them)."""
    from tests import feed_server as served

    folder = needs_shared("data", "feeds")
    state, httpd, thread = served.start(folder)
    try:
        yield state
    finally:
        served.stop(state, httpd, thread)
