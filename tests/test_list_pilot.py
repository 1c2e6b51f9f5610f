"""Pilot tests of the article list: sort, filter, star, read marks, counts, reopening."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from reader.app import ReaderApp
from reader.library.state import StateStore
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView

SIZE = (120, 36)
STORIES = [  # (file, title, source, published)
    ("a", "Zebra crossing opens", "Wire", "2021-03-01"),
    ("b", "Apples in season", "Gazette", "2023-07-15"),
    ("c", "Market falls", "Wire", "2022-01-09"),
    ("d", "Moon landing anniversary", "Bulletin", None),
]


def make_library(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, title, source, published in STORIES:
        meta = f"title: {title}\nsource: {source}\n" + (f"published: '{published}'\n" if published else "")
        paragraphs = [f"Paragraph {i} of {title} tells more of the story in several words." for i in range(60)]
        (folder / f"{name}.txt").write_text(f"---\n{meta}---\n\n" + "\n\n".join(paragraphs) + "\n")
    return folder


async def wait_loaded(pilot) -> None:
    for _ in range(200):
        await pilot.pause(0.02)
        view = pilot.app.query_one(ArticleView)
        if pilot.app.screen.library_panel.catalog.entries and view.wrapped_lines and not view.loading \
                and pilot.app.focused is not None:
            return
    raise AssertionError("the library did not load")


def titles(app) -> list[str]:
    return [a.title for a in app.query_one(ArticleList).visible_articles]


def screen_text(widget) -> str:
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def test_sorts_by_date_title_and_source(tmp_path: Path) -> None:
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        article_list = app.query_one(ArticleList)
        assert titles(app) == ["Apples in season", "Market falls", "Zebra crossing opens", "Moon landing anniversary"]
        assert app.focused is article_list
        await pilot.press("o")
        assert article_list.sort == "title"
        assert titles(app) == ["Apples in season", "Market falls", "Moon landing anniversary", "Zebra crossing opens"]
        await pilot.press("o")
        assert titles(app) == ["Moon landing anniversary", "Apples in season", "Market falls", "Zebra crossing opens"]
        assert article_list.border_title == "Articles by source"
        # What is drawn follows the order: the first row is the first title, then its source.
        text = screen_text(article_list)
        assert text.index("Moon landing") < text.index("Apples in season") < text.index("Zebra crossing")
        assert "Wire · 2022-01-09" in text


async def test_star_and_filters(tmp_path: Path) -> None:
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        article_list = app.query_one(ArticleList)
        # The first article (newest) is open, but not read yet: a story counts as read once read.
        assert article_list.border_subtitle == "4 articles · 4 unread"
        article_list.set_read("b", True)
        await pilot.press("j", "asterisk")  # star "Market falls"
        assert "Market falls" in [a.title for a in article_list.visible_articles if a.id in article_list.starred]
        assert "★ Market falls" in screen_text(article_list)
        app.screen.library_panel.writer.flush()  # written by the state thread
        with StateStore() as store:
            assert store.get("c").starred
        await pilot.press("v")  # unread
        assert article_list.show == "unread"
        assert titles(app) == ["Market falls", "Zebra crossing opens", "Moon landing anniversary"]
        assert article_list.border_title == "Articles by date · unread"
        assert article_list.border_subtitle == "3 of 4 articles · 3 unread"
        await pilot.press("v")  # starred
        assert titles(app) == ["Market falls"]
        article_list.set_read("c", True)
        assert article_list.border_subtitle == "1 of 4 articles · 0 unread"
        article_list.set_read("c", False)
        assert article_list.border_subtitle == "1 of 4 articles · 1 unread"
        await pilot.press("v")  # all again
        assert len(titles(app)) == 4
        article_list.filter_source("Wire")
        await pilot.pause()
        assert titles(app) == ["Market falls", "Zebra crossing opens"]
        assert article_list.border_title == "Articles by date · from Wire"
        assert article_list.border_subtitle == "2 of 4 articles · 2 unread"  # the unread among those shown
        article_list.set_read("c", True)
        assert article_list.border_subtitle == "2 of 4 articles · 1 unread"
        article_list.set_read("c", False)
        article_list.filter_ids("mentioning Moon", {"d"})
        await pilot.pause()
        assert titles(app) == []
        await pilot.press("c")
        assert len(titles(app)) == 4
        # back on the story highlighted before the filter that showed none (not on the first row)
        assert article_list.highlighted_article.title == "Market falls"
        await pilot.press("asterisk")  # unstar "Market falls" again
        assert article_list.highlighted_article.id == "c"
        app.screen.library_panel.writer.flush()
        with StateStore() as store:
            assert not store.get("c").starred
        assert "★" not in screen_text(article_list)


async def test_a_story_starred_under_the_starred_filter_joins_the_list_and_the_cursor_stays(tmp_path: Path) -> None:
    """(A new user's pass: the open story starred with the list showing "starred" was missing
    until the filter was cycled.)"""
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        article_list = app.query_one(ArticleList)
        await pilot.press("j", "asterisk")  # star "Market falls"
        await pilot.press("v", "v")  # starred only
        assert titles(app) == ["Market falls"]
        app.screen.library_panel.toggle_star("a")  # as * on the open story does
        assert titles(app) == ["Market falls", "Zebra crossing opens"]  # in the list's order (by date)
        assert article_list.highlighted_article.title == "Market falls"
        assert article_list.border_subtitle == "2 of 4 articles · 2 unread"
        app.screen.library_panel.toggle_star("a")  # unstarred: it stays until the filter changes
        assert titles(app) == ["Market falls", "Zebra crossing opens"]


async def test_reading_marks_read_and_u_toggles(tmp_path: Path) -> None:
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        article_list = app.query_one(ArticleList)
        assert "●" in screen_text(article_list)
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert app.screen.column.article.id == "a"
        assert "a" not in article_list.read  # opened, not read yet
        await pilot.press("G")  # read to its end
        assert "a" in article_list.read
        app.screen.library_panel.writer.flush()
        with StateStore() as store:
            assert store.get("a").read
        await pilot.press("u")  # in the article view: acts on the open article
        assert "a" not in article_list.read
        app.screen.library_panel.writer.flush()
        with StateStore() as store:
            assert not store.get("a").read
        assert article_list.border_subtitle == "4 articles · 4 unread"


async def test_reopens_on_the_last_article_and_position(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib")
    app = ReaderApp(sources=[library])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j", "j", "enter")  # "Zebra crossing opens"
        await pilot.pause()
        await pilot.press("space", "space")
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.scroll_y > 0
        top_text = view.render_line(0).text
    with StateStore() as store:
        last = store.last_opened()
    assert last is not None and last[0] == "a" and last[1] > 0
    app = ReaderApp(sources=[library])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        for _ in range(20):
            await pilot.pause(0.02)
        assert app.screen.column.article.id == "a"
        view = app.query_one(ArticleView)
        assert view.scroll_y > 0
        # The top line comes back (one line lower at most, when the top was a paragraph gap).
        assert top_text in (view.render_line(0).text, view.render_line(1).text) or not top_text.strip()
        assert app.query_one(ArticleList).highlighted_article.id == "a"
        # back in the middle of the story: the keys go on reading it
        assert app.focused is view
        before = view.scroll_y
        await pilot.press("space")
        await pilot.pause()
        assert view.scroll_y > before and app.screen.column.article.id == "a"


async def test_add_from_the_app(tmp_path: Path) -> None:
    new = tmp_path / "new.md"
    new.write_text("# Fresh story\n\nSomething new happened today in the town.\n")
    app = ReaderApp()  # the sample library, while the person has none
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        app.focused.value = str(new)
        await pilot.press("enter")
        article_list = app.query_one(ArticleList)
        for _ in range(200):
            await pilot.pause(0.02)
            if titles(app) == ["Fresh story"]:
                break
        # From now on the person's own library shows, with the new story in it.
        assert titles(app) == ["Fresh story"]
        assert article_list.border_subtitle == "1 article · 1 unread · 1 new"
        from reader import paths

        assert [p.name.startswith("fresh-story") for p in paths.library_dir().glob("*.txt")] == [True]


async def test_filter_to_articles_mentioning_a_name(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib")
    (library / "e.txt").write_text("---\ntitle: Talks resume\nsource: Wire\n---\n\nHua Chunying spoke in Beijing.\n")
    app = ReaderApp(sources=[library])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        app.screen.filter_mentioning("Hua Chunying", ["Hua Chunying", "Hua"])
        for _ in range(100):
            await pilot.pause(0.02)
            if app.query_one(ArticleList).id_filter:
                break
        assert titles(app) == ["Talks resume"]
        assert app.query_one(ArticleList).border_title == "Articles by date · mentioning Hua Chunying"
        assert app.query_one(ArticleList).border_subtitle.startswith("1 of 5 articles")
        # a name no story mentions says so and leaves the list as it was (not an empty list)
        said: list[str] = []
        original = app.notify
        app.notify = lambda message, *args, **kwargs: (said.append(str(message)), original(message, *args, **kwargs))
        app.query_one(ArticleList).clear_filters()
        app.screen.filter_mentioning("“Zanzibar”", ["Zanzibar"])
        for _ in range(100):
            await pilot.pause(0.02)
            if any("No article mentions “Zanzibar”" in notice for notice in said):
                break
        assert any("No article mentions “Zanzibar”" in notice for notice in said), said
        assert not app.query_one(ArticleList).id_filter and len(titles(app)) == 5


async def test_palette_offers_sort_filter_add_and_mentions(tmp_path: Path) -> None:
    from reader.palette import LibraryCommands

    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        provider = LibraryCommands(app.screen)
        hits = [hit async for hit in provider.search("sort title")]
        assert hits and str(hits[0].text) == "Sort articles by title"
        hits[0].command()
        await pilot.pause()
        assert app.query_one(ArticleList).sort == "title"
        # a theme by its name ("sepia" offered nothing but the mention and search lines)
        other = next(name for name in sorted(app.available_themes) if name != app.theme)
        hits = [hit async for hit in provider.search(other)]
        assert str(hits[0].text) == f"Theme: {other}", [str(h.text) for h in hits]
        hits[0].command()
        await pilot.pause()
        assert app.theme == other
        labels = [str(hit.text) async for hit in provider.search("gazette")]
        assert "Show articles from Gazette" in labels
        assert "Show articles mentioning “gazette”" in labels
        labels = [str(hit.text) async for hit in provider.search("add")]
        assert "Add articles, pages or feeds…" in labels
        # a source is data: its words, not letters scattered over its command ("variste" offered
        # "Show articles from Oracle VM VirtualBox…" above a title holding it, a new user's pass)
        labels = [str(hit.text) async for hit in provider.search("gzt")]
        assert "Show articles from Gazette" not in labels
        labels = [str(hit.text) async for hit in provider.search("GAZ")]
        assert "Show articles from Gazette" in labels


async def test_a_list_command_chosen_while_the_sidebar_has_the_lists_place_shows_the_list(tmp_path: Path) -> None:
    """At 120 columns the sidebar takes the list's place (e): a source filter, a sort or a
    filter chosen in the palette brings the list back, or nothing would show what it did."""
    from reader.palette import LibraryCommands

    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        main = app.screen
        for query, wanted in (("gazette", "Show articles from Gazette"), ("sort title", "Sort articles by title")):
            await pilot.press("e")
            await pilot.pause()
            assert main.pane_shown("sidebar") and not main.pane_shown("list")
            hits = [hit async for hit in LibraryCommands(main).search(query)]
            next(hit for hit in hits if str(hit.text) == wanted).command()
            await pilot.pause()
            assert main.pane_shown("list") and app.focused is main.library_panel.article_list, wanted
        assert "Gazette" in main.library_panel.article_list.border_title
        assert main.library_panel.article_list.sort == "title"


async def test_the_list_says_it_is_loading_until_it_has_articles():
    from textual.app import App

    class ListOnly(App):
        def compose(self):
            yield ArticleList()

    app = ListOnly()
    async with app.run_test(size=(60, 10)) as pilot:
        article_list = app.query_one(ArticleList)
        assert article_list.empty_text == "Loading the library…"
        article_list.set_articles([])
        await pilot.pause()
        assert article_list.empty_text == "No articles."


async def test_an_unusable_reading_state_is_said_once_and_reading_goes_on(tmp_path):
    from reader.library.state import default_path

    default_path().parent.mkdir(parents=True, exist_ok=True)
    default_path().write_bytes(b"this is not a database" * 100)
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    said = []
    original = app.notify
    app.notify = lambda message, *args, **kwargs: (said.append(str(message)), original(message, *args, **kwargs))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert sum("read marks and stars will not be kept" in m for m in said) == 1
        assert app.screen.library_panel.writer is None
        await pilot.press("j", "asterisk")  # starring still shows, it is just not kept
        assert app.screen.query_one(ArticleList).starred


async def test_the_top_row_is_never_cut_in_half_after_a_sort(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(60):
        (folder / f"s{n:02d}.txt").write_text(f"---\ntitle: Story {n:02d} {'zyx'[n % 3]}\npublished: 2021-01-{n % 28 + 1:02d}\n"
                                              f"---\nText {n}.\n")
    app = ReaderApp(sources=[folder])
    async with app.run_test(size=(150, 31)) as pilot:  # an odd number of rows for the list
        await wait_loaded(pilot)
        article_list = app.query_one(ArticleList)
        article_list.focus()
        for _ in range(3):
            await pilot.press(*["j"] * 17, "o")
            await pilot.pause()
            assert int(article_list.scroll_y) % 2 == 0  # the first line drawn is a title line
            top = int(article_list.scroll_y) // 2
            shown = (article_list.scrollable_content_region.height + 1) // 2
            assert top <= article_list.highlighted < top + shown


async def test_the_top_row_is_never_cut_in_half_after_a_resize(tmp_path: Path) -> None:
    """Scrolled to the end, a taller window cuts the scroll offset to the list's new end,
    which can fall inside a row: the list scrolls back to a whole row."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(40):
        (folder / f"s{n:02d}.txt").write_text(f"---\ntitle: Story {n:02d}\n---\nText {n}.\n")
    app = ReaderApp(sources=[folder])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        article_list = app.query_one(ArticleList)
        article_list.focus()
        await pilot.press("G")
        ends_inside_a_row = 0
        for size in ((120, 37), (200, 60), (150, 31), (120, 36)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            ends_inside_a_row += article_list.max_scroll_y % 2
            assert int(article_list.scroll_y) % 2 == 0, size  # the first line drawn is a title line
        assert ends_inside_a_row  # the case that cut a row in half was met


async def test_a_long_source_is_cut_with_an_ellipsis_and_its_date_kept(tmp_path: Path) -> None:
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "a.txt").write_text("---\ntitle: " + "A headline much longer than the list is wide " * 2
                                  + "\nsource: 'PCMag.com: the Official John C. Dvorak RSS Feed'\n"
                                  "published: '2018-01-17'\n---\nText.\n")
    app = ReaderApp(sources=[folder])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        article_list = app.query_one(ArticleList)
        title, details = (article_list.render_line(y).text.rstrip() for y in (0, 1))
    assert title.endswith("…") and details.endswith("… · 2018-01-17") and "PCMag.com" in details


