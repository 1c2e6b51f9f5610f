"""The feeds view: every feed with its unread and total counts, when it last updated and
its last error; "All", "Unread" and "Starred"; tags; saved searches (followed entities).

Choosing a row (Enter) goes back to the article list filtered to it. Here the person also
marks a feed (or everything) read, with an undo; renames a feed, edits its tags, turns
whole-story fetching on or off, unsubscribes (asked whether to keep its stories),
refreshes, and saves or removes searches. The rows are computed in a worker from what the
main screen holds (``FeedsHost.snapshot``) and the state database; changes to the
subscriptions run in workers too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Label
from textual.worker import Worker

from reader.dates import display_when
from reader.feeds.overview import FeedRow
from reader.screens.prompts import Choice, TextPrompt
from reader.text import make_safe
from reader.widgets.failures import worker_failed
from reader.widgets.fitted_footer import FittedFooter

__all__ = ["FeedsHost", "FeedsScreen", "Snapshot"]


@dataclass(frozen=True)
class Snapshot:
    """What the main screen holds that the counts are made of."""

    library: Any
    catalog: Any
    read: frozenset[str]
    starred: frozenset[str]
    indexed: bool


class FeedsHost(Protocol):
    """What the feeds view asks of the screen under it."""

    def feeds_snapshot(self) -> Snapshot: ...

    def mark_read(self, article_ids: list[str], read: bool = True) -> list[str]: ...

    def refresh_feeds(self, only: list[str] | None = None) -> bool: ...

    def library_changed(self) -> None: ...


_COLUMNS = (("Feed", "feed", 42), ("Unread", "unread", 7), ("Total", "total", 7), ("Updated", "updated", 11),
            ("Last error", "error", None))
_FEED_WIDTHS = (24, 72)
"""The narrowest and the widest the feed's title column gets; it takes what the screen
leaves beside the counts and ``_ERROR_WIDTH`` for the error."""
_ERROR_WIDTH = 24
_CELL_PADDING = 2


def feed_column_width(screen_width: int, longest: int | None = None) -> int:
    """The title column's width on a screen this wide: wider screens show longer titles, up
    to the ``longest`` title's (the error column takes the rest)."""
    fixed = sum(width or 0 for _, _, width in _COLUMNS[1:]) + _CELL_PADDING * len(_COLUMNS) + _ERROR_WIDTH
    low, high = _FEED_WIDTHS
    width = max(low, min(high, screen_width - fixed))
    return width if longest is None else max(low, min(width, longest))


_SCROLLBAR = 2


def error_column_width(screen_width: int, feed_width: int | None = None) -> int:
    """The error column's width: what the other columns leave of the screen (a vertical
    scrollbar's room kept), so that a long error ends with "…" on screen instead of being cut
    at the screen's edge ("the server answered 404 F")."""
    others = sum(width or 0 for _, _, width in _COLUMNS[1:]) + _CELL_PADDING * len(_COLUMNS) + _SCROLLBAR
    feed = feed_column_width(screen_width) if feed_width is None else feed_width
    return max(8, screen_width - feed - others)


class FeedsTable(DataTable):
    """The feeds, one per row; j, k, g, G, Home and End move as in reader's other lists."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="feeds.down"),
        Binding("k", "cursor_up", "Up", show=False, id="feeds.up"),
        Binding("g,home", "scroll_top", "First", show=False, id="feeds.first"),
        Binding("G,end", "scroll_bottom", "Last", show=False, id="feeds.last"),
    ]
    HELP_HIDE = frozenset({"cursor_left", "cursor_right", "scroll_home", "scroll_end"})
    """The table's keys for moving sideways, which a table as narrow as its pane has no use for."""


