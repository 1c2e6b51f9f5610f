"""The find bar's keys from its input: Alt toggles as terminals send them, Tab back to the article."""

from __future__ import annotations

from textual import events
from textual.widgets import Checkbox

from reader.app import ReaderApp
from reader.widgets.article_view import ArticleView
from reader.widgets.find_bar import FindBar
from search_support import make_library
from tests.test_app import SIZE, wait_loaded
from tests.test_search_ui import index_ready


def one_story_app(tmp_path, text: str) -> ReaderApp:
    """The app on a library of one story, the file ``text`` (its first line the headline)."""
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "story.txt").write_text(text)
    return ReaderApp(sources=[lib])


async def open_find(pilot, text: str) -> FindBar:
    app = pilot.app
    await index_ready(pilot)
    app.screen.open_entry(app.screen.library_panel.catalog.get("senkaku"))
    await pilot.press("slash", *text)
    await pilot.pause()
    return app.screen.query_one(FindBar)


async def test_alt_toggles_work_from_the_input_when_alt_comes_as_an_escape_prefix(tmp_path):
    """A terminal sends Alt+W as ESC w, which Textual reads as the key alt+w carrying the
    character "w": the Input must not type it."""
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        bar = await open_find(pilot, "island")
        field = bar.query_one("#find-input")
        assert app.focused is field
        for key, box in (("w", "#find-whole"), ("r", "#find-regex"), ("s", "#find-words")):
            app.post_message(events.Key(f"alt+{key}", key))  # what ESC + key becomes
            await pilot.pause()
            assert field.value == "island", f"alt+{key} typed {field.value!r}"
            assert bar.query_one(box, Checkbox).value, f"alt+{key} did not toggle {box}"
            app.post_message(events.Key(f"alt+{key}", key))
            await pilot.pause()
            assert not bar.query_one(box, Checkbox).value
        app.post_message(events.Key("alt+s", "s"))
        await pilot.pause()
        assert bar.status == "1 of 3"  # word forms: island finds Islands (the headline's too) and islands


async def test_tab_from_the_find_input_goes_to_the_article_where_space_pages(tmp_path):
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        bar = await open_find(pilot, "island")
        await pilot.press("tab")
        assert isinstance(app.focused, ArticleView)
        assert bar.is_open and not any(box.value for box in bar.query(Checkbox))
        await pilot.press("space")
        assert not any(box.value for box in bar.query(Checkbox))
        await pilot.press("n")
        assert bar.status == "2 of 3"  # (the headline's is the first)


async def test_escape_in_the_article_closes_a_find_bar_left_open_with_its_matches(tmp_path):
    """Tab back to the article leaves the bar open for n/N; Esc there clears the matches and
    closes the bar too, so no count stays on screen for matches n no longer has."""
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        bar = await open_find(pilot, "island")
        await pilot.press("enter", "tab", "n")
        assert bar.status == "3 of 3" and app.screen.query_one(ArticleView).highlights("find")
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.is_open
        assert not app.screen.query_one(ArticleView).highlights("find")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("slash")  # the bar comes back with its last pattern and its matches
        await pilot.pause()
        assert bar.is_open and bar.pattern == "island" and bar.status.endswith("of 3")


async def test_regex_and_word_forms_turn_each_other_off(tmp_path):
    """With both on, forms won and the regex did nothing ("Copen\\w+": no matches, an invalid
    one no error; a new user's pass): turning one on now turns the other off."""
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        bar = await open_find(pilot, "isl\\w+")
        regex, forms = bar.query_one("#find-regex", Checkbox), bar.query_one("#find-words", Checkbox)
        app.post_message(events.Key("alt+r", "r"))
        await pilot.pause()
        assert regex.value and bar.status.endswith("of 3")
        app.post_message(events.Key("alt+s", "s"))
        await pilot.pause()
        assert forms.value and not regex.value
        app.post_message(events.Key("alt+r", "r"))
        await pilot.pause()
        assert regex.value and not forms.value and bar.status.endswith("of 3")


async def test_escape_in_the_article_closes_a_find_bar_left_open_with_no_match(tmp_path):
    """"zzqq", Tab, Esc: the bar stayed with "no matches" (Esc only cleared matches, and there
    were none; a new user's pass)."""
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        bar = await open_find(pilot, "zzqq")
        await pilot.press("tab")
        await pilot.pause()
        assert bar.is_open and isinstance(app.focused, ArticleView)
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.is_open


