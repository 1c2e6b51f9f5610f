"""The entities of the open article, grouped by type, with mention counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.entities.model import TYPE_LABELS
from reader.widgets.cells import cut_to_cells

if TYPE_CHECKING:
    from reader.entities.entity_info import EntityInfo

__all__ = ["EntityList"]


class EntityList(OptionList):
    """People, organisations, places and events of a story, in order of first appearance.

    Each group starts with a heading ("People (4)"); each entity shows its name and
    how many times the story mentions it. Choosing one (Enter or a click) posts
    ``EntityList.Selected``.
    """

    DEFAULT_CSS = """
    EntityList { height: 1fr; border: none; padding: 0 0 0 1; background: transparent;
                 text-wrap: nowrap; text-overflow: ellipsis; }
    EntityList:focus { border: none; outline-left: tall $accent; background-tint: $foreground 3%; }
    """
    # (Focus shows a bar over the padding on the left: a border would move every row down a line
    # under the mouse.)

    BINDINGS = [
        Binding("j", "cursor_down", "Move", key_display="j/k", tooltip="Down", id="entities.down"),
        Binding("k", "cursor_up", "Up", show=False, id="entities.up"),
        Binding("g", "first", "First", show=False, id="entities.first"),
        Binding("G", "last", "Last", show=False, id="entities.last"),
    ]

    class Selected(Message):
        """An entity was chosen in the list."""

        def __init__(self, entity: EntityInfo) -> None:
            super().__init__()
            self.entity = entity

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.entities: list[EntityInfo] = []
        self._by_id: dict[str, EntityInfo] = {}
        self._marks: dict[str, str] = {}
        """Each entity row's no-note mark (" ·" or ""), by option id."""
        self._fitted_width = 0
        """The width the rows' names were cut for."""
        self.waiting = False
        """True while the entities are being recognised (the list says so)."""
        self._placed_on_focus: int | None = None
        """Where taking the focus put the cursor (not a move of the person's), until it is shown."""
        self.pressed_since_focus = False
        """A mouse button went down on the list since it took the focus (a click focused it)."""

    def show_waiting(self, text: str = "Recognising entities…") -> None:
        """Say that the entities are on their way (recognition runs): never "No entities"
        before it has looked."""
        self.entities = []
        self._by_id = {}
        self.waiting = True
        self.clear_options()
        self.add_option(Option(Content.styled(text, "italic $text-muted"), disabled=True))

    def set_entities(self, entities: Sequence[EntityInfo]) -> None:
        """Show these entities (replacing what was there)."""
        self.waiting = False
        self.entities = list(entities)
        self._by_id = {}
        self._marks = {}
        options: list[Option] = []
        unmarked = not any(info.note for info in self.entities)  # none has a note: a mark would say nothing
        from reader.entities.summary import grouped  # (not at start-up: the list fills after the story shows)

        for kind, items in grouped(self.entities):
            label = TYPE_LABELS.get(kind, kind.title())
            options.append(Option(Content.styled(f"{label} ({len(items)})", "bold $text-muted"), disabled=True))
            for info in items:
                option_id = f"entity:{info.key}"
                self._by_id[option_id] = info
                self._marks[option_id] = mark = "" if info.note or unmarked else " ·"
                options.append(Option(self._prompt(info, mark, 0), id=option_id))  # (fitted below)
        if any(info.note is None for info in self.entities):  # short enough for the sidebar's width
            legend = "No notes yet (w writes one)" if unmarked else "· no note yet (w writes one)"
            options.append(Option(Content.styled(legend, "$text-muted"), disabled=True))
        self.clear_options()
        self.add_options(options)
        if not options:
            self.add_option(Option(Content.styled("No entities", "$text-muted"), disabled=True))
        self._fitted_width = 0
        self._fit_names()

    def on_resize(self) -> None:
        """Keep the highlighted entity in sight when the list gets shorter (it gives room to
        the background panel once an entity is chosen), and fit the names to the new size."""
        self._fit_names()
        self.scroll_to_highlight()

    def _fit_names(self) -> None:
        """Cut the names to the rows' width, room kept for the scrollbar when the rows
        outnumber the list's height (it shows then without resizing the list)."""
        width = self.scrollable_content_region.width
        if not self.show_vertical_scrollbar and self.option_count > self.size.height:
            width -= self.styles.scrollbar_size_vertical  # (about to show)
        if width <= 0 or width == self._fitted_width:
            return
        old, self._fitted_width = self._fitted_width, width
        for option_id, info in self._by_id.items():  # (only the rows whose name is cut, then or now)
            suffix = cell_len(f"{self._marks.get(option_id, '')} ×{info.count}") + 1
            if cell_len(info.name) + suffix > min(width, old or width):
                self.replace_option_prompt(option_id, self._prompt(info, self._marks.get(option_id, ""), width))

    def _prompt(self, info: EntityInfo, mark: str, width: int) -> Content:
        """An entity's row: its name, cut with "…" where the row (``width``; 0: not known yet)
        is too narrow, then the no-note mark and the count, which always show ("Republican
        National Commi… · ×2")."""
        suffix = f"{mark} ×{info.count}"
        room = width - 1 - cell_len(suffix)  # (the space before the name)
        name = cut_to_cells(info.name, room) if room >= 4 else info.name
        return Content.assemble(" ", Content(name), (suffix, "$text-muted"))

    def select_key(self, key: str) -> EntityInfo | None:
        """Move the highlight to an entity and choose it."""
        info = self.highlight_key(key)
        if info is not None:
            self.post_message(self.Selected(info))
        return info

    def highlight_key(self, key: str) -> EntityInfo | None:
        """Move the highlight to an entity without choosing it (the caller shows it)."""
        option_id = f"entity:{key}"
        if option_id not in self._by_id:
            return None
        self.highlighted = self.get_option_index(option_id)
        return self._by_id[option_id]

    def on_focus(self) -> None:
        """Come in on the first entity (not on a heading, and not nowhere), without choosing
        it: the rows stay where they are, so a click that brought the focus chooses the row
        it hits. A move down before the sidebar shows it shows that entity
        (``action_cursor_down``)."""
        self.pressed_since_focus = False
        self.place_on_first()

    def on_mouse_down(self) -> None:
        # (after the focus a press brought: the click chooses its row, the sidebar waits for it)
        self.pressed_since_focus = True

    def place_on_first(self) -> None:
        """Put the cursor on the first entity, unless it is on one already."""
        if self.highlighted is None and self.entities:
            self.highlighted = self._placed_on_focus = self.get_option_index(
                f"entity:{self.entities_in_order()[0].key}")

    def action_cursor_down(self) -> None:
        """Down, or the first ``j`` after the focus came in: the entity the cursor came in on
        is shown first (as the cursor having moved there), not passed by. The last entity
        stays (no wrap to the first, as in the article list)."""
        if self._show_placed():
            return
        self._step(1)

    def action_cursor_up(self) -> None:
        """Up; the first entity stays (no wrap to the last)."""
        self._placed_on_focus = None
        self._step(-1)

    def action_first(self) -> None:
        """The first entity, shown even when the focus had put the cursor there already, with
        the heading above it in sight."""
        if not self._show_placed():
            super().action_first()
        self.scroll_home(animate=False)

    def _show_placed(self) -> bool:
        """Show the entity the focus put the cursor on (True), if it is still there unshown."""
        placed, self._placed_on_focus = self._placed_on_focus, None
        if placed is not None and placed == self.highlighted and self.highlighted_option is not None:
            self.post_message(self.OptionHighlighted(self, self.highlighted_option, placed))
            return True
        return False

    def _step(self, direction: int) -> None:
        """The cursor to the next entity that way (headings and the legend passed over),
        if there is one."""
        if self.highlighted is None:  # OptionList's own ends pass over the headings
            if direction > 0:
                super().action_first()
            else:
                super().action_last()
            return
        ahead = range(self.highlighted + 1, self.option_count) if direction > 0 else range(self.highlighted - 1, -1, -1)
        for index in ahead:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
        if direction < 0:
            self.scroll_home(animate=False)  # at the first entity: its heading comes into sight

    def placed_not_moved(self, option_index: int | None) -> bool:
        """True when a highlight at ``option_index`` is where taking the focus put the cursor,
        not a move of the person's (a move elsewhere ends the placement)."""
        if self._placed_on_focus is None:
            return False
        if self._placed_on_focus == option_index:
            return True
        self._placed_on_focus = None
        return False

    def placement_shown(self) -> None:
        """The entity the cursor came in on is shown (chosen): the first Down moves on."""
        self._placed_on_focus = None

    def entities_in_order(self) -> list[EntityInfo]:
        """The entities as listed (grouped by kind)."""
        from reader.entities.summary import grouped

        return [info for _, items in grouped(self.entities) for info in items]

    def entity_at(self, option_id: str | None) -> EntityInfo | None:
        """The entity of an option (``None`` for a heading or the legend)."""
        return self._by_id.get(option_id or "")

    def entity_at_cursor(self) -> EntityInfo | None:
        """The entity under the cursor, if any."""
        option = self.highlighted_option
        return self.entity_at(option.id) if option is not None else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        info = self._by_id.get(event.option.id or "")
        if info is not None:
            self.post_message(self.Selected(info))
