"""Pilot tests of the entities sidebar and the notes panel, and a snapshot of the three panes."""

from __future__ import annotations


import pytest

from reader.app import ReaderApp
from reader.entities import service
from reader.screens.index_status import IndexStatus
from reader.widgets.article_view import ArticleView
from reader.widgets.entity_list import EntityList
from reader.widgets.note_panel import NotePanel
from tests.test_app import WIDE as SIZE, wait_loaded
from tests.waiting import until  # wide enough for the sidebar beside the article


@pytest.fixture(autouse=True)
def fresh_recognizer():
    service.reset()
    yield
    service.reset()


async def wait_entities(pilot) -> EntityList:
    """The open story's entities listed and coloured (the sidebar's widgets are mounted
    just after the first frame)."""
    view = pilot.app.query_one(ArticleView)
    for _ in range(200):
        await pilot.pause(0.02)
        entity_list = next(iter(pilot.app.query(EntityList)), None)
        if entity_list is not None and entity_list.entities and view.highlights("entities"):
            return entity_list
    raise AssertionError("the entities did not arrive")


async def show_senkaku_note(pilot) -> EntityList:
    """The sample open, its entities listed and the Senkaku Islands' note in the panel."""
    await wait_loaded(pilot)
    entity_list = await wait_entities(pilot)
    entity_list.select_key("senkaku-islands")
    await wait_note(pilot, "Diaoyutai")
    return entity_list


async def wait_note(pilot, text: str) -> str:
    panel = pilot.app.query_one(NotePanel)
    shown = ""
    for _ in range(200):
        await pilot.pause(0.02)
        shown = str(panel.query_one("#note-text").render())
        if text in shown:
            return shown
    raise AssertionError(f"{text!r} not in the note panel: {shown!r}")


def visible(app, widget_type) -> str:
    widget = app.query_one(widget_type)
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


async def test_entities_are_listed_by_type_and_coloured_in_the_text():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        kinds = [e.type for e in entity_list.entities]
        names = [e.name for e in entity_list.entities]
        assert names[:3] == ["China", "Japan", "Taiwan"]  # first appearance
        assert {"Hua Chunying", "Senkaku Islands", "Treaty of Shimonoseki", "Liberal Democratic Party"} <= set(names)
        assert "PERSON" in kinds and "EVENT" in kinds
        listed = visible(app, EntityList)
        assert "People (4)" in listed and "Hua Chunying ×2" in listed
        view = app.query_one(ArticleView)
        row = next(y for y in range(view.size.height) if "spokesperson Hua" in view.render_line(y).text)
        segments = list(view.render_line(row))
        coloured = [seg for seg in segments if seg.text.startswith("Hua")]
        plain = [seg for seg in segments if "spokesperson" in seg.text]
        assert coloured and plain and coloured[0].style.color != plain[0].style.color


async def test_selecting_an_entity_with_keys_marks_mentions_and_shows_its_note():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        entity_list.focus()  # it comes in on the first entity
        await pilot.pause()
        await pilot.press("enter")  # the first person: Hua Chunying
        shown = await wait_note(pilot, "Chinese diplomat")
        assert "Hua Chunying" in shown and "As of" in shown
        screen = app.screen
        assert screen.sidebar.selected.key == "hua-chunying" and len(screen.sidebar.selected.mentions) == 2
        view = app.query_one(ArticleView)
        mentions = screen.sidebar.selected.mentions

        def current() -> list[tuple[int, int]]:  # the mention drawn as the one gone to
            return [(h.start, h.end) for h in view.highlights("selected") if h.kind == "match-current"]

        await pilot.pause()
        assert current() == [mentions[0]]  # Enter went to the first
        await pilot.press("m")
        await pilot.pause()
        assert screen.sidebar.mention_index == 1 and current() == [mentions[1]]
        assert str(view.border_subtitle) == "Hua Chunying: mention 2 of 2"  # in place, not a notice per key
        await pilot.press("M")
        await pilot.pause()
        assert screen.sidebar.mention_index == 0 and current() == [mentions[0]]
        await pilot.press("m", "enter")  # Enter again: back to the first, and the border says so
        await pilot.pause()
        assert screen.sidebar.mention_index == 0 and current() == [mentions[0]]
        assert str(view.border_subtitle) == "Hua Chunying: mention 1 of 2"


async def test_related_entries_are_selectable():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await show_senkaku_note(pilot)
        related = app.query_one("#note-related")
        assert related.option_count >= 3
        related.focus()
        related.highlighted = 0
        await pilot.press("enter")  # East China Sea
        await wait_note(pilot, "East China Sea")
        assert app.screen.sidebar.selected.key == "east-china-sea"


