"""No text from outside can act on the terminal, wherever it reaches the screen.

tests/test_terminal_safety.py checks a hostile story's body and title. Here the other ways
in: file names (in the list, the details, and the notifications about bad files), notes
(the notes panel, and notifications about bad notes files), theme files, and the CLI's
output (`reader list`, `notes`, `entities`, `themes`), each carrying OSC 52 clipboard
writes, OSC 8 links, window-title sets, cursor moves, screen clears and bells, plus
Textual and Rich markup. The bytes written to a real pseudo-terminal (or a pipe) must
contain none of them.
"""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.reliability_support import python_env, reader_argv
from tests.reliability_tally import tally

pytestmark = pytest.mark.e2e

# Each hostile sequence carries a marker, so the check finds exactly what came from the data.
OSC52 = "\x1b]52;c;{}\x07"
ESCAPES = {
    "osc52": lambda tag: OSC52.format(tag),
    "osc8": lambda tag: f"\x1b]8;;https://evil.example/{tag}\x1b\\link\x1b]8;;\x1b\\",
    "title": lambda tag: f"\x1b]0;owned-{tag}\x07",
    "cursor": lambda tag: "\x1b[7;77H\x1b[2J",
    "c1": lambda tag: "\x9b7;77H",
}
MARKUP = "[@click=app.quit]click[/] [link=https://evil.example/]rich[/link] [reverse]"


def hostile(tag: str) -> str:
    return " ".join(make(tag) for make in ESCAPES.values()) + " " + MARKUP


def forbidden_in(output: bytes) -> list[str]:
    """The hostile sequences found in ``output`` (empty when it is clean)."""
    output = re.sub(rb"\x1b\]22;[a-z-]*\x07", b"", output)  # Textual's own pointer shape (OSC 22)
    found = []
    for name, needle in [("OSC 52", b"\x1b]52"), ("OSC 8 link", b"\x1b]8;;https://evil"), ("title", b"\x1b]0;owned"),
                         ("BEL", b"\x07"), ("cursor move", b"\x1b[7;77H"), ("C1 CSI", "\x9b7;77H".encode()),
                         ("raw C1", b"\xc2\x9b")]:
        at = output.find(needle)
        if at >= 0:
            found.append(f"{name} at {at}: {output[max(0, at - 120):at + 40]!r}")
    return found


def yaml_quoted(text: str) -> str:
    """``text`` for a double-quoted YAML scalar, escapes written as YAML escapes (\\e, \\a)."""
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return text.replace("\x1b", "\\e").replace("\x07", "\\a").replace("\x9b", "\\x9b")


def hostile_home(root: Path) -> tuple[Path, Path]:
    """A library and a READER_HOME full of hostile names and text."""
    library = root / "library"
    home = root / "home"
    library.mkdir()
    (home / "config" / "notes").mkdir(parents=True)
    (home / "config" / "themes").mkdir(parents=True)
    (library / "a-story.txt").write_text(
        f"Quimby speaks {hostile('dGl0bGU=')}\n\n"
        f"Japan said on Monday that Zorblax Quimby, a spokesperson, met officials in Tokyo. {hostile('Ym9keQ==')}\n\n"
        "Japan and China spoke again.\n", encoding="utf-8")
    # a file name that loads, and one that is a bad file (a notification names it)
    (library / f"z-named {ESCAPES['osc52']('bmFtZQ==')}{ESCAPES['title']('name')}.txt").write_text(
        "A story with an odd file name\n\nIt loads; its name is shown in the details.\n", encoding="utf-8")
    (library / f"bad {ESCAPES['osc52']('YmFk')}{ESCAPES['cursor']('x')}.txt").write_bytes(b"\x00\x01binary")
    # a note with hostile text (YAML's \e and \a escapes), and a broken notes file with a hostile name
    note = yaml_quoted(hostile("bm90ZQ=="))
    (home / "config" / "notes" / "my-notes.yaml").write_text(
        f'- id: japan\n  summary: "Japan {note}"\n  background: "Back {note}"\n'
        f'- id: zorblax\n  name: "Zorblax Quimby"\n  type: PERSON\n  summary: "Z {note}"\n', encoding="utf-8")
    (home / "config" / "notes" / f"broken {ESCAPES['osc52']('bm90ZXM=')}.yaml").write_text("- id: [unclosed\n")
    (home / "config" / "themes" / f"evil {ESCAPES['title']('theme')}.yaml").write_text("name: [broken\n")
    (home / "config" / "themes" / "named.yaml").write_text(
        f'name: "{yaml_quoted("x" + ESCAPES["osc52"]("dGhlbWU="))}"\nprimary: "#ff0000"\n', encoding="utf-8")
    return library, home


