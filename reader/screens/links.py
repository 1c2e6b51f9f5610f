"""A story's links: open one in the browser, copy one, or list them all, numbered.

Opening uses Python's ``webbrowser`` (so ``$BROWSER`` is honoured) in a worker, since a
browser can take a while to start. Where no graphical display is known and ``$BROWSER``
names a program, it may be a terminal browser (lynx, w3m): the app then steps aside
(``App.suspend``) while it runs. Copying uses Textual's ``copy_to_clipboard`` (OSC 52,
which many terminals accept and some refuse silently), and says the link in the
notification as well, so it can be copied by hand where OSC 52 does not reach.
"""

from __future__ import annotations

import os
import sys
import time

from textual import events, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker

from reader.text import make_safe
from reader.widgets.failures import worker_failed

__all__ = ["LinkOpener", "LinksScreen"]


def _terminal_browser() -> bool:
    """True when the browser may run in this terminal: $BROWSER set and no display known."""
    if not os.environ.get("BROWSER") or sys.platform in ("darwin", "win32"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


NUMBER_SECONDS = 1.0
"""How soon a second digit must follow the first to make one number (as in "12")."""
SHOWN_URL = 88
"""Characters of a link shown in the list (a longer one is cut in the middle; Enter and y
use the whole link)."""


DIALOG_WIDTH = 100
DIALOG_MAX_PERCENT = 95
"""The links dialog's width in cells, and at most this share of the screen's."""
DIALOG_CHROME = 6
"""Cells of the links dialog that are not a link's: its border, padding and the list's scrollbar."""


def _fit(url: str, width: int = SHOWN_URL) -> str:
    width = max(width, 20)
    if len(url) <= width:
        return url
    keep = width - 1
    return url[: keep * 2 // 3] + "…" + url[-(keep - keep * 2 // 3):]


class LinkOpener(Widget):
    """Opens and copies links for the screen it is on (shows nothing itself)."""

    DEFAULT_CSS = "LinkOpener { display: none; }"

    class Opened(Message):
        """The browser was asked to open ``url`` (``ok``: it said it did)."""

        def __init__(self, url: str, ok: bool) -> None:
            super().__init__()
            self.url, self.ok = url, ok

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker_failed(self, event)

    def open(self, url: str) -> None:
        """Open ``url`` in the person's browser."""
        if _terminal_browser():
            import webbrowser

            try:
                with self.app.suspend():
                    ok = webbrowser.open(url)
            except SuspendNotSupported:
                pass
            else:
                self.post_message(self.Opened(url, ok))
                return
        self._open(url)

    @work(thread=True, group="browser", exit_on_error=False, description="Could not open the browser")
    def _open(self, url: str) -> None:
        import webbrowser

        self.post_message(self.Opened(url, webbrowser.open(url)))

    def on_link_opener_opened(self, message: Opened) -> None:
        if not message.ok:
            self.notify(f"No browser could be started for {message.url} (set $BROWSER to choose one).",
                        severity="warning", markup=False, timeout=8)
        else:
            self.notify(f"Opened {message.url}", markup=False, timeout=3)

    def copy(self, url: str) -> None:
        """Put ``url`` on the clipboard (OSC 52), and show it, for terminals that refuse."""
        self.app.copy_to_clipboard(url)
        self.notify(f"Copied {url}\n(If your terminal does not take OSC 52 copies, select the link here.)",
                    markup=False, timeout=8)


class LinksScreen(ModalScreen[tuple[str, str] | None]):
    """The story's links, numbered: Enter opens one, y copies it. Returns (what, url)."""

    DEFAULT_CSS = f"""
    LinksScreen {{ align: center middle; }}
    LinksScreen > Vertical {{
        width: {DIALOG_WIDTH}; max-width: {DIALOG_MAX_PERCENT}%; height: auto; max-height: 80%;
        border: round $primary; background: $surface; padding: 0 1;
    }}
    LinksScreen Label {{ color: $text-muted; width: 1fr; }}
    LinksScreen OptionList, LinksScreen OptionList:focus {{ height: auto; max-height: 30; border: none; }}
    """

    BINDINGS = [
        Binding("escape,L", "cancel", "Close", id="links.close"),
        Binding("y", "copy", "Copy link", id="links.copy"),
        Binding("o", "open", "Open", id="links.open", show=False),
    ]

    def __init__(self, title: str, links: list[str]) -> None:
        super().__init__()
        self.story_title = title
        self.links = links
        self._typed = ""  # the digits of a link's number typed so far ("1", then "12")
        self._typed_at = 0.0

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(f"Links of “{make_safe(self.story_title)}” · a number picks · Enter opens · y copies"))
            width = len(str(len(self.links)))
            shown = min(SHOWN_URL, self._dialog_width() - DIALOG_CHROME - (width + 2))
            yield OptionList(*[Option(Content(f"{n:>{width}}. {_fit(make_safe(url), shown)}"), id=str(n - 1))
                               for n, url in enumerate(self.links, start=1)], id="links-list")

    def _dialog_width(self) -> int:
        """The dialog's width on this screen, as its CSS makes it."""
        screen = self.app.size.width
        return min(DIALOG_WIDTH, screen * DIALOG_MAX_PERCENT // 100) if screen else DIALOG_WIDTH

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        """A digit picks the link of that number (two typed within a second: "1", "2" picks 12)."""
        if not (event.character or "").isdigit():
            return
        event.stop()
        now = time.monotonic()
        typed = (self._typed if now - self._typed_at < NUMBER_SECONDS else "") + event.character
        if not 1 <= int(typed) <= len(self.links):
            typed = event.character  # a new number, not a longer one
        self._typed, self._typed_at = typed, now
        if 1 <= int(typed) <= len(self.links):
            self.query_one(OptionList).highlighted = int(typed) - 1

    def _chosen(self) -> str | None:
        index = self.query_one(OptionList).highlighted
        return self.links[index] if index is not None and 0 <= index < len(self.links) else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(("open", self.links[int(event.option.id or 0)]))

    def action_open(self) -> None:
        if (url := self._chosen()) is not None:
            self.dismiss(("open", url))

    def action_copy(self) -> None:
        if (url := self._chosen()) is not None:
            self.dismiss(("copy", url))

    def action_cancel(self) -> None:
        self.dismiss(None)
