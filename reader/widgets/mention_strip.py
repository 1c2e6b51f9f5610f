"""An X-Ray strip: where in the story an entity's mentions fall, one row wide."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

__all__ = ["MentionStrip", "strip_cells"]


def strip_cells(mentions: list[tuple[int, int]], length: int, width: int) -> list[list[int]]:
    """For each of ``width`` cells, the indexes of the mentions that fall in it."""
    cells: list[list[int]] = [[] for _ in range(max(1, width))]
    span = max(1, length)
    for n, (start, _) in enumerate(mentions):
        cells[min(len(cells) - 1, start * len(cells) // span)].append(n)
    return cells


class MentionStrip(Widget):
    """The story as one line, start to end, with a mark where each mention falls; the
    current mention is marked brighter. Clicking a mark posts ``MentionStrip.Chosen``."""

    DEFAULT_CSS = """
    MentionStrip { height: 1; width: 1fr; }
    """

    current = reactive(0)

    class Chosen(Message):
        """A mention was clicked (its index in the entity's mentions)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.mentions: list[tuple[int, int]] = []
        self.length = 1

    def show(self, mentions: list[tuple[int, int]], length: int, current: int = 0) -> None:
        """Mark these mentions of a story of ``length`` characters."""
        self.mentions, self.length = list(mentions), max(1, length)
        self.current = current
        self.refresh()

    def render(self) -> Content:
        cells = strip_cells(self.mentions, self.length, self.size.width)
        parts = []
        for indexes in cells:
            if not indexes:
                parts.append(("─", "$text-muted"))
            elif self.current in indexes:
                parts.append(("█", "bold $accent"))
            else:
                parts.append(("▌" if len(indexes) == 1 else "█", "$primary"))
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        cells = strip_cells(self.mentions, self.length, self.size.width)
        if not self.mentions:
            return
        x = max(0, min(len(cells) - 1, event.x))
        nearest = min((abs(x - i), i) for i, found in enumerate(cells) if found)[1]
        self.post_message(self.Chosen(cells[nearest][0]))
