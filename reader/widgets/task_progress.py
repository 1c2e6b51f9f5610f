"""A one-line progress bar for long work (imports, feed refreshes, library scans)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar


class TaskProgress(Horizontal):
    """A label and a bar; hidden until ``start`` and again after ``finish``."""

    DEFAULT_CSS = """
    TaskProgress {
        height: 1;
        dock: bottom;
        display: none;
        background: $panel;
        padding: 0 1;
        &.-running { display: block; }
        & > Label { width: 1fr; color: $text-muted; }
        & > ProgressBar { width: auto; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Label(id="task-label")
        yield ProgressBar(total=None, show_eta=False, id="task-bar")

    def start(self, what: str) -> None:
        self.add_class("-running")
        self.query_one(Label).update(Content(what))
        self.query_one(ProgressBar).update(total=None, progress=0)

    def advance_to(self, done: int, total: int, label: str) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        if label:
            self.query_one(Label).update(Content(label))

    def finish(self) -> None:
        self.remove_class("-running")
