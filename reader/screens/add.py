"""A small dialog that asks for files, folders or URLs to add to the library."""

from __future__ import annotations

import shlex

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from reader.widgets.ordered_input import OrderedInput


class AddScreen(ModalScreen[list[str] | None]):
    """Returns the inputs typed (split like a shell line), or None when cancelled."""

    DEFAULT_CSS = """
    AddScreen { align: center middle; }
    AddScreen > Vertical {
        width: 80; max-width: 90%; height: auto;
        border: round $primary; background: $surface; padding: 1 2;
    }
    AddScreen Label { color: $text-muted; width: 1fr; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="add.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Add files, folders, web pages or feeds (paths or http(s) URLs, separated by spaces):")
            yield OrderedInput(placeholder="~/Downloads/story.html https://example.org/feed.xml", id="add-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            items = shlex.split(event.value)
        except ValueError:
            items = event.value.split()
        self.dismiss(items or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