def drive(argv: list[str], env: dict[str, str], steps: list[tuple[bytes | None, bytes]], seconds: float,
          pause: float = 0.25) -> bytes:
    """Run argv in a 140x40 pty. For each step, wait until its marker has appeared in the
    output (since the previous key), pause a moment, send its key. Return every byte the
    program wrote to the terminal."""
    import fcntl
    import struct
    import termios

    pid, fd = pty.fork()
    if pid == 0:  # child
        os.execve(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 140, 0, 0))
    output = bytearray()
    start = time.monotonic()
    pending = list(steps)
    since = 0  # where to look for the next marker
    seen_at = None
    exited = False
    while time.monotonic() - start < seconds:
        if pending:
            marker, key = pending[0]
            if seen_at is None and (marker is None or marker in output[since:]):
                seen_at = time.monotonic()
            if seen_at is not None and time.monotonic() - seen_at > pause:
                os.write(fd, key)
                pending.pop(0)
                since, seen_at = len(output), None
        readable, _, _ = select.select([fd], [], [], 0.05)
        if readable:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        if os.waitpid(pid, os.WNOHANG)[0]:
            exited = True
            break
    if not exited:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    assert not pending, f"the app never showed {pending[0][0]!r}; last output: {bytes(output[-1500:])!r}"
    return bytes(output)


def test_hostile_names_notes_and_themes_in_the_app_write_no_escape(tmp_path):
    library, home = hostile_home(tmp_path)
    env = python_env(home, TERM="xterm-256color")
    import sys

    tab, down, enter = b"\t", b"\x1b[B", b"\r"
    # the entity list: People (Zorblax Quimby), Places (Japan, ...), Other (the base64 junk)
    steps = [(b"People (", tab), (None, tab), (None, enter),  # the entity list comes in on its first entity
             (b"Z \xe2\x90\x9b", down), (None, enter),  # then Japan
             (b"Japan \xe2\x90\x9b", b"q")]
    output = drive([sys.executable, "-m", "reader", str(library)], env, steps, seconds=60, pause=0.5)
    tally.tried("terminal: app (names, notes, themes, notifications)", 8)
    assert b"Quimby speaks" in output, output[-3000:]
    assert "␛]52;c;dGl0bGU=␇".encode() in output  # the story's title, shown as visible characters
    assert "Z ␛]52;c;bm90ZQ==␇".encode() in output  # a note, in the notes panel
    assert "Japan ␛]52;c;bm90ZQ==␇".encode() in output  # another, after moving down the list
    problems = forbidden_in(output)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("command", [["list"], ["notes", "japan"], ["notes", "--list"], ["entities"], ["themes"],
                                     ["config"], ["index"], ["search", "quimby"], ["search", "--json", "quimby"]])
def test_cli_output_carries_no_escape_from_names_or_notes(tmp_path, command):
    library, home = hostile_home(tmp_path)
    env = python_env(home)
    args = command + ([str(library / "a-story.txt")] if command == ["entities"] else
                      [str(library)] if command[0] in ("list", "index", "search") else [])
    result = subprocess.run(reader_argv(*args), env=env, capture_output=True, timeout=120)
    tally.tried("terminal: CLI output", 1)
    if result.returncode not in (0, 1):  # 1: a command that found problems; anything else is a crash
        pytest.fail(f"reader {' '.join(command)} exited {result.returncode}: {result.stderr[-1500:]!r}")
    assert b"Traceback" not in result.stderr, result.stderr[-2000:]
    problems = forbidden_in(result.stdout + result.stderr)
    assert not problems, f"reader {' '.join(command)}:\n" + "\n".join(problems)


