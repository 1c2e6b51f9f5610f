"""Shared pieces of the reliability suite: hostile inputs, a time bound, process helpers."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]

# Property tests: modest example counts (the whole suite must stay fast on 2 cores), no
# per-example deadline (a shared machine stalls at random); hangs are caught by `bounded`.
# READER_RELIABILITY_EXAMPLES=2000 runs a deeper search for bugs (the table counts what ran).
EXAMPLES = int(os.environ.get("READER_RELIABILITY_EXAMPLES", "120"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, derandomize=False,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large])
SMALL = settings(PROPERTY, max_examples=max(1, EXAMPLES // 3))
TINY = settings(PROPERTY, max_examples=max(1, EXAMPLES // 15))  # one child process per example

# What a hostile story carries: terminal escapes, Textual/Rich markup, YAML and HTML syntax.
ESCAPES = [
    "\x1b]52;c;cHduZWQ=\x07",  # OSC 52: write the clipboard
    "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1b[2J\x1b[H", "\x1b[31m", "\x1b[?1049l", "\x1b[6n",  # clear, home, colour, alt screen off, report
    "\x07", "\x1b]0;owned\x07", "\x9b31m", "\x1bP+q\x1b\\", "\r", "\x08", "\x00", "\x7f", "\u202e",
]
MARKUP = [
    "[@click=app.quit]x[/]", "[link=https://evil.example/]l[/link]", "[bold red]", "[/]", "[",
    "]", "$x", "$", "{", "}", "\\[b]", "[on red]", "[b]unclosed",
]
SYNTAX = ["---", "...", "\n---\n", "# ", "<p>", "</p>", "<div>", "&amp;", "&#0;", "&#x1b;", "<![CDATA[",
          "]]>", "\"", "'", "*", "~", "(", ")", ":", "AND", "OR", "NOT", "-", "+", "^", "\\", "\n\n", "\t",
          "\ufeff", "\u00a0", "\u200b", "\U0001f600", "\u0301", "ﬁ", "İ", "ß", "\u2028"]

printable = st.characters(codec="utf-8", exclude_categories=("Cs",))
hostile_piece = st.sampled_from(ESCAPES + MARKUP + SYNTAX) | st.text(printable, min_size=1, max_size=12)
hostile_text = st.lists(hostile_piece, max_size=60).map("".join)
"""Text made of escapes, markup, syntax of every format and arbitrary characters."""

words = st.sampled_from(["China", "Japan", "Taiwan", "the", "Treaty", "of", "Shimonoseki", "Senkaku",
                         "Islands", "Hua", "Chunying", "said", "on", "Monday", "LDP", "(", ")", ".", ",",
                         "Liberal", "Democratic", "Party", "Mr", "Ms", "spokesperson", "1895", "Beijing"])
newsy_text = st.lists(words | hostile_piece, max_size=120).map(" ".join)
"""Text that looks like news (names, capitals, punctuation) mixed with hostile pieces."""


@st.composite
def hostile_bytes(draw) -> bytes:
    """Bytes a file might hold: valid UTF-8, invalid UTF-8, NULs, BOMs, other encodings."""
    text = draw(hostile_text | newsy_text)
    kind = draw(st.sampled_from(["utf8", "utf8", "broken", "nul", "bom", "utf16", "latin1", "raw"]))
    if kind == "utf8":
        return text.encode("utf-8")
    if kind == "broken":
        data = bytearray(text.encode("utf-8"))
        for _ in range(draw(st.integers(1, 5))):
            at = draw(st.integers(0, len(data)))
            data[at:at] = draw(st.sampled_from([b"\xff", b"\xc3", b"\xe2\x82", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\x80"]))
        return bytes(data)
    if kind == "nul":
        at = draw(st.integers(0, len(text)))
        return (text[:at] + "\x00" + text[at:]).encode("utf-8")
    if kind == "bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if kind == "utf16":
        return text.encode("utf-16")
    if kind == "latin1":
        return text.encode("latin-1", "replace")
    return draw(st.binary(max_size=3000))


CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


class TimeBoundExceeded(AssertionError):
    """The code under test ran past its time bound (a hang, or a blow-up)."""


@contextmanager
def bounded(seconds: float, what: str = "the call"):
    """Fail (raise) if the block runs longer than ``seconds``: a guard against hangs, not a
    performance assertion (bounds are many times the normal cost)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def alarm(signum, frame):
        raise TimeBoundExceeded(f"{what} took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def python_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment for a child Python or ``reader`` process: this checkout first on the
    path, READER_HOME set, no terminal size from pytest."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["READER_HOME"] = str(home)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


def reader_argv(*args: str) -> list[str]:
    """``python -m reader ARGS`` with the test's interpreter (works without an installed script)."""
    return [sys.executable, "-m", "reader", *args]


def run_limited(code: str, env: dict[str, str], *, memory_mb: int = 1024, seconds: float = 60) -> subprocess.CompletedProcess:
    """Run Python ``code`` in a child with an address-space limit, so a blow-up fails the test
    instead of exhausting the shared machine."""
    limit = memory_mb * 1024 * 1024

    def limit_memory() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          timeout=seconds, preexec_fn=limit_memory)