async def test_selecting_an_entity_far_down_scrolls_to_it():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        view = app.query_one(ArticleView)
        assert view.scroll_y == 0
        entity_list.select_key("peoples-liberation-army")
        await wait_note(pilot, "armed forces")
        for _ in range(100):  # the scroll lands after a refresh; the note may come first
            if view.scroll_y > 0 and "Liberation Army" in visible(app, ArticleView):
                break
            await pilot.pause(0.02)
        assert view.scroll_y > 0
        assert "Liberation Army" in visible(app, ArticleView)


async def test_a_short_entity_list_leaves_the_room_to_the_note(tmp_path):
    (tmp_path / "a.txt").write_text("Harbour reopens\n\nThe harbour of Wellington reopened on Monday, said "
                                    "Mayor Tory Whanau. Whanau thanked the crews.\n")
    app = ReaderApp(sources=[tmp_path])
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        await pilot.pause()
        assert entity_list.option_count <= 6
        entity_list.select_key("wellington")
        await wait_note(pilot, "Wellington")
        await pilot.pause()
        assert entity_list.region.height <= entity_list.option_count + 1  # no rows of nothing
        assert app.query_one(NotePanel).region.height > 40


async def test_a_story_without_entities_says_so_once(tmp_path):
    """"No entities" and nothing to choose: the panel below does not ask to choose one."""
    (tmp_path / "a.txt").write_text("a quiet day\n\nnothing much happened here today, and the rain kept on.\n")
    app = ReaderApp(sources=[tmp_path])
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_loaded(pilot)
        entity_list = app.query_one(EntityList)
        await until(pilot, lambda: "No entities" in visible(app, EntityList), "the empty entity list")
        assert "Choose an entity" not in str(app.query_one(NotePanel).query_one("#note-text").render())
        assert not entity_list.waiting
        assert "Latin script" not in str(app.query_one(NotePanel).query_one("#note-text").render())


async def test_a_story_in_another_script_without_entities_says_why(tmp_path):
    """A Russian story listed "No entities", read as a story about no one (a new user's pass):
    recognition is made for the Latin script, and the panel below the list says so."""
    (tmp_path / "r.txt").write_text("новости дня\n\nсегодня в городе шёл дождь, и люди сидели дома весь день.\n",
                                    encoding="utf-8")
    app = ReaderApp(sources=[tmp_path])
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_loaded(pilot)
        await until(pilot, lambda: "No entities" in visible(app, EntityList), "the empty entity list")
        await until(pilot, lambda: "Latin script" in str(app.query_one(NotePanel).query_one("#note-text").render()),
                    "why, in the panel")


def test_three_panes_with_an_entity_selected(snap_compare):
    async def select(pilot):
        await wait_loaded(pilot)
        status = pilot.app.screen.query_one(IndexStatus)
        for _ in range(500):  # the index ready first, so the dossier is always drawn the same
            if status.state is None:
                break
            await pilot.pause(0.02)
        entity_list = await wait_entities(pilot)
        entity_list.select_key("treaty-of-shimonoseki")
        await wait_note(pilot, "1895 peace treaty")
        await pilot.pause(0.3)
        await pilot.wait_for_scheduled_animations()

    assert snap_compare(ReaderApp(), terminal_size=SIZE, run_before=select)


async def test_the_sidebar_says_it_is_recognising_until_the_entities_arrive(monkeypatch):
    """While recognition runs the list says so; "No entities" is only ever a result."""
    import threading

    release = threading.Event()
    real = service.get_recognizer

    def slow_recognizer():
        release.wait(10)
        return real()

    monkeypatch.setattr(service, "get_recognizer", slow_recognizer)
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.pause(0.1)
        entity_list = app.query_one(EntityList)
        listed = visible(app, EntityList)
        assert entity_list.waiting
        assert "Recognising entities…" in listed and "No entities" not in listed
        release.set()
        await wait_entities(pilot)
        assert not entity_list.waiting
        assert "Recognising" not in visible(app, EntityList)


async def test_the_list_has_the_room_until_an_entity_is_chosen_and_keeps_it_in_sight():
    """With no entity chosen the panel below only says "Choose an entity": the list takes most
    of the height; once one is chosen it gives half to the background, its row still shown."""
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        entity_list = await wait_entities(pilot)
        await pilot.pause(0.1)
        before = entity_list.region.height
        assert app.query_one(NotePanel).region.height <= 3  # "Choose an entity" takes its line, no more
        assert before >= min(entity_list.option_count, app.screen.sidebar.region.height - 12)
        entity_list.select_key("treaty-of-shimonoseki")  # last in the list
        await wait_note(pilot, "1895 peace treaty")
        await pilot.pause(0.1)
        after = entity_list.region.height
        assert after < before and after <= app.screen.sidebar.region.height // 2
        line = entity_list.highlighted  # its one line: the list has no multi-line options
        assert entity_list.scroll_offset.y <= line < entity_list.scroll_offset.y + after


