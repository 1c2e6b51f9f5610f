"""The main screen: article list | article view | sidebar.

The screen coordinates: it loads the library catalog in a worker, opens articles,
keeps the reading state (read, stars, position, last article) and routes messages
between the panes. Imports and feed refreshes run in workers with a progress bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker, WorkerState, get_current_worker

from reader.config import SIDEBARS, Settings
from reader.entities.model import Span
from reader.entities.notes import Note
from reader.entities.summary import EntityInfo
from reader.library import Article
from reader.library.catalog import Catalog, find_mentions, load_catalog
from reader.library.problems import Problem
from reader.library.state import ArticleState, StateError, StateStore
from reader.widgets.article_details import ArticleDetails
from reader.widgets.article_list import ArticleList, sort_orders
from reader.widgets.article_view import ArticleView, Highlight
from reader.widgets.entity_list import EntityList
from reader.widgets.note_panel import NoteContext, NotePanel
from reader.widgets.task_progress import TaskProgress

MAX_PROBLEM_NOTICES = 5
MAX_LISTED_ARTICLES = 20
FULL_WIDTH = 100_000
MAX_RECOGNISED_CHARS = 2_000_000
"""Entities are found in the first 2 M characters of a story: recognition needs about 60 bytes
of memory per character, so a 50 MB file would otherwise take some 3 GB (bench_reliability)."""
"""``ArticleView.max_width`` when config.yaml asks for the whole pane."""


class MainScreen(Screen):
    """Three panes: the list of articles, the open article and the sidebar."""

    DEFAULT_CSS = """
    MainScreen #panes { height: 1fr; }
    MainScreen .pane { border: round $panel-lighten-2; border-title-color: $text-muted; }
    MainScreen .pane:focus-within { border: round $primary; border-title-color: $text; }
    MainScreen #article-list { width: 36; max-width: 35%; }
    MainScreen #article-view { width: 1fr; }
    MainScreen #sidebar { width: 34; max-width: 30%; }
    MainScreen #article-details { height: auto; max-height: 6; }
    MainScreen #entities { height: 1fr; border-top: solid $panel-lighten-2; }
    MainScreen #note { height: 1fr; border-top: solid $panel-lighten-2; }
    MainScreen .-hidden { display: none; }
    """

    BINDINGS = [
        Binding("right_square_bracket,J", "next_article", "Next article", id="main.next_article"),
        Binding("left_square_bracket,K", "previous_article", "Prev article", id="main.previous_article"),
        Binding("a", "toggle_list", "Articles", id="main.toggle_list"),
        Binding("e", "toggle_sidebar", "Sidebar", id="main.toggle_sidebar"),
        Binding("m", "next_mention", "Next mention", id="main.next_mention"),
        Binding("M", "previous_mention", "Prev mention", id="main.previous_mention"),
        Binding("u", "toggle_read", "Read/unread", id="main.toggle_read"),
        Binding("asterisk", "toggle_star", "Star", id="main.toggle_star"),
        Binding("A", "add", "Add", show=False, id="main.add"),
        Binding("R", "refresh_feeds", "Refresh feeds", show=False, id="main.refresh_feeds"),
    ]

    class LibraryLoaded(Message):
        """The catalog (and reading state) finished loading in the worker."""

        def __init__(self, library: Catalog, states: dict[str, ArticleState], reopen: bool,
                     orders: dict[str, list[int]] | None = None) -> None:
            super().__init__()
            self.library = library
            self.orders = orders
            self.states = states
            self.reopen = reopen

    class TaskProgressed(Message):
        """Progress of an import, refresh or scan (a newer one replaces an unhandled older one)."""

        def __init__(self, done: int, total: int, label: str) -> None:
            super().__init__()
            self.done, self.total, self.label = done, total, label

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, MainScreen.TaskProgressed)

    class ImportFinished(Message):
        """An import or refresh finished."""

        def __init__(self, report: Any, what: str) -> None:
            super().__init__()
            self.report = report
            self.what = what

    class EntitiesFound(Message):
        """The entities worker recognised the entities of an article."""

        def __init__(self, article: Article, spans: list[Span], entities: list[EntityInfo]) -> None:
            super().__init__()
            self.article = article
            self.spans = spans
            self.entities = entities

    class NoteContextReady(Message):
        """The notes worker gathered what the panel shows for an entity."""

        def __init__(self, context: NoteContext) -> None:
            super().__init__()
            self.context = context

    def __init__(self, sources: list[Path]) -> None:
        super().__init__()
        self.sources = sources
        self.library = Catalog()
        self.article: Article | None = None
        self.state: StateStore | None = None
        self._saved_position: tuple[str, int] | None = None
        self.entities: list[EntityInfo] = []
        self.selected: EntityInfo | None = None
        self.mention_index = 0

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            article_list = ArticleList(id="article-list")
            article_list.add_class("pane")
            article_list.border_title = "Articles"
            yield article_list
            view = ArticleView(id="article-view")
            view.add_class("pane")
            view.border_title = "Article"
            yield view
            with Vertical(id="sidebar", classes="pane") as sidebar:
                sidebar.border_title = "Entities"
                yield ArticleDetails(id="article-details")
                yield EntityList(id="entities")
                yield NotePanel(id="note")
        yield TaskProgress(id="task-progress")
        yield Footer()

    def on_mount(self) -> None:
        settings = getattr(self.app, "settings", None)
        if settings is not None:
            self.apply_settings(settings)
        try:
            self.state = StateStore()
        except StateError as error:
            self.notify(f"{error}; read marks and stars will not be kept this time.", severity="error",
                        markup=False, timeout=10)
        self.query_one(ArticleView).loading = True
        # Every scroll of the article writes its position (one small transaction, only when it
        # changed), so quitting at any moment keeps the place.
        self.watch(self.query_one(ArticleView), "scroll_y", self._scrolled, init=False)
        # Start reading the library after the first frame, so the worker does not compete
        # with the first paint for the interpreter.
        self.call_after_refresh(self.load_library, True)

    def _scrolled(self, _old: float, _new: float) -> None:
        self.save_position()

    def on_unmount(self) -> None:
        if self.state is not None:
            self.state.close()
            self.state = None

    def apply_settings(self, settings: Settings) -> None:
        """Article width and which sidebars show, from config.yaml.

        The sidebar hides when neither the entities nor the note sidebar is wanted; a
        widget with the id ``entities`` or ``note`` hides on its own setting.
        """
        self.query_one(ArticleView).max_width = settings.article_width or FULL_WIDTH
        for name in SIDEBARS:
            for widget in self.query(f"#{name}"):
                widget.set_class(not settings.sidebars.get(name, True), "-hidden")
        self.query_one("#sidebar").set_class(not any(settings.sidebars.get(n, True) for n in SIDEBARS), "-hidden")

    # -- loading -----------------------------------------------------------

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def load_library(self, reopen: bool = False) -> None:
        """Read the catalog (metadata only; a cache makes this fast) and the reading state."""
        worker = get_current_worker()

        def progress(done: int, total: int, label: str) -> None:
            if total > 2000:
                self.post_message(self.TaskProgressed(done, total, "Reading the library…"))

        catalog = load_catalog(self.sources, progress=progress, cancelled=lambda: worker.is_cancelled)
        states: dict[str, ArticleState] = {}
        try:
            with StateStore() as store:
                states = store.all()
        except StateError:
            pass
        orders = sort_orders(catalog.entries)  # sorted here, so changing the sort later is instant
        if not worker.is_cancelled:
            self.post_message(self.LibraryLoaded(catalog, states, reopen, orders))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "library":
            self.query_one(ArticleView).loading = False
            self.query_one(TaskProgress).finish()
            self.notify(f"Could not load the library: {event.worker.error}", severity="error", markup=False, timeout=10)
        elif event.state == WorkerState.ERROR and event.worker.group in ("entities", "notes"):
            self.notify(f"Could not find the entities: {event.worker.error}", severity="error", markup=False,
                        timeout=8)
        elif event.state == WorkerState.ERROR and event.worker.group == "import":
            self.query_one(TaskProgress).finish()
            self.notify(f"The import stopped: {event.worker.error}", severity="error", markup=False, timeout=10)

    def on_main_screen_library_loaded(self, message: LibraryLoaded) -> None:
        self.library = message.library
        self.query_one(TaskProgress).finish()
        self.report_problems(message.library.problems)
        article_list = self.query_one(ArticleList)
        read = [i for i, s in message.states.items() if s.read]
        starred = [i for i, s in message.states.items() if s.starred]
        current = self.article.id if self.article is not None else None
        article_list.set_articles(self.library.entries, read=read, starred=starred, keep=current,
                                  orders=message.orders)
        view = self.query_one(ArticleView)
        view.loading = False
        if not message.reopen:
            return
        if not self.library.entries:
            view.show(None)
            self.notify("No articles yet: press A (or use the command palette) to add files, pages or feeds.",
                        severity="warning")
            return
        last = self.state.last_opened() if self.state is not None else None
        if last is not None and self.library.get(last[0]) is not None:
            self.open_article(self.library.get(last[0]), position=last[1])
        else:
            first = article_list.highlighted_article or self.library.entries[0]
            self.open_article(first)
        article_list.focus()

    def report_problems(self, problems: list[Problem]) -> None:
        """One notification per problem (a few at most), then a summary line."""
        for problem in problems[:MAX_PROBLEM_NOTICES]:
            self.notify(str(problem), severity="warning" if problem.skipped else "information",
                        markup=False, timeout=8)
        if len(problems) > MAX_PROBLEM_NOTICES:
            self.notify(f"{len(problems) - MAX_PROBLEM_NOTICES} more problems; `reader list` prints them all.",
                        severity="warning", markup=False, timeout=8)

    # -- articles ----------------------------------------------------------

    def open_article(self, article: Any, position: int | None = None) -> None:
        """Show ``article`` (an Article or a catalog entry) in the view and the sidebar; mark it read."""
        if not isinstance(article, Article):
            loaded = self.library.load(article)
            if loaded is None:
                self.notify(f"{article.path}: could not be read any more; try reloading.", severity="error",
                            markup=False, timeout=8)
                return
            article = loaded
        self.save_position()
        self.article = article
        view = self.query_one(ArticleView)
        view.border_title = article.title
        view.show(article)
        if position:
            self._restore_position(article, position)
        self._saved_position = (article.id, position or 0)
        self.query_one(ArticleDetails).show(article)
        article_list = self.query_one(ArticleList)
        article_list.highlight_article(article.id)
        article_list.set_read(article.id, True)
        if self.state is not None:
            self.state.mark_opened(article.id)
        self.entities, self.selected = [], None
        self.query_one(EntityList).set_entities([])
        self.query_one(NotePanel).show(None)
        self.recognise_entities(article)

    def _restore_position(self, article: Article, position: int, tries: int = 50) -> None:
        """Scroll so the body line holding ``position`` is the top line, once the text is wrapped."""
        view = self.query_one(ArticleView)
        if view.article is not article:
            return
        if not view.wrapped_lines or view.loading:
            if tries > 0:
                self.set_timer(0.02, lambda: self._restore_position(article, position, tries - 1))
            return
        view.scroll_to(y=view.line_of_offset(position), animate=False, immediate=True, force=True)

    def reading_position(self) -> int | None:
        """The body offset of the top line of the view (0 at the top of the article)."""
        view = self.query_one(ArticleView)
        lines = view.wrapped_lines
        if self.article is None or not lines or view.article is not self.article:
            return None
        y = int(view.scroll_offset.y)
        if y == 0:
            return 0
        for line in lines[y:]:
            if line.part == "body":
                return line.start
        return None

    def save_position(self) -> None:
        """Write the open article's position when it changed."""
        if self.article is None or self.state is None or not self.is_mounted:
            return
        try:
            position = self.reading_position()
        except NoMatches:
            return
        if position is None:
            return
        current = (self.article.id, position)
        if current != self._saved_position:
            self.state.set_position(*current)
            self._saved_position = current

    # -- entities ----------------------------------------------------------

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False)
    def recognise_entities(self, article: Article, reload_notes: bool = False) -> None:
        """Recognise the article's entities off the UI thread (builds the recogniser the first time)."""
        from reader.entities import service
        from reader.entities.summary import summarise

        recognizer = service.reload_knowledge_base() if reload_notes else service.get_recognizer()
        spans = recognizer.recognise(article.body[:MAX_RECOGNISED_CHARS])
        self.post_message(self.EntitiesFound(article, spans, summarise(article.body, spans, recognizer.kb)))

    def on_main_screen_entities_found(self, message: EntitiesFound) -> None:
        if message.article is not self.article:
            return
        for problem in self._notes_problems():
            self.notify(str(problem), severity="warning", markup=False, timeout=8)
        self.entities = message.entities
        view = self.query_one(ArticleView)
        view.set_highlights("entities", [Highlight(s.start, s.end, f"entity-{s.type.lower()}") for s in message.spans])
        entity_list = self.query_one(EntityList)
        entity_list.set_entities(message.entities)
        entity_list.border_title = None
        wanted = self.selected.key if self.selected is not None else self._reselect
        self._reselect = None
        if wanted is not None:
            self.selected = None
            if any(e.key == wanted for e in self.entities):
                entity_list.select_key(wanted)

    _reported_notes = False

    def _notes_problems(self) -> list[Problem]:
        if self._reported_notes:
            return []
        self._reported_notes = True
        from reader.entities import service

        kb = service.get_recognizer().kb
        return [*kb.problems, *kb.warnings][:MAX_PROBLEM_NOTICES]

    @on(EntityList.Selected)
    def on_entity_selected(self, message: EntityList.Selected) -> None:
        self.select_entity(message.entity)

    def select_entity(self, entity: EntityInfo) -> None:
        """Mark every mention, scroll to the first and show the note."""
        self.selected = entity
        self.mention_index = 0
        view = self.query_one(ArticleView)
        view.set_highlights("selected", [Highlight(s, e, "entity-selected") for s, e in entity.mentions])
        view.scroll_to_offset(entity.first)
        self.refresh_bindings()
        self.gather_note_context(entity)

    @work(thread=True, exclusive=True, group="notes", exit_on_error=False)
    def gather_note_context(self, entity: EntityInfo) -> None:
        """The note, or the story's own words and the library count, off the UI thread."""
        from reader.entities import service
        from reader.entities.summary import names_of, role_of, sentence_at

        article = self.article
        body = article.body if article else ""
        kb = service.get_recognizer().kb
        note = kb.get(entity.key)
        related = [(r, kb.get(r).name) for r in (note.related if note else ()) if kb.get(r)]
        context = NoteContext(entity, note, related)
        if note is None or note.user:
            context.sentence = sentence_at(body, entity.first)
            context.role = role_of(body, entity)
            # The library is a catalog (titles, not texts): find_mentions reads the files.
            worker = get_current_worker()
            ids = find_mentions(self.library, names_of(entity, body), ignore_case=False, titles=False,
                                cancelled=lambda: worker.is_cancelled)
            if worker.is_cancelled:
                return
            mentioning = [e for e in self.library.entries if e.id in ids]
            context.library_count = len(mentioning)
            context.articles = [(a.id, a.title) for a in mentioning[:MAX_LISTED_ARTICLES + 1]
                                if article is None or a.id != article.id][:MAX_LISTED_ARTICLES]
        self.post_message(self.NoteContextReady(context))

    def on_main_screen_note_context_ready(self, message: NoteContextReady) -> None:
        if self.selected is not None and message.context.entity.key == self.selected.key:
            self.query_one(NotePanel).show(message.context)

    @on(NotePanel.RelatedSelected)
    def on_related_selected(self, message: NotePanel.RelatedSelected) -> None:
        entity = next((e for e in self.entities if e.key == message.note_id), None)
        if entity is not None:
            self.query_one(EntityList).select_key(entity.key)
            return
        from reader.entities import service

        note = service.get_recognizer().kb.get(message.note_id)
        if note is not None:
            # not in this story: show the note alone
            self.selected = EntityInfo(note.id, note.name, note.type, [], note)
            self.query_one(ArticleView).set_highlights("selected", [])
            related = [(r, service.get_recognizer().kb.get(r).name) for r in note.related
                       if service.get_recognizer().kb.get(r)]
            self.query_one(NotePanel).show(NoteContext(self.selected, note, related))

    @on(NotePanel.ArticleChosen)
    def on_note_article_chosen(self, message: NotePanel.ArticleChosen) -> None:
        article = self.library.get(message.article_id)
        if article is not None:
            self.open_article(article)
            self._reselect = message.entity_key

    _reselect: str | None = None

    @on(NotePanel.WriteRequested)
    def on_write_requested(self, message: NotePanel.WriteRequested) -> None:
        from reader.screens.note_editor import NoteEditor

        context = message.context
        base = context.note or Note(context.entity.key, context.entity.name, context.entity.type)
        self.app.push_screen(NoteEditor(base), self._save_note)

    def _save_note(self, note: Note | None) -> None:
        if note is None:
            return
        from reader.entities.notes import save_user_note

        try:
            path = save_user_note(note)
        except (OSError, ValueError) as error:
            self.notify(f"The note was not saved: {error}", severity="error", markup=False, timeout=10)
            return
        self.notify(f"Saved the note on {note.name} to {path}", markup=False, timeout=4)
        if self.article is not None:
            self.recognise_entities(self.article, reload_notes=True)

    def _step_mention(self, step: int) -> None:
        entity = self.selected
        if entity is None or not entity.mentions:
            return
        self.mention_index = (self.mention_index + step) % len(entity.mentions)
        start, _ = entity.mentions[self.mention_index]
        self.query_one(ArticleView).scroll_to_offset(start)
        self.notify(f"{entity.name}: mention {self.mention_index + 1} of {len(entity.mentions)}", timeout=2,
                    markup=False)

    def action_next_mention(self) -> None:
        self._step_mention(1)

    def action_previous_mention(self) -> None:
        self._step_mention(-1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("next_mention", "previous_mention"):
            return self.selected is not None and bool(self.selected.mentions)
        return True

    @on(ArticleList.Opened)
    def on_article_opened(self, message: ArticleList.Opened) -> None:
        state = self.state.get(message.article.id) if self.state is not None else None
        self.open_article(message.article, position=state.position if state else None)
        self.query_one(ArticleView).focus()

    def _step_article(self, step: int) -> None:
        target = self.query_one(ArticleList).neighbour(self.article.id if self.article else None, step)
        if target is not None:
            self.open_article(target)
        else:
            self.notify("No more articles that way.", timeout=2)

    def action_next_article(self) -> None:
        self._step_article(1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def _toggle_pane(self, pane) -> None:
        pane.toggle_class("-hidden")
        if pane.has_class("-hidden") and pane.has_focus_within:
            self.query_one(ArticleView).focus()

    def action_toggle_list(self) -> None:
        self._toggle_pane(self.query_one(ArticleList))

    def action_toggle_sidebar(self) -> None:
        self._toggle_pane(self.query_one("#sidebar"))

    # -- read marks and stars ------------------------------------------------

    def _target_id(self) -> str | None:
        """The article a read/star key acts on: the list's cursor in the list, else the open one."""
        article_list = self.query_one(ArticleList)
        if self.focused is article_list and article_list.highlighted_article is not None:
            return article_list.highlighted_article.id
        return self.article.id if self.article is not None else None

    def action_toggle_read(self) -> None:
        article_id = self._target_id()
        if article_id is None:
            return
        article_list = self.query_one(ArticleList)
        if self.state is not None:
            value = self.state.toggle_read(article_id)
        else:
            value = article_id not in article_list.read
        article_list.set_read(article_id, value)

    def action_toggle_star(self) -> None:
        article_id = self._target_id()
        if article_id is None:
            return
        article_list = self.query_one(ArticleList)
        if self.state is not None:
            value = self.state.toggle_star(article_id)
        else:
            value = article_id not in article_list.starred
        article_list.set_starred(article_id, value)

    # -- filtering by what articles mention -----------------------------------

    def filter_mentioning(self, label: str, names: list[str]) -> None:
        """Show only the articles that mention any of ``names`` (an entity's name and aliases)."""
        self._find_mentions(label, names)

    @work(thread=True, exclusive=True, group="mentions", exit_on_error=False)
    def _find_mentions(self, label: str, names: list[str]) -> None:
        worker = get_current_worker()
        catalog = self.library

        def progress(done: int, total: int, _title: str) -> None:
            if total > 200:
                self.post_message(self.TaskProgressed(done, total, f"Looking for {label}…"))

        ids = find_mentions(catalog, names, progress=progress, cancelled=lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_mentions, label, ids)

    def _show_mentions(self, label: str, ids: set[str]) -> None:
        self.query_one(TaskProgress).finish()
        article_list = self.query_one(ArticleList)
        article_list.filter_ids(f"mentioning {label}", ids)
        self.notify(f"{len(ids):,} articles mention {label}; c clears the filter.", markup=False, timeout=4)

    # -- adding and refreshing -----------------------------------------------

    def action_add(self) -> None:
        from reader.screens.add import AddScreen

        def added(items: list[str] | None) -> None:
            if items:
                self.run_import(items)

        self.app.push_screen(AddScreen(), added)

    def action_refresh_feeds(self) -> None:
        self.run_import(None)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def run_import(self, items: list[str] | None) -> None:
        """Import ``items`` (or refresh the feeds when None) off the UI thread."""
        worker = get_current_worker()
        what = "Refreshing feeds…" if items is None else "Adding…"
        self.post_message(self.TaskProgressed(0, 0, what))

        def progress(done: int, total: int, label: str) -> None:
            self.post_message(self.TaskProgressed(done, total, f"{what} {label}" if label else what))

        from reader.library.importer import Importer  # imported when first needed: keeps start-up fast

        with StateStore() as store:
            importer = Importer(store)
            if items is None:
                report = importer.refresh(progress=progress, cancelled=lambda: worker.is_cancelled)
            else:
                report = importer.add(items, progress=progress, cancelled=lambda: worker.is_cancelled)
        self.post_message(self.ImportFinished(report, "refresh" if items is None else "add"))

    def on_main_screen_task_progressed(self, message: TaskProgressed) -> None:
        bar = self.query_one(TaskProgress)
        if not bar.running:
            bar.start(message.label)
        bar.advance_to(message.done, message.total, message.label)

    def on_main_screen_import_finished(self, message: ImportFinished) -> None:
        self.query_one(TaskProgress).finish()
        report = message.report
        self.report_problems(report.problems)
        if message.what == "refresh" and self.state is not None and not self.state.feeds():
            self.notify("No feeds yet: add a feed's URL with A.", timeout=6)
        else:
            self.notify(report.summary().capitalize() + ".", markup=False, timeout=6)
        if report.added:
            from reader.library import default_sources
            from reader.paths import library_dir, seeds_dir

            shown = [Path(s) for s in self.sources]
            if shown == [seeds_dir()]:
                # The sample library was showing; from now on the person's own library is.
                self.sources = default_sources()
            elif library_dir() not in shown:
                self.notify(f"Added to your library in {library_dir()}, which is not one of the folders shown now.",
                            markup=False, timeout=8)
                return
            self.load_library(reopen=False)
