"""Pilot tests of the main screen: opening, moving, help, palette, hostile and large input."""

from __future__ import annotations

from pathlib import Path

from reader.app import ReaderApp
from reader.screens.help import HelpScreen
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView, Highlight

SIZE = (120, 36)
WIDE = (160, 40)


async def wait_loaded(pilot) -> None:
    """Wait until the library worker has delivered its articles."""
    for _ in range(100):
        await pilot.pause(0.02)
        view = pilot.app.query_one(ArticleView)
        if pilot.app.screen.library_panel.catalog.entries and view.wrapped_lines and not view.loading \
                and pilot.app.focused is not None:
            return
    raise AssertionError("the library did not load")


def visible_text(app) -> str:
    view = app.query_one(ArticleView)
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


def make_library(tmp_path: Path, count: int = 3) -> Path:
    for index in range(count):
        lines = [f"Story number {index} begins here."] + [f"Paragraph {p} of story {index} says things." for p in range(40)]
        (tmp_path / f"{index:02d}.txt").write_text("\n\n".join(lines) + "\n")
    return tmp_path


async def test_first_article_opens_at_start():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert app.screen.column.article.id == "000_028039a13440567c"
        assert isinstance(app.focused, ArticleList)
        assert "China has told Japan" in visible_text(app)
        assert "Andrea Verdelli/Getty Images" in visible_text(app)


