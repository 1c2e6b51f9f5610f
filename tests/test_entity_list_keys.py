"""The entity list answers vim keys, and focusing it moves nothing under the mouse."""

from __future__ import annotations

from reader.app import ReaderApp
from reader.widgets.entity_list import EntityList
from tests.test_entities_ui import wait_entities
from tests.test_app import wait_loaded

WIDE = (200, 60)


async def test_j_and_k_move_in_the_entity_list():
    app = ReaderApp()
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        entity_list.focus()
        entity_list.highlighted = 1
        await pilot.press("j")
        assert entity_list.highlighted == 2
        await pilot.press("k")
        assert entity_list.highlighted == 1


async def test_focus_keeps_rows_where_they_are_so_a_click_chooses_what_it_hits():
    app = ReaderApp()
    async with app.run_test(size=WIDE) as pilot:
        await wait_loaded(pilot)
        entity_list = await wait_entities(pilot)
        before = entity_list.content_region
        entity_list.focus()
        await pilot.pause()
        assert entity_list.content_region == before
        app.screen.column.view.focus()
        await pilot.pause()
        row = next(i for i, option in enumerate(entity_list.options) if option.id == "entity:hua-chunying")
        top = entity_list.content_region.y - entity_list.region.y  # (the list's top border)
        await pilot.click(EntityList, offset=(3, top + row - int(entity_list.scroll_y)))
        await pilot.pause()
        assert app.screen.sidebar.selected is not None and app.screen.sidebar.selected.key == "hua-chunying"
