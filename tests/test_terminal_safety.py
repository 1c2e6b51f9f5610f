"""No story can act on the terminal: the bytes reader writes carry none of its escapes."""

from __future__ import annotations

import os
import re

import pytest

from tests.test_e2e import reader_command
from tests.test_reliability_terminal import drive, forbidden_in

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


def test_hostile_titles_and_sources_everywhere_they_are_drawn_write_no_escape(tmp_path, reader_home):
    """The list and its title, the article, the sidebar, the command palette (hits and their
    help lines), a source filter and the help screen: a title and a source carrying escapes
    and markup are drawn there as text."""
    hostile = "\x1b]52;c;dGl0bGU=\x07 \x1b]0;owned\x07 [@click=app.quit]click[/] [bold red]red[/]"
    story = tmp_path / "hostile.txt"
    story.write_text(f"---\nsource: \"Wire \\e]8;;https://evil.example/\\e\\\\x\\e]8;;\\e\\\\ [reverse]\"\n---\n"
                     f"Quimby story {hostile}\n\nQuimby spoke in Tokyo.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(READER_HOME=str(reader_home), TERM="xterm-256color")
    ctrl_p, escape = b"\x10", b"\x1b"
    steps = [(b"Quimby spoke", ctrl_p), (None, b"Quimby"),        # the palette: a hit and its help line
             (b"Open article", escape),
             # (the main screen's footer drawn again: the palette is closed, so Ctrl+P is not read
             # with the Escape as one Alt key by a busy app)
             (b"Entities", ctrl_p), (None, b"articles from"),    # filter the list to the hostile source
             (b"Show articles from", b"\r"),
             (b"Articles by date \xc2\xb7 from", b"?"),          # the list's title names it; then help
             (b"Keys", escape), (b"Entities", b"q")]
    output = drive([str(reader_command()), str(story)], env, steps, seconds=60, pause=0.5)
    assert b"[@click=app.quit]click[/]" in output  # markup shown as text
    assert "␛]52;c;dGl0bGU=␇".encode() in output
    problems = forbidden_in(output)
    assert not problems, "\n".join(problems)
