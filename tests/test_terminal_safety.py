"""No story can act on the terminal: the bytes reader writes carry none of its escapes."""

from __future__ import annotations

import os
import re

import pytest

from tests.test_e2e import reader_command
from tests.test_reliability_terminal import drive

pytestmark = pytest.mark.e2e

HOSTILE_STORY = (
    "Clipboard \x1b]52;c;cHduZWQ=\x07 and link \x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ here.\n\n"
    "Cursor \x1b[2J\x1b[H moves, bell \x07\x07, title \x1b]0;owned\x07 and [@click=app.quit]markup[/].\n\n"
    "C1 \x9b31m control and [link=https://evil.example/]rich link[/link] end.\n"
)
FORBIDDEN = [b"\x1b]52", b"\x1b]8;;https://evil", b"evil.example/\x1b", b"\x1b]0;owned", b"\x07", b"\x9b31m"]


def test_hostile_story_writes_no_escape_of_its_own(tmp_path, reader_home):
    story = tmp_path / "hostile.txt"
    story.write_bytes(HOSTILE_STORY.encode("utf-8", "surrogatepass"))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(READER_HOME=str(reader_home), TERM="xterm-256color")
    # Once the story is on screen, press q; every byte written to the terminal comes back.
    output = drive([str(reader_command()), str(story)], env, [(b"Clipboard", b"q")], seconds=20.0)
    assert "Clipboard".encode() in output, output[-2000:]
    assert "␛]52;c;cHduZWQ=␇".encode() in output  # shown, as visible characters
    # Textual's own pointer-shape sequence (OSC 22) ends with BEL; take it out, then look.
    output = re.sub(rb"\x1b\]22;[a-z-]*\x07", b"", output)
    for sequence in FORBIDDEN:
        at = output.find(sequence)
        assert at < 0, f"{sequence!r} reached the terminal: {output[max(0, at - 300):at + 60]!r}"
