"""The sidebar answers vim keys (the entity list, the note panel and its lists), and focusing
the entity list moves nothing under the mouse."""

from __future__ import annotations

from reader.app import ReaderApp
from reader.widgets.entity_list import EntityList
from reader.widgets.note_panel import NotePanel
from tests.test_entities_ui import show_senkaku_note, wait_entities, wait_note
from tests.test_app import wait_loaded

WIDE = (200, 60)


async def j_and_k_step(pilot, option_list, start: int) -> None:
    """``j`` moves the focused list's cursor one option down, ``k`` back up."""
    option_list.focus()
    option_list.highlighted = start
    await pilot.press("j")
    assert option_list.highlighted == start + 1
    await pilot.press("k")
    assert option_list.highlighted == start


async def test_j_and_k_move_in_the_entity_list():
    app = ReaderApp()
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        await j_and_k_step(pilot, await wait_entities(pilot), 1)


async def test_g_and_G_go_to_the_first_and_last_entity_and_j_k_move_in_the_note_panel():
    app = ReaderApp()
    async with app.run_test(size=(160, 24)) as pilot:  # short: the note needs scrolling
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        entity_list.focus()
        await pilot.press("home")
        first = entity_list.highlighted
        await pilot.press("end")
        last = entity_list.highlighted
        assert first < last
        await pilot.press("g")
        assert entity_list.highlighted == first
        await pilot.press("G")
        assert entity_list.highlighted == last
        entity_list.select_key("senkaku-islands")
        await wait_note(pilot, "Diaoyutai")
        panel = app.query_one(NotePanel)
        panel.focus()
        await pilot.pause()
        assert panel.max_scroll_y > 0 and panel.scroll_y == 0
        await pilot.press("j", "j")
        await pilot.pause()
        assert panel.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert panel.scroll_y == 1
        related = app.query_one("#note-related")
        related.focus()
        await pilot.pause()
        assert related.highlighted == 0  # tabbing in lands on the first entry: Enter opens it
        await j_and_k_step(pilot, related, 0)  # a list inside the panel
        await pilot.press("G")
        assert related.highlighted == related.option_count - 1 > 0  # the list's end, not the panel's
        await pilot.press("g")
        assert related.highlighted == 0


async def test_focus_keeps_rows_where_they_are_so_a_click_chooses_what_it_hits():
    """Tabbing in shows the first entity once the cursor rests on it; a click that brings the
    focus chooses the row it hits, however long the button is held (a choice gives the
    background room: rows moving between the press and the release chose another row)."""
    from tests.waiting import until

    app = ReaderApp()
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        sidebar = app.screen.sidebar
        entity_list.focus()  # as Tab does
        await until(pilot, lambda: sidebar.selected is entity_list.entities_in_order()[0], "the first entity shown")
        app.screen.column.view.focus()
        app.screen.column.open(app.screen.column.article, app.screen.library_panel.catalog)  # nothing chosen again
        entity_list = await wait_entities(pilot)
        await until(pilot, lambda: sidebar.selected is None, "nothing chosen")
        row = next(i for i, option in enumerate(entity_list.options) if option.id == "entity:taku-otsuka")
        top = entity_list.content_region.y - entity_list.region.y  # (the list's top border)
        offset = (3, top + row - int(entity_list.scroll_y))
        await pilot.mouse_down(EntityList, offset=offset)
        await pilot.pause(0.3)  # held longer than the cursor's rest
        assert sidebar.selected is None
        await pilot.click(EntityList, offset=offset)  # (the release: Pilot posts a click with it)
        await until(pilot, lambda: sidebar.selected is not None, "a choice")
        assert sidebar.selected.key == "taku-otsuka"


