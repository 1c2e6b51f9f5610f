"""Small dialogs: ask for a line of text, or ask a question with a few answers."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from reader.widgets.ordered_input import OrderedInput


class TextPrompt(ModalScreen[str | None]):
    """Returns the text typed (Enter), or None (Escape)."""

    DEFAULT_CSS = """
    TextPrompt { align: center middle; }
    TextPrompt > Vertical {
        width: 80; max-width: 90%; height: auto;
        border: round $primary; background: $surface; padding: 1 2;
    }
    TextPrompt Label { color: $text-muted; width: 1fr; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(self, question: str, value: str = "", *, placeholder: str = "", select_all: bool = False) -> None:
        """``select_all``: the value shown selected, so that typing replaces it (a title to
        rename); else the cursor waits after it (tags to add to)."""
        super().__init__()
        self.question, self.value, self.placeholder, self.select_all = question, value, placeholder, select_all

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(self.question))
            # tags: the cursor after them, nothing selected: "T", then ", fish" keeps the story's tags
            yield OrderedInput(self.value, placeholder=self.placeholder, id="prompt-input",
                               select_on_focus=self.select_all)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Choice(ModalScreen[str | None]):
    """Asks a question; returns the id of the answer chosen, or None (Escape)."""

    DEFAULT_CSS = """
    Choice { align: center middle; }
    Choice > Vertical {
        width: 72; max-width: 90%; height: auto;
        border: round $primary; background: $surface; padding: 1 2;
    }
    Choice Label { width: 1fr; margin-bottom: 1; }
    Choice Horizontal { height: auto; }
    Choice Button { margin-right: 2; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice.cancel")]

    def __init__(self, question: str, answers: list[tuple[str, str]]) -> None:
        """``answers``: (id, label) pairs; the first is the default (focused)."""
        super().__init__()
        self.question, self.answers = question, answers

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Content(self.question))
            with Horizontal():
                for answer_id, label in self.answers:
                    yield Button(Content(label), id=f"answer-{answer_id}")

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("answer-"))

    def action_cancel(self) -> None:
        self.dismiss(None)
