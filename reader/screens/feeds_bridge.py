"""What the main screen does for feeds, links and tags, kept out of the screen's module.

The main screen composes the panes and routes messages; this object does the routing for
the feeds part: it is the feeds view's host (counts are made of the library pane's
catalog and read marks; marking read goes through the library pane), applies the row
chosen in the feeds view to the article list, starts refreshes and shows what they
brought as they bring it, opens and copies the open story's links, edits its tags, and
follows the entity chosen in the sidebar. It reaches the panes only through the screen's
accessors and their public methods.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the feeds view and its counts are imported when first used, after start-up
    from reader.feeds.overview import FeedRow
    from reader.feeds.refresh import RefreshReport
    from reader.screens.feeds import FeedsScreen, Snapshot
    from reader.screens.main import MainScreen

LIVE_RELOAD_SECONDS = 1.5
"""While a refresh runs, the list is read again at most this often (new stories show as they come)."""


class FeedsBridge:
    """The main screen's feeds, links and tags (see the module's docstring)."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self._last_reload = 0.0
        self._reload_pending = False
        self.filter_row: FeedRow | None = None
        """The feeds-view row the list is filtered to (kept current as stories arrive)."""
        self._view_opened = False
        """Whether the feeds view was ever opened (its module is imported then, not at start-up)."""

    # -- FeedsHost -------------------------------------------------------------------------

    def feeds_snapshot(self) -> Snapshot:
        from reader.screens.feeds import Snapshot

        panel = self.screen.library_panel
        article_list = panel.article_list
        return Snapshot(panel.library, panel.catalog, frozenset(article_list.read), frozenset(article_list.starred),
                        panel.index_ready)

    def mark_read(self, article_ids: list[str], read: bool = True) -> list[str]:
        return self.screen.library_panel.mark_read(article_ids, read)

    def refresh_feeds(self, only: list[str] | None = None) -> bool:
        return self.screen.feeds_dock.refresh_feeds(only)

    def library_changed(self) -> None:
        self.screen.library_panel.load()

    # -- the feeds view ----------------------------------------------------------------------

    @property
    def feeds_screen(self) -> FeedsScreen | None:
        if not self._view_opened:
            return None
        from reader.screens.feeds import FeedsScreen

        return next((s for s in self.screen.app.screen_stack if isinstance(s, FeedsScreen)), None)

    def open_view(self) -> None:
        from reader.screens.feeds import FeedsScreen

        if self.feeds_screen is None:
            self._view_opened = True
            self.screen.app.push_screen(FeedsScreen(self), self.show_row)

    def show_row(self, row: FeedRow | None) -> None:
        """Filter the article list to what the feeds view's row stands for."""
        if row is None:
            return
        article_list = self.screen.library_panel.article_list
        article_list.clear_filters()
        self.filter_row = row if row.kind in ("feed", "tag", "search") else None
        if row.kind == "unread":
            article_list.show = "unread"
        elif row.kind == "starred":
            article_list.show = "starred"
        elif row.kind != "all":
            article_list.filter_ids(row.title, row.ids or ())
        self.screen.reveal_list()  # (hidden or swapped for the sidebar, the choice would not show)

    def counts_changed(self) -> None:
        """The catalog, the read marks or the index changed: the open feeds view counts again."""
        screen = self.feeds_screen
        if screen is not None:
            screen.reload()

    # -- refresh ---------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self.screen.feeds_dock.refresh_feeds():
            self.screen.notify("A refresh is running already.", timeout=3)

    def feed_done(self) -> None:
        """A feed brought stories while a refresh runs: read the library again, not too often."""
        now = time.monotonic()
        if now - self._last_reload >= LIVE_RELOAD_SECONDS:
            self._last_reload = now
            self.screen.library_panel.load()
        elif not self._reload_pending:
            self._reload_pending = True
            self.screen.set_timer(LIVE_RELOAD_SECONDS, self._delayed_reload)

    def _delayed_reload(self) -> None:
        self._reload_pending = False
        self._last_reload = time.monotonic()
        self.screen.library_panel.load()

    def refresh_finished(self, report: RefreshReport, automatic: bool) -> None:
        if report.new_count:
            self._last_reload = time.monotonic()
            self.screen.library_panel.load()
        if not report.feeds:
            if not automatic:
                self.screen.notify("No feeds yet: add a feed's URL with A, or `reader subscribe URL`.", timeout=6)
            return
        if automatic and not report.new_count and not report.failed:
            return
        text = report.summary() + "."
        if report.failed:
            in_view = self.feeds_screen is not None and self.screen.app.screen is self.feeds_screen
            text += " Their rows say why." if in_view else " f shows which, and why."
        self.screen.notify(text, markup=False, timeout=6,
                           severity="warning" if report.failed and not report.new_count else "information")
        self.counts_changed()

    def library_loaded(self) -> None:
        """The catalog was read again: a feed filter takes in the feed's new stories."""
        row = self.filter_row
        if row is not None and row.kind == "feed":
            self.screen.feeds_dock.stories_of(row.key, self.screen.library_panel.catalog.entries)
        self.counts_changed()

    def feed_stories(self, url: str, ids: set[str]) -> None:
        """The stories of the feed the list is filtered to, counted again."""
        row = self.filter_row
        article_list = self.screen.library_panel.article_list
        if row is not None and row.key == url and article_list.id_filter and article_list.id_filter[1] != frozenset(ids):
            article_list.filter_ids(row.title, ids)

    # -- the open story's links and tags -----------------------------------------------------

    def _article(self):  # noqa: ANN202 (Article | None)
        return self.screen.column.article

    def open_link(self) -> None:
        article = self._article()
        if article is None or not article.url:
            self.screen.notify("This story has no link.", timeout=3)
            return
        self.screen.link_opener.open(article.url)
        self.screen.library_panel.mark_read([article.id])

    def copy_link(self) -> None:
        article = self._article()
        if article is None or not article.url:
            self.screen.notify("This story has no link.", timeout=3)
            return
        self.screen.link_opener.copy(article.url)

    def list_links(self) -> None:
        from reader.library.links import story_links
        from reader.screens.links import LinksScreen

        article = self._article()
        links = story_links(article) if article is not None else []
        if not links:
            self.screen.notify("No links in this story.", timeout=3)
            return

        def chosen(choice: tuple[str, str] | None) -> None:
            if choice is None:
                return
            what, url = choice
            if what == "copy":
                self.screen.link_opener.copy(url)
            else:
                self.screen.link_opener.open(url)
                if url == article.url:
                    self.screen.library_panel.mark_read([article.id])

        self.screen.app.push_screen(LinksScreen(article.title, links), chosen)

    def edit_tags(self) -> None:
        from reader.screens.prompts import TextPrompt

        article = self._article()
        if article is None:
            return
        entry = self.screen.library_panel.catalog.get(article.id)
        if entry is None:
            return

        def tagged(text: str | None) -> None:
            if text is not None:
                self.screen.library_panel.save_tags(entry, [t for t in text.split(",")])

        self.screen.app.push_screen(TextPrompt(f"Tags of “{article.title}”, separated by commas:",
                                               ", ".join(article.tags)), tagged)

    def tags_saved(self, article_id: str, tags: tuple[str, ...]) -> None:
        """Show the new tags on the open story at once (the catalog follows from disk)."""
        article = self._article()
        if article is not None and article.id == article_id:
            self.screen.column.open(replace(article, tags=tags), self.screen.library_panel.catalog,
                                    position=self.screen.column.reading_position())
        self.screen.notify(f"Tags: {', '.join(tags) or 'none'}", markup=False, timeout=3)

    # -- following an entity -----------------------------------------------------------------

    def follow(self) -> None:
        entity = self.screen.sidebar.selected
        if entity is None:
            self.screen.notify(self.screen.sidebar.none_chosen("Choose a person, place or organisation in the sidebar "
                                                               "first"), timeout=3, markup=False)
            return
        self.screen.feeds_dock.follow(entity.key, entity.name)

    def followed(self, name: str, new: bool) -> None:
        self.screen.notify(f"Following {name}: stories mentioning {name} get their own count in the feeds view (f)."
                           if new else f"Already following {name}.", markup=False, timeout=5)
        self.counts_changed()
