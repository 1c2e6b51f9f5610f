"""Dialogs are modal: the app shows through, dimmed, behind them."""

from __future__ import annotations

import re
from html import unescape

from reader.app import ReaderApp
from reader.screens.add import AddScreen
from reader.screens.links import LinksScreen
from reader.screens.prompts import Choice, TextPrompt
from tests.test_app import make_library, visible_text, wait_loaded


def screen_text(app) -> str:
    """The text of the whole screen as exported (every screen the top one lets through)."""
    return unescape(re.sub(r"<[^>]*>", "", app.export_screenshot())).replace("\xa0", " ")


async def test_dialogs_show_the_app_dimmed_behind_them(tmp_path):
    app = ReaderApp(sources=[make_library(tmp_path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        article_line = next(line.strip() for line in visible_text(app).splitlines() if line.strip())
        dialogs = [AddScreen(), TextPrompt("Tags for this story:"), Choice("Really?", [("yes", "Yes"), ("no", "No")]),
                   LinksScreen("A story", ["https://example.org/a", "https://example.org/b"])]
        for dialog in dialogs:
            app.push_screen(dialog)
            await pilot.pause()
            assert app.screen is dialog
            assert dialog.styles.background.a < 1, type(dialog).__name__  # translucent, like the palette
            assert article_line in screen_text(app), type(dialog).__name__
            dialog.dismiss(None)
            await pilot.pause()


async def test_a_long_link_fits_one_row_of_the_links_dialog_at_80_columns(tmp_path):
    from textual.widgets import OptionList

    app = ReaderApp(sources=[make_library(tmp_path)])
    long = "http://talkingpointsmemo.com/dc/as-trump-tweets-about-gillespie-no-mention-of-president-on-trail-" * 2
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        dialog = LinksScreen("A story", [long, "https://example.org/b"])
        app.push_screen(dialog)
        await pilot.pause()
        links = dialog.query_one(OptionList)
        prompt = str(links.get_option_at_index(0).prompt)
        assert "…" in prompt and len(prompt) <= links.scrollable_content_region.width, (prompt, links.size)
        assert links.virtual_size.height == 2  # one row each


async def test_a_number_picks_that_link(tmp_path, monkeypatch):
    """The links are numbered: typing a number highlights that link, two digits typed at
    once make one number; y then copies it (a digit did nothing: a new user's pass)."""
    from textual.widgets import OptionList

    import reader.screens.links as links_module

    links = [f"https://example.org/{n}" for n in range(1, 13)]
    monkeypatch.setattr(links_module, "NUMBER_SECONDS", 60.0)  # (a loaded machine spaces the test's keys)
    app = ReaderApp(sources=[make_library(tmp_path)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        dialog = LinksScreen("A story", links)
        chosen = []
        app.push_screen(dialog, chosen.append)
        await pilot.pause()
        await pilot.press("3")
        assert dialog.query_one(OptionList).highlighted == 2
        await pilot.press("1", "2")
        assert dialog.query_one(OptionList).highlighted == 11
        await pilot.press("9")  # 129 is no link: a number of its own
        assert dialog.query_one(OptionList).highlighted == 8
        await pilot.press("y")
        await pilot.pause()
        assert chosen == [("copy", "https://example.org/9")]



async def test_the_note_editor_adds_what_is_typed_at_the_end_with_nothing_selected(tmp_path):
    """A long summary was all selected: the first key typed replaced it (a new user's pass).
    Then it opened at its first words, and what was typed went before them (another pass). Now
    nothing is selected and the cursor is at the end of the summary and of the background."""
    from textual.widgets import Input, TextArea

    from reader.entities.notes import Note
    from reader.screens.note_editor import NoteEditor

    summary = "Chinese diplomat; a foreign ministry spokesperson from 2012, later vice foreign minister " * 2
    app = ReaderApp(sources=[make_library(tmp_path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        app.push_screen(NoteEditor(Note("hua", "Hua", "PERSON", summary=summary.strip(), background="Her background.")))
        await pilot.pause()
        field = app.screen.query_one("#note-summary", Input)
        assert field.cursor_position == len(summary.strip()) and field.selection.is_empty
        assert "Ctrl+S save" in str(field.parent.border_subtitle)  # the footer below is the main screen's
        await pilot.press("x")
        assert field.value == summary.strip() + "x"
        await pilot.press("tab", "y")
        assert app.screen.query_one("#note-background", TextArea).text.endswith("background.y")


async def test_text_typed_right_after_tab_goes_to_the_next_field(tmp_path):
    """Tab and the letters after it in one burst: the letters went into the summary, the field
    Tab was leaving (a new user's pass), since the app ran Tab after the field took them."""
    from textual import events
    from textual.widgets import Input, TextArea

    from reader.entities.notes import Note
    from reader.screens.note_editor import NoteEditor

    app = ReaderApp(sources=[make_library(tmp_path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        app.push_screen(NoteEditor(Note("galois", "Évariste Galois", "PERSON")))
        await pilot.pause()
        for key in ["F", "r", "tab", "D", "i", "e", "d", "shift+tab", "!"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause(0.3)
        assert app.screen.query_one("#note-summary", Input).value == "Fr!"
        assert app.screen.query_one("#note-background", TextArea).text == "Died"


async def test_escape_keeps_a_written_note_until_it_is_pressed_again(tmp_path):
    """Escape threw a half-written note away without a word (a new user's pass)."""
    from reader.entities.notes import Note
    from reader.screens.note_editor import NoteEditor

    app = ReaderApp(sources=[make_library(tmp_path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        closed, told = [], []
        real_notify = app.notify
        app.notify = lambda message, *args, **kwargs: (told.append(str(message)), real_notify(message, *args, **kwargs))
        app.push_screen(NoteEditor(Note("galois", "Évariste Galois", "PERSON")), closed.append)
        await pilot.pause()
        await pilot.press("escape")  # nothing written: it closes at once
        await pilot.pause()
        assert closed == [None] and not isinstance(app.screen, NoteEditor)
        app.push_screen(NoteEditor(Note("galois", "Évariste Galois", "PERSON")), closed.append)
        await pilot.pause()
        await pilot.press("M", "a", "t", "h", "escape")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor) and len(closed) == 1
        assert any("Escape again" in said for said in told)
        await pilot.press("escape")
        await pilot.pause()
        assert closed == [None, None] and not isinstance(app.screen, NoteEditor)


async def test_ctrl_q_keeps_a_written_note_until_it_is_pressed_again(tmp_path):
    """Ctrl+Q quit at once and the half-written note was lost (a new user's pass): the first
    says it is not saved, the second quits; with nothing written it quits at once."""
    from reader.entities.notes import Note
    from reader.screens.note_editor import NoteEditor

    app = ReaderApp(sources=[make_library(tmp_path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        told = []
        real_notify = app.notify
        app.notify = lambda message, *args, **kwargs: (told.append(str(message)), real_notify(message, *args, **kwargs))
        app.push_screen(NoteEditor(Note("galois", "Évariste Galois", "PERSON")))
        await pilot.pause()
        await pilot.press("M", "a", "t", "h", "ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, NoteEditor)
        assert any("Ctrl+Q again quits without saving" in said for said in told)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_q_quits_at_once_from_a_note_with_nothing_written(tmp_path):
    from reader.entities.notes import Note
    from reader.screens.note_editor import NoteEditor

    app = ReaderApp(sources=[make_library(tmp_path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        app.push_screen(NoteEditor(Note("galois", "Évariste Galois", "PERSON")))
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
