"""Reading in the article view: instant paging, the place kept across resizes, the headline once."""

from __future__ import annotations

from reader.app import ReaderApp
from reader.widgets.article_view import ArticleView
from tests.test_app import make_library, visible_text, wait_loaded
from tests.waiting import until


async def test_paging_is_instant_not_animated(tmp_path):
    app = ReaderApp(sources=[make_library(tmp_path, 1)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        view = app.query_one(ArticleView)
        view.action_page_down()
        assert view.scroll_y == view.scrollable_content_region.height  # already there: no animation
        view.action_scroll_end()
        assert view.scroll_y == view.max_scroll_y
        view.action_scroll_home()
        assert view.scroll_y == 0


def top_body_text(view: ArticleView) -> tuple[int, str]:
    """The offset and text of the top body line on screen."""
    line = next(line for line in view.wrapped_lines[int(view.scroll_y):] if line.part == "body")
    return line.start, view.article.body[line.start:line.end]


async def test_the_reading_place_survives_a_resize_to_wide_and_back(tmp_path):
    app = ReaderApp(sources=[make_library(tmp_path, 1)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        view = app.query_one(ArticleView)
        view.focus()
        await pilot.press("G")
        at_bottom = top_body_text(view)
        assert view.scroll_y == view.max_scroll_y > 0
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert top_body_text(view) == at_bottom and view.scroll_y == view.max_scroll_y
        await pilot.press("g", "space", "space")
        middle = top_body_text(view)
        for size in ((200, 60), (100, 30), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        assert top_body_text(view) == middle
        assert app.screen.column.reading_position() == middle[0]


async def test_the_headline_is_shown_once():
    app = ReaderApp()  # the sample: its title is its first sentence
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        view = app.query_one(ArticleView)
        article = view.article
        assert "China has told Japan" not in str(view.border_title)
        text = visible_text(app)
        assert text.count("China has told Japan") == 1
        # in full (the list's title is cut), and drawn as a headline
        assert "following reports of a planned party-level security dialogue between Tokyo and" in " ".join(text.split())
        first = next(y for y in range(view.size.height) if "China has told Japan" in view.render_line(y).text)
        assert any(seg.style and seg.style.bold for seg in view.render_line(first) if "China" in seg.text)
        assert article.body.startswith("China has told Japan")


async def test_a_separate_headline_is_shown_once_above_the_body(tmp_path):
    (tmp_path / "a.txt").write_text("Storm floods coastal towns\n\nA storm flooded towns along the coast.\n")
    app = ReaderApp(sources=[tmp_path])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        view = app.query_one(ArticleView)
        assert visible_text(app).count("Storm floods coastal towns") == 1
        assert "Storm floods" not in str(view.border_title)




async def test_a_story_counts_as_read_once_read_not_when_opened(tmp_path):
    from reader.library.state import StateStore

    app = ReaderApp(sources=[make_library(tmp_path, 3)])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        article_list = screen.library_panel.article_list
        first = screen.column.article.id
        assert first not in article_list.read  # opened at start, not read yet
        screen.open_entry(screen.library_panel.catalog.get("01"))
        await pilot.pause()
        assert "01" not in article_list.read
        screen.column.view.focus()
        await pilot.press("G")  # scrolled to its end: read
        await until(pilot, lambda: "01" in article_list.read, "the story read to its end")
        screen.column.read_after = 0.05  # open a while: read
        screen.open_entry(screen.library_panel.catalog.get("02"))
        await until(pilot, lambda: "02" in article_list.read, "the story open a while")
        await pilot.press("u")  # marked unread by hand: it stays so
        await pilot.pause(0.2)
        assert "02" not in article_list.read
        screen.library_panel.writer.flush()
        with StateStore() as store:
            assert store.get("01").read and not store.get("02").read and not store.get(first).read
            assert store.last_opened()[0] == "02"
async def test_a_headline_drawn_in_the_body_comes_before_the_story_details(tmp_path):
    """A title that is the body's first sentence is drawn there, once; the word count and
    the credit follow that first paragraph, as they follow a title drawn on its own."""
    app = ReaderApp()  # the sample: its title is its first sentence
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        view = app.query_one(ArticleView)
        parts = [line.part for line in view.wrapped_lines]
        first_meta = parts.index("meta")
        assert parts[0] == "body" and "blank" in parts[:first_meta]
        assert view.article.body[view.wrapped_lines[0].start:].startswith("China has told Japan")
        assert parts[first_meta + 1] == "credit" and parts[first_meta + 2] == "blank"
    (tmp_path / "a.txt").write_text("Storm floods coastal towns\n\nA storm flooded towns along the coast.\n")
    app = ReaderApp(sources=[tmp_path])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        parts = [line.part for line in app.query_one(ArticleView).wrapped_lines]
        assert parts[:3] == ["title", "meta", "blank"]  # a separate title: the details under it


async def test_a_one_paragraph_story_shows_its_details_under_its_headline(tmp_path):
    (tmp_path / "short.txt").write_text("---\ntitle: Ferry delayed by fog.\n---\n"
                                        "Ferry delayed by fog. The morning boat left two hours late. " * 1
                                        + "Passengers waited in the terminal. " * 12 + "\n")
    app = ReaderApp(sources=[tmp_path])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        view = app.query_one(ArticleView)
        lines, body = view.wrapped_lines, view.article.body
        parts = [line.part for line in lines]
        first_meta = parts.index("meta")
        assert parts[:first_meta] == ["body", "blank"]  # the headline alone, then the details
        assert body[lines[0].start:lines[0].end] == "Ferry delayed by fog."
        assert parts[first_meta + 1] == "blank" and parts[-1] == "body"
        assert body[lines[first_meta + 2].start:].startswith("The morning boat left")  # the paragraph goes on