class FeedsScreen(Screen[FeedRow | None]):
    """Feeds, tags and saved searches with their counts; returns the row chosen."""

    DEFAULT_CSS = """
    FeedsScreen #feeds-title { height: auto; max-height: 3; padding: 0 1; background: $panel; color: $text-muted; width: 1fr; }
    FeedsScreen DataTable { height: 1fr; }
    FeedsScreen #feeds-error { height: auto; max-height: 4; padding: 0 1; color: $text-error; display: none; }
    FeedsScreen #feeds-error.-shown { display: block; }
    """

    BINDINGS = [
        Binding("escape,f", "back", "Back", id="feeds.back"),
        Binding("enter", "choose", "Show stories", id="feeds.choose", priority=True),
        Binding("m", "mark_read", "Mark read", id="feeds.mark_read"),
        Binding("M", "mark_all_read", "Mark all read", id="feeds.mark_all_read"),
        Binding("z,ctrl+z", "undo", "Undo", id="feeds.undo"),
        Binding("r", "rename", "Rename", id="feeds.rename"),
        Binding("t", "tags", "Tags", id="feeds.tags"),
        Binding("x", "full_text", "Whole stories", id="feeds.full_text"),
        Binding("d,delete", "remove", "Unsubscribe", id="feeds.remove"),
        Binding("R", "refresh_feeds", "Refresh", id="feeds.refresh"),
        Binding("n", "new_search", "Save a search", id="feeds.new_search"),
    ]

    class RowsReady(Message):
        """The worker computed the rows."""

        def __init__(self, rows: list[FeedRow]) -> None:
            super().__init__()
            self.rows = rows

    class Changed(Message):
        """A change to the subscriptions was saved (``text``: what to tell the person)."""

        def __init__(self, text: str, library_changed: bool = False) -> None:
            super().__init__()
            self.text, self.library_changed = text, library_changed

    def __init__(self, host: FeedsHost) -> None:
        super().__init__()
        self.host = host
        self.rows: list[FeedRow] = []
        self.undo_stack: list[tuple[str, list[str]]] = []
        self._loaded = False

    def compose(self) -> ComposeResult:
        yield Label(Content("Feeds"), id="feeds-title")
        table = FeedsTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
        self._add_columns(table, self.app.size.width)
        yield table
        yield Label(id="feeds-error")  # the highlighted feed's last error in full (its column is cut)
        yield FittedFooter()

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def _widths(self, screen_width: int) -> tuple[int, int]:
        """The title's and the error's columns: the titles take what a wider screen gives, up
        to the longest title's width; the error gets the rest ("cannot connect (Conne…" was cut
        at 120 columns beside 30 empty ones of titles)."""
        clashing = _shared_titles(self.rows)
        longest = max((cell_len(_title(row, clashing)) for row in self.rows), default=None)
        feed = feed_column_width(screen_width, longest)
        return feed, error_column_width(screen_width, feed)

    def _add_columns(self, table: DataTable, screen_width: int) -> None:
        feed, error = self._widths(screen_width)
        widths = {"feed": feed, "error": error}
        for label, key, width in _COLUMNS:
            table.add_column(label, key=key, width=widths.get(key, width))

    def on_resize(self) -> None:
        """The titles take the room a wider screen gives (a narrower one leaves the error some)."""
        self._fit_columns()

    def _fit_columns(self, chosen: FeedRow | None = None) -> bool:
        """Lay the columns out again, with the rows, when the screen or the longest title
        changed; False when they stayed as they were (the rows too)."""
        table = self.table
        columns = list(table.columns.values())
        if not columns or [columns[0].width, columns[-1].width] == list(self._widths(self.size.width)):
            return False
        chosen = chosen or self.current
        table.clear(columns=True)
        self._add_columns(table, self.size.width)
        self._fill(table, chosen)
        return True

    def on_mount(self) -> None:
        self.table.loading = True
        self.reload()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if worker_failed(self, event):
            self.table.loading = False

    # -- the rows --------------------------------------------------------------------------

    def reload(self) -> None:
        """Count again (stories arrived, were read, or the subscriptions changed)."""
        self._count(self.host.feeds_snapshot())

    @work(thread=True, exclusive=True, group="feeds-rows", exit_on_error=False,
          description="Could not count the feeds' stories")
    def _count(self, snapshot: Snapshot) -> None:
        from reader.feeds.overview import library_overview
        from reader.library.state import StateStore

        with StateStore() as state:
            rows = library_overview(snapshot.library, state, catalog=snapshot.catalog, read=snapshot.read,
                                    starred=snapshot.starred, indexed=snapshot.indexed)
        self.post_message(self.RowsReady(rows))

    def on_feeds_screen_rows_ready(self, message: RowsReady) -> None:
        table = self.table
        chosen = self.current
        self.rows = message.rows
        if not self._fit_columns(chosen):  # the longest title may have changed: columns and rows anew
            table.clear()
            self._fill(table, chosen)
        table.loading = False
        feeds = [r for r in self.rows if r.kind == "feed"]
        failing = sum(1 for r in feeds if r.subscription and r.subscription.error)
        title = f"Feeds · {len(feeds):,}" + (f" · {failing:,} with a problem" if failing else "")
        if not feeds:
            title += (" · none yet: A adds a feed's URL on the main screen, or `reader subscribe URL|FILE`"
                      " (a feed file read by `reader add` is read once, not followed)")
        self.query_one("#feeds-title", Label).update(Content(title))
        if not self._loaded:
            self._loaded = True
            table.focus()
        self._show_error()

    def _fill(self, table: DataTable, chosen: FeedRow | None) -> None:
        """The rows in the (empty) table, the cursor back on ``chosen`` when it is still there."""
        clashing = _shared_titles(self.rows)
        width = next(iter(table.columns.values())).width if table.columns else None
        for row in self.rows:
            table.add_row(*_cells(row, clashing, width), key=f"{row.kind}:{row.key}")
        keys = [f"{r.kind}:{r.key}" for r in self.rows]
        if chosen is not None and f"{chosen.kind}:{chosen.key}" in keys:
            table.move_cursor(row=keys.index(f"{chosen.kind}:{chosen.key}"), animate=False)

    @property
    def current(self) -> FeedRow | None:
        """The row under the cursor (None before the table is composed: the footer asks
        ``check_action`` as soon as the screen is pushed)."""
        tables = self.query(DataTable)
        if not tables:
            return None
        row = tables.first().cursor_row
        if not self.rows or row is None or not 0 <= row < len(self.rows):
            return None
        return self.rows[row]

    def _feed(self) -> FeedRow | None:
        row = self.current
        if row is None or row.kind != "feed":
            self.notify("Choose a feed first (this one is not a subscription).", timeout=3)
            return None
        return row

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo":
            return bool(self.undo_stack)
        row = self.current
        if action in ("rename", "tags", "full_text"):
            return row is not None and row.kind == "feed"
        if action == "remove":
            return row is not None and row.kind in ("feed", "search")
        return True

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self.refresh_bindings()
        self._show_error()

    def _show_error(self) -> None:
        """Say the highlighted feed's last error in full under the table: its column shows a
        word or two of it in 80 columns."""
        row = self.current
        error = row.subscription.error if row is not None and row.kind == "feed" and row.subscription else ""
        line = self.query_one("#feeds-error", Label)
        line.update(Content(f"Last error: {make_safe(error)}" if error else ""))
        line.set_class(bool(error), "-shown")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_choose()

    # -- keys ------------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss(None)

    def action_choose(self) -> None:
        row = self.current
        if row is not None:
            self.dismiss(row)

    def _mark(self, label: str, ids: list[str]) -> None:
        changed = self.host.mark_read(ids, True)
        if not changed:
            self.notify(f"Nothing unread in {label}.", markup=False, timeout=3)
            return
        self.undo_stack.append((label, changed))
        count = len(changed)
        self.notify(f"Marked {count:,} stor{'y' if count == 1 else 'ies'} of {label} read; z undoes.",
                    markup=False, timeout=5)
        self.reload()
        self.refresh_bindings()

    def action_mark_read(self) -> None:
        row = self.current
        if row is None:
            return
        if row.kind in ("all", "unread"):
            self.action_mark_all_read()
            return
        snapshot = self.host.feeds_snapshot()
        ids = list(snapshot.starred) if row.kind == "starred" else list(row.ids or ())
        self._mark(row.title, ids)

    def action_mark_all_read(self) -> None:
        snapshot = self.host.feeds_snapshot()
        self._mark("everything", [entry.id for entry in snapshot.catalog.entries])

    def action_undo(self) -> None:
        if not self.undo_stack:
            return
        label, ids = self.undo_stack.pop()
        self.host.mark_read(ids, False)
        self.notify(f"{len(ids):,} stories of {label} are unread again.", markup=False, timeout=4)
        self.reload()
        self.refresh_bindings()

    def action_refresh_feeds(self) -> None:
        if self.host.refresh_feeds(None):
            self.notify("Refreshing the feeds…", timeout=3)
        else:
            self.notify("A refresh is running already.", timeout=3)

    def action_rename(self) -> None:
        row = self._feed()
        if row is None:
            return
        sub = row.subscription

        def renamed(text: str | None) -> None:
            if text is not None:
                self._rename(sub.url, text)

        self.app.push_screen(TextPrompt(f"A title for {sub.url} (empty: the feed's own title):",
                                        sub.user_title or "", select_all=True), renamed)

    def action_tags(self) -> None:
        row = self._feed()
        if row is None:
            return
        sub = row.subscription

        def tagged(text: str | None) -> None:
            if text is not None:
                self._change(lambda store: store.set_tags(sub.url, text), f"Tags of {sub.title}: {text or 'none'}")

        self.app.push_screen(TextPrompt(f"Tags of {sub.title}, separated by commas (a/b: a folder in a folder):",
                                        ", ".join(sub.tags)), tagged)

    def action_full_text(self) -> None:
        row = self._feed()
        if row is None:
            return
        sub = row.subscription
        on = not sub.full_text
        self._change(lambda store: store.set_full_text(sub.url, on),
                     f"{sub.title}: " + ("whole stories fetched from each new entry's link" if on
                                         else "the feed's own text kept"))

    def action_remove(self) -> None:
        row = self.current
        if row is None:
            return
        if row.kind == "search":
            name = row.search.name
            self._change(lambda store: store.remove_search(name), f"Saved search {name} removed")
            return
        if row.kind != "feed":
            return
        sub = row.subscription

        def answered(answer: str | None) -> None:
            if answer in ("keep", "delete"):
                self._unsubscribe(sub, keep=answer == "keep")

        count = row.total
        self.app.push_screen(Choice(
            f"Unsubscribe from {sub.title}? It brought {count:,} stor{'y' if count == 1 else 'ies'}.",
            [("keep", "Keep its stories"), ("delete", "Remove its stories"), ("cancel", "Cancel")]),
            answered)  # (short labels: three long ones left Cancel outside the dialog at 80 columns)

    def action_new_search(self) -> None:
        def got_query(query: str | None) -> None:
            if not query or not query.strip():
                return

            def got_name(name: str | None) -> None:
                if name is not None:
                    name = name.strip() or query.strip()
                    self._change(lambda store: store.save_search(name, query), f"Saved search {name}")

            self.app.push_screen(TextPrompt("A name for it:", query.strip(), select_all=True), got_name)

        self.app.push_screen(TextPrompt("A library search to keep as a feed (as in s: words, \"phrases\", "
                                        "entity:\"Name\", source:…):"), got_query)

    # -- changes, in workers -----------------------------------------------------------------

    @work(thread=True, group="feeds-change", exit_on_error=False, description="The change was not saved")
    def _change(self, change: Callable[[Any], object], text: str) -> None:
        from reader.feeds.store import FeedStore
        from reader.library.state import StateStore

        with StateStore() as state:
            change(FeedStore(state))
        self.post_message(self.Changed(text))

    @work(thread=True, group="feeds-change", exit_on_error=False, description="The new title was not saved")
    def _rename(self, url: str, text: str) -> None:
        """The feed's new title, written into its stories' source too (the list and the palette say it)."""
        from reader.feeds.manage import rename
        from reader.library.state import StateStore

        with StateStore() as state:
            changed = rename(state, url, text)
        said = f"Renamed to {text.strip()}" if text.strip() else "Back to the feed's own title"
        if changed:
            said += f" ({changed:,} stor{'y' if changed == 1 else 'ies'} say it)"
        self.post_message(self.Changed(said, library_changed=bool(changed)))

    @work(thread=True, group="feeds-change", exit_on_error=False, description="Could not unsubscribe")
    def _unsubscribe(self, sub: Any, keep: bool) -> None:
        from reader.feeds.manage import unsubscribe
        from reader.library.state import StateStore

        with StateStore() as state:
            result = unsubscribe(state, sub, keep_stories=keep)
        self.post_message(self.Changed(result.summary(), library_changed=bool(result.removed)))

    def on_feeds_screen_changed(self, message: Changed) -> None:
        self.notify(message.text, markup=False, timeout=4)
        if message.library_changed:
            self.host.library_changed()
        self.reload()