async def test_enter_opens_and_keys_scroll_the_article(tmp_path):
    app = ReaderApp(sources=[make_library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j", "enter")
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert app.focused is view
        assert app.screen.column.article.id == "01"
        await pilot.press("space")
        assert view.scroll_y > 0
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("j", "j")
        assert view.scroll_y == 2


async def test_next_and_previous_article_keys(tmp_path):
    app = ReaderApp(sources=[make_library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("]", "]")
        assert app.screen.column.article.id == "02"
        assert app.query_one(ArticleList).highlighted == 2
        await pilot.press("[")
        assert app.screen.column.article.id == "01"



async def test_the_next_article_from_a_story_the_list_does_not_show_is_the_one_at_the_cursor(tmp_path):
    """The list filtered to a feed while a story of another stays open: "]" skipped the
    feed's first story (a new user's pass), counting from the cursor's row as if it were open."""
    app = ReaderApp(sources=[make_library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        article_list = app.query_one(ArticleList)
        open_id = app.screen.column.article.id
        others = [a.id for a in article_list.articles if a.id != open_id][:2]
        article_list.filter_ids("a feed", others)
        await pilot.pause()
        assert article_list.highlighted == 0
        await pilot.press("]")
        await pilot.pause()
        assert app.screen.column.article.id in others
        assert article_list.highlighted == 0  # the first of the feed, not the second


async def test_tab_moves_between_panes_and_panes_hide():
    app = ReaderApp()
    async with app.run_test(size=WIDE) as pilot:  # wide enough for the list and the sidebar
        await wait_loaded(pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("e")
        assert not app.query_one("#sidebar").display
        await pilot.press("e", "a")
        assert app.query_one("#sidebar").display
        assert not app.query_one("#library").display


async def test_help_lists_every_key_and_closes():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = dict(app.screen.sections)
        assert ("q, ^q", "Quit") in sections["Everywhere"]
        assert any("space" in keys for keys, _ in sections["Article"])
        # no widget's inner keys that do nothing here: a table's sideways moves, a checkbox's toggle
        assert "Find toggle" not in sections and "Panel list" not in sections
        assert ("g, home, ^home", "First") in sections["Feeds table"]
        assert not any("Cursor" in what for _, what in sections["Feeds table"])
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_palette_opens_an_article_by_title(tmp_path):
    app = ReaderApp(sources=[make_library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"story number 2")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.column.article.id == "02"


async def test_hostile_story_is_shown_literally_and_acts_on_nothing(tmp_path):
    (tmp_path / "evil.txt").write_text(
        "[@click=app.quit]Click me[/] and [bold red]x[/] are text.\n\nEscape \x1b[2J and bell \x07 中文 😀 end.\n"
    )
    app = ReaderApp(sources=[tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        text = visible_text(app)
        assert "[@click=app.quit]Click me[/]" in text
        assert "[bold red]x[/] are text." in " ".join(text.split())
        assert "␛[2J" in text and "␇" in text and "中文 😀 end." in text
        await pilot.click(ArticleView, offset=(5, 5))
        await pilot.pause()
        assert app.is_running


async def test_large_article_opens_without_blocking(tmp_path):
    paragraph = "A long paragraph with many words in it to wrap. " * 20
    (tmp_path / "big.txt").write_text("Big story.\n\n" + "\n\n".join([paragraph] * 5000))  # about 5 MB
    app = ReaderApp(sources=[tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(500):
            await pilot.pause(0.05)
            view = app.query_one(ArticleView)
            if view.wrapped_lines and not view.loading:
                break
        assert len(view.wrapped_lines) > 50_000
        await pilot.press("tab", "G")
        assert view.scroll_y == view.max_scroll_y > 50_000


async def test_highlights_style_spans_and_scroll_to_offset(tmp_path):
    app = ReaderApp(sources=[make_library(tmp_path, 1)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        view = app.query_one(ArticleView)
        body = app.screen.column.article.body
        target = body.index("Paragraph 35")
        view.set_highlights("find", [Highlight(target, target + 12, "match-current")])
        view.scroll_to_offset(target)
        await pilot.pause()
        assert view.scroll_y > 0
        row = next(y for y in range(view.size.height) if "Paragraph 35" in view.render_line(y).text)
        strip = view.render_line(row)
        styled = [seg for seg in strip if "Paragraph 35" in seg.text]
        assert styled and styled[0].style.bgcolor is not None


async def test_a_match_in_the_rows_a_notice_covers_is_scrolled_into_the_open(tmp_path):
    """A mention or match on the article's last rows, where "mention 3 of 4" shows, is
    scrolled up out of them; one higher up stays where it is."""
    from reader.widgets.article_view import NOTICE_ROWS

    app = ReaderApp(sources=[make_library(tmp_path, 1)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        view = app.query_one(ArticleView)
        body = app.screen.column.article.body
        height = view.scrollable_content_region.height
        last = next(offset for offset in range(len(body))  # on screen, under the notice
                    if height - NOTICE_ROWS <= view.line_of_offset(offset) < height)
        view.scroll_to_offset(last)
        await pilot.pause()
        y = view.line_of_offset(last) - view.scroll_offset.y
        assert 0 <= y < height - NOTICE_ROWS
        top = view.scroll_offset.y
        higher = next(offset for offset in range(len(body)) if top < view.line_of_offset(offset) < top + 4)
        view.scroll_to_offset(higher)
        await pilot.pause()
        assert view.scroll_offset.y == top


async def test_hiding_the_focused_pane_moves_focus_to_the_article():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert isinstance(app.focused, ArticleList)
        await pilot.press("a")
        assert isinstance(app.focused, ArticleView)


async def test_mouse_click_opens_an_article(tmp_path):
    app = ReaderApp(sources=[make_library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        # Border line, then two lines per article (title, then source · date): line 3 is the second title.
        await pilot.click(ArticleList, offset=(5, 3))
        await pilot.pause()
        assert app.screen.column.article.id == "01"


async def test_a_long_story_is_read_in_a_worker_when_opened(tmp_path):
    (tmp_path / "a.txt").write_text("Short story first.\n")
    paragraph = "Many words in a long story that takes a while to read from the disk. " * 20
    (tmp_path / "b.txt").write_text("Long story.\n\n" + "\n\n".join([paragraph] * 300))  # 84,000 words
    app = ReaderApp(sources=[tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        assert not screen.library_panel.catalog.is_loaded("b")
        screen.open_entry(screen.library_panel.catalog.get("b"))
        assert screen.column.article.id == "a"  # returned at once: the file is read in a worker
        for _ in range(200):
            await pilot.pause(0.02)
            if screen.column.article.id == "b":
                break
        assert screen.column.article.id == "b" and screen.library_panel.catalog.is_loaded("b")


async def test_a_section_heading_is_drawn_in_bold(tmp_path):
    paragraph = "Words of running text that follow the heading and make a paragraph of their own. " * 2
    (tmp_path / "one.txt").write_text(f"A story with sections\n\n{paragraph}\n\nEarly life\n\n{paragraph}\n")
    app = ReaderApp(sources=[tmp_path])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        view = app.query_one(ArticleView)
        rows = {view.render_line(y).text.strip(): view.render_line(y) for y in range(view.size.height)}
        heading = next(strip for text, strip in rows.items() if text == "Early life")
        prose = next(strip for text, strip in rows.items() if text.startswith("Words of running"))
        assert all(seg.style.bold for seg in heading if seg.text.strip())
        assert not any(seg.style.bold for seg in prose if seg.text.strip())
