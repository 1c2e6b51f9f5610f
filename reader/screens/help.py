"""The help screen: every key of the app, read from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


def binding_rows(app, sources: Iterable[tuple[str, type]]) -> list[tuple[str, str, str]]:
    """(where, keys, what) for each action of each (where, class), keys joined.

    Keys remapped in config.yaml's keymap (``app.settings.keymap``) are shown as remapped.
    """
    keymap = getattr(getattr(app, "settings", None), "keymap", None) or {}
    rows: dict[tuple[str, str], tuple[list[str], str]] = {}
    for where, cls in sources:
        for binding in Binding.make_bindings(getattr(cls, "BINDINGS", [])):
            if not binding.description or binding.system:
                continue
            keys, _ = rows.setdefault((where, binding.action), ([], binding.description))
            shown = [binding]
            if binding.id in keymap:
                shown = [replace(binding, key=key.strip()) for key in keymap[binding.id].split(",") if key.strip()]
            for each in shown:
                display = app.get_key_display(each)
                if display not in keys:
                    keys.append(display)
    return [(where, ", ".join(keys), what) for (where, _), (keys, what) in rows.items()]


class HelpScreen(ModalScreen[None]):
    """Lists the keys of every pane; Esc, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 80; max-width: 95%; height: 80%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    HelpScreen DataTable { height: 1fr; }
    HelpScreen .help-intro { color: $text-muted; padding-bottom: 1; }
    """

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, sources: list[tuple[str, type]]) -> None:
        super().__init__()
        self.sources = sources

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Keys"
            yield Static(
                "reader: a terminal news reader. Tab and Shift+Tab move between panes; "
                "the footer shows the keys of the focused pane.",
                classes="help-intro",
                markup=False,
            )
            yield DataTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Where", "Keys", "What")
        for row in binding_rows(self.app, self.sources):
            table.add_row(*row)
        table.focus()
