"""A small form to write a note on an entity; it returns the note, the caller saves it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, TextArea

from reader.entities.notes import Note, make_id
from reader.widgets.ordered_input import OrderedInput

__all__ = ["NoteEditor", "unwrap"]


def unwrap(text: str) -> str:
    """Paragraphs as single lines: the line breaks a notes file wraps its text with are
    soft, so the editor wraps them itself and saving does not keep them as hard breaks.
    Blank lines (paragraph breaks) stay."""
    paragraphs = [" ".join(p.split()) for p in text.strip().split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


class NoteEditor(ModalScreen[Note | None]):
    """Name, type, summary and background of a note; Save returns it, Escape cancels (twice
    when something was written)."""

    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > Vertical { width: 72; height: auto; max-height: 90%; border: round $primary; padding: 0 1;
                            background: $surface; }
    NoteEditor Input { margin-bottom: 1; }
    NoteEditor TextArea { height: 8; margin-bottom: 1; }
    NoteEditor Horizontal { height: auto; align-horizontal: right; }
    NoteEditor Button { margin-left: 1; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note_editor.cancel"),
                Binding("ctrl+s", "save", "Save", id="note_editor.save"),
                # run by the app as the key arrives, before it hands the next key to a field:
                # "tab Died" typed in one burst goes to the next field, not the summary
                Binding("tab", "app.focus_next", "", show=False, priority=True),
                Binding("shift+tab", "app.focus_previous", "", show=False, priority=True)]

    def __init__(self, note: Note) -> None:
        super().__init__()
        self.note = note
        self._warned = False
        """Escape with changes written said once that a second one leaves them."""
        self._quit_warned = False
        """Ctrl+Q with changes written said once that a second one quits without saving."""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Content(f"Note on {self.note.name}")
            box.border_subtitle = "Ctrl+S save · Esc cancel"  # the footer below is the screen's, not the form's
            yield Label("Summary (one or two lines)")
            # nothing selected: a key typed first must not replace a long summary
            yield OrderedInput(self.note.summary, id="note-summary", select_on_focus=False)
            yield Label("Background")
            yield TextArea(unwrap(self.note.background), id="note-background", soft_wrap=True)
            with Horizontal():
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Save", id="save", variant="primary", compact=True)

    def on_mount(self) -> None:
        summary = self.query_one("#note-summary", Input)
        summary.focus()
        # what is typed adds to a note, at its end (typed at the start, it went before the summary's
        # first words: a new user's pass), and replaces nothing (all selected, the first key did)
        summary.cursor_position = len(summary.value)
        background = self.query_one("#note-background", TextArea)
        background.move_cursor(background.document.end)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#note-background", TextArea).focus()

    def _written(self) -> tuple[str, str]:
        return (self.query_one("#note-summary", Input).value.strip(),
                unwrap(self.query_one("#note-background", TextArea).text))

    def _changed(self) -> bool:
        return self._written() != (self.note.summary, unwrap(self.note.background))

    def action_save(self) -> None:
        summary, background = self._written()
        changed = self._changed()
        as_of = dt.date.today().isoformat() if changed or not self.note.as_of else self.note.as_of
        note = replace(self.note, id=self.note.id or make_id(self.note.name), summary=summary, background=background,
                       as_of=as_of)
        self.dismiss(note)

    def action_cancel(self) -> None:
        """Close without saving; with changes written, only at a second Escape (the first says so)."""
        if self._changed() and not self._warned:
            self._warned = True
            self.notify("Not saved yet: Escape again leaves without saving, Ctrl+S saves.", timeout=6, markup=False)
            return
        self.dismiss(None)

    def may_quit(self) -> bool:
        """The app asks before it quits: with changes written, the first Ctrl+Q says they are
        not saved and quits nothing; a second quits (the app's ``action_quit``)."""
        if self._changed() and not self._quit_warned:
            self._quit_warned = True
            self.notify("Not saved yet: Ctrl+Q again quits without saving, Ctrl+S saves.", timeout=6, markup=False)
            return False
        return True
