"""What the recogniser tests share besides the ``recognizer`` fixture (conftest): its spans."""

from __future__ import annotations


def spans(recognizer, text: str) -> list[tuple[str, str, str]]:
    """``(surface, type, key)`` of every span of ``text``, in order."""
    return [(text[s.start:s.end], s.type, s.key) for s in recognizer.recognise(text)]
