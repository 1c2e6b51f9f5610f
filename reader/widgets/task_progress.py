"""A one-line progress bar for long work (imports, feed refreshes, library scans)."""

from __future__ import annotations

from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar


class TaskProgress(Horizontal):
    """A label and a bar; hidden until ``start`` and again after ``finish``.

    The label and bar are mounted on the first ``start``, so an app that never imports
    anything does not pay for them at start-up.
    """

    DEFAULT_CSS = """
    TaskProgress {
        height: 1;
        display: none;
        background: $panel;
        padding: 0 1;
        &.-running { display: block; }
        & > Label { width: 1fr; color: $text-muted; }
        & > ProgressBar { width: auto; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._label: Label | None = None
        self._bar: ProgressBar | None = None

    @property
    def running(self) -> bool:
        return self.has_class("-running")

    def start(self, what: str) -> None:
        if self._label is None or self._bar is None:
            self._label = Label(Content(what), id="task-label")
            self._bar = ProgressBar(total=None, show_eta=False, id="task-bar")
            self.mount(self._label, self._bar)
        else:
            self._label.update(Content(what))
            self._bar.update(total=None, progress=0)
        self.add_class("-running")

    def advance_to(self, done: int, total: int, label: str) -> None:
        if self._label is None or self._bar is None:
            self.start(label)
        assert self._label is not None and self._bar is not None
        if total > 0:
            self._bar.update(total=total, progress=done)
        if label:
            self._label.update(Content(label))

    def finish(self) -> None:
        self.remove_class("-running")
