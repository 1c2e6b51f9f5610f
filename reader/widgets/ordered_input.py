"""A text field whose editing keys act in the order they are typed."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Input

_EDITING_KEYS: dict[str, str] = {
    key.strip(): binding.action
    for binding in Input.BINDINGS if isinstance(binding, Binding)
    for key in binding.key.split(",")
}
"""Input's own keys (backspace, the arrows, ctrl+u, …) and their actions."""


class OrderedInput(Input):
    """Textual's ``Input``, acting on its own keys as they arrive.

    Textual runs a focused widget's key bindings once the key has bubbled up to the app,
    while a letter is typed as soon as the field gets it; keys that come in one burst (a
    fast typist, a busy screen, a script) then act out of order: ctrl+u followed by
    "government" left "overnment" or nothing, "abcdef⌫⌫xy" gave "abcdefx". Here the
    field runs them itself, in turn with the letters (and they do not bubble on).
    """

    HELP_SKIP = True  # its keys are Textual's own Input's, not reader's: the help screen leaves them out

    async def on_key(self, event: events.Key) -> None:
        action = _EDITING_KEYS.get(event.key)
        if action is not None:
            event.stop()  # not on to the app, which would run the binding again
            await self.run_action(action)