def _short_address(url: str) -> str:
    """The end of a feed's address, short enough to show in a narrow title column: its last
    path part ("tpm-with-empty-base.atom"), else its host ("talkingpointsmemo.com")."""
    rest = url.split("://", 1)[-1].split("?", 1)[0].rstrip("/")
    host, _, path = rest.partition("/")
    return path.rsplit("/", 1)[-1] if path else host.removeprefix("www.")


def _shared_titles(rows: list[FeedRow]) -> frozenset[str]:
    """The titles two feeds or more share ("All TPM News" twice): their rows say their address."""
    seen: dict[str, int] = {}
    for row in rows:
        if row.kind == "feed":
            seen[row.title.casefold()] = seen.get(row.title.casefold(), 0) + 1
    return frozenset(title for title, n in seen.items() if n > 1)


def _title(row: FeedRow, clashing: frozenset[str] = frozenset(), width: int | None = None) -> str:
    """A feed's title as its row shows it, with its marks and tags. One whose title another
    shares says its address after it (which is which), the title cut short to leave it room
    in a column ``width`` cells wide."""
    title = make_safe(row.title)
    sub = row.subscription
    if row.kind != "feed" or sub is None:
        return {"starred": "★ ", "search": "⌕ "}.get(row.kind, "") + title
    if row.title.casefold() in clashing and row.title != sub.url:
        where = make_safe(_short_address(sub.url))
        if width is not None and cell_len(f"{title} ‹{where}›") > width:
            room = max(4, width // 2 - 3)  # the address takes half the column at most: the title keeps words
            if cell_len(where) > room:
                where = set_cell_size(where, room - 1) + "…"
            address = f" ‹{where}›"
            title = set_cell_size(title, max(1, width - cell_len(address) - 1)).rstrip() + "…"
        else:
            address = f" ‹{where}›"
        title += address
    return title + (" ⤓" if sub.full_text else "") + ("  " + " ".join(f"#{t}" for t in sub.tags) if sub.tags else "")


def _cells(row: FeedRow, clashing: frozenset[str] = frozenset(), width: int | None = None) -> list[Text]:
    """The cells of a row: text is data, shown as it is (the title: ``_title``)."""
    sub = row.subscription if row.kind == "feed" else None
    updated, error = (display_when(sub.success_at), make_safe(sub.error or "")) if sub is not None else ("", "")
    bold = row.kind in ("all", "unread", "starred")
    title_text = Text(_title(row, clashing, width), style="bold" if bold else "", overflow="ellipsis", no_wrap=True)
    unread = "…" if row.pending else f"{row.unread:,}"
    total = "…" if row.pending else f"{row.total:,}"
    return [title_text, Text(unread, justify="right", style="bold" if row.unread else ""),
            Text(total, justify="right"), Text(updated),
            Text(error, style="red" if error else "", overflow="ellipsis", no_wrap=True)]
