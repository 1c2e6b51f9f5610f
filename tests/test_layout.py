"""The main screen at every width: the article keeps a readable width, side panes dock
beside it or become overlays, the footer and the list's title fit."""

from __future__ import annotations

from textual.widgets import Footer

from reader.app import ReaderApp
from reader.config import load_settings
from reader.screens.layout import ARTICLE_MIN, plan_layout
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from search_support import make_library
from tests.test_app import wait_loaded
from tests.waiting import until


def test_plan_keeps_the_article_readable_and_gives_wide_screens_room():
    narrow = plan_layout(80)
    assert not narrow.list_docked and not narrow.sidebar_docked
    medium = plan_layout(120)
    assert medium.list_docked and not medium.sidebar_docked
    assert medium.list_width >= 40 and 120 - medium.list_width >= ARTICLE_MIN
    wide = plan_layout(200)
    assert wide.list_docked and wide.sidebar_docked
    assert wide.list_width >= 48 and wide.sidebar_width >= 40
    assert 200 - wide.list_width - wide.sidebar_width >= ARTICLE_MIN
    assert plan_layout(200, list_width=70).list_width == 70
    assert not plan_layout(120, list_width=70).list_docked  # too wide to sit beside the article


def test_columns_the_articles_measure_leaves_blank_go_to_the_titles_then_the_sidebar():
    wide = plan_layout(200, text_width=80)  # 80 columns of text (and its margins) need 88 of 200
    assert (wide.list_width, wide.sidebar_width) == (64, 48)
    assert 200 - wide.list_width - wide.sidebar_width >= 80 + 8
    assert plan_layout(200, text_width=None) == plan_layout(200)  # the text takes the whole pane: nothing spare
    assert plan_layout(200, list_width=50, text_width=80).list_width == 50  # config.yaml's width stays
    assert plan_layout(160, text_width=80) == plan_layout(160)  # nothing spare there


def pane_state(app) -> dict[str, object]:
    screen = app.screen
    return {
        "article": app.query_one(ArticleView).region.width,
        "list": screen.pane_shown("list"),
        "sidebar": screen.pane_shown("sidebar"),
        "list_overlay": screen.library_panel.has_class("-overlay"),
        "sidebar_overlay": screen.sidebar.has_class("-overlay"),
    }


async def test_at_80_columns_the_article_gets_the_width_and_panes_are_overlays(tmp_path):
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        state = pane_state(app)
        assert state["article"] >= 60 and not state["list"] and not state["sidebar"]
        assert isinstance(app.focused, ArticleView)
        await pilot.press("a")  # the list, over the article
        assert pane_state(app)["list"] and pane_state(app)["list_overlay"]
        assert pane_state(app)["article"] == state["article"]
        assert isinstance(app.focused, ArticleList)
        await pilot.press("j", "enter")  # opening a story closes the overlay
        await pilot.pause()
        assert not pane_state(app)["list"] and isinstance(app.focused, ArticleView)
        await pilot.press("e")
        assert pane_state(app)["sidebar"] and pane_state(app)["sidebar_overlay"]
        await pilot.pause()
        details = app.query_one("#article-details")
        assert not details.display or details.region.height == 0  # 24 rows: the entities and note take them
        await pilot.press("escape")
        assert not pane_state(app)["sidebar"] and isinstance(app.focused, ArticleView)
        await pilot.resize_terminal(120, 36)
        await pilot.press("e")
        await pilot.pause()
        assert app.query_one("#article-details").region.height > 0  # room enough: the story's details


async def test_panes_follow_resizes(tmp_path):
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_loaded(pilot)
        state = pane_state(app)
        assert state["list"] and state["sidebar"] and not state["list_overlay"] and not state["sidebar_overlay"]
        view = app.query_one(ArticleView)
        assert view.text_width == 80  # a readable measure; the columns it leaves went to the side panes
        assert (app.screen.panes.plan.list_width, app.screen.panes.plan.sidebar_width) == (64, 48)
        first = next(y for y in range(view.size.height) if view.render_line(y).text.strip())
        line = view.render_line(first).text
        assert len(line) - len(line.lstrip()) >= 2  # the margin
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        state = pane_state(app)
        assert state["list"] and not state["sidebar"] and state["article"] >= ARTICLE_MIN
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not pane_state(app)["list"] and pane_state(app)["article"] >= 60
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert pane_state(app)["list"] and pane_state(app)["sidebar"]


