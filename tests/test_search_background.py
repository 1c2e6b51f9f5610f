"""A big index update in its own process (``reader index --progress-jsonl``), and the
app handing its first big build to it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reader.screens.index_status import IndexStatus
from reader.app import ReaderApp
from reader.screens import index_status
from reader.search import search
from reader.search.background import UpdateFailed, update_in_subprocess
from reader.core import open_library
from search_support import make_library, write_story
from tests.test_app import SIZE, wait_loaded
from tests.test_search_ui import wait_for


@pytest.fixture
def library(tmp_path):
    lib = make_library(tmp_path / "library")
    for n in range(30):
        write_story(lib, f"extra{n:02}", f"Harbour report {n}", f"The coast guard counted {n} boats in the harbour.")
    return lib


def test_progress_jsonl_gives_progress_lines_then_the_result(library):
    run = subprocess.run([sys.executable, "-m", "reader", "index", "--progress-jsonl", "--first-commit", "10",
                          str(library)], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    items = [json.loads(line) for line in run.stdout.splitlines()]
    assert all("progress" in item for item in items[:-1]) and items[-1]["result"]["added"] == 34
    assert items[-2]["progress"][:2] == [34, 34]


def test_a_child_process_builds_the_index_and_reports_progress(library):
    seen = []
    result = update_in_subprocess([str(library)], progress=lambda done, total, text: seen.append((done, total)),
                                  first_commit=10)
    assert (result.added, result.cancelled) == (34, False)
    assert seen and seen[-1] == (34, 34)
    index = open_library([library]).open_index()
    try:
        assert [hit.id for hit in search(index, '"coast guard"', limit=50).hits].count("storm") == 1
        assert index.update([library]).unchanged == 34
    finally:
        index.close()


def test_stopping_midway_ends_the_child_and_a_later_update_finishes(tmp_path, monkeypatch):
    import os
    import time

    from reader.search import background

    lib = tmp_path / "big"
    for n in range(400):
        write_story(lib, f"h{n:03}", f"Harbour report {n}", f"The harbour counted {n} boats. " * 20)
    children = []
    real_popen = subprocess.Popen
    monkeypatch.setattr(background.subprocess, "Popen",
                        lambda *a, **k: children.append(real_popen(*a, **k)) or children[-1])
    seen = []
    result = update_in_subprocess([str(lib)], first_commit=None, progress=lambda d, t, m: seen.append(d),
                                  should_stop=lambda: any(done >= 50 for done in seen))
    assert result.cancelled and children
    group = children[0].pid
    for _ in range(300):  # the child cancels its batch, ends its writer processes and exits
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        raise AssertionError("the stopped index update is still running")
    index = open_library([lib]).open_index()
    try:
        again = index.update([lib])
        assert not again.busy and again.added + again.unchanged == 400
        assert again.added > 0  # the child stopped before committing everything
        found = search(index, "harbour", limit=500)
        assert len({hit.id for hit in found.hits}) == len(found.hits) == 400
    finally:
        index.close()


def test_a_failing_child_is_one_clear_error(tmp_path):
    with pytest.raises(UpdateFailed, match="no such file or folder"):
        update_in_subprocess([str(tmp_path / "missing")])


async def test_the_app_hands_a_big_update_to_a_child_process(library, monkeypatch):
    calls = []

    def recording(*args, **kwargs):
        calls.append(args)
        return update_in_subprocess(*args, **kwargs)

    monkeypatch.setattr(index_status, "INDEX_IN_PROCESS_FROM", 20)
    monkeypatch.setattr("reader.search.background.update_in_subprocess", recording)
    app = ReaderApp(sources=[library])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        await wait_for(pilot, lambda: screen.query_one(IndexStatus).state is None, "the index update", tries=3000)
        assert len(calls) == 1
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"harbour")
        await wait_for(pilot, lambda: app.screen.results is not None, "search results")
        assert app.screen.status_text.startswith("30 stories")
