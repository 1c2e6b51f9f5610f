"""Ranked search hits: title, source and date, and a snippet with the matches marked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class HitRow(NamedTuple):
    """What the list shows of one hit (plain data; the snippet spans are offsets into it)."""

    id: str
    title: str
    meta: str
    snippet: str
    spans: Sequence[tuple[int, int]]


def hit_prompt(row: HitRow) -> Content:
    """Three lines of plain text (never markup): title, meta, snippet with matches styled."""
    snippet = Content(row.snippet)
    for start, end in row.spans:
        snippet = snippet.stylize("bold $text-warning underline", start=start, end=end)
    parts = [Content(row.title).stylize("bold", start=0, end=len(row.title))]
    if row.meta:
        parts += ["\n", Content.styled(row.meta, "$text-muted")]
    if row.snippet:
        parts += ["\n", snippet]
    return Content.assemble(*parts)


class SearchHits(OptionList):
    """The hits of the latest search; Enter or a click opens one."""

    DEFAULT_CSS = """
    SearchHits {
        height: 1fr;
        border: none;
        background: $panel;
        & > .option-list--option { padding: 0 1 1 1; }
    }
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="hits.down"),
        Binding("k", "cursor_up", "Up", show=False, id="hits.up"),
        Binding("enter", "select", "Open", id="hits.open"),
    ]

    class Chosen(Message):
        """The person chose a hit."""

        def __init__(self, hit_id: str) -> None:
            super().__init__()
            self.hit_id = hit_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[HitRow] = []

    def set_hits(self, rows: Sequence[HitRow], *, keep_chosen: bool = False) -> None:
        """Replace the listed hits, highlighting the first (``keep_chosen``: the hit that was
        highlighted, when the new hits still hold it: the same query asked again)."""
        chosen = self.highlighted_option.id if keep_chosen and self.highlighted_option is not None else None
        self.rows = list(rows)
        self.set_options(Option(hit_prompt(row), id=row.id) for row in self.rows)
        if self.rows:
            ids = [row.id for row in self.rows]
            self.highlighted = ids.index(chosen) if chosen in ids else 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self.rows[event.option_index].id))
