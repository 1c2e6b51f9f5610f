"""The help screen lists every key of every pane, from the bindings themselves, and scrolls."""

from __future__ import annotations

from textual.binding import Binding

from reader.app import ReaderApp
from reader.screens.help import HelpScreen, HelpText, help_sections, reader_classes
from tests.test_app import wait_loaded


async def open_help(pilot, key: str = "question_mark") -> HelpScreen:
    await wait_loaded(pilot)
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)
    return pilot.app.screen


async def test_help_lists_every_binding_of_every_pane():
    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        help_screen = await open_help(pilot)
        sections = dict(help_sections(app))
        text = help_screen.text
        # every key with a description, of every reader class, is there under its pane
        for cls in reader_classes():
            earlier: set[str] = set()
            hidden = vars(cls).get("HELP_HIDE", frozenset())  # told in another row's words
            for binding in Binding.make_bindings(vars(cls).get("BINDINGS", [])):
                if binding.description and binding.key not in earlier and binding.action not in hidden:
                    assert (binding.tooltip or binding.description) in text, (cls.__name__, binding)
                earlier.add(binding.key)
        assert "Fitted footer" not in sections  # no keys reach a widget that never has the focus
        for name, rows in sections.items():  # a key is listed once in its section
            keys = [key for shown, _ in rows for key in shown.split(", ")]
            assert len(keys) == len(set(keys)), (name, sorted(k for k in keys if keys.count(k) > 1))
        everywhere = dict((what, keys) for keys, what in sections["Everywhere"])
        assert everywhere["Open the command palette"] == "^p"
        assert everywhere["Next pane or field"] == "tab" and everywhere["Previous pane or field"] == "shift+tab"
        assert ("⏎, ↓", "Next match") in sections["Find bar"]  # Enter in the find bar
        assert any(keys == "⏎" for keys, _ in sections["Entity list"])  # the entity list's keys
        # the footer's "j/k Move" is two rows, each key once: "j, ↓ Down" and "k, ↑ Up"
        assert ("j, ↓", "Down") in sections["Entity list"] and ("k, ↑", "Up") in sections["Entity list"]
        assert ("j, ↓", "Down") in sections["Note panel"]
        assert ("^s", "Save") in sections["Note editor"]  # the note editor's
        assert ("q, ^q", "Quit") in sections["Everywhere"]
        search = [what for _, what in sections["Library search"]]
        assert "Next hit (↑ the previous); Enter opens it" in search and "Previous hit" not in search
        assert "Page Down" not in text and "Page down" in text  # one spelling, Textual's own keys too


async def test_help_scrolls_with_the_arrows_and_closes():
    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_help(pilot)
        scroller = app.screen.query_one(HelpText)
        assert app.focused is scroller and scroller.max_scroll_y > 0
        await pilot.press("down", "down")
        assert scroller.scroll_y == 2
        await pilot.press("up")
        assert scroller.scroll_y == 1
        await pilot.press("pagedown")
        assert scroller.scroll_y > 2
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_f1_opens_and_closes_help_as_question_mark_does():
    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_help(pilot, "f1")
        await pilot.press("f1")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
