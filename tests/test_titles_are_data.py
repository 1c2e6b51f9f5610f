"""A story's title, source and byline are shown as text wherever they are drawn: the list and
its title, the article, the sidebar, the command palette, notifications, the note editor."""

from __future__ import annotations

import io
import re

from rich.console import Console

from reader.app import ReaderApp
from reader.entities.notes import Note
from reader.screens.note_editor import NoteEditor
from tests.test_app import wait_loaded

TITLE = "Hostile story about [bold red]markup[/] here"
SOURCE = "[@click=app.quit]Wire[/]"
BYLINE = "[reverse]Ann Other[/reverse]"


def screen_text(app) -> str:
    """What the terminal shows now, as plain text (through Textual's compositor, as a screenshot is made)."""
    console = Console(width=app.size.width, height=app.size.height, file=io.StringIO(), force_terminal=True,
                      record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def hostile_library(folder):
    folder.mkdir()
    (folder / "hostile.txt").write_text(
        f'---\ntitle: "{TITLE}"\nsource: "{SOURCE}"\nbyline: "{BYLINE}"\npublished: "2021-04-20"\n---\n\n'
        "Hua Chunying spoke in Beijing about the talks.\n\nShe said more later.\n", encoding="utf-8")
    (folder / "plain.txt").write_text("A plain story\n\nNothing odd here.\n", encoding="utf-8")
    return folder


async def test_titles_sources_and_names_are_drawn_literally(tmp_path):
    app = ReaderApp(sources=[hostile_library(tmp_path / "lib")])
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        screen.open_entry(screen.library_panel.catalog.get("hostile"))
        await pilot.pause(0.3)
        text = screen_text(app)
        assert TITLE in text  # the article's headline (and the list's row, cut at its width)
        assert f"{SOURCE} · 20 Apr 2021" in text  # the article's meta line and the list's row
        assert "by [reverse]Ann" in text and "[reverse]Ann Oth…" in text  # the meta line; the sidebar's details (cut)
        assert "●  Hostile story about [bold red]mar" in text  # the list's row
        # the list filtered to that source: its title names it
        screen.library_panel.article_list.filter_source(SOURCE)
        await pilot.pause()
        assert "Articles by date · from [@click=a" in screen_text(app)  # cut at the width, not read as markup
        screen.library_panel.article_list.clear_filters()
        # a notification quoting a name the person typed
        screen.library_panel.filter_mentioning("“[b]Hua[/b]”", ["[b]Hua[/b]"])
        for _ in range(100):
            await pilot.pause(0.02)
            if re.search(r"(?:\d|No) articles? mentions? “", screen_text(app)):
                break
        assert re.search(r"(?:\d article mentions|\d articles mention|No article mentions) “\[b\]Hua\[/b\]”",
                         screen_text(app)), screen_text(app)
        # the command palette: the title in the hit, the source in its help line
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Hostile story")
        await pilot.pause(0.5)
        text = screen_text(app)
        assert f"Open article: {TITLE}" in text
        assert f"{SOURCE} · 20 Apr 2021" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running
        # the note editor's border names the entity
        app.push_screen(NoteEditor(Note("x", "[bold]Zorblax[/bold] [@click=app.quit]Q[/]", "PERSON")))
        await pilot.pause()
        assert "Note on [bold]Zorblax[/bold] [@click=app.quit]Q[/]" in screen_text(app)