async def test_the_list_keys_work_from_the_article_and_read_and_star_say_so_when_the_list_is_hidden(tmp_path: Path):
    from tests.test_link_keys import NotedApp

    app = NotedApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        article_list = app.query_one(ArticleList)
        app.query_one(ArticleView).focus()
        await pilot.press("o")  # sort, from the article
        assert article_list.sort == "title" and "Sorted by title" in app.said
        await pilot.press("v")
        assert article_list.show == "unread"
        await pilot.press("c")
        assert article_list.show == "all" and "Showing all articles" in app.said
        said = len(app.said)
        await pilot.press("asterisk")  # the list shows the star: nothing to say
        assert len(app.said) == said
        await pilot.press("a")  # hide the list
        assert not app.screen.pane_shown("list")
        await pilot.press("asterisk", "u")
        opened = app.screen.column.article.id
        assert opened not in article_list.starred and app.said[-2:] == ["Star removed", "Marked read"]


async def test_the_palette_opens_titles_that_hold_the_words_typed_and_falls_back_to_letters_for_a_typo(tmp_path):
    from tests.test_dialogs import screen_text as whole_screen

    folder = tmp_path / "lib"
    folder.mkdir()
    for name, title in [("t", "New tax on sugar drinks"), ("x", "The Texas axe murders"),
                        ("r", "Troubled rumours of mapping"), ("m", "Tribes honour the whale, say Māori elders")]:
        (folder / f"{name}.txt").write_text(f"---\ntitle: {title}\n---\n\nA body for {name}.\n")
    app = ReaderApp(sources=[folder])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        for typed in ("tax", "sugr"):  # a word; a typo (no title holds it: letters in order)
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*typed)
            await pilot.pause(0.5)
            text = whole_screen(app)
            assert "Open article: New tax on sugar" in text, typed
            assert "Open article: The Texas axe" not in text, typed  # "t… a… x…" scattered in it
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"maori elders")  # no accent typed: "Māori" holds it (smart accents)
        await pilot.pause(0.5)
        assert "Open article: Tribes honour the whale" in whole_screen(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"trump")  # no title holds it, and its letters are scattered over one
        await pilot.pause(0.5)
        assert "Open article: Troubled rumours" not in whole_screen(app)
        await pilot.press("escape")
        await pilot.pause()
        app.query_one(ArticleList).focus()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"sugar")
        for _ in range(100):  # the palette's provider searches in a thread
            await pilot.pause(0.02)
            if "Open article: New tax on sugar" in whole_screen(app):
                break
        await pilot.press("enter")  # opened from the palette: read at once (space pages it)
        for _ in range(100):
            await pilot.pause(0.02)
            if isinstance(app.focused, ArticleView):
                break
        assert app.screen.column.article.title == "New tax on sugar drinks"
        assert isinstance(app.focused, ArticleView)


