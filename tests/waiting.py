"""Waiting in Pilot tests for something a worker or a child process brings."""

from __future__ import annotations


async def until(pilot, condition, what: str, tries: int = 250) -> None:  # noqa: ANN001
    """Pause 20 ms at a time until ``condition()`` holds; fail naming ``what`` after ``tries``."""
    for _ in range(tries):
        await pilot.pause(0.02)
        if condition():
            return
    raise AssertionError(f"timed out waiting for {what}")
