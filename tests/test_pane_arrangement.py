"""The side panes' arrangement, without an app: classes and widths for a width and a state."""

from __future__ import annotations

from textual.widget import Widget

from reader.screens.layout import plan_layout
from reader.screens.pane_arrangement import PaneArrangement


def panes():
    return Widget(), Widget()


def state(panel: Widget, sidebar: Widget) -> tuple[set[str], set[str]]:
    return ({c for c in panel.classes if c.startswith("-")}, {c for c in sidebar.classes if c.startswith("-")})


def test_wide_screens_dock_both_panes_beside_the_article():
    panel, sidebar = panes()
    arrangement = PaneArrangement()
    assert arrangement.arrange(panel, sidebar, 200)
    assert state(panel, sidebar) == (set(), set())
    plan = plan_layout(200)
    assert panel.styles.width.value == plan.list_width and sidebar.styles.width.value == plan.sidebar_width
    assert not arrangement.arrange(panel, sidebar, 200)  # the same plan: nothing to do


def test_a_narrow_screen_makes_overlays_that_open_and_close():
    panel, sidebar = panes()
    arrangement = PaneArrangement()
    arrangement.arrange(panel, sidebar, 60)
    assert state(panel, sidebar) == ({"-overlay", "-hidden"}, {"-overlay", "-hidden"})
    arrangement.toggle("list", 60)
    arrangement.show(panel, sidebar)
    assert state(panel, sidebar)[0] == {"-overlay"} and arrangement.overlay == "list"
    arrangement.arrange(panel, sidebar, 200)  # now it fits: docked, and no overlay left open
    assert arrangement.overlay is None and state(panel, sidebar) == (set(), set())


def test_a_docked_pane_hides_and_shows_by_its_key():
    panel, sidebar = panes()
    arrangement = PaneArrangement()
    arrangement.arrange(panel, sidebar, 200)
    arrangement.toggle("sidebar", 200)
    arrangement.show(panel, sidebar)
    assert state(panel, sidebar) == (set(), {"-hidden"})
    arrangement.toggle("sidebar", 200)
    arrangement.show(panel, sidebar)
    assert state(panel, sidebar) == (set(), set())


def test_where_only_one_side_pane_fits_the_two_take_turns():
    width = next(w for w in range(80, 200) if plan_layout(w).sidebar_swaps)
    panel, sidebar = panes()
    arrangement = PaneArrangement()
    arrangement.arrange(panel, sidebar, width)
    arrangement.toggle("sidebar", width)
    arrangement.show(panel, sidebar)
    assert arrangement.swapped and state(panel, sidebar) == ({"-hidden"}, set())
    arrangement.toggle("list", width)
    arrangement.show(panel, sidebar)
    assert not arrangement.swapped and "-hidden" not in state(panel, sidebar)[0]