def test_titles_sort_after_their_opening_quote_marks():
    from types import SimpleNamespace

    from reader.library.ordering import sort_order

    articles = [SimpleNamespace(title=t, source=None, published=None)
                for t in ["'What is the sea?'", "Apples", "“Zebra” crossings", "— Moon —", "..."]]
    assert [articles[i].title for i in sort_order(articles, "title")] == [
        "...", "Apples", "— Moon —", "'What is the sea?'", "“Zebra” crossings"]


async def test_the_sort_order_chosen_is_kept_for_the_next_start(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib")
    app = ReaderApp(sources=[library])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("o")  # by title
        assert app.query_one(ArticleList).sort == "title"
    again = ReaderApp(sources=[library])
    async with again.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        article_list = again.query_one(ArticleList)
        assert article_list.sort == "title" and article_list.border_title == "Articles by title"
        assert titles(again) == ["Apples in season", "Market falls", "Moon landing anniversary", "Zebra crossing opens"]


async def test_which_articles_show_is_kept_for_the_next_start_and_c_clears_it(tmp_path: Path) -> None:
    library = make_library(tmp_path / "lib")
    app = ReaderApp(sources=[library])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        article_list = app.query_one(ArticleList)
        article_list.focus()
        await pilot.press("asterisk")  # star the highlighted article
        await pilot.press("v", "v")  # unread, then starred
        assert article_list.show == "starred" and len(titles(app)) == 1
    again = ReaderApp(sources=[library])
    async with again.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        article_list = again.query_one(ArticleList)
        assert article_list.show == "starred" and len(titles(again)) == 1
        assert "starred" in str(article_list.border_title)
        article_list.focus()
        await pilot.press("c")
        assert article_list.show == "all" and len(titles(again)) == 4
    third = ReaderApp(sources=[library])
    async with third.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        assert third.query_one(ArticleList).show == "all"


async def test_the_filters_and_counts_follow_every_read_and_star_change():
    """The unread and starred filters read a flag per article, kept with every change; what
    they show and count must be what the read and starred sets say."""
    import random

    from textual.app import App

    from reader.library.catalog import CatalogEntry

    class One(App):
        def compose(self):
            yield ArticleList(id="articles")

    entries = [CatalogEntry(f"a{n:02d}", f"Story {n}", "Wire" if n % 3 else "Post", f"2020-01-{n % 28 + 1:02d}",
                            None, None, 100, (), f"/x/{n}.txt", None) for n in range(40)]
    rng = random.Random(5)
    async with One().run_test() as pilot:
        article_list = pilot.app.query_one(ArticleList)
        article_list.set_articles(entries, read={"a01", "a02"}, starred={"a03"})
        for step in range(120):
            target = rng.choice(entries).id
            if rng.random() < 0.5:
                article_list.set_read(target, rng.random() < 0.6)
            else:
                article_list.set_starred(target, rng.random() < 0.5)
            if step % 10 == 0:
                article_list.set_read_many([e.id for e in rng.sample(entries, 5)], rng.random() < 0.5)
            if step % 4 == 0:  # a row that stops matching stays until the filters change
                article_list.show = rng.choice(["all", "unread", "starred"])
                article_list.filter_source(rng.choice([None, "Wire"]))
                await pilot.pause(0)
                wanted = {e.id for e in entries if (article_list.source_filter in (None, e.source))
                          and (article_list.show != "unread" or e.id not in article_list.read)
                          and (article_list.show != "starred" or e.id in article_list.starred)}
                assert {a.id for a in article_list.visible_articles} == wanted
            shown = {a.id for a in article_list.visible_articles}
            unread = sum(1 for a in shown if a not in article_list.read)
            assert article_list.shown_unread_count == unread
            assert article_list.unread_count == sum(1 for e in entries if e.id not in article_list.read)


async def test_the_palette_hands_a_phrase_no_title_holds_to_the_library_search(tmp_path):
    """A word no title holds ("Menednez", a letter-swap typo) can go to the library search,
    which ranks every story's text and suggests a spelling; the palette offered only a filter
    that then showed no article (a new user's pass)."""
    from textual.command import CommandList, CommandPalette

    from reader.screens.search import SearchScreen

    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "m.txt").write_text("---\ntitle: Trial enters its second day\n---\n\nSenator Menendez spoke.\n")
    app = ReaderApp(sources=[folder])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Menednez")
        palette = app.screen
        assert isinstance(palette, CommandPalette)

        def offered() -> int | None:
            hits = palette.query_one(CommandList)
            return next((i for i in range(hits.option_count)
                         if "Search the library for “Menednez”" in str(hits.get_option_at_index(i).prompt)), None)

        for _ in range(100):
            await pilot.pause(0.02)
            if offered() is not None:
                break
        palette.query_one(CommandList).highlighted = offered()
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.02)
            if isinstance(app.screen, SearchScreen):
                break
        assert isinstance(app.screen, SearchScreen) and app.screen.query_one("Input").value == "Menednez"


async def test_a_filter_that_hides_every_article_says_which_key_shows_them(tmp_path: Path) -> None:
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        article_list = app.query_one(ArticleList)
        article_list.focus()
        await pilot.press("j", "j")
        chosen = article_list.highlighted_article.id
        await pilot.press("v", "v")  # starred only, and none is starred
        await pilot.pause()
        assert titles(app) == []
        assert "Nothing starred (*) · c shows all" in screen_text(article_list)
        await pilot.press("c")
        await pilot.pause()
        assert len(titles(app)) == 4
        assert article_list.highlighted_article.id == chosen  # back where it was, not on the first row
