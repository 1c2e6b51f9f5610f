"""Where the main screen's side panes sit: beside the article, over it, or hidden.

``plan_layout`` (``layout``) says what fits the screen's width; this object keeps what
the person asked for on top of it (``a`` and ``e``, config.yaml's sidebars, which pane
is open over the article, the list and sidebar taking turns) and gives the list and the
sidebar their widths and classes (``-overlay``, ``-hidden``). It owns no widget: the
screen hands it the two panes.
"""

from __future__ import annotations

from textual.widget import Widget

from reader.screens.layout import PaneLayout, plan_layout

Classes = dict[str, bool]


class PaneArrangement:
    """The side panes' state and how it shows on the list and the sidebar."""

    def __init__(self) -> None:
        self.plan: PaneLayout | None = None
        self.show_list = True
        """Whether the list shows when it fits beside the article (``a`` toggles it)."""
        self.show_sidebar = True
        """Whether the sidebar shows when it fits beside the article (``e``; config.yaml's sidebars)."""
        self.overlay: str | None = None
        """The side pane shown over the article ("list" or "sidebar"), when they do not fit beside it."""
        self.swapped = False
        """The sidebar is shown beside the article in the list's place (``sidebar_swaps``)."""
        self.swap_wanted = False
        """The person swapped the sidebar in, and a resize to a width without swapping undid it:
        back on such a width it comes back (until ``a`` or ``e`` say otherwise)."""

    def classes(self, plan: PaneLayout) -> tuple[Classes, Classes]:
        """Whether the list and the sidebar are overlays and hidden, for this plan and the
        state (which pane is shown over the article, swapped or not)."""
        if self.swapped:  # the sidebar beside the article, in the list's place
            return ({"-overlay": not plan.list_docked, "-hidden": True}, {"-overlay": False, "-hidden": False})
        return ({"-overlay": not plan.list_docked,
                 "-hidden": not (self.show_list if plan.list_docked else self.overlay == "list")},
                {"-overlay": not plan.sidebar_docked,
                 "-hidden": not (self.show_sidebar if plan.sidebar_docked else self.overlay == "sidebar")})

    def arrange(self, panel: Widget, sidebar: Widget, width: int, list_width: int | None = None,
                text_width: int | None = None) -> bool:
        """Size the panes for ``width`` columns and dock them or make them overlays (an
        overlay closes when its pane now fits beside the article); False when the plan
        did not change. Before mounting, this gives the panes their first styling."""
        plan = plan_layout(width, list_width, text_width)
        if plan == self.plan:
            return False
        self.plan = plan
        panel.styles.width = plan.list_width
        sidebar.styles.width = plan.sidebar_width
        if (self.overlay == "list" and plan.list_docked) or (self.overlay == "sidebar" and plan.sidebar_docked):
            self.overlay = None
        if not plan.sidebar_swaps:
            self.swap_wanted = self.swap_wanted or self.swapped
            self.swapped = False
        elif self.overlay == "sidebar" or (self.swap_wanted and self.overlay is None):
            # room now to sit beside the article; or the sidebar the person had here before a resize
            self.overlay, self.swapped, self.swap_wanted = None, True, False
        self.show(panel, sidebar)
        return True

    def show(self, panel: Widget, sidebar: Widget) -> None:
        """Set the panes' classes from the state (a class already set costs nothing)."""
        if self.plan is None:
            return
        for pane, wanted in zip((panel, sidebar), self.classes(self.plan)):
            for name, on_ in wanted.items():
                pane.set_class(on_, name)

    def reveal_list(self, width: int) -> None:
        """Show the list, wherever it goes on this width (the person chose what it lists)."""
        plan = self.plan or plan_layout(width)
        self.swapped = self.swap_wanted = False
        if plan.list_docked:
            self.show_list = True
        else:
            self.overlay = "list"

    def toggle(self, name: str, width: int) -> None:
        """``a`` or ``e``: hide or show a pane beside the article; as an overlay, open or
        close it; where the two take turns, swap them."""
        plan = self.plan or plan_layout(width)
        self.swap_wanted = False
        if plan.sidebar_swaps and (name == "sidebar" or self.swapped):
            self.swapped = name == "sidebar" and not self.swapped  # the sidebar and the list take turns
            self.show_list = True
        elif name == "list" and plan.list_docked:
            self.show_list = not self.show_list
        elif name == "sidebar" and plan.sidebar_docked:
            self.show_sidebar = not self.show_sidebar
        else:
            self.overlay = None if self.overlay == name else name