def hostile_feed() -> str:
    """An RSS feed whose channel, entry titles, authors and bodies carry escapes (as character
    references, the way they survive XML) and markup."""
    from xml.sax.saxutils import escape

    def refs(text: str) -> str:  # control characters as HTML character references inside escaped HTML
        return "".join(f"&#{ord(c)};" if ord(c) < 32 or 0x7f <= ord(c) < 0xa0 else escape(c) for c in text)

    items = "".join(
        f"<item><title>{escape(refs(f'Entry {n} ' + hostile(f'ZW50cnk{n}')))}</title>"
        f"<link>https://news.example/{n}</link><author>{escape(refs('x@example.com (' + hostile('YXV0aG9y') + ')'))}</author>"
        f"<description>{escape('<p>' + refs(f'Body {n} ' + hostile('ZmVlZA==')) + '</p>')}</description></item>"
        for n in range(3))
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>{escape(refs('Channel ' + hostile('Y2hhbm5lbA==')))}</title>{items}</channel></rss>")


def test_hostile_feed_entries_imported_and_shown_write_no_escape(tmp_path):
    import sys

    home = tmp_path / "home"
    feed = tmp_path / "hostile.xml"
    feed.write_text(hostile_feed(), encoding="utf-8")
    env = python_env(home, TERM="xterm-256color")
    added = subprocess.run(reader_argv("add", str(feed)), env=env, capture_output=True, timeout=120)
    assert added.returncode == 0, added.stderr[-1500:]
    problems = forbidden_in(added.stdout + added.stderr)
    assert not problems, "reader add:\n" + "\n".join(problems)
    listed = subprocess.run(reader_argv("list"), env=env, capture_output=True, timeout=120)
    assert b"Entry 1" in listed.stdout, listed.stdout[-1500:]
    problems = forbidden_in(listed.stdout + listed.stderr)
    assert not problems, "reader list:\n" + "\n".join(problems)
    # the app on the person's library: the list of entries, the first one open; then the next
    output = drive([sys.executable, "-m", "reader"], env, [(b"Entry ", b"j"), (None, b"\r"), (b"Body", b"q")],
                   seconds=60)
    tally.tried("terminal: feed entries (reader add, list, app)", 3 * 3 + 1)
    assert b"Body" in output and b"]52;c;ZmVlZA==" in output, output[-2000:]  # shown (controls dropped or made visible)
    problems = forbidden_in(output)
    assert not problems, "\n".join(problems)


def test_hostile_stories_in_search_hits_and_find_write_no_escape(tmp_path):
    import sys

    library, home = hostile_home(tmp_path)
    env = python_env(home, TERM="xterm-256color")
    steps = [(b"People (", b"s"),                   # the library search pane
             (b"Search the library", b"quimby"),     # hits with snippets of the hostile story
             (b"1 story", b"\r"),                    # open the hit, its matches highlighted
             (None, b"/"), (None, b"spokesperson"),  # find in the article
             (b"1 of 1", b"\x1b"), (None, b"q")]
    output = drive([sys.executable, "-m", "reader", str(library)], env, steps, seconds=90)
    tally.tried("terminal: search hits and find", 2)
    problems = forbidden_in(output)
    assert not problems, "\n".join(problems)


async def test_plain_text_notifications_show_escapes_as_visible_characters(tmp_path, monkeypatch):
    """Worker errors and file names reach notifications through many paths (a file gone since
    it was listed, an OSError quoting a path): every plain-text notification that reaches
    Textual is made safe, whichever widget sent it."""
    from textual.app import App

    from reader.app import ReaderApp

    shown: list[tuple[str, str]] = []
    original = App.notify

    def capture(self, message, *, title="", severity="information", timeout=None, markup=True):
        shown.append((message, title))
        return original(self, message, title=title, severity=severity, timeout=timeout, markup=markup)

    monkeypatch.setattr(App, "notify", capture)
    (tmp_path / "story.txt").write_text("A story\n\nWith a body.\n", encoding="utf-8")
    app = ReaderApp(sources=[tmp_path])
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.screen.notify(f"/lib/bad {ESCAPES['osc52']('bm90aWZ5')}.txt: could not be read", markup=False,
                          title=f"T{ESCAPES['title']('t')}")
        await pilot.pause()
    tally.tried("terminal: notifications", 1)
    mine = [(m, t) for m, t in shown if "bm90aWZ5" in m]
    assert mine, shown
    for message, title in mine:
        assert "\x1b" not in message + title and "\x07" not in message + title, (message, title)
        assert "␛]52;c;bm90aWZ5␇" in message