async def test_at_200_columns_e_that_shows_the_sidebar_puts_the_focus_in_it():
    """Beside the article too, the sidebar its key brings back has the focus and an entity
    chosen: ``j`` moves through the entities and ``m`` goes to a mention, not "no entity"."""
    app = ReaderApp()
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_loaded(pilot)
        sidebar = app.screen.sidebar
        entities = sidebar.query_one("#entities")
        await until(pilot, lambda: entities.entities, "the entities")
        assert pane_state(app)["sidebar"] and app.focused is not entities
        await pilot.press("e")
        assert not pane_state(app)["sidebar"]
        await pilot.press("e")
        state = pane_state(app)
        assert state["sidebar"] and not state["sidebar_overlay"] and state["list"]
        assert app.focused is entities
        await until(pilot, lambda: sidebar.selected is not None, "the entity under the cursor chosen")
        first = sidebar.selected
        await pilot.press("m")
        assert sidebar.mention_index == 0 and first.mentions
        await pilot.press("j")
        await until(pilot, lambda: sidebar.selected is not first, "j moves to the next entity")


async def test_at_120_columns_the_sidebar_takes_the_lists_place_beside_the_article(tmp_path):
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        assert plan_layout(120).sidebar_swaps and not plan_layout(80).sidebar_swaps
        assert not plan_layout(200).sidebar_swaps  # both sit beside the article there
        await pilot.press("e")
        state = pane_state(app)
        assert state["sidebar"] and not state["sidebar_overlay"] and not state["list"]
        view, sidebar = app.query_one(ArticleView), app.screen.sidebar
        assert state["article"] >= ARTICLE_MIN and view.region.right <= sidebar.region.x  # beside, not over
        assert app.focused is sidebar.query_one("#entities")
        await pilot.press("e")  # back to the list beside the article
        state = pane_state(app)
        assert state["list"] and not state["sidebar"]
        assert app.focused is app.query_one(ArticleList)  # back from the sidebar that had the focus
        await pilot.press("e", "a")  # the list's key brings the list back too, with the focus: j moves it
        state = pane_state(app)
        assert state["list"] and not state["sidebar"] and app.focused is app.query_one(ArticleList)
        await pilot.press("e")
        await pilot.resize_terminal(200, 60)  # wide: both beside the article
        await pilot.pause()
        state = pane_state(app)
        assert state["list"] and state["sidebar"] and not state["sidebar_overlay"]
        await pilot.resize_terminal(80, 24)  # narrow: overlays again, closed
        await pilot.pause()
        state = pane_state(app)
        assert not state["list"] and not state["sidebar"]
        await pilot.resize_terminal(120, 36)  # back: the sidebar the person chose, not the list
        await pilot.pause()
        state = pane_state(app)
        assert state["sidebar"] and not state["list"]
        await pilot.press("e")  # and e still gives the list back
        state = pane_state(app)
        assert state["list"] and not state["sidebar"]


async def test_the_list_width_comes_from_config(tmp_path):
    from reader.config import config_path

    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text("list_width: 60\n")
    assert load_settings().settings.list_width == 60
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_loaded(pilot)
        assert app.screen.library_panel.region.width == 60


def test_a_bad_list_width_names_its_line():
    from reader.config import config_path

    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text("theme: ink\nlist_width: wide\n")
    loaded = load_settings()
    assert loaded.settings.list_width is None
    assert [p.message for p in loaded.problems][0].startswith("line 2: list_width must be")


def footer_keys(app) -> list[tuple[str, int, int]]:
    """(key, first cell, end) of each key in the footer, the palette's last."""
    footer = app.screen.query_one(Footer)
    return [(child.key_display, child.region.x, child.region.right) for child in footer.children]


