"""The main screen: article list | article view | sidebar.

The screen coordinates: it loads the library in a worker, opens articles and
routes messages between the panes.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from reader.config import SIDEBARS, Settings
from reader.entities.model import Span
from reader.entities.notes import Note
from reader.entities.summary import EntityInfo
from reader.library import Article, Library, load_library
from reader.library.problems import Problem
from reader.widgets.article_details import ArticleDetails
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView, Highlight
from reader.widgets.entity_list import EntityList
from reader.widgets.note_panel import NoteContext, NotePanel

MAX_PROBLEM_NOTICES = 5
MAX_LISTED_ARTICLES = 20
FULL_WIDTH = 100_000
"""``ArticleView.max_width`` when config.yaml asks for the whole pane."""


class MainScreen(Screen):
    """Three panes: the list of articles, the open article and the sidebar."""

    DEFAULT_CSS = """
    MainScreen #panes { height: 1fr; }
    MainScreen .pane { border: round $panel-lighten-2; border-title-color: $text-muted; }
    MainScreen .pane:focus-within { border: round $primary; border-title-color: $text; }
    MainScreen #article-list { width: 32; max-width: 30%; }
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
    ]

    class LibraryLoaded(Message):
        """The library finished loading in the worker."""

        def __init__(self, library: Library) -> None:
            super().__init__()
            self.library = library

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
        self.library = Library()
        self.article: Article | None = None
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
        yield Footer()

    def on_mount(self) -> None:
        settings = getattr(self.app, "settings", None)
        if settings is not None:
            self.apply_settings(settings)
        self.query_one(ArticleView).loading = True
        self.load_library()

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
    def load_library(self) -> None:
        """Read the library files off the UI thread."""
        self.post_message(self.LibraryLoaded(load_library(self.sources)))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "library":
            self.query_one(ArticleView).loading = False
            self.notify(f"Could not load the library: {event.worker.error}", severity="error", markup=False, timeout=10)
        elif event.state == WorkerState.ERROR and event.worker.group in ("entities", "notes"):
            self.notify(f"Could not find the entities: {event.worker.error}", severity="error", markup=False,
                        timeout=8)

    def on_main_screen_library_loaded(self, message: LibraryLoaded) -> None:
        self.library = message.library
        self.report_problems(message.library.problems)
        article_list = self.query_one(ArticleList)
        article_list.set_articles(self.library.articles)
        article_list.border_title = f"Articles ({len(self.library.articles):,})"
        view = self.query_one(ArticleView)
        view.loading = False
        if self.library.articles:
            self.open_article(self.library.articles[0])
            article_list.focus()
        else:
            self.notify("No articles to show.", severity="warning")

    def report_problems(self, problems: list[Problem]) -> None:
        """One notification per problem (a few at most), then a summary line."""
        for problem in problems[:MAX_PROBLEM_NOTICES]:
            self.notify(str(problem), severity="warning" if problem.skipped else "information",
                        markup=False, timeout=8)
        if len(problems) > MAX_PROBLEM_NOTICES:
            self.notify(f"{len(problems) - MAX_PROBLEM_NOTICES} more problems; `reader list` prints them all.",
                        severity="warning", markup=False, timeout=8)

    # -- articles ----------------------------------------------------------

    def open_article(self, article: Article) -> None:
        """Show ``article`` in the view and the sidebar."""
        self.article = article
        view = self.query_one(ArticleView)
        view.border_title = article.title
        view.show(article)
        self.query_one(ArticleDetails).show(article)
        self.query_one(ArticleList).highlight_article(article.id)
        self.entities, self.selected = [], None
        self.query_one(EntityList).set_entities([])
        self.query_one(NotePanel).show(None)
        self.recognise_entities(article)

    # -- entities ----------------------------------------------------------

    @work(thread=True, exclusive=True, group="entities", exit_on_error=False)
    def recognise_entities(self, article: Article, reload_notes: bool = False) -> None:
        """Recognise the article's entities off the UI thread (builds the recogniser the first time)."""
        from reader.entities import service
        from reader.entities.summary import summarise

        recognizer = service.reload_knowledge_base() if reload_notes else service.get_recognizer()
        spans = recognizer.recognise(article.body)
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
        from reader.entities.summary import articles_mentioning, names_of, role_of, sentence_at

        article = self.article
        body = article.body if article else ""
        kb = service.get_recognizer().kb
        note = kb.get(entity.key)
        related = [(r, kb.get(r).name) for r in (note.related if note else ()) if kb.get(r)]
        context = NoteContext(entity, note, related)
        if note is None or note.user:
            context.sentence = sentence_at(body, entity.first)
            context.role = role_of(body, entity)
            mentioning = articles_mentioning(self.library.articles, names_of(entity, body))
            context.library_count = len(mentioning)
            context.articles = [(a.id, a.title) for a in mentioning[:MAX_LISTED_ARTICLES] if a is not article]
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
        self.open_article(message.article)
        self.query_one(ArticleView).focus()

    def _step_article(self, step: int) -> None:
        articles = self.library.articles
        if not articles:
            return
        index = articles.index(self.article) if self.article in articles else -1
        target = index + step
        if 0 <= target < len(articles):
            self.open_article(articles[target])
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
