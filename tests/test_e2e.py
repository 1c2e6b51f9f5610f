"""End-to-end: the real `reader` command in a pseudo-terminal, and the wheel in a fresh venv."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.e2e

SEED_TITLE = "China has told Japan to be"


def reader_command() -> Path:
    script = Path(sys.executable).parent / "reader"
    assert script.exists(), f"the reader console script is not installed beside {sys.executable}: pip install -e '.[test]'"
    return script


def tmux(*args: str) -> str:
    result = subprocess.run(["tmux", *args], capture_output=True, text=True)
    assert result.returncode == 0, f"tmux {args[2:4]} failed: {result.stderr}"
    return result.stdout


@pytest.fixture
def tmux_session(tmp_path, reader_home):
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (.ci/run installs it; apt-get install tmux)")
    name = f"reader-e2e-{os.getpid()}"
    socket = str(tmp_path / "tmux.sock")
    config = tmp_path / "tmux.conf"
    config.write_text("set -g default-size 120x36\n")
    yield name, socket, str(config)
    subprocess.run(["tmux", "-S", socket, "kill-server"], capture_output=True)


def wait_for(predicate, timeout: float = 20.0, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return predicate()


def test_reader_opens_the_sample_and_quits_with_q(tmux_session, tmp_path, reader_home):
    name, socket, config = tmux_session
    status = tmp_path / "status"
    # COLUMNS and LINES would override the pane's size (pytest may export them).
    command = (f"env -u COLUMNS -u LINES READER_HOME={reader_home} TERM=xterm-256color {reader_command()}; "
               f"echo $? > {status}")
    tmux("-S", socket, "-f", config, "new-session", "-d", "-s", name, "-x", "120", "-y", "36", command)

    def screen_with_title() -> str:
        screen = tmux("-S", socket, "capture-pane", "-p", "-t", name)
        # The list's header counts come with the first article (both may take a frame).
        return screen if SEED_TITLE in screen and "1 article · 0 unread" in screen else ""

    screen = wait_for(screen_with_title) or tmux("-S", socket, "capture-pane", "-p", "-t", name)
    size = tmux("-S", socket, "display", "-p", "-t", name, "#{window_width}x#{window_height}").strip()
    assert SEED_TITLE in screen, f"pane {size}:\n{screen}"
    assert "1 article · 0 unread" in screen
    tmux("-S", socket, "send-keys", "-t", name, "q")
    assert wait_for(status.exists), "reader did not exit after q"
    assert wait_for(lambda: status.read_text().strip()) == "0"


def test_wheel_installs_into_a_fresh_venv_and_finds_its_data(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("reader-*.whl"))
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    pip = env_dir / "bin" / "pip"
    subprocess.run([str(pip), "install", "-q", str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run([str(env_dir / "bin" / "reader"), "list"], cwd=elsewhere,
                            capture_output=True, text=True, check=True)
    assert "000_028039a13440567c" in result.stdout
    assert SEED_TITLE in result.stdout
    data = subprocess.run([str(env_dir / "bin" / "python"), "-c",
                           "from reader import paths; print(paths.seeds_dir()); print(paths.themes_dir())"],
                          cwd=elsewhere, capture_output=True, text=True, check=True).stdout.split()
    assert all("site-packages" in line for line in data), data
