"""Start-up without garbage collections.

Until the first story is on screen the app imports, builds and lays out much and frees
little, so Python's collector only walks new objects again and again (about 20 ms of a
cold start). The command turns it off before it imports the app; the app turns it back on
once the first story is shown, after moving what was built so far out of its reach.
"""

from __future__ import annotations

import gc

RESUME_AFTER_SECONDS = 3.0
"""Collections resume by this time at the latest (a library that never shows a story)."""


def pause_collections() -> None:
    """No automatic collections until ``resume_collections``."""
    gc.disable()


def resume_collections() -> None:
    """Collections again (once); what start-up built stays out of their reach (``gc.freeze``):
    it lives as long as the app."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