async def test_the_footer_fits_with_quit_read_and_star_in_the_list(tmp_path):
    for size in ((80, 24), (120, 36)):
        app = ReaderApp(sources=[make_library(tmp_path / "lib")])
        async with app.run_test(size=size) as pilot:
            await wait_loaded(pilot)
            if not app.screen.pane_shown("list"):
                await pilot.press("a")
            app.screen.library_panel.article_list.focus()
            for focus in ("list", "article"):
                wanted = {"q", "?", "s", "/", "a", "e"} | ({"u", "*"} if focus == "list" else set())
                for _ in range(100):  # the footer follows the focus after a refresh
                    await pilot.pause(0.02)
                    keys = footer_keys(app)
                    if keys and keys[-1][0] == "^p" and wanted <= {key for key, _, _ in keys}:
                        break
                palette = keys[-1]
                assert palette[0] == "^p" and palette[2] <= size[0]
                shown = {key for key, _, end in keys[:-1] if end <= palette[1]}
                assert wanted <= shown, (size, focus, keys)
                app.screen.column.view.focus()


async def test_the_list_title_shows_the_sort_and_the_filter(tmp_path):
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("a")
        article_list = app.query_one(ArticleList)
        assert article_list.border_title == "Articles by date"
        assert article_list.border_subtitle == "4 articles · 4 unread"
        await pilot.press("o", "v")
        assert article_list.border_title == "Articles by title · unread"
        assert article_list.border_subtitle == "4 of 4 articles · 4 unread"
        assert article_list.counts_text(20) == "4 of 4 · 4 unread"  # a narrow list drops the word
        assert article_list.region.width >= len(article_list.border_title) + 4  # not cut at 80


async def test_the_footer_shows_only_whole_keys_with_the_sidebar_focused(tmp_path):
    """Keys that do not fit before the palette's key are hidden, not cut (a stray `l` at 80);
    Quit and Help stay."""
    for size in ((80, 24), (120, 36), (200, 60)):
        app = ReaderApp(sources=[make_library(tmp_path / "lib")])
        async with app.run_test(size=size) as pilot:
            await wait_loaded(pilot)
            if not app.screen.pane_shown("sidebar"):
                await pilot.press("e")
            app.screen.sidebar.query_one("#entities").focus()
            for _ in range(100):  # the footer follows the focus after a refresh
                await pilot.pause(0.02)
                keys = footer_keys(app)
                if keys and keys[0][0] == "j/k" and keys[-1][0] == "^p":
                    break
            await pilot.pause(0.1)
            footer = app.screen.query_one(Footer)
            palette = footer.children[-1]
            assert palette.key_display == "^p" and palette.region.right <= size[0]
            shown = [key for key in footer.children[:-1] if key.display]
            assert shown and shown[0].key_display == "j/k"  # (the entity list's own key first: Move)
            cut = [(key.key_display, key.region.x, key.region.right) for key in shown
                   if key.region.right > palette.region.x]
            assert not cut, (size, cut)
            assert {"q", "?"} <= {key.key_display for key in shown}, (size, [k.key_display for k in shown])


async def test_going_to_a_mention_from_the_sidebar_over_the_article_shows_the_article():
    """At 80 columns the sidebar covers half the text: Enter on an entity closes it, so the
    mention it goes to is on screen."""
    from reader.widgets.entity_list import EntityList

    app = ReaderApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        entity_list = app.query_one(EntityList)
        await until(pilot, lambda: entity_list.entities, "the entities")
        assert pane_state(app)["sidebar"] and pane_state(app)["sidebar_overlay"]
        await until(pilot, lambda: app.screen.sidebar.selected is not None, "the entity under the cursor shown")
        first = entity_list.entities_in_order()[0]
        assert app.screen.sidebar.selected is first  # e shows the entity its cursor is on, not "Choose an entity"
        entity_list.select_key("treaty-of-shimonoseki")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not pane_state(app)["sidebar"] and isinstance(app.focused, ArticleView)
        view = app.query_one(ArticleView)
        shown = "\n".join(view.render_line(y).text for y in range(view.size.height))
        assert "Shimonoseki" in shown


async def test_at_80_columns_a_and_e_swap_one_overlay_for_the_other(tmp_path):
    """With the entities over the article, ``a`` only closed them and a second ``a`` opened the
    list (and ``e`` from the list likewise; a new user's pass): one key opens the other pane."""
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert pane_state(app)["sidebar"]
        await pilot.press("a")
        await pilot.pause()
        assert pane_state(app)["list"] and not pane_state(app)["sidebar"]
        assert isinstance(app.focused, ArticleList)
        await pilot.press("e")
        await pilot.pause()
        assert pane_state(app)["sidebar"] and not pane_state(app)["list"]
        assert app.screen.sidebar.has_focus_within