async def test_the_prompt_after_a_read_background_is_shown_whole_on_one_line():
    """A new story's panel says "Choose an entity…" from its start, on one line of the sidebar
    (not its last word, "it.", left where the last entity's background was scrolled to)."""
    from reader.widgets.note_panel import CHOOSE_PROMPT

    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        entity_list = await wait_entities(pilot)
        panel = app.query_one(NotePanel)
        entity_list.select_key("treaty-of-shimonoseki")
        await wait_note(pilot, "1895 peace treaty")
        # (its later sections come in a moment: on a busy machine the note alone fitted)
        await until(pilot, lambda: panel.max_scroll_y > 0, "a background taller than the panel")
        panel.scroll_end(animate=False)
        await pilot.pause(0.1)
        assert panel.scroll_y > 0
        app.screen.sidebar.show_article(app.screen.column.article)  # the story opened again, as from a search
        text = panel.query_one("#note-text")
        await until(pilot, lambda: str(text.render()) == CHOOSE_PROMPT and text.size.height == 1, "the prompt")
        assert panel.scroll_y == 0 and panel.scrollable_content_region.height >= 1


async def test_tab_passes_by_the_background_panel_until_it_shows_an_entity():
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        entity_list = await wait_entities(pilot)
        panel = app.query_one(NotePanel)
        assert not panel.focusable  # "Choose an entity" has nothing to scroll or choose: Tab passes by
        entity_list.select_key("treaty-of-shimonoseki")
        await wait_note(pilot, "1895 peace treaty")
        entity_list.focus()
        await pilot.press("tab")
        assert app.focused is panel


async def test_the_first_recognition_says_that_the_name_lists_are_being_read(monkeypatch):
    """The very first recognition of a data folder reads the name lists (seconds): the list
    says so rather than an unexplained wait; then the entities come as usual."""
    import threading

    from reader.screens.entity_sidebar import FIRST_BUILD_WAITING

    release = threading.Event()
    build = service.get_recognizer

    def first_build():
        release.wait(10)
        return build()

    monkeypatch.setattr(service, "first_build_ahead", lambda: True)
    monkeypatch.setattr(service, "get_recognizer", first_build)
    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        entity_list = app.query_one(EntityList)

        def says_first_time() -> bool:
            return entity_list.option_count == 1 and str(entity_list.get_option_at_index(0).prompt) == FIRST_BUILD_WAITING

        await until(pilot, says_first_time, "the first-time notice")
        release.set()
        await wait_entities(pilot)


def test_a_first_build_is_ahead_only_while_the_place_names_are_neither_loaded_nor_cached(monkeypatch):
    from reader.entities import gazetteer

    monkeypatch.setattr(service, "_places", None)
    monkeypatch.setattr(gazetteer, "place_index_cached", lambda: False)
    assert service.first_build_ahead()
    monkeypatch.setattr(gazetteer, "place_index_cached", lambda: True)
    assert not service.first_build_ahead()
    monkeypatch.undo()
    service.get_recognizer()
    assert not service.first_build_ahead()


async def test_keys_typed_ahead_of_the_sidebars_widgets_wait_for_them(monkeypatch):
    """The sidebar's widgets come just after the first frame: ``e``, ``w``, ``m``, ``W``, ``F``
    typed as the app starts crashed it (NoMatches); they wait for the widgets now."""
    from reader.screens.entity_sidebar import EntitySidebar

    mount_parts = EntitySidebar._mount_parts

    async def not_yet(self):  # the widgets held back, as in the moment before the first frame ends
        return None

    monkeypatch.setattr(EntitySidebar, "_mount_parts", not_yet)
    app = ReaderApp()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        sidebar = app.screen.sidebar
        assert not sidebar.parts_mounted
        for action in ("toggle_sidebar", "next_mention", "write_note", "look_up", "follow"):
            await app.screen.run_action(action)
        await pilot.pause()
        assert not sidebar.parts_mounted and app.is_running
        await mount_parts(sidebar)
        await pilot.pause()
        assert sidebar.parts_mounted and app.focused is app.query_one(EntityList)


async def test_a_new_story_read_from_the_entity_list_shows_its_first_entity():
    """``]`` with the focus in the entity list left "Choose an entity above" and ``m`` refusing
    (a new user's pass): the new story's first entity is shown once listed, as ``e`` shows it."""
    from tests.waiting import until

    app = ReaderApp()
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        sidebar = app.screen.sidebar
        entity_list.focus()
        first = entity_list.entities_in_order()[0]
        await until(pilot, lambda: sidebar.selected is first, "the first entity shown")
        app.screen.column.open(app.screen.column.article, app.screen.library_panel.catalog)  # the story opened anew
        await until(pilot, lambda: sidebar.selected is not None and sidebar.selected.key == first.key,
                    "the new story's first entity shown")
