"""How wide each pane of the main screen is, and which sit beside the article.

Plain arithmetic (no widgets), so it is easy to test. The article keeps a readable
width first: a side pane sits beside it only when the article still gets
``ARTICLE_MIN`` columns; otherwise the pane becomes an overlay over the article,
hidden until its key (``a`` for the list, ``e`` for the sidebar) shows it. The list
gets room before the sidebar. On a wide terminal both grow with it (a quarter and a
fifth of the width, within limits) and the article's text stays at its measure
(``article_width``), centred in what is left. When only the list fits beside the
article, the list takes the room the sidebar would have had, and the sidebar, when
shown, takes the list's place beside the article (``sidebar_swaps``) rather than
covering the text.
"""

from __future__ import annotations

from typing import NamedTuple

ARTICLE_MIN = 72
"""Columns the article pane keeps before a side pane gives way and becomes an overlay."""
LIST_MIN, LIST_MAX = 32, 56
SIDEBAR_MIN, SIDEBAR_MAX = 30, 48
OVERLAY_LIST, OVERLAY_SIDEBAR = 44, 38
"""Widths of the panes when they are overlays (never wider than the screen allows)."""
OVERLAY_GAP = 8
"""Columns of the article left visible beside an overlay."""
LIST_WIDE_MAX, SIDEBAR_WIDE_MAX = 64, 52
"""How far the panes grow into columns the article's text would leave blank."""
ARTICLE_CHROME = 8
"""Columns the article pane takes beyond its text: its border, margins and scrollbar."""


class PaneLayout(NamedTuple):
    """The widths of the list and the sidebar, and whether each sits beside the article."""

    list_width: int
    sidebar_width: int
    list_docked: bool
    sidebar_docked: bool
    sidebar_swaps: bool = False
    """The sidebar fits beside the article in the list's place (not beside both)."""


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def plan_layout(width: int, list_width: int | None = None, text_width: int | None = None) -> PaneLayout:
    """The layout for a screen ``width`` columns wide (``list_width``: config.yaml's, if set;
    ``text_width``: the article's measure, when it has one: columns the text would leave blank
    go to the titles, then to the sidebar)."""
    listed = list_width or _clamp(width // 4, LIST_MIN, LIST_MAX)
    side = _clamp(width // 5, SIDEBAR_MIN, SIDEBAR_MAX)
    list_docked = width - listed >= ARTICLE_MIN
    sidebar_docked = list_docked and width - listed - side >= ARTICLE_MIN
    if text_width and sidebar_docked and not list_width:
        spare = width - listed - side - max(ARTICLE_MIN, text_width + ARTICLE_CHROME)
        grown = min(max(0, spare), LIST_WIDE_MAX - listed)
        listed += grown
        side += min(max(0, spare - grown), max(0, SIDEBAR_WIDE_MAX - side))
    room = max(10, width - OVERLAY_GAP)
    if list_docked and not sidebar_docked and not list_width:
        listed = max(listed, min(OVERLAY_LIST, width - ARTICLE_MIN))  # the sidebar's room goes to the titles
    if not list_docked:
        listed = min(room, max(listed, OVERLAY_LIST))
    if not sidebar_docked:
        side = min(room, max(side, OVERLAY_SIDEBAR))
    swaps = list_docked and not sidebar_docked and width - side >= ARTICLE_MIN
    return PaneLayout(listed, side, list_docked, sidebar_docked, swaps)
