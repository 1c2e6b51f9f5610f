"""The find bar under the article: a pattern, three toggles and "3 of 12".

It only collects what the person types and shows the count it is given; the screen
finds the matches (``reader.search.find``) and highlights them in the article view.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Checkbox, Input, Label

from reader.widgets.ordered_input import OrderedInput


class FindToggle(Checkbox):
    """A toggle of the find bar, marked "X" only when on (Textual's checkbox shows its X
    either way, dimmed when off, which reads as on in many themes)."""

    HELP_SKIP = True  # (its Enter and space toggle it, as any checkbox; the find bar's Alt keys are listed)

    def render(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super().render()


class FindBar(Horizontal):
    """Find in the open article. Enter or Down / Shift+Enter or Up step through matches
    (Shift+Enter does not reach the app in every terminal), Esc closes, Tab goes back to
    the article with the bar open.

    The Alt toggles are priority bindings: a terminal sends Alt+W as ESC w, which arrives
    as the key ``alt+w`` carrying the character "w", and the Input would type it.
    The checkboxes take clicks but not focus, so Tab never lands on one.
    """

    DEFAULT_CSS = """
    FindBar {
        height: 1;
        width: 1fr;
        background: $panel;
        display: none;
        &.-open { display: block; }
        & > Input { width: 1fr; min-width: 12; }
        & > Checkbox { width: auto; margin-left: 1; }
        & > #find-status { width: auto; max-width: 45%; margin-left: 1; color: $text-muted;
                           text-wrap: nowrap; text-overflow: ellipsis; }
        & > #find-status.-error { color: $text-error; }
        & > #find-status.-none { color: $text-warning; }
    }
    """

    BINDINGS = [
        Binding("escape", "close", "Close find", id="find.close"),
        Binding("enter,down", "step(1)", "Next match", id="find.next"),
        Binding("shift+enter,up", "step(-1)", "Previous match", id="find.previous"),
        Binding("tab", "leave", "Back to the article", show=False, id="find.leave"),
        Binding("alt+w", "toggle('whole')", "Whole word", priority=True, id="find.whole_word"),
        Binding("alt+r", "toggle('regex')", "Regex", priority=True, id="find.regex"),
        Binding("alt+s", "toggle('words')", "Word forms", priority=True, id="find.word_mode"),
    ]

    class Changed(Message):
        """The pattern or a toggle changed."""

        def __init__(self, pattern: str, whole_word: bool, regex: bool, word_mode: bool) -> None:
            super().__init__()
            self.pattern = pattern
            self.whole_word = whole_word
            self.regex = regex
            self.word_mode = word_mode

    class Step(Message):
        """Move to the next (``delta=1``) or previous (``-1``) match."""

        def __init__(self, delta: int) -> None:
            super().__init__()
            self.delta = delta

    class Closed(Message):
        """The bar was closed: clear the highlights."""

    class Left(Message):
        """The person left the bar for the article (Tab); the bar stays open."""

    _status = ""
    _status_classes: tuple[bool, bool] = (False, False)
    """Whether the status shows an error, and whether it shows that nothing matched."""

    def _parts(self) -> ComposeResult:
        """The field, the status and the toggles: mounted when the bar first opens (Input's
        and Checkbox's styles take start-up time, and the bar starts closed)."""
        yield OrderedInput(placeholder="Find in article (Enter/↓ next, ↑ previous)", compact=True, id="find-input")
        label = Label(Content(self._status), id="find-status")
        label.set_class(self._status_classes[0], "-error")
        label.set_class(self._status_classes[1], "-none")
        yield label
        for box in (
            FindToggle("Word", compact=True, id="find-whole", tooltip="Alt+W: whole words only"),
            FindToggle("Regex", compact=True, id="find-regex", tooltip="Alt+R: a regular expression"),
            FindToggle("Forms", compact=True, id="find-words",
                     tooltip="Alt+S: word forms, as the search index reads them (island finds Islands)"),
        ):
            box.can_focus = False
            yield box

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    @property
    def _built(self) -> bool:
        return bool(self.query_children("#find-input"))

    @property
    def pattern(self) -> str:
        return self.query_one(Input).value if self._built else ""

    def open(self, pattern: str | None = None) -> None:
        """Show the bar and put the cursor in the pattern (keeping the last pattern, unless
        given another: the words of the library search whose matches the story shows)."""
        self.add_class("-open")
        if not self._built:
            self.mount_all(self._parts())
        field = self.query_one(Input)
        if pattern is not None:
            with field.prevent(Input.Changed):
                field.value = pattern
        # At once, not as ``focus()`` does after the keys already waiting: "/Taiwan" typed in
        # one go puts "Taiwan" in the field, not into the article's keys.
        self.screen.set_focus(field)
        field.select_all()
        self._post_changed()

    def close(self) -> None:
        """Hide the bar; the screen clears the highlights (and takes the focus back)."""
        if self.is_open:
            self.hide()
            self.post_message(self.Closed())

    def hide(self) -> None:
        """Hide the bar and say nothing: the screen that asks has forgotten the matches
        itself, and the focus stays where it is."""
        self.remove_class("-open")

    def set_status(self, text: str, *, error: bool = False, none: bool = False) -> None:
        """Show the count ("3 of 12") or a one-line problem (an invalid regex)."""
        self._status = text
        self._status_classes = (error, none and not error)
        for label in self.query("#find-status").results(Label):
            label.update(Content(text))
            label.set_class(error, "-error")
            label.set_class(none and not error, "-none")

    @property
    def status(self) -> str:
        """The text shown on the right ("3 of 12")."""
        return self._status

    def _post_changed(self) -> None:
        self.post_message(self.Changed(
            self.query_one(Input).value,
            self.query_one("#find-whole", Checkbox).value,
            self.query_one("#find-regex", Checkbox).value,
            self.query_one("#find-words", Checkbox).value,
        ))

    _EXCLUSIVE = {"find-regex": "#find-words", "find-words": "#find-regex"}
    """A regex and word forms do not combine (forms match the stems of plain words): turning
    one on turns the other off, so no toggle shows as on while it does nothing."""

    @on(Input.Changed, "#find-input")
    @on(Checkbox.Changed)
    def _changed(self, event: Input.Changed | Checkbox.Changed) -> None:
        event.stop()
        other = self._EXCLUSIVE.get(event.checkbox.id or "") if isinstance(event, Checkbox.Changed) else None
        if other is not None and event.value:
            box = self.query_one(other, Checkbox)
            if box.value:
                box.value = False  # (its own Changed follows and runs the search again)
                return
        self._post_changed()

    @on(Input.Submitted, "#find-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Step(1))

    def action_step(self, delta: int) -> None:
        self.post_message(self.Step(delta))

    def action_close(self) -> None:
        self.close()

    def action_leave(self) -> None:
        self.post_message(self.Left())

    def action_toggle(self, which: str) -> None:
        box = self.query_one(f"#find-{which}", Checkbox)
        box.value = not box.value
