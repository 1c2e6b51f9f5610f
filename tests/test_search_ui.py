"""Pilot tests and snapshots of the library search pane and the find bar."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from reader.screens.index_status import IndexStatus
from reader.app import ReaderApp
from reader.screens.main import MainScreen
from reader.screens.search import SearchScreen
from reader.widgets.article_view import ArticleView
from reader.widgets.find_bar import FindBar
from reader.widgets.search_hits import SearchHits
from search_support import make_library
from tests.test_app import SIZE, wait_loaded
from tests.waiting import until


wait_for = partial(until, tries=150)


async def index_ready(pilot) -> None:
    await wait_loaded(pilot)
    screen = pilot.app.screen
    await wait_for(pilot, lambda: screen.query_one(IndexStatus).state is None, "the index update")


async def search_for(pilot, text: str) -> None:
    """Open the search pane with ``s`` and type ``text``."""
    await pilot.press("s")
    await pilot.pause()
    await pilot.press(*text)


async def searched(pilot, text: str):
    """Open the search pane, type ``text`` and wait for its results (the pane's)."""
    await search_for(pilot, text)
    await wait_for(pilot, lambda: pilot.app.screen.results is not None and pilot.app.screen.results.text == text,
                   "search results")
    return pilot.app.screen.results


def layer(app, name):
    return [(h.start, h.end, h.kind) for h in app.screen.query_one(ArticleView).highlights(name)]


def library(tmp_path: Path) -> Path:
    return make_library(tmp_path / "lib")


async def test_search_as_you_type_then_open_the_hit_with_matches(tmp_path, monkeypatch):
    said: list[str] = []
    notify = ReaderApp.notify
    monkeypatch.setattr(ReaderApp, "notify",
                        lambda self, message, **kw: said.append(message) or notify(self, message, **kw))
    app = ReaderApp(sources=[library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"islands")
        await wait_for(pilot, lambda: app.screen.results is not None, "search results")
        pane = app.screen
        assert pane.status_text.startswith("2 stories")
        hits = pane.query_one(SearchHits)
        assert [row.id for row in hits.rows][0] in {"senkaku", "storm"}
        await pilot.press("backspace", *"s -storm")
        await wait_for(pilot, lambda: pane.results.text == "islands -storm", "the newer search")
        assert [row.id for row in hits.rows] == ["senkaku"] and pane.status_text.startswith("1 story")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.column.article.id == "senkaku"
        body = app.screen.column.article.body
        marks = layer(app, "find")  # the hit's matches become what n/N step through
        assert [body[s:e] for s, e, _ in marks] == ["Islands", "islands"]
        assert isinstance(app.focused, ArticleView)
        # the count shows with the story, where n says it (the article's lower border)
        assert str(app.screen.query_one(ArticleView).border_subtitle) == "islands -storm: 1 of 2", said


async def test_the_arrows_choose_a_hit_while_the_query_keeps_the_focus(tmp_path):
    """As in a command palette: Down and Up move the highlighted hit, typing goes on in the
    query, and Enter opens the hit the arrows chose."""
    app = ReaderApp(sources=[library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(pilot)
        await search_for(pilot, "islands")
        pane = app.screen
        await wait_for(pilot, lambda: pane.results is not None and len(pane.results.hits) == 2, "two hits")
        hits = pane.query_one(SearchHits)
        query = pane.query_one("#search-input")
        assert hits.highlighted == 0
        await pilot.press("down")
        await pilot.pause()
        assert hits.highlighted == 1 and app.focused is query
        await pilot.press("up")
        await pilot.pause()
        assert hits.highlighted == 0
        await pilot.press("down")
        await pilot.pause()
        assert hits.highlighted == 1 and app.focused is query
        second = hits.rows[1].id
        answered = pane.results
        pane.index_changed(None)  # the index finished a build: the same query is asked again
        await wait_for(pilot, lambda: pane.results is not answered, "the query asked again")
        assert hits.rows[hits.highlighted].id == second  # the hit chosen stays chosen
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.screen.column.article.id == second


async def test_enter_right_after_typing_opens_a_hit_of_the_query_typed_not_of_the_one_before(tmp_path):
    """(A new user's pass: a query pasted and Enter at once opened the previous query's first hit.)"""
    app = ReaderApp(sources=[library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(pilot)
        await searched(pilot, "senkaku")
        pane = app.screen
        assert [row.id for row in pane.query_one(SearchHits).rows] == ["senkaku"]
        from textual import events

        for key in [*["backspace"] * len("senkaku"), *"tariffs", "enter"]:  # in one go, as a paste: Enter
            app.post_message(events.Key(key, key if len(key) == 1 else None))  # comes before the answer
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen), "the story opened")
        assert app.screen.column.article.id == "trade"


async def test_letters_typed_in_one_go_with_s_are_the_query(tmp_path):
    """"sislands" as one burst (a terminal's keys arrive queued): every letter reaches the
    field, none acts on the main screen ("a" hides the list, "u" marks read)."""
    from textual import events

    app = ReaderApp(sources=[library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(pilot)
        main = app.screen
        for key in "sislands":
            app.post_message(events.Key(key, key))
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen) and app.screen.results is not None,
                       "search results")
        assert app.screen.query_one("#search-input").value == "islands"
        assert main.library_panel.display  # "a" did not hide the list


async def test_the_word_being_typed_is_a_prefix(tmp_path):
    app = ReaderApp(sources=[library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(pilot)
        await searched(pilot, "isl")
        assert app.screen.status_text.startswith("2 stories")  # "isl" already finds "islands"


async def test_a_phrase_being_typed_finds_its_stories_letter_by_letter(tmp_path):
    """In an open quote the word being typed is a prefix too: '"senkaku isl' finds the
    stories of "Senkaku Islands" before the quote is closed, with no note about it."""
    app = ReaderApp(sources=[library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(pilot)
        results = await searched(pilot, '"senkaku isl')
        assert results.total >= 1 and "unbalanced" not in app.screen.status_text


async def test_escape_goes_back_and_a_bad_query_is_explained(tmp_path):
    app = ReaderApp(sources=[library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(pilot)
        before = app.screen.column.article.id
        await search_for(pilot, '"senkaku islands ')  # (the last word finished: no prefix being typed)
        await wait_for(pilot, lambda: app.screen.results is not None, "search results")
        assert "closed the unbalanced quote" in app.screen.status_text
        app.screen.query_one("#search-input").value = "shimonosekki"
        await wait_for(pilot, lambda: app.screen.results.text == "shimonosekki", "the corrected search")
        assert "did you mean shimonoseki?" in app.screen.status_text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.screen.column.article.id == before


async def test_a_long_explanation_wraps_in_80_columns_instead_of_being_cut(tmp_path):
    app = ReaderApp(sources=[library(tmp_path)])
    async with app.run_test(size=(80, 24)) as pilot:
        await index_ready(pilot)
        await search_for(pilot, "senkaku AND")
        await wait_for(pilot, lambda: "the lone operator was left out" in app.screen.status_text, "the note")
        await pilot.pause()
        label = app.screen.query_one("#search-status")
        shown = " ".join(label.render_line(y).text.strip() for y in range(label.region.height))
        assert label.region.height >= 2 and "the lone operator was left out" in shown, shown

async def test_find_bar_counts_steps_wraps_and_clears(tmp_path):
    app = ReaderApp(sources=[library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(pilot)
        app.screen.open_entry(app.screen.library_panel.catalog.get("senkaku"))
        await pilot.press("slash")
        await pilot.pause()
        bar = app.screen.query_one(FindBar)
        assert bar.is_open
        await pilot.press(*"island")
        await pilot.pause()
        assert bar.status == "1 of 3"  # at the top: the headline's ("… the Senkaku Islands") first
        assert [k for _, _, k in layer(app, "find")] == ["match", "match"]
        assert [h.kind for h in app.screen.query_one(ArticleView).title_matches()] == ["match-current"]
        await pilot.press("enter")
        assert bar.status == "2 of 3"
        await pilot.press("enter", "enter")
        assert bar.status == "1 of 3"  # wrapped around
        await pilot.press("up")  # where Shift+Enter does not reach the app
        assert bar.status == "3 of 3"
        await pilot.press("down")
        assert bar.status == "1 of 3"
        app.screen.query_one(ArticleView).focus()
        await pilot.press("N")
        assert bar.status == "3 of 3"
        await pilot.press("n")
        assert bar.status == "1 of 3"
        bar.query_one("#find-input").focus()
        await pilot.press("escape")
        await pilot.pause()
        # as in less and vim: the bar closes, the matches stay for n / N
        assert not bar.is_open and len(layer(app, "find")) == 2
        assert isinstance(app.focused, ArticleView)
        await pilot.press("n")
        assert app.screen.column.find_current == 1
        await pilot.press("escape")  # Esc in the article clears them
        await pilot.pause()
        assert layer(app, "find") == [] and app.screen.column.find_result is None


async def test_find_bar_toggles_and_invalid_regex(tmp_path):
    app = ReaderApp(sources=[library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(pilot)
        app.screen.open_entry(app.screen.library_panel.catalog.get("senkaku"))
        await pilot.press("slash", *"Island")
        await pilot.pause()
        bar = app.screen.query_one(FindBar)
        assert bar.status == "1 of 2"  # smart case: a capital makes it case-sensitive (the headline's, the body's)
        field = bar.query_one("#find-input")
        field.value = "island"
        forms = bar.query_one("#find-words")
        assert "X" not in forms.render_line(0).text  # an off toggle shows no mark
        await pilot.press("alt+s")
        await pilot.pause()
        assert bar.status == "1 of 3"  # word forms: island finds Islands (twice) and islands
        assert "X" in forms.render_line(0).text
        await pilot.press("alt+s")
        field.value = "(18"
        await pilot.press("alt+r")
        await pilot.pause()
        assert bar.status.startswith("bad regex")
        assert layer(app, "find") == []
        field.value = r"\d+"
        await pilot.pause()
        assert bar.status == "1 of 1"


def test_snapshot_search_pane(snap_compare, tmp_path):
    lib = library(tmp_path)

    async def run(pilot):
        await index_ready(pilot)
        await search_for(pilot, "islands")
        await wait_for(pilot, lambda: getattr(getattr(pilot.app.screen, "results", None), "text", "") == "islands",
                       "results")
        await pilot.pause()

    assert snap_compare(ReaderApp(sources=[lib]), terminal_size=SIZE, run_before=run)


def test_snapshot_find_bar(snap_compare, tmp_path):
    lib = library(tmp_path)

    async def run(pilot):
        await index_ready(pilot)
        pilot.app.screen.open_entry(pilot.app.screen.library_panel.catalog.get("senkaku"))
        await pilot.press("slash", *"islands")
        await pilot.pause()

    assert snap_compare(ReaderApp(sources=[lib]), terminal_size=SIZE, run_before=run)


async def test_a_damaged_index_is_repaired_while_the_app_runs(tmp_path):
    app = ReaderApp(sources=[library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(pilot)
        screen = app.screen
        directory = screen.query_one(IndexStatus).index.directory
        screen.query_one(IndexStatus).index.close()
        for toc in directory.glob("*.toc"):
            toc.write_bytes(b"damaged")
        await pilot.press("s")
        await pilot.pause()
        pane = app.screen
        repairs = []
        repair = pane.broken
        pane.broken = lambda: (repairs.append(True), repair())
        await pilot.press(*"islands")
        await wait_for(pilot, lambda: repairs, "the failed search asking for a repair")
        await wait_for(pilot, lambda: screen.query_one(IndexStatus).state is None, "the repair")
        # once repaired, the query runs again by itself
        await wait_for(pilot, lambda: pane.status_text.startswith("2 stories") and "so far" not in pane.status_text,
                       "the search again")


async def test_enter_takes_the_spelling_suggested_when_nothing_is_found(tmp_path):
    app = ReaderApp(sources=[library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(pilot)
        await searched(pilot, "shimonosekki")
        assert app.screen.status_text.endswith("did you mean shimonoseki? Enter takes it"), app.screen.status_text
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.results.text == "shimonoseki", "the suggested search")
        assert isinstance(app.screen, SearchScreen) and app.screen.results.hits  # still the pane, now with hits
        assert app.screen.query_one("#search-input").value == "shimonoseki"


async def test_the_find_bar_opened_on_a_searchs_matches_takes_its_words(tmp_path):
    """``/`` in a story opened from the search opened on the bar's own last pattern, and its
    matches replaced the search's (a new user's pass): it takes the search's words instead."""
    from reader.widgets.find_bar import FindBar

    app = ReaderApp(sources=[library(tmp_path)])
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(pilot)
        await search_for(pilot, "islands -storm")
        pane = app.screen
        await wait_for(pilot, lambda: pane.results is not None and pane.results.text == "islands -storm", "hits")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.column.article.id == "senkaku"
        await pilot.press("slash")
        await pilot.pause()
        bar = app.screen.query_one(FindBar)
        assert bar.pattern == "islands" and bar.status == "1 of 3"
