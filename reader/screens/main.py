"""The main screen: library | article column | entity sidebar, and the lines under them.

The screen composes the feature panes and routes their messages to one another; each
pane owns its state and its workers (``library_panel``, ``article_column``,
``entity_sidebar``, ``index_status``). Keys that act across panes live here and call
the pane that does the work. Where the side panes sit for the terminal's width is
``pane_arrangement.PaneArrangement``'s (over ``layout.plan_layout``): a side pane that
does not fit beside the article becomes an overlay, shown by its key and closed when the
article takes the focus again. Where the sidebar fits beside the article only in the
list's place, `e` swaps the two.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Input

from reader.config import SIDEBARS, Settings
from reader.config.settings import DEFAULT_ARTICLE_WIDTH
from reader.core import Library
from reader.library import last_story
from reader.library.catalog import CatalogEntry
from reader.problems import Problem
from reader.screens.article_column import ArticleColumn
from reader.screens.entity_sidebar import EntitySidebar
from reader.screens.feeds_bridge import FeedsBridge
from reader.screens.feeds_dock import FeedsDock
from reader.screens.index_status import IndexStatus
from reader.screens.pane_arrangement import PaneArrangement
from reader.screens.library_panel import LibraryPanel
from reader.screens.links import LinkOpener
from reader.startup import resume_collections
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.fitted_footer import FittedFooter
from reader.widgets.task_progress import TaskProgress

FULL_WIDTH = 100_000


def _text_width(settings: Settings | None) -> int | None:
    """The article's measure (config.yaml's ``article_width``; None for the whole pane)."""
    return DEFAULT_ARTICLE_WIDTH if settings is None else settings.article_width or None
"""``ArticleView.max_width`` when config.yaml asks for the whole pane."""


class MainScreen(Screen):
    """Three panes: the list of articles, the open article and the sidebar."""

    DEFAULT_CSS = """
    MainScreen #panes { height: 1fr; layers: base overlay; }
    MainScreen .pane { border: round $panel-lighten-2; border-title-color: $text-muted; }
    MainScreen .pane:focus-within { border: round $primary; border-title-color: $text; }
    MainScreen .-hidden { display: none; }
    MainScreen .-overlay { layer: overlay; background: $surface; }
    MainScreen LibraryPanel.-overlay { position: absolute; offset: 0 0; }
    MainScreen EntitySidebar.-overlay { dock: right; border: round $primary; }
    """

    # The footer shows the keys of the focused pane first, then these, then the app's: the
    # ones shown here are the few that must fit in 80 columns beside q and ?; every key is
    # in the help screen (?).
    BINDINGS = [
        Binding("right_square_bracket,J", "next_article", "Next article", show=False, id="main.next_article"),
        Binding("left_square_bracket,K", "previous_article", "Previous article", show=False,
                id="main.previous_article"),
        # Priority bindings run before the keys after them are handed on, so "/Taiwan" or
        # "sTaiwan" typed in one go lands in the field (check_action lets them through to a
        # text field).
        Binding("slash", "find", "Find", id="main.find", priority=True),
        Binding("s", "search", "Search", id="main.search", tooltip="Search the whole library", priority=True),
        Binding("n", "find_step(1)", "Next match", show=False, id="main.find_next"),
        Binding("N", "find_step(-1)", "Previous match", show=False, id="main.find_previous"),
        Binding("n,N", "no_match", "Matches", show=False, id="main.no_match"),
        Binding("escape", "clear_find", "Close the overlay, clear matches, or back to the article", show=False,
                id="main.clear_find"),
        Binding("m", "next_mention", "Next mention", show=False, id="main.next_mention"),
        Binding("M", "previous_mention", "Previous mention", show=False, id="main.previous_mention"),
        Binding("m,M", "no_mention", "Mentions", show=False, id="main.no_mention"),
        Binding("w", "write_note", "Write note", show=False, id="note.write",
                tooltip="Write your own note on the entity chosen in the sidebar"),
        Binding("W", "look_up", "Wikipedia", show=False, id="main.wikipedia",
                tooltip="Look the selected entity up on Wikipedia"),
        Binding("u", "toggle_read", "Read", id="main.toggle_read", tooltip="Mark read or unread"),
        Binding("asterisk", "toggle_star", "Star", id="main.toggle_star", tooltip="Star or unstar"),
        Binding("a", "toggle_list", "List", id="main.toggle_list", tooltip="Show or hide the article list"),
        Binding("e", "toggle_sidebar", "Entities", id="main.toggle_sidebar",
                tooltip="Show or hide the sidebar: the story's entities and notes"),
        Binding("A", "add", "Add articles", show=False, id="main.add"),
        Binding("R", "refresh_feeds", "Refresh feeds", show=False, id="main.refresh_feeds"),
        Binding("f", "feeds", "Feeds", show=False, id="main.feeds"),  # no room in 80 columns: ? and ^p list it
        Binding("O", "open_link", "Open in browser", show=False, id="main.open_link"),
        Binding("y", "copy_link", "Copy link", show=False, id="main.copy_link"),
        Binding("L", "links", "Links", show=False, id="main.links"),
        Binding("T", "edit_tags", "Tags", show=False, id="main.edit_tags"),
        Binding("F", "follow", "Follow", show=False, id="main.follow"),
        # The list's own keys, from the article or the sidebar too (the list, focused, takes them first)
        Binding("o", "list_key('cycle_sort')", "Sort the list", show=False, id="main.list_sort"),
        Binding("v", "list_key('cycle_show')", "List unread/starred/all", show=False, id="main.list_show"),
        Binding("c", "list_key('clear_filters')", "Clear the list's filters", show=False, id="main.list_clear"),
    ]
    HELP_NAME = "Reading"
    AUTO_FOCUS = ""  # the focus goes to the list (or the article) once the library is loaded

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.last_query = ""
        self.panes = PaneArrangement()
        """Where the list and the sidebar sit, and what the person asked of them."""
        self._search_screen = None  # the library search pane while it is open (told how the index goes)
        self.feeds = FeedsBridge(self)
        self._reported: set[str] = set()
        self._notes_waiting = False  # a note was saved while the index was busy
        self._index_after_refresh = False  # the library was walked while a refresh ran

    def compose(self) -> ComposeResult:
        first_story = self._first_story()
        panel = LibraryPanel(self.library, story_shown_first=first_story is not None, id="library")
        sidebar = EntitySidebar(self.library, id="sidebar", classes="pane")
        sidebar.border_title = "Entities"
        settings = getattr(self.app, "settings", None)
        if settings is not None:
            self.panes.show_sidebar = settings.show_sidebar
        if self.app.size.width:  # the first styling is the one shown (a class set after mounting restyles)
            self.panes.arrange(panel, sidebar, self.app.size.width, getattr(settings, "list_width", None),
                               _text_width(settings))
        with Horizontal(id="panes"):
            yield panel
            yield ArticleColumn(id="article-column", first_story=first_story)
            yield sidebar
        yield IndexStatus(self.library, id="index-status")
        yield FeedsDock(id="feeds-dock")
        yield LinkOpener(id="link-opener")
        yield TaskProgress(id="task-progress")
        yield FittedFooter(compact=True)

    def _first_story(self) -> last_story.LastStory | None:
        """The story left open last time, shown in the first frame, before the list comes
        (a big library's list takes seconds; even a small one's comes a few frames later);
        on a first start, the sample's story."""
        sources = self.library.sources
        return last_story.recall(sources) or (last_story.only_story(sources) if self.library.is_sample else None)

    # -- the panes -------------------------------------------------------------------------

    @property
    def library_panel(self) -> LibraryPanel:
        return self.query_one(LibraryPanel)

    @property
    def column(self) -> ArticleColumn:
        return self.query_one(ArticleColumn)

    @property
    def sidebar(self) -> EntitySidebar:
        return self.query_one(EntitySidebar)

    @property
    def feeds_dock(self) -> FeedsDock:
        return self.query_one(FeedsDock)

    @property
    def link_opener(self) -> LinkOpener:
        return self.query_one(LinkOpener)

    def on_mount(self) -> None:
        settings = getattr(self.app, "settings", None)
        if settings is not None:
            self.apply_settings(settings)
        self.arrange_panes()

    def on_resize(self, _event: events.Resize) -> None:
        self.arrange_panes()

    def arrange_panes(self) -> None:
        """Size the side panes for the screen's width; dock them beside the article or make
        them overlays (closed after a resize makes them so)."""
        if not self.size.width:
            return  # not laid out yet
        settings = getattr(self.app, "settings", None)
        if self.panes.arrange(self.library_panel, self.sidebar, self.size.width, getattr(settings, "list_width", None),
                              _text_width(settings)):
            self._focus_out_of_hidden()

    def _show_panes(self) -> None:
        self.panes.show(self.library_panel, self.sidebar)
        self._focus_out_of_hidden()

    def _close_overlay(self) -> None:
        """Close the pane shown over the article; the article takes the focus."""
        self.panes.overlay = None
        self._show_panes()
        self.column.view.focus()

    def _focus_out_of_hidden(self) -> None:
        """The focus leaves a pane that was just hidden: for the overlay that took its place
        (``a`` over the entities opens the list), else for the article. (Through the article,
        the overlay just opened would close again: the focus left it.)"""
        for pane in (self.library_panel, self.sidebar):
            if pane.has_class("-hidden") and pane.has_focus_within:
                if self.panes.overlay == "list" and pane is not self.library_panel:
                    self.library_panel.article_list.focus()
                elif self.panes.overlay == "sidebar" and pane is not self.sidebar:
                    self.sidebar.when_ready(lambda: self.sidebar.query_one("#entities").focus())
                else:
                    self.column.view.focus()

    def pane_shown(self, name: str) -> bool:
        """True when the list ("list") or the sidebar ("sidebar") is on screen."""
        pane = self.library_panel if name == "list" else self.sidebar
        return not pane.has_class("-hidden")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """An overlay closes when the focus leaves it (Enter on a story, a click in the article)."""
        if self.panes.overlay is None:
            return
        pane = self.library_panel if self.panes.overlay == "list" else self.sidebar
        if event.widget is not pane and pane not in event.widget.ancestors:
            self.panes.overlay = None
            self._show_panes()

    def apply_settings(self, settings: Settings) -> None:
        """Article width and which sidebars show, from config.yaml.

        The sidebar hides when neither the entities nor the note sidebar is wanted; a
        widget with the id ``entities`` or ``note`` hides on its own setting.
        """
        self.query_one(ArticleView).max_width = settings.article_width or FULL_WIDTH
        for name in SIDEBARS:
            for widget in self.query(f"#{name}"):
                widget.set_class(not settings.sidebars.get(name, True), "-hidden")
        self.panes.show_sidebar = settings.show_sidebar
        self._show_panes()

    def report_problems(self, problems: list[Problem]) -> None:
        """The problems met reading the library in one notification: the problem itself when
        there is one, else how many and the first (a notice each covered half of an
        80-column screen at every start); a problem already reported (the library is read
        again as stories arrive) is not repeated."""
        problems = [p for p in problems if str(p) not in self._reported]
        self._reported.update(str(p) for p in problems)
        if not problems:
            return
        severity = "warning" if any(p.skipped for p in problems) else "information"
        if len(problems) == 1:
            self.notify(str(problems[0]), severity=severity, markup=False, timeout=8)
            return
        self.notify(f"{len(problems)} problems reading the library ('reader list' prints them all), "
                    f"the first: {problems[0]}", severity=severity, markup=False, timeout=8)

    # -- routing: the library ----------------------------------------------------------------

    def on_library_panel_loaded(self, message: LibraryPanel.Loaded) -> None:
        panel = self.library_panel
        self.sidebar.set_library(panel.library, message.catalog)
        if message.first:
            if message.reopen is not None:
                entry, position = message.reopen
                shown = self.column.article
                if shown is None or shown.id != entry.id:  # (not the story shown before the list came)
                    self.column.open(entry, message.catalog, position=position)
                else:
                    panel.article_opened(entry.id)
                # back in the middle of a story: the keys go on reading it (space, j); else the list.
                # Not when the person already put the focus somewhere: the story shown before the list
                # came may have been read from, or its entities chosen (Tab into the sidebar was undone)
                reading = position > 0 or not self.pane_shown("list")
                if self.focused is None:
                    (self.column.view if reading else panel.article_list).focus()
            else:
                self.column.show_nothing()
                self.column.view.focus()
                self.notify("No articles yet: press A (or use the command palette) to add files, pages or feeds.",
                            severity="warning")
        elif message.reopen is not None:  # the person's first stories replaced the sample
            entry, position = message.reopen
            self.column.open(entry, message.catalog, position=position)
        if message.first:
            settings = getattr(self.app, "settings", None)
            if settings is not None:  # after the first article is on screen, in the background
                self.call_after_refresh(self.feeds_dock.schedule, settings.refresh)
        if not message.verified:
            return  # the snapshot's list; the walked one follows
        self.report_problems(message.catalog.problems)
        if not message.first:
            self.feeds.library_loaded()
            if self.feeds_dock.running:
                self._index_after_refresh = True
                return  # stories still arriving from a refresh: indexed once, when it ends
        # Indexing is the heaviest start-up work: begin once the article is on screen.
        self._start_index(message.catalog.files)

    def _start_index(self, files) -> None:  # noqa: ANN001 (the catalog's walk)
        self._index_after_refresh = False
        panel = self.library_panel
        self.sidebar.index_ready = panel.index_ready = False
        self.call_after_refresh(lambda: self.query_one(IndexStatus).start(panel.library, files))

    def on_index_status_updated(self, _message: IndexStatus.Updated) -> None:
        if self._notes_waiting:
            self.call_later(self._index_notes)  # a note saved while the index was busy
        self.sidebar.index_ready = self.library_panel.index_ready = True
        self.sidebar.index_became_ready()
        self.feeds.counts_changed()  # saved searches count what the index found
        if self._search_screen is not None:
            self._search_screen.index_changed(None)

    def on_index_status_progress(self, message: IndexStatus.Progress) -> None:
        message.stop()
        if self._search_screen is not None:
            self._search_screen.index_changed(self.query_one(IndexStatus).state)

    # -- routing: feeds (``FeedsBridge`` does the work) ---------------------------------------

    def on_feeds_dock_feed_done(self, _message: FeedsDock.FeedDone) -> None:
        self.feeds.feed_done()

    def on_feeds_dock_finished(self, message: FeedsDock.Finished) -> None:
        self.feeds.refresh_finished(message.report, message.automatic)
        if self._index_after_refresh and not message.report.new_count:
            # The library was walked during the refresh and nothing came of it: index now
            # (new stories load the list again, and that load starts the index).
            self._start_index(self.library_panel.catalog.files)

    def on_feeds_dock_followed(self, message: FeedsDock.Followed) -> None:
        self.feeds.followed(message.name, message.new)

    def on_feeds_dock_stories(self, message: FeedsDock.Stories) -> None:
        self.feeds.feed_stories(message.url, message.ids)

    def on_library_panel_tags_saved(self, message: LibraryPanel.TagsSaved) -> None:
        if message.tags is not None:
            self.feeds.tags_saved(message.entry.id, message.tags)

    def action_feeds(self) -> None:
        self.feeds.open_view()

    def action_open_link(self) -> None:
        self.feeds.open_link()

    def action_copy_link(self) -> None:
        self.feeds.copy_link()

    def action_links(self) -> None:
        self.feeds.list_links()

    def action_edit_tags(self) -> None:
        self.feeds.edit_tags()

    def action_follow(self) -> None:
        self.sidebar.when_ready(self.feeds.follow)

    def on_library_panel_load_failed(self, _message: LibraryPanel.LoadFailed) -> None:
        self.column.stop_waiting()
        self.column.view.focus()

    def on_library_panel_library_changed(self, message: LibraryPanel.LibraryChanged) -> None:
        self.library = message.library

    def on_library_panel_progress(self, message: LibraryPanel.Progress) -> None:
        bar = self.query_one(TaskProgress)
        if not bar.running:
            bar.start(message.label)
        bar.advance_to(message.done, message.total, message.label)

    def on_library_panel_task_done(self, _message: LibraryPanel.TaskDone) -> None:
        self.query_one(TaskProgress).finish()

    @on(ArticleList.Opened)
    def _article_chosen(self, message: ArticleList.Opened) -> None:
        self.read_entry(message.article)

    def read_entry(self, entry: CatalogEntry) -> None:
        """Open a story the person chose (in the list, the palette) and give it the focus,
        so that space pages it."""
        self.open_entry(entry)
        self.column.view.focus()

    def open_entry(self, entry: CatalogEntry) -> None:
        """Open a story of the catalog at the place the person left it."""
        panel = self.library_panel
        self.column.open(entry, panel.catalog, position=panel.position_of(entry.id))

    # -- routing: the article and the sidebar ------------------------------------------------

    def on_article_column_shown(self, message: ArticleColumn.Shown) -> None:
        self.call_after_refresh(resume_collections)  # start-up is over once a story is painted
        self.library_panel.article_opened(message.article.id)
        self.sidebar.show_article(message.article)
        self.refresh_bindings()

    def on_article_column_scrolled(self, message: ArticleColumn.Scrolled) -> None:
        self.library_panel.save_position(message.article_id, message.position)

    def on_article_column_read(self, message: ArticleColumn.Read) -> None:
        self.library_panel.mark_read([message.article_id])

    def on_entity_sidebar_highlights(self, message: EntitySidebar.Highlights) -> None:
        self.column.set_highlights(message.layer, message.highlights)

    def on_entity_sidebar_notes_saved(self, _message: EntitySidebar.NotesSaved) -> None:
        """A saved note: the index takes it in (the stories naming it), now or, when it is
        busy, as soon as its update ends."""
        if self.query_one(IndexStatus).state is None:
            self._index_notes()
        else:
            self._notes_waiting = True

    def _index_notes(self) -> None:
        self._notes_waiting = False
        self._start_index(None)  # walked again: notes may change while the list stays as it was

    def on_entity_sidebar_scroll_to(self, message: EntitySidebar.ScrollTo) -> None:
        """Go to a mention (Enter, m, M). The sidebar over the article steps aside: it would
        cover the mention it goes to (e brings it back)."""
        if self.panes.overlay == "sidebar":
            self._close_overlay()
        self.column.scroll_to_offset(message.offset)
        if message.position:
            self.column.show_position(message.position)

    def on_entity_sidebar_open_article(self, message: EntitySidebar.OpenArticle) -> None:
        """A story of the entity's dossier: opened and read (the focus goes to it; the panel
        list it was chosen in is filled anew, and a hidden one kept it, answering no key)."""
        entry = self.library_panel.catalog.get(message.article_id)
        if entry is not None:
            self.open_entry(entry)
            self.column.view.focus()

    # -- keys ----------------------------------------------------------------------------------

    def _step_article(self, step: int) -> None:
        article = self.column.article
        target = self.library_panel.article_list.neighbour(article.id if article else None, step)
        if target is not None:
            self.open_entry(target)
        else:
            self.notify("No more articles that way.", timeout=2)

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def _toggle_pane(self, name: str) -> None:
        """Hide or show a side pane, beside the article or over it. A pane its key shows takes the
        focus (``j`` moves its cursor, ``m`` steps through the entity under the sidebar's cursor);
        the list also takes it back from the sidebar that had it."""
        in_sidebar = self.focused is not None and self.sidebar in self.focused.ancestors_with_self
        self.panes.toggle(name, self.size.width)
        self._show_panes()
        self.refresh_bindings()
        if name == "sidebar" and self.pane_shown("sidebar"):
            self.sidebar.when_ready(self._enter_the_entities)
        elif self.pane_shown("list") and (name == "list" or (in_sidebar and not self.pane_shown("sidebar"))):
            self.library_panel.article_list.focus()

    def _enter_the_entities(self) -> None:
        """The entity list takes the focus; once its cursor is on the first entity, that one is shown."""
        self.sidebar.query_one("#entities").focus()
        self.call_after_refresh(self.sidebar.choose_at_cursor)

    def reveal_list(self) -> None:
        """Show the list (hidden, swapped for the sidebar, or closed as an overlay) with the focus
        in it: a feed or a filter was just chosen for it."""
        self.panes.reveal_list(self.size.width)
        self._show_panes()
        self.refresh_bindings()
        self.library_panel.article_list.focus()

    def action_toggle_list(self) -> None:
        self._toggle_pane("list")

    def action_toggle_sidebar(self) -> None:
        self._toggle_pane("sidebar")

    def _target_id(self) -> str | None:
        """The article a read/star key acts on: the list's cursor in the list, else the open one."""
        article_list = self.library_panel.article_list
        if self.focused is article_list and article_list.highlighted_article is not None:
            return article_list.highlighted_article.id
        return self.column.article.id if self.column.article is not None else None

    def action_toggle_read(self) -> None:
        if (article_id := self._target_id()) is not None:
            # (pressed as the app starts: once the read marks are known, or the mark is lost)
            self.library_panel.when_state_read(lambda: self._toggle_read(article_id))

    def _toggle_read(self, article_id: str) -> None:
        self.library_panel.toggle_read(article_id)
        if self.column.article is not None and article_id == self.column.article.id:
            self.column.read_marked()
        read = article_id in self.library_panel.article_list.read
        self._say_unless_listed("Marked read" if read else "Marked unread")

    def action_toggle_star(self) -> None:
        if (article_id := self._target_id()) is not None:
            self.library_panel.when_state_read(lambda: self._toggle_star(article_id))

    def _toggle_star(self, article_id: str) -> None:
        self.library_panel.toggle_star(article_id)
        starred = article_id in self.library_panel.article_list.starred
        self._say_unless_listed("Starred ★" if starred else "Star removed")

    def _say_unless_listed(self, text: str) -> None:
        """Say what a key did when the list, which shows it, is not on screen."""
        if not self.pane_shown("list"):
            self.notify(text, timeout=2)

    async def action_list_key(self, action: str) -> None:
        """A key of the list (sort, show, clear) pressed elsewhere: the list does it and says so."""
        await self.library_panel.article_list.run_action(action)

    def action_find(self) -> None:
        self.column.open_find()

    def action_find_step(self, delta: int) -> None:
        self.column.step_match(delta)

    def action_clear_find(self) -> None:
        """Esc: close a pane open over the article; else clear the find's matches (the focus
        stays where it is); else, in the sidebar, go back to the article (as the find bar's
        Esc does)."""
        if self.panes.overlay is not None:
            self._close_overlay()
            return
        if not (self.column.can_step_matches or self.column.find_open) and self._sidebar_focused():
            self.column.view.focus()
            return
        self.column.close_find()
        self.refresh_bindings()

    def _sidebar_focused(self) -> bool:
        focused = self.focused
        return focused is not None and self.sidebar in focused.ancestors_with_self

    def action_next_mention(self) -> None:
        self.sidebar.when_ready(lambda: self.sidebar.step_mention(1))

    def action_previous_mention(self) -> None:
        self.sidebar.when_ready(lambda: self.sidebar.step_mention(-1))

    def action_no_mention(self) -> None:
        self.sidebar.when_ready(lambda: self.sidebar.step_mention(0))  # nothing to step through: it says why

    def action_no_match(self) -> None:
        """``n`` / ``N`` with no matches to step through say why (they did nothing)."""
        found = self.column.find_result
        if found is not None and (found.error or not found.matches):
            self.notify(f"Nothing to step through: the find has {found.label(None)}.", timeout=3, markup=False)
        else:
            self.notify("Nothing to step through yet: / finds words in the story, then n and N go from match "
                        "to match.", timeout=4, markup=False)

    def action_look_up(self) -> None:
        self.sidebar.when_ready(self.sidebar.action_look_up)

    def action_write_note(self) -> None:
        self.sidebar.when_ready(self.sidebar.action_write_note)

    def action_add(self) -> None:
        from reader.screens.add import AddScreen

        def added(items: list[str] | None) -> None:
            if items:
                self.library_panel.run_import(items)

        self.app.push_screen(AddScreen(), added)

    def action_refresh_feeds(self) -> None:
        self.feeds.refresh()

    def filter_mentioning(self, label: str, names: list[str]) -> None:
        """Show only the articles that mention any of ``names`` (the palette's filter)."""
        self.library_panel.filter_mentioning(label, names)
        self.reveal_list()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        try:
            return self._action_state(action)
        except NoMatches:
            return None  # asked by the footer while the panes are not (or no longer) there

    def _action_state(self, action: str) -> bool | None:
        if action in ("find", "search"):
            return not isinstance(self.focused, Input)  # "/" or "s" typed into the find field
        if action in ("next_mention", "previous_mention"):
            return self.sidebar.can_step_mentions  # else m/M fall through to no_mention, which says why
        if action == "clear_find":  # (a bar left open with no match closes too; the sidebar gives the focus back)
            return self.panes.overlay is not None or self.column.can_step_matches or self.column.find_open \
                or self._sidebar_focused()
        if action == "find_step":
            return self.column.can_step_matches  # else n/N fall through to no_match, which says why
        if action in ("open_link", "copy_link", "links", "edit_tags"):
            return self.column.article is not None  # a story without a link says so
        return True  # (F with no entity chosen says how to choose one)

    # -- library search --------------------------------------------------------------------

    def action_search(self) -> None:
        """Open the library search pane; the chosen story opens at its matches."""
        from reader.screens.search import SearchScreen

        status = self.query_one(IndexStatus)
        screen = SearchScreen(status.index, query=self.last_query, indexing=lambda: status.state,
                              broken=status.repair)
        self._search_screen = screen
        self.app.push_screen(screen, self._search_done)

    def _search_done(self, choice) -> None:  # noqa: ANN001 (SearchChoice, imported with the pane)
        self._search_screen = None
        if choice is None:
            return
        self.last_query = choice.query
        panel = self.library_panel
        entry = panel.catalog.get(choice.article_id)
        if entry is None:
            self.notify(f"That story is no longer in the library: {choice.article_id}", markup=False,
                        severity="warning")
            return
        self.column.open(entry, panel.catalog, search=choice)
