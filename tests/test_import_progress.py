"""The terminal progress bar of ``reader add``: drawn on a terminal, silent otherwise."""

from __future__ import annotations

import io

from reader.commands.progress import TerminalProgress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_draws_a_bar_on_a_terminal_and_clears_it() -> None:
    stream = FakeTerminal()
    progress = TerminalProgress(stream)
    progress(0, 4, "first.txt")
    progress(4, 4, "")
    progress.close()
    text = stream.getvalue()
    assert "[........................] 0/4 first.txt" in text
    assert "[########################] 4/4" in text
    assert text.endswith("\r")


def test_silent_when_not_a_terminal_and_for_one_input() -> None:
    stream = io.StringIO()
    progress = TerminalProgress(stream)
    progress(0, 10, "x")
    progress.close()
    assert stream.getvalue() == ""
    tty = FakeTerminal()
    single = TerminalProgress(tty)
    single(0, 1, "x")
    assert tty.getvalue() == ""


def test_control_characters_in_names_are_not_sent_to_the_terminal() -> None:
    stream = FakeTerminal()
    TerminalProgress(stream)(0, 2, "evil\x1b[2Jname")
    assert "\x1b" not in stream.getvalue()