async def test_the_no_note_mark_shows_only_when_it_tells_entities_apart():
    from textual.app import App

    from reader.entities.notes import Note
    from reader.entities.entity_info import EntityInfo
    from reader.widgets.entity_list import EntityList

    class One(App):
        def compose(self):
            yield EntityList(id="entities")

    noted = EntityInfo("hua-chunying", "Hua Chunying", "PERSON", [(0, 12)], Note("hua-chunying", "Hua Chunying", "PERSON"))
    plain = EntityInfo("ann-hobb", "Ann Hobb", "PERSON", [(20, 28)])
    async with One().run_test() as pilot:
        entity_list = pilot.app.query_one(EntityList)
        rows = lambda: [str(entity_list.get_option_at_index(i).prompt) for i in range(entity_list.option_count)]  # noqa: E731
        entity_list.set_entities([noted, plain])
        assert any(row.startswith(" Ann Hobb ·") for row in rows()) and rows()[-1] == "· no note yet (w writes one)"
        entity_list.set_entities([plain])
        assert not any("·" in row for row in rows()) and rows()[-1] == "No notes yet (w writes one)"


async def test_after_the_entity_the_focus_came_in_on_is_chosen_down_moves_on():
    from tests.waiting import until

    app = ReaderApp()
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        first, second = entity_list.entities_in_order()[:2]
        entity_list.focus()  # the cursor comes in on the first entity
        await pilot.pause()
        await pilot.press("enter")  # chosen: it is shown
        await until(pilot, lambda: app.screen.sidebar.selected is first, "the first entity chosen")
        await pilot.press("down")  # so Down goes to the next, not to the first again
        assert entity_list.entity_at_cursor() is second
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.sidebar.selected is second, "the second entity chosen")


async def test_g_shows_the_first_entity_the_focus_came_in_on_and_j_k_stop_at_the_ends():
    """``g`` after tabbing in shows the first entity (it said "Choose an entity above."), so
    the next ``j`` goes to the second; ``j`` on the last entity and ``k`` on the first stay
    (no wrap, as in the article list)."""
    from tests.waiting import until

    app = ReaderApp()
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        sidebar = app.screen.sidebar
        order = entity_list.entities_in_order()
        entity_list.focus()
        await pilot.pause()
        await pilot.press("g")
        await until(pilot, lambda: sidebar.selected is order[0], "g to show the first entity")
        await pilot.press("j")
        assert entity_list.entity_at_cursor() is order[1]
        await pilot.press("k", "k")
        assert entity_list.entity_at_cursor() is order[0]  # the first stays
        await pilot.press("G", "j")
        assert entity_list.entity_at_cursor() is order[-1]  # the last stays
        assert entity_list.scroll_y > 0  # (a long list: its top is out of sight)
        await pilot.press("g")
        await pilot.pause()
        assert entity_list.entity_at_cursor() is order[0] and entity_list.scroll_y == 0  # "People (4)" in sight
        await pilot.press("G", "j")
        for _ in range(len(order)):
            await pilot.press("k")
        await pilot.pause()
        assert entity_list.scroll_y == 0


async def test_space_and_b_page_the_note_panel_which_shows_it_has_the_focus():
    app = ReaderApp()
    async with app.run_test(size=(160, 24)) as pilot:  # short: the note needs scrolling
        await show_senkaku_note(pilot)
        panel = app.query_one(NotePanel)
        assert panel.styles.background_tint.a == 0
        panel.focus()  # (Tab from the entity list)
        await pilot.pause()
        assert panel.styles.background_tint.a > 0  # tinted, as the focused entity list is
        assert panel.max_scroll_y > 2 and panel.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        assert panel.scroll_y > 2
        await pilot.press("b")
        await pilot.pause()
        assert panel.scroll_y == 0


async def test_esc_in_the_sidebar_goes_back_to_the_article():
    app = ReaderApp()
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        for pane in (entity_list, app.screen.query_one(NotePanel)):
            pane.focus()
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert app.focused is app.screen.column.view, pane


async def test_a_long_name_is_cut_and_its_count_shows_with_a_scrollbar_too():
    from reader.entities.entity_info import EntityInfo

    app = ReaderApp()
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        many = [EntityInfo(f"p{i}", f"Person Number {i} With A Very Long Family Name", "PERSON", [(0, 1)])
                for i in range(60)]  # more rows than the list's height: a scrollbar shows
        entity_list.set_entities(many)
        await pilot.pause()
        lines = [entity_list.render_line(y).text for y in range(1, 6)]
        assert all("×1" in line and "…" in line for line in lines), lines