async def test_a_long_regex_error_is_cut_and_the_toggles_stay_in_sight(tmp_path):
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=(80, 24)) as pilot:
        bar = await open_find(pilot, "(((isl[and")
        app.post_message(events.Key("alt+r", "r"))
        await pilot.pause()
        status = bar.query_one("#find-status")
        assert bar.status.startswith("bad regex at ")  # "bad regex at 11: unterminated character set"
        assert status.region.width < len(bar.status)  # cut, with an ellipsis
        for box in bar.query(Checkbox):
            assert 0 < box.region.width and box.region.right <= bar.region.right, box.id


async def test_escape_from_the_sidebar_closes_the_find_bar_where_the_focus_is(tmp_path):
    from reader.widgets.entity_list import EntityList

    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=(160, 40)) as pilot:  # the sidebar beside the article
        bar = await open_find(pilot, "island")
        await pilot.press("enter", "tab")
        entity_list = app.screen.query_one(EntityList)
        entity_list.focus()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.is_open and not app.screen.query_one(ArticleView).highlights("find")
        assert app.focused is entity_list
        await pilot.press("escape")  # nothing left to clear: back to the article
        await pilot.pause()
        assert app.focused is app.screen.query_one(ArticleView)



def type_at_once(app, keys: str) -> None:
    """Post the keys as a terminal's burst does: all queued before the first is handled."""
    for key in keys:
        app.post_message(events.Key({"/": "slash"}.get(key, key), key))


async def test_keys_typed_in_one_go_after_slash_land_in_the_find_field(tmp_path):
    """"/island/s" as one burst: the field gets every letter (before the fix "a", "s" and "n"
    acted on the article and the field stayed empty), the first time the bar is built and later."""
    from reader.screens.main import MainScreen

    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(pilot)
        app.screen.open_entry(app.screen.library_panel.catalog.get("senkaku"))
        await pilot.pause()
        for burst, typed in (("/island/s", "island/s"), ("/nansha", "nansha")):
            app.screen.query_one(ArticleView).focus()
            await pilot.pause()
            type_at_once(app, burst)
            await pilot.pause()
            field = app.screen.query_one(FindBar).query_one("#find-input")
            assert isinstance(app.screen, MainScreen)
            assert app.focused is field and field.value == typed


async def test_editing_keys_in_a_burst_act_in_the_order_typed(tmp_path):
    """Backspace, the arrows and ctrl+u are the field's bindings; Textual runs those once a key
    has bubbled up to the app, after letters that came later. The field runs them in turn."""
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        field = (await open_find(pilot, "negoti")).query_one("#find-input")
        keys = [("ctrl+u", None), *((c, c) for c in "abcdef"), ("backspace", None), ("backspace", None),
                ("x", "x"), ("y", "y"), ("left", None), ("left", None), ("Z", "Z")]
        for key, character in keys:
            app.post_message(events.Key(key, character))  # all queued before the first is handled
        await pilot.pause()
        assert field.value == "abcdZxy"
        for key, character in [("end", None), ("ctrl+u", None), *((c, c) for c in "island")]:
            app.post_message(events.Key(key, character))
        await pilot.pause()
        assert field.value == "island"


async def test_n_with_the_bar_closed_says_where_it_went_on_the_border_not_in_a_pile_of_notices(tmp_path):
    """Each ``n`` after the bar closed says "2 of 2" in one place, the article's lower border
    (off the text), replaced by the next; no notice per key piles up over the story."""
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        bar = await open_find(pilot, "island")
        await pilot.press("enter", "escape")  # Esc in the bar closes it and keeps the matches
        await pilot.pause()
        assert not bar.is_open
        said = []
        app.notify = lambda message, **kwargs: said.append(message)
        view = app.screen.query_one(ArticleView)
        shown = []
        for _ in range(4):
            await pilot.press("n")
            await pilot.pause()
            shown.append(str(view.border_subtitle))
        assert sorted(shown[:3]) == ["1 of 3", "2 of 3", "3 of 3"] and shown[3] == shown[0]
        assert said == []
        assert view.styles.border_subtitle_align == "left"  # notices come up at the bottom right


