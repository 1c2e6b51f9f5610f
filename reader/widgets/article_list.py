"""The article list: a line-API widget that draws only the rows on screen.

Each article takes two lines: an unread mark, a star and the title, then the source and
date. The list sorts (date, title, source) and filters (all, unread, starred, one source,
or any set of ids such as the articles mentioning an entity) without building a widget
per article, so 100,000 articles cost what 30 do. The border title says how they are
sorted and filtered ("Articles by title · unread"); the bottom border counts them
("1,204 articles · 37 unread").
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import attrgetter
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.library.ordering import SORTS, sort_order
from reader.text import make_safe
from reader.widgets.cells import fit_cells

ROW_HEIGHT = 2
SHOWS = ("all", "unread", "starred")
UNREAD_MARK = "●"
STAR_MARK = "★"

_ID = attrgetter("id")


_FLIPPED = bytes([1, 0]) + bytes(254)
"""A translation table turning flags 0 into 1 and 1 into 0."""


class ArticleList(ScrollView, can_focus=True):
    """Lists articles; Enter or a click opens the highlighted one."""

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--unread",
        "article-list--star",
        "article-list--details",
        "article-list--read",
        "article-list--empty",
    }

    DEFAULT_CSS = """
    ArticleList {
        height: 1fr;
        border: none;
        padding: 0;
        background: $panel;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        & > .article-list--cursor { background: $boost; text-style: bold; }
        &:focus > .article-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold; }
        & > .article-list--unread { color: $accent; text-style: bold; }
        & > .article-list--star { color: $warning; }
        & > .article-list--details { color: $text-muted; }
        & > .article-list--read { color: $text-muted; }
        & > .article-list--empty { color: $text-muted; text-style: italic; }
    }
    """

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g,home", "first", "First", show=False, id="list.first"),
        Binding("G,end", "last", "Last", show=False, id="list.last"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("b,pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("enter", "select", "Open", show=False, id="list.open"),
        Binding("o", "cycle_sort", "Sort", show=False, id="list.sort"),
        Binding("v", "cycle_show", "Unread/starred/all", show=False, id="list.show"),
        Binding("c", "clear_filters", "Clear filters", show=False, id="list.clear"),
    ]
    HELP_NAME = "Article list"

    sort: reactive[str] = reactive("date", init=False)
    """How the list is sorted: "date" (newest first), "title" or "source"."""

    show: reactive[str] = reactive("all", init=False)
    """Which articles show: "all", "unread" or "starred"."""

    class Opened(Message):
        """The person chose an article to read."""

        def __init__(self, article: Any) -> None:
            super().__init__()
            self.article = article

    class Highlighted(Message):
        """The cursor moved to another article."""

        def __init__(self, article: Any) -> None:
            super().__init__()
            self.article = article

    def __init__(self, *, id: str | None = None, name: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, name=name, classes=classes)
        self.articles: list[Any] = []
        self.read: set[str] = set()
        self.starred: set[str] = set()
        self.source_filter: str | None = None
        self.id_filter: tuple[str, frozenset[str]] | None = None
        self.highlighted: int | None = None
        self._last_highlighted: str | None = None
        """The id of the article highlighted before a filter that showed none of them."""
        self._view: list[int] = []
        self._ids: list[str] = []
        self._orders: dict[str, list[int]] = {}
        self._index_of_id: dict[str, int] = {}
        self._read_count = 0
        self._unread_flags = bytearray()
        """1 for each unread article, by index (the unread filter reads these, not the ids)."""
        self._starred_flags = bytearray()
        """1 for each starred article, by index."""
        self._shown: bytearray | None = None
        """1 for each article the rows show, by index, while a filter is in force (else None)."""
        self._view_read = 0
        """How many of the filtered rows are read."""
        self._cache: LRUCache[tuple, Strip] = LRUCache(512)
        self.empty_text = "Loading the library…"  # until the first set_articles
        self.note = ""
        """Said after the counts in the border ("12 new")."""

    # -- data ---------------------------------------------------------------

    def set_articles(self, articles: Sequence[Any], *, read: Iterable[str] = (), starred: Iterable[str] = (),
                     keep: str | None = None, orders: dict[str, list[int]] | None = None) -> None:
        """Replace the listed articles (and what is read and starred); keep ``keep`` highlighted.

        ``orders`` may bring the sort orders computed ahead (``sort_orders``, in a worker).
        """
        self.articles = list(articles)
        self.empty_text = "No articles."
        self._ids = list(map(_ID, self.articles))
        self._index_of_id = dict(zip(self._ids, range(len(self._ids))))  # (in C: 100,000 at start)
        self.read = set(read)
        self.starred = set(starred)
        # (C loops over 100,000 ids: a generator of flags took twice the list's whole count before)
        read_flags = bytearray(map(self.read.__contains__, self._ids))
        self._read_count = read_flags.count(1)
        self._unread_flags = read_flags.translate(_FLIPPED)
        self._starred_flags = bytearray(map(self.starred.__contains__, self._ids))
        self._orders = dict(orders) if orders else {}
        self._rebuild(keep=keep)

    def set_read(self, article_id: str, read: bool) -> None:
        """Show an article as read or unread."""
        if (article_id in self.read) == read:
            return
        if read:
            self.read.add(article_id)
        else:
            self.read.discard(article_id)
        if article_id in self._index_of_id:
            self._count_read(self._index_of_id[article_id], read)
        self._changed(article_id, refilter=self.show == "unread")

    def set_read_many(self, article_ids: Iterable[str], read: bool) -> None:
        """Show many articles as read or unread at once (a feed marked read)."""
        changed = False
        for article_id in article_ids:
            if (article_id in self.read) == read:
                continue
            (self.read.add if read else self.read.discard)(article_id)
            if article_id in self._index_of_id:
                self._count_read(self._index_of_id[article_id], read)
            changed = True
        if changed:
            self._cache.clear()
            self._update_title()
            self.refresh()

    def _count_read(self, index: int, read: bool) -> None:
        self._unread_flags[index] = not read
        step = 1 if read else -1
        self._read_count += step
        if self._shown is not None and self._shown[index]:  # (a row that stopped matching still shows)
            self._view_read += step

    def set_note(self, note: str) -> None:
        """A few words after the counts in the border ("12 new"); "" for none."""
        self.note = note
        self._update_title()

    def set_starred(self, article_id: str, starred: bool) -> None:
        """Show an article with or without its star."""
        if (article_id in self.starred) == starred:
            return
        (self.starred.add if starred else self.starred.discard)(article_id)
        if article_id in self._index_of_id:
            self._starred_flags[self._index_of_id[article_id]] = starred
        self._changed(article_id, refilter=self.show == "starred")

    def _changed(self, article_id: str, refilter: bool) -> None:
        # With "unread" or "starred" showing, a row that stops matching stays until the filter
        # next changes: a row that vanishes under the cursor is confusing. One that starts to
        # match joins the list at its place (a story starred under "starred" was missing). The
        # counts update now.
        if refilter:
            self._show_if_matching(article_id)
        self._update_title()
        self._refresh_article(article_id)

    def _show_if_matching(self, article_id: str) -> None:
        """Add to the filtered rows an article that now matches the filters, keeping the cursor."""
        index = self._index_of_id.get(article_id)
        shown = self._shown
        if index is None or shown is None or shown[index]:
            return
        flags = {"unread": self._unread_flags, "starred": self._starred_flags}.get(self.show)
        article = self.articles[index]
        if (flags is not None and not flags[index]) \
                or (self.source_filter is not None and article.source != self.source_filter) \
                or (self.id_filter is not None and article_id not in self.id_filter[1]):
            return
        current = self.highlighted_article
        shown[index] = 1
        order = self._order(self.sort)
        self._view = list(compress(order, map(shown.__getitem__, order)))
        if not self._unread_flags[index]:
            self._view_read += 1
        self._cache.clear()
        self.virtual_size = Size(0, len(self._view) * ROW_HEIGHT)
        row = self._row_of(self._index_of_id[current.id]) if current is not None else None
        if row is not None:
            self.highlighted = None
            self._move_to(row, post=False)  # the same article, a row further down if the new one came first
        self.refresh()

    def filter_source(self, source: str | None) -> None:
        """Show only articles from ``source`` (None: every source)."""
        self.source_filter = source
        self._rebuild()

    def filter_ids(self, label: str | None, ids: Iterable[str] | None) -> None:
        """Show only the articles whose ids are given (e.g. those mentioning an entity), or all again."""
        self.id_filter = (label or "selected", frozenset(ids)) if ids is not None else None
        self._rebuild()

    def clear_filters(self) -> None:
        self.source_filter = None
        self.id_filter = None
        if self.show != "all":
            self.show = "all"  # (its watcher rebuilds the list; the panel keeps the choice)
        else:
            self._rebuild()

    def sources(self) -> list[str]:
        """The sources of the listed articles, by name."""
        return sorted({a.source for a in self.articles if a.source}, key=str.casefold)

    @property
    def visible_articles(self) -> list[Any]:
        """The articles in the order shown, after filters (for tests and next/previous)."""
        return [self.articles[i] for i in self._view]

    @property
    def unread_count(self) -> int:
        return len(self.articles) - self._read_count

    @property
    def shown_unread_count(self) -> int:
        """Unread among the articles shown (all of them when no filter is in force)."""
        if self._shown is None:
            return self.unread_count
        return len(self._view) - self._view_read

    @property
    def highlighted_article(self) -> Any | None:
        if self.highlighted is None or not 0 <= self.highlighted < len(self._view):
            return None
        return self.articles[self._view[self.highlighted]]

    def _row_of(self, index: int) -> int | None:
        """The row showing article ``index`` (None when filtered out)."""
        try:
            return self._view.index(index)  # a C loop: well under a millisecond at 100,000 rows
        except ValueError:
            return None

    def highlight_article(self, article_id: str) -> None:
        """Move the highlight to an article without opening it (no-op when it is filtered out)."""
        index = self._index_of_id.get(article_id)
        row = self._row_of(index) if index is not None else None
        if row is not None:
            self._move_to(row, post=False)

    def neighbour(self, article_id: str | None, step: int) -> Any | None:
        """The article ``step`` rows away from ``article_id`` in the shown order; when that
        article is not shown (the list was just filtered to a feed), the one at the cursor ("]"
        skipped the feed's first story)."""
        if not self._view:
            return None
        index = self._index_of_id.get(article_id) if article_id else None
        row = self._row_of(index) if index is not None else None
        if row is None:  # the open story is not in the list (a feed just chosen): the cursor's row is next
            target = self.highlighted if self.highlighted is not None else (0 if step > 0 else len(self._view) - 1)
        else:
            target = row + step
        if 0 <= target < len(self._view):
            return self.articles[self._view[target]]
        return None

    def title_text(self) -> str:
        """"Articles by date", with the filters in force: "Articles by title · unread · from BBC"."""
        parts = [f"Articles by {self.sort}"]
        if self.show != "all":
            parts.append(self.show)
        if self.source_filter:
            parts.append(f"from {self.source_filter}")
        if self.id_filter:
            parts.append(self.id_filter[0])
        return " · ".join(parts)

    def counts_text(self, width: int | None = None) -> str:
        """"1,204 articles · 37 unread"; "12 of 1,204 articles · 5 unread" under a filter (the
        unread among those shown); without the word "articles" when that does not fit in
        ``width`` cells."""
        total, unread = len(self.articles), self.shown_unread_count
        texts = [f"{total:,} article{'' if total == 1 else 's'} · {unread:,} unread", f"{total:,} · {unread:,} unread"]
        if self._shown is not None:
            texts = [f"{len(self._view):,} of {text}" for text in texts]
        if self.note:
            texts = [f"{text} · {self.note}" for text in texts]
        return next((text for text in texts if width is None or len(text) <= width), texts[-1])

    # -- order and filters --------------------------------------------------

    def _order(self, sort: str) -> list[int]:
        order = self._orders.get(sort)
        if order is None:
            order = self._orders[sort] = sort_order(self.articles, sort)
        return order

    def _rebuild(self, keep: str | None = None) -> None:
        current = self.highlighted_article
        if current is not None:
            self._last_highlighted = current.id
        # (through a filter that shows nothing, the row highlighted before it: not the first row after it)
        keep_id = keep if keep is not None else (current.id if current is not None else self._last_highlighted)
        articles = self.articles
        all_ids = self._ids
        view = self._order(self.sort)
        if self.show == "unread":  # (compress and a flag per article: a C loop, 100,000 rows in a few ms)
            view = list(compress(view, map(self._unread_flags.__getitem__, view)))
        elif self.show == "starred":
            view = list(compress(view, map(self._starred_flags.__getitem__, view)))
        if self.source_filter is not None:
            source = self.source_filter
            view = [i for i in view if articles[i].source == source]
        if self.id_filter is not None:
            ids = self.id_filter[1]
            view = [i for i in view if all_ids[i] in ids]
        self._view = view  # never changed in place: an order or a fresh filtered list
        filtered = self.show != "all" or self.source_filter is not None or self.id_filter is not None
        self._shown = None
        self._view_read = 0
        if filtered:
            self._shown = bytearray(len(articles))
            deque(map(self._shown.__setitem__, view, repeat(1)), maxlen=0)  # (a C loop)
            if self.show != "unread":  # (none read under the unread filter)
                self._view_read = len(view) - sum(map(self._unread_flags.__getitem__, view))
        self._cache.clear()
        self.virtual_size = Size(0, len(self._view) * ROW_HEIGHT)
        row = None
        if keep_id is not None and keep_id in self._index_of_id:
            row = self._row_of(self._index_of_id[keep_id])
        if row is None:
            row = 0 if self._view else None
        self.highlighted = None
        if row is not None:
            self._move_to(row, post=False, center=True)
        else:
            self.scroll_to(0, 0, animate=False, immediate=True)
        self._update_title()
        self.refresh()

    def watch_sort(self) -> None:
        self._rebuild()

    def watch_show(self) -> None:
        self._rebuild()

    def _update_title(self) -> None:
        # Content, never a str: a border title takes markup, and sources and labels are data.
        self.border_title = Content(make_safe(self.title_text()))
        room = self.size.width - 6 if self.size.width else None  # (the border's corners and padding)
        self.border_subtitle = Content(make_safe(self.counts_text(room)))

    # -- cursor -------------------------------------------------------------

    def _move_to(self, row: int, *, post: bool = True, center: bool = False) -> None:
        if not self._view:
            self.highlighted = None
            return
        row = max(0, min(row, len(self._view) - 1))
        old = self.highlighted
        self.highlighted = row
        if old is not None and old != row:
            self._refresh_row(old)
        self._refresh_row(row)
        self.scroll_to(y=self._top_showing(row, center), animate=False, immediate=True, force=True)
        if post and old != row:
            self.post_message(self.Highlighted(self.articles[self._view[row]]))

    def _top_showing(self, row: int, center: bool) -> int:
        """The scroll offset that shows ``row`` (in the middle with ``center``), always a
        whole number of rows from the top, so the top row is never cut in half."""
        height = max(ROW_HEIGHT, self.scrollable_content_region.height)
        top, y = int(self.scroll_offset.y), row * ROW_HEIGHT
        if center:
            target = y - (height - ROW_HEIGHT) // 2
        elif y < top:
            target = y
        elif y + ROW_HEIGHT > top + height:
            target = y + ROW_HEIGHT - height
            target += -target % ROW_HEIGHT  # rounded up: the row stays in view
        else:
            target = top
        target -= target % ROW_HEIGHT
        return max(0, target)

    def on_resize(self, _event: events.Resize) -> None:
        self._update_title()  # the counts fit the new width
        self.call_after_refresh(self._align_top)

    def _align_top(self) -> None:
        """Scroll by whole rows again after a resize: an offset kept from another height (or
        cut to the new end of the list) can leave half a row at the top."""
        y = int(self.scroll_offset.y)
        if y % ROW_HEIGHT:
            self.scroll_to(y=y - y % ROW_HEIGHT, animate=False, immediate=True, force=True)

    def _refresh_row(self, row: int) -> None:
        y = row * ROW_HEIGHT - int(self.scroll_offset.y)
        self.refresh(Region(0, y, self.size.width, ROW_HEIGHT))

    def _refresh_article(self, article_id: str) -> None:
        index = self._index_of_id.get(article_id)
        if index is None:
            return
        top = int(self.scroll_offset.y) // ROW_HEIGHT
        for row in range(top, min(len(self._view), top + self.size.height // ROW_HEIGHT + 2)):
            if self._view[row] == index:
                self._refresh_row(row)

    @property
    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // ROW_HEIGHT)

    def action_cursor_down(self) -> None:
        self._move_to((self.highlighted if self.highlighted is not None else -1) + 1)

    def action_cursor_up(self) -> None:
        self._move_to((self.highlighted or 0) - 1)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self._view) - 1)

    def action_page_down(self) -> None:
        self._move_to((self.highlighted or 0) + self._page_rows)

    def action_page_up(self) -> None:
        self._move_to((self.highlighted or 0) - self._page_rows)

    def action_select(self) -> None:
        article = self.highlighted_article
        if article is not None:
            self.post_message(self.Opened(article))

    def action_cycle_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.notify(f"Sorted by {self.sort}", timeout=2)

    def action_cycle_show(self) -> None:
        self.show = SHOWS[(SHOWS.index(self.show) + 1) % len(SHOWS)]
        self.notify(f"Showing {self.show} articles", timeout=2)

    def action_clear_filters(self) -> None:
        self.clear_filters()
        self.notify("Showing all articles", timeout=2)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = (offset.y + int(self.scroll_offset.y)) // ROW_HEIGHT
        if 0 <= row < len(self._view):
            self._move_to(row)
            self.action_select()

    def empty_message(self) -> str:
        """What the list says when it shows no row: why, and the key that shows more when a
        filter hides every article ("Nothing starred (*) · c shows all": short, for a narrow list)."""
        if not self.articles:
            return self.empty_text
        if self.show == "starred":
            return "Nothing starred (*) · c shows all"
        if self.show == "unread":
            return "Nothing unread · c shows all"
        if self.source_filter is not None or self.id_filter is not None:
            return "Nothing matches · c shows all"
        return self.empty_text

    # -- drawing ------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        line = int(self.scroll_offset.y) + y
        row, part = divmod(line, ROW_HEIGHT)
        if not self._view:
            if y == 0:
                text = set_cell_size(" " + self.empty_message(), width)
                return Strip([Segment(text, base + self.get_component_rich_style("article-list--empty"))], width)
            return Strip.blank(width, base)
        if row >= len(self._view):
            return Strip.blank(width, base)
        article = self.articles[self._view[row]]
        cursor = row == self.highlighted
        read = article.id in self.read
        starred = article.id in self.starred
        key = (article.id, part, width, cursor, read, starred, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_row_line(article, part, width, base, cursor, read, starred)
            self._cache[key] = strip
        return strip

    def _render_row_line(self, article: Any, part: int, width: int, base: Style,
                         cursor: bool, read: bool, starred: bool) -> Strip:
        style = base
        if cursor:
            style = base + self.get_component_rich_style("article-list--cursor")
        if part == 0:
            mark_style = style + self.get_component_rich_style("article-list--unread", partial=True)
            star_style = style + self.get_component_rich_style("article-list--star", partial=True)
            # $text-muted is a colour blended over the background: take the full style, not a partial one.
            title_style = self.get_component_rich_style("article-list--read") if read and not cursor else style
            title = fit_cells(article.title, width - 4)
            segments = [
                Segment(" ", style),
                Segment(" " if read else UNREAD_MARK, mark_style),
                Segment(STAR_MARK if starred else " ", star_style),
                Segment(" ", style),
                Segment(title, title_style),
            ]
        else:
            details_style = style if cursor else self.get_component_rich_style("article-list--details")
            date = _short_date(article.published) or ""
            source_width = width - 4 - (cell_len(date) + 3 if date else 0)
            if article.source and source_width >= 2:  # a long source is cut, its date kept
                details = fit_cells(article.source, source_width).rstrip() + (f" · {date}" if date else "")
            else:
                details = date or article.source or ""
            if not details and getattr(article, "word_count", -1) >= 0:
                details = f"{article.word_count:,} words"
            segments = [Segment("    ", style), Segment(fit_cells(details, width - 4), details_style)]
        return Strip(segments).adjust_cell_length(width, style)


def _short_date(published: str | None) -> str | None:
    """The date part of an ISO date or datetime ("2021-03-04T10:00:00Z" -> "2021-03-04")."""
    if not published:
        return None
    return published[:10] if len(published) >= 10 and published[4:5] == "-" else published
