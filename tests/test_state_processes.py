"""Real processes: SIGKILL in the middle of writes, and two writers at once, lose nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")

WRITER = """
import sys
from pathlib import Path
from reader.library.state import StateStore
store = StateStore(Path(sys.argv[1]))
prefix, count = sys.argv[2], int(sys.argv[3])
for i in range(count):
    article = f"{prefix}-{i}"
    store.mark_opened(article, position=i)
    if i % 3 == 0:
        store.toggle_star(article)
    print(i, flush=True)   # acknowledged: committed before this line is written
print("done", flush=True)
"""


def _spawn(db: Path, prefix: str, count: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-c", WRITER, str(db), prefix, str(count)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _check(db: Path, prefix: str, acknowledged: int) -> None:
    from reader.library.state import StateStore

    with StateStore(db) as store:
        assert store.integrity_ok()
        states = {k: v for k, v in store.all().items() if k.startswith(prefix + "-")}
    for i in range(acknowledged):
        state = states.get(f"{prefix}-{i}")
        assert state is not None, f"{prefix}-{i} was committed but is missing"
        assert state.read and state.position == i
        assert state.starred == (i % 3 == 0)


def test_sigkill_in_the_middle_of_writes_loses_nothing_committed(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    for round_number in range(3):
        process = _spawn(db, f"r{round_number}", 100_000)
        acknowledged = 0
        deadline = time.monotonic() + 60
        target = 150 + 97 * round_number  # kill at different moments
        while acknowledged < target and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            acknowledged = int(line) + 1
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
        assert process.returncode == -signal.SIGKILL
        assert acknowledged >= target, process.stderr.read()
        _check(db, f"r{round_number}", acknowledged)
    from reader.library.state import StateStore

    with StateStore(db) as store:  # still writable after the kills
        store.set_starred("after")
        assert store.get("after").starred


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite3"
    count = 1000
    first, second = _spawn(db, "a", count), _spawn(db, "b", count)
    out_a, err_a = first.communicate(timeout=180)
    out_b, err_b = second.communicate(timeout=180)
    assert first.returncode == 0, err_a
    assert second.returncode == 0, err_b
    assert out_a.rstrip().endswith("done") and out_b.rstrip().endswith("done")
    _check(db, "a", count)
    _check(db, "b", count)


def test_two_imports_at_once_add_each_story_once(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for i in range(40):
        (inputs / f"s{i}.txt").write_text(f"Story {i}\n\nThe text of story number {i}.\n")
    env = dict(os.environ, PYTHONPATH=str(REPO), READER_HOME=str(tmp_path / "home"))
    command = [sys.executable, "-m", "reader", "add", str(inputs)]
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    outs = [p.communicate(timeout=120) for p in (first, second)]
    assert first.returncode == 0 and second.returncode == 0, outs
    written = sorted((tmp_path / "home" / "data" / "library").glob("*.txt"))
    assert len(written) == 40
    summaries = sorted(out for out, _ in outs)
    assert summaries == ["0 articles added; 40 duplicates skipped; 0 could not be used.\n",
                         "40 articles added; 0 duplicates skipped; 0 could not be used.\n"]