async def test_find_starts_from_the_reading_place_not_the_top_of_the_story(tmp_path):
    """Halfway down a story, ``/`` and a word go to its first match from there on (wrapping
    to the top only when none follows): finding does not lose the reader's place."""
    paragraphs = [f"Paragraph {n} tells of the harbour and the boats." for n in range(80)]
    app = one_story_app(tmp_path, "A long story\n\n" + "\n\n".join(paragraphs) + "\n")
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        view = app.screen.query_one(ArticleView)
        body = app.screen.column.article.body
        view.focus()
        await pilot.press("space", "space", "space")
        await pilot.pause()
        place = view.reading_offset
        assert place > 0
        await pilot.press("slash", *"harbour")
        await pilot.pause()
        bar = app.screen.query_one(FindBar)
        current = app.screen.column.find_current
        starts = [s for s, _ in app.screen.column.find_result.matches]
        assert starts[current] >= place and all(s < place for s in starts[:current])
        assert bar.status == f"{current + 1} of {len(starts)}" and current > 0
        assert body[starts[current]:starts[current] + 7] == "harbour"


async def test_n_with_nothing_found_says_why(tmp_path):
    """``n`` before any find did nothing and said nothing (a new user's pass; ``m`` says why)."""
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        await index_ready(pilot)
        told = []
        app.screen.notify = lambda message, **kwargs: told.append(message)
        app.query_one(ArticleView).focus()
        await pilot.press("n")
        await pilot.pause()
        assert any("/ finds words in the story" in said for said in told)
        del app.screen.notify
        await open_find(pilot, "zzzqqq")
        await pilot.press("tab")  # back to the article, the find kept
        await pilot.pause()
        app.screen.notify = lambda message, **kwargs: told.append(message)
        await pilot.press("N")
        await pilot.pause()
        assert any("the find has no matches" in said for said in told), told


async def test_opening_the_bar_again_keeps_the_match_stepped_to(tmp_path):
    """``/`` after ``n`` reopened on "1 of 2" (the match nearest the reading place) while the
    article's border still said "2 of 2" (a new user's pass)."""
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        bar = await open_find(pilot, "island")
        await pilot.press("tab", "n")
        assert bar.status == "2 of 3"
        await pilot.press("slash")
        await pilot.pause()
        assert bar.is_open and bar.status == "2 of 3" and app.screen.column.find_current == 1


async def test_the_bar_opened_or_a_new_story_clears_the_count_on_the_articles_border(tmp_path):
    """"3 of 39" stayed on the next story's border for seconds, and a search's "1 of 19" beside
    the bar's own count (new users' passes)."""
    app = ReaderApp(sources=[make_library(tmp_path / "lib")])
    async with app.run_test(size=SIZE) as pilot:
        bar = await open_find(pilot, "island")
        view = app.screen.column.view
        await pilot.press("escape", "n")
        assert "of 3" in str(view.border_subtitle)
        await pilot.press("slash")
        await pilot.pause()
        assert bar.is_open and str(view.border_subtitle) == ""
        await pilot.press("escape", "n")
        assert "of 3" in str(view.border_subtitle)
        await pilot.press("escape")  # the matches cleared: their count goes with them
        assert str(view.border_subtitle) == ""
        await pilot.press("n")
        assert "of 3" not in str(view.border_subtitle)
        await pilot.press("slash", "escape", "n")
        assert "of 3" in str(view.border_subtitle)
        other = next(e for e in app.screen.library_panel.catalog.entries if e.id != "senkaku")
        app.screen.open_entry(other)
        await pilot.pause()
        assert str(view.border_subtitle) == ""


async def test_find_counts_and_highlights_matches_in_a_headline_drawn_above_the_body(tmp_path):
    """ "/Sweden" said "1 of 9" on a story whose headline says Sweden too (a new user's pass):
    the headline's matches come first, highlighted there, and n goes on into the body."""
    app = one_story_app(tmp_path, "Sweden beat Korea in Group F\n\nThe match was close. Sweden won in the end.\n")
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.title_apart
        view.focus()
        await pilot.press("slash", *"sweden")
        await pilot.pause()
        bar = app.screen.query_one(FindBar)
        assert bar.status == "1 of 2"  # at the top of the story: the headline's first
        assert [(h.start, h.end, h.kind) for h in view.title_matches()] == [(0, 6, "match-current")]
        assert [h.kind for h in view.highlights("find")] == ["match"]
        await pilot.press("enter")
        await pilot.pause()
        assert bar.status == "2 of 2" and [h.kind for h in view.title_matches()] == ["match"]
        body = app.screen.column.article.body
        current = view.highlights("find")[0]
        assert current.kind == "match-current" and body[current.start:current.end] == "Sweden"
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert view.title_matches() == [] and view.highlights("find") == []
