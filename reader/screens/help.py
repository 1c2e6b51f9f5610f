"""The help screen: every key of the app, read from the bindings of every class of reader.

The list cannot go stale: it walks every screen and widget class that reader defines
(importing each module of ``reader.screens`` and ``reader.widgets`` first; a binding's
tooltip, when it has one, is its longer description; a class's ``HELP_NAME`` is its
heading, ``HELP_SKIP`` leaves it out, ``HELP_HIDE`` leaves out some actions), with the
bindings each inherits from Textual (an option list's Enter and arrows, a scrolling
pane's Page Up), so a key added anywhere shows up here. Keys remapped in config.yaml are
shown as remapped. The text is plain Content (a remapped key is the person's text).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable
from dataclasses import replace

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Static

NEVER_USEFUL = {"scroll_left", "scroll_right", "page_left", "page_right"}
"""Actions of Textual's scrolling bindings that no reader pane has room for (nothing scrolls sideways)."""
PLAIN_DESCRIPTIONS = {"app.focus_next": "Next pane or field", "app.focus_previous": "Previous pane or field",
                      "page_down": "Page down", "page_up": "Page up"}
"""Words for Textual's own keys whose descriptions name the action ("Focus Next"), or are written
otherwise than reader's own ("Page Down")."""
FIRST_SECTIONS = ("Everywhere", "Reading", "Article list", "Article", "Find bar", "Entity list", "Note panel",
                  "Note editor", "Library search", "Search hits")
"""Sections shown first, in this order; the others follow by name."""


def reader_classes() -> list[type]:
    """Every screen and widget class defined in reader (their modules imported first)."""
    import reader.screens
    import reader.widgets

    for package in (reader.screens, reader.widgets):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    found: list[type] = []
    pending: list[type] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("reader.") and cls not in found:
            found.append(cls)
    return found


def section_name(cls: type) -> str:
    """The heading a class's keys go under: its ``HELP_NAME``, else its name in words."""
    name = vars(cls).get("HELP_NAME")
    if name:
        return name
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).split()
    return " ".join([words[0], *(w.lower() for w in words[1:])]) if words else cls.__name__


def _keys_never_reach(cls: type) -> bool:
    """A widget that never takes the focus and has no keys of its own (the footer): the
    keys it inherits never reach it."""
    return (issubclass(cls, Widget) and not issubclass(cls, Screen) and not cls.can_focus
            and not cls.can_focus_children and not vars(cls).get("BINDINGS"))


def _bindings_of(classes: Iterable[type]) -> list[Binding]:
    """The bindings of ``classes`` (a class and those it inherits from), less the actions the
    first one hides from help (``HELP_HIDE``)."""
    classes = list(classes)
    hidden = vars(classes[0]).get("HELP_HIDE", frozenset()) if classes else frozenset()
    bindings: list[Binding] = []
    for cls in classes:
        bindings.extend(b for b in Binding.make_bindings(vars(cls).get("BINDINGS", [])) if b.action not in hidden)
    return bindings


def help_sections(app: App) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(keys, what), ...]) for the app and every reader class that has keys."""
    keymap = getattr(getattr(app, "settings", None), "keymap", None) or {}
    everywhere = [*type(app).__mro__, Screen]  # the app's keys and every screen's Tab / Shift+Tab
    sources: list[tuple[str, list[type]]] = [("Everywhere", everywhere)]
    for cls in reader_classes():
        if issubclass(cls, App) or _keys_never_reach(cls) or vars(cls).get("HELP_SKIP"):
            continue
        inherited = [c for c in cls.__mro__ if c not in everywhere and c is not ModalScreen]
        sources.append((section_name(cls), inherited))
    sections: dict[str, dict[str, tuple[list[str], str]]] = {}
    taken: dict[str, set[str]] = {}  # per section, the keys listed already
    for heading, classes in sources:
        rows = sections.setdefault(heading, {})
        listed = taken.setdefault(heading, set())
        for binding in _bindings_of(classes):
            if not binding.description or binding.system or binding.action in NEVER_USEFUL:
                continue
            shown = [replace(binding, key_display=None) if "/" in (binding.key_display or "") else binding]
            # (the footer's pair "j/k Move" is two rows here: "j, ↓ Down" and "k, ↑ Up")
            if binding.id in keymap:
                shown = [replace(binding, key=key.strip(), key_display=None)
                         for key in keymap[binding.id].split(",") if key.strip()]
            displays = [app.get_key_display(each) for each in shown]
            if binding.action not in rows and all(display in listed for display in displays):
                continue  # a fallback for keys listed already (m / M with no entity chosen)
            what = PLAIN_DESCRIPTIONS.get(binding.action) or binding.tooltip or binding.description
            keys, _ = rows.setdefault(binding.action, ([], what))
            for display in displays:
                listed.add(display)
                if display not in keys:
                    keys.append(display)
    order = {name: index for index, name in enumerate(FIRST_SECTIONS)}
    named = sorted((name for name, rows in sections.items() if rows),
                   key=lambda name: (order.get(name, len(order)), name))
    return [(name, [(", ".join(keys), what) for keys, what in sections[name].values()]) for name in named]


def help_content(sections: list[tuple[str, list[tuple[str, str]]]]) -> Content:
    """The sections as text: a heading each, then one key per line."""
    width = max((len(keys) for _, rows in sections for keys, _ in rows), default=4) + 2
    width = min(width, 24)
    parts: list[Content | str] = []
    for heading, rows in sections:
        if parts:
            parts.append("\n\n")
        parts.append(Content.styled(heading, "bold $text-accent"))
        for keys, what in rows:
            parts += ["\n", Content.styled(f"  {keys:<{width}}", "bold"), Content(what)]
    return Content.assemble(*parts)


class HelpText(VerticalScroll):
    """The scrolling list of keys: arrows, j / k, Page Up / Down, space / b, g / G."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="help.down"),
        Binding("k", "scroll_up", "Up", show=False, id="help.up"),
        Binding("space", "page_down", "Page down", show=False, id="help.page_down"),
        Binding("b", "page_up", "Page up", show=False, id="help.page_up"),
        Binding("g", "scroll_home", "Top", show=False, id="help.top"),
        Binding("G", "scroll_end", "Bottom", show=False, id="help.bottom"),
    ]
    HELP_NAME = "Help"


class HelpScreen(ModalScreen[None]):
    """Lists the keys of every pane; Esc, q or ? closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 84; max-width: 100%; height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    HelpScreen HelpText { height: 1fr; }
    HelpScreen .help-intro { color: $text-muted; padding-bottom: 1; }
    """

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close"),
    ]
    HELP_NAME = "Help"

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[tuple[str, list[tuple[str, str]]]] = []

    def compose(self) -> ComposeResult:
        self.sections = help_sections(self.app)
        with Vertical() as box:
            box.border_title = "Keys"
            box.border_subtitle = "↑ ↓ PgUp PgDn scroll · Esc closes"
            yield Static(
                "reader: a terminal news reader. Tab and Shift+Tab move between panes; the footer "
                "shows the keys of the focused pane; Ctrl+P finds any command.",
                classes="help-intro",
                markup=False,
            )
            with HelpText():
                yield Static(help_content(self.sections), id="help-keys")

    def on_mount(self) -> None:
        self.query_one(HelpText).focus()

    @property
    def text(self) -> str:
        """The help as plain text (for tests)."""
        return help_content(self.sections).plain
